"""Title lines of two side-by-side modules that the extractor merged into one line.

Where two modules stand side by side and a line of one's title sits on the same baseline
as a line of the other's, pdftotext gives both as one line parted by a space
(``特早产双胞胎 嗷嗷待 杨洁篪出席利比亚问题柏林`` over ``哺 获特批送母乳 奶爸
峰会并会见德国总理默克尔``), then the two titles' other lines in the order of their
heights (``等欧方领导人``, ``安心``).  The block reads as one garbled title over the
first article, and the second, wherever its body came out, stands under no title.

A title set in one type wraps at one measure: every line but its last is as wide as the
others, the last no wider.  So the merged lines cut, each at one of its spaces, into a
left piece and a right piece such that the left pieces are all one width and the right
pieces another (the last merged line may hold a title's last line, no wider), and every
line of the block after them is either a further full line of one of the two titles or
its last line (:func:`_ways`).  A title's spaces part its phrases too
(``特早产双胞胎  嗷嗷待哺``), which is why the widths must choose the cut.  The block is
shared out so only when its words confirm it: the right title's names and terms recur
clearly in the body of an untitled article (one opening like an article, wherever it came
out; for the page's only untitled article, words leaning its way are enough: more of them
there than in any other body), and the left one's point nowhere else than the body under
the block;
where several ways to cut and share fit the widths, the one whose titles find the most of
their own words in their own bodies is taken.  Should several find as many (the last lines
``等欧方领导人`` and ``安心`` fit either title and their words stand in neither body), the
modules' widths tell the rest when their bodies are set in columns of one width: the
title wrapping at fewer characters is then set in larger type, its lines stand lower, and
the extractor reads the lines by height, then left to right (:func:`_in_reading_order`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from shared.parsing.block import Block
from shared.parsing.columns import column_width
from shared.parsing.lines import Line, display_width, make_line
from shared.parsing.title_words import MIN_TITLE_HITS, clearly_pointed
from shared.parsing.topic import text_bigrams, vocabulary
from shared.parsing.units import (
    Item,
    TitleGroup,
    Unit,
    body_lines,
    past_photos,
    unit_at,
    untitled,
)

# Two lines wrapped at one measure are as wide as each other within this (em): a line
# that ends on a half-width character or punctuation may fall short by half an em.
SAME_MEASURE = 0.5
# Most lines a merged block is tried for (each further line doubles the ways to share).
MAX_BLOCK_LINES = 8

Piece = tuple[str, int]  # a title line's text, and the index of the line it came from
Title = tuple[list[Piece], list[Piece]]  # (left title's lines, right title's lines)


def split_merged_titles(items: list[Item]) -> list[Item]:
    """``items`` with each one-block title group that holds two side-by-side titles merged
    line by line (see the module's docstring) split into the two: the left one over the
    article under the group, the right one over the untitled article its words point at."""
    groups = [index for index, item in enumerate(items) if _may_merge(item)]
    if not groups:
        return items
    vocabularies = {
        index: vocabulary(body_lines(item))
        for index, item in enumerate(items)
        if isinstance(item, Unit) and item.kind == "article" and item.body
    }
    found: dict[int, tuple[Block, int, Block]] = {}  # group → (left, target unit, right)
    for index in groups:
        item = items[index]
        assert isinstance(item, TitleGroup)
        under = past_photos(items, index + 1)
        if under not in vocabularies:
            continue
        shared = _shared_out(item.blocks[0], under, vocabularies, items)
        if shared is not None and all(shared[1] != target for _, target, _ in found.values()):
            found[index] = shared
    if not found:
        return items
    over = {target: right for _, target, right in found.values()}
    out: list[Item] = []
    for index, item in enumerate(items):
        if index in over:
            out.append(TitleGroup(blocks=[over[index]]))
        out.append(TitleGroup(blocks=[found[index][0]]) if index in found else item)
    return out


def _may_merge(item: Item) -> bool:
    """A title group of one text block of a few lines, the first holding a space."""
    if not isinstance(item, TitleGroup) or len(item.blocks) != 1:
        return False
    block = item.blocks[0]
    return (
        block.kind == "text"
        and 2 <= len(block.lines) <= MAX_BLOCK_LINES
        and " " in block.lines[0].text
    )


def _shared_out(
    block: Block, under: int, vocabularies: dict[int, frozenset[str]], items: list[Item]
) -> tuple[Block, int, Block] | None:
    """The block's lines as the two titles they merge (the left one's block, the unit the
    right one goes over, its block), or None."""
    lines = block.lines
    ways = {(tuple(left), tuple(right)) for left, right in _ways([line.text for line in lines])}
    scored: list[tuple[int, int, tuple[Piece, ...], tuple[Piece, ...]]] = []
    wanting = [
        i
        for i in vocabularies
        if i != under and untitled(items, i) and unit_at(items, i).wants_title
    ]
    for left, right in ways:
        left_text, right_text = _text(left), _text(right)
        target = _pointed_unit(right_text, vocabularies)
        if target is None and len(wanting) == 1:
            target = _leaning_unit(right_text, wanting[0], vocabularies)
        if target is None or target == under or not untitled(items, target):
            continue
        if _pointed_unit(left_text, vocabularies) not in (None, under):
            continue
        hits = len(text_bigrams(left_text) & vocabularies[under]) + len(
            text_bigrams(right_text) & vocabularies[target]
        )
        scored.append((hits, target, left, right))
    if not scored:
        return None
    best = max(hits for hits, *_ in scored)
    scored = [way for way in scored if way[0] == best]
    if len(scored) > 1 and _equally_wide(items, under, scored[0][1]):
        scored = [way for way in scored if _in_reading_order(way[2], way[3])]
    if len(scored) != 1:
        return None
    _, target, left, right = scored[0]
    return _block(left, lines, block), target, _block(right, lines, block)


def _equally_wide(items: list[Item], first: int, second: int) -> bool:
    """The two units' bodies are set in columns of one width (``SAME_MEASURE``)."""
    widths: list[float] = []
    for index in (first, second):
        unit = items[index]
        assert isinstance(unit, Unit)
        widths.append(column_width([line for line in body_lines(unit) if line.measures_column]))
    return min(widths) > 0 and abs(widths[0] - widths[1]) <= SAME_MEASURE


def _in_reading_order(left: Sequence[Piece], right: Sequence[Piece]) -> bool:
    """The lines after the merged ones come in the order the extractor reads two titles
    over equally wide modules in: by height, then left to right.  The title wrapping at
    fewer characters is set in larger type, so its n-th line stands lower than the other's
    (at n over its measure, in the module's width)."""
    heights: dict[int, tuple[float, int]] = {}
    for side, pieces in enumerate((left, right)):
        measure = display_width(pieces[0][0])
        for level, (_, at) in enumerate(pieces):
            heights.setdefault(at, (level / measure, side))
    order = [heights[at] for at in sorted(heights)]
    return all(a <= b for a, b in itertools.pairwise(order))


def _pointed_unit(title: str, vocabularies: dict[int, frozenset[str]]) -> int | None:
    """The unit whose body clearly holds the title's words, if any."""
    return clearly_pointed(text_bigrams(title), vocabularies)


def _leaning_unit(
    title: str, candidate: int, vocabularies: dict[int, frozenset[str]]
) -> int | None:
    """``candidate`` when its body holds at least ``MIN_TITLE_HITS`` of the title's bigrams
    and more than any other body does, else None: for the page's only untitled article,
    which the right title must stand over if it stands over any, words leaning its way
    are enough (``发扬英模精神，助力打赢大上海保卫战`` over a body speaking of 英模 and 上海
    in other words)."""
    words = text_bigrams(title)
    hits = len(words & vocabularies[candidate])
    others = max((len(words & v) for i, v in vocabularies.items() if i != candidate), default=0)
    return candidate if hits >= MIN_TITLE_HITS and hits > others else None


def _text(pieces: Sequence[Piece]) -> str:
    return "".join(text for text, _ in pieces)


def _block(pieces: Sequence[Piece], lines: Sequence[Line], block: Block) -> Block:
    """A title's pieces as a block of lines, each numbered as the line it came from."""
    made = [make_line(text, lines[at].number, lines[at].page) for text, at in pieces]
    return Block(block.kind, made, MERGED_TITLES_RULE, block.blanks_before)


MERGED_TITLES_RULE = "two side-by-side titles merged line by line, split"


def _ways(texts: list[str]) -> Iterator[Title]:
    """Every way to read ``texts`` as two titles merged line by line: the opening lines
    that hold a space cut at one each, the lines after them shared out in order."""
    merged = 0
    while merged < len(texts) and " " in texts[merged]:
        merged += 1
    rest = list(enumerate(texts))[merged:]
    for cuts in itertools.product(*(_cuts(text) for text in texts[:merged])):
        left = [(piece, at) for at, (piece, _) in enumerate(cuts)]
        right = [(piece, at) for at, (_, piece) in enumerate(cuts)]
        if not (_wrapped(left) and _wrapped(right)):
            continue
        for sides in itertools.product((0, 1), repeat=len(rest)):
            titles: Title = ([*left], [*right])
            for side, (at, text) in zip(sides, rest, strict=True):
                titles[side].append((text, at))
            if all(_wrapped(title) for title in titles):
                yield titles


def _cuts(text: str) -> list[tuple[str, str]]:
    """The line cut at each of its spaces into a left and a right piece."""
    cuts: list[tuple[str, str]] = []
    for index, char in enumerate(text):
        if char == " ":
            left, right = text[:index].strip(), text[index:].strip()
            if left and right:
                cuts.append((left, right))
    return cuts


def _wrapped(pieces: Sequence[Piece]) -> bool:
    """The pieces are one title wrapped at one measure: all but the last as wide as the
    first, the last no wider."""
    widths = [display_width(text) for text, _ in pieces]
    measure = widths[0]
    return all(abs(width - measure) <= SAME_MEASURE for width in widths[:-1]) and (
        widths[-1] <= measure + SAME_MEASURE
    )
