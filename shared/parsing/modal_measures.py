"""A column's measure told to the em by the width its full lines settle on.

A hard-wrapped column of Chinese text sets every line inside a paragraph to the same
number of ems: the line breaks after the character that fills the measure.  A digit or a
Latin letter takes half an em, so a line may come out half an em wide, and a mark no line
may open with takes a character down with it, leaving the line above an em or two short;
that is why columns are otherwise compared within ``COLUMN_TOLERANCE``.  But no full line
of a column runs past its measure by a whole em.  So where one piece's full lines settle
on a width (``MIN_MODAL_LINES`` of them at it, none more than half an em past it) and
another piece sets several of its full lines (``MIN_WIDER_LINES``, a third of them) a
whole em or more wider, the second piece is set in a wider measure than the first, even
where the two differ by a single em (a 12-em column beside an 11-em one), closer than the
tolerance can tell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

# A piece tells its measure by at least this many full lines at one width ...
MIN_MODAL_LINES = 3
# ... and no full line more than this past it (a digit or Latin letter's half em).
HALF_WIDTH = 0.5
# A wider piece sets at least this many full lines, and this share of them, a whole em or
# more past the narrower piece's measure.
MIN_WIDER_LINES = 3
MIN_WIDER_SHARE = 1 / 3


def settled_measure(widths: Sequence[float]) -> float:
    """The width a piece's full lines (their ``widths``) settle on: the commonest, held by at least
    ``MIN_MODAL_LINES`` of them, with none wider by more than ``HALF_WIDTH``; else 0."""
    if not widths:
        return 0.0
    width, count = Counter(widths).most_common(1)[0]
    if count < MIN_MODAL_LINES or max(widths) > width + HALF_WIDTH:
        return 0.0
    return width


def runs_wider(widths: Sequence[float], measure: float) -> bool:
    """At least ``MIN_WIDER_LINES`` of a piece's full lines (their ``widths``), and
    ``MIN_WIDER_SHARE`` of them, run a whole em or more past ``measure``: no column of that
    measure sets them."""
    wider = sum(1 for width in widths if width >= measure + 1.0)
    return wider >= MIN_WIDER_LINES and wider >= MIN_WIDER_SHARE * len(widths)


def settled_apart(first: Sequence[float], second: Sequence[float]) -> bool:
    """Of two pieces' full lines (their widths), one's settle on a measure
    (:func:`settled_measure`) that the other's run past (:func:`runs_wider`): the two are
    set in different columns."""
    for narrower, wider in ((first, second), (second, first)):
        measure = settled_measure(narrower)
        if measure > 0 and runs_wider(wider, measure):
            return True
    return False
