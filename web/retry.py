"""Retrying a failed job, shared by the JSON API and the HTML form."""

from __future__ import annotations

from shared.db import session_scope
from shared.jobs import JobNotFailed, UnknownJob, publish_job, reset_failed_job
from shared.models import Job
from web.app import services
from web.errors import ApiError


def retry_failed_job(job_id: str) -> Job:
    """Re-queue a failed job (its stored file is kept) and publish it; 404 or 409 otherwise."""
    engine = services().engine
    try:
        with session_scope(engine) as session:
            job = reset_failed_job(session=session, job_id=job_id)
    except UnknownJob:
        raise ApiError(404, "job_not_found", f"no job has the id {job_id!r}") from None
    except JobNotFailed as exc:
        raise ApiError(
            409, "job_not_failed", f"only a failed job can be retried; this one is {exc.state}"
        ) from None
    # If the broker is down the job stays queued and the sweeper publishes it later.
    publish_job(engine=engine, queue=services().queue, job_id=job.id)
    return job
