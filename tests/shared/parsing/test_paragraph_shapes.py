"""Paragraph breaks told from line shapes."""

from __future__ import annotations

from shared.parsing.blocks import group_blocks, local_column_widths, split_paragraphs
from shared.parsing.lines import Line, make_line, split_lines

# Lines of a 15 em column: running lines are 15 em; a paragraph's first line lost its
# two-character indent and is 13 em.
FULL_END = "习近平微笑着向他们挥手致意和问候。"  # 17 em, a sentence ending flush
RUNNING = "机场大门上方悬挂着写有热烈欢迎的"  # 16 em
COLUMN = 16.0


def line(text: str, number: int = 1) -> Line:
    return make_line(text, number, 1)


def groups(text: str, standalone_blocks: tuple[int, ...] = ()) -> list[list[str]]:
    blocks = group_blocks(split_lines(text)[0])
    standalone = {blocks[i].first.number for i in standalone_blocks}
    result = split_paragraphs(blocks, standalone)
    return [[x.text for x in group] for group in result.groups]


# ---- the column under squeezed closing marks --------------------------------------------


def test_the_column_is_measured_on_lines_ending_in_a_character() -> None:
    # a 13 em column where many full lines squeezed a closing mark in (14-15 em)
    texts = [
        "报中共中央批准，决定给予赵",
        "多次欺骗组织，对抗组织审查，",
        "正永开除党籍处分；按规定取",
        "是典型的“两面人”“两面派”；",
        "消其享受的待遇；终止其陕西",
        "无视组织一再教育帮助挽救，",
        "收缴其违纪违法所得；将其涉",
        "特权活动；违背党的组织路线，",
    ]
    lines = split_lines("\n".join(texts))[0]
    assert set(local_column_widths(lines).values()) == {13.0}
    # after a squeezed sentence end, a 13 em line is a full line, not an indented one
    text = "\n".join([*texts[:3], "省第十三次党代会代表资格；", "收缴其违纪违法所得；将其涉"])
    assert len(groups(text)) == 1


def test_few_lines_ending_in_a_character_do_not_set_the_column() -> None:
    lines = split_lines("一二三四五六七八九十。\n以精细化运营激活\n增量与存量市场\n一二三四五，")[0]
    assert set(local_column_widths(lines).values()) == {11.0}
