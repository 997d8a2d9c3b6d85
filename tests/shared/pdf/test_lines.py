"""Stage 2: glyphs → lines, cut at gutters, with spaces where the glyphs leave a gap."""

from __future__ import annotations

from shared.pdf.lines import body_size, build_lines
from shared.pdf.types import Char, PageChars


def _run(text: str, x: float, top: float, size: float, gap: float = 0.0) -> list[Char]:
    chars = []
    for char in text:
        if char == " ":
            x += size * 0.25
            continue
        chars.append(Char(char, x, top, x + size, top + size, size))
        x += size + gap
    return chars


def _page(*runs: list[Char]) -> PageChars:
    return PageChars(1, 600, 800, tuple(c for run in runs for c in run))


def test_columns_on_one_baseline_become_separate_lines() -> None:
    left = _run("第一栏的正文文字", 40, 100, 9)
    right = _run("第二栏的正文文字", 40 + 8 * 9 + 12, 100, 9)  # a 12 pt gutter
    lines = build_lines(_page(left, right))
    assert [line.text for line in lines] == ["第一栏的正文文字", "第二栏的正文文字"]
    assert lines[0].x1 < lines[1].x0


def test_a_narrow_gap_is_one_space_and_a_headline_keeps_its_one_em_space() -> None:
    body = _run("马周故里 清廉茌平", 40, 100, 9)
    headline = _run("深耕廉洁沃土", 40, 40, 20) + _run("构筑清廉矩阵", 40 + 7 * 20, 40, 20)
    more = _run("正文" * 10, 40, 114, 9)
    lines = build_lines(_page(body, headline, more))
    assert [line.text for line in lines][:2] == ["深耕廉洁沃土 构筑清廉矩阵", "马周故里 清廉茌平"]
    assert [line.size for line in lines][:2] == [20, 9]


def test_sizes_are_kept_apart_and_the_body_size_is_the_commonest() -> None:
    title = _run("标题", 40, 40, 20)
    body = _run("正文正文正文", 40, 70, 9)
    page = _page(title, body)
    assert body_size(page.chars) == 9
    assert [(line.text, line.size) for line in build_lines(page)] == [
        ("标题", 20),
        ("正文正文正文", 9),
    ]


def test_a_larger_run_touching_a_text_line_on_its_baseline_joins_it() -> None:
    opener = [Char(c, 40 + i * 11, 99, 51 + i * 11, 110, 11) for i, c in enumerate("本报讯")]
    rest = _run("今天的消息", 40 + 3 * 11, 101, 9)
    lines = build_lines(_page(opener, rest, _run("正文正文正文正文", 40, 120, 9)))
    assert lines[0].text == "本报讯今天的消息"
    assert lines[0].size == 9


def test_a_glyph_off_the_baseline_stays_in_its_line_beside_a_column_on_another_grid() -> None:
    # The middle dot comes from another font and sits 0.6 pt high; the next column's line
    # sits 3.2 pt higher, on its own grid.  The dot is nearer its own line's baseline.
    name = _run("帕巴拉", 40, 100, 9)
    dot = [Char("·", 67, 99.4, 69.5, 108.4, 9)]
    rest = _run("格列朗", 69.5, 100, 9)
    other = _run("另一栏的正文", 140, 96.8, 9)
    lines = build_lines(_page(name, dot, rest, other))
    assert sorted(line.text for line in lines) == sorted(["帕巴拉·格列朗", "另一栏的正文"])


def test_lines_of_one_column_never_merge_however_their_glyphs_scatter() -> None:
    lines = build_lines(
        _page(*(_run("正文文字" * 3, 40, 100 + i * 10.5 + (i % 2) * 1.5, 9) for i in range(6)))
    )
    assert [line.text for line in lines] == ["正文文字" * 3] * 6
