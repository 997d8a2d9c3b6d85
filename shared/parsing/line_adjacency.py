"""Which text lines of a page the extractor put right after each other, with no blank line
(and no other line) between them.

pdftotext runs a title into the text set right under it (a headline over its dateline or
byline) and parts it from another module's text with a blank line, so two lines that
follow each other so belong together.  Line numbers cannot tell it: a page whose extractor
wrote its line spacing out as blank lines (:mod:`.line_spacing`) has a blank line between
any two of them, gone once the spacing is closed.  So the page's blocks, in order, with the
blank lines each kept before it, are the page's lines as the parse reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.block import Block
from shared.parsing.lines import Line


def sets_nothing_apart(blocks: Sequence[Block]) -> bool:
    """No blank line stands between any two of the page's lines: its extractor leaves none
    (PyMuPDF's ``get_text()``), so blank lines tell nothing about what belongs together, only
    the order of the lines does."""
    lines = [line for block in blocks for line in (*block.blanks_before, *block.lines)]
    return bool(lines) and all(line.text.strip() for line in lines)


class LineOrder:
    """The lines of a page's blocks in reading order (blank lines kept between blocks
    included); lines it does not hold are taken as numbered, one a line."""

    def __init__(self, blocks: Sequence[Block] = ()) -> None:
        self._position: dict[int, int] = {}
        self._lines: list[Line] = []
        for block in blocks:
            for line in (*block.blanks_before, *block.lines):
                self._position[id(line)] = len(self._lines)
                self._lines.append(line)
        # (:func:`sets_nothing_apart`, asked once a titled article)
        self.sets_nothing_apart = sets_nothing_apart(blocks)

    @property
    def lines(self) -> list[Line]:
        """The lines held, in reading order, blank lines included."""
        return self._lines

    def index_of(self, line: Line) -> int:
        """Where ``line`` stands in :attr:`lines`, or -1 when it is not held."""
        return self._position.get(id(line), -1)

    def runs_into(self, upper: Line, lower: Line) -> bool:
        """``lower`` comes right after ``upper`` on the same page: nothing between them."""
        if upper.page != lower.page:
            return False
        first, second = self._position.get(id(upper)), self._position.get(id(lower))
        if first is None or second is None:
            return lower.number == upper.number + 1
        return second == first + 1

    def set_apart_above(self, line: Line) -> bool:
        """A blank line stands right over ``line`` (or nothing of its page does).  A line
        it does not hold is taken as set apart only where it opens its page."""
        position = self._position.get(id(line))
        if position is None:
            return line.number == 1
        if position == 0:
            return True
        above = self._lines[position - 1]
        return above.page != line.page or not above.text.strip()

    def set_apart_below(self, line: Line) -> bool:
        """A blank line stands right under ``line`` (or nothing of its page does).  A line
        it does not hold is taken as set apart from nothing."""
        position = self._position.get(id(line))
        if position is None:
            return False
        if position + 1 == len(self._lines):
            return True
        below = self._lines[position + 1]
        return below.page != line.page or not below.text.strip()
