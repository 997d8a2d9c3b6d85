"""Column widths: the measure a run of body lines was set in."""

from __future__ import annotations

import random

from shared.parsing.columns import (
    COLUMN_WINDOW,
    INDENT,
    MIN_RUNNING_LINES,
    MIN_UNSQUEEZED_LINES,
    column_width,
    holds_whole_ems,
    local_column_widths,
    measures_column,
)
from shared.parsing.lines import Line, make_line, split_lines


def lines_of(text: str) -> list[Line]:
    return split_lines(text)[0]


def line(text: str, number: int = 1) -> Line:
    return make_line(text, number, 1)


def test_column_width_is_the_upper_quartile() -> None:
    widths = [line("一" * n) for n in (6, 15, 17, 17, 17, 18, 9)]
    assert column_width(widths) == 17.0
    assert column_width([]) == 0.0


def test_local_column_widths_match_column_width_over_each_window() -> None:
    rng = random.Random(5)
    texts = ["正" * rng.randint(3, 20) + rng.choice(["", "。", "，"]) for _ in range(80)]
    texts[10] = "本报讯（记者 王 二）" + texts[10]
    texts[20] = "Ｔ Ｅ Ｘ Ｔ 间 隔 排 开 的 一 行"
    page = lines_of("\n".join(texts))
    widths = local_column_widths(page)

    def window_of(index: int) -> list[Line]:
        low, high = max(0, index - COLUMN_WINDOW), index + COLUMN_WINDOW + 1
        return [x for x in page[low:high] if measures_column(x)]

    def running_width(index: int) -> float:
        # the running lines (under a line that does not end a sentence), when enough; one
        # ending in a mark counts an em narrower
        low, high = max(0, index - COLUMN_WINDOW), index + COLUMN_WINDOW + 1
        running = sorted(
            x.width - (x.text[-1] in "，。")
            for at, x in enumerate(page[low:high], start=low)
            if at and measures_column(x) and not page[at - 1].ends_sentence
        )
        if len(running) < MIN_RUNNING_LINES:
            return 0.0
        return running[(len(running) * 3) // 4]

    overall = [column_width(window_of(index)) for index in range(len(page))]
    # a line after a sentence end, short of its window's column by the indent, may be an
    # indented first line: it does not count among the lines ending in a character
    first_line_like = {
        x.number
        for index, x in enumerate(page)
        if index and page[index - 1].ends_sentence and x.width <= overall[index] - INDENT
    }
    for index, current in enumerate(page):
        window = window_of(index)
        # or over the lines ending in a character (no squeezed closing mark) when narrower
        plain = [
            x for x in window if x.text[-1] not in "，。" and x.number not in first_line_like
        ]
        expected = max(overall[index], running_width(index))
        if len(plain) >= MIN_UNSQUEEZED_LINES:
            expected = min(expected, column_width(plain))
        assert widths[current.number] == expected


def test_only_lines_of_whole_em_characters_hold_whole_ems() -> None:
    assert holds_whole_ems(line("有关统计显示，上海现已建成市、"))
    assert not holds_whole_ems(line("区两级公共图书馆23个，街镇图书馆"))
    assert not holds_whole_ems(line("外教桑德罗·达米"))  # a middle dot's width varies
    assert not holds_whole_ems(line(""))
