"""A change of measure inside a run of text lines: where one module's body ends and the next
module's titles and body begin, on a page that sets no blank line between them.

A body is set in one measure from its first line to its last; two pieces of body whose
columns differ by more than ``COLUMN_TOLERANCE`` are not one text.  So where, after a closed
sentence, the lines settle into a column of another width, a new module begins there, and
the few lines between the closed sentence and the new column's first paragraph that close
no sentence (``安徽合肥瑶海区加强基层党建，引领社会治理`` / ``抖抖问题清单  找找资源清单``
between a 27-em body and a 15-em one) are its titles: no paragraph of either body could hold
them, as the body above closed its sentence and the body under opens its paragraph after
them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from shared.parsing.columns import (
    COLUMN_TOLERANCE,
    MIN_MEASURED_LINES,
    is_short,
    piece_column,
    short_by_indent,
)
from shared.parsing.lines import Line
from shared.parsing.text_ends import FULL_STOPS, closes_text
from shared.parsing.title_roles import fits_title_stack

# How many lines on either side of the change measure each column.
MEASURING_LINES = 6
MEASURE_CHANGE_RULE = "title lines where the measure changes after a closed sentence"
MEASURE_BODY_RULE = "body in the changed measure"


def measure_change(lines: Sequence[Line]) -> tuple[int, int] | None:
    """``(titles, body)``: where the first change of measure's title lines and the new body
    start in ``lines`` (a block of text lines), else None.  The change needs a closed
    sentence above it, at least one title line (free of full stops, closing no sentence,
    no more than a title stack holds), a column under it at least ``MIN_MEASURED_LINES``
    lines long that differs from the column above by more than ``COLUMN_TOLERANCE``, and the
    new column's first line opening a paragraph (:func:`opens_paragraph`) of a body that
    closes a sentence in the block (lines that close none are titles still)."""
    closed = [closes_text(line) for line in lines]
    last_closed = max((i for i, close in enumerate(closed) if close), default=-1)
    for start, above, bodies in title_runs(lines, closed, len(lines) - MIN_MEASURED_LINES + 1):
        for body in bodies:
            title = lines[body - 1]
            below = piece_column(lines[body : body + MEASURING_LINES])
            if below <= 0 or abs(below - above) <= COLUMN_TOLERANCE:
                continue
            if opens_paragraph(title, lines[body], below):
                break  # the new body opens above: no title line stands before it
            if opens_paragraph(lines[body], lines[body + 1], below) and last_closed >= body:
                return start, body
    return None


def title_runs(
    lines: Sequence[Line], closed: Sequence[bool], end: int, min_lines: int = 1
) -> Iterator[tuple[int, float, Iterator[int]]]:
    """Where a title stack may follow a closed sentence in ``lines``: ``(start, column,
    bodies)`` for each ``start`` (at least ``MIN_MEASURED_LINES`` down, leaving room for
    ``min_lines`` title lines before ``end``) whose line may stand in a title
    (:func:`may_stand_in_title`) under a line that closes a sentence (``closed`` flags each
    line), with ``column`` measured on the ``MEASURING_LINES`` lines above; ``bodies`` gives
    in turn each ``body`` before ``end`` for which the lines ``lines[start:body]`` may all
    stand in one title stack (:func:`.title_roles.fits_title_stack`)."""
    for start in range(MIN_MEASURED_LINES, end - min_lines):
        if not closed[start - 1] or not may_stand_in_title(lines[start], closed[start]):
            continue  # no closed sentence above, or no title line under it
        column = piece_column(lines[max(0, start - MEASURING_LINES) : start])
        if column > 0:
            yield start, column, _run_ends(lines, closed, start, end)


def _run_ends(lines: Sequence[Line], closed: Sequence[bool], start: int, end: int) -> Iterator[int]:
    """Each ``body`` before ``end`` where ``lines[start:body]`` may be a title stack."""
    for body in range(start + 1, end):
        if not may_stand_in_title(lines[body - 1], closed[body - 1]) or not fits_title_stack(
            [line.text for line in lines[start:body]]
        ):
            return
        yield body


def may_stand_in_title(line: Line, closed: bool) -> bool:
    """A line that may stand in a title stack: it closes no text (``closed``), holds no full
    stop and opens no dateline."""
    return not closed and FULL_STOPS.isdisjoint(line.text) and not line.opens_dateline


def opens_paragraph(first: Line, second: Line, column: float) -> bool:
    """``first`` is the indented first line of a paragraph in ``column``: short of it by the
    indent, and run on by a line that is not short.  It closes no text, but for a clause
    closed with a semicolon, on which a sentence goes on (``奋战抗疫一线，筑牢防控屏障；`` over
    ``剑指违法犯罪，守护一方平安；深化``): a paragraph ends with its sentence, a full stop."""
    return (
        short_by_indent(first, column)
        and (not closes_text(first) or first.text.endswith(_CLAUSE_ENDS))
        and not is_short(second, column)
    )


# Marks that close a clause inside a sentence, though they count as its end elsewhere.
_CLAUSE_ENDS = ("；", ";")
