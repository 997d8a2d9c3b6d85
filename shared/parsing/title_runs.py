"""Runs of titles of modules set side by side: one title for each article under the run.

Where a row of a page holds modules side by side, each a title over its own columns, an
extractor that reads line by line across the row gives the titles set at one height as
one run (``T1``, blank, ``T2``) and then the modules' bodies one after the other (``B1``
then ``B2``, each opening with its dateline or byline).  The run is one title group and the
bodies are adjacent article units; left as they are, the first body takes the whole run as
its title stack and the second, having no title, is absorbed into it.

A title group of several blocks standing over a run of as many article units, each unit
after the first opening like an article (a dateline, a byline, a ``上接`` marker), is such
a row: the group's titles go to the units in order.  A photo set in one of the row's
modules comes out between two bodies, its caption read where it stands: the run goes on
past it, and the photo stays where it was read.  A block shaped as a kicker
(``…：``, ``…——``) introduces the block after it and a subtitle (``——…``) follows the
one before it, so those stay with their neighbour; the group is split only when the
titles so counted match the units one for one (two pieces of body under one title stack
are one article with a second dateline as well, and nothing then tells them apart), and
no title's words point clearly at another unit's body than the one it would head (a
module whose title stands higher is read first, wherever its body comes out).  A run whose
last title runs into the first body with no blank line was read with that body: it heads
it, and the titles read before it head the bylined texts after it, where each is wider
than the first body's column (:func:`read_before_neighbour`, :func:`glued_last_first`).

Where shapes and counts do not pair them (one module's kicker and headline interleaved with
the other's headline and subtitle, row by row; or two reports whose bodies share too many
common words to tell apart), the titles' own words can: a title's names and terms recur in
its own article's body.  The units are then cut into consecutive articles, each opening
like one (or, within a unit, a body block after a closed sentence on other things than
the text before it: a report with no dateline read on under its neighbour), such that
every title block points clearly at one of them; the run is shared out so when exactly
one such cut exists (:mod:`.title_words`).

Where neither pairs them, a run of two or three times as many blocks as the units under
it is the modules' title levels read across the row in turn, all kickers, then all
headlines (then all subtitles): the n-th block of each level goes to the n-th unit
(:func:`row_stacks`), when every stack so made is shaped as one and no block's words point
at another unit's body.  Four or more title blocks are never one article's stack, so the
units need not speak of different things here.

Last, a run where each unit has a title pointing clearly at its body and the other blocks
only lean on one body (a word of it, 好戏, and none or fewer of any other's) is shared out
by those words too, each unit opening like an article heading a part of its own, when every
stack so made is shaped as one: a module's second title level often names nothing of its
body, and left in the run it stays over the first body, a kicker of the wrong article.
"""

from __future__ import annotations

import itertools

from shared.parsing.block import Block
from shared.parsing.columns import SAME_WIDTH, column_width
from shared.parsing.datelines import match_dateline
from shared.parsing.lines import joined_text
from shared.parsing.title_roles import (
    is_kicker_shaped,
    is_lead_in_kicker,
    is_plain_title,
    is_subtitle,
)
from shared.parsing.title_words import parts_by_vocabulary, points_against
from shared.parsing.units import Item, TitleGroup, Unit, body_lines, is_photo, speak_apart


def split_title_runs(items: list[Item], *, bylined: bool = False) -> list[Item]:
    """``items`` with each title run over as many article units split, one title group set
    before each unit (see the module's docstring); other items unchanged.  For a page whose
    titles stand over their bodies: where they follow them, the group after a unit is its
    title and the units after the group have titles of their own.

    ``bylined``: only runs whose units each open with a byline are split (see
    :func:`split_gathered_runs`)."""
    out: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, TitleGroup) and len(item.blocks) > 1:
            span = _article_span(items, index + 1)
            headed = _split_run(item, span, bylined=bylined)
            if headed is None and any(map(is_photo, span)):
                span = span[: next(i for i, unit in enumerate(span) if is_photo(unit))]
                headed = _split_run(item, span, bylined=bylined)
            if headed is not None:
                out.extend(headed)
                index += 1 + len(span)
                continue
        out.append(item)
        index += 1
    return out


def _split_run(group: TitleGroup, span: list[Item], *, bylined: bool) -> list[Item] | None:
    """The span under a title run with the run's stacks set over its units, or None where
    they cannot be paired (see the module's docstring)."""
    run = [unit for unit in span if isinstance(unit, Unit) and unit.kind == "article"]
    if bylined and not all(unit.bylines for unit in run):
        return None
    titles = title_stacks(group.blocks)
    anchored = all(unit.anchored for unit in run[1:])
    if (
        len(run) == len(titles)
        and anchored
        and all(
            speak_apart(first, second) or dated_apart(first, second)
            for first, second in itertools.pairwise(run)
        )
    ):
        if not _glued_to(group, run[0]):
            if not points_against(titles, run):
                return _headed(span, [[unit] for unit in run], titles)
        elif read_before_neighbour(titles, run):
            paired = glued_last_first(titles)
            if not points_against(paired, run):
                return _headed(span, [[unit] for unit in run], paired)
    return _shared_out(group, run, span, anchored=anchored)


def read_before_neighbour(stacks: list[list[Block]], run: list[Unit]) -> bool:
    """The titles read before the one that runs into the run's first body are other
    modules' titles: each is wider than that body's column (a title line, set in type no
    smaller than the text's, stands over a column only if it fits it, so it stands over
    another module), and each text after the first opens with a byline (a byline opens a
    module's text once, never a second report of one article as a dateline may)."""
    if len(stacks) < 2 or not all(unit.bylines for unit in run[1:]):
        return False
    column = column_width(body_lines(run[0]))
    return column > 0 and all(
        max(line.width for block in stack for line in block.lines) > column + SAME_WIDTH
        for stack in stacks[:-1]
    )


def glued_last_first(stacks: list[list[Block]]) -> list[list[Block]]:
    """The stacks of a run whose last title runs into the first body with no blank line,
    in the order of the bodies they head: the last stack first, then the others in order.

    A row's titles come out of the extractor as blocks of their own, the first module's
    title too; one that runs straight into a body's first line was read with that body, as
    one flow of the module's text, so it heads that body, the first of the run.  The other
    titles, read before it and set apart from it by a blank line, head the texts read after
    that body, in the order they were read: a module whose title row was read first
    (``复工复产人员可以通过公交通勤``, over ``暴雪预警升级为黄色`` glued to its
    ``本报北京1月6日电…``) has its text read after the one its neighbour's title runs into."""
    return [stacks[-1], *stacks[:-1]]


def _shared_out(
    group: TitleGroup, run: list[Unit], span: list[Item], *, anchored: bool
) -> list[Item] | None:
    """The span with the group's blocks shared out by their words, or read across the row
    level by level (see the module's docstring); None where neither pairs them."""
    parts = parts_by_vocabulary(group.blocks, run)
    if parts is not None:
        headed = _headed(span, [units for _, units in parts], [b for b, _ in parts])
        if headed is not None:
            return headed
    rows = row_stacks(group.blocks, len(run)) if anchored else None
    if rows is not None and not points_against(rows, run):
        return _headed(span, [[unit] for unit in run], rows)
    parts = parts_by_vocabulary(group.blocks, run, leaning=True)
    if parts is not None and all(_stack_shaped(blocks) for blocks, _ in parts):
        return _headed(span, [units for _, units in parts], [b for b, _ in parts])
    return None


def _headed(
    span: list[Item], parts: list[list[Unit]], stacks: list[list[Block]]
) -> list[Item] | None:
    """The items of ``span`` with each part's title stack set right before its units, a
    photo read between two modules' bodies left where it stands; None where the parts cut
    a unit of a span holding photos (nothing then says which piece a photo stood by)."""
    out: list[Item] = []
    if not any(is_photo(item) for item in span):
        for blocks, units in zip(stacks, parts, strict=True):
            out.append(TitleGroup(blocks=blocks))
            out.extend(units)
        return out
    if not all(any(unit is item for item in span) for units in parts for unit in units):
        return None
    for item in span:
        for blocks, units in zip(stacks, parts, strict=True):
            if units[0] is item:
                out.append(TitleGroup(blocks=blocks))
        out.append(item)
    return out


def split_gathered_runs(items: list[Item]) -> list[Item]:
    """``items`` with the title runs that moving stray titles gathered (:mod:`.stray_titles`)
    split as :func:`split_title_runs` splits runs, where every unit under the run opens with
    a byline.  A title read amid another module's text goes back over its own body and
    may land in the run over a row's modules (数据资产化提速… joining A股指数体系迈向精细化…
    over the bodies of 本报记者 杨笑寒 and 本报记者 田 鹏); a byline opens each module's
    text once, never a second report of one article as a dateline may, so such a run pairs
    its titles with its modules as a run read so from the start does."""
    return split_title_runs(items, bylined=True)


def dated_apart(upper: Unit, lower: Unit) -> bool:
    """``lower`` opens with a dateline that cannot be a second report of ``upper``'s
    article, whatever the two speak of (two reports of one city's news share their words).

    A paper sets a second report under one title after the first report's finished text,
    and its dateline says what is new about it: a place and date of its own
    (``本报北京1月17日电…``) or another reporter (``本报讯（记者 李强）…``).  So a dateline under
    text stopping short of a sentence's end (a dateline never goes on with a sentence) opens
    another article, and so does one repeating the upper report's dateline word for word,
    byline and all (``本报讯…`` under ``本报讯…``: the paper's own dateline opening each
    module of a row)."""
    if not upper.body or not lower.body or not lower.body[0].opens_with_dateline:
        return False
    if not upper.body[-1].ends_sentence:
        return True
    if not upper.body[0].opens_with_dateline:
        return False
    first = match_dateline(joined_text(upper.body[0].lines))
    second = match_dateline(joined_text(lower.body[0].lines))
    return (
        first is not None
        and second is not None
        and (first.place, first.byline) == (second.place, second.byline)
    )


def _glued_to(group: TitleGroup, unit: Unit) -> bool:
    """The group's last title runs into the unit's head with no blank line between: one
    flow of text, so one module's title stack over its own body.  Titles read across a
    row come out as blocks of their own, apart from the first module's body."""
    head = unit.bylines[0] if unit.bylines else unit.body[0] if unit.body else None
    return head is not None and not head.blanks_before and len(group.blocks) > 1


def _article_span(items: list[Item], start: int) -> list[Item]:
    """The adjacent article units from ``start`` on (a 下转 marker closes the run), with the
    photos read between two of them: a row's modules come out one after the other, and a
    photo set in one of them comes out between their texts, its caption read where it
    stands (a title reaches the body it stands over past a photo: :func:`.past_photos`)."""
    end = start
    for index in range(start, len(items)):
        item = items[index]
        if is_photo(item) and end > start:
            continue
        if not isinstance(item, Unit) or item.kind != "article":
            break
        end = index + 1
        if any(marker.forward for marker in item.markers):
            break
    return items[start:end]


def title_stacks(blocks: list[Block]) -> list[list[Block]]:
    """The blocks of a title group → the title stacks they make: a kicker-shaped block goes
    with the block after it, a subtitle with the block before it.  A row of kickers
    (``徐建平：``, ``陈洲贵：``) followed by as many plain blocks is a row of side-by-side
    stacks read across twice, kickers then headlines: the n-th kicker goes with the n-th
    headline (a kicker announces one headline, never another kicker)."""
    stacks: list[list[Block]] = []
    index = 0
    while index < len(blocks):
        kickers = _kicker_row(blocks, index)
        headlines = blocks[index + kickers : index + 2 * kickers]
        if kickers >= 2 and len(headlines) == kickers and all(map(_plain, headlines)):
            kicker_row = blocks[index : index + kickers]
            stacks.extend([k, h] for k, h in zip(kicker_row, headlines, strict=True))
            index += 2 * kickers
            continue
        block = blocks[index]
        if stacks and (
            is_subtitle(joined_text(block.lines))
            or is_kicker_shaped(joined_text(stacks[-1][-1].lines))
        ):
            stacks[-1].append(block)
        else:
            stacks.append([block])
        index += 1
    return stacks


def row_stacks(blocks: list[Block], columns: int) -> list[list[Block]] | None:
    """The blocks of a title group read across a row of ``columns`` side-by-side modules
    that all stack as many title levels, level by level (kickers, then headlines, then
    subtitles): the n-th block of each level goes to the n-th module.  None unless the
    blocks fill two or three such levels and every stack so made is shaped as one (a
    kicker ``…：``/``…——`` never its last level, a subtitle ``——…`` never its first)."""
    levels, rest = divmod(len(blocks), columns) if columns >= 2 else (0, 1)
    if rest or not 2 <= levels <= 3:
        return None
    stacks = [blocks[column::columns] for column in range(columns)]
    if any(_kicker(stack[-1]) or is_subtitle(joined_text(stack[0].lines)) for stack in stacks):
        return None
    return stacks


def _stack_shaped(blocks: list[Block]) -> bool:
    """Shaped as one module's title stack: a lead-in kicker (``…：``, ``…——``) never its last
    block, a subtitle (``——…``) never its first."""
    return not _kicker(blocks[-1]) and not is_subtitle(joined_text(blocks[0].lines))


def _kicker(block: Block) -> bool:
    return is_lead_in_kicker(joined_text(block.lines))


def _plain(block: Block) -> bool:
    return is_plain_title(joined_text(block.lines))


def _kicker_row(blocks: list[Block], start: int) -> int:
    """How many kicker-shaped blocks stand in a row from ``start``."""
    end = start
    while end < len(blocks) and _kicker(blocks[end]):
        end += 1
    return end - start
