"""A closed body to set title candidates under, and the block roles a page gets."""

from __future__ import annotations

from shared.parsing.blocks import group_blocks
from shared.parsing.lines import split_lines
from shared.parsing.titles import label_blocks

BODY = [
    "市委统战部将“五大行动”作为全年",
    "工作重中之重，纳入市委统战工作领导",
    "小组和市委统战部年度工作要点、纳入",
    "重要议事日程和考核督查重要内容。",
]


def roles_of(lines: list[str]) -> list[str]:
    """The role of each block of the page made of ``lines``."""
    blocks = group_blocks(split_lines("\n".join(lines))[0])
    return [role.role for role in label_blocks(blocks)]
