"""The Celery task called as a plain function against a test database."""

import pytest
from sqlalchemy import Engine

from shared.db import session_scope
from shared.models import Job
from shared.uploads import UploadMeta, accept_upload
from worker.tasks import process_job_task


def test_the_task_processes_the_job_it_is_given(
    engine: Engine, database_url: str, reference_page: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAOKAN_DATABASE_URL", database_url)
    with session_scope(engine) as session:
        job_id = accept_upload(
            session=session, data=reference_page, filename="p2.txt", meta=UploadMeta()
        ).id
    process_job_task(job_id)
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        assert job.state == "succeeded"


def test_an_unknown_job_id_is_dropped_without_raising(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAOKAN_DATABASE_URL", database_url)
    process_job_task("0" * 32)


def test_an_unexpected_error_fails_the_job_with_a_readable_reason(
    engine: Engine, database_url: str, reference_page: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAOKAN_DATABASE_URL", database_url)
    with session_scope(engine) as session:
        job_id = accept_upload(
            session=session, data=reference_page, filename="p2.txt", meta=UploadMeta()
        ).id

    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("shared.process.parse_file", explode)
    process_job_task(job_id)
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        assert job.state == "failed"
        assert job.error_code == "internal_error"
        assert job.error_message is not None
        assert "disk on fire" in job.error_message
