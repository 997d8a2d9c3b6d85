"""A job's life: published to the queue, started, and finished as succeeded or failed.

Nothing here trusts the broker to remember a job: the job row is the truth. A job whose
message never reached Redis, was lost with it, or whose worker vanished mid-run is found by
:func:`sweep_jobs` and published again; running it again is harmless because processing is
idempotent (see :mod:`shared.process`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, SQLModel, col, select

from shared.db import session_scope
from shared.models import Article, Job, utcnow
from shared.queue import JobQueue, QueueUnavailable

log = logging.getLogger(__name__)

# A freshly committed upload is published by the web right away; the sweeper leaves it alone
# for this long so that the two do not race to publish the same job.
PUBLISH_GRACE = timedelta(seconds=10)


class UnknownJob(LookupError):
    """No job has this id."""


def article_ids(session: Session, issue_id: int) -> list[int]:
    """The ids of an issue's articles in page order."""
    rows = session.exec(
        select(Article.id).where(Article.issue_id == issue_id).order_by(col(Article.position))
    ).all()
    return [row for row in rows if row is not None]


def _claim(engine: Engine, job_id: str, condition: ColumnElement[bool], **values: object) -> bool:
    """Set ``values`` on the job if ``condition`` still holds; True if this caller won it.

    A compare-and-set in one UPDATE, so that of several sweepers (one per worker machine)
    exactly one publishes a given job.
    """
    with session_scope(engine) as session:
        result = session.exec(
            update(Job).where(col(Job.id) == job_id, condition).values(**values)
        )
        return bool(result.rowcount == 1)


def publish_job(*, engine: Engine, queue: JobQueue, job_id: str, recorded: bool = False) -> bool:
    """Hand a committed job to the queue and record that it was; False if the broker is down.

    ``recorded``: the caller already committed ``published_at`` with the job (the upload does,
    to save a write); it is cleared again if the broker refuses. A job that could not be
    published stays ``queued`` with no ``published_at``, and the sweeper publishes it once the
    broker answers again. (Should the process die between its commit and this call, the job
    looks published; the sweeper republishes it as lost once its lease has passed.)
    """
    try:
        queue.enqueue(job_id)
    except QueueUnavailable as exc:
        log.warning("job %s stays queued until the broker is back: %s", job_id, exc)
        if recorded:
            _claim(engine, job_id, col(Job.state) == "queued", published_at=None)
        return False
    if not recorded:
        _claim(engine, job_id, col(Job.published_at).is_(None), published_at=utcnow())
    return True


@dataclass(frozen=True)
class SweepReport:
    published: int = 0
    republished_lost: int = 0
    requeued_expired: int = 0

    @property
    def total(self) -> int:
        return self.published + self.republished_lost + self.requeued_expired


def sweep_jobs(
    *, engine: Engine, queue: JobQueue, lease_seconds: int, now: datetime | None = None
) -> SweepReport:
    """Publish again every job the broker does not hold or no worker is running.

    - ``queued`` and never published (the broker was down at upload);
    - ``queued``, published longer than a lease ago and never started (the message was lost,
      e.g. with a Redis that kept nothing on disk);
    - ``running`` for longer than its lease (its worker vanished).
    """
    now = now or utcnow()
    lease_ago = now - timedelta(seconds=lease_seconds)
    unpublished = (col(Job.state) == "queued") & col(Job.published_at).is_(None) & (
        col(Job.created_at) < now - PUBLISH_GRACE
    )
    lost = (col(Job.state) == "queued") & (col(Job.published_at) < lease_ago)
    expired = (col(Job.state) == "running") & (col(Job.started_at) < lease_ago)
    counts = {"published": 0, "republished_lost": 0, "requeued_expired": 0}
    for name, condition, values in (
        ("published", unpublished, {"published_at": now}),
        ("republished_lost", lost, {"published_at": now}),
        (
            "requeued_expired",
            expired,
            {
                "state": "queued",
                "published_at": now,
                "error_code": "worker_lost",
                "error_message": "its worker stopped answering; it runs again",
            },
        ),
    ):
        with session_scope(engine) as session:
            candidates = session.exec(
                select(Job.id).where(condition).order_by(col(Job.created_at))
            ).all()
        for job_id in candidates:
            if not _claim(engine, job_id, condition, **values):
                continue  # another sweeper took it
            try:
                queue.enqueue(job_id)
            except QueueUnavailable as exc:
                log.warning("sweep: the broker is still down (%s)", exc)
                _claim(engine, job_id, col(Job.id) == job_id, published_at=None)
                return SweepReport(**counts)
            counts[name] += 1
    report = SweepReport(**counts)
    if report.total:
        log.warning("sweep: published %s", report)
    return report


def start_job(
    connection: Connection,
    *,
    job_id: str,
    max_attempts: int = 3,
    returning: Sequence[ColumnElement[Any]] = (),
) -> Row[Any] | None:
    """Count the attempt and mark the job running, in one UPDATE answering with the job's
    row: its issue id, then ``returning`` (expressions over the ``jobs`` row, such as scalar
    subqueries correlated to it); None when the job has ended or is out of attempts, which
    the caller then ends with :func:`end_unstartable_job`. One statement, so it can commit
    by itself (:func:`shared.db.single_statements`).

    The attempt is committed before any work starts, so a file that kills its worker every
    time is counted; after ``max_attempts`` it fails with ``crash_loop`` instead of running.
    """
    now = utcnow()
    return connection.execute(
        update(_JOBS)
        .where(
            _JOBS.c.id == job_id,
            _JOBS.c.state.not_in(_ENDED_STATES),
            _JOBS.c.attempts < max_attempts,
        )
        .values(
            state="running",
            attempts=_JOBS.c.attempts + 1,
            started_at=now,
            error_code=None,
            error_message=None,
            published_at=func.coalesce(_JOBS.c.published_at, now),
        )
        .returning(_JOBS.c.issue_id, *returning)
    ).first()


_JOBS = SQLModel.metadata.tables[Job.__tablename__]
_ENDED_STATES = ("succeeded", "failed")


def end_unstartable_job(session: Session, *, job_id: str, max_attempts: int) -> None:
    """A job :func:`start_job` did not start: unknown (raises), ended already, or out of
    attempts (it fails now: ``crash_loop`` if its worker died on it, else
    ``too_many_attempts``). Its row is read again under lock: a job put back to the queue
    meanwhile (a person retried it) is left to run."""
    job = session.exec(select(Job).where(Job.id == job_id).with_for_update()).first()
    if job is None:
        raise UnknownJob(job_id)
    if job.state in _ENDED_STATES or job.attempts < max_attempts:
        return
    crashed = job.state == "running" or job.error_code == "worker_lost"
    job.state = "failed"
    job.error_code = "crash_loop" if crashed else "too_many_attempts"
    job.error_message = (
        f"processing this file stopped its worker {job.attempts} times; "
        "it was not tried again"
        if crashed
        else f"gave up after {job.attempts} attempts that hit temporary errors"
    )
    job.finished_at = utcnow()
    session.add(job)


def requeue_job(*, engine: Engine, job_id: str, reason: str) -> None:
    """Give a running job back to the queue after a temporary error; it will be retried."""
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is None or job.state != "running":
            return
        job.state = "queued"
        job.error_code = "retrying"
        job.error_message = reason
        session.add(job)


def fail_job(*, engine: Engine, job_id: str, code: str, message: str) -> None:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is None:
            raise UnknownJob(job_id)
        if job.state == "succeeded":
            return  # a concurrent delivery finished it
        job.state = "failed"
        job.error_code = code
        job.error_message = message
        job.finished_at = utcnow()
        session.add(job)


class JobNotFailed(ValueError):
    """Only a failed job can be retried; ``state`` is the one it is in."""

    def __init__(self, state: str) -> None:
        super().__init__(state)
        self.state = state


def reset_failed_job(*, session: Session, job_id: str) -> Job:
    """Put a failed job back to ``queued`` as if new: its stored file is kept, its error, times
    and attempts are cleared (a person chose to try again). The caller commits, then publishes
    it with :func:`publish_job`. Raises :class:`UnknownJob` or :class:`JobNotFailed`.
    """
    job = session.exec(select(Job).where(Job.id == job_id).with_for_update()).first()
    if job is None:
        raise UnknownJob(job_id)
    if job.state != "failed":
        raise JobNotFailed(job.state)
    job.state = "queued"
    job.attempts = 0
    job.error_code = None
    job.error_message = None
    job.published_at = None
    job.started_at = None
    job.finished_at = None
    session.add(job)
    session.flush()
    return job
