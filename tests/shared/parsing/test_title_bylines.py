"""A byline is part of its module's head: read away from its body (a row's heads read
across), it goes with its title; one read over another article's body that is credited
otherwise credits no article there (shared/parsing/title_bylines.py)."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text
from tests.support.extracted_lines import set_in_measure

BUS = set_in_measure(
    "记者昨天从市交通委获悉，本市公交线路今起逐步恢复运营，首批恢复的线路覆盖主要交通枢纽"
    "和大型居住社区，乘客须佩戴口罩并配合测温。交通部门提醒市民错峰出行，尽量减少在车厢内交谈。",
    12,
)
# another module's body, set in a wider column
CANTEEN = set_in_measure(
    "城东新建的社区食堂上周开门迎客，每天中午都有两百多位老人前来用餐，饭菜价格比市面上低"
    "三成左右。街道还打算在食堂旁开设阅览室和棋牌室，让老人们吃完饭有地方坐一坐、聊一聊。",
    16,
)
CANTEEN_TITLE = "社区食堂开进老小区"
BUS_TITLE = "公交线路今起逐步恢复运营"


def parse(*lines: str) -> list[ParsedArticle]:
    return parse_text("\n".join(lines)).articles


def credits(articles: list[ParsedArticle]) -> list[tuple[str, list[str]]]:
    return [(a.headline, a.reporters) for a in articles]


def test_a_byline_run_into_its_title_follows_the_title_to_its_body() -> None:
    # the row's heads read across: the canteen's head, then the bus report's head and body,
    # then the canteen's body
    articles = parse(
        CANTEEN_TITLE, "本报记者 左妍", "", BUS_TITLE, "本报记者 谢凯", *BUS, "", *CANTEEN
    )
    assert credits(articles) == [(CANTEEN_TITLE, ["左妍"]), (BUS_TITLE, ["谢凯"])]
    assert articles[0].paragraphs[0].startswith("城东新建的社区食堂")


def test_a_byline_set_apart_over_another_opening_byline_goes_to_the_title_above() -> None:
    # two heads read across, their bylines under both titles: the byline that runs into the
    # body is the body's, the one set apart above it the other title's
    articles = parse(
        CANTEEN_TITLE, "", BUS_TITLE, "", "本报记者 左妍", "", "本报记者 谢凯", *BUS, "", *CANTEEN
    )
    assert credits(articles) == [(CANTEEN_TITLE, ["左妍"]), (BUS_TITLE, ["谢凯"])]


def test_a_byline_over_a_dateline_naming_others_credits_no_article_there() -> None:
    dated = ["本报讯（记者 谢凯）" + BUS[0], *BUS[1:]]
    articles = parse(BUS_TITLE, "", "本报记者 左妍", "", *dated)
    assert credits(articles) == [(BUS_TITLE, ["谢凯"])]
    assert "本报记者 左妍" in articles[0].byline  # (the line is kept as printed)


def test_a_head_s_credit_lines_stay_together() -> None:
    articles = parse(BUS_TITLE, "本报记者 谢凯", "本报通讯员 李响", *BUS)
    assert credits(articles) == [(BUS_TITLE, ["谢凯"])]
    assert articles[0].correspondents == ["李响"]
    # a correspondent's line set apart from the reporter's names no second set of reporters
    articles = parse(BUS_TITLE, "", "本报记者 谢凯", "", "本报通讯员 李响", *BUS)
    assert credits(articles) == [(BUS_TITLE, ["谢凯"])]
    assert articles[0].correspondents == ["李响"]


def test_a_byline_that_names_the_dateline_s_reporters_stays() -> None:
    dated = ["本报讯（记者 谢凯）" + BUS[0], *BUS[1:]]
    articles = parse(BUS_TITLE, "本报记者 谢凯 左妍", *dated)
    assert credits(articles) == [(BUS_TITLE, ["谢凯", "左妍"])]


def test_a_byline_set_apart_over_a_reporter_and_correspondent_pair_goes_to_the_title_above() -> (
    None
):
    # the byline that opens the body is two lines, the reporter's over the correspondent's:
    # each line credits names of its own (the reporter's name is not glued to the next role)
    articles = parse(
        CANTEEN_TITLE, "", BUS_TITLE, "", "本报记者 左妍", "",
        "记者 谢凯", "本报通讯员 李响", *BUS, "", *CANTEEN,
    )
    assert credits(articles) == [(CANTEEN_TITLE, ["左妍"]), (BUS_TITLE, ["谢凯"])]
    assert articles[1].correspondents == ["李响"]


def test_a_byline_under_a_title_moved_to_its_body_past_a_photo_follows_the_title() -> None:
    # the head (title, byline) read over a photo's caption, its body under the caption opening
    # with a short line the title stage takes with the title: the byline was read under a
    # line of that title group, not under its last line, and still goes with it
    twins = set_in_measure(
        "我的妻子今年2月生下一对双胞胎，一直在医院救治，每天我都要给孩子送去母乳。新一轮核酸"
        "筛查启动后，要求足不出户，我这个奶爸几乎寸步难行。没法送奶，我的两个小宝宝可怎么办？",
        18,
    )
    caption = [
        "林为彬是派出所的一名社区民警。疫情发生以来，一直奋战在抗疫一线。到昨天为止，他已经十多",
        "天没有回家。 ■ 本报记者 陆雪",
    ]
    articles = parse(
        CANTEEN_TITLE, "本报记者 谢凯", *CANTEEN, "",
        "特早产双胞胎 嗷嗷待哺 获特批送母", "乳 奶爸安心", "本报记者 杨硕", "",
        *caption, "", "求助", *twins,
    )  # fmt: skip
    twins_article = next(a for a in articles if a.paragraphs[-1].endswith("可怎么办？"))
    assert "特早产双胞胎" in twins_article.kicker + twins_article.headline
    assert twins_article.reporters == ["杨硕"]
    assert articles[0].reporters == ["谢凯"]


def test_a_byline_run_into_the_title_over_the_body_is_the_body_s() -> None:
    # the bus report's head (title and byline run together), then the canteen's byline read
    # after it and set apart from both, then the bus report's body: the byline under the
    # title is the body's, the one set apart goes to the title above
    articles = parse(
        CANTEEN_TITLE, "", BUS_TITLE, "本报记者 谢凯", "", "本报记者 左妍", "", *BUS, "", *CANTEEN
    )
    assert credits(articles) == [(CANTEEN_TITLE, ["左妍"]), (BUS_TITLE, ["谢凯"])]
