"""Caches that live for one parse: answers several stages ask of the same line or block.

The stages of a parse ask the same questions of a page's lines and blocks more than once
(is this line a byline, which bigrams does it hold, which column was this block set in); the
answers depend on the text alone, so they are cached. The same
lines hardly ever come back on another page, so :func:`analyse_text
<shared.parsing.page.analyse_text>` empties these caches when its parse ends: a worker keeps
no page's lines once the page is parsed and its memory stays flat from page to page (caches
bounded by entries instead held some 15 MB of old pages' lines and blocks in every process).

A parse running in another thread meanwhile only computes again what was cleared: every
cached function is pure.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

_Result = TypeVar("_Result")
_Table = TypeVar("_Table", bound=dict[Any, Any])

_clearers: list[Callable[[], None]] = []


def per_parse(
    function: Callable[..., _Result],
) -> functools._lru_cache_wrapper[_Result]:
    """``function`` cached until the end of the parse (its arguments must be hashable)."""
    cached = functools.cache(function)
    _clearers.append(cached.cache_clear)
    return cached


def per_parse_table(table: _Table) -> _Table:
    """``table`` (a dict used as a cache) emptied at the end of the parse: for a cache keyed
    on less than its function's arguments (a block's lines by their raw texts alone)."""
    _clearers.append(table.clear)
    return table


def end_parse() -> None:
    """Forget every answer cached during the parse that ends."""
    for clear in _clearers:
        clear()

