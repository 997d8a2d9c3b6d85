"""Re-attach pieces of body that the extractor set down away from their article.

An extractor follows a page's columns down the page, so where modules stand side by side
the last column of one module can come out after the next row's article or amid another
module's text.  Such a piece opens in mid-sentence with no title of its own, while the
article it belongs to is left hanging in mid-sentence earlier on the page.  Text
continuity puts it back: a *hanging* block (its last line fills its column and closes no
sentence, and the block after it does not go on with it) takes a later *stray* block
(its first line cannot open a paragraph: it starts with a mark the line-start rule keeps
from opening a line, or it fills the column where the page indents its first lines) set
in the same column and speaking of the same thing.  The extractor may as well read such a
piece before the column it continues: a *loose* piece (:func:`opens_loose`) has nothing
before it that it could go on from, and goes to a later hanging block on surer signs.
The articles stage
(:func:`shared.parsing.articles.reattach_stray_pieces`) moves the blocks; this module
judges them.
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from shared.parsing.blank_lines import marks_most_breaks_with_blanks
from shared.parsing.block import Block
from shared.parsing.columns import (
    COLUMN_TOLERANCE,
    INDENT,
    INDENT_MARGIN,
    MIN_FULL_LINES,
    SAME_WIDTH,
    SHORT_MARGIN,
    SQUEEZED_AT_LINE_END,
    lines_share_measure,
    piece_column,
)
from shared.parsing.lines import Line
from shared.parsing.paragraphs import (
    FIRST_LINE_SLACK,
    NO_LINE_START,
    full_but_for_pull_down,
    pulled_down_run,
)
from shared.parsing.parse_cache import per_parse_table
from shared.parsing.text_ends import closes_text

# A page indents its paragraphs' first lines when at least this share of the lines after a
# paragraph's end stop short of the column by about the indent.
INDENTED_SHARE = 0.8
# Fewer paragraph starts than this say too little about whether the page indents.
MIN_PARAGRAPH_STARTS = 3
# Fewer lines than this do not tell the width a block's running lines fill.
MIN_RUNNING_LINES = 3


def block_column(block: Block) -> float:
    """The column a block was set in (0 when too few lines measure it): the widest of its
    lines that end in a character rather than a mark the typesetter may squeeze past the
    edge (a short block's upper quartile is one of those, an em too wide), when two or
    more tell it."""
    # Asked of each block many times while pieces move, so cached for the parse, keyed on
    # the lines' raw texts: a line is made from its raw text (and its place, which the
    # column does not depend on), and a tuple of strings hashes far faster than one of lines.
    key = tuple(map(_RAW, block.lines))
    column = _COLUMNS.get(key)
    if column is None:
        column = _COLUMNS[key] = _lines_column(block.lines)
    return column


_RAW = operator.attrgetter("raw")
_NUMBER = operator.attrgetter("number")
_COLUMNS: dict[tuple[str, ...], float] = per_parse_table({})


def _lines_column(lines: Sequence[Line]) -> float:
    if piece_column(lines) <= 0:
        return 0.0
    unsqueezed = [
        line.width
        for line in lines
        if line.measures_column and line.text[-1:] not in SQUEEZED_AT_LINE_END
    ]
    if len(unsqueezed) < MIN_FULL_LINES:
        return piece_column(lines)
    return max(unsqueezed)


def blanks_part_paragraphs(blocks: Sequence[Block]) -> bool:
    """Whether the page's body (its blocks, in page order) sets a blank line at most of
    its paragraph breaks, measured against each block's own column
    (:func:`marks_most_breaks_with_blanks`): there a blank line under a sentence end may
    part two paragraphs of one text, where elsewhere it ends a column."""
    columns: dict[int, float] = {}
    for block in blocks:
        column = block_column(block)  # once a block: its lines make its cache key
        columns.update(dict.fromkeys(map(_NUMBER, block.lines), column))
    return marks_most_breaks_with_blanks(blocks, columns)


@dataclass(frozen=True)
class BodyShape:
    """What a page's body tells of how it is set, asked by every stage that moves its blocks
    (column bands, stray pieces, topic breaks): worked out once, on the body in page order."""

    indents: bool  # first lines short by the indent (:func:`page_indents`)
    blank_paragraphs: bool  # blank lines at most paragraph breaks (:func:`blanks_part_paragraphs`)


def body_shape(blocks: Sequence[Block]) -> BodyShape:
    """The shape of a page's body (its blocks, in page order)."""
    return BodyShape(page_indents(blocks), blanks_part_paragraphs(blocks))


def page_indents(blocks: Sequence[Block]) -> bool:
    """Whether the page sets its paragraphs' first lines short by the indent: nearly every
    line after a short line that ends a sentence (a paragraph's end) inside a block is
    about two em short of the block's column."""
    starts = indented = 0
    for block in blocks:
        pairs = [
            (above, line)
            for above, line in itertools.pairwise(block.lines)
            if above.ends_sentence and line.measures_column and not line.spaced_out
        ]
        column = block_column(block) if pairs else 0.0  # (measured only where it may tell)
        if column <= 0:
            continue
        for above, line in pairs:
            if above.width > column - SHORT_MARGIN:
                continue
            starts += 1
            indented += line.width <= column - INDENT + INDENT_MARGIN / 2
    return starts >= MIN_PARAGRAPH_STARTS and indented >= INDENTED_SHARE * starts


# A clause this short at a line's start is the tail of a word or phrase broken at the line
# before: a line that opens with it opens in mid-sentence, whatever its width.
MAX_CLAUSE_TAIL = 2
# Marks that end a clause or close a quotation (a colon may follow a name that opens a
# paragraph: ``李强：``).
_CLAUSE_MARKS = frozenset("，。、；？！”’）》」』")


def opens_mid_clause(line: Line) -> bool:
    """The line opens with a mark no line may open with, or with the last one or two
    characters of a clause (``难。要支持…``, ``个；市、区…``, ``伐，以刻不容缓…``): the
    end of a sentence broken at another column's foot, which no paragraph opens with.

    Not an ellipsis: it opens a paragraph that marks words left out (``……`` alone, or
    before a quoted passage). Nor two characters and a comma: ``目前，``, ``此后，``,
    ``所幸，`` open many paragraphs."""
    text = line.text
    if text[:1] in NO_LINE_START:
        return not text.startswith("…")
    for tail, mark in enumerate(text[1 : MAX_CLAUSE_TAIL + 1], start=1):
        if mark in _CLAUSE_MARKS:
            return mark != "，" or tail == 1
    return False


def opens_loose(before: Block | None, block: Block, indents: bool) -> bool:
    """The block opens a run of text in mid-paragraph with nothing before it in its unit
    that it could go on from: its first line cannot open a paragraph in its own column
    (:func:`cannot_open`), it is no title line read into the body (no wider than the
    column of the lines under it), and the block before it, if any, is set in another
    column or ends a paragraph there (a sentence end short of the column: one at the
    column's full width may go on in the next column, a paragraph running on past it)."""
    if before is not None:
        column = shared_column(before, block)
        if column is not None and (
            not _closes(before) or before.last.width > column - SHORT_MARGIN
        ):
            return False
    rest = piece_column(block.lines[1:])
    if rest > 0 and block.first.width > rest + COLUMN_TOLERANCE:
        return False
    return cannot_open(block.first, block_column(block), indents)


def cannot_open(line: Line, column: float, indents: bool) -> bool:
    """The line cannot be a paragraph's first line: it opens with a mark no line may open
    with (避头), or it fills the column where the page indents first lines."""
    if line.text[:1] in NO_LINE_START:
        return True
    if not indents or column <= 0 or line.spaced_out or not line.measures_column:
        return False
    return not at_indented_measure(line, column)


def at_indented_measure(line: Line, column: float) -> bool:
    """No wider than the column less the indent, but for half an em (a half-width
    character); a running line one character short (the line-start rule took it down)
    is wider."""
    return line.width <= column - INDENT + FIRST_LINE_SLACK


def _closes(block: Block) -> bool:
    return closes_text(block.last)


def _carries_markers(block: Block) -> bool:
    return bool(block.first.continuations or block.last.continuations)


def opens_paragraph(line: Line, column: float, indents: bool) -> bool:
    """The line plainly opens a paragraph: short of the column by the indent where the
    page indents, yet going on under it (a short line that ends a sentence may as well
    close a paragraph carried over from the column before)."""
    if not indents or column <= 0 or line.spaced_out or not line.measures_column:
        return False
    return not line.ends_sentence and at_indented_measure(line, column)


def opens_block_paragraph(block: Block, column: float, indents: bool) -> bool:
    """The block's first line plainly opens a paragraph (:func:`opens_paragraph`), and is not
    short of the column only by the characters the line-start rule took down onto the line
    under it (:func:`full_but_for_pull_down`: ``…自反转效`` over ``应；同时…``), which
    leave a running line as short as an indented one."""
    if len(block.lines) > 1 and full_but_for_pull_down(block.first, block.lines[1], column):
        return False
    return opens_paragraph(block.first, column, indents)


def leads_into(before: Block, after: Block, indents: bool) -> bool:
    """``after`` may go on with the sentence ``before`` leaves open: same column, and its
    first line does not plainly open a paragraph (:func:`opens_block_paragraph`: a running
    line short only by what the line-start rule took down opens none)."""
    if _closes(before):
        return False
    column = shared_column(before, after)
    return column is not None and not opens_block_paragraph(after, column, indents)


def hangs(
    block: Block,
    following: Block | None,
    indents: bool,
    context: Callable[[], float],
    above: Line | None = None,
) -> bool:
    """The block stops in mid-sentence at the full width of its column (a short last line
    ends a paragraph, a subhead or a list item whatever it ends with), or on a paragraph's
    indented first line (:func:`opens_at_foot`), and the block after
    it in its unit, if any, does not go on with it.  ``context()`` is the column of the
    text up to the block's end, which measures a block too short to tell its own (asked
    only then: it measures many lines).  ``above`` is the line right over a block of one
    line, if the block came out under it (no blank line between)."""
    if _closes(block) or block.kind != "text" or _carries_markers(block):
        return False
    column = block_column(block) or context()
    if column <= 0 or block.last.spaced_out:
        return False
    if block.last.width <= column - SHORT_MARGIN and not (
        # a block of a few lines may be measured by a first line, itself short by the
        # indent: the text up to it tells the column a first line is short of
        opens_at_foot(block, column, indents, above)
        and opens_at_foot(block, max(column, context()), indents, above)
    ):
        return False
    return following is None or not leads_into(block, following, indents)


def opens_at_foot(
    block: Block, column: float, indents: bool, above: Line | None = None
) -> bool:
    """The block's last line is a paragraph's first line left in mid-sentence at the foot
    of its column: under a sentence end, short of the column by the indent where the page
    indents first lines (and no shorter: a shorter line is a subhead or a list item).  The
    paragraph it opens goes on in the next column.  ``above`` is the line over a block of
    one line (a line split off the text it came out under)."""
    if len(block.lines) > 1:
        above = block.lines[-2]
    if not indents or above is None:
        return False
    last = block.last
    return (
        (above.ends_sentence or _subhead_over(block, above, column))
        and last.measures_column
        and column - INDENT - INDENT_MARGIN <= last.width
        and at_indented_measure(last, column)
    )


def _subhead_over(block: Block, above: Line, column: float) -> bool:
    """``above``, the block's last line but one, is a subhead of one line: under a sentence
    end, itself ending none and stopping short of even a paragraph's indented first line
    (running text never stops short in mid-sentence).  A paragraph opens under a subhead as
    under a sentence end."""
    lines = block.lines
    return (
        len(lines) > 2
        and lines[-3].ends_sentence
        and not above.ends_sentence
        and above.measures_column
        and above.width <= column - INDENT - SHORT_MARGIN
    )


def can_be_stray(block: Block) -> bool:
    """A text block that opens with no dateline and carries no continuation marker (a
    marked piece is placed by its marker).  A piece of one line must open with a mark no
    line opens with: a lone full line may as well be a title or a caption."""
    if block.kind != "text" or block.opens_with_dateline or _carries_markers(block):
        return False
    return len(block.lines) > 1 or block.first.text[:1] in NO_LINE_START


def shared_column(first: Block, second: Block) -> float | None:
    """The column both blocks were set in, or None when they were not set in one: measured
    on both where they tell it, else no line of the unmeasured one wider than the measured
    one's column; never where their running lines fill two measures (:func:`running_apart`).
    0 when neither tells it."""
    column, own = block_column(first), block_column(second)
    if running_apart(first, second):
        return None
    if column > 0 and own > 0:
        return own if lines_share_measure(first.lines, second.lines) else None
    other = second if column > 0 else first
    width = max(column, own)
    if width > 0 and other.widest > width + COLUMN_TOLERANCE:
        return None
    return width


def running_width(block: Block) -> float:
    """The width most of the block's running lines fill (:func:`running_lines`: the lines
    inside a paragraph, which fill the measure as a rule; a column of short paragraphs is
    mostly first and last lines), else most of its lines (a block of a paragraph's end
    and the next one's opening has too few running lines to tell); the wider on a tie, or
    0 when fewer than ``MIN_RUNNING_LINES`` lines or no width is shared by most of them.
    A dateline's line opens the article's first paragraph, and is no running line.  The
    width must be the column's: borne out by a line ending in a character (a mark the
    typesetter may squeeze past the edge stands a line wider than its column), and no line
    ending in a character wider by more than half-width characters make a line (a few
    short lines may share a width by chance: a paragraph's last line and an indented first
    line, under a wider running line)."""
    # asked of the same blocks thousands of times a page (every pair of blocks the stray
    # piece stages compare): cached as block_column is, on the kind and the raw texts
    key = (block.kind, *map(_RAW, block.lines))
    width = _RUNNING_WIDTHS.get(key)
    if width is None:
        width = _RUNNING_WIDTHS[key] = _running_width(block)
    return width


_RUNNING_WIDTHS: dict[tuple[str, ...], float] = per_parse_table({})


def _running_width(block: Block) -> float:
    lines = block.lines[1:] if block.opens_with_dateline else block.lines
    width = most_filled(running_lines(lines)) or most_filled(lines)
    if not width:
        return 0.0
    ending = [line.width for line in block.lines if line.text[-1:] not in SQUEEZED_AT_LINE_END]
    borne = width in ending and max(ending) <= width + COLUMN_TOLERANCE
    return width if borne else 0.0


def most_filled(lines: Sequence[Line]) -> float:
    """The width more than half the lines fill (the wider on a tie), or 0 when none does
    or fewer than ``MIN_RUNNING_LINES`` lines tell."""
    if len(lines) < MIN_RUNNING_LINES:
        return 0.0
    counts = Counter(line.width for line in lines)
    width, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    return width if 2 * count > len(lines) else 0.0


def running_lines(lines: Sequence[Line]) -> list[Line]:
    """The lines that run on inside their paragraph and fill the measure as a rule: not a
    paragraph's last line (one that ends a sentence, short of the column or not), nor the
    line after it (a first line, short by the indent where the page indents), nor one over
    a line opening with what the line-start rule took down (:func:`pulled_down_run`: it
    stops a character or two short)."""
    return [
        line
        for k, line in enumerate(lines)
        if not line.ends_sentence
        and (k == 0 or not lines[k - 1].ends_sentence)
        and (k + 1 == len(lines) or not pulled_down_run(lines[k + 1].text))
    ]


def running_apart(first: Block, second: Block) -> bool:
    """Most lines of each block fill one width, and the two widths differ: the blocks'
    running lines were set to two measures.  A column's running lines all fill its
    measure to the character (only lines holding half-width digits or letters, or
    squeezing a mark past the edge, differ, and those are seldom most of a block), so
    two blocks whose running widths differ by a character or more are two columns, even
    where their widest lines fall within the tolerance that half-width characters need."""
    a, b = running_width(first), running_width(second)
    return a > 0 and b > 0 and abs(a - b) > SAME_WIDTH


def measured_apart(first: Block, second: Block) -> bool:
    """Both blocks tell their column, and the columns differ."""
    if block_column(first) <= 0 or block_column(second) <= 0:
        return False
    return shared_column(first, second) is None


def closes_carried_paragraph(stray: Block, column: float) -> bool:
    """The stray block opens with a line that ends a sentence short of the indented
    measure, and more follows: the last line of a paragraph carried over from a column
    that broke off in mid-sentence.  (A one-line paragraph so short would look the same,
    but news text seldom has one; the hanging block before it and the topic they share
    must tell as well.  A line as wide as an indented first line may as well open a
    one-line paragraph, and is left where it stands.)"""
    first = stray.first
    return (
        len(stray.lines) > 1
        and column > 0
        and first.ends_sentence
        and first.measures_column
        and not first.spaced_out
        and first.width <= column - INDENT - SHORT_MARGIN
    )


def takes(hanging: Block, stray: Block, indents: bool) -> bool:
    """The stray block continues the hanging one: one column (:func:`shared_column`), and
    a first line that cannot open a paragraph in it (:func:`cannot_open`) or that closes
    the paragraph the hanging block leaves open (:func:`closes_carried_paragraph`)."""
    column = shared_column(hanging, stray)
    if column is None:
        return False
    return cannot_open(stray.first, column, indents) or closes_carried_paragraph(stray, column)
