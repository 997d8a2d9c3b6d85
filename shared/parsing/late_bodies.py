"""A title standing over no text heads the one untitled text read after it.

A module whose title (and byline) stands over a photo, or over nothing the extractor read
next, comes out as a title over no body: a byline with no text under it, or a photo's
caption and then another module's title.  The module's text was read later, after the
texts of the modules beside it (an extractor reads a row's titles first and the bodies
under them after).  Such a title is given no article (a byline alone takes no title), and
the text, left without one, stands as an untitled article.

Where the page sets its titles over their bodies, a title group given no article and
standing over no text (see :func:`_over_no_text`) heads the one article unit after it on
the page that is left untitled (no title given it, none absorbed it, no piece placed it),
when there is exactly one and it opens neither on a clause's end nor as a piece of another
text (:func:`.untitled_pieces.is_piece`: a text broken off at a column's foot goes on
there): a title stands higher than its text, so the text comes after it, and with one
candidate nothing else could take it.  The lone byline under the title goes along with
it, unless the text opens with a byline of its own.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from shared.parsing.stray_pieces import BodyShape, opens_mid_clause
from shared.parsing.units import (
    Item,
    TitleGroup,
    Unit,
    is_photo,
    lone_byline,
    past_photos,
    unit_at,
)
from shared.parsing.untitled_pieces import is_piece


def head_bodies_read_later(
    items: list[Item],
    assignment: dict[int, int],
    untitled: Collection[int],
    absorbed: set[int],
    shape: BodyShape,
) -> None:
    """Give each title group standing over no text the untitled unit its text is (see the
    module's docstring): ``assignment`` (title group index → unit index) takes the pair,
    the lone byline under the title joins the unit's bylines and ``absorbed`` (the units
    making no article of their own) takes its index."""
    for group, unit, byline in title_bodies_read_later(items, assignment, untitled, shape):
        if byline is not None and byline in absorbed:
            continue
        assignment[group] = unit
        if byline is not None:
            unit_at(items, unit).bylines[:0] = unit_at(items, byline).bylines
            absorbed.add(byline)


def title_bodies_read_later(
    items: list[Item],
    assignment: Mapping[int, int],
    untitled: Collection[int],
    shape: BodyShape,
) -> list[tuple[int, int, int | None]]:
    """``(group, unit, byline)`` for each title group given no article (``assignment``:
    group index → unit index) that stands over no text and heads the one unit of
    ``untitled`` (the article units left untitled, indexes into ``items``) after it;
    ``byline``: the index of the lone byline unit under the title that goes along (None when
    there is none, or the text has a byline of its own).  ``shape``: how the page's body is
    set."""
    found: list[tuple[int, int, int | None]] = []
    taken: set[int] = set()
    for index, item in enumerate(items):
        if not isinstance(item, TitleGroup) or index in assignment or not item.blocks:
            continue
        under = _over_no_text(items, index)
        if under is None:
            continue
        later = [
            unit
            for unit in untitled
            if unit > index and unit not in taken and unit_at(items, unit).takes_title
        ]
        if len(later) != 1:
            continue
        target = later[0]
        unit = items[target]
        assert isinstance(unit, Unit)
        byline = under if under >= 0 else None
        if (byline is not None and unit.bylines) or _opens_mid_clause(unit):
            continue
        if is_piece(unit, shape):
            continue
        found.append((index, target, byline))
        taken.add(target)
    return found


def _opens_mid_clause(unit: Unit) -> bool:
    """The unit's text opens on the end of a clause (:func:`.stray_pieces.opens_mid_clause`):
    a piece of a text broken off at another column's foot, which no title heads."""
    return not unit.bylines and bool(unit.body) and opens_mid_clause(unit.body[0].first)


def _over_no_text(items: list[Item], index: int) -> int | None:
    """How the title group at ``index`` stands over no text: the index of the lone byline
    under it (past the photos set between; a byline with no text under it), -1 where photos
    and then another title or the page's end follow it, None where it stands over text."""
    below = past_photos(items, index + 1)
    if below < len(items) and lone_byline(items[below]):
        return below
    if below == index + 1 or not is_photo(items[index + 1]):
        return None
    if below == len(items) or isinstance(items[below], TitleGroup):
        return -1
    return None
