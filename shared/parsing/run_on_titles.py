"""Title-shaped lines run on from the body above them, on a page whose titles stand over
their bodies: that body's lines, not a title.

An extractor that parts blocks with blank lines (pdftotext) gives a title, set in type of its
own size, as a block of its own: it parts the title from whatever was read before it with a
blank line, and runs it only into the text set right under it (a headline over its dateline
or byline; :mod:`.line_adjacency`).  So a kicker or headline never runs on from the text
above it (on extracted dev pages, 3,997 of 3,997 stand under a blank line), and lines that
do, closing a body's block and standing over a blank line, are lines of that text whatever
their shape made of them (a title split off the end of a body block: :mod:`.glued_titles`):
on the extracted dev pages, 49 such blocks are body text, none a title.  Left in the title
run over the next body, they stand in its title stack.

Taken back when a line of the first such block is at the body's own measure (as wide as its
column, or as its indented first line): a column's last line whose sentence goes on in a
column read elsewhere (``“历史会记住为这座城市坚守和付出的所`` under ``…努力。`` in a 20-em
column), or a subhead with its paragraph's first line under it (``家人般的温暖`` /
``安徽涡阳距离上海超过600公里，开车需``: a title's wrap never runs wider on its next line, so
a line at the column's measure there is running text).  A line at a measure of its own (a
subhead, or, where a hand or another extractor runs titles on from the text above, a kicker)
is taken back only when its words are the body's above: a title's names and terms recur in
its own article's body (``主要指数跌幅较大`` under a report on the share indices), so a line
whose bigrams that body holds (at least ``MIN_SHORT_HITS``, more than twice as many as the
body under the title run) speaks of it.  A page that runs a
title into the article opening under it from the text above it, with no blank line over
it, runs titles on so: there nothing is taken back (:func:`_titles_set_apart_above`); nor on
a page with no blank line at all (PyMuPDF), nor where titles follow their bodies.
"""

from __future__ import annotations

import dataclasses

from shared.parsing.block import Block
from shared.parsing.columns import at_body_measure, piece_column
from shared.parsing.line_adjacency import LineOrder
from shared.parsing.lines import joined_text
from shared.parsing.text_ends import closes_text
from shared.parsing.topic import text_bigrams, vocabulary
from shared.parsing.units import Item, TitleGroup, Unit, body_lines

# A line at a measure of its own speaks of the body above when that body holds at least this
# many of its character bigrams (a subhead is short: two words of its body's are evidence).
MIN_SHORT_HITS = 2


def return_run_on_titles(
    items: list[Item], order: LineOrder, *, leaving_open: bool = False
) -> list[Item]:
    """``items`` with the leading blocks of each title group that run on from the body of the
    article unit right above it (:func:`_run_on_count`) joined to the body block they run on
    from; a group left with no block goes.  ``items`` itself when nothing moves; for a page
    whose titles stand over their bodies and whose extractor parts them from the text above
    (:func:`_titles_set_apart_above`).

    ``leaving_open``: only lines that leave their column open, their last at the body's
    measure and ending no sentence (:func:`_leave_open`).  So asked before stray pieces are
    put back (:mod:`.stray_moves`): a column's foot taken for a title (a paragraph's first
    line at the foot, ``传统质谱技术检测锂同`` over a blank line and the next article's byline)
    would leave the column ending on the sentence above it, closed, and the piece carrying
    its text on in another column (``位素面临高放射性…``) would find nothing hanging to go
    on from.  A subhead alone at a column's foot leaves no sentence open, and is left for
    the title stage, which asks again without the restriction."""
    if order.sets_nothing_apart or not _titles_set_apart_above(items, order):
        return items
    out: list[Item] = []
    changed = False
    for index, item in enumerate(items):
        host = out[-1] if out else None
        below = items[index + 1] if index + 1 < len(items) else None
        if (
            isinstance(item, TitleGroup)
            and isinstance(host, Unit)
            and host.kind == "article"
            and host.body
        ):
            place = _block_run_on_from(host, item.blocks[0], order)
            count = _run_on_count(host, place, item.blocks, order, below) if place >= 0 else 0
            if count and leaving_open and not _leave_open(host, item.blocks[:count]):
                count = 0
            if count:
                changed = True
                out[-1] = _with_lines_joined(host, place, item.blocks[:count])
                if count < len(item.blocks):
                    out.append(TitleGroup(blocks=item.blocks[count:]))
                continue
        out.append(item)
    return out if changed else items


def _titles_set_apart_above(items: list[Item], order: LineOrder) -> bool:
    """The page's extractor parts its titles from the text above them: every title run into
    the article opening under it (a headline over its dateline or byline, with the title
    blocks run into it in turn) stands under a blank line, and at least one title is so run
    in.  (Lines run into a body going on under them may be a subhead, or body text taken for
    a title: they say nothing of how the page sets its titles.)  An extractor
    or a hand that runs a stack on from the text above as well (``…列席会议。`` /
    ``陆军军医大学护士——`` / ``“五朵金花”绽放一线…`` / ``■ 首席记者 胡霞``) may set a kicker
    so, and a line run on is no sign of body text there."""
    run_in = False
    for index, item in enumerate(items[:-1]):
        below = items[index + 1]
        if not isinstance(item, TitleGroup) or not isinstance(below, Unit) or not below.anchored:
            continue
        lines = [line for block in (*below.bylines, *below.body) for line in block.lines]
        if not lines or not order.runs_into(item.blocks[-1].last, lines[0]):
            continue
        run_in = True
        top = len(item.blocks) - 1
        while top > 0 and order.runs_into(item.blocks[top - 1].last, item.blocks[top].first):
            top -= 1
        if not order.set_apart_above(item.blocks[top].first):
            return False
    return run_in


def _block_run_on_from(host: Unit, block: Block, order: LineOrder) -> int:
    """The index of the host's body block that ``block`` runs on from (its last line right
    over the block's first), or -1.  Usually the last; a column read back under its upper
    part (:mod:`.column_bands`, :mod:`.stray_moves`) may stand after it."""
    for index in range(len(host.body) - 1, -1, -1):
        if order.runs_into(host.body[index].last, block.first):
            return index
    return -1


def _run_on_count(
    host: Unit, place: int, blocks: list[Block], order: LineOrder, below: Item | None = None
) -> int:
    """How many of a title group's leading text blocks run on, each from the line before it,
    from the body of ``host`` (the article unit above the group; from its body block at
    ``place``), when the first of them holds a line at that body's measure or speaks of it
    (:func:`_speaks_of`, rather than of the unit ``below`` the group) and a blank line stands
    under the last of them (0 otherwise: lines run into the text on both sides are left to
    the rules that weigh their shape and words)."""
    column = piece_column([line for block in host.body for line in block.lines])
    if not blocks or column <= 0:
        return 0
    at_measure = any(at_body_measure(line, column) for line in blocks[0].lines)
    if not at_measure and not _speaks_of(host, blocks[0], below):
        return 0
    count = 0
    above = host.body[place].last
    for block in blocks:
        if block.kind != "text" or not order.runs_into(above, block.first):
            break
        count += 1
        above = block.last
    return count if count and order.set_apart_below(above) else 0


def _leave_open(host: Unit, blocks: list[Block]) -> bool:
    """The last of the lines run on from ``host``'s body ends no sentence at that body's
    measure (as wide as its column, or as its indented first line): the column's text goes
    on elsewhere, as no title's last line and no subhead leaves it."""
    column = piece_column([line for block in host.body for line in block.lines])
    last = blocks[-1].last
    return column > 0 and not closes_text(last) and at_body_measure(last, column)


def _speaks_of(host: Unit, block: Block, below: Item | None) -> bool:
    """The block's words recur in the host's body, clearly more than in the body under the
    group (a title's words recur in its own article's body)."""
    words = text_bigrams(joined_text(block.lines))
    own = len(words & vocabulary(body_lines(host)))
    other = len(words & vocabulary(body_lines(below))) if isinstance(below, Unit) else 0
    return own >= MIN_SHORT_HITS and own > 2 * other


def _with_lines_joined(host: Unit, place: int, blocks: list[Block]) -> Unit:
    """``host`` with the lines of ``blocks`` joined to its body block at ``place``, as
    extracted."""
    above = host.body[place]
    lines = [*above.lines, *(line for block in blocks for line in block.lines)]
    joined = Block(above.kind, lines, above.rule, above.blanks_before, above.under_band)
    return dataclasses.replace(host, body=[*host.body[:place], joined, *host.body[place + 1 :]])
