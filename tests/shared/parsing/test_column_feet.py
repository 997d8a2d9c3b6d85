"""Column feet read after the column tops (:mod:`shared.parsing.column_feet`): something
cuts across an article's two columns, and the extractor reads top 1, top 2, foot 1, foot 2.
Top 1 breaks off in mid-sentence at its column's full width while top 2 opens a paragraph;
foot 1 opens in mid-sentence and goes back under top 1, and top 2's open sentence then runs
on into foot 2.

The page is written as pdftotext gives it: a paragraph's first line two em short of the
column (its indent lost), a blank line where a column breaks off."""

from __future__ import annotations

from shared.parsing import parse_text
from tests.shared.parsing.test_stray_pieces import body, wrap

NIGHT = [
    "本报讯（记者王伟）入夏以来，本市夜间经济持续升温，各大商圈延长营业时间，夜市摊位"
    "人头攒动，餐饮门店订单稳步上升，夜游项目一票难求，消费市场呈现出蓬勃的活力。",
    "据市商务委介绍，今年夏季夜间消费额同比增长明显，其中餐饮和文旅消费增幅居前。",
    "夜游项目同样受到欢迎，多条游船线路周末满员。",
    "记者走访发现，各大夜市的客流较去年同期明显增加。",
    "不少商圈推出的夜间主题活动吸引了大批年轻消费者，带动了周边零售和交通的客流，"
    "一些老街区借助灯光改造和特色小店重新焕发了生机，成为市民和游客夜晚打卡的去处。",
    "业内人士认为，夜间经济的繁荣离不开公共服务的配套，地铁延时运营、公交夜班线路和"
    "停车场错峰开放等措施为市民夜间出行提供了便利，也让商圈的夜晚更加安全有序。",
    "市商务委表示，下一步将继续优化夜间经济的营商环境，支持商圈和夜市举办特色活动，"
    "鼓励餐饮门店延长营业时间，让夜间消费成为城市消费增长的新亮点。",
]


def test_column_feet_read_after_the_tops_go_back_under_them() -> None:
    lines = wrap(NIGHT, 16)
    top_1, foot_1 = lines[:14], lines[14:17]  # cut after "…带动了周边零", a full line
    top_2, foot_2 = lines[17:20], lines[20:]  # top 2 opens a paragraph, breaks off in one
    assert top_1[-1].endswith("周边零")
    assert top_2[0].startswith("业内人士")
    page = "\n".join(["夜间经济持续升温", *top_1, "", *top_2, "", *foot_1, "", *foot_2]) + "\n"
    (article,) = parse_text(page).articles
    assert article.paragraphs == body(NIGHT)


def test_a_foot_is_left_where_moving_it_would_cut_another_sentence() -> None:
    # the last top breaks off and nothing after the foot goes on with it: the foot may
    # as well finish the last top's sentence as the first's, and stays where it is
    lines = wrap(NIGHT, 16)
    top_1, foot_1, top_2 = lines[:14], lines[14:17], lines[17:20]
    page = "\n".join(["夜间经济持续升温", *top_1, "", *top_2, "", *foot_1]) + "\n"
    (article,) = parse_text(page).articles
    assert article.paragraphs[-1].startswith("业内人士认为")
    assert article.paragraphs[-1].endswith("去处。")


def test_tops_of_one_height_then_their_feet_read_back_column_by_column() -> None:
    # every piece breaks off in mid-sentence, so any order reads on by shape; but two
    # tops of three lines each, cut across at one height, then two blocks of other
    # heights, each opening with a full line, are the columns' tops and feet
    lines = wrap(NIGHT, 16)
    top_1, foot_1 = lines[:3], lines[3:13]  # cut after "…餐"
    top_2, foot_2 = lines[13:16], lines[16:]  # cut after "…焕发了生机，"
    page = "\n".join(["夜间经济持续升温", *top_1, "", *top_2, "", *foot_1, "", *foot_2]) + "\n"
    (article,) = parse_text(page).articles
    assert article.paragraphs == body(NIGHT)


def test_columns_of_one_height_read_in_order_stay_in_order() -> None:
    # two full columns and a shorter last one: no feet after the tops
    lines = wrap(NIGHT, 16)
    page = "\n".join(["夜间经济持续升温", *lines[:9], "", *lines[9:18], "", *lines[18:]]) + "\n"
    (article,) = parse_text(page).articles
    assert article.paragraphs == body(NIGHT)
