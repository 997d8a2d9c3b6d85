"""Kept paragraph indents: whether the extractor kept the leading spaces of paragraph
first lines, and which leading whitespace marks them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from shared.parsing.lines import Line

# Leading spaces (two spaces or full-width spaces) that mark a kept paragraph indent.
KEPT_INDENT = 2
# The share of indented lines standing where a paragraph may open, for kept indents (leading
# spaces, which an extractor may also keep before centred or set-in lines) and for lines a
# layout page shows set in (:func:`sets_in_paragraphs`).
KEPT_OPENING_SHARE = 0.8
SET_IN_OPENING_SHARE = 0.5


def keeps_indentation(lines: Sequence[Line]) -> bool:
    """The extractor kept paragraph indents: several lines start indented, and (nearly) all
    of them where a paragraph may open, as paragraph first lines do: right after a sentence
    ends, or under a line shorter than themselves (a subhead, a signature, a line that
    stopped short: running text in mid-sentence fills the column, and the line under it
    is no wider)."""
    indented = [i for i, line in enumerate(lines) if line.indent >= KEPT_INDENT]
    return _indents_open(lines, indented, KEPT_OPENING_SHARE)


def sets_in_paragraphs(lines: Sequence[Line]) -> bool:
    """A layout page's geometry shows the body's paragraph indents: several of its lines
    stand set in from their column's text (``Line.set_in``), most of them where a
    paragraph may open (as :func:`keeps_indentation` asks of kept indents).  A body set
    without indents (its paragraphs parted otherwise) has all its lines flush, which then
    tells nothing, nor do a few lines set in for another reason.

    Most, not nearly all: the geometry has already told set-in lines from running text (an
    edge that three lines or more start at, an offset of an indent, not of a title), and
    the set-in lines worth reading are those the text does not show opening (a list item
    under an unfinished line: 6 of the 8 set-in lines of a DEV body of legal clauses open
    after a sentence end)."""
    indented = [i for i, line in enumerate(lines) if line.set_in]
    return _indents_open(lines, indented, SET_IN_OPENING_SHARE)


def _indents_open(lines: Sequence[Line], indented: Sequence[int], share: float) -> bool:
    """At least two lines indented, ``share`` of them where a paragraph may open: the
    body's first line, after a sentence end, or under a shorter line."""
    if len(indented) < 2:
        return False
    opening = sum(
        1
        for i in indented
        if i == 0 or lines[i - 1].ends_sentence or lines[i - 1].width < lines[i].width
    )
    return opening >= share * len(indented)


def _carries_paragraph_indent(line: Line, indent: str | None) -> bool:
    """A line set with the body's paragraph indent opens a paragraph of running text.

    A byline is set apart from the text it credits (flush, centred or right-aligned, the
    names spaced out), never indented like a paragraph; a role-shaped line that does carry
    the paragraph indent is a section label inside the body (``■记者手记``, ``■编者按``),
    which belongs to the text.  Only decided where the extractor kept indents."""
    return indent is not None and leading_space(line) == indent


def leading_space(line: Line) -> str:
    """The whitespace :attr:`Line.indent` counts: the line's own leading whitespace, or, on a
    line opening with a glued continuation marker (``（上接第1版）　　疫情之前，…``), the
    whitespace after the marker (:func:`shared.parsing.lines.make_line`)."""
    lead = line.raw[: line.indent]
    if lead.strip() and line.continuations:
        return line.text[line.continuations[0].end :][: line.indent]
    return lead


def paragraph_indent(lines: Sequence[Line]) -> str | None:
    """The leading whitespace the extractor kept on paragraph first lines (the most common
    one among indented lines), or None when the page does not keep indents.

    ``lines`` are a page's lines, blank ones included.  The indents are paragraph indents
    when (nearly) every indented line opens something: the page, a block after a blank, a
    paragraph after a sentence end, or text after a shorter line (a title glued above it);
    an indented line right after running text in mid-sentence says they are not."""
    indented = [i for i, line in enumerate(lines) if line.indent >= KEPT_INDENT and line.text]
    if len(indented) < 2:
        return None
    opening = 0
    for i in indented:
        before = lines[i - 1] if i else None
        if (
            before is None
            or before.is_blank
            or before.ends_sentence
            or before.width < lines[i].width
        ):
            opening += 1
    if opening < 0.8 * len(indented):
        return None
    indents = Counter(leading_space(lines[i]) for i in indented)
    return indents.most_common(1)[0][0]
