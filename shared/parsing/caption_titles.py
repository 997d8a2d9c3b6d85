"""Title lines an extractor glued over a photo's caption, split off the caption.

A photo's caption is closed by its credit (``…箱房。　（本报记者 王琪娟 摄）``, or the credit
on a line of its own under it), and is set across its photo at a measure of its own: its
lines run to that measure, the last one (or the one the credit starts on) aside.  An
extractor that reads the title of the module beside or under the photo right before the
caption, with no blank line between, hands over one block: ``身负重伤 殊死擒凶（为`` /
``了民族复兴·英雄烈士`` / ``谱）`` (10 em) over ``本市垃圾分类刚施行不久时，…孙晓`` (30 em).
Read as one caption, the title's words open the caption's text and the title is lost to
its article.

No caption opens with lines far narrower than its measure that end no sentence: a caption
is one paragraph of whole sentences set at one measure, and a line of it stops short only
where its text ends.  Title lines do exactly that (a title ends no sentence and is set to
its own words' length).  So where a block closed by a photo credit opens with up to
``MAX_TITLE_LINES`` such lines, each narrower than the next line by more than a squeezed
mark or two (``CAPTION_MARGIN``), and the lines from there on run at the caption's
measure to the credit, the caption starts there and the lines above are split off for the
title stage to read.  This holds for any paper: it asks only for line widths and the
credit, not for words.
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.block import Block
from shared.parsing.caption_measures import credit_lines
from shared.parsing.columns import COLUMN_TOLERANCE
from shared.parsing.glued_titles import CAPTION_MARGIN
from shared.parsing.lines import Line, joined_text
from shared.parsing.photo_credits import match_credit_alone
from shared.parsing.text_ends import closes_text

CAPTION_TITLES_RULE = "a caption under title lines glued over it"
# A title stack runs to three parts of four lines at most (``title_roles.fits_title_stack``).
MAX_TITLE_LINES = 12


def split_titles_over_captions(blocks: list[Block]) -> list[Block]:
    """Each text block closed by a photo credit (on its last lines, or a credit block right
    under it) split where its caption starts under title lines glued over it; a credit
    block under it joins the caption, as a credit under a caption wider than any column
    does when blocks are built (``blocks._is_caption``)."""
    out: list[Block] = []
    skip = -1
    for index, block in enumerate(blocks):
        if index == skip:
            continue
        follower = blocks[index + 1] if index + 1 < len(blocks) else None
        start = _caption_start(block, follower) if block.kind == "text" else 0
        if start == 0:
            out.append(block)
            continue
        caption = block.lines[start:]
        if follower is not None and _is_credit_block(follower):
            caption = [*caption, *follower.lines]
            skip = index + 1
        out.append(Block("text", block.lines[:start], block.rule, block.blanks_before))
        out.append(Block("text", caption, CAPTION_TITLES_RULE))
    return out


def _caption_start(block: Block, follower: Block | None) -> int:
    """Where the caption closing ``block`` starts under title lines, else 0."""
    lines = block.lines
    if len(lines) < 2:
        return 0
    credit = credit_lines(lines)
    if credit:
        end = len(lines) - credit + 1  # the credit's first line: its width is no measure
        measured = len(lines) - credit
    elif _is_credit_block(follower) and closes_text(lines[-1]):
        end = len(lines)
        measured = len(lines) - 1  # the caption's last line stops where its text ends
    else:
        return 0
    for start in range(1, min(MAX_TITLE_LINES, end - 1) + 1):
        if closes_text(lines[start - 1]):
            return 0  # a title ends no sentence
        if _opens_caption(lines, start, measured):
            return start
    return 0


def _opens_caption(lines: Sequence[Line], start: int, measured: int) -> bool:
    """``lines[start:]`` run at one measure (the first line's) to the caption's end, and each
    line above is narrower than it by more than ``CAPTION_MARGIN``."""
    measure = lines[start].width
    if any(line.width + CAPTION_MARGIN >= measure for line in lines[:start]):
        return False
    return all(
        abs(line.width - measure) <= COLUMN_TOLERANCE for line in lines[start + 1 : measured]
    )


def _is_credit_block(block: Block | None) -> bool:
    """A block holding a photo credit and nothing else (``（本报记者 王艳国 摄）``)."""
    if block is None or block.kind != "byline" or block.blanks_before:
        return False
    return match_credit_alone(joined_text(block.lines)) is not None
