"""A short unpunctuated block that is a paragraph's first lines, not a title.

A paragraph opens on a line set in from the column by the indent and runs on into full
lines.  Where the extractor parted such an opening from the lines under it (no blank line
between them), the opening looks like a title, short and free of sentence marks
(``瑶海区委组织部副部`` over ``长袁乃玉介绍，以各级党``).  A reader tells it by the measure: it
stops short of the line under it by the indent alone, and the line under it runs full, as
the line under a title never does (a body under its title opens on its own indented first
line, or on a dateline)."""

from __future__ import annotations

from shared.parsing.block import Block
from shared.parsing.columns import short_by_indent

# A line this close (em) to the full line under it runs at the same measure.
_SAME_MEASURE = 1.0


def opens_paragraph_over(block: Block, next_block: Block | None) -> bool:
    """``block`` is the first lines of the paragraph going on in ``next_block``: nothing
    parts them (no blank line), the block's first line stops short of the full line under
    the block by the indent, its other lines fill that measure, and the block under it
    opens on that full line (its first two lines at one measure: no indented first line
    over a full one)."""
    if next_block is None or next_block.blanks_before or block.ends_sentence:
        return False
    under = next_block.lines
    if len(under) < 2:
        return False  # one line under the block tells no measure
    full = under[0].width
    if abs(under[1].width - full) > _SAME_MEASURE:
        return False  # the line under the block is no full line (an indented first line)
    if not short_by_indent(block.lines[0], full):
        return False
    return all(abs(line.width - full) <= _SAME_MEASURE for line in block.lines[1:])
