"""Pool processes give their C heap's free memory back every few tasks."""

from __future__ import annotations

import pytest
from celery.signals import task_postrun

import worker.celery_app as app
from worker.heap import TRIM_EVERY_TASKS, EveryNthTask, return_free_heap_to_os


def test_the_action_runs_after_every_nth_task_only() -> None:
    calls: list[int] = []
    every_third = EveryNthTask(lambda: calls.append(1), every=3)
    for _ in range(7):
        every_third.task_ended()
    assert len(calls) == 2


def test_a_period_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        EveryNthTask(lambda: None, every=0)


def test_returning_the_free_heap_runs_here() -> None:
    return_free_heap_to_os()  # glibc's malloc_trim on this machine; a no-op elsewhere


def test_the_worker_trims_after_every_nth_finished_task(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(app, "_trim_between_tasks", EveryNthTask(lambda: calls.append(1)))
    for _ in range(2 * TRIM_EVERY_TASKS):
        task_postrun.send(sender=None)
    assert len(calls) == 2
