"""Columns read in two bands: put each column's lower part back under its upper part.

Where something cuts across a module's columns at one height (a photo or a box set into
the body, the foot of a title standing over part of the columns), an extractor may read
the columns' upper parts from left to right and only then their lower parts: an article
set in columns of 16 lines whose first three lines stand in a band of their own comes
out as blocks of 3, 3, 3, 3 lines, then 16, 16, 16, 13.  Read in that order the text
jumps from each column's head to the next column's head.

The shape tells it.  One module's columns are all as tall, but for the last, which the
text may leave short; so a run of blocks set in one column width can only be read as one
band of columns if every block but the last has one line count.  A run of blocks parted by
blank lines (column breaks) made of an upper band of ``k`` blocks of one count then a
lower band of ``k`` blocks of another count (the last no longer: the text may end there),
or of ``k - 1`` blocks (the text ended in the upper band, whose last block may be the
shorter), is two bands of the same ``k`` columns, and is read column by column: upper
part, then lower part, provided the two bands speak of one thing and no lower part plainly
opens a paragraph under an upper part left in mid-sentence.  Three bands or more, each of
as many blocks of one count, other than the next band's, are read the same way
(:func:`stacked_bands`).  Not on a page that parts its paragraphs with blank lines too:
there a block is a paragraph.  This runs before stray pieces are moved
(:mod:`.stray_moves`), which need the columns in reading order to find what hangs.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from shared.parsing.block import Block
from shared.parsing.columns import COLUMN_TOLERANCE, SAME_WIDTH, SHORT_MARGIN, full_lines_apart
from shared.parsing.stray_pieces import (
    BodyShape,
    block_column,
    most_filled,
    opens_block_paragraph,
    running_lines,
)
from shared.parsing.text_ends import closes_text
from shared.parsing.topic import joins_into_word, lines_share_topic, lines_words
from shared.parsing.units import Item, Unit, body_blocks

# Fewer columns than this in a band say nothing: two blocks of different counts are a
# column and the last, shorter one.
MIN_BAND_COLUMNS = 2
# A run read in more than two bands has at least this many.
MIN_STACKED_BANDS = 3


def read_bands(items: list[Item], shape: BodyShape) -> list[Item]:
    """Each article unit's body with runs read in two bands put in column order, on a
    page whose blank lines part columns (``shape``, how the page's body is set): where they
    part paragraphs as well (:func:`blanks_part_paragraphs`) a block is a paragraph, whose
    line count says nothing of a column's height.  The words the page's body prints may
    tell a run of blocks all as tall read in two bands (:func:`band_split`)."""
    if shape.blank_paragraphs:
        return items
    words: frozenset[str] | None = None
    for item in items:
        if isinstance(item, Unit) and item.kind == "article" and len(item.body) >= 4:
            # a 上接 marker is set over the first column, where it takes a line's room
            continued = any(not marker.forward for marker in item.markers)
            if words is None:
                words = lines_words([line for b in body_blocks(items) for line in b.lines])
            item.body = reorder_bands(item.body, shape.indents, continued, words)
    return items


def reorder_bands(
    body: list[Block],
    indents: bool = False,
    headed: bool = False,
    words: frozenset[str] = frozenset(),
) -> list[Block]:
    """The body with every run of blocks read band by band (:func:`band_split`) put in
    column order (upper part of a column, then its lower part); ``indents``: the page
    indents its paragraphs' first lines; ``headed``: a line stands over the body's first
    column (a 上接 marker), taking a line's room there.  A run carried on through short
    column feet by the column its blocks measured that reads as no bands is read in the
    shorter runs those feet part (:func:`_run_ends` with ``by_run_column`` off): the feet
    may be a band's end, and what follows them another text.  ``words``: the bigrams the
    page prints (:func:`band_split`)."""
    out: list[Block] = []
    start = 0
    for end in _run_ends(body):
        run = body[start:end]
        under_head = headed and start == 0  # only the body's first run stands under it
        if _read_leading_bands(run, indents, out, under_head, words):
            start = end
            continue
        inner = 0
        for part_end in _run_ends(run, by_run_column=False):
            part = run[inner:part_end]
            # the first part is a prefix of the run, whose every prefix read in no bands
            if inner == 0 or not _read_leading_bands(part, indents, out, words=words):
                out.extend(part)
            inner = part_end
        start = end
    return out


def _read_leading_bands(
    run: list[Block],
    indents: bool,
    out: list[Block],
    headed: bool = False,
    words: frozenset[str] = frozenset(),
) -> bool:
    """Put the run on ``out`` in column order if it reads in bands, else its longest
    leading blocks that do (the rest after them as they come); False (``out`` untouched)
    when none do.  A block set after the bands in their column (the text read after a cut
    under them, a piece of another module, the last column's foot) keeps the whole run
    from reading as bands, but leaves their shape as plain above it."""
    for end in range(len(run), 2 * MIN_BAND_COLUMNS - 1, -1):
        if _read_run(run[:end], indents, out, headed, words):
            out.extend(run[end:])
            return True
    return False


def _read_run(
    run: list[Block],
    indents: bool,
    out: list[Block],
    headed: bool = False,
    words: frozenset[str] = frozenset(),
) -> bool:
    """Put the run's blocks in column order on ``out`` if it reads in bands; else False
    (``out`` untouched).  ``headed``: a line stands over the run's first column."""
    split = band_split(run, indents, headed, words)
    columns = None if split is not None else stacked_bands(run, indents, headed)
    if columns is not None:
        for block in run[columns:]:
            block.under_band = True
        for column in range(columns):  # each column's parts, band by band
            out.extend(run[column::columns])
    elif split is not None:
        upper, lower = run[:split], run[split:]
        for block in lower:
            block.under_band = True
        for index, block in enumerate(upper):
            out.append(block)
            if index < len(lower):
                out.append(lower[index])
    return split is not None or columns is not None


def _run_ends(body: Sequence[Block], by_run_column: bool = True) -> list[int]:
    """Where the runs of blocks set in one column end: a block that does not come after a
    blank line, or is set in another column width, or is not running text starts a run
    (two blocks that measure no column judged by the column the run measured before them
    unless ``by_run_column`` is off)."""
    ends: list[int] = []
    column = block_column(body[0]) if body else 0.0
    for index in range(1, len(body)):
        before, block = body[index - 1], body[index]
        measure = column if by_run_column else 0.0
        if by_run_column and measure <= 0:
            measure = _column_ahead(body, index)
        if not _goes_on_run(before, block, measure):
            ends.append(index)
            column = 0.0
        column = block_column(block) or column
    ends.append(len(body))
    return ends


def _column_ahead(body: Sequence[Block], index: int) -> float:
    """The column of the first block from ``index`` on that measures one, where every
    block up to it (from ``index``) would go on a run (text after a blank line), else 0.
    Blocks of a line or two at a run's head (the upper parts of columns cut short by
    something set across them) measure no column of their own, and an indented first
    line among them is two em narrower than a running line: the column their run goes on
    in under them tells whether they were set in it."""
    for block in body[index:]:
        if block.kind != "text" or not block.blanks_before or block.first.continuations:
            return 0.0
        measured = block_column(block)
        if measured > 0:
            return measured
    return 0.0


def _goes_on_run(before: Block, block: Block, column: float = 0.0) -> bool:
    """``block`` goes on the run ``before`` ends, whose blocks measured ``column`` (0 when
    none did)."""
    if block.kind != "text" or before.kind != "text" or not block.blanks_before:
        return False
    if block.opens_with_dateline or block.first.continuations or before.last.continuations:
        return False
    return _same_width(before, block, column)


def _same_width(first: Block, second: Block, column: float = 0.0) -> bool:
    """Both blocks set in one column: measured alike where both tell it, else no line of
    the unmeasured one wider than the column the run's blocks measured up to ``first``
    (``column``; a lower band of short column feet, a paragraph's last lines, is as narrow
    as the text leaves it) and the measured one, if any, set in that column; where nothing
    in the run measured a column, widest lines alike."""
    a, b = block_column(first), block_column(second)
    if a > 0 and b > 0:
        alike = abs(a - b) <= COLUMN_TOLERANCE or _running_alike(first, second)
        return alike and not full_lines_apart(first.lines, second.lines)
    column = a or column
    if column > 0:
        unmeasured = [block for block in (first, second) if block_column(block) <= 0]
        return abs((b or column) - column) <= COLUMN_TOLERANCE and all(
            block.widest <= column + COLUMN_TOLERANCE for block in unmeasured
        )
    if a <= 0 and b <= 0:  # two short blocks: their widest lines fill the column
        return abs(first.widest - second.widest) <= COLUMN_TOLERANCE
    return first.widest <= b + COLUMN_TOLERANCE


def _running_alike(first: Block, second: Block) -> bool:
    """Most running lines of each block (:func:`running_lines`: inside a paragraph, where
    a line fills the measure) fill one width, the same: one column, though a line of one
    holds half-width characters or marks set closer than full width, which put it more
    than the tolerance past the other's widest (``《长生殿·定情》《虎囊弹·山门》``)."""
    a, b = most_filled(running_lines(first.lines)), most_filled(running_lines(second.lines))
    return a > 0 and b > 0 and abs(a - b) <= SAME_WIDTH


def band_split(
    run: Sequence[Block],
    indents: bool = False,
    headed: bool = False,
    words: frozenset[str] = frozenset(),
) -> int | None:
    """Where the lower band starts in a run of blocks of one column read band by band, or
    None when the run reads as one band (or nothing tells, or the text says otherwise:
    :func:`_one_text`, :func:`_reads_on`).  ``headed``: a line stands over the run's first
    column, whose upper part may then be a line short (:func:`_line_counts`).

    Where the lower band's first part is as tall as the upper parts, the line counts read
    as well in one band (one row of columns all as tall); then the page's ``words`` (the
    bigrams it prints inside its lines) tell, when read band by band clearly more joins
    between parts make a printed word than read as the blocks come
    (:func:`_words_read_in_bands`)."""
    counts = _line_counts(run, headed)
    for upper in range(MIN_BAND_COLUMNS, len(run) - MIN_BAND_COLUMNS + 1):
        lower = len(run) - upper
        if lower not in (upper, upper - 1):
            continue
        top, bottom = counts[:upper], counts[upper:]
        if (
            _band(top, full=lower == upper)
            and _band(bottom, full=lower < upper)
            and (bottom[0] != top[0] or _words_read_in_bands(run, upper, words))
            and _one_text(run[:upper], run[upper:])
            and _reads_on(run[:upper], run[upper:], indents)
        ):
            return upper
    return None


def stacked_bands(
    run: Sequence[Block], indents: bool = False, headed: bool = False
) -> int | None:
    """How many columns a run read in three bands or more has, each band of as many
    blocks of one line count (the last band's last block no longer: the text may end
    there) and each band's count other than the next one's, or None.  The last band may
    be a block short, as a lower band may (:func:`band_split`): the text ended in the band
    above, whose last block may then be the shorter, and the last band's blocks are the
    other columns' feet, no taller than that band.  Each band must read on into the next
    as two bands do.  ``headed``: as for :func:`band_split`."""
    counts = _line_counts(run, headed)
    for columns in range(MIN_BAND_COLUMNS, (len(run) + 1) // MIN_STACKED_BANDS + 1):
        if len(run) % columns not in (0, columns - 1):
            continue
        bands = [
            range(start, min(start + columns, len(run))) for start in range(0, len(run), columns)
        ]
        heights = [[counts[i] for i in band] for band in bands]
        # a last band a block short: the text ended in the band above, in its last column,
        # so the last band holds the other columns' feet, no taller than that band
        short = len(heights[-1]) < columns
        if (
            all(_band(h, full=True) for h in heights[: -2 if short else -1])
            and (not short or _band(heights[-2], full=False))
            and (not short or _takes_feet(run, bands[-2], heights[-1]))
            and _band(heights[-1], full=False)
            and all(a[0] != b[0] for a, b in itertools.pairwise(heights))
            and all(
                _one_text(run[a.start : a.stop], run[b.start : b.stop])
                and _reads_on(run[a.start : a.stop], run[b.start : b.stop], indents)
                for a, b in itertools.pairwise(bands)
            )
        ):
            return columns
    return None


def _line_counts(run: Sequence[Block], headed: bool) -> list[int]:
    """The room each block takes in its column, in lines.  A line standing over the run's
    first column (``headed``: a 上接 marker, set in the column it heads) takes a
    line's room there, so a first block a line shorter than the next, not ending on a
    paragraph's short last line (:func:`_ends_short`: its text goes on in its lower part),
    counts that line: the columns of one article are equally tall in print."""
    counts = [len(block.lines) for block in run]
    if headed and len(run) > 1 and counts[0] + 1 == counts[1] and not _ends_short(run[0], run[1]):
        counts[0] += 1
    return counts


def _ends_short(block: Block, beside: Block) -> bool:
    """The block's last line closes its text short of the column (measured on the block,
    or on the column ``beside`` it where the block is too short to tell): a paragraph's
    last line, where a column may end with the text.  A sentence may as well close at the
    column's full width and go on in the next line."""
    if not closes_text(block.last):
        return False
    column = _part_column(block, beside)
    return column <= 0 or block.last.width <= column - SHORT_MARGIN


def _part_column(part: Block, beside: Block) -> float:
    """The column a column's part was set in: the width most of its lines fill (three or
    more tell it; its widest may be half an em past the column), else its measured column,
    else that of the part ``beside`` it (in the same column, or the next), else 0."""
    return most_filled(part.lines) or block_column(part) or block_column(beside)


def _takes_feet(run: Sequence[Block], band: range, feet: Sequence[int]) -> bool:
    """The columns of ``band`` but its last may go on into a band of ``feet`` (line
    counts) under it: the feet are no taller than the band, and each column's part in the
    band is left in mid-sentence, for its foot to finish."""
    heights = [len(run[i].lines) for i in band]
    return max(feet) <= heights[0] and not any(closes_text(run[i].last) for i in band[: len(feet)])


# A join making a word may be chance: a band reading must make this many more of them.
MIN_WORD_JOINS = 2


def _words_read_in_bands(run: Sequence[Block], upper: int, words: frozenset[str]) -> bool:
    """Read band by band (each of the ``upper`` columns' upper part, then its lower part), at
    least ``MIN_WORD_JOINS`` more of the run's joins run a printed word across from one
    part into the next than read as the blocks come.  The two readings differ only in
    which part goes on from which, and a column break falls inside a word about as often
    as a line break does, while two parts of unrelated places seldom join into one."""
    if not words:
        return False
    lower = run[upper:]
    in_bands = [b for i, top in enumerate(run[:upper]) for b in (top, *lower[i : i + 1])]
    as_bands = sum(_word_joins(in_bands, words))
    as_read = sum(_word_joins(run, words))
    return as_bands >= as_read + MIN_WORD_JOINS


def _word_joins(blocks: Sequence[Block], words: frozenset[str]) -> Iterator[bool]:
    """For each two blocks read one after the other: does the join run a word across (two
    characters printed together elsewhere on the page, :func:`.topic.joins_into_word`)?"""
    for before, after in itertools.pairwise(blocks):
        yield joins_into_word(before.last.text, after.first.text, words)


def _one_text(upper: Sequence[Block], lower: Sequence[Block]) -> bool:
    """The two bands speak of one thing (:func:`lines_share_topic`, true when either is too
    short to tell): a module's pieces of another article set down under this one's columns
    (stray pieces, :mod:`.stray_moves`) may have the shape of a lower band too."""
    return lines_share_topic(
        [line for block in upper for line in block.lines],
        [line for block in lower for line in block.lines],
    )


def _reads_on(upper: Sequence[Block], lower: Sequence[Block], indents: bool) -> bool:
    """Each column's lower part may go on from its upper part: none opens a paragraph
    plainly (an indented first line, :func:`.stray_pieces.opens_block_paragraph`) under
    an upper part left in mid-sentence at the full width of the column (a short last line
    ends a paragraph, a subhead or a list item whatever it ends with, and the next may
    open indented).  The indent and the full width are measured from the width most of
    the upper part's lines fill, where three or more tell it: its widest lines may be
    half an em wider than the column (half-width digits and letters), and a running line
    an em short (the line-start rule took a character down) then looks indented."""
    for top, bottom in zip(upper, lower, strict=False):
        column = _part_column(top, bottom)
        left_open = not closes_text(top.last) and top.last.width > column - SHORT_MARGIN
        if left_open and opens_block_paragraph(bottom, column, indents):
            return False
    return True


def _band(counts: Sequence[int], *, full: bool) -> bool:
    """One band of columns: all as tall, but for the last, which may be shorter unless
    the band is ``full``: the upper band is when each of its columns has a lower part (the
    text goes on under its last column), the lower band when the upper band has a column
    more (the text ended in that column's upper part, so every column before it is
    full)."""
    height = counts[0]
    if any(count != height for count in counts[:-1]):
        return False
    return counts[-1] == height if full else counts[-1] <= height
