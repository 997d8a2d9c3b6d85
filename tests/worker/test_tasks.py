"""The Celery task called as a plain function against a test database."""

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from shared.db import session_scope
from shared.models import Job
from shared.uploads import UploadMeta, accept_upload
from tests.support.continued_pages import (
    JOINED_PARAGRAPH,
    articles_of,
    page_one,
    page_two,
    upload,
)
from worker.tasks import process_job_task


@pytest.fixture
def queued_job(
    engine: Engine, database_url: str, reference_page: bytes, monkeypatch: pytest.MonkeyPatch
) -> str:
    """A queued job for the reference page, in the database the task will use."""
    monkeypatch.setenv("BAOKAN_DATABASE_URL", database_url)
    with session_scope(engine) as session:
        return accept_upload(
            session=session, data=reference_page, filename="p2.txt", meta=UploadMeta()
        ).id


def _job(engine: Engine, job_id: str) -> Job:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job


def test_the_task_processes_the_job_it_is_given(engine: Engine, queued_job: str) -> None:
    process_job_task(queued_job)
    assert _job(engine, queued_job).state == "succeeded"


def test_an_unknown_job_id_is_dropped_without_raising(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAOKAN_DATABASE_URL", database_url)
    process_job_task("0" * 32)


def test_an_unexpected_error_fails_the_job_with_a_readable_reason(
    engine: Engine, queued_job: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("shared.process.parse_file", explode)
    process_job_task(queued_job)
    job = _job(engine, queued_job)
    assert job.state == "failed"
    assert job.error_code == "internal_error"
    assert job.error_message is not None
    assert "disk on fire" in job.error_message


def test_a_database_outage_puts_the_job_back_for_a_retry(
    engine: Engine, queued_job: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(*_: object, **__: object) -> None:
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    monkeypatch.setattr("shared.process.parse_file", unreachable)
    # Called directly (not by a worker), Celery's retry re-raises the error instead of
    # publishing the retry; the job row shows it is waiting for another attempt.
    with pytest.raises(OperationalError):
        process_job_task(queued_job)
    job = _job(engine, queued_job)
    assert (job.state, job.error_code, job.attempts) == ("queued", "retrying", 1)


def test_the_task_ending_an_upload_s_last_job_joins_its_continued_articles(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAOKAN_DATABASE_URL", database_url)
    first_job, second_job = upload(engine, page_one(), page_two())
    process_job_task(first_job)
    assert len(articles_of(engine, second_job)) == 2  # not joined while a job is left
    process_job_task(second_job)
    assert articles_of(engine, first_job)[0].paragraphs[-1] == JOINED_PARAGRAPH
    assert len(articles_of(engine, second_job)) == 1
