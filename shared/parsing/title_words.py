"""Which body a title's own words point at: a title's names and terms recur in its own
article's body, and seldom in another's.

A title block *points at* one of several bodies when at least ``MIN_TITLE_HITS`` of its
character bigrams stand in that body and more than twice as many as in any other; a run
of title blocks over article units is shared out by it (:func:`parts_by_vocabulary`) where
shapes and counts do not pair titles and bodies (:mod:`.title_runs`), and a pairing made
by order or by rows is refused where a title points at another body than its own
(:func:`points_against`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

from shared.parsing.block import Block
from shared.parsing.lines import joined_text
from shared.parsing.text_ends import closes_text
from shared.parsing.topic import (
    JoinedVocabularies,
    lines_share_topic,
    pointed_body,
    text_bigrams,
    vocabulary,
)
from shared.parsing.units import Unit, body_lines

# A title block goes to the body holding at least this many of its character bigrams (a
# two-character name or term shared by chance gives one).
MIN_TITLE_HITS = 2
# The ways to cut a run that are tried at the most: a run of titles over a long body of
# many blocks (every paragraph its own block) has too many to try them all (8 titles over
# 30 blocks: millions), and a cut found among so many would tell little.
MAX_CUTS = 1000


def parts_by_vocabulary(
    blocks: list[Block], run: list[Unit], *, leaning: bool = False
) -> list[tuple[list[Block], list[Unit]]] | None:
    """A run of title blocks over article units that the titles' own words share out: the
    units cut into consecutive articles such that every title block clearly points at one
    of them (a title's names and terms recur in its own article's body: at least
    ``MIN_TITLE_HITS`` of its bigrams there, more than twice as many as in any other) and
    each gets a block, in page order.  The rows of side-by-side modules' kickers, headlines
    and subtitles interleave, so neither their order nor their shape pairs them, and two
    reports on related things may share too many common words for their bodies alone to
    tell them apart.  An article opens a unit that opens like one (a dateline, a byline),
    or a body block after a closed sentence where the text on the two sides speaks of
    different things (a report with no dateline, read on under the one before it).  None
    unless exactly one such cut exists, or when there are more ways to cut than
    ``MAX_CUTS``.

    ``leaning``: a block whose words point at no body clearly goes where they lean, when
    every part has a block pointing at it clearly (:func:`_give_blocks_leaning`); the units
    that open like articles then each open a part of their own."""
    pieces = [(unit, block) for unit, item in enumerate(run) for block in range(len(item.body))]
    if len(pieces) < 2 or not all(item.body for item in run):
        return None
    starts = [
        index
        for index, (unit, block) in enumerate(pieces)
        if index > 0
        and (run[unit].anchored if block == 0 else closes_text(run[unit].body[block - 1].last))
    ]
    sizes = range(1, min(len(starts) + 1, len(blocks)))
    if sum(math.comb(len(starts), size) for size in sizes) > MAX_CUTS:
        return None
    words = [text_bigrams(joined_text(block.lines)) for block in blocks]
    # The parts' vocabularies hold no more than the titles' bigrams: all that the titles
    # can find in them.
    parts_words = JoinedVocabularies(
        [run[unit].body[block].lines for unit, block in pieces], frozenset().union(*words)
    )
    give = _give_blocks_leaning if leaning else _give_blocks
    # Where words only lean, every unit opening like an article is one: a block that leans
    # at one of two reports under one stack says too little to join them.
    heads = {index for index in starts if pieces[index][1] == 0 and run[pieces[index][0]].anchored}
    found: list[tuple[list[Block], list[Unit]]] | None = None
    for size in sizes:
        for cut in itertools.combinations(starts, size):
            if leaning and not heads <= set(cut):
                continue
            bounds = list(itertools.pairwise([0, *cut, len(pieces)]))
            vocabularies = [parts_words.of(start, end) for start, end in bounds]
            given = give(blocks, words, vocabularies)
            if given is None or not _opens_articles(run, pieces, bounds):
                continue
            if found is not None:
                return None
            parts = [_part_units(run, pieces[start:end]) for start, end in bounds]
            found = list(zip(given, parts, strict=True))
    return found


def _opens_articles(
    run: list[Unit], pieces: list[tuple[int, int]], bounds: list[tuple[int, int]]
) -> bool:
    """Whether every part after the first opens an article: at a unit's head, or within a
    unit where the text on the two sides of the cut speaks of different things."""
    lines = [
        [line for unit, block in pieces[start:end] for line in run[unit].body[block].lines]
        for start, end in bounds
    ]
    return all(
        pieces[start][1] == 0 or not lines_share_topic(before, after)
        for (start, _), before, after in zip(bounds[1:], lines[:-1], lines[1:], strict=True)
    )


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


def points_against(stacks: list[list[Block]], units: list[Unit]) -> bool:
    """Whether a title block of ``stacks[i]`` clearly points at the body of another unit
    than ``units[i]`` (its words: at least ``MIN_TITLE_HITS`` bigrams there, more than twice
    as many as in any other body).  A single unit has no other."""
    if len(units) < 2:
        return False
    vocabularies = [vocabulary(body_lines(unit)) for unit in units]
    for place, stack in enumerate(stacks):
        for block in stack:
            pointed = _pointed(text_bigrams(joined_text(block.lines)), vocabularies)
            if pointed is not None and pointed != place:
                return True
    return False


def clearly_pointed(
    words: frozenset[str],
    vocabularies: Mapping[int, frozenset[str]],
    least: int = MIN_TITLE_HITS,
    factor: float = 2.0,
) -> int | None:
    """The key of the body a title's bigrams clearly point at (:func:`.topic.pointed_body`,
    at least ``MIN_TITLE_HITS`` of them by default)."""
    return pointed_body(words, vocabularies, least, factor)


def _pointed(title: frozenset[str], vocabularies: list[frozenset[str]]) -> int | None:
    """The body (by place) a title's bigrams clearly point at, or None."""
    return clearly_pointed(title, dict(enumerate(vocabularies)))


def _give_blocks(
    blocks: list[Block], words: list[frozenset[str]], vocabularies: list[frozenset[str]]
) -> list[list[Block]] | None:
    given: list[list[Block]] = [[] for _ in vocabularies]
    for block, title in zip(blocks, words, strict=True):
        place = _pointed(title, vocabularies)
        if place is None:
            return None
        given[place].append(block)
    return given if all(given) else None


def _give_blocks_leaning(
    blocks: list[Block], words: list[frozenset[str]], vocabularies: list[frozenset[str]]
) -> list[list[Block]] | None:
    """The title blocks shared out among the parts where each part has a block clearly
    pointing at it and every other block leans on one part: at least one of its bigrams
    stands there and fewer in each other part.  A module's headline names its subject, and
    the kicker or second headline over it (每天都有好戏等你解锁 over 上海戏曲艺术中心云上放送经典)
    often only a word of its body (好戏); the clear block proves the part is a module of its
    own, the leaning word says which module's stack the other block completes.  None unless
    every part has a clearly pointing block (two reports under one stack, the second with a
    dateline of its own, share words too: a block leaning at the second of them tells two
    modules from one article no better than chance)."""
    places = [_pointed(title, vocabularies) for title in words]
    if len(vocabularies) < 2 or set(places) - {None} != set(range(len(vocabularies))):
        return None
    given: list[list[Block]] = [[] for _ in vocabularies]
    for block, title, place in zip(blocks, words, places, strict=True):
        if place is None:
            hits = [len(title & vocabulary) for vocabulary in vocabularies]
            best = max(hits)
            if best < 1 or hits.count(best) > 1:
                return None
            place = hits.index(best)
        given[place].append(block)
    return given
