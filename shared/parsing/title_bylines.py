"""A byline is part of a module's head: it goes where the head's title goes.

Chinese papers set an article's byline (``本报记者 张立``, with ``本报通讯员 李响`` under it)
right under its title stack, over its body: title and byline are one head, and one article
is credited once where it opens (a byline, or the names in its dateline's parentheses).  An
extractor that reads a row of modules across (the heads of the row, then the columns of the
bodies in turn) can read a head away from its body: over another module's text, a photo's
caption or the other heads.  The title stage still finds the title's body
(:func:`.articles.titled_items`, the title-run splits and stray-title moves), but the byline,
read as the opening of whatever unit stands under it, stays there: the title's article loses
its reporters and another article (or an empty unit of its own) gets them.  So, once the
titles are given (:func:`carry_title_bylines`):

- a byline run into the last line of a title group (no blank line between: the extractor
  reads a head set in one piece as one) follows the group to the unit it titles;
- a byline standing alone (no body under it), or *displaced* over a body
  (:func:`displaced_bylines`: a run of byline lines set apart above the run that opens the
  body or from the run read right under the body's title, or naming none of the reporters
  the body's dateline names), was read with the heads
  of its row, after its own title: it goes to the nearest title of those heads read above it
  (only blank, title and byline lines between) whose unit opens uncredited;
- a displaced byline with no such title credits no article (:func:`drop_displaced_credits`):
  its names leave the reporters of the article it stands over, which opens credited
  otherwise (its line stays in that article's byline text).

A byline only goes to a unit that opens uncredited, and only on a page that sets its titles
over their bodies, along a title given downward: where titles stand under their bodies (as on
the reference page), a byline read under a title opens the next body, and a title given
against the page's direction is given on weaker evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shared.parsing.block import Block
from shared.parsing.credits import Credits, parse_credits
from shared.parsing.datelines import match_dateline
from shared.parsing.line_adjacency import LineOrder
from shared.parsing.lines import joined_text
from shared.parsing.types import ParsedArticle
from shared.parsing.units import Item, TitleGroup, Unit, lone_byline


def carry_title_bylines(
    items: list[Item], assignment: Mapping[int, int], before: bool, order: LineOrder
) -> set[int]:
    """Move bylines to the units their titles head, as the module says (``assignment``:
    title group index → unit index; ``before``: the page sets its titles over their bodies,
    else nothing moves;
    ``order``: the page's lines in reading order, furniture and blank lines too: which lines
    run into which, :mod:`.line_adjacency`).  Returns the indexes of the units left with
    nothing (a lone byline gone to its title), which make no article."""
    if not before:
        return set()  # (a byline under a title set after its body opens the next body)
    heads = {g: u for g, u in assignment.items() if u > g}
    emptied: set[int] = set()
    _carry_run_in(items, heads, order, emptied)
    _carry_strays(items, heads, set(assignment.values()), order, emptied)
    return emptied


def _carry_run_in(
    items: list[Item], heads: Mapping[int, int], order: LineOrder, emptied: set[int]
) -> None:
    """Each byline run into the last line of a title group goes to the unit it titles."""
    holders: list[tuple[int, Block]] = [
        (index, block)
        for index, item in enumerate(items)
        if isinstance(item, Unit) and item.kind == "article"
        for block in item.bylines
    ]
    for group_index, unit_index in heads.items():
        group = items[group_index]
        if not isinstance(group, TitleGroup) or not group.blocks:
            continue
        last = group.blocks[-1].last
        for holder_index, block in holders:
            if holder_index != unit_index and order.runs_into(last, block.first):
                _move(items, holder_index, [block], unit_index, emptied)
                break


def _carry_strays(
    items: list[Item],
    heads: Mapping[int, int],
    assigned: set[int],
    order: LineOrder,
    emptied: set[int],
) -> None:
    """Lone and displaced bylines go to the nearest title of the heads read above them whose
    unit opens uncredited; a title that heads no unit stops the search (the byline may be
    its own, with its body elsewhere)."""
    # id of the last line of a title group's block → the group's unit, or -1: every block,
    # not only the group's last (a title moved to its body, or a subhead read with it,
    # leaves the line the byline was read under inside the group)
    title_ends: dict[int, int] = {}
    for index, item in enumerate(items):
        if isinstance(item, TitleGroup):
            for block in item.blocks:
                title_ends[id(block.last)] = heads.get(index, -1)
    head_lines = {
        id(line)
        for item in items
        for block in (item.blocks if isinstance(item, TitleGroup) else item.bylines)
        for line in block.lines
    }
    lines = order.lines  # the page's lines as read, blank lines kept
    group_of = {u: g for g, u in heads.items()}
    for index, item in enumerate(items):
        if not isinstance(item, Unit) or item.kind != "article" or not item.bylines:
            continue
        if lone_byline(item):
            strays = [] if index in assigned else [list(item.bylines)]
        else:
            strays = displaced_bylines(item, order, _title_of(items, group_of.get(index)))
        for stray in strays:
            k = max(order.index_of(stray[0].first), 0) - 1
            # up through the heads read above (blank, title and byline lines)
            while k >= 0 and (not lines[k].text.strip() or id(lines[k]) in head_lines):
                target = title_ends.get(id(lines[k]))
                if target is not None:
                    if target < 0:
                        break
                    if target != index and _uncredited(items[target]):
                        _move(items, index, stray, target, emptied)
                        break
                k -= 1


def displaced_bylines(
    unit: Unit, order: LineOrder, title: TitleGroup | None = None
) -> list[list[Block]]:
    """The runs of the unit's byline lines (lines read together, no blank line between)
    that another module's head put over its body: where its dateline names its reporters,
    the runs naming reporters and none of those; else, where a run naming reporters opens
    the body (runs into it with no blank line), the runs naming other reporters set apart
    above it; else, where a run naming reporters is run into the last line of the unit's
    title set over it (``title``), the runs naming other reporters set apart from it.  A
    head's credit lines are set together, right under its title or right over its body,
    and one article is credited once: a second set of reporters is another module's."""
    runs: list[list[Block]] = []
    for block in unit.bylines:
        if runs and order.runs_into(runs[-1][-1].last, block.first):
            runs[-1].append(block)
        else:
            runs.append([block])
    named = _names(dateline_credits(unit))
    if named:
        return [run for run in runs if _reporters(run) and named.isdisjoint(_reporters(run))]
    if len(runs) < 2 or not unit.body:
        return []
    if order.runs_into(runs[-1][-1].last, unit.body[0].first) and _reporters(runs[-1]):
        return [run for run in runs[:-1] if _reporters(run)]
    head = _run_under_title(runs, title, order)
    if head is None or not _reporters(head):
        return []
    own = _reporters(head)
    return [
        run
        for run in runs
        if run is not head and _reporters(run).isdisjoint(own) and _reporters(run)
    ]


def _run_under_title(
    runs: Sequence[Sequence[Block]], title: TitleGroup | None, order: LineOrder
) -> Sequence[Block] | None:
    """The run of byline lines read right under the title's last line, if any."""
    if title is None or not title.blocks:
        return None
    last = title.blocks[-1].last
    return next((run for run in runs if order.runs_into(last, run[0].first)), None)


def _title_of(items: Sequence[Item], group_index: int | None) -> TitleGroup | None:
    """The title group at ``group_index`` (None: no title)."""
    if group_index is None:
        return None
    group = items[group_index]
    return group if isinstance(group, TitleGroup) else None


def drop_displaced_credits(
    article: ParsedArticle, unit: Unit, order: LineOrder, title: TitleGroup | None = None
) -> None:
    """The names of bylines still displaced over the unit's body once every byline that
    could go to its title has gone (:func:`displaced_bylines`) credit no article: they name
    the reporters of a module whose article the page does not show where they stand, and
    the article they stand over opens credited otherwise.  Their lines stay where they
    stand (in the article's byline text, as printed over it: no text is lost); their names
    leave the article's reporters and correspondents."""
    if unit.kind != "article" or not unit.body:
        return
    runs = displaced_bylines(unit, order, title)
    if not runs:
        return
    displaced = [block for run in runs for block in run]
    kept = dateline_credits(unit)
    for block in unit.bylines:
        if block not in displaced:
            kept.extend(_credits([block]))
    gone = _names(_credits(displaced)) - _names(kept)
    article.reporters = [n for n in article.reporters if n not in gone]
    article.correspondents = [n for n in article.correspondents if n not in gone]


def dateline_credits(unit: Unit) -> Credits:
    """The names of the dateline the unit opens with (``本报北京1月6日电（记者刘毅）``)."""
    if not unit.body or not unit.body[0].opens_with_dateline:
        return Credits()
    dateline = match_dateline(joined_text(unit.body[0].lines))
    return dateline.credits if dateline is not None else Credits()


def _move(
    items: list[Item], holder_index: int, blocks: list[Block], target_index: int,
    emptied: set[int],
) -> None:
    """Move ``blocks`` (bylines of the unit at ``holder_index``) to the unit at
    ``target_index`` where that opens uncredited; a holder left with nothing goes in
    ``emptied``."""
    target, holder = items[target_index], items[holder_index]
    if not isinstance(holder, Unit) or not _uncredited(target):
        return
    assert isinstance(target, Unit)
    for block in blocks:
        holder.bylines.remove(block)
    target.bylines.extend(blocks)
    if not holder.bylines and not holder.body and not holder.markers:
        emptied.add(holder_index)


def _uncredited(item: Item) -> bool:
    """An article unit that opens with no byline and no dateline naming its reporters."""
    return (
        isinstance(item, Unit)
        and item.kind == "article"
        and not item.bylines
        and not _names(dateline_credits(item))
    )


def _credits(blocks: Sequence[Block]) -> Credits:
    """The names the byline blocks credit, read a line at a time as the article reads them
    (:func:`.articles.build_article`): each byline line is a credit of its own, and lines
    joined as wrapped text would glue one line's last name to the next line's role
    (``记者 张秀鹏`` over ``本报通讯员 邓华文`` is no ``张秀鹏本报通讯员``)."""
    credits = Credits()
    for block in blocks:
        for line in block.lines:
            credits.extend(parse_credits(line.text))
    return credits


def _reporters(run: Sequence[Block]) -> set[str]:
    return set(_credits(run).reporters)


def _names(credits: Credits) -> set[str]:
    return {*credits.reporters, *credits.correspondents}
