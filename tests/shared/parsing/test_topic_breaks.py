"""An article that opens with no byline or dateline, read right after another article's
last column: the change of topic at the column break starts it
(shared/parsing/topic_breaks.py)."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text
from shared.parsing.blocks import group_blocks
from shared.parsing.lines import split_lines
from shared.parsing.measure_changes import MEASURING_LINES
from shared.parsing.topic import TOPIC_SIMILARITY, similarity
from shared.parsing.topic_breaks import opens_other_text
from tests.support.extracted_lines import page_under_title, set_in_measure

MEASURE = 18  # characters a line

FIRST = [
    "记者昨天从市交通委获悉，本市公交线路今起逐步恢复运营，首批恢复的线路共有八十多条，"
    "覆盖主要居住区、医院和地铁站点。恢复运营的公交车辆每天都将进行全面消毒，乘客须佩戴口罩，"
    "扫码乘车。",
    "市交通委同时提醒，市民出行前可通过手机查询公交线路恢复情况和实时到站信息，合理安排出行"
    "时间，尽量错峰出行，减少在公交站点等候的时间。各公交企业已组织驾驶员完成核酸检测。",
]
SECOND = [
    "“咱们5个好姐妹再次并肩作战，一定能打赢这一仗！”2月8日，复旦大学附属中山医院的护士长"
    "唐棠在朋友圈写下这句话，随后和4名护士一起登上了驰援武汉的航班。",
    "到达武汉后，唐棠和姐妹们被分配到重症病区。她们每天穿着厚重的防护服连续工作六个多小时，"
    "护目镜上满是雾气，手套里的双手被汗水泡得发白，却没有一个人叫苦叫累。",
]


def _wrap(paragraph: str, measure: int = MEASURE) -> list[str]:
    return set_in_measure(paragraph, measure)


def _columns(paragraphs: list[str], height: int, measure: int = MEASURE) -> list[str]:
    lines = [line for paragraph in paragraphs for line in _wrap(paragraph, measure)]
    return ["\n".join(lines[start : start + height]) for start in range(0, len(lines), height)]


def _parsed_under_title(pieces: list[str]) -> list[ParsedArticle]:
    return parse_text(page_under_title(pieces)).articles


def test_an_article_opening_without_byline_under_another_articles_end_is_its_own() -> None:
    articles = _parsed_under_title(_columns(FIRST, 6) + _columns(SECOND, 6))
    assert ["".join(a.paragraphs) for a in articles] == ["".join(FIRST), "".join(SECOND)]
    assert articles[0].headline == "公交线路今起逐步恢复运营"


def test_a_long_articles_parts_stay_one_article() -> None:
    articles = _parsed_under_title(_columns(FIRST, 6) + _columns(FIRST, 6))
    assert ["".join(a.paragraphs) for a in articles] == ["".join(FIRST + FIRST)]


BUSES = (
    "据了解，首批恢复的线路以连接大型居住区、医院和主要地铁站点的线路为主，"
    "发车间隔根据客流情况灵活调整，高峰时段适当加密班次。"
)


def test_paragraphs_parted_by_blank_lines_stay_one_article_whatever_their_words() -> None:
    # the page sets a blank line at every paragraph break: one under a sentence end parts
    # two paragraphs as often as two columns, and a report's paragraphs may change subject
    paragraphs = [FIRST[1], BUSES, *SECOND]
    assert all(len(_wrap(p)[-1]) < MEASURE - 2 for p in paragraphs)  # short last lines
    articles = _parsed_under_title(["\n".join(_wrap(p)) for p in paragraphs])
    assert [a.paragraphs for a in articles] == [paragraphs]


DRIVERS = [
    "“咱们车队再次并肩作战，一定能打赢这一仗！”2月8日，巴士一公司的驾驶员张建国在朋友圈写下"
    "这句话，随后和4名同事一起报名参加了医护人员接送车队。",
    "接送任务开始后，张建国和同事们每天凌晨四点出车，把医护人员从住地送到医院，深夜再把他们"
    "接回来，车厢每天消毒两次，他们却没有一个人叫苦叫累。",
]


def test_an_article_set_in_another_column_after_a_sentence_end_is_its_own() -> None:
    # the two reports share some words (公交, 消毒…), too many to tell two texts apart by
    # them alone, but not their column: the next module's article keeps its own measure
    head = [
        "上海日报 2024年4月8日 星期一 第2版 社会",
        "",
        "公交线路今起逐步恢复运营",
        "本报记者 王敏",
    ]
    columns = _columns(FIRST, 6) + _columns(DRIVERS, 8, measure=14)
    text = "\n".join(head) + "\n" + "\n\n".join(columns) + "\n"
    articles = parse_text(text).articles
    assert ["".join(a.paragraphs) for a in articles] == ["".join(FIRST), "".join(DRIVERS)]


HEADER = "上海日报 2024年4月8日 星期一 第2版 社会"


def test_a_text_named_by_a_title_elsewhere_on_the_page_opens_its_article() -> None:
    # the bus report and the drivers' report share words (公交, 消毒, 驾驶员…): more than
    # two articles usually do, less than two parts of one; the drivers' title, read over
    # the bus report's dateline (a row's title read apart from its columns), names the
    # text after the break and not the text above it, so that text is another article's
    columns = "\n\n".join(_columns(FIRST, 6) + _columns(DRIVERS, 6))
    head = [HEADER, "", "巴士驾驶员组成医护人员接送车队", "本报记者 李响", ""]
    articles = parse_text("\n".join([*head, "本报讯（记者 王敏）" + columns]) + "\n").articles
    assert ["".join(a.paragraphs) for a in articles] == ["".join(FIRST), "".join(DRIVERS)]


def test_a_title_set_under_its_body_names_its_later_text_without_cutting_it() -> None:
    # titles set under their bodies: the one under the report is its own, though its words
    # stand only in the report's later paragraphs (a feature's opening may name none)
    head = [HEADER, "", "本报记者 王敏"]
    middle = ["", "巴士驾驶员组成医护人员接送车队", "", "本报记者 李响"]
    columns = _columns(FIRST, 6) + _columns(DRIVERS, 6)
    text = "\n".join(
        [*head, "\n\n".join(columns), *middle, *_columns(SECOND, 6), "", "中山医院护士驰援武汉"]
    )
    articles = parse_text(text + "\n").articles
    assert ["".join(a.paragraphs) for a in articles] == [
        "".join(FIRST + DRIVERS),
        "".join(SECOND),
    ]
    assert [a.headline for a in articles] == [
        "巴士驾驶员组成医护人员接送车队",
        "中山医院护士驰援武汉",
    ]


def test_a_columns_lower_part_read_back_under_its_upper_part_opens_no_text() -> None:
    # a column's lower part that column bands put back under its upper part follows no
    # column break: whatever its words, it goes on with the column above it
    first = "\n".join(_wrap("".join(FIRST)))
    second = "\n".join(_wrap("".join(SECOND)))
    blocks = group_blocks(split_lines(first + "\n\n" + second + "\n")[0])
    assert len(blocks) == 2
    assert blocks[1].blanks_before
    assert opens_other_text(blocks[:1], blocks[1:])
    blocks[1].under_band = True
    assert not opens_other_text(blocks[:1], blocks[1:])


NIGHT_BUSES = [
    "本市夜间公交线路今起也逐步恢复运营，首批恢复的夜间线路共有十多条，覆盖主要居住区和医院。"
    "恢复运营的夜间公交车辆每天都将进行全面消毒，乘客须佩戴口罩，扫码乘车。",
    "市交通委提醒，市民夜间出行前可通过手机查询公交线路恢复情况和实时到站信息，合理安排出行"
    "时间，减少在公交站点等候的时间。",
]


def test_a_text_in_another_column_after_a_sentence_end_is_its_own_whatever_its_words() -> None:
    # the night-bus report speaks of what the bus report does (公交, 恢复运营, 消毒…), as
    # much as two parts of one article do; but it is set in another column, and an article
    # keeps its column: measured on both sides' full lines, the change alone parts them
    above = [line for p in FIRST for line in _wrap(p)]
    below = [line for p in NIGHT_BUSES for line in _wrap(p, 13)]
    assert similarity_of(above, below) >= TOPIC_SIMILARITY
    head = [HEADER, "", "公交线路今起逐步恢复运营", "本报记者 王敏"]
    columns = _columns(FIRST, 6) + _columns(NIGHT_BUSES, 8, measure=13)
    articles = parse_text("\n".join(head) + "\n" + "\n\n".join(columns) + "\n").articles
    assert ["".join(a.paragraphs) for a in articles] == ["".join(FIRST), "".join(NIGHT_BUSES)]


def similarity_of(above: list[str], below: list[str]) -> float:
    """The topic similarity of two runs of text lines, as the break test measures it."""
    lines = split_lines("\n".join([*above, "", *below]) + "\n")[0]
    return similarity(lines[: len(above)], lines[len(above) + 1 :])


def test_a_few_lines_in_another_column_on_other_things_are_not_the_articles() -> None:
    # too few lines to tell their topic by themselves, set in another column under the
    # bus report's closed sentence, and sharing next to none of its words: no paragraph
    # of the bus report set apart, but the rest of another module
    weather = (
        "受冷空气影响，明天本市最高气温将下降六到八摄氏度，北部地区有小雨，"
        "夜间最低气温接近零摄氏度，请注意添衣保暖。"
    )
    assert len(_wrap(weather, 13)) < MEASURING_LINES
    head = [HEADER, "", "公交线路今起逐步恢复运营", "本报记者 王敏"]
    columns = [*_columns(FIRST, 6), "\n".join(_wrap(weather, 13))]
    articles = parse_text("\n".join(head) + "\n" + "\n\n".join(columns) + "\n").articles
    assert ["".join(a.paragraphs) for a in articles] == ["".join(FIRST), weather]


def test_a_column_foot_too_short_to_measure_is_measured_by_the_text_above_it() -> None:
    # the bus report's last column holds two lines, too few to tell its column by
    # themselves; the report's text up to the break tells it, and the night-bus report
    # under the break is set in another
    columns = _columns(FIRST, 4) + _columns(NIGHT_BUSES, 8, measure=13)
    assert len(columns[2].splitlines()) == 2
    head = [HEADER, "", "公交线路今起逐步恢复运营", "本报记者 王敏"]
    articles = parse_text("\n".join(head) + "\n" + "\n\n".join(columns) + "\n").articles
    assert ["".join(a.paragraphs) for a in articles] == ["".join(FIRST), "".join(NIGHT_BUSES)]


def _indented(paragraph: str, measure: int = MEASURE) -> list[str]:
    """The paragraph's lines where the page indents first lines: the first is two
    characters short of the measure."""
    first = paragraph[: measure - 2]
    return [first, *set_in_measure(paragraph[len(first) :], measure)]


def test_a_piece_running_on_from_another_column_under_a_paragraph_end_opens_another_text() -> None:
    # the text above ends its paragraph short of the column; the piece under the break
    # opens with a full line (no paragraph's first line where the page indents them) and
    # shares less than two parts of one article do: it runs on from another text
    above = [line for paragraph in FIRST for line in _indented(paragraph)]
    piece = SECOND[1][7:61]  # mid-sentence, three full lines: too short to tell its topic
    text = "\n".join(above) + "\n\n" + "\n".join(set_in_measure(piece, MEASURE)) + "\n"
    blocks = group_blocks(split_lines(text)[0])
    assert len(blocks) == 2
    assert opens_other_text(blocks[:1], blocks[1:], indents=True)
    # where the page does not indent, a full line may open a paragraph
    assert not opens_other_text(blocks[:1], blocks[1:], indents=False)


def test_a_paragraph_opening_under_a_paragraph_end_needs_its_topic() -> None:
    # the same piece opening a paragraph (short by the indent) may be the article's next
    # paragraph in its next column: too short to tell its topic, it stays
    above = [line for paragraph in FIRST for line in _indented(paragraph)]
    piece = SECOND[1][7:59]
    text = "\n".join(above) + "\n\n" + "\n".join(_indented(piece)) + "\n"
    blocks = group_blocks(split_lines(text)[0])
    assert len(blocks) == 2
    assert not opens_other_text(blocks[:1], blocks[1:], indents=True)
