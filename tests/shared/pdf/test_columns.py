"""Stage 3: the XY-cut reads bands top to bottom and columns left to right."""

from __future__ import annotations

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
