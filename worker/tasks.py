"""Celery tasks: they receive ids, orchestrate, and leave the work to :mod:`shared`."""

from __future__ import annotations

import functools
import logging
from typing import Any

import redis
from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from shared.batches import join_batch_of_job, join_ended_batch
from shared.db import get_engine
from shared.jobs import UnknownJob, fail_job, requeue_job
from shared.metrics import record_stage_durations
from shared.process import process_job
from shared.queue import PROCESS_JOB_TASK
from shared.settings import Settings

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 60


def _is_transient(exc: BaseException) -> bool:
    """A database that is restarting or unreachable: worth another try; a bad file is not."""
    return isinstance(exc, OperationalError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated
    )


@shared_task(name=PROCESS_JOB_TASK, bind=True, max_retries=None)
def process_job_task(self: Any, job_id: str) -> None:
    settings = Settings.from_env()
    engine = get_engine(settings.database_url)
    timings: dict[str, float] = {}
    try:
        outcome = process_job(
            engine=engine,
            job_id=job_id,
            keyword_limit=settings.keywords_per_article,
            max_attempts=settings.max_attempts,
            timings=timings,
        )
    except UnknownJob:
        log.error("job %s does not exist; message dropped", job_id)
        return
    except SoftTimeLimitExceeded:
        fail_job(
            engine=engine,
            job_id=job_id,
            code="timeout",
            message=f"processing took longer than {settings.task_soft_time_limit} s",
        )
        _join_batch(engine, job_id, settings)
        return
    except Exception as exc:
        if _is_transient(exc):
            delay = min(2 ** self.request.retries, MAX_BACKOFF_SECONDS)
            log.warning("job %s: temporary error, retrying in %d s: %s", job_id, delay, exc)
            try:
                requeue_job(engine=engine, job_id=job_id, reason=f"temporary error: {exc}")
            except Exception:
                log.warning("job %s: could not record the retry; the sweeper will", job_id)
            raise self.retry(exc=exc, countdown=delay) from exc
        log.exception("job %s failed", job_id)
        fail_job(
            engine=engine,
            job_id=job_id,
            code="internal_error",
            message=f"processing failed unexpectedly ({type(exc).__name__}: {exc})",
        )
        _join_batch(engine, job_id, settings)
        return
    record_stage_durations(metrics_client(settings.redis_url), timings)
    log.info("job %s %s with %d article(s)", job_id, outcome.state, len(outcome.article_ids))
    if outcome.batch_id is not None:
        _join_batch(engine, job_id, settings, outcome.batch_id)


def _join_batch(
    engine: Engine, job_id: str, settings: Settings, batch_id: str | None = None
) -> None:
    """The job has ended: if it was the last of its upload's files, join the articles
    continued from one file to another. A failure here leaves the job as it ended; the
    sweeper joins the batch later."""
    try:
        if batch_id is None:
            join_batch_of_job(
                engine=engine, job_id=job_id, keyword_limit=settings.keywords_per_article
            )
        else:
            join_ended_batch(
                engine=engine, batch_id=batch_id, keyword_limit=settings.keywords_per_article
            )
    except Exception:
        log.exception("job %s: joining its upload's continued articles failed", job_id)


@functools.cache
def metrics_client(url: str) -> redis.Redis[bytes]:
    """One Redis connection pool per pool process for the metrics."""
    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
