"""Column widths: the measure (in em) a run of body lines was set in, estimated so that
indented first lines, short last lines, letter-spaced lines and closing marks squeezed past
the column edge do not mislead it, and the measure that lines of whole-em characters fill
(half-width characters count other than they print); whether two pieces of body share one
column; and the margins (indent, short line) paragraph and title rules measure against it."""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Mapping, Sequence

from shared.parsing.lines import Line
from shared.parsing.modal_measures import settled_apart

# A line at least this much (in em) shorter than the column is short: a paragraph's last
# line, or its first line indented by two characters.  Punctuation compression makes full
# lines vary by about one em, so the margin sits between one and two.
SHORT_MARGIN = 1.5


def column_width(lines: Sequence[Line]) -> float:
    """The column width (em) a run of body lines was set in: its upper-quartile line width."""
    widths: list[float] = sorted(map(_WIDTH, lines))
    # the widths above 0 (a blank line has none), counted past the zeros sorted first
    start = _bisect_right(widths, 0.0)
    count = len(widths) - start
    if not count:
        return 0.0
    return widths[start + (count * 3) // 4]  # ((count * 3) // 4 <= count - 1 for count >= 1)


_bisect_right = bisect.bisect_right


_WIDTH = operator.attrgetter("width")


# Two pieces of body set in columns this far apart (em) are not one text.
COLUMN_TOLERANCE = 1.5
# A line this close (em) to a column's width fills it.
SAME_WIDTH = 0.5
# Fewer full lines than this say too little about a piece's column.
MIN_FULL_LINES = 2
# Fewer measuring lines than this say too little about a piece's column.
MIN_MEASURED_LINES = 3


def piece_column(lines: Sequence[Line]) -> float:
    """The column width of a piece of body, or 0 when too few lines measure it."""
    measuring = [line for line in lines if line.measures_column]
    return column_width(measuring) if len(measuring) >= MIN_MEASURED_LINES else 0.0


def _full_lines(lines: Sequence[Line]) -> list[float]:
    """Widths of the lines that run on from the line above and on to the line under
    (inside a paragraph) and end in a character: set to the full measure, they fill the
    column, and none is wider (only a closing mark squeezed onto a line sticks out)."""
    return [
        line.width
        for above, line in itertools.pairwise(lines)
        if not above.ends_sentence
        and line.text[-1:] not in SQUEEZED_AT_LINE_END
        and line.measures_column
    ]


def full_lines_apart(first: Sequence[Line], second: Sequence[Line]) -> bool:
    """The two pieces' full lines (:func:`_full_lines`) tell two measures to the em
    (:func:`.modal_measures.settled_apart`)."""
    return settled_apart(_full_lines(first), _full_lines(second))


def full_measure(lines: Sequence[Line]) -> float:
    """The widest of a piece's full lines (:func:`_full_lines`), or 0 when fewer than
    ``MIN_FULL_LINES`` tell it: the column, measured only on lines that must fill it."""
    full = _full_lines(lines)
    return max(full) if len(full) >= MIN_FULL_LINES else 0.0


def lines_share_column(first: Sequence[Line], second: Sequence[Line]) -> bool:
    """Whether two pieces of body were set in one column width (an article keeps its
    column); true when either is too short to tell.

    The column estimate (an upper quartile, :func:`piece_column`) is off for short pieces:
    it falls below the column for a piece made of short paragraphs, mostly first lines
    (indented, or two em short with the indent lost) and last lines, and above it for a
    few lines that squeeze closing marks past the edge.  So the narrower piece must have
    full lines (:func:`_full_lines`) that all stop short of the wider piece's column, and
    the wider piece's own full lines, if any, must bear its column out."""
    a, b = piece_column(first), piece_column(second)
    if a == 0 or b == 0 or abs(a - b) <= COLUMN_TOLERANCE:
        return True
    narrower, wider = (first, second) if a < b else (second, first)
    full = _full_lines(narrower)
    if len(full) < MIN_FULL_LINES or max(full) >= max(a, b) - SAME_WIDTH:
        return True
    wider_full = _full_lines(wider)
    return bool(wider_full) and max(wider_full) - max(full) <= COLUMN_TOLERANCE


def lines_share_measure(first: Sequence[Line], second: Sequence[Line]) -> bool:
    """The two pieces share a column (:func:`lines_share_column`) and their full lines do
    not tell two measures to the em (:func:`full_lines_apart`)."""
    return lines_share_column(first, second) and not full_lines_apart(first, second)


COLUMN_WINDOW = 12


def local_column_widths(lines: Sequence[Line]) -> dict[int, float]:
    """Line number → the column width around that line (``COLUMN_WINDOW`` lines each side),
    so that one misjudged article spanning two column widths is still read line by line.

    The width is the upper quartile of the measuring lines in the window, or of those among
    them that end in a character when that is narrower: the line-start rule squeezes a
    closing mark onto a full line (or hangs it past the edge), so a full line ending with
    one comes out an em or two wider than the column, and where many lines do, their
    upper quartile overstates the column by an em (a full line then looks indented).

    Nor is the column narrower than the upper quartile of the running lines (those under a
    line that does not end a sentence, so no paragraph's first line; one ending in a mark
    counts an em narrower, the squeezed mark), when at least ``MIN_RUNNING_LINES`` are in
    the window: in a body of short paragraphs the indented first lines and the short last
    lines may outnumber the full lines, and the upper quartile of all then falls on a first
    line, two em short of the column.

    A line after a sentence end that is short of the window's column by the indent or more
    may be a paragraph's indented first line, and those seldom end in a mark: in a body of
    short paragraphs whose full lines mostly end in one, they would outnumber the full lines
    ending in a character and set the column two em short (every first line then looks
    full), so they do not count among the lines ending in a character."""
    # each line's width where it measures the column, whether the line above it ends a
    # sentence or runs on into it (neither, over the first line), whether it ends in a mark
    widths = [line.width if line.width > 0 and line.measures_column else None for line in lines]
    ends_above = [False, *map(_ENDS_SENTENCE, lines)][: len(lines)]
    runs_on_above = [False, *map(operator.not_, map(_ENDS_SENTENCE, lines))][: len(lines)]
    squeezed = [line.text[-1:] in SQUEEZED_AT_LINE_END for line in lines]
    overall = _sliding_upper_quartiles(widths)
    running = _sliding_upper_quartiles(
        [
            width - closing if width is not None and runs_on else None
            for width, runs_on, closing in zip(widths, runs_on_above, squeezed, strict=True)
        ],
        MIN_RUNNING_LINES,
    )
    unsqueezed = _sliding_upper_quartiles(
        [
            width
            if width is not None
            and not closing
            and not (above_ends and width <= all_lines - INDENT)
            else None
            for width, above_ends, closing, all_lines in zip(
                widths, ends_above, squeezed, overall, strict=True
            )
        ],
        MIN_UNSQUEEZED_LINES,
    )
    return {
        line.number: (plain if plain < wider else wider) if plain else wider
        for line, plain, wider in zip(
            lines, unsqueezed, map(max, overall, running), strict=True
        )
    }


_ENDS_SENTENCE = operator.attrgetter("ends_sentence")


def whole_em_columns(lines: Sequence[Line], columns: Mapping[int, float]) -> dict[int, float]:
    """``columns`` (line number → column width), with the measure of whole-em lines for the
    lines that hold only whole-em characters (:func:`holds_whole_ems`), where it is narrower.

    A width counts a digit or a Latin letter as half an em, yet each prints at its own width
    (a digit a little narrower, a capital wider), and a middle dot (``·``) prints full or
    narrow as its font has it; only a line of whole-em characters (Chinese characters and
    full-width marks) counts exactly what it prints.  Where the running lines holding
    half-width characters come out wider than they print (``区两级公共图书馆23个，街镇图书馆``
    counts 16 em, prints 15.9), their upper quartile sets the column up to an em wider than
    the measure, and a whole-em running line that fills the measure (``有关统计显示，上海
    现已建成市、`` at 15 em) looks an em short: an indented first line.  The upper quartile
    of the whole-em running lines around a line (those under a line that ends no sentence,
    themselves ending in a character; at least ``MIN_UNSQUEEZED_LINES`` within
    ``COLUMN_WINDOW`` lines) is the measure a whole-em line fills; it replaces the column
    for such a line when it is narrower by up to ``WHOLE_EM_SLACK``.  It does for a line
    holding half-width characters too when that line counts at least the measure
    (``截至2023年底全市各区共建成图书`` at 15 em under ``…创建工作。`` at 15 em): a line that
    reaches the measure full lines of Chinese characters fill is a full line, whatever its
    digits print, not one an em short of the wider column (an indented first line), and
    the full sentence end above it runs on into it.  A line with half-width characters
    counting less than the measure keeps the column: its print width is not known to the
    em, and it may be an indented first line."""
    whole = [holds_whole_ems(line) for line in lines]
    if not any(whole):
        return dict(columns)
    runs_on_above = [False, *map(operator.not_, map(_ENDS_SENTENCE, lines))][: len(lines)]
    measured = [
        line.width
        if runs_on
        and is_whole
        and line.measures_column
        and line.text[-1:] not in SQUEEZED_AT_LINE_END
        else None
        for line, runs_on, is_whole in zip(lines, runs_on_above, whole, strict=True)
    ]
    measures = _sliding_upper_quartiles(measured, MIN_UNSQUEEZED_LINES)
    out = dict(columns)
    for line, is_whole, measure in zip(lines, whole, measures, strict=True):
        column = columns.get(line.number, 0.0)
        if (
            (is_whole or line.width >= measure)
            and measure
            and column - WHOLE_EM_SLACK <= measure < column
        ):
            out[line.number] = measure
    return out


# The whole-em measure stands for the column only within this much (em) of it: half-width
# characters miscount a line by less than an em.
WHOLE_EM_SLACK = 1.0
# A middle dot (of a transliterated name) prints full width or narrow as its font has it.
_UNSURE_WIDTH = "·"


def holds_whole_ems(line: Line) -> bool:
    """Whether every character of ``line`` counts one em (no digit, Latin letter or other
    half-width character) and prints it (no middle dot)."""
    text = line.text
    characters = len(text) - text.count(" ") - text.count("\u3000")
    return characters > 0 and line.width == characters and _UNSURE_WIDTH not in text


# Marks that may end a line past the column edge: the line-start rule squeezes (or hangs) a
# closing mark onto the line before rather than open a line with it.
SQUEEZED_AT_LINE_END = frozenset("，。、；：？！”’）》」』…,.;:?!%")
# Fewer running lines than this (a short body, a page's first lines) say too little.
MIN_RUNNING_LINES = 8
# Fewer lines ending in a character than this (a subhead, a short body) say too little.
MIN_UNSQUEEZED_LINES = 4


def _sliding_upper_quartiles(measured: Sequence[float | None], at_least: int = 1) -> list[float]:
    """The upper quartile of the widths within ``COLUMN_WINDOW`` places of each place (0.0
    where fewer than ``at_least`` are measured), as column_width() computes it, over a
    sorted sliding window."""
    count = len(measured)
    window = sorted(width for width in measured[:COLUMN_WINDOW] if width is not None)
    # Place i takes in measured[i + COLUMN_WINDOW] and lets go of measured[i - COLUMN_WINDOW
    # - 1]: both as sequences aligned with the places, padded with None where there is none.
    entering = [*measured[COLUMN_WINDOW:], *[None] * COLUMN_WINDOW][:count]
    leaving = [*[None] * (COLUMN_WINDOW + 1), *measured[: max(0, count - COLUMN_WINDOW - 1)]][
        :count
    ]
    insort, bisect_left = bisect.insort, bisect.bisect_left
    quartiles: list[float] = []
    append = quartiles.append
    for width_in, width_out in zip(entering, leaving, strict=True):
        if width_in is not None:
            insort(window, width_in)
        if width_out is not None:
            del window[bisect_left(window, width_out)]
        size = len(window)
        # (size * 3) // 4 <= size - 1 for every size >= 1
        append(window[(size * 3) // 4] if size and size >= at_least else 0.0)
    return quartiles


def measures_column(line: Line) -> bool:
    """Whether a line's width tells the column width: not letter-spaced, not opening with a
    dateline (its spaces take room) and not carrying a continuation marker (decided once,
    when the line is made: the stages ask about each body line several times)."""
    return line.measures_column


def is_short(line: Line, column: float) -> bool:
    """Stops short of the column.  A spaced-out (letter-spaced) line is full by definition."""
    return not line.spaced_out and line.width <= column - SHORT_MARGIN


INDENT = 2.0
# After a full line that ends a sentence, the next line is an indented first line when it
# falls at least this short of the column (an indented line squeezing in one more
# punctuation mark comes out one em short).
INDENT_MARGIN = 1.0


def at_body_measure(line: Line, column: float) -> bool:
    """As wide as the column or as its indented first line (within an em)."""
    return abs(line.width - column) <= INDENT_MARGIN or short_by_indent(line, column)


def short_by_indent(line: Line, column: float) -> bool:
    """The line is as wide as a paragraph's first line in the column: short of it by the
    indent (``INDENT``, within ``INDENT_MARGIN``)."""
    return abs(line.width - (column - INDENT)) <= INDENT_MARGIN
