"""A photo credit on a line of its own under a caption no wider than a body column closes
that caption (``caption_credits.py``): a credit with 摄 always, a byline-shaped credit
(``■ 本报记者 X``) where a blank line stands under it."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text
from tests.support.extracted_lines import set_in_measure
from tests.support.photo_pages import CANTEEN_REPORT, NARROW_CAPTION

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
