"""Where one article's text ends and another's begins inside a unit: a change of topic or
of column at a column break.

A unit runs from a byline, dateline or ``上接`` marker to the next one, so an article that
opens with none of them (a feature's first paragraph, a quote) goes on the unit of the
text the extractor read before it: the module over or beside it, whose last column ends
in a sentence.  Its column and its words tell the two apart.  A block that comes after a
blank line (a column break) under a sentence end and is set in another column than the
block before it (both measured on their full lines, which must fill the column; where
either block is too short to tell, the text's last ``COLUMN_WINDOW`` lines above the
break and its first ones below it tell the columns) opens a unit of its own: an article
keeps its column, so a column's worth of text in another (``MEASURING_LINES`` lines or
more from the block to the next such break) is another module's whatever its words, as
two reports on one subject may share as many words as two parts of one article do; only
a few lines (a paragraph or box set apart) may stand in another column inside an
article, and then they speak of its things, sharing as much as two parts of one article
do (``TOPIC_SIMILARITY``).  A block there in the same column opens a unit where the text
before it in the unit and the text from it on both tell their topic and share next to
nothing (cosine under ``FAR_TOPIC_SIMILARITY``, the bar for two articles rather than the
drifting parts of a long one), or share less than two parts of one article do while its
text (up to the next such break) holds a title's words that the text above the break
does not (at least ``MIN_POINTED_HITS`` of a title block's bigrams, more than twice as
many as above): a headline names its own article's things, so the text it names is
another article's.  (Not the title right under the unit: a title set under its body is
that body's own, and may name its later paragraphs rather than its opening.)  A block
that cannot go on from the text above the break (that text ends its paragraph short of
the column, and the block's first line opens with a mark no line opens with, or fills the
column where the page indents first lines: a piece of another text's paragraph, which the
earlier steps found no hanging text to put back after) opens a unit where the two share
less than two parts of one article do, whether or not it is long enough to tell its
topic: what the shape already says, the words need only not gainsay.  The unit so
opened opens a text as a dateline would (:attr:`Unit.opens_text`): no later step takes
it back into the article above it as a part of it.  Not on a page that parts its
paragraphs with blank lines.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from shared.parsing.block import Block
from shared.parsing.columns import (
    COLUMN_TOLERANCE,
    COLUMN_WINDOW,
    full_lines_apart,
    full_measure,
)
from shared.parsing.lines import Line, joined_text
from shared.parsing.measure_changes import MEASURING_LINES
from shared.parsing.stray_pieces import BodyShape, measured_apart, opens_loose
from shared.parsing.text_ends import closes_text
from shared.parsing.topic import (
    FAR_TOPIC_SIMILARITY,
    MIN_POINTED_HITS,
    TOPIC_SIMILARITY,
    pointed_body,
    similarity,
    tells_topic,
    text_bigrams,
    vocabulary,
)
from shared.parsing.units import Item, TitleGroup, Unit


def split_topic_breaks(items: list[Item], shape: BodyShape) -> list[Item]:
    """The items with each article unit cut before every block that opens another text
    (:func:`opens_other_text`), on a page whose blank lines part columns, not paragraphs
    (``shape``, how the page's body is set, :func:`blanks_part_paragraphs`: where they part
    paragraphs, one under a sentence end parts two paragraphs of one text as often, and
    topics drift between paragraphs)."""
    if shape.blank_paragraphs:
        return items
    out: list[Item] = []
    page_titles = _title_bigrams(items)
    for position, item in enumerate(items):
        if not isinstance(item, Unit) or item.kind != "article" or len(item.body) < 2:
            out.append(item)
            continue
        # a title set under its body (as some pages set them) is that body's own, and may
        # name its later paragraphs rather than its opening
        titles = [bigrams for index, bigrams in page_titles if index != position + 1]
        unit = item
        index = 1
        while index < len(unit.body):
            if opens_other_text(unit.body[:index], unit.body[index:], titles, shape.indents):
                rest = Unit(body=unit.body[index:], markers=[], opens_text=True)
                rest.markers = [m for m in unit.markers if m.forward]
                unit.markers = [m for m in unit.markers if not m.forward]
                rest.intertitles = {n for n in unit.intertitles if _in(n, rest.body)}
                unit.intertitles -= rest.intertitles
                unit.body = unit.body[:index]
                out.append(unit)
                unit, index = rest, 1
                continue
            index += 1
        out.append(unit)
    return out


def _title_bigrams(items: list[Item]) -> list[tuple[int, frozenset[str]]]:
    """The bigrams of each title block on the page, with the index of its title group."""
    return [
        (index, text_bigrams(joined_text(block.lines)))
        for index, item in enumerate(items)
        if isinstance(item, TitleGroup)
        for block in item.blocks
    ]


def _in(number: int, body: list[Block]) -> bool:
    return any(block.first.number <= number <= block.last.number for block in body)


def _full_lines_apart(first: Block, second: Block) -> bool:
    """Both blocks set in measured columns (:func:`measured_apart`) whose full lines
    (:func:`full_measure`: lines inside a paragraph, which must fill the column) differ
    by more than ``COLUMN_TOLERANCE`` too: one line squeezed wide does not tell a short
    block's column."""
    if not measured_apart(first, second):
        return False
    a, b = full_measure(first.lines), full_measure(second.lines)
    return a > 0 and b > 0 and abs(a - b) > COLUMN_TOLERANCE


def _texts_apart(above: list[Line], below: list[Line]) -> bool:
    """The text's last ``COLUMN_WINDOW`` lines above a break and its first ones below it
    (up to the next place another text may open) both tell their column by their full
    lines (:func:`full_measure`), and the columns differ by more than
    ``COLUMN_TOLERANCE``: where the blocks on either side of the break are too short to
    measure by themselves (a column's foot, a paragraph of two lines), the text around
    them still tells the column each is set in.  Columns closer than the tolerance are
    apart too where one window's full lines settle on a measure the other's run a whole em
    past (:func:`.columns.full_lines_apart`)."""
    above, below = above[-COLUMN_WINDOW:], below[:COLUMN_WINDOW]
    a, b = full_measure(above), full_measure(below)
    return (a > 0 and b > 0 and abs(a - b) > COLUMN_TOLERANCE) or full_lines_apart(above, below)


def opens_other_text(
    before: list[Block],
    after: list[Block],
    titles: Sequence[frozenset[str]] = (),
    indents: bool = False,
) -> bool:
    """The first block of ``after`` comes after a column break under a sentence end, and
    is set in another column than the block before it, or the text above the break than
    the text below it (:func:`_texts_apart`), for a column's worth of lines
    (``MEASURING_LINES``) or sharing less than two parts of one article do; or the text
    before it and the text from it on speak of different things (by the lower bar where
    one of the page's ``titles``, each a title block's bigrams, names the text from it on
    and not the text before it: :func:`_named_below`); or it cannot go on from the text
    above (:func:`_runs_on_from_elsewhere`, ``indents``: the page sets its paragraphs'
    first lines short by the indent) and shares less than two parts of one article do."""
    block = after[0]
    if block.kind != "text" or not block.blanks_before or not closes_text(before[-1].last):
        return False
    if block.under_band:  # a column's lower part read back under its upper part
        return False
    above = [line for b in before for line in b.lines]
    below = [line for b in after for line in b.lines]
    run = _run_from(after)  # the text from the block to the next place another may open
    if (
        _full_lines_apart(before[-1], block)
        or _texts_apart(above, run)
    ):
        # an article keeps its column: a column's worth of text in another is another
        # module's, whatever its words; only a few lines (a paragraph set apart, a box)
        # may stand apart in an article, and then they speak of its things
        return (
            len(run) >= MEASURING_LINES
            or similarity(above, below) < TOPIC_SIMILARITY
        )
    if _runs_on_from_elsewhere(before[-1], block, indents):
        return similarity(above, below) < TOPIC_SIMILARITY
    if not tells_topic(above) or not tells_topic(below):
        return False
    # both tell their topic, so sharing it is their similarity against a bar
    shared = similarity(above, below)
    if shared < FAR_TOPIC_SIMILARITY:
        return True
    if shared >= TOPIC_SIMILARITY:
        return False
    # between the two bars: a title names its own text
    return _named_below(above, run, titles)


def _run_from(after: list[Block]) -> list[Line]:
    """The lines of the first block and of the blocks after it up to the next column break
    under a sentence end (the next place another text may open)."""
    lines = list(after[0].lines)
    for previous, block in itertools.pairwise(after):
        if block.blanks_before and closes_text(previous.last):
            break
        lines += block.lines
    return lines


def _named_below(above: list[Line], below: list[Line], titles: Sequence[frozenset[str]]) -> bool:
    """A title block's words stand in the text below the break and not above it: at least
    ``MIN_POINTED_HITS`` of its bigrams below, more than twice as many as above (a title's
    names and terms recur in its own article's body), the text below read no further than
    the next place another text may open (:func:`_run_from`) and no longer than the text
    above (a longer text holds more of any title's words)."""
    if not titles:
        return False
    words_above, words_below = vocabulary(above), vocabulary(below[: len(above)])
    return any(
        pointed_body(words, {0: words_below, 1: words_above}, MIN_POINTED_HITS) == 0
        for words in titles
    )


def _runs_on_from_elsewhere(before: Block, block: Block, indents: bool) -> bool:
    """The block cannot go on from the text above the break: that text ends a paragraph
    (a sentence end short of the column) in the block's column, or stands in another,
    and the block's first line cannot open a paragraph (:func:`opens_loose`: it opens
    with a mark no line opens with, or fills the column where the page indents first
    lines).  An ellipsis tells nothing either side: it may open a paragraph (words left
    out), and one closing the text above need not end its sentence."""
    if block.first.text.startswith("…") or before.last.text.endswith("…"):
        return False
    return opens_loose(before, block, indents)
