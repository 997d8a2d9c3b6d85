"""A photo credit on a line of its own under a caption no wider than a body column closes
that caption (``caption_credits.py``): a credit with 摄 always (also a blank line under a
caption set apart), a byline-shaped credit (``■ 本报记者 X``) where a blank line stands
under it."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text
from tests.support.extracted_lines import set_in_measure
from tests.support.photo_pages import BUS_REPORT, CANTEEN_REPORT, NARROW_CAPTION

TITLE = ["社区食堂开进老小区"]
CAPTION = NARROW_CAPTION
BODY = CANTEEN_REPORT


def parse(*lines: str) -> list[ParsedArticle]:
    return parse_text("\n".join(lines)).articles


def test_a_credit_naming_its_shooter_on_a_line_of_its_own_closes_a_narrow_caption() -> None:
    articles = parse(*TITLE, "", *CAPTION, "（本报记者 李响 摄）", "", *BODY)
    assert [(a.kind, a.reporters) for a in articles] == [
        ("article", ["张明远"]),
        ("photo", ["李响"]),
    ]
    assert articles[1].paragraphs == ["".join(CAPTION)]


def test_a_bullet_credit_standing_apart_under_a_narrow_caption_closes_it() -> None:
    articles = parse(*TITLE, "", *CAPTION, "■ 本报记者 李响", "", *BODY)
    assert [(a.kind, a.reporters) for a in articles] == [
        ("article", ["张明远"]),
        ("photo", ["李响"]),
    ]


def test_a_bullet_byline_set_over_its_text_stays_a_byline() -> None:
    body = set_in_measure(
        "城东新建的社区食堂上周开门迎客，每天中午都有两百多位老人前来用餐。", 12
    )
    articles = parse(*TITLE, "", *CAPTION, "■ 本报记者 李响", *body)
    assert all(a.kind == "article" for a in articles)


# text under a photo that opens no article of its own (no dateline, no byline)
TEXT = set_in_measure(
    "城东新建的社区食堂上周开门迎客，每天中午都有两百多位老人前来用餐。街道还打算在食堂旁"
    "开设阅览室和棋牌室。",
    12,
)


def test_a_shooter_s_credit_set_apart_under_a_caption_set_apart_closes_it() -> None:
    # the caption printed apart, its credit read a blank line under it: the credit is the
    # photo's, never the byline of the text under it
    articles = parse(*BUS_REPORT, "", *CAPTION, "", "（本报记者 李响 摄）", "", *TEXT)
    assert [(a.kind, a.reporters) for a in articles][:2] == [
        ("article", ["王敏"]),
        ("photo", ["李响"]),
    ]
    assert articles[1].paragraphs == ["".join(CAPTION)]
    assert all("李响" not in a.reporters for a in articles if a.kind == "article")


def test_a_shooter_s_credit_set_apart_under_a_title_and_a_sentence_closes_no_caption() -> None:
    # title lines over the sentence: no one paragraph, no caption of a photo
    head = ["社区食堂开进老小区，每天中", "午开门", "居民在新开张的社区食堂里挑选午餐。"]
    articles = parse(*BUS_REPORT, "", *head, "", "（本报记者 李响 摄）", "", *TEXT)
    assert not any(a.kind == "photo" for a in articles)


def test_a_bullet_credit_under_a_caption_wider_than_the_text_under_it_closes_it() -> None:
    # a caption across its photo, 30 em, over text in a 12 em column: the bullet credit under
    # it, a blank line under the credit, is the photo's, not the byline of the text
    wide = [
        "居民在新开张的社区食堂里挑选午餐，窗口前排起了长队，工作人员忙",
        "着为老人们打菜盛汤。",
    ]
    articles = parse(*BUS_REPORT, "", *wide, "■ 本报记者 李响", "", *TEXT)
    assert [(a.kind, a.reporters) for a in articles][:2] == [
        ("article", ["王敏"]),
        ("photo", ["李响"]),
    ]
    assert all("李响" not in a.reporters for a in articles if a.kind == "article")
    # a paragraph in the text's own measure is no caption: the byline opens the text
    narrow = set_in_measure("居民在新开张的社区食堂里挑选午餐。", 12)
    articles = parse(*BUS_REPORT, "", *narrow, "■ 本报记者 李响", "", *TEXT)
    assert not any(a.kind == "photo" for a in articles)
