"""Pages extracted in layout mode (``pdftotext -layout``): columns side by side → one by one.

A layout-mode extractor keeps the page's geometry: the columns of a page stand side by side on
one text line, parted by runs of spaces, and a headline spanning several columns stands above
them.  The rest of the parser reads text column by column (as plain ``pdftotext`` gives it), so
such a page is rewritten first: its lines are a grid of character cells, the page is cut
recursively (an X-Y cut) at the gutters — runs of cells blank on every line of a region — and
at blank lines, and each piece is read top to bottom, the pieces left to right.

The cuts of a region, in order of preference:

1. a run of two or more lines blank in the region (the space between two modules), unless
   it parts a lone title line from the rest of it wrapped (:func:`_with_wrapped_titles`);
2. a line blank across the page, unless the lines above and below it are columns whose
   gutters agree (columns going on past a gap; the lines of titles side by side, set larger
   than the text, with blank lines between);
3. modules side by side, a title set in from the text of a column right of the first (not
   centred on the columns) heading a module from that column on: cut at the gutters left of
   them (:func:`_module_cut`); titles of modules side by side on the region's first line,
   each right of the first set in from its column's text, heading modules from their columns
   (:func:`_title_row_cut`: cut at the gutters left of those columns only);
4. a headline over the columns below it that crosses none of their gutters, the columns
   starting together under it (:func:`_head_cut`; a title standing alone over columns all
   starting on the line under it heads them all, wherever the grid sets its start);
5. a vertical gutter: at least two cells blank on every line of the region, with text on both
   sides standing side by side (a single line: a gap wider than a writer's space);
6. lines spanning a gutter that the other lines leave blank (a headline over its columns, a
   band whose columns change): the region is read in horizontal bands, the spanning lines
   as bands of their own, so that the bands below split at their gutters.  Title lines
   stacked in a band of spanning lines are parted as titles of their own, and the rest of a
   centred title line that fills the measure, wrapped under it, stays with it.

A region with none of these is a column piece: its lines are emitted as they are (the text of
each line from its first to its last character in the region; no character is dropped).  A
blank line parts pieces read one after the other, as plain extraction parts columns.  A line
blank in a column but not across the page is no gap in the column's text: the lines of text
set off the columns' baselines (a larger headline, a byline) beside it got lines of their own.
The page's running header (its first lines, at most two, above a blank line) stays as it is.

A paragraph's first line stands set in from its column's text by the indent; the lines of a
column piece carry whether they are (``Line.set_in``) for the paragraph stage, which reads
them where the widths of plain text leave two readings (a full line not ending a sentence
over a first line, a sentence ending an em short over a running line).  The text itself is
written flush, as plain extraction writes it, so that the other stages read it as they read
a plain page.

Cell positions are measured both as character counts (pdftotext's grid: every character one
cell) and as display width (a wide character two cells, as terminals show text); the measure
under which more lines' pieces start near a piece of a line nearby is used.

Ordinary column-by-column text is never touched: a page is read so only when many of its
lines hold pieces parted by two or more spaces, some of them starting near a piece of a line
nearby.  Justified lines spaced out one space per character, a dateline's spaces
or ``项目 40 个`` hold no such run; a page letter spaced as a whole (:mod:`letter_spacing`) is
not read so either.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from shared.parsing.letter_spacing import is_letter_spaced
from shared.parsing.lines import Line, make_line
from shared.parsing.normalise import is_wide

# What the explanation says of a line read out of a layout page's columns.
LAYOUT_RULE = "layout page: read column by column"
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
# Lines spanning a gutter (a headline over its columns) are at most this share of a region
# (a long headline over short columns; the lines of columns beside it may alternate).
MAX_SPANNING_SHARE = 1 / 2
# How far a headline's centre may be from the centre of the columns under it: cells, or a
# share of the columns' width if more.
HEAD_SLACK = 3
HEAD_SLACK_SHARE = 0.1
# ... or how far right of the left edge of the column it stands in (farther than a paragraph's
# indent, two wide characters, four cells as a terminal shows them).
HEAD_INSET = 6
# Stacked title lines whose widths or starts differ by this many cells are titles of their own.
TITLE_WIDTH_STEP = 2
# A line of at most this many characters is the rest of the title line above, wrapped.
MAX_WRAPPED_REST = 2
# A line ending this close to the right edge of the lines around it fills their measure.
WRAP_SLACK = 2
# Cells tried as the gutter the spanning lines cross (a bound on the work for a page of
# thousands of cells; a page is a few hundred wide).
MAX_SPANNING_CELLS = 500
# Sets of spanning lines tried in a region (the fewest lines first).
MAX_SPANNING_TRIES = 6
# Lines of a region with text on each side of a gutter, for the gutter to part two columns.
MIN_SIDE_LINES = 2
# ... unless it is a single line, parted by a gap wider than any space a writer leaves in a
# line (two wide characters: four cells as a terminal shows them).
LONE_GUTTER = 5

# A paragraph's first line is set in from its column's text by two characters: at least this
# many cells (two characters counted one a cell, one counted two), less than HEAD_INSET
# (a title set in).  On pdftotext's grid the indent comes out as 2-4 cells, running lines
# start at their column's edge (within a cell).
MIN_INDENT = 2
# Lines of a column piece starting at its left edge, for the edge to be its running text's
# (two lines flush with each other may be two one-line paragraphs, both set in from a
# column edge no line of the piece shows).
MIN_FLUSH_LINES = 3

_PIECE = re.compile(r"\S+(?: \S+)*")
_GAP = re.compile(r"\S( {2,}|\t+|\u3000+ *)\S")


class _Piece(NamedTuple):
    """A run of a line's text with no gap of two spaces: cells [start, end), characters
    [first, last) of the line."""

    start: int
    end: int
    first: int
    last: int


_Row = tuple[_Piece, ...]


def _wide_count(text: str) -> int:
    return 0 if text.isascii() else sum(map(is_wide, text))


def _row(raw: str, wide_cells: bool) -> _Row:
    """The line's pieces: one cell a character, or (``wide_cells``) two a wide one."""
    pieces = []
    extra = 0  # cells of the wide characters before the piece, beyond one each
    previous_end = 0
    for match in _PIECE.finditer(raw):
        first, last = match.span()
        if wide_cells:
            extra += _wide_count(raw[previous_end:first])
            start = first + extra
            extra += _wide_count(match.group())
            pieces.append(_Piece(start, last + extra, first, last))
            previous_end = last
        else:
            pieces.append(_Piece(first, last, first, last))
    return tuple(pieces)


def _aligned_rows(rows: Sequence[_Row]) -> int:
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
    return _layout_rows(lines) is not None


def _layout_rows(lines: Sequence[Line]) -> list[_Row] | None:
    """The page's lines as pieces on a grid of cells, if it was extracted in layout mode."""
    gapped = sum(1 for line in lines if _has_gap(line.raw))
    if gapped < MIN_ALIGNED_LINES:  # most plain pages: no need to count their lines
        return None
    if gapped < MIN_GAPPED_SHARE * sum(not line.is_blank for line in lines):
        return None
    if is_letter_spaced(lines):  # a space between all letters, wider where the writer meant one
        return None
    best: tuple[list[_Row] | None, int] = (None, MIN_ALIGNED_LINES - 1)
    for wide_cells in (False, True):
        rows = [_row(line.raw, wide_cells) for line in lines]
        aligned = _aligned_rows(rows)
        if aligned > best[1]:
            best = (rows, aligned)
    return best[0]


def read_layout_pages(pages: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """Each page's lines, read column by column when it was extracted in layout mode.

    A rewritten page's lines are numbered in reading order after the input's last line (so
    that each has a number of its own, and the numbers keep the reading order that later
    stages sort by); the explanation lists them there."""
    next_number = 1 + max((line.number for page in pages for line in page), default=0)
    result = []
    for page in pages:
        lines = read_layout_columns(page, next_number)
        if lines and lines[0].number >= next_number:  # rewritten
            next_number = lines[-1].number + 1
        result.append(list(lines))
    return result


def read_layout_columns(lines: Sequence[Line], first_number: int | None = None) -> list[Line]:
    """The page's lines in column-by-column order when it was extracted in layout mode
    (numbered from ``first_number``, by default after the page's last line), else the lines
    as they are."""
    rows = _layout_rows(lines) if lines else None
    if rows is None:
        return list(lines)
    out: list[str] = []  # the lines' text; "" = a blank line
    set_in: dict[int, bool] = {}  # position in ``out`` → set in by a paragraph's indent
    _read_page(lines, rows, out, set_in)
    if _visible(out) != _visible(line.raw for line in lines):
        return list(lines)  # never expected: no character may be lost or doubled
    texts: list[tuple[str, bool | None]] = []
    for position, text in enumerate(out):
        if text or (texts and texts[-1][0]):
            texts.append((text, set_in.get(position)))
    number = lines[-1].number + 1 if first_number is None else first_number
    page = lines[0].page
    return [make_line(text, number + k, page, mark) for k, (text, mark) in enumerate(texts)]


def _visible(texts: Iterable[str]) -> list[str]:
    return sorted("".join("".join(text.split()) for text in texts))


def _read_page(
    lines: Sequence[Line], rows: list[_Row], out: list[str], set_in: dict[int, bool]
) -> None:
    # The running header (the lines above the page's first blank line, if they are few)
    # stays as it is, whatever gutters run through it.
    first = next((i for i, row in enumerate(rows) if row), len(rows))
    blank = next((i for i in range(first, len(rows)) if not rows[i]), len(rows))
    if blank - first <= 2 and blank < len(rows):
        for index in range(first, blank):
            out.append(lines[index].raw.strip())
        out.append("")
        first = blank
    width = max((row[-1].end for row in rows if row), default=0)
    _read_region(lines, rows, list(range(first, len(rows))), 0, width, out, set_in)


def _pieces_in(row: _Row, left: int, right: int) -> list[_Piece]:
    return [piece for piece in row if left <= piece.start < right]


def _read_region(
    lines: Sequence[Line],
    rows: list[_Row],
    indices: list[int],
    left: int,
    right: int,
    out: list[str],
    set_in: dict[int, bool],
) -> None:
    region = {index: _pieces_in(rows[index], left, right) for index in indices}
    filled = [index for index in indices if region[index]]
    if not filled:
        return
    indices = indices[indices.index(filled[0]) : indices.index(filled[-1]) + 1]
    # the cells the region's text takes (the work on a region grows with its width)
    left = min(region[index][0].start for index in filled)
    right = max(region[index][-1].end for index in filled)
    parts = (
        _with_wrapped_titles(region, _split_at_blank_runs(region, indices, left, right, 2), left)
        or _page_blank_cut(rows, region, indices, left, right)
        or _column_cut(region, indices, left, right)
        or _spanning_cut(region, indices, left, right)
    )
    if parts is not None:
        for number, (part, part_left, part_right) in enumerate(parts):
            if number:
                out.append("")
            _read_region(lines, rows, part, part_left, part_right, out, set_in)
        return
    # A column piece.  A line blank in it but not across the page (the page's blank lines
    # have cut it) is no gap in its text: the extractor gave a line of its own to something
    # beside it set off its baselines (a headline's larger lines, a byline).
    # Title lines set in from its text's left edge, stacked one over the other, are parted
    # as titles of their own (:func:`_title_breaks`).
    breaks = _title_breaks(region, indices, left + HEAD_INSET, left, right, may_wrap=True)
    # Where MIN_FLUSH_LINES of its lines start at its left edge (running lines: the edge is
    # its text's), each line is marked set in (a paragraph's indent: MIN_INDENT cells or more,
    # less than a title's HEAD_INSET) or flush (within a cell of the edge); plain extraction
    # loses this.  A line farther in, centred or set right (a title, a credit), is neither.
    flush = sum(
        1 for index in indices if region[index] and region[index][0].start - left < MIN_INDENT
    )
    for index in indices:
        pieces = region[index]
        if index in breaks:
            out.append("")
        if pieces:
            offset = pieces[0].start - left
            if flush >= MIN_FLUSH_LINES and offset < HEAD_INSET:
                set_in[len(out)] = offset >= MIN_INDENT
            out.append(lines[index].raw[pieces[0].first : pieces[-1].last])


_Parts = list[tuple[list[int], int, int]]


def _split_at_blank_runs(
    region: Mapping[int, Sequence[_Piece]], indices: list[int], left: int, right: int, run: int
) -> _Parts | None:
    parts: list[list[int]] = [[]]
    blanks = 0
    for index in indices:
        if region[index]:
            if blanks >= run and parts[-1]:
                parts.append([])
            blanks = 0
            parts[-1].append(index)
        else:
            blanks += 1
            parts[-1].append(index)
    if len(parts) < 2:
        return None
    return [(part, left, right) for part in parts]


def _with_wrapped_titles(
    region: Mapping[int, Sequence[_Piece]], parts: _Parts | None, left: int
) -> _Parts | None:
    """The parts, a lone title line (a part of one line) joined by the rest of it wrapped
    (:func:`_centred_wrap`): a title set larger than the text stands lines of text apart
    from its rest, so that blank lines of a column part them."""
    if parts is None:
        return None
    joined = [parts[0]]
    for part in parts[1:]:
        above = [i for i in joined[-1][0] if region[i]]
        below = next(i for i in part[0] if region[i])
        if (
            len(above) == 1
            and len(region[below]) == 1
            and _centred_wrap(_line_span(region[above[0]]), _line_span(region[below]), left)
        ):
            joined[-1] = (joined[-1][0] + part[0], joined[-1][1], joined[-1][2])
        else:
            joined.append(part)
    return joined if len(joined) > 1 else None


def _page_blank_cut(
    rows: list[_Row], region: dict[int, list[_Piece]], indices: list[int], left: int, right: int
) -> _Parts | None:
    """At a line blank across the whole page, unless the lines above and below it are columns
    whose gutters agree (columns going on past a gap, lines of titles side by side set larger
    than the text): those are cut at their gutters first."""
    parts = _split_at_blank_runs({i: rows[i] for i in indices}, indices, left, right, 1)
    if parts is None:
        return None
    groups = [parts[0][0]]
    for (previous, _, _), (part, _, _) in itertools.pairwise(parts):
        above = [i for i in previous if region[i]]
        below = [i for i in part if region[i]]
        if (
            _gutters(region, above, left, right)
            and _gutters(region, below, left, right)
            and _gutters(region, above + below, left, right)
        ):
            groups[-1] = groups[-1] + part
        else:
            groups.append(part)
    if len(groups) < 2:
        return None
    return [(group, left, right) for group in groups]


def _coverage(
    region: dict[int, list[_Piece]], indices: Sequence[int], left: int, right: int
) -> list[int]:
    """How many lines of the region cover each cell from ``left`` to ``right``."""
    delta = [0] * (right - left + 1)
    for index in indices:
        for piece in region[index]:
            delta[piece.start - left] += 1
            delta[min(piece.end, right) - left] -= 1
    cover = []
    total = 0
    for step in delta[:-1]:
        total += step
        cover.append(total)
    return cover


def _gutters(
    region: dict[int, list[_Piece]], indices: Sequence[int], left: int, right: int
) -> list[tuple[int, int]]:
    """Runs of at least MIN_GUTTER cells blank on every line, with lines of text on each side
    that stand side by side (the lines of one side are not all above those of the other)."""
    cover = _coverage(region, indices, left, right)
    runs: list[tuple[int, int]] = []
    start = None
    for offset, count in enumerate([*cover, 1]):
        if count == 0 and start is None:
            start = offset
        elif count and start is not None:
            if offset - start >= MIN_GUTTER:
                runs.append((left + start, left + offset))
            start = None
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


def _column_bounds(gutters: list[tuple[int, int]], left: int, right: int) -> list[tuple[int, int]]:
    edges = [left] + [cell for gutter in gutters for cell in gutter] + [right]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def _head_band(
    region: dict[int, list[_Piece]], indices: list[int], bounds: list[tuple[int, int]]
) -> int | None:
    """The position of the region's first line with text in two or more columns."""
    for position, index in enumerate(indices):
        columns = sum(any(start <= p.start < end for p in region[index]) for start, end in bounds)
        if columns >= 2:
            return position
    return None


def _column_cut(
    region: dict[int, list[_Piece]], indices: list[int], left: int, right: int
) -> _Parts | None:
    """The cuts at the region's gutters, tried in turn on the same gutters: modules side by
    side (:func:`_module_cut`) and a headline over the columns (:func:`_head_cut`) when lines
    with text in one column only stand above its first line with text in two or more (its
    head band), titles of modules side by side (:func:`_title_row_cut`) when the head band is
    its first line, else the columns themselves (:func:`_gutter_cut`)."""
    gutters = _gutters(region, indices, left, right)
    if not gutters:
        return None
    bounds = _column_bounds(gutters, left, right)
    band = _head_band(region, indices, bounds)
    if band:
        # where each column's text starts below the lines above the head band
        edges = [
            min(
                (p.start for i in indices[band:] for p in region[i] if start <= p.start < end),
                default=start,
            )
            for start, end in bounds
        ]
        parts = _module_cut(region, indices, left, right, gutters, bounds, band, edges)
        if parts is None:
            parts = _head_cut(region, indices, left, right, band, bounds, edges)
        if parts is not None:
            return parts
    elif band == 0:
        parts = _title_row_cut(region, indices, bounds)
        if parts is not None:
            return parts
    return _gutter_cut(region, indices, bounds)


def _title_row_cut(
    region: dict[int, list[_Piece]], indices: list[int], bounds: list[tuple[int, int]]
) -> _Parts | None:
    """Titles of modules side by side on the region's first line (its head band): each piece
    of the line right of the first stands set in from the left edge of its column's text
    (the text under the line) farther than a paragraph's indent, as a title does, not as a
    column's top line does.  Each piece heads a module from the column it starts in up to
    the column of the next: the region is cut at the gutters left of those columns only
    (the columns no title stands over going with the title left of them), so that each
    module is read with its title, which the cut of the module then parts from its
    columns (:func:`_head_cut`), not as the top line of the column it happens to stand in.
    (The grid narrows a title's wide characters: its start is where it stands, its end is
    not; so a module runs to the next title's column, not to its title's end.)"""
    columns = _columns_of(region[indices[0]], bounds)
    if len(columns) == len(bounds):
        return None  # a piece over every column: the columns themselves
    for piece in region[indices[0]][1:]:
        start, end = bounds[_columns_of([piece], bounds)[0]]
        edge = min(
            (p.start for i in indices[1:] for p in region[i] if start <= p.start < end),
            default=start,
        )
        if piece.start - edge < HEAD_INSET:
            return None
    return _gutter_cut(region, indices, bounds, columns)


def _module_cut(
    region: dict[int, list[_Piece]],
    indices: list[int],
    left: int,
    right: int,
    gutters: list[tuple[int, int]],
    bounds: list[tuple[int, int]],
    band: int,
    edges: list[int],
) -> _Parts | None:
    """Modules side by side, each under a title of its own: the region's first lines (above
    any line with text in two or more columns) stand set in from the left edge of their
    column's text farther than a paragraph's indent (a byline flush at a column's left heads
    that column, not a module).  A title stands over its module's columns, so that a title
    set in from the text of a column right of the first heads a module starting at that
    column, beside the columns left of it (whose titles, set in other sizes, stand off its
    baselines); the region is cut at the gutter left of each such column, so that each
    module's titles are read with it, not as one band over all the columns.  A line centred
    on the columns below may be a headline over all of them, set within one column's cells
    (:func:`_head_cut`): it heads no column of its own.  Nor does a line over a column that
    starts together with the column left of it, both opened by the head band's line, where
    no line above stands over the columns left of it: columns under one title start on one
    line, and an extractor's grid, narrowing a title's wide characters, sets a headline over
    them off their centre.  (Where a title of their own stands over the columns left of it,
    they are another module's, whatever line they start on.)"""
    heads = [index for index in indices[:band] if region[index]]
    centred = _centred_on(region, indices[band:])
    starting = set(_columns_of(region[indices[band]], bounds))  # columns the head band opens
    titled = min((c for index in heads for c in _columns_of(region[index][:1], bounds)), default=0)
    headed = sorted(
        {
            column
            for index in heads
            for column, (start, end) in enumerate(bounds[1:], 1)
            if start <= region[index][0].start < end
            and region[index][0].start - edges[column] >= HEAD_INSET
            and not centred(region[index])
            and (titled < column or not {column - 1, column} <= starting)
        }
    )
    if not headed:
        return None
    cuts = [gutters[column - 1] for column in headed]
    return [(indices, start, end) for start, end in _column_bounds(cuts, left, right)]


def _columns_of(pieces: Sequence[_Piece], bounds: list[tuple[int, int]]) -> list[int]:
    """The columns (numbered left to right) the pieces start in."""
    return [
        column
        for column, (start, end) in enumerate(bounds)
        if any(start <= piece.start < end for piece in pieces)
    ]


def _centred_on(
    region: dict[int, list[_Piece]], indices: list[int]
) -> Callable[[Sequence[_Piece]], bool]:
    """Whether a line is centred on the text of the given lines (the columns under it): within
    HEAD_SLACK cells, or HEAD_SLACK_SHARE of their width if more."""
    body = [p for index in indices for p in region[index]]
    body_left = min(p.start for p in body)
    body_right = max(p.end for p in body)
    slack = max(HEAD_SLACK, HEAD_SLACK_SHARE * (body_right - body_left))

    def centred(pieces: Sequence[_Piece]) -> bool:
        return abs(pieces[0].start + pieces[-1].end - body_left - body_right) <= 2 * slack

    return centred


def _head_cut(
    region: dict[int, list[_Piece]],
    indices: list[int],
    left: int,
    right: int,
    band: int,
    bounds: list[tuple[int, int]],
    edges: list[int],
) -> _Parts | None:
    """A headline over the columns below it, set within one column's cells: the region's
    first lines, with text in one column only (the others start below them), each centred on
    the columns or set in from the left edge of its column farther than a paragraph's indent,
    are read before the columns, not as the top of the one they stand in; the lines after
    them (a byline at the left) are the columns' tops.  (An extractor's grid widens wide
    characters' text unevenly, so that a centred headline is often off the columns' centre
    in it.)

    The columns under a headline start together: the head band's line has text in a run of
    neighbouring columns, under the columns the lines above stand in.  Where it has not (its
    pieces are titles of modules side by side, set at heights of their own, or a module's
    columns start lower beside them), a line centred on the region by coincidence heads no
    columns but its own: only lines in the first column, read first in any case, are read
    as titles before the columns.

    Where the head band's line opens every column and each line above it stands as one run
    (a stack of titles, not the tops of columns side by side), a title line with no line
    above the band starting in a column left of it is set in from the region's left edge,
    not its column's: the grid narrows a title's wide characters, set larger than the text,
    so that a headline centred over all the columns may start flush with any column's text."""
    # the columns with text from the head band down (a gap only the lines above fill is none)
    columns = _columns_of([p for index in indices[band:] for p in region[index]], bounds)
    band_columns = [columns.index(column) for column in _columns_of(region[indices[band]], bounds)]
    head_columns = {
        column for index in indices[:band] for column in _columns_of(region[index][:1], bounds)
    }
    together = band_columns == list(range(band_columns[0], band_columns[-1] + 1)) and all(
        columns[band_columns[0]] <= column <= columns[band_columns[-1]] for column in head_columns
    )
    # every column opened by the head band's line, the lines above it standing as one run each
    # (a stack of titles, not columns' tops)
    opened = band_columns == list(range(len(columns))) and all(
        len(region[index]) <= 1 for index in indices[:band]
    )
    centred = _centred_on(region, indices[band:])
    head = 0  # the leading lines that head the columns
    for position, index in enumerate(indices[:band]):
        pieces = region[index]
        if not pieces:
            continue
        edge = max((e for e in edges if e <= pieces[0].start), default=left)
        if opened and _columns_of(pieces, bounds) == [min(head_columns)]:
            edge = left
        if not centred(pieces) and pieces[0].start - edge < HEAD_INSET:
            break
        if not together and pieces[0].start >= bounds[0][1]:
            break
        head = position + 1
    if not head:
        return None
    return [*_title_lines(region, indices[:head], left, right), (indices[head:], left, right)]


def _title_lines(
    region: dict[int, list[_Piece]], indices: list[int], left: int, right: int
) -> _Parts:
    """The lines of titles over the columns, parted as :func:`_title_breaks` parts them."""
    parts: list[list[int]] = [[]]
    breaks = _title_breaks(region, indices, left, left, right, may_wrap=False)
    for index in indices:
        if index in breaks:
            parts.append([])
        parts[-1].append(index)
    return [(part, left, right) for part in parts]


def _title_breaks(
    region: dict[int, list[_Piece]],
    indices: list[int],
    inset: int,
    left: int,
    right: int,
    may_wrap: bool,
) -> set[int]:
    """The lines (starting at cell ``inset`` or farther right) stacked under a title line of
    another width or set off it: a kicker over its headline, a headline over its subtitle
    are set in sizes of their own, which plain extraction parts with a blank line.  A title's
    last character or two wrapped onto a line of its own go with the line above, and so does
    a line centred under a line that fills the measure ``left`` to ``right``
    (:func:`_centred_wrap`).  With ``may_wrap`` (lines not known as titles), a line starting
    in the cell the line above starts in, when that fills the measure (ends at ``right``), is
    the line above wrapped (a caption's, a paragraph's) and stays with it."""
    breaks = set()
    previous: _Piece | None = None  # the title line above, start to end
    for index in indices:
        pieces = region[index]
        if not pieces:
            continue
        if pieces[0].start < inset:
            previous = None
        elif pieces[-1].last - pieces[0].first > MAX_WRAPPED_REST:
            line = _Piece(pieces[0].start, pieces[-1].end, 0, 0)
            if (
                previous is not None
                and (
                    abs(line.end - line.start - previous.end + previous.start) >= TITLE_WIDTH_STEP
                    or abs(line.start - previous.start) >= TITLE_WIDTH_STEP
                )
                and not (
                    may_wrap and line.start == previous.start and previous.end >= right - WRAP_SLACK
                )
                and not _centred_wrap(previous, line, left)
            ):
                breaks.add(index)
            previous = line
    return breaks


def _centred_wrap(above: _Piece, below: _Piece, left: int) -> bool:
    """Whether ``below`` is the rest of the centred title line ``above`` wrapped: a centred
    line starting at the left edge of its measure (``left``) fills it, so that the title goes
    on below it; the rest, shorter, is centred under it.  A centred title line set in from
    the edge was not wrapped, and a line under it is a title of its own."""
    return (
        above.start <= left + ALIGN_SLACK
        and below.start > above.start
        and below.end - below.start < above.end - above.start
        and abs(above.start + above.end - below.start - below.end) <= 2 * HEAD_SLACK
    )


def _gutter_cut(
    region: dict[int, list[_Piece]],
    indices: list[int],
    bounds: list[tuple[int, int]],
    starts: Sequence[int] | None = None,
) -> _Parts:
    """The columns parted by the region's gutters, or (``starts``: the first column of each)
    runs of neighbouring columns, parted at the gutters left of those.  A line blank in two
    or more of the columns with text above and below it is no gap in their text and goes
    from them: the extractor gave a line of its own to something beside them (a byline set
    off the columns' baselines).  A gap in one column alone (space above a subhead) stays."""
    filled = [
        [index for index in indices if any(start <= p.start < end for p in region[index])]
        for start, end in bounds
    ]
    present = [set(rows_in) for rows_in in filled]
    # line → columns blank there with text above and below
    gaps = Counter(
        index
        for rows_in, here in zip(filled, present, strict=True)
        if rows_in
        for index in indices
        if rows_in[0] < index < rows_in[-1] and index not in here
    )
    # the runs of columns read as one: each from a first column to the next one's
    firsts = list(range(len(bounds))) if starts is None else [0, *(c for c in starts if c)]
    runs = [
        range(first, end) for first, end in zip(firsts, [*firsts[1:], len(bounds)], strict=True)
    ]
    parts: _Parts = []
    for run in runs:
        here = set().union(*(present[column] for column in run))
        kept = [i for i in indices if i in here or gaps[i] < 2]
        parts.append((kept, bounds[run[0]][0], bounds[run[-1]][1]))
    return parts


def _spanning_cut(
    region: dict[int, list[_Piece]], indices: list[int], left: int, right: int
) -> _Parts | None:
    """Bands above, at and below the lines spanning the gutter the fewest lines cross."""
    filled = [index for index in indices if region[index]]
    if len(filled) < 3:
        return None
    cover = _coverage(region, filled, left, right)
    limit = MAX_SPANNING_SHARE * len(filled)
    candidates = sorted(
        (count, left + offset) for offset, count in enumerate(cover) if 0 < count <= limit
    )
    tried: set[frozenset[int]] = set()
    spanning: frozenset[int] | None = None
    for _, cell in candidates[:MAX_SPANNING_CELLS]:
        crossing = frozenset(i for i in filled if any(p.start <= cell < p.end for p in region[i]))
        if crossing in tried:
            continue
        tried.add(crossing)
        if len(tried) > MAX_SPANNING_TRIES:
            break
        rest = [i for i in filled if i not in crossing]
        if _gutters(region, rest, left, right):
            spanning = crossing
            break
    if spanning is None:
        return None
    bands: list[list[int]] = []
    previous: bool | None = None
    for index in indices:  # the first has text (see _read_region): the first band opens there
        kind = index in spanning
        if region[index] and kind != previous:
            bands.append([])
            previous = kind
        bands[-1].append(index)
    if len(bands) < 2:
        return None
    return _title_bands(region, bands, spanning, left, right)


def _line_span(pieces: Sequence[_Piece]) -> _Piece:
    return _Piece(pieces[0].start, pieces[-1].end, 0, 0)


def _title_bands(
    region: dict[int, list[_Piece]],
    bands: list[list[int]],
    spanning: frozenset[int],
    left: int,
    right: int,
) -> _Parts:
    """The bands of a spanning cut, a band of spanning lines parted at its title breaks (a
    kicker over a headline set in sizes of their own, both over the columns), and the rest of
    its last line wrapped, centred under it (:func:`_centred_wrap`), taken from the band
    below, which it would head as a title of its own."""
    for above, below in itertools.pairwise(bands):
        last = next((i for i in reversed(above) if region[i]), None)
        if last is None or last not in spanning:
            continue
        first = next(position for position, i in enumerate(below) if region[i])
        rest = below[first]
        if len(region[rest]) == 1 and _centred_wrap(
            _line_span(region[last]), _line_span(region[rest]), left
        ):
            above.extend(below[: first + 1])
            del below[: first + 1]
    parts: _Parts = []
    for band in bands:
        head = next((i for i in band if region[i]), None)
        if head is None:
            continue
        if head not in spanning:
            parts.append((band, left, right))
            continue
        breaks = _title_breaks(region, band, left, left, right, may_wrap=True)
        parts.extend(_parted(band, breaks, left, right))
    return parts


def _parted(indices: list[int], breaks: set[int], left: int, right: int) -> _Parts:
    parts: list[list[int]] = [[]]
    for index in indices:
        if index in breaks and parts[-1]:
            parts.append([])
        parts[-1].append(index)
    return [(part, left, right) for part in parts]
