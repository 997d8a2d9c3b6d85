"""Character normalisation, layout-space removal and joining of wrapped lines."""

from __future__ import annotations

import pytest

from shared.parsing.normalise import (
    display_width,
    is_spaced_out,
    join_wrapped,
    normalise_chars,
    remove_layout_spaces,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＢＣ１２３", "ABC123"),
        ("ｘｙｚ％＋", "xyz%+"),
        ("１７．２７万张", "17.27万张"),
        ("⼀⼆⼈", "一二人"),  # Kangxi radicals
        ("\uf900\ufa0e", "豈﨎"),  # a compatibility ideograph and a unified one in that block
        ("，。：；！？（）“”、《》——……", "，。：；！？（）“”、《》——……"),
        ("本报讯（记者 朱海波）", "本报讯（记者 朱海波）"),
        ("转来的信访案件\u22ef\u22ef", "转来的信访案件……"),  # PyMuPDF's midline ellipsis
    ],
)
def test_normalise_chars(raw: str, expected: str) -> None:
    assert normalise_chars(raw) == expected


def test_normalise_chars_never_changes_the_length() -> None:
    sample = "ＡＢ⼀\uf900，。１２３abc 中文" * 3
    assert len(normalise_chars(sample)) == len(sample)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("育 基 地 ，先 后 入 选 省 、市 廉 洁 教 育 地", "育基地，先后入选省、市廉洁教育地"),
        ("有效实施民生实事项目 40 个，解决", "有效实施民生实事项目40个，解决"),
        ("H5 动画形式推广传播。《冤家亲家》《三", "H5动画形式推广传播。《冤家亲家》《三"),
        ("7 月 8 日，在茌平区", "7月8日，在茌平区"),
        ("出台《2024 年全市", "出台《2024年全市"),
        ("化载体，积极打造“马周故里 清廉茌", "化载体，积极打造“马周故里 清廉茌"),
        ("深耕廉洁沃土 构筑清廉矩阵", "深耕廉洁沃土 构筑清廉矩阵"),
        ("据 Hello World 报道", "据Hello World报道"),
        ("  两端的空格  ", "两端的空格"),
        ("统产业创新驱动。 ■ 本报记者 许金松", "统产业创新驱动。■本报记者 许金松"),
    ],
)
def test_remove_layout_spaces(raw: str, expected: str) -> None:
    assert remove_layout_spaces(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("育 基 地 ，先 后 入 选 省 、市 廉 洁 教 育 地", True),
        ("■ 本 报 记 者 王培源", True),
        ("有效实施民生实事项目 40 个，解决", False),
        ("深耕廉洁沃土 构筑清廉矩阵", False),
        ("a b c d e f", False),
    ],
)
def test_is_spaced_out(text: str, expected: bool) -> None:
    assert is_spaced_out(text) is expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            ["我市两课程入选", "全国基层干部培训优秀网络课程"],
            "我市两课程入选全国基层干部培训优秀网络课程",
        ),
        (["the quick", "brown fox"], "the quick brown fox"),
        (["每月 1".replace(" ", ""), "日、15日"], "每月1日、15日"),
        (["2024", "年"], "2024年"),
        (["1234", "5678"], "12345678"),
        (["iPhone", "15"], "iPhone 15"),
        (["", "正文", ""], "正文"),
    ],
)
def test_join_wrapped(parts: list[str], expected: str) -> None:
    assert join_wrapped(parts) == expected


def test_only_the_ascii_space_is_a_printable_space() -> None:
    """is_spaced_out decides a line without an ASCII space by str.isprintable: every other
    space character must be unprintable."""
    printable_spaces = [
        char for char in map(chr, range(0x110000)) if char.isspace() and char.isprintable()
    ]
    assert printable_spaces == [" "]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本\u3000报\u3000记\u3000者\u3000张\u3000三", True),
        ("本\t报\t记\t者\t张\t三", True),
        ("本  报   记 者 张 三", True),
        ("2024 年 7 月 8 日电", True),
        ("Hello World foo bar baz", False),
    ],
)
def test_is_spaced_out_with_any_space_characters(text: str, expected: bool) -> None:
    assert is_spaced_out(text) is expected


def test_the_midline_ellipsis_is_as_wide_as_the_ellipsis_it_is_read_as() -> None:
    # PyMuPDF reads the Chinese ellipsis of some fonts as U+22EF (narrow to Unicode): it
    # prints the same two em as ……, so a line ending with it is as wide as it looks
    assert display_width("用心为民解忧⋯⋯") == display_width("用心为民解忧……") == 8.0
