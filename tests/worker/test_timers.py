"""The worker's parent drops the timer entries that Celery cancels when a task ends in time."""

from __future__ import annotations

from time import monotonic
from types import SimpleNamespace
from typing import Any

from kombu.asynchronous import timer as kombu_timer

from worker.celery_app import app
from worker.timers import SWEEP_SECONDS, CancelledTimerSweeper, drop_cancelled_entries

# kombu's event-loop timer, the worker's (its methods are not annotated).
Timer: Any = kombu_timer.Timer


def _timer_with_entries(count: int) -> tuple[Any, list[Any]]:
    timer = Timer()
    # Entered in another order than they fall due, as tasks with different limits would be.
    entries = [timer.call_after(100 + (7 * n) % count, print, (n,)) for n in range(count)]
    return timer, entries


def test_cancelled_entries_leave_the_heap_and_the_others_keep_their_order() -> None:
    timer, entries = _timer_with_entries(50)
    for entry in entries[::3]:
        timer.cancel(entry)
    assert drop_cancelled_entries(timer) == 17
    live = [entry for n, entry in enumerate(entries) if n % 3]
    assert len(timer) == len(live)
    assert {id(event.entry) for event in timer.queue} == set(map(id, live))
    etas = [event.eta for event in timer.queue]
    assert etas == sorted(etas)
    assert drop_cancelled_entries(timer) == 0


def test_an_entry_cancelled_later_still_does_not_run() -> None:
    timer = Timer()
    ran: list[str] = []
    first = timer.call_after(0, ran.append, ("first",))
    timer.call_after(0, ran.append, ("second",))
    timer.cancel(first)
    drop_cancelled_entries(timer)
    for _wait, entry in timer:
        if entry is None:
            break
        timer.apply_entry(entry)
    assert ran == ["second"]


def test_the_worker_sweeps_its_timer_every_few_seconds() -> None:
    timer, entries = _timer_with_entries(10)
    for entry in entries[:4]:
        timer.cancel(entry)
    worker = SimpleNamespace(timer=timer)
    step = CancelledTimerSweeper(worker)
    step.start(worker)
    sweep = step.timer_ref
    # The event loop, SWEEP_SECONDS on: the sweep falls due, the tasks' limits do not yet.
    later = monotonic() + SWEEP_SECONDS + 1
    _wait, due = next(timer.__iter__(nowfun=lambda: later))
    assert due is sweep
    timer.apply_entry(due)
    assert len(timer) == 10 - 4 + 1  # the live entries, and the sweep entered again
    step.stop(worker)
    assert sweep.canceled
    assert CancelledTimerSweeper in app.steps["worker"]
    assert SWEEP_SECONDS <= 60


def test_a_timer_without_kombus_heap_is_left_alone() -> None:
    worker = SimpleNamespace(timer=SimpleNamespace())
    step = CancelledTimerSweeper(worker)
    step.start(worker)
    assert step.timer_ref is None
