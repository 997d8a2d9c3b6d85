"""Titles read with another row's titles: each goes back over the body that uses its words.

An extractor reading a page line by line across the row gives the titles of modules whose
tops stand at one height as one run, wherever their bodies come out.  Where the run holds
several title blocks, one whose names and terms are not in the body under the run but
recur, clearly, in the body of an article that has no title (one that opens like an
article: a dateline, a byline) is that article's title: it goes to stand over it.  Each
block of the run is judged by itself (a kicker ``…：`` of one module may stand over another
module's headline in the run), and the blocks whose words point nowhere clearly, or at the
body under the run, stay where they are.
"""

from __future__ import annotations

from shared.parsing.block import Block
from shared.parsing.lines import joined_text
from shared.parsing.topic import text_bigrams, vocabulary
from shared.parsing.units import Item, TitleGroup, Unit, body_lines, is_photo, past_photos

# A title block points at a body holding at least this many of its character bigrams, more
# than twice as many as any other body on the page holds (a two-character name or term
# shared by chance gives one or two).
MIN_STRAY_TITLE_HITS = 3


def move_stray_titles(items: list[Item]) -> list[Item]:
    """``items`` with each title block that points at an untitled article elsewhere on the
    page moved to stand before it (see the module's docstring); for a page whose titles
    stand over their bodies."""
    vocabularies = {
        index: vocabulary(body_lines(item))
        for index, item in enumerate(items)
        if isinstance(item, Unit) and item.kind == "article" and item.body
    }
    moved: dict[int, list[Block]] = {}  # target unit index → the blocks set over it
    kept: dict[int, list[Block]] = {}  # title group index → the blocks it keeps
    for index, item in enumerate(items):
        if not isinstance(item, TitleGroup) or len(item.blocks) < 2:
            continue
        below = past_photos(items, index + 1)
        staying: list[Block] = []
        going: dict[int, list[Block]] = {}
        for block in item.blocks:
            target = _target(block, vocabularies)
            if (
                target is not None
                and target != below
                and target not in moved
                and _untitled(items, target)
            ):
                going.setdefault(target, []).append(block)
            else:
                staying.append(block)
        if going and staying:
            moved.update(going)
            kept[index] = staying
    if not moved:
        return items
    out: list[Item] = []
    for index, item in enumerate(items):
        if index in moved:
            out.append(TitleGroup(blocks=moved[index]))
        out.append(TitleGroup(blocks=kept[index]) if index in kept else item)
    return out


def _target(block: Block, vocabularies: dict[int, frozenset[str]]) -> int | None:
    """The unit whose body clearly holds the title block's words, if any."""
    words = text_bigrams(joined_text(block.lines))
    hits = sorted(
        ((len(words & vocabulary), index) for index, vocabulary in vocabularies.items()),
        reverse=True,
    )
    if len(hits) < 2:
        return None
    (best, index), (second, _) = hits[0], hits[1]
    return index if best >= MIN_STRAY_TITLE_HITS and best > 2 * second else None


def _untitled(items: list[Item], index: int) -> bool:
    """The unit at ``index`` opens like an article and no title stands over it (past the
    photos set between)."""
    unit = items[index]
    if not isinstance(unit, Unit) or not unit.anchored:
        return False
    before = index - 1
    while before >= 0 and is_photo(items[before]):
        before -= 1
    return before < 0 or not isinstance(items[before], TitleGroup)
