"""Whose credits an article unit carries: the names it opens with (its byline, its
dateline's), and whether a credit elsewhere names others (one article has one set of
credits, so another's credit marks another article or a photo)."""

from __future__ import annotations

import re

from shared.parsing.blank_lines import column_grid
from shared.parsing.bylines import match_closing_byline
from shared.parsing.columns import local_column_widths
from shared.parsing.credits import NAME, Credits, parse_credits
from shared.parsing.datelines import match_dateline
from shared.parsing.lines import joined_text
from shared.parsing.photo_credits import match_credit_alone
from shared.parsing.units import Unit

_NAME = re.compile(NAME)


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


def open_credited_apart(upper: Unit, lower: Unit, blanks_tell: bool) -> bool:
    """Two units, ``lower`` under ``upper`` in page order, are two reports, each credited at
    its head: ``lower`` opens credited (see below), and ``upper`` names none of its reporters
    where it opens.

    The head is a dateline's byline set apart from the text above by a blank line that is
    no paragraph break (the page does not part its paragraphs with blank lines:
    ``blanks_tell``) nor a column break by the bodies' column grid (:func:`_column_top`): a
    second report printed as a paragraph of its article (``…”他说。`` / ``本报北京5月19日电
    （记者程龙）…``, a wire report and the paper's own under one title) runs on as
    paragraphs do, over a column's end or not; or a byline with its text set right under
    it, under finished text: a byline standing apart (blank lines around it), or read into
    text that stops mid-sentence, may be another module's, its text elsewhere.  A second
    dateline that credits no one anew (``本报北京1月17日电…``) says nothing."""
    if not lower.body or not upper.body:
        return False
    if lower.bylines:
        if lower.body[0].blanks_before or not upper.body[-1].ends_sentence:
            return False
    elif not lower.body[0].blanks_before or not blanks_tell:
        return False
    opening = _opening_credits(lower)
    names = [*opening.reporters, *opening.correspondents]
    return (
        bool(names)
        and all(_NAME.fullmatch(name) for name in names)  # (no justified line of text)
        and _credits_others(upper, opening)
        and (bool(lower.bylines) or not _column_top(upper, lower))
    )


def _column_top(upper: Unit, lower: Unit) -> bool:
    """``lower`` opens at a column's top by the column grid of both bodies
    (:func:`column_grid`): the blank line over it is a column break, and says nothing of
    where a report opens."""
    blocks = [*upper.body, *lower.body]
    lines = [line for block in blocks for line in block.lines]
    return lower.body[0].first.number in column_grid(blocks, local_column_widths(lines)).starts


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
    credit = match_credit_alone(joined_text(trailing.bylines[0].lines))
    if credit is None:
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
