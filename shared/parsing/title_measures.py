"""A headline glued over its body, told by its measure against the body's column.

A title set in larger type over a body of narrow columns wraps at its own measure, which
may happen to reach the body's column or pass it.  Running text does neither in two ways:

* no body line is wider than its column by more than the marks the typesetter squeezes
  (half an em for each mark inside the line, the whole of the closing marks hung on its
  end); a line wider than that is not set in the column (``保障供应，大型商超拿起数字化工具``,
  16 em over a 14-em column);
* a line filling the column in mid-sentence runs on into a full line, never into a
  paragraph's indented first line: an unfinished full line over an unfinished first line
  ends a paragraph that never closed, a title (``给黑土地做体检，施肥更精细（经济聚焦·…）``, as
  wide as the 27-em column, over ``午后，齐北松和李克东行走在…田间，``).

Not a photo's caption (its credit closes it within a few lines).  Either way the line
under it must open a paragraph (as wide as the indented first line,
and short of the line under it by the indent, or closing a sentence itself).  The caller
still asks that the text under the line speak of something other than the text above.
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.bylines import is_byline_line
from shared.parsing.columns import (
    INDENT,
    INDENT_MARGIN,
    MIN_MEASURED_LINES,
    SAME_WIDTH,
    SQUEEZED_AT_LINE_END,
    column_width,
    short_by_indent,
)
from shared.parsing.lines import Line, joined_text
from shared.parsing.paragraphs import explains_short_line
from shared.parsing.photo_credits import match_photo_credit
from shared.parsing.text_ends import FULL_STOPS, SQUEEZABLE

# A photo's caption (closed by its credit within this many lines) opens at its own measure.
_CAPTION_LINES = 6


def squeeze_allowance(line: Line) -> float:
    """How much wider than its column (em) a body line can come out: half an em for each
    mark inside it, an em for each closing mark hung on its end, and ``SAME_WIDTH``."""
    text = line.text.rstrip()
    trailing = len(text) - len(text.rstrip("".join(SQUEEZED_AT_LINE_END)))
    inner = sum(1 for char in text[: len(text) - trailing] if char in SQUEEZABLE)
    return SAME_WIDTH + 0.5 * inner + trailing


def measure_title_line(lines: Sequence[Line]) -> int:
    """1 when the first of ``lines`` is a title line by its measure (see the module), else 0.

    The column is measured on the lines under the first (at least ``MIN_MEASURED_LINES``)."""
    if len(lines) < 1 + MIN_MEASURED_LINES:
        return 0
    measured = [line for line in lines[1:] if line.measures_column]
    if len(measured) < MIN_MEASURED_LINES:
        return 0
    column = column_width(measured)
    first, under, after = lines[0], lines[1], lines[2]
    # (the shapes first: most blocks are decided by them, before their text is searched)
    if (
        column <= 0
        or first.ends_sentence
        or first.spaced_out
        or not first.measures_column
        or first.continuations
        or under.spaced_out
        or not short_by_indent(under, column)
        or not FULL_STOPS.isdisjoint(first.text)
        or is_byline_line(first.text)
        or match_photo_credit(joined_text(lines[:_CAPTION_LINES])) is not None
    ):
        return 0
    if first.width > column + squeeze_allowance(first):
        # past the column: the line under it opens a paragraph
        opens = under.ends_sentence or after.width >= under.width + INDENT - INDENT_MARGIN
        return int(opens)
    # a full line in mid-sentence over an unfinished line squarely at the first-line width
    # (running text never stops that short in mid-sentence and goes on), unless what opens
    # the next line explains the short one (a character taken down with the closing marks
    # after it: ``化需求，也带动群众消`` over ``费。”作为…``)
    full = abs(first.width - column) <= SAME_WIDTH
    first_line = abs(under.width - (column - INDENT)) <= SAME_WIDTH
    return int(
        full
        and first_line
        and not under.ends_sentence
        and not explains_short_line(under, after, column)
    )
