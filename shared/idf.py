"""jieba's IDF table, compact: what makes a word characteristic of an article.

jieba ships the inverse document frequencies of some 270,000 words (``jieba/analyse/idf.txt``).
As a Python dict they take about 37 MB in every process, and each look-up writes a reference
count into the dict's pages, so a forked worker's children slowly copy them. Here they are a
MARISA trie instead (``marisa-trie``): 1.3 MB, built once per user and machine into a private
cache file, then memory-mapped read-only by every process, with about a microsecond a look-up.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import stat
import tempfile
from pathlib import Path

import marisa_trie

# The median IDF, which jieba gives a word its table lacks, is kept in the trie under a key no
# word has (U+FFFF is a Unicode noncharacter; a NUL would end the key inside marisa).
_MEDIAN_KEY = "\uffffmedian"
_MAXIMUM_KEY = "\uffffmaximum"
_FORMAT = "<d"  # the values exactly as jieba reads them
_VERSION = 3  # of the cache file's layout: part of its name


class IdfTable:
    """Word → IDF, and the median IDF for words the table does not list."""

    def __init__(self, trie: marisa_trie.RecordTrie) -> None:
        self._trie = trie
        self.median: float = trie[_MEDIAN_KEY][0][0]
        self.maximum: float = trie[_MAXIMUM_KEY][0][0]  # no word's IDF is higher

    def get(self, word: str) -> float:
        values = self._trie.get(word)
        return values[0][0] if values else self.median


def jieba_idf_path() -> Path:
    """The IDF table jieba ships (found without importing jieba, which would load its model)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed: its IDF table is needed for keywords")
    return Path(next(iter(spec.submodule_search_locations))) / "analyse" / "idf.txt"


def private_cache_dir() -> Path:
    """A directory only this user can write, for the compiled table.

    A memory-mapped trie is trusted as it is, so a directory someone else created (or can write
    to) in the shared temporary directory is never used: a fresh private one is made instead.
    """
    path = Path(tempfile.gettempdir()) / f"baokan-cache-{os.getuid()}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        info = path.lstat()
        if (
            stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            return path
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="baokan-cache-"))


def _entries(source: Path) -> list[tuple[str, tuple[float]]]:
    idf: dict[str, float] = {}
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, value = line.rstrip("\n").rpartition(" ")
            if word:
                idf[word] = float(value)  # a word listed twice counts once, as in jieba
    values = sorted(idf.values())
    median = values[len(values) // 2] if values else 0.0  # as jieba takes it
    maximum = max(values[-1], median) if values else 0.0
    return [
        *((word, (value,)) for word, value in idf.items()),
        (_MEDIAN_KEY, (median,)),
        (_MAXIMUM_KEY, (maximum,)),
    ]


def compile_table(source: Path, target: Path) -> None:
    """Write the trie of ``source`` (jieba's ``word idf`` lines) to ``target``, atomically."""
    trie = marisa_trie.RecordTrie(_FORMAT, _entries(source))
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    trie.save(str(partial))
    os.replace(partial, target)


def load_table(source: Path, cache_dir: Path) -> IdfTable:
    """The table of ``source``, compiled into ``cache_dir`` unless an up-to-date copy is there."""
    info = source.stat()
    stamp = f"{_VERSION}|{source.resolve()}|{info.st_size}|{info.st_mtime_ns}"
    key = hashlib.sha256(stamp.encode())
    target = cache_dir / f"idf-{key.hexdigest()[:16]}.marisa"
    if not target.exists():
        compile_table(source, target)
        for stale in cache_dir.glob("idf-*.marisa"):  # of an older jieba or layout
            if stale != target:
                stale.unlink(missing_ok=True)  # a process that mapped it keeps its mapping
    trie = marisa_trie.RecordTrie(_FORMAT)
    trie.mmap(str(target))
    return IdfTable(trie)


@functools.cache
def idf_table() -> IdfTable:
    """jieba's IDF table, loaded once per process."""
    return load_table(jieba_idf_path(), private_cache_dir())


def release_idf_table() -> None:
    """Let go of this process's table (its memory mapping goes with the trie); the next
    :func:`idf_table` maps it again. For the worker's parent once its pool processes run: they
    keep the mapping they inherited."""
    idf_table.cache_clear()
