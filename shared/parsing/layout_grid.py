"""A page extracted in layout mode as a grid of character cells: its lines' pieces, and whether
the page was extracted so.

A layout-mode extractor (``pdftotext -layout``) keeps the page's geometry: the columns of a
page stand side by side on one text line, parted by runs of spaces.  Each line is read as its
pieces (runs of text with no gap of two spaces) on a grid of cells; a region of the page (some
of its lines, between two cells) has gutters (cells blank on every line, with text standing
side by side on both sides) that part its columns.

Cell positions are measured as character counts (pdftotext's grid: every character one cell),
or as display width (a wide character two cells, as terminals show text) where under that
measure both more lines hold a piece starting near a piece of a line nearby and more pieces
start in its very cell.

Two titles of modules side by side, set larger than the text, may run together on one line
(the grid narrows their wide characters until a single space parts them): where each goes on,
wrapped, under its own half, the line's piece is parted in two there (:func:`_pair_split`).

Ordinary column-by-column text is never touched: a page is read so only when many of its
lines hold pieces parted by two or more spaces, some of them starting near a piece of a line
nearby.  Justified lines spaced out one space per character, a dateline's spaces
or ``项目 40 个`` hold no such run; a page letter spaced as a whole (:mod:`letter_spacing`) is
not read so either.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from shared.parsing.letter_spacing import is_letter_spaced
from shared.parsing.lines import Line
from shared.parsing.normalise import COMMON_WIDE_CLASS, is_wide

# A gutter between columns: at least this many blank cells on every line of a region.
MIN_GUTTER = 2
# A page is read as laid out when this share of its lines with text hold a gap, and at
# least this many of them a piece aligned with a piece of a line nearby.
MIN_GAPPED_SHARE = 0.2
MIN_ALIGNED_LINES = 5
NEAR_LINES = 2
# How far apart two pieces' starts may be and still be aligned.
ALIGN_SLACK = 2
_SHIFTS = range(-ALIGN_SLACK, ALIGN_SLACK + 1)
# Lines of a region with text on each side of a gutter, for the gutter to part two columns.
MIN_SIDE_LINES = 2
# ... unless it is a single line, parted by a gap wider than any space a writer leaves in a
# line (two wide characters: four cells as a terminal shows them).
LONE_GUTTER = 5
# Lines below a title line searched for the rest of it, wrapped: a title set larger than the
# text wraps a line of its own size down, a blank line or more of the text's; where columns
# beside it set their lines at baselines of their own, the grid gives each of those a line
# between the title's two (a title two lines of text high over columns so: its rest four
# lines down).
PAIR_LOOKAHEAD = 4
# The cells between the two titles of such a line once parted (a space: no gap of a piece).
PAIR_GAP = 1

_BLANK_CELLS = re.compile(rb"\x00{%d,}" % MIN_GUTTER)
_PIECE = re.compile(r"\S+(?: \S+)*")
_GAP = re.compile(r"\S( {2,}|\t+|\u3000+ *)\S")
_SPACE = re.compile(r"(?<=\S) (?=\S)")


class Piece(NamedTuple):
    """A run of a line's text with no gap of two spaces: cells [start, end), characters
    [first, last) of the line."""

    start: int
    end: int
    first: int
    last: int


Row = tuple[Piece, ...]
Parts = list[tuple[list[int], int, int]]


def _wide_count(text: str) -> int:
    """How many of the characters are wide (:func:`is_wide`): those of the common wide
    ranges (all wide) counted by one regular expression, the rest one by one."""
    if text.isascii():
        return 0
    others = _NOT_COMMON_WIDE.findall(text)
    return len(text) - len(others) + sum(map(is_wide, others))


_NOT_COMMON_WIDE = re.compile(f"[^{COMMON_WIDE_CLASS}]")


def _row(raw: str, wide_cells: bool) -> Row:
    """The line's pieces: one cell a character, or (``wide_cells``) two a wide one."""
    pieces: list[Piece] = []
    extra = 0  # cells of the wide characters before the piece, beyond one each
    previous_end = 0
    for match in _PIECE.finditer(raw):
        first, last = match.span()
        if wide_cells:
            extra += _wide_count(raw[previous_end:first])
            start = first + extra
            extra += _wide_count(match.group())
            pieces.append(_new_piece(Piece, (start, last + extra, first, last)))
            previous_end = last
        else:
            pieces.append(_new_piece(Piece, (first, last, first, last)))
    return tuple(pieces)


# tuple.__new__ with the fields in declaration order: a layout page has thousands of pieces,
# read twice, and the keyword constructor of a named tuple costs several times more (as
# for lines.Line).
_new_piece = tuple.__new__


def _aligned_rows(rows: Sequence[Row]) -> int:
    """Lines with a piece after a gap that starts within ALIGN_SLACK cells of a piece of one
    of the NEAR_LINES lines with text above or below (an extractor placing text on a grid of
    cells rounds its positions; the lines of columns side by side may alternate)."""
    filled = [row for row in rows if row]
    starts = [{piece.start for piece in row} for row in filled]
    count = 0
    for index, row in enumerate(filled):
        later = {piece.start + shift for piece in row[1:] for shift in _SHIFTS}
        if not later:
            continue
        near = range(max(0, index - NEAR_LINES), min(len(filled), index + NEAR_LINES + 1))
        if any(later & starts[other] for other in near if other != index):
            count += 1
    return count


def _has_gap(raw: str) -> bool:
    # most lines hold no run of spaces at all: a substring test clears them before the regex
    return ("  " in raw or "\t" in raw or "\u3000" in raw) and _GAP.search(raw) is not None


def is_layout_page(lines: Sequence[Line]) -> bool:
    """Whether the page was extracted in layout mode (columns side by side): many of its lines
    hold pieces parted by a run of spaces, and some of these align with their neighbours."""
    return layout_rows(lines) is not None


def layout_rows(lines: Sequence[Line]) -> list[Row] | None:
    """The page's lines as pieces on a grid of cells, if it was extracted in layout mode."""
    gapped = sum(1 for line in lines if _has_gap(line.raw))
    if gapped < MIN_ALIGNED_LINES:  # most plain pages: no need to count their lines
        return None
    if gapped < MIN_GAPPED_SHARE * sum(not line.is_blank for line in lines):
        return None
    if is_letter_spaced(lines):  # a space between all letters, wider where the writer meant one
        return None
    chars = [_row(line.raw, False) for line in lines]
    wide = [_row(line.raw, True) for line in lines]
    by_chars, by_width = _aligned_rows(chars), _aligned_rows(wide)
    if max(by_chars, by_width) < MIN_ALIGNED_LINES:
        return None
    if by_width > by_chars and _exactly_aligned_pieces(wide) > _exactly_aligned_pieces(chars):
        return _split_title_pairs(wide, lines, True)
    return _split_title_pairs(chars, lines, False)


def _split_title_pairs(rows: list[Row], lines: Sequence[Line], wide_cells: bool) -> list[Row]:
    """The rows with each piece that holds two titles side by side parted in two at the
    space between them (:func:`_pair_split`)."""
    result = []
    for index, row in enumerate(rows):
        pieces: list[Piece] = []
        for piece in row:
            pieces.extend(_pair_split(rows, lines, index, piece, wide_cells))
        result.append(tuple(pieces))
    return result


def _pair_split(
    rows: Sequence[Row], lines: Sequence[Line], index: int, piece: Piece, wide_cells: bool
) -> list[Piece]:
    """Two titles of modules side by side, set larger than the text, run together on one
    line: the extractor's grid narrows their wide characters, so that a single space parts
    them.  Each goes on, wrapped, on the next line with text under the piece (within
    PAIR_LOOKAHEAD lines), which stands as two runs parted by a gap, one under each half
    of the piece (starting within it, ending within ALIGN_SLACK cells of its end); a
    line's words parted by a space (a byline's name, a title's two phrases) go on as one
    run, or under neither half alone.  The piece is parted at the first such space."""
    raw = lines[index].raw[piece.first : piece.last]
    if " " not in raw:
        return [piece]
    below = next(
        (
            under
            for later in rows[index + 1 : index + 1 + PAIR_LOOKAHEAD]
            if (under := [q for q in later if q.start < piece.end and q.end > piece.start])
        ),
        None,
    )
    if below is None or len(below) < 2 or below[0].start < piece.start - ALIGN_SLACK:
        return [piece]
    for match in _SPACE.finditer(raw):
        space = match.start()
        cell = piece.start + space + (_wide_count(raw[:space]) if wide_cells else 0)
        lefts = [q for q in below if q.start < cell]
        rights = [q for q in below if q.start > cell]
        if (
            len(lefts) == 1
            and rights
            and lefts[0].end <= cell + ALIGN_SLACK
            and rights[-1].end <= piece.end + ALIGN_SLACK
        ):
            rest = Piece(cell + PAIR_GAP, piece.end, piece.first + space + 1, piece.last)
            return [
                Piece(piece.start, cell, piece.first, piece.first + space),
                *_pair_split(rows, lines, index, rest, wide_cells),
            ]
    return [piece]


def _exactly_aligned_pieces(rows: Sequence[Row]) -> int:
    """Pieces after a gap that start in the very cell a piece of one of the NEAR_LINES lines
    with text above or below starts in: the grid sets a column's lines at one cell, so that
    under the extractor's own measure its columns line up exactly, while under the other
    their starts shift by the wide characters before them on each line (a column's full
    lines, of one count of characters, line up under both; its other lines do not)."""
    filled = [row for row in rows if row]
    starts = [{piece.start for piece in row} for row in filled]
    count = 0
    for index, row in enumerate(filled):
        near = [
            starts[other]
            for other in range(max(0, index - NEAR_LINES), min(len(filled), index + NEAR_LINES + 1))
            if other != index
        ]
        count += sum(1 for piece in row[1:] if any(piece.start in other for other in near))
    return count


def pieces_in(row: Row, left: int, right: int) -> list[Piece]:
    return [piece for piece in row if left <= piece.start < right]


def coverage(
    region: dict[int, list[Piece]], indices: Sequence[int], left: int, right: int
) -> list[int]:
    """How many lines of the region cover each cell from ``left`` to ``right``."""
    delta = [0] * (right - left + 1)
    for index in indices:
        for piece in region[index]:
            delta[piece.start - left] += 1
            delta[min(piece.end, right) - left] -= 1
    return list(itertools.accumulate(delta[:-1]))


def gutters_of(
    region: dict[int, list[Piece]], indices: Sequence[int], left: int, right: int
) -> list[tuple[int, int]]:
    """Runs of at least MIN_GUTTER cells blank on every line, with lines of text on each side
    that stand side by side (the lines of one side are not all above those of the other)."""
    # the runs of blank cells, found by a regular expression over a byte a cell (0: blank)
    blank = bytes(map(bool, coverage(region, indices, left, right)))
    runs = [(left + run.start(), left + run.end()) for run in _BLANK_CELLS.finditer(blank)]
    if not runs:
        return []
    # each line's first and last piece's start
    spans = [(i, region[i][0].start, region[i][-1].start) for i in indices if region[i]]
    gutters = []
    for begin, end in runs:
        before = [i for i, first, _ in spans if first < begin]
        after = [i for i, _, last in spans if last >= end]
        if (
            before
            and after
            and (max(len(before), len(after)) >= MIN_SIDE_LINES or end - begin >= LONE_GUTTER)
            and before[0] <= after[-1]
            and after[0] <= before[-1]
        ):
            gutters.append((begin, end))
    return gutters


def column_bounds(gutters: list[tuple[int, int]], left: int, right: int) -> list[tuple[int, int]]:
    edges = [left] + [cell for gutter in gutters for cell in gutter] + [right]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def columns_of(pieces: Sequence[Piece], bounds: list[tuple[int, int]]) -> list[int]:
    """The columns (numbered left to right) the pieces start in."""
    return [
        column
        for column, (start, end) in enumerate(bounds)
        if any(start <= piece.start < end for piece in pieces)
    ]


def line_span(pieces: Sequence[Piece]) -> Piece:
    return Piece(pieces[0].start, pieces[-1].end, 0, 0)


def parted(indices: list[int], breaks: set[int], left: int, right: int) -> Parts:
    parts: list[list[int]] = [[]]
    for index in indices:
        if index in breaks and parts[-1]:
            parts.append([])
        parts[-1].append(index)
    return [(part, left, right) for part in parts]
