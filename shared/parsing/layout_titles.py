"""The titles of a page extracted in layout mode: where a title line stands over the columns.

A title is set apart from the text by its geometry: centred on the columns under it, or set
in from its column's left edge farther than a paragraph's indent; stacked title lines of
different widths or starts are set in sizes of their own (a kicker over its headline, a
headline over its subtitle); a centred title line that fills its measure goes on, wrapped,
centred under it.  (The extractor's grid places a title's start where it stands but narrows
its wide characters, set larger than the text: its end is not where it ends.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from shared.parsing.layout_grid import ALIGN_SLACK, Parts, Piece, line_span
from shared.parsing.lines import Line
from shared.parsing.normalise import display_width

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
# A paragraph's first line is set in from its column's text by two characters: at least this
# many cells (two characters counted one a cell, one counted two), less than HEAD_INSET
# (a title set in).  On pdftotext's grid the indent comes out as 2-4 cells, running lines
# start at their column's edge (within a cell).
MIN_INDENT = 2


def centred_on(
    region: dict[int, list[Piece]], indices: list[int]
) -> Callable[[Sequence[Piece]], bool]:
    """Whether a line is centred on the text of the given lines (the columns under it): within
    HEAD_SLACK cells, or HEAD_SLACK_SHARE of their width if more."""
    body = [p for index in indices for p in region[index]]
    body_left = min(p.start for p in body)
    body_right = max(p.end for p in body)

    def centred(pieces: Sequence[Piece]) -> bool:
        return centred_on_span(line_span(pieces), body_left, body_right)

    return centred


def centred_on_span(line: Piece, body_left: int, body_right: int) -> bool:
    """Whether the line is centred on the cells ``body_left`` to ``body_right``: within
    HEAD_SLACK cells, or HEAD_SLACK_SHARE of their width if more."""
    slack = max(HEAD_SLACK, HEAD_SLACK_SHARE * (body_right - body_left))
    return abs(line.start + line.end - body_left - body_right) <= 2 * slack


def right_of_centre(line: Piece, body_left: int, body_right: int) -> bool:
    """Whether the line's centre on the grid stands right of the centre of the cells
    ``body_left`` to ``body_right`` by more than a centred line's slack
    (:func:`centred_on_span`): no title centred on them, for the grid narrows a title's wide
    characters, so that its centre on the grid is left of where it stands, never right."""
    slack = max(HEAD_SLACK, HEAD_SLACK_SHARE * (body_right - body_left))
    return line.start + line.end - body_left - body_right > 2 * slack


def title_breaks(
    region: dict[int, list[Piece]],
    indices: list[int],
    inset: int,
    left: int,
    right: int,
    may_wrap: bool,
    lines: Sequence[Line] | None = None,
) -> set[int]:
    """The lines (starting at cell ``inset`` or farther right) stacked under a title line of
    another width or set off it: a kicker over its headline, a headline over its subtitle
    are set in sizes of their own, which plain extraction parts with a blank line.  A title's
    last character or two wrapped onto a line of its own go with the line above, and so does
    a line centred under a line that fills the measure ``left`` to ``right``
    (:func:`centred_wrap`).  With ``may_wrap`` (lines not known as titles), a line starting
    in the cell the line above starts in, when that fills the measure (ends at ``right``), is
    the line above wrapped (a caption's, a paragraph's) and stays with it; there a headline
    under its kicker set smaller is parted from it too, though neither is set in
    (:func:`kicker_break`, which reads the ``lines``' text: given whenever ``may_wrap``)."""
    breaks = set()
    previous: Piece | None = None  # the title line above, start to end
    for index in indices:
        pieces = region[index]
        if not pieces:
            continue
        if pieces[0].start < inset:
            previous = None
        elif pieces[-1].last - pieces[0].first > MAX_WRAPPED_REST:
            line = line_span(pieces)
            if (
                previous is not None
                and (
                    abs(line.end - line.start - previous.end + previous.start) >= TITLE_WIDTH_STEP
                    or abs(line.start - previous.start) >= TITLE_WIDTH_STEP
                )
                and not (
                    may_wrap and line.start == previous.start and previous.end >= right - WRAP_SLACK
                )
                and not centred_wrap(previous, line, left)
            ):
                breaks.add(index)
            previous = line
    if may_wrap:
        assert lines is not None, "title_breaks with may_wrap reads the lines' text"
        kicker = kicker_break(region, indices, left, lines)
        if kicker is not None:
            breaks.add(kicker)
    return breaks


def centred_wrap(above: Piece, below: Piece, left: int) -> bool:
    """Whether ``below`` is the rest of the centred title line ``above`` wrapped: a centred
    line starting at the left edge of its measure (``left``) fills it, so that the title goes
    on below it; the rest, shorter, is centred under it.  A centred title line set in from
    the edge as far as a title stands set in (``HEAD_INSET``) was not wrapped, and a line
    under it is a title of its own; the grid places a wide title's start a few cells off
    where it stands (``赤胆忠心 疾恶如仇（为了民族复兴·英雄`` filling its module's measure four
    cells in from the edge of the columns' text)."""
    return (
        above.start < left + HEAD_INSET
        and below.start > above.start
        and below.end - below.start < above.end - above.start
        and abs(above.start + above.end - below.start - below.end) <= 2 * HEAD_SLACK
    )


def with_wrapped_titles(
    region: Mapping[int, Sequence[Piece]], parts: Parts | None, left: int
) -> Parts | None:
    """The parts, a title line ending a part joined by the rest of it wrapped
    (:func:`centred_wrap`): a title set larger than the text stands lines of text apart
    from its rest, so that blank lines of a column part them.  The line stands alone in its
    part, or under other titles of its stack (a kicker): lines set in from the column's edge
    farther than a paragraph's indent (``HEAD_INSET``), as no line of text is.  A line
    standing alone in its part is joined, too, by a line going on filling its measure from
    the same cell (:func:`_fills_again`): a title over three lines goes on so (its third
    line; a fourth line is not joined this way)."""
    if parts is None:
        return None
    joined = [parts[0]]
    for part in parts[1:]:
        above = [i for i in joined[-1][0] if region[i]]
        below = next(i for i in part[0] if region[i])
        if (
            all(len(region[i]) == 1 for i in above)
            and all(region[i][0].start - left >= HEAD_INSET for i in above[:-1])
            and len(region[below]) == 1
            and (
                centred_wrap(line_span(region[above[-1]]), line_span(region[below]), left)
                or (len(above) == 1 and _fills_again(region[above[0]][0], region[below][0], left))
            )
        ):
            joined[-1] = (joined[-1][0] + part[0], joined[-1][1], joined[-1][2])
        else:
            joined.append(part)
    return joined if len(joined) > 1 else None


def _fills_again(above: Piece, below: Piece, left: int) -> bool:
    """Whether ``below`` goes on filling the measure ``above`` fills, starting at its left
    edge: the third line of a title over three lines."""
    return (
        above.start <= left + ALIGN_SLACK
        and below.start == above.start
        and abs(below.end - above.end) <= 1
    )


def kicker_break(
    region: Mapping[int, Sequence[Piece]], indices: list[int], left: int, lines: Sequence[Line]
) -> int | None:
    """The line under a kicker at the top of a column piece, set in larger type: a headline.
    The grid places a line's start where it stands but gives each character a cell whatever
    its size, so that a line of fewer characters starting left of a longer line over it has
    wider characters: of one size, centred on one axis the shorter line would start right of
    the longer, set flush left at its cell.  So has a shorter line set in from the longer
    by no more than half of what it lacks in width (in em),
    less a cell: centred in the longer line's size (a character at least a cell), it would
    start that far in (a kicker ``十多天没回家，每天工作超过十二小时`` over a headline
    ``“揽事民警”跨江配药`` set in two cells, where one size would set it in four).
    A paragraph's first line set in by its indent over a shorter last line shows the same,
    so the upper line must be no paragraph's: set in less than an indent (``MIN_INDENT``
    cells), or running past the right edge of the running lines under it (where most of
    them end: a title stands over a module wider than its column), or with no running lines
    (at the piece's left edge) under it at all; over a line set in from it, the upper line
    may also stand set in from the piece's edge, as no running line does.  A line set in
    from it as far as a title is (``HEAD_INSET``) is a title of its own already
    (:func:`title_breaks`)."""
    filled = [i for i in indices if region[i]]
    if len(filled) < 2 or len(region[filled[0]]) != 1 or len(region[filled[1]]) != 1:
        return None
    upper, lower = region[filled[0]][0], region[filled[1]][0]
    if lower.last - lower.first >= upper.last - upper.first:
        return None
    running = [region[i][-1].end for i in filled[2:] if region[i][0].start - left <= 1]
    past_running = not running or upper.end > Counter(running).most_common(1)[0][0] + (
        TITLE_WIDTH_STEP
    )
    if 0 < upper.start - lower.start < HEAD_INSET:
        larger = upper.start - lower.start < MIN_INDENT or past_running
        return filled[1] if larger else None
    lacks = display_width(lines[filled[0]].raw[upper.first : upper.last]) - display_width(
        lines[filled[1]].raw[lower.first : lower.last]
    )
    if 0 < lower.start - upper.start <= lacks / 2 - 1 and (
        past_running or upper.start - left >= MIN_INDENT
    ):
        return filled[1]
    return None
