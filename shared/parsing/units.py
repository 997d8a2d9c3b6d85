"""Article units and title groups: the items a page's labelled blocks are grouped into.

An article *unit* is an optional byline followed by body blocks; a dateline, a byline, a
photo caption, a ``上接`` marker or a title starts a new unit.  A *title group* is a run of
adjacent title blocks.  The articles stage (:mod:`shared.parsing.articles`) then folds,
moves and titles them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from shared.parsing.block import Block
from shared.parsing.continuation_markers import (
    Continuation,
)
from shared.parsing.lines import Line
from shared.parsing.titles import BlockRole
from shared.parsing.topic import lines_share_topic, tells_topic


@dataclass
class Unit:
    kind: Literal["article", "photo"] = "article"
    bylines: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    markers: list[Continuation] = field(default_factory=list)
    intertitles: set[int] = field(default_factory=set)  # first lines of subhead blocks
    # opens another article's text though no byline or dateline tells it (a change of
    # topic at a column break: :mod:`shared.parsing.topic_breaks`)
    opens_text: bool = False

    @property
    def anchored(self) -> bool:
        """Opens with something that starts an article: a byline, dateline or 上接 marker,
        or a change of topic (:attr:`opens_text`; a 下转 marker closes a unit and says
        nothing about how it opens)."""
        return (
            bool(self.bylines)
            or self.opens_text
            or any(not m.forward for m in self.markers)
            or (
                bool(self.body)
                and (self.body[0].opens_with_dateline or self.body[0].opens_continued_part)
            )
        )

    @property
    def wants_title(self) -> bool:
        return self.kind == "article" and not any(not m.forward for m in self.markers)

    @property
    def takes_title(self) -> bool:
        """Photos never take a title; nor does a byline with no body under it."""
        return self.kind == "article" and bool(self.body or self.markers)


@dataclass
class TitleGroup:
    blocks: list[Block] = field(default_factory=list)


Item = Unit | TitleGroup


def build_items(blocks: Sequence[Block], roles: Sequence[BlockRole]) -> list[Item]:
    """Blocks (furniture dropped) → units and title groups in page order.

    Titles the extractor read between a sentence cut by a column break and the text that
    goes on with it (:attr:`.titles.BlockRole.interrupts`) stand after that text, which
    joins the unit whose sentence it finishes (up to the next article's opening)."""
    items: list[Item] = []
    # titles set between a cut sentence and the text that goes on with it: held back
    # until that text has joined the unit above them
    held: TitleGroup | None = None
    for block, role in zip(blocks, roles, strict=True):
        if role.role == "furniture":
            continue
        if held is not None and not _goes_on_past_titles(items, block, role):
            items.append(held)
            held = None
        current = items[-1] if items else None
        if role.interrupts and isinstance(current, Unit) and current.kind == "article":
            if held is None:
                held = TitleGroup(blocks=[block])
            else:
                held.blocks.append(block)
            continue
        if role.role == "title":
            if isinstance(current, TitleGroup):
                current.blocks.append(block)
            else:
                items.append(TitleGroup(blocks=[block]))
        elif role.role == "byline":
            if isinstance(current, Unit) and current.kind == "article" and not current.body:
                current.bylines.append(block)
            else:
                items.append(Unit(bylines=[block]))
        elif role.role == "caption":
            items.append(Unit(kind="photo", body=[block]))
        elif role.role == "continuation":
            marker = block.first.continuations[0]
            attaches = isinstance(current, Unit) and (marker.forward or not current.body)
            if attaches and isinstance(current, Unit):
                current.markers.append(marker)
            else:
                items.append(Unit(markers=[marker]))
        else:
            starts_new = block.opens_with_dateline or block.opens_continued_part
            if (
                isinstance(current, Unit)
                and current.kind == "article"
                and (not current.body or not starts_new)
                and not any(m.forward for m in current.markers)
            ):
                current.body.append(block)
            else:
                current = Unit(body=[block])
                items.append(current)
            current.markers.extend(_inline_markers(block))
    if held is not None:
        items.append(held)
    return items


def _goes_on_past_titles(items: Sequence[Item], block: Block, role: BlockRole) -> bool:
    """The block goes on with the held titles (another of them), or with the body cut
    above them: body text that opens no article of its own."""
    if role.interrupts:
        return True
    return (
        role.role == "body"
        and not block.opens_with_dateline
        and not block.opens_continued_part
        and bool(items)
        and isinstance(items[-1], Unit)
        and not any(m.forward for m in items[-1].markers)
    )


def _inline_markers(block: Block) -> list[Continuation]:
    """上接 markers opening the block and 下转 markers closing it."""
    first, last = block.first, block.last
    found = [c for c in first.continuations if not c.forward and not first.text[: c.start].strip()]
    found += [c for c in last.continuations if c.forward and not last.text[c.end :].strip()]
    return found


def speak_apart(first: Unit, second: Unit) -> bool:
    """Both units' bodies are long enough to tell their topic, and they speak of different
    things: two articles, not two parts of one article (a second dateline paragraph
    ``本报北京1月17日电…`` under the same title shares the article's names and terms)."""
    a, b = body_lines(first), body_lines(second)
    return tells_topic(a) and tells_topic(b) and not lines_share_topic(a, b)


def body_lines(unit: Unit) -> list[Line]:
    return [line for block in unit.body for line in block.lines]


def unit_at(items: list[Item], index: int) -> Unit:
    item = items[index]
    assert isinstance(item, Unit)
    return item


def past_photos(items: Sequence[Item], index: int) -> int:
    """The first item from ``index`` on that is not a photo: a title reaches the body it
    stands over past the photos set between them (a module opens with its photo under the
    title, and the extractor reads the caption there)."""
    while index < len(items) and is_photo(items[index]):
        index += 1
    return index


def is_photo(item: Item) -> bool:
    return isinstance(item, Unit) and item.kind == "photo"


def lone_byline(item: Item) -> bool:
    """An article unit holding byline lines and nothing else (no body, no marker)."""
    return (
        isinstance(item, Unit)
        and item.kind == "article"
        and bool(item.bylines)
        and not item.body
        and not item.markers
    )


def index_over(items: Sequence[Item], index: int) -> int:
    """The index of the item standing over the one at ``index``, past the photos set
    between (-1 when none does)."""
    before = index - 1
    while before >= 0 and is_photo(items[before]):
        before -= 1
    return before


def untitled(items: Sequence[Item], index: int) -> bool:
    """The unit at ``index`` opens like an article and no title stands over it (past the
    photos set between)."""
    unit = items[index]
    if not isinstance(unit, Unit) or not unit.anchored:
        return False
    before = index_over(items, index)
    return before < 0 or not isinstance(items[before], TitleGroup)


def body_blocks(items: Sequence[Item]) -> list[Block]:
    """The blocks of every unit's body, in page order."""
    return [block for item in items if isinstance(item, Unit) for block in item.body]
