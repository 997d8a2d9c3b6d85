"""A caption read with title lines glued over it (no blank line between) sheds them: the
caption starts where lines at its own measure start (``caption_titles.py``)."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text
from shared.parsing.block import Block
from shared.parsing.caption_titles import _caption_start
from shared.parsing.lines import make_line
from tests.support.photo_pages import BUS_REPORT, CANTEEN_REPORT, NARROW_CAPTION

OTHER = BUS_REPORT
TITLE = ["社区食堂开进", "老小区"]
CAPTION = NARROW_CAPTION
CREDIT = "（本报记者 李响 摄）"
BODY = CANTEEN_REPORT


def parse(*lines: str) -> list[ParsedArticle]:
    return parse_text("\n".join(lines)).articles


def _photo(articles: list[ParsedArticle]) -> ParsedArticle:
    photos = [a for a in articles if a.kind == "photo"]
    assert len(photos) == 1
    return photos[0]


def test_title_lines_glued_over_a_caption_closed_by_its_credit_leave_it() -> None:
    caption = [*CAPTION[:-1], CAPTION[-1] + "　" + CREDIT]
    photo = _photo(parse(*OTHER, "", *TITLE, *caption, "", *BODY))
    assert photo.paragraphs == ["".join(CAPTION)]
    assert photo.reporters == ["李响"]


def test_title_lines_glued_over_a_caption_with_its_credit_on_a_line_of_its_own() -> None:
    photo = _photo(parse(*OTHER, "", *TITLE, *CAPTION, CREDIT, "", *BODY))
    assert photo.paragraphs == ["".join(CAPTION)]
    assert photo.reporters == ["李响"]


def test_lines_ending_a_sentence_over_a_caption_are_not_split_off_as_titles() -> None:
    # a title ends no sentence: a body's lines that do are left to the other rules
    rows = ["记者昨天获悉，本市", "公交线路今起恢复。", *CAPTION[:-1], CAPTION[-1] + "　" + CREDIT]
    lines = [make_line(row, number, 1) for number, row in enumerate(rows, start=1)]
    assert _caption_start(Block("text", lines, "test"), None) == 0
    titled = [make_line(row, number, 1) for number, row in enumerate([*TITLE, *rows[2:]], 1)]
    assert _caption_start(Block("text", titled, "test"), None) == len(TITLE)
