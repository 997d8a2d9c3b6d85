"""Whose credits an article unit carries: the names it opens with (its byline, its
dateline's), and whether a credit elsewhere names others (one article has one set of
credits, so another's credit marks another article or a photo)."""

from __future__ import annotations

from shared.parsing.bylines import match_closing_byline
from shared.parsing.credits import Credits, parse_credits
from shared.parsing.datelines import match_dateline
from shared.parsing.lines import joined_text
from shared.parsing.photo_credits import match_photo_credit
from shared.parsing.units import Unit


def credited_apart(host: Unit, follower: Unit) -> bool:
    """The follower closes with a credit of its own (``（据新华社北京7月11日电 记者 王悦阳）``)
    naming none of the reporters the host opens with (in its dateline or byline): two
    reports, each credited, not one article and a section of it.  (A credit closing a long
    article with sections names the article's reporters; a host opening with none says
    nothing.)"""
    if not follower.body:
        return False
    closing = match_closing_byline(joined_text(follower.body[-1].lines))
    return closing is not None and _credits_others(host, closing.credits)


CAPTION_RULE = "a caption with its credit under it, under a body credited apart"
# The most lines a caption set as a block of its own under a body runs to.
CAPTION_MAX_LINES = 4


def credits_a_caption(previous: Unit, trailing: Unit) -> bool:
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
    credit = match_photo_credit(joined_text(trailing.bylines[0].lines))
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
        opening.extend(parse_credits(joined_text(byline.lines)))
    if unit.body and unit.body[0].opens_with_dateline:
        dateline = match_dateline(joined_text(unit.body[0].lines))
        if dateline is not None:
            opening.extend(dateline.credits)
    return opening
