"""Lines → blocks.

A *block* is a run of text lines with no blank line inside; byline lines, furniture lines and
standalone continuation markers are blocks of their own kind, and a line opening with a
dateline always starts a new block, as does a line after a caption closed by its photo
credit (``…发展。　（本报记者 曹晨然 摄）``: nothing of a caption follows its credit).  On a
page whose extractor kept the paragraph indents, an indented line after unclosed text starts
one too, so that title lines glued between two paragraphs can be split off (a paragraph ends
with its sentence).  Title lines glued to a body without a blank line are then split off
(:mod:`shared.parsing.glued_titles`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from shared.parsing.block import Block, BlockKind
from shared.parsing.bylines import is_byline_line
from shared.parsing.caption_credits import join_standalone_credits
from shared.parsing.caption_measures import CAPTION_MEASURE_RULE, caption_start, credit_lines
from shared.parsing.caption_titles import split_titles_over_captions
from shared.parsing.continuation_markers import is_continuation_line, opens_continued_part
from shared.parsing.credits import BULLET
from shared.parsing.furniture import edge_line_numbers, furniture_rule
from shared.parsing.glued_titles import (
    CAPTION_MIN_WIDTH,
    _breaks_out_of_column,
    split_trailing_titles,
)
from shared.parsing.indentation import _carries_paragraph_indent, leading_space, paragraph_indent
from shared.parsing.line_adjacency import sets_nothing_apart
from shared.parsing.lines import Line
from shared.parsing.measure_changes import MEASURE_BODY_RULE, MEASURE_CHANGE_RULE, measure_change
from shared.parsing.photo_credits import match_photo_credit, may_hold_photo_credit
from shared.parsing.short_ended_titles import (
    SHORT_ENDED_BODY_RULE,
    SHORT_ENDED_RULE,
    short_ended_titles,
)
from shared.parsing.text_ends import closes_text


def classify_line(
    line: Line, near_edge: bool, indent: str | None = None
) -> tuple[BlockKind, str]:
    """Furniture, byline, continuation marker or text; ``indent`` is the page's kept
    paragraph indent (None when the extractor dropped indents)."""
    rule = furniture_rule(line, near_edge)
    if rule is not None:
        return "furniture", rule
    if is_byline_line(line.text) and not _carries_paragraph_indent(line, indent):
        return "byline", "byline line (role + names)"
    if line.continuations and is_continuation_line(line.text, line.continuations):
        return "continuation", "continuation marker line"
    return "text", "text line"


def group_blocks(lines: Sequence[Line]) -> list[Block]:
    """Group one page's lines into blocks (blank lines are kept as ``blanks_before``)."""
    edges = edge_line_numbers(lines)
    # On a page whose extractor kept the paragraph indents, an indented line after text that
    # is not closed opens a block: what stands between the last closed sentence and it
    # cannot be body (a paragraph ends with its sentence) and is split off as title lines.
    indent = paragraph_indent(lines)
    blocks: list[Block] = []
    blanks: list[Line] = []
    previous_kind: BlockKind | None = None
    for index, line in enumerate(lines):
        if line.is_blank:
            blanks.append(line)
            previous_kind = None
            continue
        kind, rule = classify_line(line, index in edges, indent)
        joins_previous = (
            previous_kind == kind
            and kind in ("text", "byline")
            and not (kind == "text" and line.opens_dateline)
            and not (
                kind == "text"
                and line.continuations
                and opens_continued_part(line.text, line.continuations)
            )
            and not (kind == "text" and _breaks_out_of_column(line, blocks[-1]))
            and not (kind == "text" and _ends_caption_before(blocks[-1], line))
            and not (
                kind == "text"
                and indent is not None
                and leading_space(line) == indent
                and not closes_text(blocks[-1].last)
            )
        ) or (kind == "byline" and previous_kind == "text" and _is_caption(blocks[-1], line))
        if joins_previous:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block(kind=kind, lines=[line], rule=rule, blanks_before=blanks))
            blanks = []
        previous_kind = kind
    nothing_apart = sets_nothing_apart(blocks)
    if nothing_apart:
        blocks = split_glued_captions(blocks)
        blocks = split_measure_changes(blocks)
        blocks = _split_titles(blocks, short_ended_titles, SHORT_ENDED_RULE, SHORT_ENDED_BODY_RULE)
    blocks = split_stacked_captions(split_trailing_titles(blocks, indent, nothing_apart))
    return join_standalone_credits(split_titles_over_captions(blocks))


def split_glued_captions(blocks: list[Block]) -> list[Block]:
    """On a page that sets no blank line, a text block closed by a photo credit split where
    its caption starts at a measure of its own (:mod:`.caption_measures`): the body above,
    the caption."""
    out: list[Block] = []
    for block in blocks:
        start = caption_start(block.lines) if block.kind == "text" else None
        if start is None:
            out.append(block)
            continue
        out.append(Block("text", block.lines[:start], block.rule, block.blanks_before))
        out.append(Block("text", block.lines[start:], CAPTION_MEASURE_RULE))
    return out


def split_measure_changes(blocks: list[Block]) -> list[Block]:
    """On a page that sets no blank line, a text block split where its measure changes
    (:mod:`.measure_changes`): the body above, the new module's title lines, its body."""
    return _split_titles(blocks, measure_change, MEASURE_CHANGE_RULE, MEASURE_BODY_RULE)


def _split_titles(
    blocks: list[Block],
    find: Callable[[Sequence[Line]], tuple[int, int] | None],
    title_rule: str,
    body_rule: str,
) -> list[Block]:
    """Each text block split at the title lines ``find`` finds in it, again and again in
    what follows them: ``(titles, body)``, where the title lines and the body under them
    start."""
    out: list[Block] = []
    for block in blocks:
        while block.kind == "text":
            found = find(block.lines)
            if found is None:
                break
            titles, body = found
            out.append(Block("text", block.lines[:titles], block.rule, block.blanks_before))
            out.append(Block("text", block.lines[titles:body], title_rule))
            block = Block("text", block.lines[body:], body_rule)
        out.append(block)
    return out


def split_stacked_captions(blocks: list[Block]) -> list[Block]:
    """A caption block holding several captions, each closed by its own credit (``图①：…
    本报记者 张武军摄`` / ``图②：… 许丛军摄（人民视觉）``), split after each credit: one
    photo a caption.  Only in a block whose last line closes a caption too."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "text" or len(block.lines) < 2 or not _closes_caption(block.last):
            out.append(block)
            continue
        start = 0
        for index, line in enumerate(block.lines[:-1]):
            if _closes_caption(line):
                out.append(_piece(block, start, index + 1))
                start = index + 1
        out.append(_piece(block, start, len(block.lines)))
    return out


def _ends_caption_before(block: Block, line: Line) -> bool:
    """The block ends a caption with its photo credit (on its last line, or wrapped onto it
    from the line above: ``…日。　（本报记`` / ``者 高艳国 摄）``), and ``line`` does not carry
    the credit on (``■ 本报记者 郭`` / ``娜桂``): nothing of a caption follows its credit, so
    ``line`` is another item's."""
    last = block.last
    around = last.text if len(block.lines) < 2 else block.lines[-2].text + last.text
    if not may_hold_photo_credit(around):
        return False  # most lines: no credit can close the block (asked of every line)
    if match_photo_credit(f"{last.text}{line.text}") is not None:
        return False
    return credit_lines(block.lines) > 0


def _closes_caption(line: Line) -> bool:
    """The line ends a caption with its credit (text before the credit on the line)."""
    return credit_lines((line,)) == 1


def _piece(block: Block, start: int, end: int) -> Block:
    if start == 0 and end == len(block.lines):
        return block
    return Block(
        block.kind,
        block.lines[start:end],
        block.rule if start == 0 else "a caption after another's credit",
        block.blanks_before if start == 0 else [],
    )


def _is_caption(block: Block, credit: Line) -> bool:
    """A wide text block ending a sentence, or ending in a credit that wraps onto the next
    line (``… ■ 本报`` / ``记者 X``): the credit line right under it is its credit.  A
    credit's bullet opening the tail of a finished sentence (``…很大。 ■ 本报``) tells it
    whatever the width: running text sets no bullet after a sentence at a line's end, and a
    caption set in a narrow module is no wider than its column."""
    tail = block.last.text.rsplit("。", 1)[-1]
    opening = tail.strip()[:1]
    if opening and opening in BULLET and "。" in block.last.text:
        return match_photo_credit(tail + credit.text) is not None
    if not any(line.width >= CAPTION_MIN_WIDTH for line in block.lines):
        return False
    if block.ends_sentence:
        return True
    return bool(tail.strip()) and match_photo_credit(tail + credit.text) is not None


def page_lines(blocks: Sequence[Block]) -> list[Line]:
    """The lines of text blocks with the blank lines before them, in page order."""
    return [
        line
        for block in blocks
        if block.kind == "text"
        for line in (*block.blanks_before, *block.lines)
    ]
