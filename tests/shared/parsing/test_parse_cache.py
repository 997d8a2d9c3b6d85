"""Answers cached during a parse are forgotten when it ends, so no page stays in memory."""

from __future__ import annotations

from pathlib import Path

from shared.parsing import parse_text
from shared.parsing.bylines import is_byline_line
from shared.parsing.parse_cache import per_parse, per_parse_table
from shared.parsing.stray_pieces import _COLUMNS
from shared.parsing.topic import _line_bigrams, _texts_vocabulary

REFERENCE = Path(__file__).resolve().parents[2] / "fixtures" / "seed-liaocheng-p2.txt"


def test_an_answer_is_cached_until_the_parse_ends() -> None:
    calls: list[str] = []

    @per_parse
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert length("本报讯") == length("本报讯") == 3
    assert calls == ["本报讯"]
    parse_text("本报讯（记者 张立）全市今年新建公园十二个。\n")
    assert length("本报讯") == 3
    assert calls == ["本报讯", "本报讯"]


def test_a_parsed_page_leaves_nothing_in_the_caches() -> None:
    parse_text(REFERENCE.read_text(encoding="utf-8"))
    for cached in (is_byline_line, _line_bigrams, _texts_vocabulary):
        assert cached.cache_info().currsize == 0, cached
    assert not _COLUMNS


def test_a_table_is_emptied_when_the_parse_ends() -> None:
    table: dict[str, int] = per_parse_table({})
    table["本报讯"] = 3
    parse_text("本报讯（记者 张立）全市今年新建公园十二个。\n")
    assert table == {}
