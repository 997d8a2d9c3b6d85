"""A title the extractor read amid another article's cut sentence: its words tell it.

The pages are written as pdftotext gives them (see test_stray_pieces): no blank line
between a title and its body or between paragraphs, a blank line where a block ends."""

from __future__ import annotations

from shared.parsing import parse_text
from tests.shared.parsing.test_stray_pieces import NIGHT, VILLAGE, body, wrap

# as wide as the night report's column, free of sentence marks: by its shape alone it may
# be that report's sentence going on past the column break
VILLAGE_TITLE = "山区合作社引进收割机烘干设备"


def _night_cut_by(title: str) -> list[str]:
    night = wrap(NIGHT, 14)
    return [
        "城市夜经济持续升温",
        *night[:13], "",
        title, "",
        *night[13:], "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip


def test_a_title_read_amid_a_cut_sentence_goes_to_the_body_using_its_words() -> None:
    rows = _night_cut_by(VILLAGE_TITLE)
    # the night report's sentence is cut on a full line
    assert not rows[13].endswith(("。", "，"))
    assert len(rows[13]) == 14
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.headline, a.paragraphs) for a in parsed] == [
        ("城市夜经济持续升温", body(NIGHT)),
        (VILLAGE_TITLE, body(VILLAGE)),
    ]


def test_a_line_amid_a_cut_sentence_using_no_other_bodys_words_goes_on_with_it() -> None:
    # the same line with words of no body on the page: nothing tells it from the text
    # going on, which it then is (the night report's sentence, read on across the break)
    rows = _night_cut_by("今夏天气炎热市区人流量大增")
    parsed = parse_text("\n".join(rows)).articles
    assert parsed[0].headline == "城市夜经济持续升温"
    assert "今夏天气炎热市区人流量大增" in "".join(parsed[0].paragraphs)
