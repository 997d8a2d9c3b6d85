"""Paragraph indents on pages extracted in layout mode: a paragraph's first line stands set in
from its column's text, which the lines read back column by column carry (``Line.set_in``)."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.layout_columns import read_layout_columns
from shared.parsing.lines import split_lines

HEADER = "上海日报 2024年4月8日 星期一 第2版 社会"
TITLE = "      应检未检将被依法处理"

COLUMN_1 = [
    "  本报讯 对拒不参加统一组织的",
    "核酸检测的人员，处罚依据有：",
    "  （一）《治安管理处罚法》第",
    "五十条第一款第一项的规定内容",
    "  第五十条 有下列行为之一的，",
    "处警告或者二百元以下罚款；情",
    "节严重的，处五日以上十日以下",
]
COLUMN_2 = [
    "拘留，可以并处五百元以下罚款",
    "，社区工作人员将上门进行提醒",
    "和劝导，请市民积极予以配合。",
    "  各区也在加快恢复社区菜场和",
    "便利店，保障市民生活的所需。",
]


def _side_by_side(*columns: list[str], width: int = 16, gutter: int = 4) -> list[str]:
    rows = max(len(column) for column in columns)
    lines = []
    for row in range(rows):
        cells = [column[row] if row < len(column) else "" for column in columns]
        lines.append((" " * gutter).join(cell.ljust(width, " ") for cell in cells).rstrip())
    return lines


def _page(*columns: list[str]) -> str:
    return "\n".join([HEADER, "", TITLE, *_side_by_side(*columns)])


def _paragraphs(text: str) -> list[str]:
    (article,) = parse_text(text).articles
    return [paragraph.replace(" ", "") for paragraph in article.to_dict()["paragraphs"]]


def test_lines_set_in_from_their_column_by_the_indent_are_marked() -> None:
    page = split_lines(_page(COLUMN_1, COLUMN_2))[0]
    marks = {line.text: line.set_in for line in read_layout_columns(page) if line.text}
    assert marks[COLUMN_1[4].strip()] is True
    assert marks[COLUMN_1[5]] is False
    assert marks[COLUMN_2[3].strip()] is True
    assert marks[COLUMN_2[4]] is False
    assert marks[TITLE.strip()] is None  # a line alone: no running lines give its edge


def test_two_lines_flush_with_each_other_give_no_edge() -> None:
    # two one-line paragraphs, both set in from a column edge that no line here shows
    column_3 = ["  “我要去单位值班吗？”", "  ……"]
    page = split_lines(_page(COLUMN_1, COLUMN_2, column_3))[0]
    marks = {line.text: line.set_in for line in read_layout_columns(page) if line.text}
    assert marks["“我要去单位值班吗？”"] is None
    assert marks["……"] is None
    assert marks[COLUMN_1[4].strip()] is True


def test_a_line_centred_or_set_right_is_neither_set_in_nor_flush() -> None:
    # a signature set right under the text: farther in than an indent, like a title
    column_2 = [*PLAIN_2, "        上海市卫生健康委员会"]
    page = split_lines(_page(PLAIN_1, column_2))[0]
    marks = {line.text: line.set_in for line in read_layout_columns(page) if line.text}
    assert marks["上海市卫生健康委员会"] is None
    assert marks[PLAIN_2[-1]] is False


def test_plain_pages_carry_no_geometry() -> None:
    (page,) = split_lines("\n".join([HEADER, "", *COLUMN_1]))
    assert all(line.set_in is None for line in page)


def test_a_line_set_in_opens_a_paragraph_where_the_widths_do_not_tell() -> None:
    # ``…第一项的规定内容`` fills the column without ending a sentence: from the widths the
    # text runs on, yet the line under it stands set in by the indent
    paragraphs = _paragraphs(_page(COLUMN_1, COLUMN_2))
    assert paragraphs[1] == "（一）《治安管理处罚法》第五十条第一款第一项的规定内容"
    assert paragraphs[2].startswith("第五十条有下列行为之一的，")
    assert len(paragraphs) == 4


PLAIN_1 = [
    "  本报讯 对拒不参加统一组织的",
    "核酸检测的人员，将依法处理。",
    "  各区将组织工作人员上门提醒",
    "和劝导，请市民积极予以配合。",
    "  社区也会公布检测点的位置和",
    "开放时间，方便市民就近检测，",
    "居民可以关注居委会发布的通知",
]
PLAIN_2 = [
    "，并按时前往检测点参加检测，",
    "社区工作人员将上门进行提醒，",
    "和劝导，请市民都积极配合。",
    "社区也在加快恢复菜场和便利",
    "店，保障市民生活的所需。",
]


def test_a_line_flush_with_its_column_runs_on_after_a_sentence_an_em_short() -> None:
    # ``…请市民都积极配合。`` ends a sentence an em short of the column; the line under it
    # starts flush with the column's text, so it is no paragraph's first line
    paragraphs = _paragraphs(_page(PLAIN_1, PLAIN_2))
    assert len(paragraphs) == 3
    assert paragraphs[-1].endswith(
        "请市民都积极配合。社区也在加快恢复菜场和便利店，保障市民生活的所需。"
    )


def test_a_body_set_without_indents_is_read_by_its_widths() -> None:
    # no line of the body stands set in: its paragraphs are not told by indents, and a
    # sentence ending an em short closes one
    flush = [line.strip() for line in PLAIN_1]
    paragraphs = _paragraphs(_page(flush, PLAIN_2))
    assert paragraphs[-1] == "社区也在加快恢复菜场和便利店，保障市民生活的所需。"
