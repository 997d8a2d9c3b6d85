"""Stage 3: lines → regions in reading order (a recursive XY-cut).

A newspaper page is a set of rectangles: rows of article modules, each a title over columns
of text.  The cut first splits a region into horizontal bands wherever a gap runs across its
whole width (between article rows, and between a title and the columns under it), then a band
into columns wherever a gutter runs down its whole height, and so on until a region can be cut
no further: that leaf is a piece of one column (or one title stack) and reads top to bottom.
Bands read top to bottom, columns left to right, so multi-column bodies never interleave.
Gutters are cut widest first (the space between two article modules is wider than the one
between two columns of one module), so a module's columns stay together with its title even
when its first column sticks out from under a short title.

Body lines in one column are closer than 0.8 em of body type, and text in one line never
leaves a 0.8 em gap (the line stage already cut rows at gutters), so the thresholds below
only ever fall between blocks.  Leading grows with the type: the lines of a 24 pt headline
wrapped over two lines stand further apart than 0.8 em of 9 pt body type, yet closer than
0.8 em of their own size.  So no band is cut where a title line wraps across the gap: the
wrapped headline stays one region, and the module beside it, whose one-line title ends above
the headline's second line, cannot be read in between.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from shared.pdf.types import Box, Region, TextLine

BAND_GAP = 0.8  # em of body type: a horizontal gap that separates bands
GUTTER = 0.8  # em of body type: a vertical gap that separates columns
WIDTH_TOLERANCE = 0.25  # em of body type: gutters this close to the widest are cut together
TITLE_RATIO = 1.3  # type this many times the body size is title type
TITLE_STACK_RATIO = 1.15  # type this many times the body size may stand in a title stack
BELOW = 8.0  # em of body type: how far below a title line its columns are looked for


def _gaps(spans: Sequence[tuple[float, float]], minimum: float) -> list[tuple[float, float]]:
    """The empty intervals of at least ``minimum`` between the union of ``spans``."""
    ordered = sorted(spans)
    gaps: list[tuple[float, float]] = []
    reach = ordered[0][1]
    for start, end in ordered[1:]:
        if start - reach >= minimum:
            gaps.append((reach, start))
        reach = max(reach, end)
    return gaps


def _band_gaps(lines: Sequence[TextLine], unit: float) -> list[tuple[float, float]]:
    """The horizontal gaps of at least ``BAND_GAP`` ems of ``unit`` between ``lines`` that
    separate bands: not a gap a title line wraps across (:func:`_wraps_across`)."""
    return [
        (start, end)
        for start, end in _gaps([(line.top, line.bottom) for line in lines], BAND_GAP * unit)
        if not _wraps_across(lines, start, end, unit)
    ]


def _wraps_across(lines: Sequence[TextLine], start: float, end: float, unit: float) -> bool:
    """Whether two lines of title type, one ending at the gap ``start``–``end`` and one starting
    under it, overlapping across, stand closer than ``BAND_GAP`` ems of their own type: the
    leading of one title stack (a wrapped headline, a kicker over it), not a gap between
    blocks.  A title's leading grows with its type, so it can exceed ``BAND_GAP`` ems of body
    type; cutting there would let a module beside the stack, whose shorter title ends above
    the stack's last line, read in between."""
    title = TITLE_STACK_RATIO * unit
    above = [
        line for line in lines if line.size >= title and start - line.size <= line.bottom <= start
    ]
    below = [
        line for line in lines if line.size >= title and end <= line.top <= end + line.size
    ]
    return any(
        b.top - a.bottom < BAND_GAP * min(a.size, b.size) and a.x0 < b.x1 and b.x0 < a.x1
        for a in above
        for b in below
    )


def _split(
    lines: Sequence[TextLine], gaps: list[tuple[float, float]], vertical: bool
) -> list[list[TextLine]]:
    parts: list[list[TextLine]] = [[] for _ in range(len(gaps) + 1)]
    for line in lines:
        start = line.x0 if vertical else line.top
        index = sum(1 for gap in gaps if start >= gap[1])
        parts[index].append(line)
    return [part for part in parts if part]


def _cut(
    lines: Sequence[TextLine], cell: tuple[float, float], unit: float
) -> list[tuple[list[TextLine], tuple[float, float]]]:
    if len(lines) > 1:
        bands = _band_gaps(lines, unit)
        if bands:
            leaves = []
            for part in _split(lines, bands, vertical=False):
                leaves.extend(_cut(part, cell, unit))
            return leaves
        gutters = _gaps([(line.x0, line.x1) for line in lines], GUTTER * unit)
        if gutters:
            # The widest gutters first: between article modules before between the columns
            # of one module, so that a title narrower than its module (a first column
            # sticking out from under it) is not cut off from that column.
            widest = max(b - a for a, b in gutters)
            gutters = [(a, b) for a, b in gutters if b - a >= widest - WIDTH_TOLERANCE * unit]
            bounds = [cell[0]] + [(a + b) / 2 for a, b in gutters] + [cell[1]]
            leaves = []
            parts = _split(lines, gutters, vertical=True)
            for index, part in enumerate(parts):
                leaves.extend(_cut(part, (bounds[index], bounds[index + 1]), unit))
            return leaves
    return [(list(lines), cell)]


def _body_gutters(
    line: TextLine, lines: Sequence[TextLine], unit: float
) -> list[tuple[float, float]]:
    """The gutters of the text-type lines just below ``line``, within its width: those
    starting within ``BELOW`` ems of the highest of them (a title stack of several lines, a
    subtitle among them, can stand taller than ``BELOW`` ems over its columns)."""
    under = [
        other
        for other in lines
        if other.text
        and other.size < TITLE_RATIO * unit
        and line.bottom <= other.top
        and other.x1 > line.x0
        and other.x0 < line.x1
    ]
    if not under:
        return []
    first = min(other.top for other in under)
    below = [
        (max(other.x0, line.x0), min(other.x1, line.x1))
        for other in under
        if other.top <= first + BELOW * unit
    ]
    return _gaps(below, GUTTER * unit)


def split_side_by_side(lines: Sequence[TextLine], unit: float) -> list[TextLine]:
    """Cut a title line where a gap in it stands over the widest gutter of the text below.

    Two headlines side by side on one baseline can be as close as a headline's own one-em
    space.  The columns under them tell them apart: the gutter between two article modules
    is wider than the gutters between the columns of one module, so a gap over such a
    gutter (when narrower gutters exist below too) separates two titles.  A gap over an
    ordinary column gutter stays a space.
    """
    out: list[TextLine] = []
    for line in lines:
        if not line.breaks or line.size < TITLE_RATIO * unit:
            out.append(line)
            continue
        gutters = _body_gutters(line, lines, unit)
        widest = max((b - a for a, b in gutters), default=0.0)
        modules = [(a, b) for a, b in gutters if b - a >= widest - WIDTH_TOLERANCE * unit]
        if len(modules) == len(gutters):
            modules = []  # no narrower gutter to compare with: the gutters cannot tell
        cuts = [
            gap
            for gap in line.breaks
            if any(gap[0] < b and a < gap[1] for a, b in modules)
            or _parted_next_to(line, gap, lines)
        ]
        out.extend(_cut_line(line, cuts))
    return out


def _parted_next_to(
    line: TextLine, gap: tuple[float, float, int], lines: Sequence[TextLine]
) -> bool:
    """Whether the lines of ``line``'s type size just above or below it (within a title's
    leading) stand on both sides of the gap ``gap`` in it and none runs across it.

    Each of two headlines side by side wraps on its own, so their other lines stand apart
    where their first lines meet; one headline's other line is centred or set flush under
    it and runs across the space a writer left in it.
    """
    left, right = gap[0], gap[1]
    near = [
        other
        for other in lines
        if other is not line
        and other.text
        and abs(other.size - line.size) < 0.5
        and other.x1 > line.x0
        and other.x0 < line.x1
        and (
            0 <= other.top - line.bottom < BAND_GAP * line.size
            or 0 <= line.top - other.bottom < BAND_GAP * line.size
        )
    ]
    return (
        any(other.x1 <= right for other in near)
        and any(other.x0 >= left for other in near)
        and not any(other.x0 < left and other.x1 > right for other in near)
    )


def _cut_line(line: TextLine, cuts: Sequence[tuple[float, float, int]]) -> list[TextLine]:
    pieces: list[TextLine] = []
    start_x, start_index = line.x0, 0
    for left, right, index in [*cuts, (line.x1, line.x1, len(line.text))]:
        pieces.append(
            replace(
                line,
                text=line.text[start_index:index],
                x0=start_x,
                x1=left,
                breaks=tuple(
                    (a, b, i - start_index)
                    for a, b, i in line.breaks
                    if start_index <= i < index
                ),
            )
        )
        start_x, start_index = right, index + 1
    return [piece for piece in pieces if piece.text.strip()]


def reading_order(
    lines: Sequence[TextLine], page_width: float, unit: float, pictures: Sequence[Box] = ()
) -> list[Region]:
    """The page's regions in reading order; ``unit`` is the body type size.

    Pictures take part in the cut as empty boxes (text never runs through a photo, and a
    photo's caption reads where the photo stands) but make no region of their own.
    """
    if not lines:
        return []
    unit = unit or 10.0
    obstacles = [
        TextLine(text="", x0=p.x0, top=p.top, x1=p.x1, bottom=p.bottom, size=0.0, page=0)
        for p in pictures
    ]
    lines = split_side_by_side(lines, unit)
    regions: list[Region] = []
    for part, cell in _cut([*lines, *obstacles], (0.0, page_width), unit):
        part = [line for line in part if line.text]
        if not part:
            continue
        order = len(regions)
        ordered = sorted(part, key=lambda line: (round(line.bottom / (0.5 * unit)), line.x0))
        regions.append(Region(lines=tuple(ordered), cell_x0=cell[0], cell_x1=cell[1], order=order))
    return regions
