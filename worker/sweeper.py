"""A worker bootstep that sweeps the job table on the worker's own timer.

It publishes again the jobs that never reached the broker (Redis was down at upload), whose
message was lost, or whose worker vanished past the lease, and joins the continued articles of
uploads whose last job's worker stopped before it could. Every worker runs one; the sweep
claims each job with a compare-and-set, so several sweepers never publish a job twice.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import bootsteps

from shared.batches import join_pending_batches
from shared.db import make_engine
from shared.jobs import sweep_jobs
from shared.queue import CeleryJobQueue
from shared.segmenter import jieba_loaded
from shared.settings import Settings
from worker.heap import release_dictionary_in_pool_parent

log = logging.getLogger(__name__)


class JobSweeper(bootsteps.StartStopStep):  # type: ignore[misc]
    requires = ("celery.worker.components:Timer",)

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self.worker = worker
        self.settings = Settings.from_env()
        self.timer_ref: Any = None
        # Its own engine, outside the per-process registry that forked children reset.
        self.engine = make_engine(self.settings.database_url)
        self.queue = CeleryJobQueue(self.settings)

    def start(self, worker: Any) -> None:
        self.sweep()
        self.timer_ref = worker.timer.call_repeatedly(
            self.settings.sweep_interval_seconds, self.sweep, priority=10
        )

    def stop(self, worker: Any) -> None:
        if self.timer_ref is not None:
            self.timer_ref.cancel()
            self.timer_ref = None
        self.engine.dispose()

    def sweep(self) -> None:
        joining = False
        joined = 0
        try:
            sweep_jobs(
                engine=self.engine,
                queue=self.queue,
                lease_seconds=self.settings.job_lease_seconds,
            )
            # Uploads whose last job's worker stopped before joining their continued articles.
            joining = True
            joined = join_pending_batches(
                engine=self.engine, keyword_limit=self.settings.keywords_per_article
            )
        except Exception as exc:  # the database may be restarting; the next tick tries again
            log.warning("sweep skipped: %s", exc)
            failed = joining
        else:
            failed = False
        if (joined or failed) and jieba_loaded():
            # Joining analysed articles here, in the parent (even a join that then failed),
            # which loaded the dictionary it lets go of once its pool runs
            # (worker/celery_app.py): again. (Not after a sweep that joined nothing: the
            # first may run before the pool forks, whose processes share the parent's.)
            release_dictionary_in_pool_parent(getattr(self.worker, "pool", None))
