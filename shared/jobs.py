"""A job's life: published to the queue, started, and finished as succeeded or failed."""

from __future__ import annotations

import logging

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from shared.db import session_scope
from shared.models import Article, Job, utcnow
from shared.queue import JobQueue, QueueUnavailable

log = logging.getLogger(__name__)


class UnknownJob(LookupError):
    """No job has this id."""


def article_ids(session: Session, issue_id: int) -> list[int]:
    """The ids of an issue's articles in page order."""
    rows = session.exec(
        select(Article.id).where(Article.issue_id == issue_id).order_by(col(Article.position))
    ).all()
    return [row for row in rows if row is not None]


def publish_job(*, engine: Engine, queue: JobQueue, job_id: str) -> bool:
    """Hand a committed job to the queue and record that it was; False if the broker is down.

    A job that could not be published stays ``queued`` with no ``published_at``; a worker
    publishes such jobs again when it starts (:func:`publish_unpublished`).
    """
    try:
        queue.enqueue(job_id)
    except QueueUnavailable as exc:
        log.warning("job %s stays queued until the broker is back: %s", job_id, exc)
        return False
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is not None and job.published_at is None:
            job.published_at = utcnow()
    return True


def publish_unpublished(*, engine: Engine, queue: JobQueue) -> int:
    """Publish every queued job that never reached the broker; the number published."""
    with session_scope(engine) as session:
        pending = session.exec(
            select(Job.id)
            .where(Job.state == "queued", col(Job.published_at).is_(None))
            .order_by(col(Job.created_at))
        ).all()
    return sum(publish_job(engine=engine, queue=queue, job_id=job_id) for job_id in pending)


def start_job(*, engine: Engine, job_id: str) -> Job | None:
    """Mark the job running and count the attempt; None when it has already ended."""
    with session_scope(engine) as session:
        job = session.exec(select(Job).where(Job.id == job_id).with_for_update()).first()
        if job is None:
            raise UnknownJob(job_id)
        if job.state in ("succeeded", "failed"):
            return None
        job.state = "running"
        job.attempts += 1
        job.started_at = utcnow()
        job.error_code = None
        job.error_message = None
        if job.published_at is None:
            job.published_at = job.started_at
        session.add(job)
        return job


def fail_job(*, engine: Engine, job_id: str, code: str, message: str) -> None:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        if job is None:
            raise UnknownJob(job_id)
        job.state = "failed"
        job.error_code = code
        job.error_message = message
        job.finished_at = utcnow()
