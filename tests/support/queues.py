"""A queue client for tests that records what was enqueued instead of publishing it."""

from __future__ import annotations

from shared.queue import QueueUnavailable


class RecordingQueue:
    def __init__(self) -> None:
        self.enqueued: list[str] = []
        self.available = True

    def enqueue(self, job_id: str) -> None:
        if not self.available:
            raise QueueUnavailable("the test broker is down")
        self.enqueued.append(job_id)
