"""Runs of titles of modules set side by side: one title for each article under the run.

Where a row of a page holds modules side by side, each a title over its own columns, an
extractor that reads line by line across the row gives the titles set at one height as
one run (``T1``, blank, ``T2``) and then the modules' bodies one after the other (``B1``
then ``B2``, each opening with its dateline or byline).  The run is one title group and the
bodies are adjacent article units; left as they are, the first body takes the whole run as
its title stack and the second, having no title, is absorbed into it.

A title group of several blocks standing over a run of as many article units, each unit
after the first opening like an article (a dateline, a byline, a ``上接`` marker), is such
a row: the group's titles go to the units in order.  A block shaped as a kicker
(``…：``, ``…——``) introduces the block after it and a subtitle (``——…``) follows the
one before it, so those stay with their neighbour; the group is split only when the
titles so counted match the units one for one (two pieces of body under one title stack
are one article with a second dateline as well, and nothing then tells them apart).

Where shapes and counts do not pair them (one module's kicker and headline interleaved with
the other's headline and subtitle, row by row; or two reports whose bodies share too many
common words to tell apart), the titles' own words can: a title's names and terms recur in
its own article's body.  The units are then cut into consecutive articles, each opening
like one (or, within a unit, a body block after a closed sentence on other things than
the text before it: a report with no dateline read on under its neighbour), such that
every title block points clearly at one of them; the run is shared out so when exactly
one such cut exists.
"""

from __future__ import annotations

import itertools

from shared.parsing.block import Block
from shared.parsing.normalise import join_wrapped, remove_layout_spaces
from shared.parsing.text_ends import _closes_text
from shared.parsing.title_roles import is_kicker_shaped, is_subtitle
from shared.parsing.topic import lines_share_topic, text_bigrams
from shared.parsing.units import Item, TitleGroup, Unit, speak_apart

# A title block goes to the body holding at least this many of its character bigrams (a
# two-character name or term shared by chance gives one).
_MIN_TITLE_HITS = 2


def split_title_runs(items: list[Item]) -> list[Item]:
    """``items`` with each title run over as many article units split, one title group set
    before each unit (see the module's docstring); other items unchanged.  For a page whose
    titles stand over their bodies: where they follow them, the group after a unit is its
    title and the units after the group have titles of their own."""
    out: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, TitleGroup) and len(item.blocks) > 1:
            run = _article_run(items, index + 1)
            titles = title_stacks(item.blocks)
            if len(run) == len(titles) and all(
                second.anchored and speak_apart(first, second)
                for first, second in itertools.pairwise(run)
            ):
                for blocks, unit in zip(titles, run, strict=True):
                    out.append(TitleGroup(blocks=blocks))
                    out.append(unit)
                index += 1 + len(run)
                continue
            parts = _parts_by_vocabulary(item.blocks, run)
            if parts is not None:
                for blocks, units in parts:
                    out.append(TitleGroup(blocks=blocks))
                    out.extend(units)
                index += 1 + len(run)
                continue
        out.append(item)
        index += 1
    return out


def _article_run(items: list[Item], start: int) -> list[Unit]:
    """The adjacent article units from ``start`` on (a 下转 marker closes the run)."""
    run: list[Unit] = []
    for item in items[start:]:
        if not isinstance(item, Unit) or item.kind != "article":
            break
        run.append(item)
        if any(marker.forward for marker in item.markers):
            break
    return run


def title_stacks(blocks: list[Block]) -> list[list[Block]]:
    """The blocks of a title group → the title stacks they make: a kicker-shaped block goes
    with the block after it, a subtitle with the block before it."""
    stacks: list[list[Block]] = []
    for block in blocks:
        if stacks and (
            is_subtitle(block_text(block)) or is_kicker_shaped(block_text(stacks[-1][-1]))
        ):
            stacks[-1].append(block)
        else:
            stacks.append([block])
    return stacks


def _parts_by_vocabulary(
    blocks: list[Block], run: list[Unit]
) -> list[tuple[list[Block], list[Unit]]] | None:
    """A run of title blocks over article units that the titles' own words share out: the
    units cut into consecutive articles such that every title block clearly points at one
    of them (a title's names and terms recur in its own article's body: at least
    ``_MIN_TITLE_HITS`` of its bigrams there, more than twice as many as in any other) and
    each gets a block, in page order.  The rows of side-by-side modules' kickers, headlines
    and subtitles interleave, so neither their order nor their shape pairs them, and two
    reports on related things may share too many common words for their bodies alone to
    tell them apart.  An article opens a unit that opens like one (a dateline, a byline),
    or a body block after a closed sentence where the text on the two sides speaks of
    different things (a report with no dateline, read on under the one before it).  None
    unless exactly one such cut exists."""
    pieces = [(unit, block) for unit, item in enumerate(run) for block in range(len(item.body))]
    if len(pieces) < 2 or not all(item.body for item in run):
        return None
    starts = [
        index
        for index, (unit, block) in enumerate(pieces)
        if index > 0
        and (run[unit].anchored if block == 0 else _closes_text(run[unit].body[block - 1].last))
    ]
    words = [text_bigrams(block_text(block)) for block in blocks]
    found: list[tuple[list[Block], list[Unit]]] | None = None
    for size in range(1, min(len(starts) + 1, len(blocks))):
        for cut in itertools.combinations(starts, size):
            bounds = list(itertools.pairwise([0, *cut, len(pieces)]))
            lines = [
                [line for unit, block in pieces[start:end] for line in run[unit].body[block].lines]
                for start, end in bounds
            ]
            vocabularies = [text_bigrams("".join(line.text for line in part)) for part in lines]
            given = _give_blocks(blocks, words, vocabularies)
            if given is None or not all(
                pieces[start][1] == 0 or not lines_share_topic(before, after)
                for (start, _), before, after in zip(bounds[1:], lines[:-1], lines[1:], strict=True)
            ):
                continue
            if found is not None:
                return None
            parts = [_part_units(run, pieces[start:end]) for start, end in bounds]
            found = list(zip(given, parts, strict=True))
    return found


def _part_units(run: list[Unit], pieces: list[tuple[int, int]]) -> list[Unit]:
    """The units of a run that the body blocks ``pieces`` make: whole units as they are, a
    unit cut at a body block in two (its bylines and 上接 markers with the head, its 下转
    markers with the tail)."""
    units: list[Unit] = []
    for index, group in itertools.groupby(pieces, key=lambda piece: piece[0]):
        unit = run[index]
        taken = [block for _, block in group]
        first, last = taken[0], taken[-1] + 1
        if first == 0 and last == len(unit.body):
            units.append(unit)
            continue
        units.append(
            Unit(
                kind=unit.kind,
                bylines=unit.bylines if first == 0 else [],
                body=unit.body[first:last],
                markers=[
                    marker
                    for marker in unit.markers
                    if (marker.forward and last == len(unit.body))
                    or (not marker.forward and first == 0)
                ],
                intertitles=set(unit.intertitles),
            )
        )
    return units


def _give_blocks(
    blocks: list[Block], words: list[frozenset[str]], vocabularies: list[frozenset[str]]
) -> list[list[Block]] | None:
    given: list[list[Block]] = [[] for _ in vocabularies]
    for block, title in zip(blocks, words, strict=True):
        hits = sorted(
            ((len(title & vocabulary), place) for place, vocabulary in enumerate(vocabularies)),
            reverse=True,
        )
        (best, place), (second, _) = hits[0], hits[1]
        if best < _MIN_TITLE_HITS or best <= 2 * second:
            return None
        given[place].append(block)
    return given if all(given) else None


def block_text(block: Block) -> str:
    return join_wrapped([remove_layout_spaces(line.text, line.spaced_out) for line in block.lines])
