"""A byline is part of a module's head: it goes where the head's title goes.

Chinese papers set an article's byline (``本报记者 张立``) right under its title stack, over
its body: the title and its byline are one head.  An extractor that reads a row of modules
across (each module's head, then the columns of the bodies in turn) can read a head away
from its body, over another module's text, a photo's caption or the other modules' heads;
the title stage still finds the title's body (:func:`.articles.titled_items`, the title run
splitting and stray title moves), but the byline, read as the opening of whatever unit stands
under it, stays there: the title's article loses its reporters, and another article (or an
empty unit of its own) gets them.  One article has one set of credits where it opens, so a
byline only goes to an article that opens credited nowhere (no byline, no names in its
dateline).

- A byline block run into the last line of a title group (no blank line between them, as
  the extractor reads a head set in one piece) follows that group to the unit it titles.
- A byline standing alone (no body under it: a title, a photo or another byline follows) was
  read with the heads of its row, after its own title: it goes to the nearest title group
  read above it whose unit opens uncredited.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shared.parsing.block import Block
from shared.parsing.credits import Credits, parse_credits
from shared.parsing.datelines import match_dateline
from shared.parsing.lines import joined_text
from shared.parsing.units import Item, TitleGroup, Unit


def carry_title_bylines(
    items: list[Item], assignment: Mapping[int, int], before: bool, blocks: Sequence[Block]
) -> set[int]:
    """Move bylines to the units their titles head (``assignment``: title group index →
    unit index, ``before``: the page sets its titles over their bodies; ``blocks``: all the
    page's blocks), as the module says; returns the indexes of units left with nothing,
    which make no article.  A title given against the page's direction (a body above a
    title set over its bodies) is given on weaker evidence, and takes no byline."""
    heads = {g: u for g, u in assignment.items() if (u > g) == before}
    holders: dict[int, tuple[int, Block]] = {}  # byline's first line → (unit index, block)
    for index, item in enumerate(items):
        if isinstance(item, Unit) and item.kind == "article":
            for block in item.bylines:
                holders[block.first.number] = (index, block)
    emptied: set[int] = set()
    for group_index, unit_index in heads.items():
        group = items[group_index]
        assert isinstance(group, TitleGroup)
        found = holders.get(_last_line(group) + 1)
        if found is not None and found[0] != unit_index and not found[1].blanks_before:
            _move(items, found[0], [found[1]], unit_index, emptied)
    # lone and displaced bylines: to the nearest title of the heads read above them whose
    # unit opens uncredited
    title_ends = {
        _last_line(item): heads.get(g) for g, item in enumerate(items) if isinstance(item, TitleGroup)
    }
    head_lines = {
        line.number
        for item in items
        for block in (item.blocks if isinstance(item, TitleGroup) else item.bylines)
        for line in block.lines
    }
    text_lines = {line.number for block in blocks for line in block.lines}
    assigned = set(assignment.values())
    for index, item in enumerate(items):
        if not isinstance(item, Unit) or item.kind != "article" or not item.bylines:
            continue
        if _lone_byline(item):
            if index in assigned:
                continue
            strays = [list(item.bylines)]
        else:
            strays = displaced_bylines(item)
        for stray in strays:
            number = stray[0].first.number - 1
            while number > 0 and (number not in text_lines or number in head_lines):
                if number in title_ends:
                    unit_index = title_ends[number]
                    if unit_index is None:
                        break  # a title that heads no body here: the byline may be its
                    if unit_index != index and _uncredited(items[unit_index]):
                        _move(items, index, stray, unit_index, emptied)
                        break
                number -= 1
    return emptied


def displaced_bylines(unit: Unit) -> list[list[Block]]:
    """The unit's byline lines that another module's head put there, in runs read together
    (no blank line between): where its dateline names its reporters, every run naming
    none of them; else, where a run of bylines runs into the body (no blank line between),
    the runs set apart above it.  A head's credit lines (``本报记者 张立`` / ``本报通讯员
    李响``) are set together, right over the body, and one article is credited once where
    it opens."""
    runs: list[list[Block]] = []
    for block in unit.bylines:
        if runs and block.first.number == runs[-1][-1].last.number + 1:
            runs[-1].append(block)
        else:
            runs.append([block])
    named = _names(dateline_credits(unit))
    if named:
        return [run for run in runs if _run_names(run) and named.isdisjoint(_run_names(run))]
    if len(runs) < 2 or not unit.body or unit.body[0].first.number != runs[-1][-1].last.number + 1:
        return []
    return [run for run in runs[:-1] if _run_names(run)]


def _run_names(run: list[Block]) -> set[str]:
    credits = Credits()
    for block in run:
        credits.extend(parse_credits(joined_text(block.lines)))
    return set(credits.reporters)


def _move(
    items: list[Item], holder_index: int, blocks: list[Block], target_index: int,
    emptied: set[int],
) -> None:
    """Move ``blocks`` (bylines of the unit at ``holder_index``) to the unit at
    ``target_index`` where that opens uncredited; a holder left with nothing goes in
    ``emptied``."""
    target, holder = items[target_index], items[holder_index]
    assert isinstance(target, Unit) and isinstance(holder, Unit)
    if not _uncredited(target):
        return
    for block in blocks:
        holder.bylines.remove(block)
    target.bylines.extend(blocks)
    if not holder.bylines and not holder.body and not holder.markers:
        emptied.add(holder_index)


def _last_line(item: Item) -> int:
    if isinstance(item, TitleGroup) and item.blocks:
        return item.blocks[-1].last.number
    return -1


def _lone_byline(item: Item) -> bool:
    return (
        isinstance(item, Unit)
        and item.kind == "article"
        and bool(item.bylines)
        and not item.body
        and not item.markers
    )


def _uncredited(item: Item) -> bool:
    """An article unit that opens with no byline and no dateline naming its reporters."""
    return (
        isinstance(item, Unit)
        and item.kind == "article"
        and not item.bylines
        and not _names(dateline_credits(item))
    )


def dateline_credits(unit: Unit) -> Credits:
    """The names of the dateline the unit opens with (``本报北京1月6日电（记者刘毅）``)."""
    if not unit.body or not unit.body[0].opens_with_dateline:
        return Credits()
    dateline = match_dateline(joined_text(unit.body[0].lines))
    return dateline.credits if dateline is not None else Credits()


def _names(credits: Credits) -> set[str]:
    return {*credits.reporters, *credits.correspondents}


def credited_otherwise(unit: Unit, bylines: list[Block]) -> bool:
    """The unit opens credited (its bylines, its dateline's names) and ``bylines`` name none
    of those: one article has one set of credits, so they are another article's."""
    opening = dateline_credits(unit)
    for block in unit.bylines:
        opening.extend(parse_credits(joined_text(block.lines)))
    named = _names(opening)
    if not named:
        return False
    other = Credits()
    for block in bylines:
        other.extend(parse_credits(joined_text(block.lines)))
    names = _names(other)
    return bool(names) and named.isdisjoint(names)
