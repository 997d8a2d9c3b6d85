"""Typed records passed between the PDF stages: chars → lines → regions → blocks.

Coordinates are PDF points with the origin at the page's top left (``top`` grows downwards),
so that sorting by ``top`` is reading order within a column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Char:
    """One glyph of the text layer: its text, box and type size."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


@dataclass(frozen=True)
class Box:
    """A picture on the page (a photo or a drawing): text never flows through it."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class PageChars:
    """The glyphs and pictures of one page (1-based ``number``) and the page's size."""

    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    pictures: tuple[Box, ...] = ()
    unmapped: int = 0  # glyphs whose font gives no Unicode text (pdfminer's "(cid:N)")


@dataclass(frozen=True)
class TextLine:
    """A run of glyphs on one baseline, in one type size, with no gutter inside."""

    text: str  # as printed, with a space wherever the glyphs leave a visible gap
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    page: int
    # Wide gaps inside the line (a headline's one-em space, or the gutter between two
    # headlines side by side): (left edge, right edge, index of the space in ``text``).
    breaks: tuple[tuple[float, float, int], ...] = ()

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Region:
    """A leaf of the page's XY-cut: lines that read top to bottom, and the cell they own.

    ``cell_x0``/``cell_x1`` extend the lines' box sideways to the middle of the gutters that
    cut the region off, so a title owns the full width of the columns below it.
    """

    lines: tuple[TextLine, ...]
    cell_x0: float
    cell_x1: float
    order: int  # position in the page's reading order

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2


BlockRole = Literal["title", "body", "caption", "furniture"]


@dataclass
class Block:
    """One or more regions with one role (a title stack is one block)."""

    role: BlockRole
    regions: list[Region] = field(default_factory=list)
    rule: str = ""

    @property
    def lines(self) -> list[TextLine]:
        return [line for region in self.regions for line in region.lines]

    @property
    def order(self) -> int:
        return min(region.order for region in self.regions)

    @property
    def top(self) -> float:
        return min(region.top for region in self.regions)

    @property
    def bottom(self) -> float:
        return max(region.bottom for region in self.regions)

    @property
    def cell_x0(self) -> float:
        return min(region.cell_x0 for region in self.regions)

    @property
    def cell_x1(self) -> float:
        return max(region.cell_x1 for region in self.regions)
