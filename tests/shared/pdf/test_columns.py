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
