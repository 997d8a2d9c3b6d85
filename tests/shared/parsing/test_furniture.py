"""Running headers and editor lines."""

from __future__ import annotations

import pytest

from shared.parsing.furniture import describe_furniture, furniture_rule, is_editor_line
from shared.parsing.lines import make_line


@pytest.mark.parametrize(
    "text",
    [
        "2024年7月12日 星期五 聊城日报 要闻 2",
        "聊城日报  2024年7月12日  星期五  A2",
        "第2版 要闻 聊城日报 2024年9月23日",
        "02版  综合  南岭日报  2024年12月25日",
    ],
)
def test_running_headers_at_the_page_edge(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is not None


@pytest.mark.parametrize(
    "text",
    [
        "2024年7月12日，市委召开会议。",
        "今年以来，聊城市委统战部坚持一",
        "我市两课程入选",
        "2024年7月12日",
    ],
)
def test_ordinary_lines_are_not_furniture(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is None


def test_header_needs_more_evidence_away_from_the_edge() -> None:
    line = make_line("聊城日报 2024年7月12日", 50, 1)
    assert furniture_rule(line, near_edge=True) is not None
    assert furniture_rule(line, near_edge=False) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("责任编辑：张三", True),
        ("责任编辑：张三  美编：李四", True),
        ("本版编辑 王五", True),
        ("责任编辑张三说，这是一个很长的句子里提到的责任编辑。", False),
    ],
)
def test_editor_lines(text: str, expected: bool) -> None:
    assert is_editor_line(text) is expected


def test_describe_furniture() -> None:
    furniture = describe_furniture(
        [
            make_line("2024年7月12日 星期五 聊城日报 要闻 第2版", 1, 1),
            make_line("责任编辑：张三  美编：李四", 40, 1),
        ]
    )
    assert furniture.paper == "聊城日报"
    assert furniture.date == "2024年7月12日"
    assert furniture.page_label == "第2版"
    assert furniture.section == "要闻"
    assert furniture.editors == ["张三", "李四"]
    assert furniture.lines == [
        "2024年7月12日 星期五 聊城日报 要闻 第2版",
        "责任编辑：张三  美编：李四",
    ]


@pytest.mark.parametrize("text", ["2", "第2版", "A3", "02版"])
def test_a_bare_page_number_at_the_edge_is_furniture(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is not None
    assert furniture_rule(make_line(text, 1, 1), near_edge=False) is None


def test_an_editor_credit_inside_a_short_line() -> None:
    assert is_editor_line("要闻 责任编辑：张三")
