"""jieba's IDF table as a memory-mapped trie: the same values, compiled once."""

from __future__ import annotations

import os
from pathlib import Path

from shared.idf import (
    idf_table,
    jieba_idf_path,
    load_table,
    private_cache_dir,
    release_idf_table,
)


def test_the_table_gives_jiebas_values_and_its_median_for_unknown_words() -> None:
    expected: dict[str, float] = {}
    with jieba_idf_path().open(encoding="utf-8") as lines:
        for line in lines:
            word, value = line.split(" ")
            expected[word] = float(value)
    values = sorted(expected.values())
    median = values[len(values) // 2]  # jieba's median_idf
    table = idf_table()
    assert table.median == median
    assert table.maximum == max(values)
    for word in ("发展", "统战部", "孔繁森", "的"):
        if word in expected:
            assert table.get(word) == expected[word]
    assert table.get("绝不是一个词的字串") == median


def test_the_compiled_table_is_reused_and_rebuilt_when_its_source_changes(tmp_path: Path) -> None:
    source = tmp_path / "idf.txt"
    source.write_text("聊城 5.5\n运河 7.25\n运河 8.0\n茌平 9.0\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    table = load_table(source, cache)
    assert (table.get("聊城"), table.get("运河"), table.median) == (5.5, 8.0, 8.0)
    assert table.maximum == 9.0
    compiled = list(cache.glob("idf-*.marisa"))
    assert len(compiled) == 1
    stamp = compiled[0].stat().st_mtime_ns
    load_table(source, cache)
    assert compiled[0].stat().st_mtime_ns == stamp  # reused, not compiled again

    source.write_text("聊城 1.5\n", encoding="utf-8")
    os.utime(source, ns=(stamp + 10**9, stamp + 10**9))
    assert load_table(source, cache).get("聊城") == 1.5
    assert [path.name for path in cache.glob("idf-*.marisa")] != [compiled[0].name]
    assert len(list(cache.glob("idf-*.marisa"))) == 1  # the stale copy is gone


def test_the_cache_directory_is_private() -> None:
    path = private_cache_dir()
    info = path.stat()
    assert info.st_uid == os.getuid()
    assert not info.st_mode & 0o077


def _mapped_tables() -> int:
    with open("/proc/self/maps") as maps:
        return sum(line.rstrip().endswith(".marisa") for line in maps)


def test_a_released_table_is_unmapped_and_mapped_again_when_asked_for() -> None:
    table = idf_table()
    median = table.median
    del table
    assert _mapped_tables() >= 1
    release_idf_table()
    assert _mapped_tables() == 0
    assert idf_table().median == median
    assert _mapped_tables() == 1
