"""A title standing over no text (its byline alone, then a photo) heads the one untitled
text read after it: the extractor read the module's text after its neighbours'.  Where
the stack's kicker goes to that text by its words, the headline under it goes along.

The pages are written as pdftotext gives them (see test_stray_pieces)."""

from __future__ import annotations

from shared.parsing import parse_text
from tests.shared.parsing.test_stray_pieces import NIGHT, RIVER, VILLAGE, body, wrap

CAPTION = "夜幕降临，市民在步行街夜市选购特色小吃，商户们忙着招呼顾客。（本报记者 常宇 摄）"
# the texts as they run under a byline set with the title: no dateline of their own
NIGHT_TEXT = [NIGHT[0].removeprefix("本报讯（记者王伟）"), *NIGHT[1:]]


def _titled(rows: list[str]) -> list[tuple[str, list[str], list[str]]]:
    parsed = parse_text("\n".join(rows)).articles
    return [(a.headline, a.reporters, a.paragraphs) for a in parsed if a.kind == "article"]


def test_a_title_and_byline_over_a_photo_head_the_untitled_text_read_later() -> None:
    rows = [
        "灯火点亮不眠之城", "本报记者 王伟", "",
        CAPTION, "",
        "田野里的好光景", *wrap(VILLAGE, 14), "",
        *wrap(NIGHT_TEXT, 14),
    ]  # fmt: skip
    assert _titled(rows) == [
        ("灯火点亮不眠之城", ["王伟"], NIGHT_TEXT),
        ("田野里的好光景", ["李明"], body(VILLAGE)),
    ]


def test_two_untitled_texts_after_the_title_leave_it_where_it_stands() -> None:
    # nothing tells which of the two is the title's text (the second opens with a
    # dateline of its own, so it stands apart)
    rows = [
        "灯火点亮不眠之城", "本报记者 王伟", "",
        CAPTION, "",
        "田野里的好光景", *wrap(VILLAGE, 14), "",
        *wrap(NIGHT_TEXT, 14), "",
        *wrap(RIVER, 14),
    ]  # fmt: skip
    assert [title for title, _, text in _titled(rows) if text == NIGHT_TEXT] == [""]


def test_a_headline_over_no_text_follows_its_kicker_to_the_text_using_the_kickers_words() -> None:
    # the kicker's words place it over the text read later; the headline under it shares
    # none of them, but a stack over no text goes whole: it is one module's
    rows = [
        "入夏以来本市夜间经济持续升温", "",
        "灯火点亮不眠之城", "本报记者 王伟", "",
        CAPTION, "",
        "田野里的好光景", *wrap(VILLAGE, 14), "",
        *wrap(NIGHT_TEXT, 14),
    ]  # fmt: skip
    parsed = [a for a in parse_text("\n".join(rows)).articles if a.kind == "article"]
    assert [(a.kicker, a.headline, a.reporters, a.paragraphs) for a in parsed] == [
        ("入夏以来本市夜间经济持续升温", "灯火点亮不眠之城", ["王伟"], NIGHT_TEXT),
        ("", "田野里的好光景", ["李明"], body(VILLAGE)),
    ]
