"""Lines and their layout features."""

from __future__ import annotations

import unicodedata

import pytest

from shared.parsing.continuation_markers import find_continuations
from shared.parsing.indentation import leading_space
from shared.parsing.lines import display_width, ends_sentence, make_line, split_lines
from shared.parsing.normalise import COMMON_WIDE_RANGES, is_wide


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("委统战部召开上半年重点工作调度会，", 17.0),
        ("有效实施民生实事项目 40 个", 12.0),
        ("“五大行动”", 6.0),
        ("H5", 1.0),
        ("", 0.0),
    ],
)
def test_display_width_counts_em(text: str, width: float) -> None:
    assert display_width(text) == width


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("分管日常工作的副部长崔岩说。", True),
        ("同为一理念……”", True),
        ("能不带钥匙吗？", True),
        ("“我战胜了病毒！”", True),
        ("发布会。）", True),
        ("严肃的问责）要求", False),
        ("（下转第2版）", False),
        ("体化统筹、平台化实施、品牌化打造，构", False),
        ("我市构建“五大行动”高效运转工作体系", False),
        ("", False),
    ],
)
def test_ends_sentence(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected


def test_make_line_features() -> None:
    line = make_line("  育 基 地 ，先 后 入 选 省 、市 廉 洁 教 育 地", number=81, page=1)
    assert line.number == 81
    assert line.page == 1
    assert line.indent == 2
    assert line.spaced_out
    assert line.width == 16.0
    assert not line.ends_sentence
    assert line.text.startswith("育 基")
    assert not line.is_blank


def test_make_line_normalises_characters_and_strips() -> None:
    line = make_line("\u3000\u3000ＡＢＣ⼀", number=1, page=1)
    assert line.text == "ABC一"
    assert line.indent == 2


def test_blank_line() -> None:
    assert make_line(" \t\u3000", number=3, page=1).is_blank


def test_split_lines_numbers_lines_and_pages() -> None:
    pages = split_lines("第一页\n正文\f第二页\n\n正文\n\f第三页")
    assert [[(line.number, line.page, line.text) for line in page] for page in pages] == [
        [(1, 1, "第一页"), (2, 1, "正文")],
        [(2, 2, "第二页"), (3, 2, ""), (4, 2, "正文"), (5, 2, "")],
        [(5, 3, "第三页")],
    ]


def test_split_lines_of_empty_text_is_one_blank_page() -> None:
    pages = split_lines("")
    assert len(pages) == 1
    assert all(line.is_blank for line in pages[0])


def test_display_width_of_every_kind_of_character() -> None:
    from shared.parsing.normalise import is_wide

    text = "中文，“引号”ABC 123\u3000全角ＡＢ—…·\t x"
    expected = sum(1.0 if is_wide(c) else 0.5 for c in text if not c.isspace())
    assert display_width(text) == expected


@pytest.mark.parametrize(
    ("text", "opens_dateline", "measures_column"),
    [
        ("本报讯（记者 朱海波）7月1日，全市召开工作会议，", True, False),
        ("全市召开上半年重点工作调度会，部署下一阶段工作", False, True),
        ("会议要求各部门抓好落实。（下转第2版）", False, False),
        ("本 报 讯 （ 记 者 张 三 ） 全 市 召 开", True, False),
        ("记 者 手 记 专 栏", False, False),
    ],
)
def test_make_line_decides_dateline_and_column_measure_once(
    text: str, opens_dateline: bool, measures_column: bool
) -> None:
    """The facts later stages ask about each line several times are decided when the line
    is made, as starts_with_dateline, the column measure's rules and find_continuations
    decide them."""
    line = make_line(text, 1, 1)
    assert line.opens_dateline is opens_dateline
    assert line.measures_column is measures_column
    assert list(line.continuations) == find_continuations(text)


def test_display_width_counts_common_wide_characters_as_one_em() -> None:
    """display_width counts the common wide characters in bulk: each must be one em wide
    by the character-by-character rule (east Asian width W, F or A, not a space)."""
    for low, high in COMMON_WIDE_RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            assert not char.isspace(), hex(code)
            assert is_wide(char), hex(code)
            assert display_width(f"a {char}\u3000") == 1.5


def test_every_character_is_wide_by_its_east_asian_width() -> None:
    """is_wide answers ASCII and the common ideographs without looking them up: every
    character of the Basic Multilingual Plane and a few beyond must still get Unicode's
    answer (W, F or A; the midline ellipsis wide too; space and tab narrow)."""
    for code in [*range(0x10000), *range(0x20000, 0x20100), 0x1F600, 0xE0001]:
        char = chr(code)
        by_unicode = char == "\u22ef" or (
            char not in " \t" and unicodedata.east_asian_width(char) in ("W", "F", "A")
        )
        assert is_wide(char) is by_unicode, hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "有效实施民生实事项目 40 个",
        "H5\t动画",  # a tab: no visible ASCII, but of uncommon width
        "第\x7f2版",  # DEL: ASCII, not visible
        "Café 咖啡",  # a Latin letter past ASCII
        "⼈民日报 😀",  # a Kangxi radical, an emoji
        "\u3000\u3000本报讯",
        "",
    ],
)
def test_display_width_in_bulk_is_the_sum_of_each_characters_width(text: str) -> None:
    widths = [0.0 if c.isspace() else 1.0 if is_wide(c) else 0.5 for c in text]
    assert display_width(text) == sum(widths)


def test_a_glued_continuation_marker_hides_neither_indent_nor_sentence_end() -> None:
    """A continuation marker the extractor glued before or after a line's text stands in a
    box of its own: the kept indent and the sentence end of the line are its text's."""
    opening = make_line("（上接第1版）　　疫情之前，超市已尝试在线上触达顾客。", 1, 1)
    assert opening.indent == 2  # the paragraph's kept indent, after the marker
    assert leading_space(opening) == "　　"  # what the page's kept indent is compared with
    closing = make_line("能不能快点来帮我们开下门！”（下转第2版）", 2, 1)
    assert closing.ends_sentence  # the marker's bracket closes no parenthesis of the text
    assert not make_line("会议要求各部门抓好（下转第2版）", 3, 1).ends_sentence
    assert make_line("（下转第2版）", 4, 1).indent == 0
