"""explain_text: one line per input line with the role and the deciding rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shared.parsing import ParseError, explain_text
from shared.parsing.explain import ROLES

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ROW = re.compile(r"^\s*(\d+)  (\S+)\s+(\d+\.\d)em  (.+?)  \| (.*)$")


@pytest.fixture(scope="module")
def rows() -> dict[int, tuple[str, str, str]]:
    text = (FIXTURES / "seed-liaocheng-p2.txt").read_text(encoding="utf-8")
    out = explain_text(text)
    lines = out.split("\n")
    assert len(lines) == len(text.split("\n"))
    parsed: dict[int, tuple[str, str, str]] = {}
    for line in lines:
        match = ROW.match(line)
        assert match, line
        parsed[int(match.group(1))] = (match.group(2), match.group(4), match.group(5))
    return parsed


def test_every_role_is_known(rows: dict[int, tuple[str, str, str]]) -> None:
    assert {role for role, _, _ in rows.values()} <= set(ROLES)


@pytest.mark.parametrize(
    ("number", "role", "rule_words"),
    [
        (1, "dateline", "本报讯"),
        (8, "blank-paragraph", "short of the column"),
        (11, "blank-column-break", "column break"),
        (44, "title", "nearer body"),
        (46, "kicker", "longer"),
        (48, "byline", "byline"),
        (153, "title", "title"),
        (154, "subtitle", "——"),
        (263, "caption", ""),
    ],
)
def test_reference_page_roles(
    rows: dict[int, tuple[str, str, str]], number: int, role: str, rule_words: str
) -> None:
    assert rows[number][0] == role
    assert rule_words in rows[number][1]


def test_text_is_shown_verbatim(rows: dict[int, tuple[str, str, str]]) -> None:
    assert rows[81][2] == "育 基 地 ，先 后 入 选 省 、市 廉 洁 教 育 地"


def test_furniture_and_form_feeds() -> None:
    out = explain_text("2024年7月12日 星期五 聊城日报 要闻 2\n\n正文一句话。\f责任编辑：张三")
    lines = out.split("\n")
    assert len(lines) == 3
    assert "furniture" in lines[0]
    assert "furniture" in lines[2]


def test_explain_rejects_non_text() -> None:
    with pytest.raises(ParseError):
        explain_text(None)
