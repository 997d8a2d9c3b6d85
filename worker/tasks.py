"""Celery tasks: they receive ids, orchestrate, and leave the work to :mod:`shared`."""

from __future__ import annotations

import logging

from celery import shared_task

from shared.db import get_engine
from shared.jobs import UnknownJob, fail_job
from shared.process import process_job
from shared.queue import PROCESS_JOB_TASK
from shared.settings import Settings

log = logging.getLogger(__name__)


@shared_task(name=PROCESS_JOB_TASK)
def process_job_task(job_id: str) -> None:
    settings = Settings.from_env()
    engine = get_engine(settings.database_url)
    try:
        outcome = process_job(
            engine=engine, job_id=job_id, keyword_limit=settings.keywords_per_article
        )
    except UnknownJob:
        log.error("job %s does not exist; message dropped", job_id)
        return
    except Exception as exc:
        log.exception("job %s failed", job_id)
        fail_job(
            engine=engine,
            job_id=job_id,
            code="internal_error",
            message=f"processing failed unexpectedly ({type(exc).__name__}: {exc})",
        )
        return
    log.info("job %s %s with %d article(s)", job_id, outcome.state, len(outcome.article_ids))
