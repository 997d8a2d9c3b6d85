"""A paragraph's first line parted from the lines under it is measured by their column."""

from __future__ import annotations

import dataclasses

from shared.parsing.block import Block
from shared.parsing.blocks import group_blocks
from shared.parsing.lines import split_lines
from shared.parsing.paragraph_openings import opens_paragraph_over
from shared.parsing.titles import label_blocks

# a story set at 20 em, closed
_WIDE = [
    "市民李女士说，社区医生每周上门一次，为老",
    "人测量血压，询问用药情况，还把常用药品送",
    "到家中，让大家很安心。据了解，该社区已为",
    "辖区内的独居老人建立了健康档案。",
]
# a paragraph set at 11 em: its first line, indented, 9 em (the indent not extracted)
_OPENING = "新建的城市公园昨天"
_NARROW = [
    "开放，园内种植了四十多",
    "种树木和花卉，设有儿童",
    "游乐区和健身步道，吸引",
    "了不少市民前来游玩。",
]


def _blocks(opening: str, narrow: list[str]) -> list[Block]:
    """The wide story, the opening line set apart under it by a blank line, and the
    narrow paragraph's other lines right under the opening (no blank line: the extractor
    parted them)."""
    blocks = group_blocks(split_lines("\n".join([*_WIDE, "", opening, "", *narrow]))[0])
    assert len(blocks) == 3
    blocks[2] = dataclasses.replace(blocks[2], blanks_before=[])
    return blocks


def test_a_narrow_paragraphs_first_line_under_a_wider_story_is_body() -> None:
    blocks = _blocks(_OPENING, _NARROW)
    assert opens_paragraph_over(blocks[1], blocks[2])
    assert [role.role for role in label_blocks(blocks)] == ["body", "body", "body"]


def test_a_title_over_its_bodys_indented_first_line_is_still_a_title() -> None:
    # the line under a title is its body's indented first line, no full line
    narrow = ["园内种植了四十多", *_NARROW[1:]]
    blocks = _blocks(_OPENING, narrow)
    assert not opens_paragraph_over(blocks[1], blocks[2])
    assert [role.role for role in label_blocks(blocks)] == ["body", "title", "body"]


def test_a_line_set_apart_by_a_blank_line_opens_nothing_under_it() -> None:
    blocks = group_blocks(split_lines("\n".join([*_WIDE, "", _OPENING, "", *_NARROW]))[0])
    assert not opens_paragraph_over(blocks[1], blocks[2])
