"""What a body's blank lines say about its layout: where its columns break (the column grid)
and whether it sets a blank line at its paragraph breaks.

A blank line inside a body is a column break or a paragraph break.  Some bodies tell which
by how they set the breaks their shapes make certain: a blank after a full line that does
not end a sentence is a column break, and an article's columns are equally deep, so two such
breaks give the depth of the rest (:func:`column_grid`); a sentence ending short of the
column is a paragraph break, and a body sets a blank at all of them or at none
(:func:`marks_breaks_with_blanks`, :func:`never_marks_breaks_with_blanks`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shared.parsing.block import Block
from shared.parsing.columns import is_short
from shared.parsing.lines import Line

# Column breaks certain enough to measure the column depth from: at least this many, this
# many lines apart or more.
GRID_MIN_BREAKS = 2
GRID_MIN_DEPTH = 3


# Paragraph breaks certain from their shape needed to tell how a body marks its breaks, and
# the share of them that must come with a blank line.
MARKED_MIN_BREAKS = 3
MARKED_SHARE = 1.0


def break_marking(blocks: Sequence[Block], columns: Mapping[int, float]) -> tuple[bool, bool]:
    """How the body marks its paragraph breaks, told from one count of its certain breaks:
    (:func:`marks_breaks_with_blanks`, :func:`never_marks_breaks_with_blanks`)."""
    certain, marked = _certain_breaks(blocks, columns)
    enough = certain >= MARKED_MIN_BREAKS
    return enough and marked >= MARKED_SHARE * certain, enough and not marked


def marks_breaks_with_blanks(blocks: Sequence[Block], columns: Mapping[int, float]) -> bool:
    """Whether the body sets a blank line at its paragraph breaks (some extractors and
    layouts do, others never): at least ``MARKED_MIN_BREAKS`` certain breaks (a sentence
    ending short of the column, then more text), ``MARKED_SHARE`` of them with a blank."""
    return break_marking(blocks, columns)[0]


def never_marks_breaks_with_blanks(blocks: Sequence[Block], columns: Mapping[int, float]) -> bool:
    """Whether the body sets no blank line at any of its (at least ``MARKED_MIN_BREAKS``)
    certain paragraph breaks: its blank lines then end columns or boxes, and say nothing
    of where a paragraph starts."""
    return break_marking(blocks, columns)[1]


# Where blank lines stand only at column breaks, a column happens to end at a paragraph's
# end now and then (a fifth of the certain breaks or so, seldom near half); a page that
# parts its paragraphs with blank lines sets one at (nearly) every break.
MOSTLY_MARKED_SHARE = 0.5


def marks_most_breaks_with_blanks(blocks: Sequence[Block], columns: Mapping[int, float]) -> bool:
    """Whether the blocks (a page's body) set a blank line at most of their certain
    paragraph breaks (``MOSTLY_MARKED_SHARE``, of at least ``MARKED_MIN_BREAKS``): a blank
    line there may part two paragraphs of one text, where elsewhere it ends a column."""
    certain, marked = _certain_breaks(blocks, columns)
    return certain >= MARKED_MIN_BREAKS and marked >= MOSTLY_MARKED_SHARE * certain


def _certain_breaks(blocks: Sequence[Block], columns: Mapping[int, float]) -> tuple[int, int]:
    """How many paragraph breaks of the body are certain from their shape (a sentence ending
    short of the column, then more text on the same page), and how many of them come with
    a blank line."""
    certain = marked = 0
    previous: Line | None = None
    for block in blocks:
        for position, line in enumerate(block.lines):
            if (
                previous is not None
                and previous.page == line.page
                and previous.ends_sentence
                and is_short(previous, columns[previous.number])
            ):
                certain += 1
                marked += position == 0 and bool(block.blanks_before)
            previous = line
    return certain, marked


@dataclass(frozen=True)
class ColumnGrid:
    """Where a body's column depth puts its column breaks: ``starts`` are the lines after a
    blank that open a column by it, ``off`` the lines after a blank that no column depth
    agreeing with the certain breaks can put at a column's top."""

    starts: frozenset[int] = frozenset()
    off: frozenset[int] = frozenset()


def column_grid_starts(blocks: Sequence[Block], columns: Mapping[int, float]) -> set[int]:
    """Numbers of the lines after a blank that open a column by the body's column depth
    (:func:`column_grid`)."""
    return set(column_grid(blocks, columns).starts)


def column_grid(blocks: Sequence[Block], columns: Mapping[int, float]) -> ColumnGrid:
    """The column grid of a body's blank lines.

    An article's columns are all equally deep (the page grid or the article's own box), so
    its column breaks fall every ``depth`` text lines (blank lines take no line of the
    column).  A blank after a full line that does not end a sentence is certainly a column
    break; two or more of them on one page, their distances all multiples of the smallest,
    give the depth and the phase.  Every other blank of that page on the grid is then a
    column break too (perhaps also a paragraph break: a break falling at a column's end
    gets one blank only).  Without such breaks, or when they disagree (a box of another
    depth), nothing is known and both sets are empty.

    A blank off the grid is not a column break, unless the true depth is a divisor of the
    measured one (a column break between two certain ones that happened to fall after a
    sentence end): only a blank whose distance from the certain breaks shares no divisor
    of at least ``GRID_MIN_DEPTH`` lines with the depth is certainly off the grid."""
    starts: list[tuple[int, Line]] = []
    certain: dict[int, list[int]] = {}
    index = 0
    previous: Line | None = None
    for block in blocks:
        for position, line in enumerate(block.lines):
            if (
                position == 0
                and block.blanks_before
                and previous is not None
                and previous.page == line.page
            ):
                starts.append((index, line))
                if not previous.ends_sentence and not is_short(previous, columns[previous.number]):
                    certain.setdefault(line.page, []).append(index)
            index += 1
            previous = line
    on_grid: set[int] = set()
    off_grid: set[int] = set()
    for page, breaks in certain.items():
        if len(breaks) < GRID_MIN_BREAKS:
            continue
        gaps = [b - a for a, b in itertools.pairwise(breaks)]
        depth = min(gaps)
        if depth < GRID_MIN_DEPTH or any(gap % depth for gap in gaps):
            continue
        for at, line in starts:
            if line.page != page:
                continue
            offset = (at - breaks[0]) % depth
            if offset == 0:
                on_grid.add(line.number)
            elif math.gcd(depth, offset) < GRID_MIN_DEPTH:
                off_grid.add(line.number)
    return ColumnGrid(frozenset(on_grid), frozenset(off_grid))
