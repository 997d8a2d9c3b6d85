"""The worker's sweeper: what it does in the parent besides sweeping the job table."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from celery.concurrency.prefork import TaskPool as ProcessPool
from celery.concurrency.solo import TaskPool as SoloPool

import worker.heap as heap
import worker.sweeper as sweeper_module
from shared import segmenter


def _sweeper(
    pool: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, joined: int, fails: bool = False
) -> Any:
    monkeypatch.setenv("BAOKAN_DATABASE_URL", f"sqlite:///{tmp_path / 's.db'}")
    monkeypatch.setattr(sweeper_module, "sweep_jobs", lambda **_: None)
    segmenter.release_jieba()  # whatever an earlier test of this process loaded

    def join(**_: Any) -> int:
        if joined:
            segmenter.load_jieba()  # joining analyses the joined articles again
        if fails:
            raise RuntimeError("the database went away after the analysis")
        return joined

    monkeypatch.setattr(sweeper_module, "join_pending_batches", join)
    return sweeper_module.JobSweeper(SimpleNamespace(pool=pool))


def test_a_parent_with_a_pool_lets_go_of_the_dictionary_a_join_loaded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    released: list[bool] = []
    monkeypatch.setattr(heap, "release_jieba", lambda: released.append(True))
    _sweeper(ProcessPool.__new__(ProcessPool), monkeypatch, tmp_path, joined=1).sweep()
    assert released == [True]


@pytest.mark.parametrize(("pool", "joined"), [("solo", 1), ("prefork", 0)])
def test_the_dictionary_stays_where_tasks_run_here_or_nothing_was_joined(
    pool: str, joined: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    released: list[bool] = []
    monkeypatch.setattr(heap, "release_jieba", lambda: released.append(True))
    kind = SoloPool if pool == "solo" else ProcessPool
    _sweeper(kind.__new__(kind), monkeypatch, tmp_path, joined=joined).sweep()
    assert released == []


def test_a_join_that_failed_after_analysing_lets_go_of_the_dictionary_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    released: list[bool] = []
    monkeypatch.setattr(heap, "release_jieba", lambda: released.append(True))
    pool = ProcessPool.__new__(ProcessPool)
    _sweeper(pool, monkeypatch, tmp_path, joined=1, fails=True).sweep()
    assert released == [True]
