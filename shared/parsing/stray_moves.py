"""Moving stray pieces of body back to the article they continue (the judging is
:mod:`shared.parsing.stray_pieces`'s): see :func:`reattach_stray_pieces`."""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from shared.parsing.block import Block
from shared.parsing.columns import (
    COLUMN_TOLERANCE,
    SQUEEZED_AT_LINE_END,
    lines_share_column,
    lines_share_measure,
    piece_column,
)
from shared.parsing.glued_titles import CONTEXT_LINES
from shared.parsing.lines import Line
from shared.parsing.normalise import display_width
from shared.parsing.stray_pieces import (
    BodyShape,
    block_column,
    body_shape,
    can_be_stray,
    cannot_open,
    hangs,
    leads_into,
    opens_loose,
    opens_mid_clause,
    opens_paragraph,
    shared_column,
    takes,
)
from shared.parsing.text_ends import closes_text
from shared.parsing.topic import (
    TOPIC_SIMILARITY,
    clearly_nearer,
    clearly_nearer_by,
    joins_into_word,
    lines_share_topic,
    lines_words,
    nearer_topic,
    similarity,
    tells_topic,
)
from shared.parsing.units import Item, TitleGroup, Unit, body_blocks, unit_at


def reattach_stray_pieces(items: list[Item], shape: BodyShape | None = None) -> list[Item]:
    """Put each stray piece of body back after the hanging block it continues
    (:mod:`shared.parsing.stray_pieces`); a unit left with nothing is dropped.

    A stray piece goes to the one hanging block before it on the page that it fits (same
    column, same topic, its first line unable to open a paragraph in that column); where
    several of different articles fit, the one its join makes a printed word with
    (:func:`_joined_by_words`) or the one whose words it clearly shares
    (:func:`_clearly_nearest`) takes it; if none stands out, nothing tells which, and it
    stays where it is.  The
    block that stood after the hanging one did not go on with it, so it stands apart from
    the piece now put before it: it may itself be a stray piece, and does not end the
    piece's hang.

    Then a whole paragraph's worth of another article can stand inside a unit the same
    way, opening after a sentence end: a block set in another column than the text
    around it (:func:`_is_foreign`) goes to the end of the one earlier article that closes
    in its column (or breaks off in mid-sentence there, where the block runs on as a text
    does: :func:`_runs_on`) and shares its vocabulary (the extractor read that module's
    next column after this one's).  ``shape``: how the page's body is set (worked out here
    if not given).
    """
    blocks = body_blocks(items)
    pieces = Pieces(shape or body_shape(blocks), blocks)
    for _ in range(len(blocks)):
        move = _stray_move(items, pieces)
        if move is not None:
            _move_block(items, *move, pieces)
            continue
        foreign = _foreign_move(items, pieces)
        if foreign is None:
            break
        (unit, index), host, count = foreign
        origin = unit_at(items, unit)
        unit_at(items, host).body.extend(origin.body[index : index + count])
        del origin.body[index : index + count]
    return [
        item
        for item in items
        if not isinstance(item, Unit) or item.body or item.bylines or item.markers
    ]


Place = tuple[int, int]  # (index of a unit in the items, index of a block in its body)


@dataclass
class Pieces:
    """What re-attaching stray pieces knows of the page: how its body is set (whether it
    indents first lines and sets a blank line at most of its paragraph breaks), the first
    lines of blocks known not to go on with the block before them, and those of blocks put
    back after the block they go on from."""

    shape: BodyShape
    blocks: list[Block] = field(default_factory=list)  # the page's body, for its words
    apart: set[int] = field(default_factory=set)
    placed: set[int] = field(default_factory=set)
    _words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The bigrams printed inside the body's lines (:func:`lines_words`), worked out
        when first asked (only where two pieces could go either way round)."""
        if self._words is None:
            self._words = lines_words([line for block in self.blocks for line in block.lines])
        return self._words

    def join_into_word(self, before: Block, after: Block) -> bool:
        """``before``'s last character and ``after``'s first make a bigram printed elsewhere
        on the page (:func:`joins_into_word`)."""
        return joins_into_word(before.last.text, after.first.text, self.words)

    @property
    def indents(self) -> bool:
        return self.shape.indents

    @property
    def blank_paragraphs(self) -> bool:
        return self.shape.blank_paragraphs

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
    return unit_at(items, place[0]).body[place[1]]


def _is_stray(items: list[Item], place: Place, pieces: Pieces) -> bool:
    """A block that opens no article (not the first block of an anchored unit) and that
    the block before it in its unit does not lead into."""
    unit, (_, k) = unit_at(items, place[0]), place
    block = unit.body[k]
    if not can_be_stray(block):
        return False
    if k == 0 and unit.anchored:
        return _cannot_open_body(block, pieces)
    before = pieces.before(unit, k)
    return before is None or not leads_into(before, block, pieces.indents)


def _cannot_open_body(block: Block, pieces: Pieces) -> bool:
    """The first block under a title, set apart from it by a blank line, opens with a line
    no paragraph opens with: a mark no line may open with, or a line that fills its
    column where the page indents first lines.  It is not the article's opening but a
    piece the extractor read there (a column broke off above it)."""
    if not block.blanks_before:
        return False
    return cannot_open(block.first, block_column(block), pieces.indents)


def _text_up_to(items: list[Item], place: Place) -> list[Line]:
    body = unit_at(items, place[0]).body[: place[1] + 1]
    return [line for block in body for line in block.lines][-CONTEXT_LINES:]


def _text_from(items: list[Item], place: Place, pieces: Pieces) -> list[Line]:
    """The lines of the block at ``place`` and of the blocks after it in its unit that go
    on with it (a piece of a few lines says little of its topic; the column it opens
    says more)."""
    unit, k = unit_at(items, place[0]), place[1]
    lines = list(unit.body[k].lines)
    while k + 1 < len(unit.body) and len(lines) < CONTEXT_LINES:
        following = pieces.after(unit, k)
        if following is None or not leads_into(unit.body[k], following, pieces.indents):
            break
        lines += following.lines
        k += 1
    return lines[:CONTEXT_LINES]


def column_up_to(items: list[Item], place: Place) -> float:
    """The column of the text of its unit up to and with the block at ``place`` (its last
    ``CONTEXT_LINES`` lines): what a block too short to tell its own is measured by."""
    return piece_column(_text_up_to(items, place))


def _hanging_places(items: list[Item], pieces: Pieces) -> list[Place]:
    return [
        p
        for p in _body_places(items)
        if hangs(
            _block_at(items, p),
            pieces.after(unit_at(items, p[0]), p[1]),
            pieces.indents,
            functools.partial(column_up_to, items, p),
            _line_over(items, p, pieces),
        )
    ]


def _line_over(items: list[Item], place: Place, pieces: Pieces) -> Line | None:
    """The line the block at ``place`` came out right under (no blank line between, and
    not known to stand apart from the block before it), if any."""
    unit = unit_at(items, place[0])
    block = unit.body[place[1]]
    before = pieces.before(unit, place[1])
    return None if before is None or block.blanks_before else before.last


def _stray_move(items: list[Item], pieces: Pieces) -> tuple[Place, Place] | None:
    """The first stray block with exactly one hanging block before it that it continues, or
    several of one article (it is that article's either way; it goes after the last of
    them, read just before the article broke off): (where the stray block is, where the
    hanging block is).  Where its shape does not tell, on a page that indents its first
    lines, the page's words may (:func:`_worded_hanging`); where blocks of several
    articles fit, they may pick one (:func:`_joined_by_words`).  Where none before it
    fits, a piece opening in mid-sentence may go to a hanging block after it: one whose
    first line opens with a clause tail (:func:`opens_mid_clause`) to one it fits by
    shape and topic, a loose piece (:func:`opens_loose`: a full first line after another
    column's text or a paragraph's end) only on the surer signs of
    :func:`_continues_loose`.  Either kind goes to a later hanging block rather than the
    earlier ones it fits where the page's words pick the later (:func:`_worded_later`)."""
    hanging = _hanging_places(items, pieces)
    if not hanging:
        return None  # (most pages: nothing hangs, no piece to look for)
    for place in _body_places(items):
        by_shape = _is_stray(items, place, pieces)
        if not by_shape and not _may_stray_by_topic(items, place, pieces):
            continue
        stray = _block_at(items, place)
        shaped = [
            h for h in hanging if h < place and takes(_block_at(items, h), stray, pieces.indents)
        ]
        mid_clause = by_shape and opens_mid_clause(stray.first)
        before = pieces.before(unit_at(items, place[0]), place[1])
        loose = (
            by_shape
            and not mid_clause
            and not _under_title(items, place)
            and opens_loose(before, stray, pieces.indents)
        )
        if not shaped and not mid_clause:
            worded = by_shape and pieces.indents
            shaped = _worded_hanging(items, hanging, place, pieces) if worded else []
            if not shaped and not loose:
                continue
        text = _text_from(items, place, pieces)
        fits = _speaking_of(items, shaped, text)
        if not fits and mid_clause:
            fits = _speaking_of(items, _later_hanging(items, hanging, place, pieces), text)
        elif not fits and loose:
            fits = [
                h
                for h in _later_hanging(items, hanging, place, pieces)
                if _continues_loose(items, place, h, text)
            ]
        if not fits:
            continue
        if mid_clause or loose:
            fits = _worded_later(items, hanging, place, pieces, text) or fits
        if not by_shape:
            above = _text_up_to(items, (place[0], place[1] - 1))
            fits = [
                h
                for h in fits
                if h != (place[0], place[1] - 1)
                and _speaks_rather_with(text, _text_up_to(items, h), above)
            ]
        if len({unit for unit, _ in fits}) > 1:
            fits = _joined_by_words(items, fits, stray, pieces)
        if len({unit for unit, _ in fits}) > 1:
            fits = _clearly_nearest(items, fits, text)
        if len({unit for unit, _ in fits}) == 1 and not _rivals(items, fits[-1], place, pieces):
            return place, fits[-1]
    return None


def _under_title(items: list[Item], place: Place) -> bool:
    """The block opens its unit right under a title group, with no blank line between:
    read straight on from the title, it is that title's text, whatever its first line's
    width (a title's body may open flush)."""
    unit, k = unit_at(items, place[0]), place[1]
    return (
        k == 0
        and place[0] > 0
        and isinstance(items[place[0] - 1], TitleGroup)
        and not unit.body[0].blanks_before
    )


def _continues_loose(items: list[Item], place: Place, host: Place, text: list[Line]) -> bool:
    """A loose piece (:func:`.stray_pieces.opens_loose`; ``text``: it and what goes on with
    it) continues the later hanging block at ``host`` on surer signs than a clause tail
    needs, since a full first line alone is no sure sign in this direction (a flush
    opening looks the same): both texts measure their column, and it is one column; and
    the piece speaks of the host's things, sharing its vocabulary as the parts of one
    article do (``TOPIC_SIMILARITY``) and not speaking of what the text above it does
    (or, too short to tell its topic, clearly nearer the host's vocabulary than that
    text's: :func:`nearer_topic`)."""
    host_text = _text_up_to(items, host)
    if piece_column(host_text) <= 0 or piece_column(text) <= 0:
        return False
    if not lines_share_column(host_text, text):
        return False
    above = _text_up_to(items, (place[0], place[1] - 1)) if place[1] > 0 else []
    if not tells_topic(text):
        return bool(above) and nearer_topic(text, host_text, above)
    if similarity(text, host_text) < TOPIC_SIMILARITY:
        return False
    return not above or not tells_topic(above) or not lines_share_topic(above, text)


def _worded_hanging(
    items: list[Item], hanging: list[Place], place: Place, pieces: Pieces
) -> list[Place]:
    """The hanging blocks of other units, before or after the stray block at ``place``, set
    in its column, that it would go on from by the page's words though not by its shape:
    the block's last character and the piece's first make a bigram printed elsewhere on
    the page, and the piece's first line does not plainly open a paragraph
    (:func:`opens_paragraph`).  Asked only on a page that indents its first lines, where a
    paragraph's opening shows by its width: where none is indented, any piece may open a
    paragraph, and a common word across the join is no sign that it does not."""
    stray = _block_at(items, place)
    found: list[Place] = []
    for h in hanging:
        block = _block_at(items, h)
        if h[0] == place[0]:
            continue
        column = shared_column(block, stray)
        if (
            column is not None
            and not opens_paragraph(stray.first, column, pieces.indents)
            and pieces.join_into_word(block, stray)
        ):
            found.append(h)
    return found


def _clearly_nearest(items: list[Item], fits: list[Place], text: list[Line]) -> list[Place]:
    """Of hanging blocks of several articles that a stray piece fits by shape and topic (a
    short text shares any text's topic, as far as :func:`lines_share_topic` can tell), the
    one whose text the piece's ``text`` shares vocabulary with as the parts of one article
    do (``TOPIC_SIMILARITY``), ``NEARER_FACTOR`` times as much as with any other's, if
    there is one; else all of them."""
    last = {h[0]: h for h in fits}  # the last hanging block of each article
    scored = sorted(
        ((similarity(text, _text_up_to(items, h)), h) for h in last.values()), reverse=True
    )
    (best, place), rest = scored[0], scored[1:]
    if best >= TOPIC_SIMILARITY and all(clearly_nearer_by(best, other) for other, _ in rest):
        return [place]
    return fits


def _joined_by_words(
    items: list[Item], fits: list[Place], stray: Block, pieces: Pieces
) -> list[Place]:
    """Of hanging blocks of several articles that a stray piece fits by shape and topic,
    the one whose last character and the piece's first make a bigram printed elsewhere on
    the page (``…民警王瑞`` + ``芳每天…`` where ``王瑞芳`` is printed), if only one does;
    else all of them (nothing tells which)."""
    worded = [h for h in fits if pieces.join_into_word(_block_at(items, h), stray)]
    return worded if len({unit for unit, _ in worded}) == 1 else fits


def _speaking_of(items: list[Item], hanging: list[Place], text: list[Line]) -> list[Place]:
    """The hanging blocks whose text up to them speaks of the same thing as ``text``."""
    return [h for h in hanging if lines_share_topic(_text_up_to(items, h), text)]


def _later_hanging(
    items: list[Item], hanging: list[Place], place: Place, pieces: Pieces
) -> list[Place]:
    """The hanging blocks after the stray block at ``place``, in other units, that it
    continues by shape (asked where none before it fits by shape and topic: a text
    hanging in the same column may speak of something else): the extractor read a module's
    columns out of order, and its last column (or a middle one) came out before the
    column it goes on from (over an editor line, amid a row of side-by-side modules).
    The stray piece opens no article (it cannot open a paragraph), so it belongs after
    some hanging block, and the later one it fits is the only one there is."""
    stray = _block_at(items, place)
    return [
        h
        for h in hanging
        if h > place and h[0] != place[0] and takes(_block_at(items, h), stray, pieces.indents)
    ]


def _worded_later(
    items: list[Item], hanging: list[Place], place: Place, pieces: Pieces, text: list[Line]
) -> list[Place]:
    """The hanging blocks after a stray piece that opens in mid-sentence (a clause tail or
    a loose piece) which it continues by shape and topic and by the page's words (the
    hanging block's last character and the piece's first make a bigram printed elsewhere
    on the page), taken over the hanging blocks before it that it fits (whether or not their
    joins make printed words too): the
    extractor read two modules' columns in alternation, and the column the piece goes on
    from came out after it, while an earlier hanging block of the same measure waits for
    another piece (``…公安部追`` + ``授王光生同志…``, ``追授`` printed, against
    ``…王光生，一`` + ``授…``).  Empty where the words do not pick a later block."""
    stray = _block_at(items, place)
    later = [
        h
        for h in _later_hanging(items, hanging, place, pieces)
        if pieces.join_into_word(_block_at(items, h), stray)
    ]
    return _speaking_of(items, later, text) if later else []


def _may_stray_by_topic(items: list[Item], place: Place, pieces: Pieces) -> bool:
    """A block that could be stray (:func:`can_be_stray`) standing after a column break (a
    blank line) under a block that leads into it by shape: the extractor may have gone on
    there into another module's column that happens to fit (one column width, a full first
    line), which only the words can tell (:func:`_speaks_rather_with`)."""
    unit, k = unit_at(items, place[0]), place[1]
    block = unit.body[k]
    return (
        k > 0
        and bool(block.blanks_before)
        and can_be_stray(block)
        and pieces.before(unit, k) is not None
    )


def _speaks_rather_with(text: list[Line], host: list[Line], above: list[Line]) -> bool:
    """The text after a column break speaks of what the ``host`` article does and not of
    what the text ``above`` the break does: both long enough to tell and sharing the host's
    topic but not the other's, or, for a text too short to tell by itself, clearly nearer
    the host's vocabulary (:func:`nearer_topic`).  Where the text above is too short to
    tell its topic (a column of a few lines), the text after the break, long enough to
    tell its own, must share the host's as the parts of one article do and clearly more
    than the few lines above (:func:`nearer_topic` too)."""
    if not tells_topic(above):
        return tells_topic(text) and nearer_topic(text, host, above)
    if tells_topic(text):
        return lines_share_topic(host, text) and not lines_share_topic(above, text)
    return nearer_topic(text, host, above)


def _rivals(items: list[Item], target: Place, source: Place, pieces: Pieces) -> bool:
    """Another block of the hanging block's unit, before the stray one, that the stray
    one would continue as well, and whose follower is as stray-shaped and ends a sentence
    as well: the two pieces could go either way round (``宣传`` + ``月”活动…。``, ``挑`` +
    ``战赛”…。``), and nothing but the words tells which: the page's own, where they do
    (:func:`_words_tell`), else none moves.  (A follower that hangs could
    not end where the stray piece ends: the order it stands in is the only one.)  Nor is a
    follower a rival that the extractor read straight on into the hanging block itself, with
    no blank line between (:func:`_runs_into`): the follower cannot go after the block it
    stands over in one column."""
    unit, stray = unit_at(items, target[0]), _block_at(items, source)
    for k, block in enumerate(unit.body):
        following = pieces.after(unit, k)
        if (
            k != target[1]
            and (target[0], k) < source
            and not _runs_into(unit, k + 1, target[1], pieces)
            and following is not None
            and following is not stray
            and following.ends_sentence
            and takes(block, following, pieces.indents)
            and takes(block, stray, pieces.indents)
            and not _words_tell(unit.body[target[1]], stray, block, following, pieces)
        ):
            return True
    return False


def _words_tell(target: Block, stray: Block, rival: Block, follower: Block, pieces: Pieces) -> bool:
    """Where two tails could go either way round (:func:`_rivals`), the page's words tell
    the order: the hanging block and the stray piece join into a word printed elsewhere on
    the page and the rival and the stray piece do not, while the rival and its follower
    join at least as well as the hanging block and that follower would (``视`` +
    ``角和判断…`` where ``视角`` is printed, against ``面临`` + ``角…``)."""
    joins = pieces.join_into_word
    return (
        joins(target, stray)
        and not joins(rival, stray)
        and joins(rival, follower) >= joins(target, follower)
    )


def _runs_into(unit: Unit, start: int, end: int, pieces: Pieces) -> bool:
    """The body's blocks from ``start`` to ``end`` (``start < end``) read as one text in
    that order: each block after the first either came out right under the one before it
    (no blank line between, and not known to stand apart from it: a block split off as
    title lines and taken back as body keeps its place in the column) or was put back
    after it as the piece that goes on from it."""
    if not start < end < len(unit.body):
        return False
    return all(
        block.first.number in pieces.placed
        or (not block.blanks_before and block.first.number not in pieces.apart)
        for block in unit.body[start + 1 : end + 1]
    )


def _is_foreign(items: list[Item], place: Place, pieces: Pieces) -> bool:
    """The body's block at ``place`` follows a sentence end and is set in another column
    than both the text before it and the unit's opening block: no part of this text.

    The block's column is measured on it and the blocks that go on with it
    (:func:`_text_from`), and the text before it on the block before it, or, where that
    block is too short to tell its column (a paragraph's last line or two left at a
    column's foot), on the unit's text up to it: a short piece says nothing of its
    column, the text it belongs to does."""
    unit, index = unit_at(items, place[0]), place[1]
    if index == 0 or not unit.body[index - 1].ends_sentence:
        return False
    block, before = unit.body[index], unit.body[index - 1]
    text = block.lines if block_column(block) > 0 else _text_from(items, place, pieces)
    if not can_be_stray(block) and not _opens_stray_text(block, text) and not _lone_end(text):
        return False
    if block_column(before) > 0:
        above = before.lines
    else:
        above = [line for earlier in unit.body[:index] for line in earlier.lines]
    above = above[-CONTEXT_LINES:]
    if piece_column(text) <= 0:
        return _sticks_out(text, above) and _sticks_out(text, unit.body[0].lines)
    return _columns_apart(unit.body[0].lines, text) and _columns_apart(above, text)


def _sticks_out(piece: Sequence[Line], around: Sequence[Line]) -> bool:
    """A piece too short to tell its own column has a line wider than the column the
    text ``around`` it measures, by more than ``COLUMN_TOLERANCE``, not counting the marks
    at its end (a closing mark is squeezed onto a line past the column's edge): a line's
    text cannot stick out of the column it is set in, so the piece was set in another."""
    column = piece_column(around)
    return column > 0 and max(map(_set_width, piece)) > column + COLUMN_TOLERANCE


_SQUEEZED = "".join(SQUEEZED_AT_LINE_END)


def _set_width(line: Line) -> float:
    """The line's width without the marks at its end, which the typesetter may squeeze
    onto it past the column's edge."""
    text = line.text
    return line.width - display_width(text[len(text.rstrip(_SQUEEZED)) :])


def _lone_end(text: Sequence[Line]) -> bool:
    """A lone line of text ending a sentence: a paragraph's last line, which the
    extractor may have read out of another column as it does a block of several lines
    (a title or a caption ends no sentence); it is foreign only where it sticks out of
    the column around it (:func:`_sticks_out`)."""
    return len(text) == 1 and text[0].ends_sentence


def _opens_stray_text(block: Block, text: Sequence[Line]) -> bool:
    """A block of one line that the blocks after it go on from (``text``: it and those
    blocks): the opening line of a run of text, not a lone line (a title, a caption), so
    it may be stray as a block of several lines may (:func:`can_be_stray`)."""
    return (
        len(block.lines) == 1
        and len(text) > 1
        and can_be_stray(Block(block.kind, list(text), block.rule, block.blanks_before))
    )


def _columns_apart(first: Sequence[Line], second: Sequence[Line]) -> bool:
    """Both pieces tell their column, and the columns differ
    (:func:`.stray_pieces.measured_apart` on runs of lines)."""
    return (
        piece_column(first) > 0
        and piece_column(second) > 0
        and not lines_share_measure(first, second)
    )


def _closes_by_shape(
    items: list[Item], index: int, block: Block, hanging: Collection[int] = ()
) -> bool:
    """The article unit at ``index`` ends at a sentence end in ``block``'s column (the
    shape half of :func:`_closes_in_column`, cheap to ask first), or, for a unit among
    ``hanging``, breaks off in mid-sentence there."""
    unit = items[index]
    if not isinstance(unit, Unit) or unit.kind != "article" or not unit.body:
        return False
    if not unit.body[-1].ends_sentence and index not in hanging:
        return False
    last = _closing_block(items, index)
    return block_column(last) > 0 and shared_column(last, block) is not None


def _closing_block(items: list[Item], index: int) -> Block:
    """The article unit at ``index``'s last block, or, where that is too short to tell
    its column (a paragraph's last line or two), its text up to its end as one block: a
    short block's column is that of the text it ends."""
    unit = unit_at(items, index)
    last = unit.body[-1]
    if block_column(last) > 0:
        return last
    return Block(last.kind, _text_up_to(items, (index, len(unit.body) - 1)), last.rule)


def _closes_in_column(
    items: list[Item],
    index: int,
    block: Block,
    text: list[Line],
    around: list[Line],
    hanging: Collection[int],
) -> bool:
    """The article unit at ``index`` ends at a sentence end in ``block``'s column, its
    text speaking of the same thing as ``text`` (the block's and what goes on with it;
    :func:`_speaks_with`): a block's column alone is too weak a reason to move it to
    another article (half-width digits widen a short block's measure).  A unit among
    ``hanging`` may end in mid-sentence (:func:`_hanging_units`)."""
    if not _closes_by_shape(items, index, block, hanging):
        return False
    unit = items[index]
    assert isinstance(unit, Unit)
    return _speaks_with(text, _text_up_to(items, (index, len(unit.body) - 1)), around)


def _speaks_with(text: list[Line], host: list[Line], around: list[Line]) -> bool:
    """The foreign block's ``text`` speaks of what the ``host`` article does: both long
    enough to tell and sharing its topic, or, for a text too short to tell by itself (a
    one-paragraph report), clearly nearer the host's vocabulary than that of the text it
    was set down in (``around``)."""
    if tells_topic(text):
        return lines_share_topic(host, text)
    return nearer_topic(text, host, around)


def _stray_after_column_break(items: list[Item], place: Place, pieces: Pieces) -> bool:
    """A stray block (:func:`_is_stray`: the block before it does not lead into it) after a
    column break: set in the same column width as the text around it, it may still be no
    part of it, if the words tell so (:func:`_speaks_apart_from_above`: the extractor read
    another module's column of whole paragraphs there).

    A blank line is a column break where the page does not set blank lines at its
    paragraph breaks (:attr:`Pieces.blank_paragraphs`), or under a block left in
    mid-sentence, which no new paragraph of its own text follows.  (On a page that parts
    its paragraphs with blank lines, one under a closed sentence may as well part two
    paragraphs of one article, whose topics drift.)"""
    unit, k = unit_at(items, place[0]), place[1]
    block = unit.body[k]
    return not (
        k == 0
        or not block.blanks_before
        or (closes_text(unit.body[k - 1].last) and pieces.blank_paragraphs)
        or not _is_stray(items, place, pieces)
    )


def _speaks_apart_from_above(items: list[Item], place: Place, pieces: Pieces) -> bool:
    """The text from the block at ``place`` and the text above it in its unit both tell
    their topic and speak of different things."""
    text = _text_from(items, place, pieces)
    above = _text_up_to(items, (place[0], place[1] - 1))
    return tells_topic(text) and tells_topic(above) and not lines_share_topic(above, text)


def _nearer_host(items: list[Item], index: int, text: list[Line], above: list[Line]) -> bool:
    """The text shares the vocabulary of the article unit at ``index`` (its closing lines)
    ``NEARER_FACTOR`` times as much as that of the text it was set down under."""
    unit = unit_at(items, index)
    host = _text_up_to(items, (index, len(unit.body) - 1))
    return clearly_nearer(text, host, above)


def _foreign_move(items: list[Item], pieces: Pieces) -> tuple[Place, int, int] | None:
    """The first foreign block (:func:`_is_foreign`) that exactly one earlier unit takes
    (:func:`_closes_in_column`): (where the block is, the index of that unit, how many
    blocks go: one, or a one-line block with the blocks that go on from it, which are
    one text and go together, :func:`_run_length`)."""
    hanging_units: set[int] | None = None  # worked out once, where first asked (items stay)
    for place in _body_places(items):
        unit = unit_at(items, place[0])
        by_column = _is_foreign(items, place, pieces)
        block = unit.body[place[1]]
        if not by_column and (
            not _stray_after_column_break(items, place, pieces)
            or not any(_closes_by_shape(items, u, block) for u in range(place[0]))
            or not _speaks_apart_from_above(items, place, pieces)
        ):
            continue
        count = 1 if can_be_stray(block) else _run_length(unit, place[1], pieces)
        if count > 1:
            run = [line for piece in unit.body[place[1] : place[1] + count] for line in piece.lines]
            block = Block(block.kind, run, block.rule, block.blanks_before)
        text = _text_from(items, place, pieces)
        around = [line for earlier in unit.body[: place[1]] for line in earlier.lines]
        hanging: set[int] = set()
        if by_column and _runs_on(block, pieces):
            if hanging_units is None:
                hanging_units = _hanging_units(items, pieces)
            hanging = hanging_units
        hosts = [
            u for u in range(place[0]) if _closes_in_column(items, u, block, text, around, hanging)
        ]
        if not by_column:
            above = _text_up_to(items, (place[0], place[1] - 1))
            hosts = [u for u in hosts if _nearer_host(items, u, text, above)]
        if not hosts and by_column and piece_column(text) <= 0:
            hosts = _filled_hosts(items, place[0], block, hanging)
        if len(hosts) > 1:
            hosts = _measured_by_closing_block(items, hosts)
        if len(hosts) == 1:
            return place, hosts[0], count
    return None


def _filled_hosts(items: list[Item], end: int, block: Block, hanging: Collection[int]) -> list[int]:
    """The earlier article unit (before ``end``) a short foreign piece, too short to tell
    its topic, goes to by shape alone, if one stands out among those it could close
    (:func:`_closes_by_shape`): the one left hanging in mid-sentence (the piece runs on),
    else the one whose closing column the piece's widest line fills (within
    ``COLUMN_TOLERANCE``: a line set to the full measure shows its column, where a column
    merely wide enough to hold it shows nothing), else the only one."""
    shaped = [u for u in range(end) if _closes_by_shape(items, u, block, hanging)]
    widest = block.widest
    for picked in (
        [u for u in shaped if u in hanging],
        [
            u
            for u in shaped
            if abs(block_column(_closing_block(items, u)) - widest) <= COLUMN_TOLERANCE
        ],
        shaped,
    ):
        if picked:
            return picked
    return []


def _measured_by_closing_block(items: list[Item], hosts: list[int]) -> list[int]:
    """Of several units a foreign block could close, the ones whose closing block tells its
    column by itself, if any: a unit measured only on the text above a short closing block
    (:func:`_closes_by_shape`) is a less sure host than one whose last lines show it."""
    sure = [u for u in hosts if block_column(unit_at(items, u).body[-1]) > 0]
    return sure or hosts


def _hanging_units(items: list[Item], pieces: Pieces) -> set[int]:
    """The units whose last block hangs (:func:`.stray_pieces.hangs`): a foreign block set
    in such a unit's column and speaking of its things may be the text it breaks off
    before, though it opens like a paragraph (a line short by a half-width mark reads as
    indented) and so is not stray by shape; it is that article's either way, and the
    only place it can go is after the hanging block."""
    return {
        unit
        for unit, block in _hanging_places(items, pieces)
        if block == len(unit_at(items, unit).body) - 1
    }


def _runs_on(block: Block, pieces: Pieces) -> bool:
    """The block's first line runs on into its second: it ends a sentence, or the line
    under it does not plainly open a paragraph (:func:`opens_paragraph`).  A short line
    left open over a paragraph's indented first line is a title or a subhead read into
    the text, which goes on no sentence broken off elsewhere."""
    if len(block.lines) < 2 or block.first.ends_sentence:
        return True
    # (the column as most lines fill it: a widest line may stick out by a half-width mark)
    return not opens_paragraph(block.lines[1], piece_column(block.lines), pieces.indents)


def _run_length(unit: Unit, index: int, pieces: Pieces) -> int:
    """How many of the body's blocks from ``index`` read as one text: the block and each
    after it that goes on with the one before (:func:`leads_into`)."""
    end = index
    while True:
        following = pieces.after(unit, end)
        if following is None or not leads_into(unit.body[end], following, pieces.indents):
            return end - index + 1
        end += 1


def _move_block(items: list[Item], source: Place, target: Place, pieces: Pieces) -> None:
    """Move the block at ``source`` to just after the block at ``target`` (an earlier
    place, or a later one in another unit: the source's removal leaves the target's
    index as it was), with its subhead mark if it has one; the block that followed the
    target stands apart."""
    origin, host = unit_at(items, source[0]), unit_at(items, target[0])
    count = _set_right_under(origin, source[1])
    count += _past_origin_column(items, source, target, count)
    moving = origin.body[source[1] : source[1] + count]
    del origin.body[source[1] : source[1] + count]
    if target[1] + 1 < len(host.body):
        pieces.apart.add(host.body[target[1] + 1].first.number)
    host.body[target[1] + 1 : target[1] + 1] = moving
    block = moving[0]
    pieces.apart.discard(block.first.number)
    pieces.placed.add(block.first.number)
    for moved in moving:
        if moved.first.number in origin.intertitles:
            origin.intertitles.discard(moved.first.number)
            host.intertitles.add(moved.first.number)


def _past_origin_column(items: list[Item], source: Place, target: Place, count: int) -> int:
    """How many blocks after the ``count`` blocks of a stray piece moving from ``source``
    go along with it to the unit at ``target``: each too short to tell its own column, but
    with a line wider than the column of the text it came out in (a line cannot stick out
    of its column, so it was not set there) and none wider than the column of the text the
    piece goes to (the extractor read on down the piece's column past a paragraph break)."""
    origin = unit_at(items, source[0])
    # the origin's column, measured on its blocks that tell one
    stay = [
        line
        for k, block in enumerate(origin.body)
        if not source[1] <= k < source[1] + count and block_column(block) > 0
        for line in block.lines
    ]
    host = piece_column(_text_up_to(items, target))
    own = piece_column(stay)
    if own <= 0 or host <= 0:
        return 0
    extra = 0
    for block in origin.body[source[1] + count :]:
        if (
            block_column(block) > 0
            or not own + COLUMN_TOLERANCE < block.widest <= host + COLUMN_TOLERANCE
        ):
            break
        extra += 1
    return extra


def _set_right_under(unit: Unit, index: int) -> int:
    """How many of the body's blocks from ``index`` the extractor set down as one run of
    lines: the block and each after it with no blank line over it.  The extractor parts
    one column from the next with a blank line, so text read straight on under a stray
    piece is the rest of the piece's column (a paragraph opening under the piece's last
    sentence end), and goes where the piece goes."""
    end = index + 1
    while end < len(unit.body) and not unit.body[end].blanks_before:
        end += 1
    return end - index
