"""A byline read over a photo's caption: the extractor put the module's photo (its caption
and credit) between the byline that opens an article and the body under it."""

from __future__ import annotations

from shared.parsing.stray_pieces import opens_mid_clause
from shared.parsing.units import Item, Unit, lone_byline, past_photos


def join_bylines_past_photos(items: list[Item]) -> list[Item]:
    """A byline with no body of its own, then one or more photos, then a piece of body that
    opens like no article (no byline, dateline or 上接 marker) and not on the end of a
    clause (a column's broken-off foot): the byline opens that body.  A module sets its
    photo under its title and byline and the extractor reads the caption there; the body
    the byline credits is the one under the photo, and a body cannot go without the
    opening its title and byline give it.  So whatever stands over the byline: its title,
    or, where the extractor read the row's heads apart from their bodies, the text of
    another article (credited at its own head, never by a byline set apart under it and
    over a photo)."""
    out: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        after = past_photos(items, index + 1)
        follower = items[after] if after < len(items) else None
        if (
            lone_byline(item)
            and after > index + 1
            and isinstance(follower, Unit)
            and follower.kind == "article"
            and follower.body
            and not follower.anchored
            and not opens_mid_clause(follower.body[0].first)
        ):
            assert isinstance(item, Unit)
            follower.bylines = item.bylines
            out.extend(items[index + 1 : after])
            index = after
            continue
        out.append(item)
        index += 1
    return out
