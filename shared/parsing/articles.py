"""Assign labelled blocks to articles.

An article *unit* is an optional byline followed by body blocks; a dateline, a byline, a
photo caption, a ``上接`` marker or a title starts a new unit.  Title groups (adjacent title
blocks) then go to a neighbouring unit.  Titles stand after their body on some pages (as on
the reference page) and before it on others, so both directions are tried and the one that
leaves fewer articles without a title and fewer titles without an article wins; on a tie
the page's first item decides (a page that opens with a title puts titles first).
Photo units (a caption with a credit) never take a title.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from shared.parsing.block import Block
from shared.parsing.blocks import page_lines
from shared.parsing.bylines import match_closing_byline
from shared.parsing.columns import (
    SHORT_MARGIN,
    column_width,
    lines_share_column,
    measures_column,
    piece_column,
)
from shared.parsing.continuation_markers import (
    Continuation,
    find_continuations,
    opens_continued_part,
    strip_continuations,
)
from shared.parsing.credits import Credits, parse_credits
from shared.parsing.datelines import match_dateline
from shared.parsing.fields import apply_body_fields, opens_editors_note
from shared.parsing.glued_titles import CONTEXT_LINES, TITLE_SPLIT_RULE, trailing_question_title
from shared.parsing.indentation import leading_space, paragraph_indent
from shared.parsing.lines import Line, display_width
from shared.parsing.normalise import join_wrapped, remove_layout_spaces
from shared.parsing.photo_credits import match_photo_credit
from shared.parsing.stray_pieces import (
    block_column,
    can_be_stray,
    hangs,
    leads_into,
    page_indents,
    shared_column,
    takes,
)
from shared.parsing.title_roles import (
    assign_title_roles,
    ends_with_column_tag,
    is_kicker_shaped,
    is_subtitle,
    unwrapped_title_roles,
)
from shared.parsing.titles import BlockRole
from shared.parsing.topic import lines_share_topic, tells_topic
from shared.parsing.types import ParsedArticle
from shared.parsing.wrapping import HARD_WRAPPED, Layout

Trace = dict[int, tuple[str, str]]
Direction = Literal["after", "before"]


@dataclass
class Unit:
    kind: Literal["article", "photo"] = "article"
    bylines: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    markers: list[Continuation] = field(default_factory=list)
    intertitles: set[int] = field(default_factory=set)  # first lines of subhead blocks

    @property
    def anchored(self) -> bool:
        """Opens with something that starts an article: a byline, dateline or 上接 marker
        (a 下转 marker closes a unit and says nothing about how it opens)."""
        return (
            bool(self.bylines)
            or any(not m.forward for m in self.markers)
            or (
                bool(self.body)
                and (self.body[0].opens_with_dateline or _opens_backward(self.body[0]))
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


def _opens_backward(block: Block) -> bool:
    """The block opens with ``（上接第N版）``."""
    return opens_continued_part(block.first.text)


def build_items(blocks: Sequence[Block], roles: Sequence[BlockRole]) -> list[Item]:
    """Blocks (furniture dropped) → units and title groups in page order."""
    items: list[Item] = []
    for block, role in zip(blocks, roles, strict=True):
        current = items[-1] if items else None
        if role.role == "furniture":
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
            marker = find_continuations(block.first.text)[0]
            attaches = isinstance(current, Unit) and (marker.forward or not current.body)
            if attaches and isinstance(current, Unit):
                current.markers.append(marker)
            else:
                items.append(Unit(markers=[marker]))
        else:
            starts_new = block.opens_with_dateline or _opens_backward(block)
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
    return items


def _inline_markers(block: Block) -> list[Continuation]:
    """上接 markers opening the block and 下转 markers closing it."""
    first, last = block.first.text, block.last.text
    found = [c for c in find_continuations(first) if not c.forward and not first[: c.start].strip()]
    found += [c for c in find_continuations(last) if c.forward and not last[c.end :].strip()]
    return found


def is_subhead_text(texts: Sequence[str]) -> bool:
    """No title-stack shape among the units: no subtitle (``——…``), no column tag closing a
    headline (``…（经济聚焦·农田里的新鲜事）``), and no kicker
    (``…——``/``…：``) next to a plain title it would introduce.  A group made only of lead-in
    lines introduces no headline, so it is a run-in subhead leading into the next paragraph
    (``政策赋能，解开束缚——``), not an article's kicker."""
    if any(is_subtitle(t) or ends_with_column_tag(t) for t in texts):
        return False
    lead_ins = [is_kicker_shaped(t) for t in texts]
    return all(lead_ins) or not any(lead_ins)


def is_intertitle_shaped(group: TitleGroup, host: Unit, layout: Layout) -> bool:
    """Plain lines set inside the host's column: no kicker (``…——``/``…：``) or subtitle
    (``——…``) shape (the group's lines joined as on a hard-wrapped page, whatever
    ``layout`` says), and no line wider than the column (a headline may span columns).

    Where the page's indent tells subheads (:attr:`Layout.subhead_indent`) a subhead, set
    as a paragraph of the body, carries the indent and a title, set in a box of its own,
    does not: there the indent decides, provided the host's own paragraphs show it (a page
    may carry an indented part of an article continued from a page that kept indents).  On
    a page that is not hard-wrapped there is no column to measure."""
    texts, _ = title_units(group, HARD_WRAPPED)
    if len(group.blocks) > 2 or not is_subhead_text(texts):
        return False
    indent = layout.subhead_indent
    if (
        indent is not None
        and leading_space(group.blocks[0].first) != indent
        and any(leading_space(line) == indent for block in host.body for line in block.lines)
    ):
        return False
    if layout.unwrapped:
        return True  # no measure to compare with: each line is as wide as its text
    column = column_width([line for block in host.body for line in block.lines])
    for block in group.blocks:
        if any(line.width > column + 1.0 for line in block.lines):
            return False
        # a subhead wraps at the column; a headline wraps at its own, narrower measure (and a
        # wrapped line is the wider: a line shorter than the one under it did not wrap, it
        # is a line of its own, as a subhead's label over the subhead: 总指挥讲述 / 困难…)
        if any(
            line.width < column - 3.0 and line.width >= under.width
            for line, under in itertools.pairwise(block.lines)
        ):
            return False
    return True


def unit_column(unit: Unit) -> float:
    """The column width of a unit's body, or 0 when too few lines measure it."""
    return piece_column([line for block in unit.body for line in block.lines])


def same_column(first: Unit, second: Unit) -> bool:
    """Both pieces of body were set in the same column width (an article keeps its column);
    true when either is too short to tell (:func:`lines_share_column`)."""
    return lines_share_column(
        [line for block in first.body for line in block.lines],
        [line for block in second.body for line in block.lines],
    )


def shares_topic(first: Unit, second: Unit) -> bool:
    """The two pieces of body read as one text (:func:`lines_share_topic`), judged on the
    text next to where they meet (``CONTEXT_LINES`` each side)."""
    return lines_share_topic(
        [line for block in first.body for line in block.lines][-CONTEXT_LINES:],
        [line for block in second.body for line in block.lines][:CONTEXT_LINES],
    )


def credited_apart(host: Unit, follower: Unit) -> bool:
    """The follower closes with a credit of its own (``（据新华社北京7月11日电 记者 王悦阳）``)
    naming none of the reporters the host opens with (in its dateline or byline): two
    reports, each credited, not one article and a section of it.  (A credit closing a long
    article with sections names the article's reporters; a host opening with none says
    nothing.)"""
    if not follower.body:
        return False
    closing = match_closing_byline(_block_text(follower.body[-1]))
    return closing is not None and _credits_others(host, closing.credits)


def _block_text(block: Block) -> str:
    return join_wrapped([remove_layout_spaces(line.text, line.spaced_out) for line in block.lines])


def fold_intertitles(items: list[Item], layout: Layout) -> list[Item]:
    """Keep subheads (小标题) inside their article.

    A title group standing between two pieces of body where the second piece does not open
    like an article (no dateline, byline or 上接 marker) is taken for a subhead: the two
    pieces are one article and the subhead's lines become paragraphs of it.  Papers open
    nearly every article with a dateline or a byline, while long features carry several
    subheads, so this is the likelier reading, unless the two pieces plainly speak of
    different things (:func:`shares_topic`) or are credited apart
    (:func:`credited_apart`): then the title opens an article that has neither dateline
    nor byline.  In text that is not hard-wrapped blank lines tell it too
    (:meth:`Layout.sets_apart`), and the indent does not (:attr:`Layout.subhead_indent`).
    """
    out: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        host = out[-1] if out else None
        follower = items[index + 1] if index + 1 < len(items) else None
        if (
            isinstance(item, TitleGroup)
            and isinstance(host, Unit)
            and host.kind == "article"
            and host.body
            and not any(m.forward for m in host.markers)
            and isinstance(follower, Unit)
            and follower.kind == "article"
            and not follower.anchored
            and same_column(host, follower)
            and is_intertitle_shaped(item, host, layout)
            and shares_topic(host, follower)
            and not layout.sets_apart(item.blocks, host.body, follower.body)
            and not credited_apart(host, follower)
        ):
            for block in item.blocks:
                host.intertitles.add(block.first.number)
            host.body.extend(item.blocks)
            host.body.extend(follower.body)
            host.intertitles.update(follower.intertitles)
            # the follower opens like no article (no 上接 marker) but may close with a 下转
            host.markers.extend(follower.markers)
            index += 2
            continue
        out.append(item)
        index += 1
    return out


def reattach_stray_pieces(items: list[Item]) -> list[Item]:
    """Put each stray piece of body back after the hanging block it continues
    (:mod:`shared.parsing.stray_pieces`); a unit left with nothing is dropped.

    A stray piece goes to the one hanging block before it on the page that it fits (same
    column, same topic, its first line unable to open a paragraph in that column); where
    several fit, nothing tells which, and it stays where it is.  The block that stood
    after the hanging one did not go on with it, so it stands apart from the piece now
    put before it: it may itself be a stray piece, and does not end the piece's hang.

    Then a whole paragraph's worth of another article can stand inside a unit the same
    way, opening after a sentence end: a block set in another column than the text
    around it (:func:`_is_foreign`) goes to the end of the one earlier article that closes
    in its column and shares its vocabulary (the extractor read that module's next column
    after this one's)."""
    blocks = [b for item in items if isinstance(item, Unit) for b in item.body]
    pieces = Pieces(indents=page_indents(blocks))
    for _ in range(len(blocks)):
        move = _stray_move(items, pieces)
        if move is not None:
            _move_block(items, *move, pieces)
            continue
        foreign = _foreign_move(items, pieces)
        if foreign is None:
            break
        source, host = foreign
        _unit(items, host).body.append(_unit(items, source[0]).body.pop(source[1]))
    return [
        item
        for item in items
        if not isinstance(item, Unit) or item.body or item.bylines or item.markers
    ]


Place = tuple[int, int]  # (index of a unit in the items, index of a block in its body)


@dataclass
class Pieces:
    """What re-attaching stray pieces knows of the page: whether it indents first lines,
    and the first lines of blocks known not to go on with the block before them."""

    indents: bool
    apart: set[int] = field(default_factory=set)

    def before(self, unit: Unit, index: int) -> Block | None:
        """The block that the body's block at ``index`` may go on from."""
        block = unit.body[index]
        return None if index == 0 or block.first.number in self.apart else unit.body[index - 1]

    def after(self, unit: Unit, index: int) -> Block | None:
        """The block that may go on with the body's block at ``index``."""
        if index + 1 >= len(unit.body):
            return None
        block = unit.body[index + 1]
        return None if block.first.number in self.apart else block


def _body_places(items: list[Item]) -> list[Place]:
    return [
        (u, k)
        for u, item in enumerate(items)
        if isinstance(item, Unit) and item.kind == "article"
        for k in range(len(item.body))
    ]


def _block_at(items: list[Item], place: Place) -> Block:
    return _unit(items, place[0]).body[place[1]]


def _is_stray(items: list[Item], place: Place, pieces: Pieces) -> bool:
    """A block that opens no article (not the first block of an anchored unit) and that
    the block before it in its unit does not lead into."""
    unit, (_, k) = _unit(items, place[0]), place
    block = unit.body[k]
    if not can_be_stray(block) or (k == 0 and unit.anchored):
        return False
    before = pieces.before(unit, k)
    return before is None or not leads_into(before, block, pieces.indents)


def _text_up_to(items: list[Item], place: Place) -> list[Line]:
    body = _unit(items, place[0]).body[: place[1] + 1]
    return [line for block in body for line in block.lines][-CONTEXT_LINES:]


def _text_from(items: list[Item], place: Place, pieces: Pieces) -> list[Line]:
    """The lines of the block at ``place`` and of the blocks after it in its unit that go
    on with it (a piece of a few lines says little of its topic; the column it opens
    says more)."""
    unit, k = _unit(items, place[0]), place[1]
    lines = list(unit.body[k].lines)
    while k + 1 < len(unit.body) and len(lines) < CONTEXT_LINES:
        following = pieces.after(unit, k)
        if following is None or not leads_into(unit.body[k], following, pieces.indents):
            break
        lines += following.lines
        k += 1
    return lines[:CONTEXT_LINES]


def _hanging_places(items: list[Item], pieces: Pieces) -> list[Place]:
    return [
        p
        for p in _body_places(items)
        if hangs(
            _block_at(items, p),
            pieces.after(_unit(items, p[0]), p[1]),
            pieces.indents,
            piece_column(_text_up_to(items, p)),
        )
    ]


def _stray_move(items: list[Item], pieces: Pieces) -> tuple[Place, Place] | None:
    """The first stray block with exactly one hanging block before it that it continues:
    (where the stray block is, where the hanging block is)."""
    hanging = _hanging_places(items, pieces)
    for place in _body_places(items):
        if not _is_stray(items, place, pieces):
            continue
        stray = _block_at(items, place)
        fits = [
            h
            for h in hanging
            if h < place
            and takes(_block_at(items, h), stray, pieces.indents)
            and lines_share_topic(_text_up_to(items, h), _text_from(items, place, pieces))
        ]
        if len(fits) == 1 and not _rivals(items, fits[0], place, pieces):
            return place, fits[0]
    return None


def _rivals(items: list[Item], target: Place, source: Place, pieces: Pieces) -> bool:
    """Another block of the hanging block's unit, before the stray one, that the stray
    one would continue as well, and whose follower is as stray-shaped and ends a sentence
    as well: the two pieces could go either way round (``宣传`` + ``月”活动…。``, ``挑`` +
    ``战赛”…。``), and nothing but the words tells which.  (A follower that hangs could
    not end where the stray piece ends: the order it stands in is the only one.)"""
    unit, stray = _unit(items, target[0]), _block_at(items, source)
    for k, block in enumerate(unit.body):
        following = pieces.after(unit, k)
        if (
            k != target[1]
            and (target[0], k) < source
            and following is not None
            and following is not stray
            and following.ends_sentence
            and takes(block, following, pieces.indents)
            and takes(block, stray, pieces.indents)
        ):
            return True
    return False


def _measured_apart(first: Block, second: Block) -> bool:
    """Both blocks tell their column, and the columns differ."""
    if block_column(first) <= 0 or block_column(second) <= 0:
        return False
    return shared_column(first, second) is None


def _is_foreign(unit: Unit, index: int) -> bool:
    """The body's block at ``index`` follows a sentence end and is set in another column
    than both the block before it and the unit's opening block: no part of this text."""
    block = unit.body[index]
    return (
        index > 0
        and can_be_stray(block)
        and unit.body[index - 1].ends_sentence
        and _measured_apart(unit.body[0], block)
        and _measured_apart(unit.body[index - 1], block)
    )


def _closes_in_column(items: list[Item], index: int, block: Block, text: list[Line]) -> bool:
    """The article unit at ``index`` ends at a sentence end in ``block``'s column, its
    text speaking of the same thing as ``text`` (the block's and what goes on with it),
    which must be long enough to tell its topic: a block's column alone is too weak a
    reason to move it to another article (half-width digits widen a short block's
    measure)."""
    unit = items[index]
    if not isinstance(unit, Unit) or unit.kind != "article" or not unit.body:
        return False
    last = unit.body[-1]
    return (
        last.ends_sentence
        and block_column(last) > 0
        and shared_column(last, block) is not None
        and tells_topic(text)
        and lines_share_topic(_text_up_to(items, (index, len(unit.body) - 1)), text)
    )


def _foreign_move(items: list[Item], pieces: Pieces) -> tuple[Place, int] | None:
    """The first foreign block (:func:`_is_foreign`) that exactly one earlier unit takes
    (:func:`_closes_in_column`): (where the block is, the index of that unit)."""
    for place in _body_places(items):
        unit = _unit(items, place[0])
        if not _is_foreign(unit, place[1]):
            continue
        block = unit.body[place[1]]
        text = _text_from(items, place, pieces)
        hosts = [u for u in range(place[0]) if _closes_in_column(items, u, block, text)]
        if len(hosts) == 1:
            return place, hosts[0]
    return None


def _move_block(items: list[Item], source: Place, target: Place, pieces: Pieces) -> None:
    """Move the block at ``source`` to just after the block at ``target`` (an earlier
    place), with its subhead mark if it has one; the block that followed the target
    stands apart."""
    origin, host = _unit(items, source[0]), _unit(items, target[0])
    block = origin.body.pop(source[1])
    if target[1] + 1 < len(host.body):
        pieces.apart.add(host.body[target[1] + 1].first.number)
    host.body.insert(target[1] + 1, block)
    pieces.apart.discard(block.first.number)
    if block.first.number in origin.intertitles:
        origin.intertitles.discard(block.first.number)
        host.intertitles.add(block.first.number)


def carry_editors_notes(items: list[Item]) -> list[Item]:
    """An editor's note (``编者按：…``) introduces what follows it, never closes an article:
    one closing a unit's body over a title group and the body of the next article is that
    article's opening (titles set over their bodies; where they follow them, the note
    opens the unit after the title above it already)."""
    for index, item in enumerate(items[:-2]):
        title, follower = items[index + 1], items[index + 2]
        if (
            isinstance(item, Unit)
            and item.kind == "article"
            and len(item.body) > 1
            and isinstance(title, TitleGroup)
            and isinstance(follower, Unit)
            and follower.kind == "article"
            and opens_editors_note(item.body[-1].first.text)
        ):
            follower.body.insert(0, item.body.pop())
    return items


def attach_trailing_bylines(items: list[Item]) -> list[Item]:
    """A byline with no body after it (the next item is a title or nothing) closes the
    article before it, as papers that credit the reporter at the end do."""
    out: list[Item] = []
    for index, item in enumerate(items):
        follower = items[index + 1] if index + 1 < len(items) else None
        previous = out[-1] if out else None
        if (
            isinstance(item, Unit)
            and item.kind == "article"
            and not item.body
            and not item.markers
            and not isinstance(follower, Unit)
            and isinstance(previous, Unit)
            and previous.kind == "article"
        ):
            if _credits_a_caption(previous, item):
                caption = previous.body.pop()
                lines = [*caption.lines, *(line for b in item.bylines for line in b.lines)]
                block = Block("text", lines, _CAPTION_RULE, caption.blanks_before)
                out.append(Unit(kind="photo", body=[block]))
                continue
            previous.bylines.extend(item.bylines)
            continue
        out.append(item)
    return out


_CAPTION_RULE = "a caption with its credit under it, under a body credited apart"
# The most lines a caption set as a block of its own under a body runs to.
CAPTION_MAX_LINES = 4


def _credits_a_caption(previous: Unit, trailing: Unit) -> bool:
    """The byline under ``previous`` is a photo's credit (``■ 本报记者 许金松``) and the short
    block of whole sentences over it, set apart from the body, its caption: ``previous`` is
    credited already where it opens (its dateline or byline) with other names, and one
    article has one set of credits.  A credit only in a photo credit's form counts (a bullet
    or 摄); a plain ``本报记者 张三`` closes the report above as papers that credit at the end
    do."""
    if len(previous.body) < 2 or len(trailing.bylines) != 1:
        return False
    caption = previous.body[-1]
    if not caption.blanks_before or len(caption.lines) > CAPTION_MAX_LINES:
        return False
    if not caption.ends_sentence:
        return False
    credit = match_photo_credit(_block_text(trailing.bylines[0]))
    if credit is None or credit.caption.strip():
        return False
    return _credits_others(previous, credit.credits)


def _credits_others(unit: Unit, credits: Credits) -> bool:
    """The unit names reporters where it opens (:func:`_opening_credits`), and ``credits``
    names none of them: one article has one set of credits."""
    opening = _opening_credits(unit)
    named = {*opening.reporters, *opening.correspondents}
    return bool(named) and named.isdisjoint({*credits.reporters, *credits.correspondents})


def _opening_credits(unit: Unit) -> Credits:
    """The names a unit is credited with where it opens: its bylines and its dateline's."""
    opening = Credits()
    for byline in unit.bylines:
        opening.extend(parse_credits(_block_text(byline)))
    if unit.body and unit.body[0].opens_with_dateline:
        dateline = match_dateline(_block_text(unit.body[0]))
        if dateline is not None:
            opening.extend(dateline.credits)
    return opening


def absorb_untitled_units(items: list[Item], titled: set[int], direction: Direction) -> set[int]:
    """Merge untitled article units into a titled neighbour; return the absorbed indexes.

    Every article has a title.  A unit without one that stands next to other units with no
    title between them is more of one of those articles: a second dateline paragraph
    (``本报北京1月17日电 …`` reporting a related event) or a mid-article byline.  It joins
    the nearest titled unit of its run of adjacent units, on the side the page puts its
    titles' bodies: the titled unit after it when titles follow their body, before it
    otherwise.
    """
    absorbed: set[int] = set()
    for chain in _adjacent_unit_runs(items):
        # a part continued from another page belongs to a titled article too
        hosts = [i for i in chain if i in titled or not _unit(items, i).wants_title]
        if not hosts:
            continue
        for index in chain:
            unit = _unit(items, index)
            if index in titled or not unit.wants_title:
                continue
            fitting = [h for h in hosts if same_column(_unit(items, h), unit)]
            if not fitting:
                continue
            before = [h for h in fitting if h < index]
            after = [h for h in fitting if h > index]
            if direction == "after":
                host_index = after[0] if after else before[-1]
            else:
                host_index = before[-1] if before else after[0]
            host = _unit(items, host_index)
            if host_index < index:
                _join_units(host, unit, host)
            else:
                _join_units(unit, host, host)
            host.intertitles.update(unit.intertitles)
            absorbed.add(index)
    return absorbed


def _join_units(first: Unit, second: Unit, into: Unit) -> None:
    """Put the bylines, body and markers of ``first`` then ``second`` (adjacent in page
    order) into ``into`` (one of them); a section label heading ``second`` stays text."""
    bylines, body = list(first.bylines), list(first.body)
    if _is_section_label(first, second):
        labels = [
            Block("text", b.lines, SECTION_LABEL_RULE, b.blanks_before) for b in second.bylines
        ]
        into.intertitles.update(b.first.number for b in labels)
        body += labels
    else:
        bylines += second.bylines
    into.bylines = bylines
    into.body = body + second.body
    into.markers = first.markers + second.markers


SECTION_LABEL_RULE = "a role-shaped label inside an article's body (■记者手记)"


def _is_section_label(host: Unit, unit: Unit) -> bool:
    """``unit`` opens with a byline-shaped line and goes on with more text of ``host``,
    whose body it follows: is that line a section label of host's text?

    An article is credited at its head (a byline or the dateline's parentheses) or at its
    end, never between two pieces of its own body.  A byline-shaped line with the
    article's text both above and below it (and no dateline of its own under it, so no new
    report begins) is a column label set inside the body (``■记者手记``, ``■编者按``) and
    stays text."""
    if not unit.bylines or not unit.body or not host.body:
        return False
    return not unit.body[0].opens_with_dateline and len(unit.bylines) == 1


def _adjacent_unit_runs(items: list[Item]) -> list[list[int]]:
    """Runs of adjacent article units (a title group, a photo or a 下转 marker ends a run)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, item in enumerate(items):
        if isinstance(item, Unit) and item.kind == "article":
            current.append(index)
            if any(m.forward for m in item.markers):
                runs.append(current)
                current = []
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _unit(items: list[Item], index: int) -> Unit:
    item = items[index]
    assert isinstance(item, Unit)
    return item


def assign_titles(items: list[Item]) -> tuple[dict[int, int], set[int], Direction]:
    """Title group index → unit index (both into ``items``); which groups stand before.

    Cost of a direction: each run of adjacent article units left without any title (one
    article may hold several units, e.g. a second dateline), twice each title left without
    an article, and half for each title that had to go against the direction.
    """
    best: tuple[float, int, dict[int, int], Direction] | None = None
    opens_with_title = bool(items) and isinstance(items[0], TitleGroup)
    runs = _adjacent_unit_runs(items)
    for direction in ("after", "before"):
        assignment = _assign(items, direction)
        titled = set(assignment.values())
        untitled = sum(
            1
            for run in runs
            if any(_unit(items, i).wants_title for i in run) and not titled & set(run)
        )
        orphans = sum(
            1
            for i, item in enumerate(items)
            if isinstance(item, TitleGroup) and i not in assignment
        )
        against = sum(1 for g, u in assignment.items() if (u > g) == (direction == "after"))
        cost = untitled + 2 * orphans + 0.5 * against
        preferred = (direction == "before") == opens_with_title
        key = (cost, 0 if preferred else 1)
        if best is None or key < (best[0], best[1]):
            best = (cost, key[1], assignment, direction)
    assert best is not None
    assignment = best[2]
    before = {g for g, u in assignment.items() if u > g}
    return assignment, before, best[3]


def _assign(items: Sequence[Item], direction: Direction) -> dict[int, int]:
    taken: set[int] = set()
    assignment: dict[int, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, TitleGroup):
            continue
        sides = (index - 1, index + 1) if direction == "after" else (index + 1, index - 1)
        for side in sides:
            if 0 <= side < len(items) and side not in taken:
                unit = items[side]
                if isinstance(unit, Unit) and unit.takes_title:
                    assignment[index] = side
                    taken.add(side)
                    break
    return assignment


def clean_line(line: Line) -> tuple[str, list[Continuation]]:
    text, markers = strip_continuations(line.text)
    return remove_layout_spaces(text, line.spaced_out), markers


def title_units(group: TitleGroup, layout: Layout) -> tuple[list[str], list[list[Line]]]:
    """Title lines → title units: adjacent lines of one block are one wrapped title unless
    one is a subtitle (``——…``) or the line above is kicker-shaped (``…——``, ``…：``), or
    the page is not hard-wrapped (``layout.unwrapped``: each title line is a part of its
    own)."""
    texts: list[str] = []
    lines: list[list[Line]] = []
    for block in group.blocks:
        for position, line in enumerate(block.lines):
            text, _ = clean_line(line)
            separate = (
                position == 0
                or layout.unwrapped
                or is_subtitle(text)
                or is_kicker_shaped(texts[-1])
            )
            if separate:
                texts.append(text)
                lines.append([line])
            else:
                texts[-1] = join_wrapped([texts[-1], text])
                lines[-1].append(line)
    return texts, lines


def wrap_measure(lines: Sequence[Line]) -> float | None:
    """Width of the widest wrapped (non-last) line of a title unit over several lines, else
    None: how much of its type the title's measure holds."""
    if len(lines) < 2:
        return None
    return max(display_width(clean_line(line)[0]) for line in lines[:-1])


@dataclass
class BuiltArticle:
    article: ParsedArticle
    trace: Trace
    first_line: int


def build_article(
    unit: Unit | None,
    group: TitleGroup | None,
    body_after: bool,
    page: int,
    layout: Layout,
) -> BuiltArticle:
    article = ParsedArticle(page=page)
    trace: Trace = {}
    credits = Credits()
    bylines: list[str] = []
    first_line = 1 << 30
    if unit is not None:
        article.kind = unit.kind
        for block in unit.bylines:
            for line in block.lines:
                bylines.append(line.text)
                credits.extend(parse_credits(line.text))
                trace[line.number] = ("byline", block.rule)
                first_line = min(first_line, line.number)
        paragraphs, markers = _body_paragraphs(unit, trace, layout)
        article.ends_short = _ends_short(unit) and not layout.unwrapped
        dateline = apply_body_fields(article, paragraphs, unit.markers + markers, bylines, credits)
        if dateline is not None:
            first = unit.body[0].first
            trace[first.number] = ("dateline", f"opens with the dateline {dateline.place}")
        for block in unit.body:
            first_line = min(first_line, block.first.number)
    if group is not None:
        texts, lines = title_units(group, layout)
        roles = (
            unwrapped_title_roles(texts)
            if layout.unwrapped
            else assign_title_roles(texts, body_after, [wrap_measure(unit) for unit in lines])
        )
        article.kicker, article.headline, article.subtitle = (
            roles.kicker,
            roles.headline,
            roles.subtitle,
        )
        for index, unit_lines in enumerate(lines):
            role, rule = roles.rules.get(index, ("title", "title"))
            for line in unit_lines:
                trace[line.number] = (role, rule)
                first_line = min(first_line, line.number)
    article.reporters = credits.reporters
    article.correspondents = credits.correspondents
    article.byline = "\n".join(bylines)
    return BuiltArticle(article=article, trace=trace, first_line=first_line)


def _ends_short(unit: Unit) -> bool:
    """The unit's last body line (without a continuation marker) stops short of the
    column its body is set in (measured on the lines that tell it: no dateline, no marker;
    False when none does)."""
    if unit.kind != "article" or not unit.body:
        return False
    lines = [line for block in unit.body for line in block.lines]
    last = lines[-1]
    text, _ = strip_continuations(last.text)
    column = column_width([line for line in lines if measures_column(line)])
    return column > 0 and not last.spaced_out and display_width(text) <= column - SHORT_MARGIN


def _body_paragraphs(
    unit: Unit, trace: Trace, layout: Layout
) -> tuple[list[str], list[Continuation]]:
    result = layout.paragraphs(unit.body, unit.intertitles)
    markers: list[Continuation] = []
    paragraphs: list[str] = []
    role = "caption" if unit.kind == "photo" else "body"
    for group in result.groups:
        parts = []
        for line in group:
            text, found = clean_line(line)
            markers.extend(found)
            parts.append(text)
            rule = result.line_rules[line.number]
            if found:
                rule += "; continuation marker " + ", ".join(m.marker for m in found)
            trace[line.number] = (role, rule)
        paragraphs.append(join_wrapped(parts))
    if unit.kind == "photo" and len(paragraphs) > 1:
        paragraphs = [join_wrapped(paragraphs)]  # a caption is one paragraph
    trace.update(result.blank_roles)
    return paragraphs, markers


def split_question_title(unit: Unit) -> TitleGroup | None:
    """On a page whose titles stand after their body, an article left without a title
    whose body ends with a question or exclamation line of a headline's shape (no sentence
    punctuation inside, the text above it closed): that line is its title, extracted
    without a blank line (``商圈如何接住世界杯流量？`` under its body at the page end).
    Every article has a title, and where titles follow the body it can only be there."""
    if not unit.wants_title or not unit.body:
        return None
    block = unit.body[-1]
    cut = trailing_question_title(block)
    if cut is None:
        return None
    unit.body[-1] = Block(block.kind, block.lines[:cut], block.rule, block.blanks_before)
    return TitleGroup(blocks=[Block(block.kind, block.lines[cut:], TITLE_SPLIT_RULE)])


def assemble_page(
    blocks: Sequence[Block], roles: Sequence[BlockRole], page: int, unwrapped: bool = False
) -> tuple[list[ParsedArticle], Trace]:
    """All articles of one page in page order, and the per-line trace (``unwrapped``: the
    page is not hard-wrapped, see :mod:`shared.parsing.wrapping`)."""
    layout = Layout(unwrapped=unwrapped, indent=paragraph_indent(page_lines(blocks)))
    items = attach_trailing_bylines(build_items(blocks, roles))
    if not unwrapped:  # one paragraph a line: no column to measure a piece by
        items = reattach_stray_pieces(items)
    items = fold_intertitles(items, layout)
    items = carry_editors_notes(items)
    assignment, before, direction = assign_titles(items)
    group_of_unit = {u: g for g, u in assignment.items()}
    absorbed = absorb_untitled_units(items, set(group_of_unit), direction)
    built: list[BuiltArticle] = []
    for index, item in enumerate(items):
        if index in absorbed:
            continue
        if isinstance(item, Unit):
            group_index = group_of_unit.get(index)
            group = items[group_index] if group_index is not None else None
            assert group is None or isinstance(group, TitleGroup)
            if group is None and direction == "after":
                group = split_question_title(item)
            built.append(build_article(item, group, group_index in before, page, layout))
        elif index not in assignment:
            built.append(build_article(None, item, False, page, layout))
    built.sort(key=lambda b: b.first_line)
    trace: Trace = {}
    for b in built:
        trace.update(b.trace)
    return [b.article for b in built], trace
