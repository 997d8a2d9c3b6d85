"""Returning the C heap's free memory to the system, before the fork and between jobs, and
the parent's copy of the dictionary once its pool processes run.

glibc keeps memory that was freed inside its heap for reuse and gives back only what lies at
the heap's top. A page's parse and store allocate and free some megabytes outside what Python
traces (tracemalloc: 1.3 MB more from page 200 to 1,000 while RSS grew 12 MiB); now and then
what stays in use pins the freed space below it, and a pool process's RSS steps up by several
MiB that it never gives back. Over 2,000 bench pages one pool process stepped 124 → 132 MiB
between pages 800 and 1,200 and stayed there; trimming every few tasks, both stayed within
121–124 MiB (RSS summed 368 → 374 MiB from page 400 to 2,000, against 371 → 384 without).
``malloc_trim(0)`` releases every free page of the heap. It costs about half a millisecond, so
pool processes call it every :data:`TRIM_EVERY_TASKS` tasks (jobs, mostly) rather than after
each. Other C libraries have no such call and are left alone.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable
from typing import Any

from celery.concurrency.prefork import TaskPool as ProcessPool

from shared.idf import release_idf_table
from shared.segmenter import release_jieba

TRIM_EVERY_TASKS = 10


@functools.cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, looked up once; None under another C library."""
    return getattr(ctypes.CDLL(None), "malloc_trim", None)


def return_free_heap_to_os() -> None:
    """Give the C heap's free pages back to the system (glibc); nothing elsewhere."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def release_dictionary_in_pool_parent(pool: Any) -> None:
    """In a worker's parent whose ``pool`` forks processes (prefork), let go of jieba's
    dictionary and the IDF table and give their memory back: the parent never segments, and
    its pool processes keep sharing the copies they inherited. The solo and thread pools run
    tasks in this very process, so there they stay."""
    if isinstance(pool, ProcessPool):
        release_jieba()
        release_idf_table()
        return_free_heap_to_os()


class EveryNthTask:
    """Calls ``action`` after every ``every``-th task that ends in this process."""

    def __init__(self, action: Callable[[], None], every: int = TRIM_EVERY_TASKS) -> None:
        if every < 1:
            raise ValueError("every must be at least 1")
        self._action = action
        self._every = every
        self._ended = 0

    def task_ended(self) -> None:
        self._ended += 1
        if self._ended % self._every == 0:
            self._action()
