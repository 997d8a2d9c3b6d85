"""Untitled pieces of body put back after the one text they continue.

Every article has a title.  Once titles are given out, a unit left without one that no
neighbour absorbed (:func:`shared.parsing.articles.absorb_untitled_units`) and that
opens on a line no paragraph opens with (:func:`.stray_pieces.cannot_open`: a mark no
line may open with, or a line filling its column where the page indents first lines) or
on the end of a paragraph carried over from another column (a line closing a sentence
far short of the column, text under it) is no article of its own but a piece of one: the
extractor went on to another module before the column ended and read the rest after it,
and the stray-piece stage (:mod:`.stray_moves`) did not put it back, for want of words
shared with the text it continues (an article's parts may speak of different things).
If exactly one article before it on the page hangs in that column
(:func:`.stray_pieces.hangs`: it breaks off in mid-sentence at the column's full width,
or on an indented first line) and takes the piece by shape
(:func:`.stray_pieces.takes`), the piece is that article's.  Where two or more hang so,
nothing tells which, and the piece stays an article of its own; so does one that only a
later article could take: read before the text it would continue, a flush full first
line may as well open a text whose title was lost (:func:`.stray_moves._continues_loose`
asks that direction for shared words).
"""

from __future__ import annotations

import functools
from collections.abc import Collection

from shared.parsing.stray_moves import column_up_to
from shared.parsing.stray_pieces import (
    BodyShape,
    block_column,
    can_be_stray,
    cannot_open,
    closes_carried_paragraph,
    hangs,
    takes,
)
from shared.parsing.units import Item, Unit, unit_at


def place_untitled_pieces(
    items: list[Item], untitled: Collection[int], hosts: Collection[int], shape: BodyShape
) -> set[int]:
    """Put each piece among the ``untitled`` units (indexes into ``items``) after the one
    hanging block of the ``hosts`` before it (the article units that stay) it continues;
    return the indexes of the units so emptied.  ``shape``: how the page's body is set."""
    placed: set[int] = set()
    for index in untitled:
        unit = items[index]
        if not isinstance(unit, Unit) or not is_piece(unit, shape):
            continue
        fits = [
            (host, k)
            for host in hosts
            if host < index
            for k in _hanging_blocks(items, host, shape)
            if takes(unit_at(items, host).body[k], unit.body[0], shape.indents)
        ]
        if len({host for host, _ in fits}) != 1:
            continue
        host, k = fits[-1]  # several blocks of one article: after the last, read last
        into = unit_at(items, host)
        into.body[k + 1 : k + 1] = unit.body
        into.markers.extend(unit.markers)  # a 下转 marker the piece carried is the host's
        placed.add(index)
    return placed


def is_piece(unit: Unit, shape: BodyShape) -> bool:
    """The unit opens like no article: no byline, dateline or 上接 marker over it (a
    change of topic that opened it is no such sign: that is what is in doubt), and its
    first line cannot open a paragraph (nor is it a sentence whole on one line, as a
    heading set in the body's measure is), or closes a sentence far short of the column
    with more text under it (:func:`.stray_pieces.closes_carried_paragraph`): the end of
    a paragraph carried over from a column that broke off, whatever the page's first
    lines look like (a heading closes no sentence, and news text seldom has a one-line
    paragraph so short)."""
    if not unit.body or unit.bylines or (unit.anchored and not unit.opens_text):
        return False
    first = unit.body[0]
    if not can_be_stray(first):
        return False
    column = block_column(first)
    if closes_carried_paragraph(first, column):
        return True
    if first.first.ends_sentence:
        return False
    return cannot_open(first.first, column, shape.indents)


def _hanging_blocks(items: list[Item], host: int, shape: BodyShape) -> list[int]:
    """The blocks of the host's body that hang (:func:`.stray_pieces.hangs`), each measured
    by the text up to it where it is too short to tell its column."""
    body = unit_at(items, host).body
    found = []
    for k, block in enumerate(body):
        following = body[k + 1] if k + 1 < len(body) else None
        up_to = functools.partial(column_up_to, items, (host, k))  # measured only if asked
        if hangs(block, following, shape.indents, up_to):
            found.append(k)
    return found
