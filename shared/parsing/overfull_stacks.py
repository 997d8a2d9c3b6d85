"""Title blocks a stack cannot hold (another module's title read between a kicker and its
headline) and the headline a kicker holds.

A kicker that leads in (``王光生：``, ``水利部——``) closes its part of the stack: what it
introduces is the headline, and a stack holds one headline.  An extractor reading a row of
modules line by line gives one module's kicker, then the next module's headline beside
it, then the first module's headline under the kicker (``王光生：`` / ``电商营销乱象亟须
整治`` / ``赤胆忠心 疾恶如仇（为了民族复兴·英雄烈士谱）``, over 王光生's body).  Such a run
is *overfull*: a lead-in kicker first, and more than one plain block after it.  The last
block stands right over the body and is its headline; a plain block between the kicker and
that headline is one the stack cannot hold (a *misfit*), unless it closes with a column tag,
which papers print only on a headline (then the one to go is undecided, and nothing goes).
On extracted dev pages (400 pages, pdftotext plain) no gold article has a lead-in kicker
and a subtitle, and every parse that joined a lead-in kicker with the plain block after it
into one kicker was wrong (15 of 15).

The other way round, a lead-in kicker over a single plain block closing the run is a whole
two-level stack: the block is the headline the kicker introduces, and it stays under the
kicker however many of its bigrams another body holds (a lone ``杜庭斌：`` is no headline).

A misfit needs less evidence to leave than a block that might be its stack's own level:
it goes to an article with no title whose body holds at least ``MIN_MISFIT_HITS`` of its
character bigrams with the lead :mod:`.stray_titles` asks of any block, even when that
article opens with neither dateline nor byline (a module's text read after a photo's
caption opens with its first paragraph).
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.lines import joined_text
from shared.parsing.title_roles import ends_with_column_tag, is_lead_in_kicker, is_plain_title
from shared.parsing.units import Item, TitleGroup, Unit, index_over

# A misfit's bigrams point at a body holding at least this many of them (two words: ``隔离``
# and ``离点`` of ``隔离点``), where a block that may be its stack's own level needs three.
MIN_MISFIT_HITS = 2


def misfits(group: TitleGroup) -> set[int]:
    """The indexes (in ``group.blocks``) of the blocks an overfull stack cannot hold: with a
    lead-in kicker first and no other lead-in, at least three blocks, every block after the
    kicker plain, the blocks between the kicker and the last block, set over the body as
    its headline, unless one of them closes with a column tag (then which block is the
    headline is not told, and none goes)."""
    texts = [joined_text(block.lines).strip() for block in group.blocks]
    if (
        len(texts) < 3
        or not is_lead_in_kicker(texts[0])
        or not all(map(is_plain_title, texts[1:]))
    ):
        return set()
    middle = range(1, len(texts) - 1)
    if any(ends_with_column_tag(texts[i]) for i in middle):
        return set()
    return set(middle)


def introduced_headline(group: TitleGroup) -> int | None:
    """The index (in ``group.blocks``) of the last block when it is plain and a lead-in
    kicker stands right over it: the headline that kicker introduces, which stays with it
    (``杜庭斌：`` over ``身负重伤 殊死擒凶（为了民族复兴·英雄烈士谱）``), else None."""
    texts = [joined_text(block.lines).strip() for block in group.blocks]
    last = len(texts) - 1
    closes = last > 0 and is_lead_in_kicker(texts[last - 1]) and is_plain_title(texts[last])
    return last if closes else None


def bare(items: Sequence[Item], index: int) -> bool:
    """The item at ``index`` is an article with a body and no title standing over it (past
    the photos set between), however its body opens."""
    unit = items[index]
    if not isinstance(unit, Unit) or unit.kind != "article" or not unit.body:
        return False
    before = index_over(items, index)
    return before < 0 or not isinstance(items[before], TitleGroup)
