"""Stage 3: the XY-cut reads bands top to bottom and columns left to right."""

from __future__ import annotations

from dataclasses import replace

from shared.pdf.columns import reading_order
from shared.pdf.types import Box, TextLine


def _line(text: str, x: float, top: float, size: float = 9.0) -> TextLine:
    return TextLine(text, x, top, x + len(text) * size, top + size, size, 1)


def _column(name: str, x: float, top: float, rows: int) -> list[TextLine]:
    return [_line(f"{name}{i}行文字文字", x, top + i * 13.5) for i in range(rows)]


def test_a_title_then_its_columns_left_to_right_never_interleaved() -> None:
    title = _line("标题", 150, 40, 20)
    columns = [*_column("甲", 40, 80, 5), *_column("乙", 160, 80, 5), *_column("丙", 280, 80, 3)]
    lines = [title, *columns]
    regions = reading_order(lines, 600, 9.0)
    assert [region.lines[0].text[:2] for region in regions] == ["标题", "甲0", "乙0", "丙0"]
    assert [len(region.lines) for region in regions] == [1, 5, 5, 3]
    assert [line.text[:2] for line in regions[1].lines] == [f"甲{i}" for i in range(5)]
    # the title owns the whole width it was cut with; each column owns up to the gutter middle
    assert (regions[0].cell_x0, regions[0].cell_x1) == (0, 600)
    assert regions[1].cell_x1 == regions[2].cell_x0


def test_modules_side_by_side_read_one_after_the_other() -> None:
    left = [_line("左题", 60, 40, 20), *_column("左", 40, 80, 8)]
    right = [_line("右题", 260, 60, 20), *_column("右", 240, 100, 4)]
    regions = reading_order([*left, *right], 600, 9.0)
    assert [region.lines[0].text[:2] for region in regions] == ["左题", "左0", "右题", "右0"]
    assert regions[0].cell_x1 <= regions[2].cell_x0


def test_a_photo_keeps_its_caption_where_it_stands() -> None:
    photo = Box(40, 40, 200, 200)
    caption = _line("图片说明文字", 40, 206, 8)
    title = _line("右边标题", 260, 40, 20)
    body = _column("右", 240, 80, 12)
    regions = reading_order([caption, title, *body], 600, 9.0, [photo])
    assert [region.lines[0].text[:2] for region in regions] == ["图片", "右边", "右0"]


def _title_pair(left: float, right: float) -> TextLine:
    """Two headlines on one baseline, 40–480 pt, with a gap from ``left`` to ``right``."""
    return TextLine(
        "左边的标题 右边的标题", 40, 40, 480, 60, 20.0, 1, breaks=((left, right, 5),)
    )


def _wide_column(name: str, x: float) -> list[TextLine]:
    return [_line(f"{name}{i}行文字文字文字文字", x, 80 + i * 13.5) for i in range(4)]  # 99 pt


def test_headlines_side_by_side_are_cut_over_the_gutter_between_their_modules() -> None:
    # two modules of two columns: 12 pt gutters inside a module, 20 pt between the modules
    columns = [
        *_wide_column("甲", 40),
        *_wide_column("乙", 151),
        *_wide_column("丙", 270),
        *_wide_column("丁", 381),
    ]
    regions = reading_order([_title_pair(250, 270), *columns], 600, 9.0)
    assert [region.lines[0].text[:2] for region in regions] == [
        "左边", "右边", "甲0", "乙0", "丙0", "丁0",
    ]
    left, right = regions[0], regions[1]
    assert (left.lines[0].text, right.lines[0].text) == ("左边的标题", "右边的标题")
    # each title owns the columns of its own module (the article stage assigns by cell)
    assert left.cell_x1 == right.cell_x0 == 260


def test_a_headlines_own_space_over_an_ordinary_column_gutter_stays() -> None:
    # one module of four columns, every gutter 12 pt; the headline's space over the middle one
    columns = [
        *_wide_column("甲", 40),
        *_wide_column("乙", 151),
        *_wide_column("丙", 262),
        *_wide_column("丁", 373),
    ]
    regions = reading_order([_title_pair(250, 262), *columns], 600, 9.0)
    assert regions[0].lines[0].text == "左边的标题 右边的标题"
    assert [region.lines[0].text[:2] for region in regions[1:]] == ["甲0", "乙0", "丙0", "丁0"]


def test_a_wrapped_headline_stays_one_region_beside_a_one_line_title() -> None:
    # The left headline wraps (24 pt, 8.4 pt of leading, more than 0.8 em of body type); the
    # module on the right has a one-line 22 pt title with its body starting right under it,
    # at the height of the left headline's second line: no band may be cut between the
    # headline's two lines, or the right module would read in between.
    left_title = [_line("加快经济恢复全力稳住经", 50, 40, 24), _line("济大盘", 146, 72.4, 24)]
    right_title = _line("在控得住前提下加快经济恢复", 386, 40, 22)
    regions = reading_order(
        [*left_title, right_title, *_column("左", 40, 110, 6), *_column("右", 386, 72, 9)],
        842,
        9.0,
    )
    assert [[line.text[:3] for line in region.lines] for region in regions] == [
        ["加快经", "济大盘"],
        [f"左{i}行" for i in range(6)],
        ["在控得"],
        [f"右{i}行" for i in range(9)],
    ]


def test_a_title_stack_of_one_module_keeps_its_bands() -> None:
    # title type over body type: the gap under the headline still cuts the band
    regions = reading_order(
        [_line("大标题在这里", 60, 40, 24), *_column("甲", 40, 75, 4), *_column("乙", 160, 75, 4)],
        600,
        9.0,
    )
    assert [region.lines[0].text[:2] for region in regions] == ["大标", "甲0", "乙0"]


def _merged_titles() -> TextLine:
    """Two 20 pt headlines of neighbouring modules on one baseline, one em apart."""
    return TextLine(
        "今日视点：券商市值管理内 大上海保卫战取得重大阶段",
        40.3, 55.0, 540.9, 75.0, 20.0, 1, breaks=((280.3, 300.9, 12),),
    )


def test_side_by_side_titles_whose_other_lines_stand_apart_are_cut() -> None:
    # Every gutter below is as wide as every other, so the gutters cannot tell; each
    # headline wraps on its own, and their second lines stand apart under the gap.
    columns = [*_wide_column("甲", 40), *_wide_column("乙", 151), *_wide_column("丙", 262)]
    lines = [
        _merged_titles(),
        _line("涵正深刻转变", 100.3, 82.0, 20),
        _line("性成果团结一致向前看", 306.8, 82.0, 20),
        *[replace(line, top=line.top + 60, bottom=line.bottom + 60) for line in columns],
    ]
    regions = reading_order(lines, 842, 9.0)
    titles = [[line.text for line in region.lines] for region in regions[:2]]
    assert titles == [
        ["今日视点：券商市值管理内", "涵正深刻转变"],
        ["大上海保卫战取得重大阶段", "性成果团结一致向前看"],
    ]


def test_a_headlines_own_space_stays_when_its_next_line_runs_across_it() -> None:
    columns = [*_wide_column("甲", 40), *_wide_column("乙", 151), *_wide_column("丙", 262)]
    lines = [
        _merged_titles(),
        _line("一行居中的续行标题", 200.0, 82.0, 20),  # 200–380: across the gap
        *[replace(line, top=line.top + 60, bottom=line.bottom + 60) for line in columns],
    ]
    regions = reading_order(lines, 842, 9.0)
    assert [line.text for line in regions[0].lines] == [
        "今日视点：券商市值管理内 大上海保卫战取得重大阶段",
        "一行居中的续行标题",
    ]


def test_headlines_side_by_side_over_a_tall_title_stack_are_cut_over_the_module_gutter() -> None:
    # the columns start more than eight ems below the headlines (two subtitle lines between):
    # their gutters still tell the modules apart
    columns = [
        *_wide_column("甲", 40),
        *_wide_column("乙", 151),
        *_wide_column("丙", 270),
        *_wide_column("丁", 381),
    ]
    lines = [
        _title_pair(250, 270),
        _line("——左边的副题写得很长很长", 40, 100, 13),
        _line("——右边的副题", 270, 100, 13),
        *[replace(line, top=line.top + 80, bottom=line.bottom + 80) for line in columns],
    ]
    regions = reading_order(lines, 600, 9.0)
    assert [region.lines[0].text for region in regions[:2]] == ["左边的标题", "右边的标题"]
