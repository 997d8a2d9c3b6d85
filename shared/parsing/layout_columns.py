"""Pages extracted in layout mode (``pdftotext -layout``): columns side by side → one by one.

A layout-mode extractor keeps the page's geometry: the columns of a page stand side by side on
one text line, parted by runs of spaces, and a headline spanning several columns stands above
them.  The rest of the parser reads text column by column (as plain ``pdftotext`` gives it), so
such a page is rewritten first: its lines are a grid of character cells, the page is cut
recursively (an X-Y cut) at the gutters — runs of cells blank on every line of a region — and
at blank lines, and each piece is read top to bottom, the pieces left to right.  The page's grid
of cells and the test of whether it was extracted so are :mod:`.layout_grid`'s; where titles
stand over the columns, :mod:`.layout_titles`'.

The cuts of a region, in order of preference:

1. a run of two or more lines blank in the region (the space between two modules), unless
   it parts a title line from the rest of it wrapped (:func:`with_wrapped_titles`);
2. a line blank across the page, unless the lines above and below it are columns whose
   gutters agree (columns going on past a gap; the lines of titles side by side, set larger
   than the text, with blank lines between); where the lines above it all stand right of a
   gutter of the lines below, not centred on them (a module's titles, nothing beside them),
   the lines down to the next such line are cut at that gutter instead, so that the titles
   are read with their columns (:func:`_headed_columns`);
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

Where a cut parts modules side by side and two of their titles run together on one line (the
grid parts them by a single cell only), the right one, with its wrapped rest, heads the first
module right of the left one's with no title over it (:func:`_move_pair_titles`).

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
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from shared.parsing.layout_grid import (
    ALIGN_SLACK,
    MIN_GUTTER,
    PAIR_GAP,
    PAIR_LOOKAHEAD,
    Parts,
    Piece,
    Row,
    column_bounds,
    columns_of,
    coverage,
    gutters_of,
    layout_rows,
    line_span,
    parted,
    pieces_in,
)
from shared.parsing.layout_titles import (
    HEAD_INSET,
    MIN_INDENT,
    centred_on,
    centred_on_span,
    centred_wrap,
    right_of_centre,
    title_breaks,
    with_wrapped_titles,
)
from shared.parsing.lines import Line, ends_sentence, make_line
from shared.parsing.normalise import normalise_chars

# What the explanation says of a line read out of a layout page's columns.
LAYOUT_RULE = "layout page: read column by column"
# Lines spanning a gutter (a headline over its columns) are at most this share of a region
# (a long headline over short columns; the lines of columns beside it may alternate).
MAX_SPANNING_SHARE = 1 / 2
# Cells tried as the gutter the spanning lines cross (a bound on the work for a page of
# thousands of cells; a page is a few hundred wide).
MAX_SPANNING_CELLS = 500
# Sets of spanning lines tried in a region (the fewest lines first).
MAX_SPANNING_TRIES = 6
# The columns of one module differ in width by at most this many cells (the grid rounds each
# line's cells; a column's widest line sets its width).
MODULE_WIDTH_SLACK = 5
# Lines of a column piece starting at its left edge, for the edge to be its running text's
# (two lines flush with each other may be two one-line paragraphs, both set in from a
# column edge no line of the piece shows).
MIN_FLUSH_LINES = 3


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
    rows = layout_rows(lines) if lines else None
    if rows is None:
        return list(lines)
    out: list[str] = []  # the lines' text; "" = a blank line
    set_in: dict[int, bool] = {}  # position in ``out`` → set in by a paragraph's indent
    heading: set[int] = set()  # positions in ``out`` of title lines over columns
    _read_page(lines, rows, out, set_in, heading)
    if _visible(out) != _visible(line.raw for line in lines):
        return list(lines)  # never expected: no character may be lost or doubled
    texts: list[tuple[str, bool | None, bool]] = []
    for position, text in enumerate(out):
        if text or (texts and texts[-1][0]):
            texts.append((text, set_in.get(position), position in heading))
    number = lines[-1].number + 1 if first_number is None else first_number
    page = lines[0].page
    return [
        make_line(text, number + k, page, mark, heads)
        for k, (text, mark, heads) in enumerate(texts)
    ]


def _visible(texts: Iterable[str]) -> dict[str, int]:
    """The visible characters of ``texts`` (whitespace dropped), counted: two readings of a
    page hold the same characters when these are equal (counted, not sorted: a page holds
    thousands of characters, and counting them is the cheaper half of the two; a plain
    dict, whose equality is decided in C, where a Counter's goes key by key in Python)."""
    return dict(Counter("".join(" ".join(texts).split())))


def _read_page(
    lines: Sequence[Line],
    rows: list[Row],
    out: list[str],
    set_in: dict[int, bool],
    heading: set[int],
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
    reading = _Reading(out, set_in, heading, set())
    _read_region(lines, rows, list(range(first, len(rows))), 0, width, reading)


class _Reading(NamedTuple):
    """What reading a page's regions writes: the lines' text (``out``; "" = a blank line),
    which of them are set in by a paragraph's indent or flush (``set_in``, by position in
    ``out``) and which stand as titles over columns (``heading``, positions in ``out``), and
    the lines read as titles over columns (``heads``, by index on the page and the cell
    their text in the region starts in: the same line may hold a side module's text, read
    in a region of its own): parted from the columns under them by the head cut
    (:func:`_head_cut`), or spanning their gutter set in from the region's edge as a title
    is (:func:`_spanning_cut`)."""

    out: list[str]
    set_in: dict[int, bool]
    heading: set[int]
    heads: set[tuple[int, int]]


def _read_region(
    lines: Sequence[Line],
    rows: list[Row],
    indices: list[int],
    left: int,
    right: int,
    reading: _Reading,
) -> None:
    out, set_in = reading.out, reading.set_in
    region = {index: pieces_in(rows[index], left, right) for index in indices}
    filled = [index for index in indices if region[index]]
    if not filled:
        return
    indices = indices[indices.index(filled[0]) : indices.index(filled[-1]) + 1]
    # the cells the region's text takes (the work on a region grows with its width); its
    # pieces are those starting left of ``bound`` (a piece ending past it widens the region,
    # but a piece starting there is the next region's, and its parts read none of them)
    bound = right
    left = min(region[index][0].start for index in filled)
    right = max(region[index][-1].end for index in filled)
    parts = (
        with_wrapped_titles(region, _split_at_blank_runs(region, indices, left, right, 2), left)
        or _page_blank_cut(rows, region, indices, left, right, lines)
        or _column_cut(region, indices, left, right, reading.heads)
        or _spanning_cut(region, indices, left, right, lines, reading.heads)
    )
    if parts is not None:
        _move_pair_titles(rows, parts)
        for number, (part, part_left, part_right) in enumerate(parts):
            if number:
                out.append("")
            _read_region(lines, rows, part, part_left, min(part_right, bound), reading)
        return
    # A column piece.  A line blank in it but not across the page (the page's blank lines
    # have cut it) is no gap in its text: the extractor gave a line of its own to something
    # beside it set off its baselines (a headline's larger lines, a byline).
    # Title lines set in from its text's left edge, stacked one over the other, are parted
    # as titles of their own (:func:`title_breaks`).
    breaks = title_breaks(region, indices, left + HEAD_INSET, left, right, True, lines)
    # Where MIN_FLUSH_LINES of its lines start at its left edge (running lines: the edge is
    # its text's), each line is marked set in (a paragraph's indent: MIN_INDENT cells or more,
    # less than a title's HEAD_INSET) or flush (within a cell of the edge); plain extraction
    # loses this.  A line farther in, centred or set right (a title, a credit), is neither,
    # nor is the rest of a title centred under it (:func:`_centred_rest`).
    flush = sum(
        1 for index in indices if region[index] and region[index][0].start - left < MIN_INDENT
    )
    above: Piece | None = None  # the line above with text, start to end, if it ends no sentence
    for index in indices:
        pieces = region[index]
        if index in breaks:
            out.append("")
            above = None
        if pieces:
            offset = pieces[0].start - left
            line = line_span(pieces)
            if (
                flush >= MIN_FLUSH_LINES
                and offset < HEAD_INSET
                and not (above is not None and _centred_rest(above, line, left))
            ):
                set_in[len(out)] = offset >= MIN_INDENT
            if (index, pieces[0].start) in reading.heads:
                reading.heading.add(len(out))
            out.append(lines[index].raw[pieces[0].first : pieces[-1].last])
            above = None if _ends_sentence(lines[index], pieces) else line


def _move_pair_titles(rows: list[Row], parts: Parts) -> None:
    """Two titles of modules side by side run together on one line (parted by a single cell:
    :func:`.layout_grid._pair_split`): the right one, with the rest of it wrapped under
    it, heads the first part right of the one it stands in whose text starts below it (a
    module with no title of its own over it; the grid, narrowing the titles' wide
    characters, set it left of its module).  Its pieces are moved to that part's left edge.
    (A line holding three titles or more is left as it is: which module each heads is not
    told.)"""
    for number, (part, left, right) in enumerate(parts):
        for position, index in enumerate(part):
            pieces = pieces_in(rows[index], left, right)
            pairs = [b for a, b in itertools.pairwise(pieces) if b.start - a.end == PAIR_GAP]
            if len(pairs) != 1:
                continue
            pair = pairs[0]
            target = next(
                (
                    (other_left, other_right)
                    for other, other_left, other_right in parts[number + 1 :]
                    if other_left >= right
                    and index in other
                    and all(
                        not pieces_in(rows[i], other_left, other_right)
                        for i in other[: other.index(index) + 1]
                    )
                ),
                None,
            )
            if target is None:
                continue
            # the rest of it wrapped: under it on the next line with text in the part (beside
            # the rest of the left title), as :func:`.layout_grid._pair_split` found it
            moves = [(index, pair)]
            for below in part[position + 1 : position + 1 + PAIR_LOOKAHEAD]:
                here = pieces_in(rows[below], left, right)
                if not here:
                    continue
                if not pieces_in(rows[below], *target):
                    moves.extend(
                        (below, p) for p in here if pair.start - ALIGN_SLACK <= p.start < pair.end
                    )
                break
            shift = target[0] - pair.start
            for moved, piece in moves:
                row = [p for p in rows[moved] if p != piece]
                row.append(piece._replace(start=piece.start + shift, end=piece.end + shift))
                rows[moved] = tuple(sorted(row))


def _centred_rest(above: Piece, line: Piece, left: int) -> bool:
    """Whether ``line`` is the rest of the title line ``above`` (which ends no sentence),
    wrapped: centred under it (:func:`.layout_titles.centred_wrap`), set in from both its
    ends by an indent or more.  No paragraph opens in mid-sentence, and a paragraph's first
    line set in by its indent ends where the line above ends."""
    return (
        centred_wrap(above, line, left)
        and line.start - above.start >= MIN_INDENT
        and above.end - line.end >= MIN_INDENT
    )


def _split_at_blank_runs(
    region: Mapping[int, Sequence[Piece]], indices: list[int], left: int, right: int, run: int
) -> Parts | None:
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


def _page_blank_cut(
    rows: list[Row],
    region: dict[int, list[Piece]],
    indices: list[int],
    left: int,
    right: int,
    lines: Sequence[Line],
) -> Parts | None:
    """At a line blank across the whole page, unless the lines above and below it are columns
    whose gutters agree (columns going on past a gap, lines of titles side by side set larger
    than the text): those are cut at their gutters first."""
    parts = _split_at_blank_runs({i: rows[i] for i in indices}, indices, left, right, 1)
    if parts is None:
        return None
    headed, heading = _headed_columns(region, parts, left, right, lines)
    rest = parts[heading + 1 :] if headed else parts
    groups = [part for part, _, _ in rest[:1]]
    for (previous, _, _), (part, _, _) in itertools.pairwise(rest):
        above = [i for i in previous if region[i]]
        below = [i for i in part if region[i]]
        if (
            gutters_of(region, above, left, right)
            and gutters_of(region, below, left, right)
            and gutters_of(region, above + below, left, right)
        ):
            groups[-1] = groups[-1] + part
        else:
            groups.append(part)
    if headed:
        return headed + [(group, left, right) for group in groups]
    if len(groups) < 2:
        return None
    return [(group, left, right) for group in groups]


def _headed_columns(
    region: dict[int, list[Piece]], parts: Parts, left: int, right: int, lines: Sequence[Line]
) -> tuple[Parts, int]:
    """Where the lines above a line blank across the page all stand right of a gutter of the
    lines under it (down to the next such line), none ending a sentence (a stack of titles,
    not the tail of a column's text), their widest (the
    headline) not centred on the lines under them (:func:`.layout_titles.right_of_centre`),
    and the columns right of the gutter start on the first line under them: they head those
    columns (a module's titles and byline with nothing beside them), not those left of the
    gutter (a photo's caption, another module), which a cut at the blank line would read
    between them and their text.  The lines down to the next blank line are cut at the
    gutter (the rightmost they stand right of) instead; the last blank line so decides.
    Returned with the position of the part the cut lines end in (none: no parts, 0)."""
    found: tuple[Parts, int] = ([], 0)
    first = right  # where the lines above start, the leftmost
    widest: Sequence[Piece] = ()  # the line above with the most characters
    for position in range(1, len(parts)):
        for index in parts[position - 1][0]:
            pieces = region[index]
            if pieces and _ends_sentence(lines[index], pieces):
                return found  # the tail of a column's text: no stack of titles
            if pieces:
                first = min(first, pieces[0].start)
                if not widest or _chars(pieces) > _chars(widest):
                    widest = pieces
        if first - left < MIN_GUTTER:
            break  # lines above at the left edge: right of no gutter, nor below
        below = [i for i in parts[position][0] if region[i]]
        gutters = [g for g in gutters_of(region, below, left, right) if g[1] <= first]
        # the columns under the titles start right under them: on the first line below
        gutters = [g for g in gutters if region[below[0]][-1].start >= g[1]]
        if gutters and right_of_centre(
            line_span(widest),
            min(region[i][0].start for i in below),
            max(region[i][-1].end for i in below),
        ):
            start, end = gutters[-1]
            cut = [i for part, _, _ in parts[: position + 1] for i in part]
            found = ([(cut, left, start), (cut, end, right)], position)
    return found


def _chars(pieces: Sequence[Piece]) -> int:
    return pieces[-1].last - pieces[0].first


def _ends_sentence(line: Line, pieces: Sequence[Piece]) -> bool:
    """Whether the line's text in a region (its ``pieces`` there) ends a sentence (the
    line's own end may be another column's)."""
    if line.raw[pieces[-1].last :].isspace() or pieces[-1].last == len(line.raw):
        return line.ends_sentence  # the line's end is the region's
    return ends_sentence(normalise_chars(line.raw[pieces[0].first : pieces[-1].last]))


def _head_band(
    region: dict[int, list[Piece]], indices: list[int], bounds: list[tuple[int, int]]
) -> int | None:
    """The position of the region's first line with text in two or more columns."""
    for position, index in enumerate(indices):
        columns = sum(any(start <= p.start < end for p in region[index]) for start, end in bounds)
        if columns >= 2:
            return position
    return None


def _column_cut(
    region: dict[int, list[Piece]],
    indices: list[int],
    left: int,
    right: int,
    heads: set[tuple[int, int]],
) -> Parts | None:
    """The cuts at the region's gutters, tried in turn on the same gutters: modules side by
    side (:func:`_module_cut`) and a headline over the columns (:func:`_head_cut`) when lines
    with text in one column only stand above its first line with text in two or more (its
    head band), titles of modules side by side (:func:`_title_row_cut`) when the head band is
    its first line, else the columns themselves (:func:`_gutter_cut`).  The lines a head cut
    parts from the columns as their titles are added to ``heads``."""
    gutters = gutters_of(region, indices, left, right)
    if not gutters:
        return None
    bounds = column_bounds(gutters, left, right)
    band = _head_band(region, indices, bounds)
    if band:
        # where each column's text starts below the lines above the head band
        edges = _text_edges(region, indices[band:], bounds)
        centred = centred_on(region, indices[band:])
        parts = _module_cut(region, indices, left, right, gutters, bounds, band, edges, centred)
        if parts is None:
            parts = _head_cut(region, indices, left, right, band, bounds, edges, centred)
            if parts is not None:
                heads.update(
                    (index, region[index][0].start)
                    for part, _, _ in parts[:-1]
                    for index in part
                    if region[index]
                )
        if parts is not None:
            return parts
    elif band == 0:
        parts = _title_row_cut(region, indices, bounds)
        if parts is not None:
            return parts
    return _gutter_cut(region, indices, bounds)


def _text_edges(
    region: dict[int, list[Piece]], indices: Sequence[int], bounds: list[tuple[int, int]]
) -> list[int]:
    """Where each column's text starts on the given lines (a column with none: its start)."""
    return [
        min(
            (p.start for i in indices for p in region[i] if start <= p.start < end),
            default=start,
        )
        for start, end in bounds
    ]


def _text_ends(
    region: dict[int, list[Piece]], indices: Sequence[int], bounds: list[tuple[int, int]]
) -> list[int | None]:
    """Where each column's text ends on the given lines (None: a column with none)."""
    return [
        max((p.end for i in indices for p in region[i] if start <= p.start < end), default=None)
        for start, end in bounds
    ]


def _title_row_cut(
    region: dict[int, list[Piece]], indices: list[int], bounds: list[tuple[int, int]]
) -> Parts | None:
    """Titles of modules side by side on the region's first line (its head band): each piece
    of the line right of the first stands set in from the left edge of its column's text
    (the text under the line) farther than a paragraph's indent, as a title does, not as a
    column's top line does, or is centred on its module's columns from one left of its own
    (:func:`_centred_over`: the grid narrows its wide characters), whose top line opens a
    paragraph (:func:`_opens_text`), heading the module from that one.  Each piece heads a
    module from the column it starts in up to the column of the next: the region is cut at
    the gutters left of those columns only (the columns no title stands over going with the
    title left of them), so that each module is read with its title, which the cut of the
    module then parts from its columns (:func:`_head_cut`), not as the top line of the
    column it happens to stand in.  (The grid narrows a title's wide characters: its start
    is where it stands, its end is not; so a module runs to the next title's column, not to
    its title's end.)"""
    columns = columns_of(region[indices[0]], bounds)
    if len(columns) == len(bounds):
        return None  # a piece over every column: the columns themselves
    edges = _text_edges(region, indices[1:], bounds)  # the text under the line
    # the gutters of the lines under it, which a title over a module's columns straddles
    under = gutters_of(region, indices[1:], bounds[0][0], bounds[-1][1])
    ends = _text_ends(region, indices[1:], bounds)
    pieces = region[indices[0]]
    for number, piece in enumerate(pieces[1:], 1):
        column = columns_of([piece], bounds)[0]
        if piece.start - edges[column] < HEAD_INSET and not any(
            piece.start < begin and end < piece.end for begin, end in under
        ):
            # a title centred on its module's columns from one left of its own (the grid
            # narrows its wide characters, setting it within the cells of a later one)
            beyond = [c for c in columns if c > column]
            first = _centred_over(
                region,
                indices[1:],
                bounds,
                edges,
                ends,
                piece,
                columns_of(pieces[number - 1 : number], bounds)[0] + 1,
                beyond[0] - 1 if beyond else None,
                others=pieces[:number],
            )
            if first is None or not _opens_text(region, indices[1:], bounds, edges, first):
                return None
            columns = sorted({*columns, first} - {column})
    # the first title, centred on columns left of its own, heads a module from the first
    first = _centred_over(
        region,
        indices[1:],
        bounds,
        edges,
        ends,
        region[indices[0]][0],
        0,
        [*columns, len(bounds)][1] - 1,
    )
    if first is not None:
        columns[0] = first
    return _gutter_cut(region, indices, bounds, columns)


def _opens_text(
    region: dict[int, list[Piece]],
    below: Sequence[int],
    bounds: list[tuple[int, int]],
    edges: Sequence[int],
    column: int,
) -> bool:
    """Whether the column's top line (on the lines ``below``) opens a paragraph, set in from
    the column's text by an indent, as a module's first column's does under its title: a
    column whose text starts flush goes on with the text of the column left of it."""
    start, end = bounds[column]
    top = next((p for i in below for p in region[i] if start <= p.start < end), None)
    return top is not None and top.start - edges[column] >= MIN_INDENT


def _module_cut(
    region: dict[int, list[Piece]],
    indices: list[int],
    left: int,
    right: int,
    gutters: list[tuple[int, int]],
    bounds: list[tuple[int, int]],
    band: int,
    edges: list[int],
    centred: Callable[[Sequence[Piece]], bool],
) -> Parts | None:
    """Modules side by side, each under a title of its own: the region's first lines (above
    any line with text in two or more columns) stand set in from the left edge of their
    column's text farther than a paragraph's indent (a byline flush at a column's left heads
    that column, not a module).  A title stands over its module's columns, so that a title
    set in from the text of a column right of the first heads a module starting at that
    column, beside the columns left of it (whose titles, set in other sizes, stand off its
    baselines); the region is cut at the gutter left of each such column, so that each
    module's titles are read with it, not as one band over all the columns.  A line centred
    on the columns below may be a headline over all of them, set within one column's cells
    (:func:`_head_cut`): it heads no column of its own, where the columns left of it start
    on the head band's line with its own, as the columns under one headline do (a column
    left of it starting lower, a caption beside a module, widens the region by chance).  Nor
    does a line over a column that starts together with the column left of it, both opened
    by the head band's line, where no line above stands over the columns left of it: columns
    under one title start on one line, and an extractor's grid, narrowing a title's wide
    characters, sets a headline over them off their centre.  (Where a title of their own
    stands over the columns left of it, they are another module's, whatever line they start
    on.)"""
    heads = [index for index in indices[:band] if region[index]]
    starting = set(columns_of(region[indices[band]], bounds))  # columns the head band opens
    titled = min((c for index in heads for c in columns_of(region[index][:1], bounds)), default=0)
    headed = {
        column
        for index in heads
        for column, (start, end) in enumerate(bounds[1:], 1)
        if start <= region[index][0].start < end
        and region[index][0].start - edges[column] >= HEAD_INSET
        and not (centred(region[index]) and set(range(column)) <= starting)
        and (titled < column or not {column - 1, column} <= starting)
    }
    if not headed:
        # a title over a module wider than its column, centred on the module's columns: it
        # heads the module from the first of them (the grid narrows its wide characters, so
        # that it stands within the cells of one of them, off the region's centre)
        ends = _text_ends(region, indices[band:], bounds)
        headed = {
            first
            for index in heads
            if len(region[index]) == 1 and not centred(region[index])
            for first in [
                _centred_over(
                    region,
                    indices[band:],
                    bounds,
                    edges,
                    ends,
                    region[index][0],
                    1,
                    others=[line_span(region[other]) for other in heads if other != index],
                )
            ]
            if first
        }
    if not headed:
        return None
    cuts = [gutters[column - 1] for column in sorted(headed)]
    return [(indices, start, end) for start, end in column_bounds(cuts, left, right)]


def _centred_over(
    region: dict[int, list[Piece]],
    below: Sequence[int],
    bounds: list[tuple[int, int]],
    starts: Sequence[int],
    ends: Sequence[int | None],
    piece: Piece,
    lowest: int,
    last: int | None = None,
    others: Sequence[Piece] = (),
) -> int | None:
    """The first of the neighbouring columns (from ``lowest``, up to ``last``, by default the
    region's last) that a title line standing over them is centred on (the last where several
    are, and not left of the line's centre on the grid: the grid narrows a title's wide
    characters, so that its centre is left of where it stands, never right), the text of
    each starting on the lines ``below``, when it is left of the column the line starts in,
    and not on the columns from that one: a title over a module of several columns, set
    within the cells of one of them.  The columns are of one width and start on one line, as
    a module's do, and none stands under ``others``, titles left of it: a title stands at
    least over the columns from its own up to the first on whose text it is centred or right
    of it (its centre on the grid is never right of where it stands).  ``starts`` and
    ``ends``: where each column's text starts and ends on the lines ``below``
    (:func:`_text_edges`, :func:`_text_ends`)."""
    column = columns_of([piece], bounds)[0]
    last = len(bounds) - 1 if last is None else last
    if column > last or any(ends[c] is None for c in range(column, last + 1)):
        return None
    right = ends[last]
    assert right is not None
    if centred_on_span(piece, starts[column], right):
        return None  # centred on the columns from its own: it heads those
    for other in others:
        own = columns_of([other], bounds)[0]
        if own < column:
            reach = next(
                (
                    c
                    for c in range(own, column)
                    if (end := ends[c]) is not None
                    and starts[own] + end >= other.start + other.end - 2 * ALIGN_SLACK
                ),
                column - 1,
            )
            lowest = max(lowest, reach + 1)
    centred = [
        first
        for first in range(lowest, column)
        if all(ends[c] is not None for c in range(first, column))
        and centred_on_span(piece, starts[first], right)
        and starts[first] + right >= piece.start + piece.end - 2 * ALIGN_SLACK
        and _even_widths(starts[first : last + 1], ends[first : last + 1])
        and _together(region, below, bounds[first : last + 1], bounds[column])
    ]
    return max(centred, default=None)


def _together(
    region: dict[int, list[Piece]],
    below: Sequence[int],
    bounds: Sequence[tuple[int, int]],
    titled: tuple[int, int],
) -> bool:
    """Whether the columns (but the one the title stands in, which starts with it) start on
    one line, as the columns of one module do (within a line: the grid rounds baselines)."""
    tops = [
        next(
            (
                position
                for position, i in enumerate(below)
                for p in region[i]
                if start <= p.start < end
            ),
            0,
        )
        for start, end in bounds
        if (start, end) != titled
    ]
    return max(tops) - min(tops) <= 1


def _even_widths(starts: Sequence[int], ends: Sequence[int | None]) -> bool:
    """Whether columns are of one width (within MODULE_WIDTH_SLACK cells), as the columns of
    one module are: a column of another width beside them is another module's."""
    widths = [end - start for start, end in zip(starts, ends, strict=True) if end is not None]
    return max(widths) - min(widths) <= MODULE_WIDTH_SLACK


def _head_cut(
    region: dict[int, list[Piece]],
    indices: list[int],
    left: int,
    right: int,
    band: int,
    bounds: list[tuple[int, int]],
    edges: list[int],
    centred: Callable[[Sequence[Piece]], bool],
) -> Parts | None:
    """A headline over the columns below it, set within one column's cells: the region's
    first lines, with text in one column only (the others start below them), each centred on
    the columns, set in from the left edge of its column farther than a paragraph's indent,
    or running past the right edge of its column's text (:func:`_overhangs`: a headline set
    flush over the columns), are read before the columns, not as the top of the one they
    stand in; the lines after
    them (a byline at the left) are the columns' tops.  (An extractor's grid widens wide
    characters' text unevenly, so that a centred headline is often off the columns' centre
    in it.)

    The columns under a headline start together: the head band's line has text in a run of
    neighbouring columns, under the columns the lines above stand in.  Where it has not (its
    pieces are titles of modules side by side, set at heights of their own, or a module's
    columns start lower beside them), a line centred on the region by coincidence heads no
    columns but its own: only lines in the first column, read first in any case, are read
    as titles before the columns.

    Where the head band's line opens the columns from the first (two or more; a column
    starting lower beside them is another module's, under no title of theirs) and each line
    above it stands as one run (a stack of titles, not the tops of columns side by side), a
    title line with no line above the band starting in a column left of it is set in from
    the region's left edge, not its column's: the grid narrows a title's wide characters,
    set larger than the text, so that a headline centred over the columns may start flush
    with any column's text."""
    # the columns with text from the head band down (a gap only the lines above fill is none)
    columns = columns_of([p for index in indices[band:] for p in region[index]], bounds)
    band_columns = [columns.index(column) for column in columns_of(region[indices[band]], bounds)]
    head_columns = {
        column for index in indices[:band] for column in columns_of(region[index][:1], bounds)
    }
    together = band_columns == list(range(band_columns[0], band_columns[-1] + 1)) and all(
        columns[band_columns[0]] <= column <= columns[band_columns[-1]] for column in head_columns
    )
    # the columns from the first opened by the head band's line (two or more; any others start
    # lower: another module's beside them), the lines above it standing as one run each (a
    # stack of titles, not columns' tops)
    opened = (
        len(band_columns) >= 2
        and band_columns == list(range(len(band_columns)))
        and all(len(region[index]) <= 1 for index in indices[:band])
    )
    ends = _text_ends(region, indices[band:], bounds)
    head = 0  # the leading lines that head the columns
    for position, index in enumerate(indices[:band]):
        pieces = region[index]
        if not pieces:
            continue
        edge = max((e for e in edges if e <= pieces[0].start), default=left)
        if opened and columns_of(pieces, bounds) == [min(head_columns)]:
            edge = left
        if (
            not centred(pieces)
            and pieces[0].start - edge < HEAD_INSET
            and not _overhangs(line_span(pieces), bounds, ends)
        ):
            break
        if not together and pieces[0].start >= bounds[0][1]:
            break
        head = position + 1
    if not head:
        return None
    return [*_title_lines(region, indices[:head], left, right), (indices[head:], left, right)]


def _overhangs(line: Piece, bounds: list[tuple[int, int]], ends: Sequence[int | None]) -> bool:
    """Whether a line standing over the columns runs past the right edge of the text of the
    column it starts in (``ends``: :func:`_text_ends`) by more than the grid's rounding: no
    line of the column's text does; a title over the columns, set larger, does, though the
    grid narrows its wide characters."""
    end = ends[columns_of([line], bounds)[0]]
    return end is not None and line.end > end + ALIGN_SLACK


def _title_lines(
    region: dict[int, list[Piece]], indices: list[int], left: int, right: int
) -> Parts:
    """The lines of titles over the columns, parted as :func:`.layout_titles.title_breaks`
    parts them."""
    breaks = title_breaks(region, indices, left, left, right, may_wrap=False)
    return parted(indices, breaks, left, right)


def _gutter_cut(
    region: dict[int, list[Piece]],
    indices: list[int],
    bounds: list[tuple[int, int]],
    starts: Sequence[int] | None = None,
) -> Parts:
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
    parts: Parts = []
    for run in runs:
        here = set().union(*(present[column] for column in run))
        kept = [i for i in indices if i in here or gaps[i] < 2]
        parts.append((kept, bounds[run[0]][0], bounds[run[-1]][1]))
    return parts


def _spanning_cut(
    region: dict[int, list[Piece]],
    indices: list[int],
    left: int,
    right: int,
    lines: Sequence[Line],
    heads: set[tuple[int, int]],
) -> Parts | None:
    """Bands above, at and below the lines spanning the gutter the fewest lines cross.  The
    spanning lines set in from the region's left edge as a title is (:func:`_title_bands`)
    are added to ``heads``."""
    filled = [index for index in indices if region[index]]
    if len(filled) < 3:
        return None
    cover = coverage(region, filled, left, right)
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
        if gutters_of(region, rest, left, right):
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
    heads.update(
        (index, region[index][0].start)
        for index in spanning
        if region[index] and region[index][0].start - left >= HEAD_INSET
    )
    return _title_bands(region, bands, spanning, left, right, lines)


def _title_bands(
    region: dict[int, list[Piece]],
    bands: list[list[int]],
    spanning: frozenset[int],
    left: int,
    right: int,
    lines: Sequence[Line],
) -> Parts:
    """The bands of a spanning cut, a band of spanning lines parted at its title breaks (a
    kicker over a headline set in sizes of their own, both over the columns), and the rest of
    its last line wrapped, centred under it (:func:`centred_wrap`), taken from the band
    below, which it would head as a title of its own."""
    for above, below in itertools.pairwise(bands):
        last = next((i for i in reversed(above) if region[i]), None)
        if last is None or last not in spanning:
            continue
        first = next(position for position, i in enumerate(below) if region[i])
        rest = below[first]
        if len(region[rest]) == 1 and centred_wrap(
            line_span(region[last]), line_span(region[rest]), left
        ):
            above.extend(below[: first + 1])
            del below[: first + 1]
    parts: Parts = []
    for band in bands:
        head = next((i for i in band if region[i]), None)
        if head is None:
            continue
        if head not in spanning:
            parts.append((band, left, right))
            continue
        breaks = title_breaks(region, band, left, left, right, True, lines)
        parts.extend(parted(band, breaks, left, right))
    return parts
