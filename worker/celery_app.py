"""The Celery app of the worker (``python -m worker``, see worker/__main__.py)."""

from __future__ import annotations

import gc
import logging
from typing import Any

from celery import Celery
from celery.signals import task_postrun, worker_init, worker_process_init, worker_ready

from shared.analysis import analyse_article
from shared.db import dispose_engines, get_engine
from shared.idf import idf_table
from shared.queue import celery_config
from shared.segmenter import load_jieba
from shared.settings import Settings
from worker.heap import EveryNthTask, release_dictionary_in_pool_parent, return_free_heap_to_os
from worker.sweeper import JobSweeper
from worker.timers import CancelledTimerSweeper

log = logging.getLogger(__name__)

settings = Settings.from_env()

app = Celery("baokan", include=["worker.tasks"])
app.conf.update(celery_config(settings))
app.steps["worker"].add(JobSweeper)
app.steps["worker"].add(CancelledTimerSweeper)


@worker_init.connect
def _warm_before_fork(**_: Any) -> None:
    # Loaded in the parent before the pool forks, so every child shares the dictionary (in
    # jieba-rs's memory, which the children only read) and the memory-mapped IDF table.
    load_jieba()
    idf_table()
    # jieba-rs builds its part-of-speech tables and patterns on first use (~8 MB): do it here.
    analyse_article(title_parts=["预热"], paragraphs=["本报讯 聊城市委统战部召开会议，崔岩说。"])
    get_engine(settings.database_url)
    dispose_engines()
    # Move everything loaded so far out of the garbage collector's reach: collections in the
    # children would otherwise write to every module's object headers and unshare their pages.
    gc.freeze()
    # Every pool process maps the parent's heap and counts it in its RSS, so each MiB the
    # parent returns is three fewer in the worker's total (2–3 MiB here, 6–8 over the three).
    return_free_heap_to_os()


@worker_ready.connect
def _parent_lets_go_of_the_dictionary(sender: Any = None, **_: Any) -> None:
    # With a pool of processes the parent never segments: once the children are forked it
    # drops its own mapping of the dictionary (some 28 MiB), which the children keep sharing.
    # The solo and thread pools run tasks in this process, so they keep it.
    release_dictionary_in_pool_parent(getattr(sender, "pool", None))


# In a pool process: the heap that tasks leave free goes back every few tasks (worker/heap.py).
_trim_between_tasks = EveryNthTask(return_free_heap_to_os)


@task_postrun.connect
def _after_task(**_: Any) -> None:
    _trim_between_tasks.task_ended()


@worker_process_init.connect
def _fresh_engine_in_child(**_: Any) -> None:
    # A forked child must never reuse its parent's database connections.
    dispose_engines(after_fork=True)
    # A child forked after the parent let go of the dictionary (one that replaces a child that
    # died) loads its own now rather than in its first task.
    load_jieba()
