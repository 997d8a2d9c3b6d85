"""Put a column's foot back under its top, inside one article.

Where something cuts across an article's columns (a photo, a box, another module), an
extractor may read the tops of the columns first and their feet after them: the article
reads top 1, top 2, ..., foot 1, foot 2.  Each top but the last then breaks off in
mid-sentence at the full width of its column, while the block after it opens a new
paragraph (:func:`.stray_pieces.hangs`), and the first foot, read after the last top,
opens in mid-sentence (:func:`.stray_pieces.cannot_open`).  The stray-piece stage
(:mod:`.stray_moves`) leaves it there: the last top leaves a sentence open too, and
the foot goes on with it as well.  But only one order leaves no sentence cut: the foot
goes under the first top whose sentence nothing finishes, provided the tops between
break off in mid-sentence as well (cut across by the same thing) and the text after
the foot goes on from the top it stood after.  A foot may as
well open with the short last line of the paragraph the top left open
(:func:`.stray_pieces.closes_carried_paragraph`).

Where every piece breaks off in mid-sentence, any order reads on by shape, and the
pieces' heights tell instead: tops cut across by one thing have as many lines each, and
a body that is two or more such tops and then as many other pieces is read back top 1,
foot 1, top 2, foot 2 (:func:`interleave_feet`).
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.block import Block
from shared.parsing.columns import piece_column
from shared.parsing.stray_pieces import (
    can_be_stray,
    cannot_open,
    hangs,
    leads_into,
    shared_column,
    takes,
)
from shared.parsing.text_ends import closes_text


def restore_column_feet(body: Sequence[Block], indents: bool) -> list[Block]:
    """The article's body blocks with each column foot read after the column tops moved
    back under the top it finishes (:func:`_foot_move`)."""
    blocks = list(body)
    for _ in range(len(blocks)):
        move = _foot_move(blocks, indents)
        if move is None:
            break
        top, start, end = move
        run = blocks[start:end]
        del blocks[start:end]
        blocks[top + 1 : top + 1] = run
    return blocks


def _foot_move(blocks: list[Block], indents: bool) -> tuple[int, int, int] | None:
    """The first foot to move: (the top it goes under, the foot's first block, the block
    after its run).  A foot is a block after a column break that cannot open a paragraph
    in its column (a full first line where the page indents, or a mark no line opens
    with), standing in the same column after a top whose sentence the next block leaves
    open, with only tops between that break off in mid-sentence too; its run is it and the
    blocks that go on with it.  The block after the run must go on from the one the foot
    stood after: else moving the foot only cuts another sentence."""
    for top in range(len(blocks) - 2):
        if not _cut_off(blocks, top, indents):
            continue
        for start in range(top + 2, len(blocks)):
            if not _opens_foot(blocks[top], blocks[start], indents):
                continue
            if any(closes_text(block.last) for block in blocks[top + 1 : start]):
                break  # (a column that ends a sentence is no top cut across)
            end = _run_end(blocks, start, indents)
            if end < len(blocks) and leads_into(blocks[start - 1], blocks[end], indents):
                return top, start, end
    return None


def _cut_off(blocks: list[Block], index: int, indents: bool) -> bool:
    """The block breaks off in mid-sentence and the block after it, set in its column
    after a column break (a blank line over it), opens a new paragraph there
    (:func:`.stray_pieces.hangs`): a block set to another measure (a subhead, a line of
    half-width figures) tells nothing of the sentence, and a paragraph that opens right
    under the block (a list item under a colon) is the text going on.  A next block of
    one line is no column's top: alone, its width tells no indent."""
    block, following = blocks[index], blocks[index + 1]
    if len(following.lines) < 2 or not following.blanks_before:
        return False
    if shared_column(block, following) is None:
        return False
    return hangs(block, following, indents, lambda: _column_up_to(blocks, index))


def _column_up_to(blocks: list[Block], index: int) -> float:
    """The column of the body's text up to the end of the block at ``index`` (measured
    only when the block is too short to tell its own)."""
    return piece_column([line for block in blocks[: index + 1] for line in block.lines])


def _opens_foot(top: Block, foot: Block, indents: bool) -> bool:
    """``foot`` came out after a column break (a blank line over it), may be a stray
    piece, and goes on with ``top`` by its shape (:func:`.stray_pieces.takes`: set in its
    column, its first line cannot open a paragraph there or closes one carried over)."""
    if not foot.blanks_before or not can_be_stray(foot):
        return False
    return takes(top, foot, indents)


def _run_end(blocks: list[Block], start: int, indents: bool) -> int:
    """The index after the last block that goes on, block by block, from the one at
    ``start``."""
    end = start + 1
    while end < len(blocks) and leads_into(blocks[end - 1], blocks[end], indents):
        end += 1
    return end


def interleave_feet(body: Sequence[Block], indents: bool) -> list[Block]:
    """The body read back column by column where it is ``k`` column tops of one height
    (as many lines each: cut across by the same thing) and then ``k`` feet
    (:func:`_tops_and_feet`): top 1, foot 1, top 2, foot 2, ..."""
    blocks = list(body)
    count = _tops_and_feet(blocks, indents)
    if not count:
        return blocks
    tops, feet = blocks[:count], blocks[count:]
    return [block for pair in zip(tops, feet, strict=True) for block in pair]


def _tops_and_feet(blocks: list[Block], indents: bool) -> int:
    """How many column tops the body opens with, where it is two or more blocks of as
    many lines, all breaking off in mid-sentence in one column, then as many blocks after
    a blank line in that column, the first of another height (a column read in order
    would be as high as the tops), each opening in mid-sentence there (a line that cannot
    open a paragraph: :func:`.stray_pieces.cannot_open`), as a piece cut from a top that
    breaks off does; else 0."""
    height = len(blocks[0].lines) if blocks else 0
    count = 0
    while count < len(blocks) and len(blocks[count].lines) == height:
        count += 1
    if count < 2 or height < 2 or len(blocks) != 2 * count:
        return 0
    tops, feet = blocks[:count], blocks[count:]
    if len(feet[0].lines) == height:
        return 0
    for top, foot in zip(tops, feet, strict=True):
        if closes_text(top.last) or not foot.blanks_before:
            return 0
        column = shared_column(top, foot)
        if column is None or not cannot_open(foot.first, column, indents):
            return 0
    return count
