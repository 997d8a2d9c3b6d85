"""Stage 4: regions → blocks with a role: title, body, caption or furniture.

The type size decides what the text layer alone cannot: a line set larger than the page's
text type (by 15 % or more) is a title line; a subtitle line that opens with ``——`` stays
with the title it hangs from even when set in text type.  Adjacent title regions (a kicker,
a headline and a subtitle cut apart by generous leading) form one title stack.  A region
that ends with a photo credit is a caption, also when the credit stands after a space on the
caption's own line, which the cut reads as a column of its own; running headers and editor
lines are furniture, recognised by the text parser's own rules (:mod:`shared.parsing.furniture`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from shared.parsing.bylines import is_byline_line
from shared.parsing.furniture import furniture_rule
from shared.parsing.lines import make_line
from shared.parsing.normalise import join_wrapped, normalise_chars, remove_layout_spaces
from shared.parsing.photo_credits import match_photo_credit
from shared.parsing.title_roles import is_subtitle
from shared.pdf.types import Block, Region, TextLine

TITLE_RATIO = 1.15
EDGE_SHARE = 0.12  # the top and bottom 12 % of a page hold its running header and footer


def is_title_line(line: TextLine, text_size: float) -> bool:
    return text_size > 0 and line.size >= TITLE_RATIO * text_size


def clean_text(line: TextLine) -> str:
    """The line's text with characters normalised and layout spaces removed."""
    return remove_layout_spaces(normalise_chars(line.text))


def _runs(region: Region, text_size: float) -> list[Region]:
    """Split a region where its lines change between title type and text type."""
    runs: list[list[TextLine]] = []
    kinds: list[bool] = []
    for line in region.lines:
        large = is_title_line(line, text_size)
        hangs = bool(runs) and kinds[-1] and is_subtitle(clean_text(line))
        if runs and (kinds[-1] == large or hangs):
            runs[-1].append(line)
        else:
            runs.append([line])
            kinds.append(large)
    return [replace(region, lines=tuple(run)) for run in runs]


def _is_furniture(region: Region, page_height: float) -> str | None:
    near_edge = (
        region.bottom <= EDGE_SHARE * page_height or region.top >= (1 - EDGE_SHARE) * page_height
    )
    rules = [
        furniture_rule(make_line(normalise_chars(line.text), 0, line.page), near_edge)
        for line in region.lines
    ]
    if all(rule is not None for rule in rules):
        return str(rules[0])
    return None


def classify(region: Region, text_size: float, page_height: float) -> Block:
    furniture = _is_furniture(region, page_height)
    if furniture is not None:
        return Block("furniture", [region], furniture)
    if all(is_title_line(line, text_size) for line in region.lines[:1]):
        return Block("title", [region], "set larger than the text type")
    texts = [clean_text(line) for line in region.lines]
    if all(is_byline_line(text) for text in texts):
        return Block("body", [region], "byline lines (role + names)")
    credit = match_photo_credit(join_wrapped(texts))
    if credit is not None and credit.caption:
        return Block("caption", [region], "ends with a photo credit")
    return Block("body", [region], "text type")


def _stacks(title: Block, following: Block) -> bool:
    """Is ``following`` (a title block) part of the same title stack as ``title``?"""
    gap = following.top - title.bottom
    size = max(line.size for line in title.lines)
    overlap = min(title.cell_x1, following.cell_x1) - max(title.cell_x0, following.cell_x0)
    lines_overlap = min(
        max(line.x1 for line in title.lines), max(line.x1 for line in following.lines)
    ) - max(min(line.x0 for line in title.lines), min(line.x0 for line in following.lines))
    return -0.5 * size <= gap <= 1.5 * size and overlap > 0 and lines_overlap > 0


def _hanging_subtitle(block: Block) -> bool:
    """A short block in text type that opens with ``——``: the subtitle under a title."""
    return (
        block.role == "body" and len(block.lines) <= 2 and is_subtitle(clean_text(block.lines[0]))
    )


CREDIT_SPACE = 3.0  # em: how far after a caption's line its credit may stand on that line


def _credit_beside(caption: Block, piece: Block) -> Block | None:
    """``caption`` as a caption block when the one line of ``piece`` stands on the baseline of
    one of its lines, in its type, just after it (within ``CREDIT_SPACE`` ems), and completes
    a photo credit closing the text, as ``相关市领导出席会议。　（本报记者 X 摄）`` or a credit
    opening there and wrapped onto the caption's next line (``…称号。　（本报记`` over
    ``者 X 摄）``).  Papers set a credit after a space on the caption's line; the space is
    as wide as a gutter, so the XY-cut reads the credit as a column of its own.
    """
    if len(piece.lines) != 1:
        return None
    tail = piece.lines[0]
    for index, region in enumerate(caption.regions):
        for position, line in enumerate(region.lines):
            if not (
                abs(line.bottom - tail.bottom) <= 0.3 * tail.size
                and abs(line.size - tail.size) <= 0.06 * tail.size
                and 0 <= tail.x0 - line.x1 <= CREDIT_SPACE * tail.size
            ):
                continue
            lines = (*region.lines[: position + 1], tail, *region.lines[position + 1 :])
            regions = [*caption.regions]
            regions[index] = replace(region, lines=lines)
            texts = [clean_text(text_line) for part in regions for text_line in part.lines]
            credit = match_photo_credit(join_wrapped(texts))
            if credit is None or not credit.caption:
                return None
            return Block("caption", regions, "ends with a photo credit set on its last lines")
    return None


def build_blocks(
    regions: Sequence[Region], text_size: float, page_height: float
) -> list[Block]:
    """The page's blocks in reading order, adjacent title regions stacked into one."""
    blocks: list[Block] = []
    for region in regions:
        for run in _runs(region, text_size):
            block = classify(run, text_size, page_height)
            previous = blocks[-1] if blocks else None
            if previous is not None and previous.role == "body" and block.role == "body":
                caption = _credit_beside(previous, block)
                if caption is not None:
                    blocks[-1] = caption
                    continue
            if (
                previous is not None
                and previous.role == "title"
                and (block.role == "title" or _hanging_subtitle(block))
                and _stacks(previous, block)
            ):
                previous.regions.extend(block.regions)
                continue
            blocks.append(block)
    return blocks
