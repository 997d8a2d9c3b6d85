"""Title lines read amid another article's text: their words point at a body elsewhere.

An extractor reading a page line by line may give a module's title between a sentence that
a column break cut and the rest of that sentence (``…通工具的人员，须持72小时内核酸`` /
``汪洋主持召开全国政协主席会议`` / ``检测阴性证明。…``), or between a cut sentence and the
dateline of the title's own article.  By its shape alone such a block may pass for the
sentence going on (a line about as wide as the column, or one that ends with ？).  Its words
tell it apart: a title's names and terms recur in its own article's body, while the words
of a piece of running text recur, if anywhere, in the text it runs in.  So a block shaped
as a headline (a line or two, no clause marks: :func:`headline_shaped`) whose character
bigrams clearly point (:func:`.topic.pointed_body`) at a stretch of body other than the
one cut above it, and other than the text going on under it, does not go on with that
sentence: it is a title, and the sentence goes on past it (:mod:`.titles` weighs it so).
A piece of another article's body read there (its lines wrapped at the column, pausing and
quoting) points at that article's body too, so the shape is asked as well.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

from shared.parsing.block import Block
from shared.parsing.columns import is_short
from shared.parsing.lines import Line, ends_sentence, joined_text
from shared.parsing.stray_pieces import (
    cannot_open,
    opens_mid_clause,
    page_indents,
    shared_column,
)
from shared.parsing.text_ends import LEADS_IN, PHRASE_PAUSES, asks_or_exclaims, closes_text
from shared.parsing.topic import MIN_POINTED_HITS, pointed_body, text_bigrams, vocabulary


class _Role(Protocol):
    @property
    def role(self) -> str: ...


# Marks that stop or open a clause, which a headline holds none of (a quotation mark opens
# one inside running text: ``发表题为“共建开放型世界经``).
_CLAUSE_MARKS = frozenset('。；;：:“”"')
# A headline of one line may part its phrases with a pause (:data:`.text_ends.PHRASE_PAUSES`:
# ``成人感染被转运，孩子谁来照顾？``); a fragment of body wrapped over lines holds them too.


def headline_shaped(block: Block) -> bool:
    """A line or two with no clause mark, pausing (``，``/``、``) only on a single line:
    shaped as a headline, not as a piece of running text cut by the column
    (``委、国务院副总理韩正出席达沃斯世界经济论`` / ``坛2020年年会，发表题为“共建开放型世界经``)."""
    text = joined_text(block.lines)
    if len(block.lines) > 2 or not _CLAUSE_MARKS.isdisjoint(text):
        return False
    return len(block.lines) == 1 or PHRASE_PAUSES.isdisjoint(text)


def body_stretches(blocks: Sequence[Block], roles: Sequence[_Role | None]) -> dict[int, int]:
    """Block index → the index of the first block of its stretch of body: adjacent body
    blocks (furniture between them is passed over) read as one text, up to a block that
    opens another article's text (a dateline, a 上接 marker)."""
    stretch_of: dict[int, int] = {}
    start: int | None = None
    for index, (block, role) in enumerate(zip(blocks, roles, strict=True)):
        if block.kind == "furniture":
            continue
        if role is not None and role.role == "body":
            if start is None or block.opens_with_dateline or block.opens_continued_part:
                start = index
            stretch_of[index] = start
        else:
            start = None
    return stretch_of


def points_elsewhere(
    blocks: Sequence[Block],
    roles: Sequence[_Role | None],
    first: int,
    before: int,
    after: int | None,
    after_continues: bool,
) -> bool:
    """The words of the block at ``first`` (a run's first) clearly point at a stretch of body
    other than the one ending at ``before`` (the text cut above the run) and, when the text
    under the run goes on with it (``after_continues``: no dateline, byline or 上接 marker
    opens it), other than the one starting at ``after``."""
    if not headline_shaped(blocks[first]):
        return False
    stretch_of = body_stretches(blocks, roles)
    if before not in stretch_of:
        return False
    lines: dict[int, list[int]] = {}
    for index, start in stretch_of.items():
        lines.setdefault(start, []).append(index)
    if len(lines) < 2:
        return False
    vocabularies = {
        start: vocabulary([line for i in members for line in blocks[i].lines])
        for start, members in lines.items()
    }
    words = text_bigrams(joined_text(blocks[first].lines))
    pointed = pointed_body(words, vocabularies, MIN_POINTED_HITS)
    if pointed is None or pointed == stretch_of[before]:
        return False
    return not (after_continues and after is not None and pointed == stretch_of.get(after))


# A line of running text stops short of its column only where its paragraph ends, or by
# what the line-start rule took down and the half-width characters and squeezed marks it
# holds (up to two ems on the extracted dev pages and simulated ones: ``“已经40多天了,…``
# 2.5 em short of a 29-em column): this many ems short, a line that closes no sentence is
# set at a measure of its own.
_OWN_MEASURE_SHORT = 3.0
# Marks that end a sentence or a clause inside it, which no title line holds.
_SENTENCE_MARKS = frozenset("。；;")
# Quotation marks a title opens and closes within itself (``金刚石散热：“概念炒作”``); a
# piece of running text may open one it does not close, or close one opened above it.
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"), ("(", ")"))


def stands_across_a_sentence(
    blocks: Sequence[Block], index: int, above: int, under: int, column: float
) -> bool:
    """The block at ``index`` stands between a text cut in mid-sentence at a column's foot
    (the block at ``above``: its last line, as wide as the ``column``, closes no sentence
    and leads into nothing) and a text going on with that sentence in the same column (the
    block at ``under``: it opens with the end of a broken clause,
    :func:`.stray_pieces.opens_mid_clause`, or on a line no paragraph opens with,
    :func:`.stray_pieces.cannot_open`), while the block cannot be a piece of that sentence:
    a line or two closing no sentence (no sentence mark in it, no lead-in mark at its end,
    its quotations closed within it) whose last line stops ``_OWN_MEASURE_SHORT`` short of
    the column, where a column's foot cuts running text only on a full line.  The sentence
    runs on across it: it is a title read between two pieces of one text
    (``…第十人民医院医疗队交错接收抵达`` / ``用为民情怀，做好“送上门”`` / ``的群众工作``
    / ``隔离收治点的救护车，…`` in a 15-em column).

    A block ending with ？ or ！ (a headline that asks, ``商圈如何接住世界杯流`` / ``量？``)
    closes a sentence, yet no more fits the cut text: a sentence ending on a short line ends
    its paragraph, and the text under it, opening in mid-clause or on a line no paragraph
    opens with, opens none.  Each of its lines stops short of the column, as a title wrapped
    at its own measure does: a first line filling the column runs on from the cut text, a
    question read in it (``两年前在武汉三院参与救治`` / ``什么不同？`` over ``答：…``)."""
    block, before, after = blocks[index], blocks[above], blocks[under]
    if column <= 0 or len(block.lines) > 2 or not _own_title_text(joined_text(block.lines)):
        return False
    if block.last.width > column - _OWN_MEASURE_SHORT:
        return False
    if any(line.width > column + 1.0 for line in block.lines):
        return False
    # one that asks or exclaims runs on from the cut text where a line of it fills the column
    asks = asks_or_exclaims(block.last.text)
    if asks and not all(is_short(line, column) for line in block.lines):
        return False
    cut = before.last
    if closes_text(cut) or cut.text.rstrip().endswith(LEADS_IN) or is_short(cut, column):
        return False
    if shared_column(before, after) is None:
        return False  # set in two measures: two texts, not one sentence
    return opens_mid_clause(after.first) or cannot_open(after.first, column, page_indents(blocks))


def _own_title_text(text: str) -> bool:
    """Closes no sentence but by asking or exclaiming (``？``/``！``), leads into nothing
    after it, holds no sentence mark, and closes each quotation or bracket it opens."""
    stripped = text.rstrip()
    if not stripped or stripped.endswith(LEADS_IN):
        return False
    if ends_sentence(stripped) and not asks_or_exclaims(stripped):
        return False
    if not _SENTENCE_MARKS.isdisjoint(stripped):
        return False
    return all(stripped.count(a) == stripped.count(b) for a, b in _QUOTE_PAIRS)


def named_text(
    title: Sequence[Block], texts: Sequence[Sequence[Line]], own: Collection[int]
) -> int | None:
    """The one of ``texts`` (the page's article texts) other than those at ``own`` (the
    text the title stands in) that the title's words clearly point at
    (:func:`.topic.pointed_body`: at least ``MIN_POINTED_HITS`` bigrams, more than twice as
    many as in any other text) while the text it stands in shares none of them, or None.
    A subhead's names and terms recur in the text it parts; a title read amid another
    module's text names its own article's (``离京对缅甸进行国事访问`` between two paragraphs
    of a report on Afghanistan, its words in the report of the state visit)."""
    if len(texts) < 2:
        return None
    words = text_bigrams(" ".join(joined_text(block.lines) for block in title))
    vocabularies = {index: vocabulary(lines) for index, lines in enumerate(texts)}
    pointed = pointed_body(words, vocabularies, MIN_POINTED_HITS)
    if pointed is None or pointed in own or any(words & vocabularies[i] for i in own):
        return None
    return pointed
