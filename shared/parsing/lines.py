"""Text → typed :class:`Line` records with the layout features later stages decide on.

Width is measured in printed em: a Chinese character, full-width punctuation or a CJK quote
is 1, a half-width digit or Latin letter is 0.5, spaces count 0 (they are extraction
artefacts).  Pages are separated by form feeds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from shared.parsing.continuation_markers import (
    Continuation,
    continuations_in,
    strip_continuations,
)
from shared.parsing.datelines import starts_with_dateline
from shared.parsing.normalise import (
    display_width as display_width,  # re-exported: a line's width is measured with it
)
from shared.parsing.normalise import (
    is_spaced_out,
    join_wrapped,
    normalise_chars,
    remove_layout_spaces,
)

# A sentence (and so possibly a paragraph) ends with one of these, optionally followed by
# closing quotes or brackets.
SENTENCE_END = frozenset("。！？!?…；")
CLOSERS = frozenset("”’」』》）)】\"'")
_WHITESPACE = " \t\u3000\u00a0\v"


class Line(NamedTuple):
    """One extracted line of one page (immutable; a named tuple because pages have hundreds
    of lines and a tuple is built several times faster than a frozen dataclass)."""

    number: int  # 1-based line number in the whole input (for explanations)
    page: int  # 1-based page number (pages are split by form feeds)
    raw: str  # as extracted, without the newline
    text: str  # characters normalised, outer whitespace stripped, inner spaces kept
    width: float  # printed width in em (spaces excluded)
    indent: int  # leading whitespace characters
    spaced_out: bool  # justified with a space between (nearly) every character
    ends_sentence: bool  # last visible character closes a sentence
    # Facts later stages ask about each line many times, decided once here:
    opens_dateline: bool  # opens with a dateline (datelines.starts_with_dateline)
    # its width tells the column width: not letter-spaced, not opening with a dateline (its
    # spaces take room) and not carrying a continuation marker (columns.measures_column)
    measures_column: bool
    continuations: tuple[Continuation, ...]  # continuation markers it carries (（下转第2版）)
    is_blank: bool  # no text (a field, not a property: asked ~1000 times a page)
    # Read off a layout page's geometry (:mod:`layout_columns`): whether the line is set in
    # from its column's left edge by a paragraph's indent (True) or starts at it (False);
    # None where no geometry tells (a plain page, a line centred or set right).
    set_in: bool | None = None
    # Read off a layout page's geometry as well: the line stands over the columns below it as
    # their title (set in from their text farther than an indent, or centred on them:
    # :mod:`layout_columns`' head and spanning cuts); False elsewhere.
    heads_columns: bool = False


# An interview's turn: 问：… / 答：… / 记者：… / 主持人：… (all 13 such labels in the corpus
# articles open a paragraph; none stands inside one after a sentence end)
_INTERVIEW_TURN = re.compile(r"\s*(?:问|答|记者|主持人|Q|A)\s*[:：]")


def opens_interview_turn(text: str) -> bool:
    """Does ``text`` open with an interview's question or answer label (``问：``, ``答：``)?"""
    return _INTERVIEW_TURN.match(text) is not None


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_WHITESPACE)
    while stripped and stripped[-1] in CLOSERS:
        if stripped[-1] in "）)" and _closes_parenthetical(stripped):
            return False
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in SENTENCE_END


def _closes_parenthetical(text: str) -> bool:
    # "……问责）要求" closes a parenthesis, not a sentence; "。）" does close a sentence.
    return len(text) >= 2 and text[-2] not in SENTENCE_END and text[-2] not in CLOSERS


def _indent(raw: str, text: str, continuations: tuple[Continuation, ...]) -> int:
    """The leading whitespace of the line, or, where a continuation marker is glued before
    its text (``（上接第1版）　　疫情之前，…``), the whitespace after the marker: the
    paragraph's kept indent, which the extractor put after the marker's box."""
    if continuations and not text[: continuations[0].start].strip():
        rest = text[continuations[0].end :]
        if rest.strip():
            return len(rest) - len(rest.lstrip())
    return len(raw) - len(raw.lstrip())


def make_line(
    raw: str, number: int, page: int, set_in: bool | None = None, heads_columns: bool = False
) -> Line:
    text = normalise_chars(raw).strip()
    continuations: tuple[Continuation, ...] = ()
    if text:
        # (is_spaced_out's own first test, asked before calling it: most lines hold no space)
        spaced_out = (" " in text or not text.isprintable()) and is_spaced_out(text)
        opens_dateline = starts_with_dateline(text)
        continuations = continuations_in(text)
        # (a marker glued after the text, ``…开下门！”（下转第2版）``, closes no parenthesis of
        # the text: the text before it tells whether the line ends a sentence)
        closes_sentence = ends_sentence(
            strip_continuations(text, continuations)[0] if continuations else text
        )
    else:  # a blank line (a page has dozens): nothing in it to look for
        spaced_out = opens_dateline = closes_sentence = False
    # tuple.__new__ with the fields in declaration order: the keyword constructor of a
    # named tuple costs several times more, and a page builds hundreds of lines.
    return _new_line(
        Line,
        (
            number,
            page,
            raw,
            text,
            display_width(raw),
            _indent(raw, text, continuations),
            spaced_out,
            closes_sentence,
            opens_dateline,
            not (spaced_out or opens_dateline or continuations),
            continuations,
            not text,
            set_in,
            heads_columns,
        ),
    )


_new_line = tuple.__new__


def split_lines(text: str) -> list[list[Line]]:
    """All lines of a text, grouped by page.  Always at least one page."""
    pages: list[list[Line]] = [[]]
    page = pages[-1]
    for number, physical in enumerate(text.split("\n"), start=1):
        if "\f" not in physical:
            # the common case, a line inside a page: no split, no page bookkeeping
            page.append(make_line(physical, number, len(pages)))
            continue
        segments = physical.split("\f")
        for position, segment in enumerate(segments):
            if position > 0:
                pages.append([])
            if segment or position == 0:
                pages[-1].append(make_line(segment, number, len(pages)))
        page = pages[-1]
    return pages


def joined_text(lines: Sequence[Line]) -> str:
    """The text of hard-wrapped lines read as one: layout spaces gone (a letter-spaced
    line closed up), the lines joined as wrapped text is."""
    return join_wrapped([remove_layout_spaces(line.text, line.spaced_out) for line in lines])
