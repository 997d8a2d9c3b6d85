"""A photo credit read on a line of its own under its caption, whatever the caption's width.

A caption closed by its credit is told when blocks are built where the credit shares the
caption's last line, or where the caption is wider than any column (``blocks._is_caption``).
But a caption is set across its photo, and a photo may stand in one or two columns: its
caption is then as narrow as a body (27–32 em), and an extractor may set the credit on a
line of its own under it (``…两方面。`` / ``■ 本报记者 蔡涛涛``).  Read as a byline, the
credit then heads the next article, and the caption joins some article's body.

Two forms tell it from a byline:
- a credit naming its shooter with ``摄`` (``（本报记者 邹桂 摄）``) is a photo's credit,
  never an article's byline (``bylines.py`` keeps such lines out of bylines): under a short
  block of whole sentences it closes that block as its caption, also set a blank line
  under it where the block is one paragraph standing apart above and the credit below
  (a caption printed apart from any text, read as a piece of its own);
- a credit in a byline's form (``■ 本报记者 X``) under a short block of whole sentences,
  with a blank line under it and a report under that whose dateline credits others
  (``本报北京1月16日电（记者王比学）``): a byline heads its text, set right over it, and one
  article has one set of credits, so the line is not that report's byline; nor does it
  close the text above as a closing byline, where the next thing is the next module's
  title.  Likewise where the block over the credit is set in a measure wider than the
  text under the blank line by more than ``WIDER_MARGIN`` em: a caption across its photo,
  no paragraph of that text's columns.  Where a title follows, the credit is left to the
  article stage (``unit_credits.credits_a_caption``).
A caption is a few lines (``CAPTION_MAX_LINES``); a longer block is left as read.
"""

from __future__ import annotations

from shared.parsing.block import Block
from shared.parsing.credits import Credits
from shared.parsing.datelines import match_dateline
from shared.parsing.lines import joined_text
from shared.parsing.photo_credits import match_credit_alone

CAPTION_CREDIT_RULE = "a caption closed by its credit on a line of its own"
# The most lines a caption set as a block of its own runs to (``unit_credits``'s bound).
CAPTION_MAX_LINES = 4
# How far short of a block's widest line a line inside a paragraph may end (squeezed
# punctuation, a Latin word carried over).
FULL_MARGIN = 2.0
# How much wider than the text under it a caption's measure must be to tell it.
WIDER_MARGIN = 4.0
# The fewest lines of text under a credit that tell a column's measure.
COLUMN_MIN_LINES = 3


def join_standalone_credits(blocks: list[Block]) -> list[Block]:
    """Each short text block of whole sentences with a photo credit block right under it
    (see the module's docstring) joined with that credit into one caption block."""
    out: list[Block] = []
    skip = -1
    for index, block in enumerate(blocks):
        if index == skip:
            continue
        credit = blocks[index + 1] if index + 1 < len(blocks) else None
        after = blocks[index + 2] if index + 2 < len(blocks) else None
        if credit is not None and _closes_caption(block, credit, after):
            lines = [*block.lines, *credit.lines]
            out.append(Block("text", lines, CAPTION_CREDIT_RULE, block.blanks_before))
            skip = index + 1
            continue
        out.append(block)
    return out


def _closes_caption(block: Block, credit: Block, after: Block | None) -> bool:
    if block.kind != "text" or credit.kind != "byline":
        return False
    if len(block.lines) > CAPTION_MAX_LINES or len(credit.lines) != 1:
        return False
    if not block.ends_sentence or block.opens_with_dateline:
        return False  # a caption is whole sentences, and never opens with a dateline
    found = match_credit_alone(joined_text(credit.lines))
    if found is None:
        return False
    if credit.blanks_before:
        return "摄" in found.credit and _set_apart(block, after)
    if "摄" in found.credit:
        return True
    return (
        after is not None
        and bool(after.blanks_before)
        and (
            (after.opens_with_dateline and _credits_others(after, found.credits))
            or _wider_than(block, after)
        )
    )


def _wider_than(caption: Block, text: Block) -> bool:
    """The block is set in a measure wider than the text under its credit by more than
    ``WIDER_MARGIN`` em: a caption across its photo, not a paragraph of that text's columns.
    The text is a column's run of lines (``COLUMN_MIN_LINES`` or more), not a title over
    the next report, under which the credit may close the text above (left to the article
    stage)."""
    return (
        text.kind == "text"
        and len(text.lines) >= COLUMN_MIN_LINES
        and caption.widest > text.widest + WIDER_MARGIN
    )


def _set_apart(caption: Block, after: Block | None) -> bool:
    """A shooter's credit set apart from the block over it by a blank line still closes that
    block as its caption where the block stands apart above and the credit below (a blank
    line over the block, and under the credit, or nothing): a one- or two-sentence caption
    printed apart from its text, read with its credit as a piece of its own."""
    return (
        bool(caption.blanks_before)
        and (after is None or bool(after.blanks_before))
        and _one_paragraph(caption)
    )


def _one_paragraph(block: Block) -> bool:
    """Every line of the block but its last fills its measure (within ``FULL_MARGIN`` em of
    the widest): one paragraph, as a caption is, not a title's lines over a sentence."""
    widest = block.widest
    return all(line.width >= widest - FULL_MARGIN for line in block.lines[:-1])


def _credits_others(report: Block, credits: Credits) -> bool:
    """The dateline opening ``report`` names reporters, none of them in ``credits``."""
    dateline = match_dateline(joined_text(report.lines[:3]))
    if dateline is None:
        return False
    named = {*dateline.credits.reporters, *dateline.credits.correspondents}
    return bool(named) and named.isdisjoint({*credits.reporters, *credits.correspondents})
