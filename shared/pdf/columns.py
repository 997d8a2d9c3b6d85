"""Stage 3: lines → regions in reading order (a recursive XY-cut).

A newspaper page is a set of rectangles: rows of article modules, each a title over columns
of text.  The cut first splits a region into horizontal bands wherever a gap runs across its
whole width (between article rows, and between a title and the columns under it), then a band
into columns wherever a gutter runs down its whole height, and so on until a region can be cut
no further: that leaf is a piece of one column (or one title stack) and reads top to bottom.
Bands read top to bottom, columns left to right, so multi-column bodies never interleave.

Body lines in one column are closer than 0.8 em of body type, and text in one line never
leaves a 0.8 em gap (the line stage already cut rows at gutters), so the thresholds below
only ever fall between blocks.
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.pdf.types import Box, Region, TextLine

BAND_GAP = 0.8  # em of body type: a horizontal gap that separates bands
GUTTER = 0.8  # em of body type: a vertical gap that separates columns


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
        bands = _gaps([(line.top, line.bottom) for line in lines], BAND_GAP * unit)
        if bands:
            leaves = []
            for part in _split(lines, bands, vertical=False):
                leaves.extend(_cut(part, cell, unit))
            return leaves
        gutters = _gaps([(line.x0, line.x1) for line in lines], GUTTER * unit)
        if gutters:
            bounds = [cell[0]] + [(a + b) / 2 for a, b in gutters] + [cell[1]]
            leaves = []
            parts = _split(lines, gutters, vertical=True)
            for index, part in enumerate(parts):
                leaves.extend(_cut(part, (bounds[index], bounds[index + 1]), unit))
            return leaves
    return [(list(lines), cell)]


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
    regions: list[Region] = []
    for part, cell in _cut([*lines, *obstacles], (0.0, page_width), unit):
        part = [line for line in part if line.text]
        if not part:
            continue
        order = len(regions)
        ordered = sorted(part, key=lambda line: (round(line.bottom / (0.5 * unit)), line.x0))
        regions.append(Region(lines=tuple(ordered), cell_x0=cell[0], cell_x1=cell[1], order=order))
    return regions
