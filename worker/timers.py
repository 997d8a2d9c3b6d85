"""Dropping the worker timer's cancelled entries, which Celery leaves queued until they fall due.

With a pool of processes, the worker's parent enforces the time limits: for every task it
starts, it puts an entry on its timer that fires at the soft limit, and when the task ends in
time it cancels the entry. kombu's timer only marks a cancelled entry; the entry stays in the
timer's heap until its time comes and it is passed over. So the parent holds one entry (some
700 bytes with its bound method, weak proxy and arguments) for every task that started in the
last ``task_soft_time_limit`` seconds: at the bench's 83 pages/s and the 120 s default, about
10,000 entries and 7 MiB, and the parent's RSS rose 0.5 MiB a thousand pages over 4,000 pages
(Celery issues 1129 and 1427 describe the same). :class:`CancelledTimerSweeper` takes the
cancelled entries out every :data:`SWEEP_SECONDS`, so the parent holds only those of the
last few seconds.
"""

from __future__ import annotations

import heapq
from typing import Any

from celery import bootsteps

# How often the cancelled entries are taken out: at 83 tasks/s, some 800 entries (0.6 MiB)
# gather in between, and going over the heap costs well under a millisecond.
SWEEP_SECONDS = 10.0


def drop_cancelled_entries(timer: Any) -> int:
    """Take the cancelled entries out of a kombu timer's heap, keeping the others in their
    order; how many were dropped.

    The heap is rebuilt in place: the timer's running iteration reads the same list.
    """
    queue = timer._queue
    kept = [event for event in queue if not event.entry.canceled]
    dropped = len(queue) - len(kept)
    if dropped:
        heapq.heapify(kept)
        queue[:] = kept
    return dropped


class CancelledTimerSweeper(bootsteps.StartStopStep):  # type: ignore[misc]
    """A worker bootstep that drops the timer's cancelled entries every ``SWEEP_SECONDS``."""

    requires = ("celery.worker.components:Timer",)

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self.timer_ref: Any = None

    def start(self, worker: Any) -> None:
        timer = worker.timer
        if not isinstance(getattr(timer, "_queue", None), list):
            # Not kombu's event-loop timer (a worker without the event loop runs Celery's
            # threaded timer, and no pool of processes to set time limits on).
            return
        self.timer_ref = timer.call_repeatedly(
            SWEEP_SECONDS, drop_cancelled_entries, (timer,), priority=10
        )

    def stop(self, worker: Any) -> None:
        if self.timer_ref is not None:
            self.timer_ref.cancel()
            self.timer_ref = None
