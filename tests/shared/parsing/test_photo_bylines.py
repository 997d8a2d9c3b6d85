"""A photo's caption read inside an article (under its title and byline, or between two
pieces of its body) leaves the article whole."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text
from tests.support.extracted_lines import set_in_measure
from tests.support.photo_pages import BUS_REPORT

BODY = set_in_measure(
    "城东新建的社区食堂上周开门迎客，每天中午都有两百多位老人前来用餐，饭菜价格比市面上低"
    "三成左右。街道还打算在食堂旁开设阅览室和棋牌室，让老人们吃完饭有地方坐一坐、聊一聊。",
    12,
)
CAPTION = [
    "居民在新开张的社区食堂里挑选午餐，窗口前排起了长队，工作人员忙着为老人们",
    "打菜盛汤。 （本报记者 李响 摄）",
]
OTHER = BUS_REPORT


HEAD = ["社区食堂开进老小区", "■ 本报记者 张明远", "", *CAPTION, ""]


def parse(*lines: str) -> list[ParsedArticle]:
    return parse_text("\n".join(lines)).articles


def test_a_byline_over_a_photo_opens_the_body_under_the_photo() -> None:
    articles = parse(*OTHER, "", *HEAD, *BODY)
    by_kind = [(a.kind, a.headline) for a in articles]
    assert by_kind == [
        ("article", "公交线路今起逐步恢复运营"),
        ("article", "社区食堂开进老小区"),  # (in page order: its byline stands over the photo)
        ("photo", ""),
    ]
    assert articles[1].reporters == ["张明远"]
    assert articles[1].paragraphs[0].startswith("城东新建的社区食堂")
    assert articles[2].paragraphs[0].startswith("居民在新开张的社区食堂")


def test_a_byline_over_a_photo_leaves_a_body_that_opens_an_article_alone() -> None:
    dated = ["本报讯（记者 赵刚）" + BODY[0], *BODY[1:]]
    articles = parse(*OTHER, "", *HEAD, *dated)
    assert [a.reporters for a in articles if a.kind == "article"][-1] == ["赵刚"]


def test_a_body_cut_mid_sentence_goes_on_under_a_photo_set_inside_its_columns() -> None:
    cut = len(BODY) // 2
    assert not BODY[cut - 1].endswith("。")
    opening = ["社区食堂开进老小区", "本报记者 张明远", *BODY[:cut]]
    articles = parse(*OTHER, "", *opening, "", *CAPTION, "", *BODY[cut:])
    assert [(a.kind, a.headline) for a in articles] == [
        ("article", "公交线路今起逐步恢复运营"),
        ("article", "社区食堂开进老小区"),
        ("photo", ""),
    ]
    assert "".join(articles[1].paragraphs).endswith("聊一聊。")


def test_a_byline_over_a_photo_under_another_article_opens_the_body_under_the_photo() -> None:
    # the canteen's byline read after the bus report's text, its photo, then its body: the
    # byline heads the text under the photo, not the report above (credited already)
    articles = parse(*OTHER, "", "本报记者 张明远", "", *CAPTION, "", *BODY)
    credits = {a.paragraphs[0][:4]: a.reporters for a in articles if a.kind == "article"}
    assert credits == {"记者昨天": ["王敏"], "城东新建": ["张明远"]}
    # and with the canteen's title read with the row's heads above
    articles = parse(
        "社区食堂开进老小区", "", *OTHER, "", "本报记者 张明远", "", *CAPTION, "", *BODY
    )
    assert [(a.headline, a.reporters) for a in articles if a.kind == "article"] == [
        ("社区食堂开进老小区", ["张明远"]),
        ("公交线路今起逐步恢复运营", ["王敏"]),
    ]


def test_a_byline_over_a_photo_opens_no_text_that_opens_mid_clause() -> None:
    # text under the photo opening on a clause's last character is a column's broken-off
    # foot, no article's opening: the byline does not head it
    articles = parse(*OTHER, "", "本报记者 张明远", "", *CAPTION, "", "区、" + BODY[0], *BODY[1:])
    assert not any(
        a.reporters == ["张明远"] and a.paragraphs[0].startswith("区、") for a in articles
    )
