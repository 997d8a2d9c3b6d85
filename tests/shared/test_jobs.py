"""A job's life without a broker: attempts, crash loops, and the sweeper."""

from datetime import timedelta

import pytest
from sqlalchemy import Engine

from shared.db import session_scope, single_statements
from shared.jobs import (
    UnknownJob,
    end_unstartable_job,
    fail_job,
    publish_job,
    requeue_job,
    start_job,
    sweep_jobs,
)
from shared.models import Job, utcnow
from shared.uploads import UploadMeta, accept_upload
from tests.support.queues import RecordingQueue


def _start(engine: Engine, job_id: str, max_attempts: int = 3) -> int | None:
    """Start the job as a worker does (shared.process.process_job): the job's issue id, or
    None when it has ended or ends now."""
    with single_statements(engine, durable=False) as connection:
        started = start_job(connection, job_id=job_id, max_attempts=max_attempts)
    if started is not None:
        return int(started[0])
    with session_scope(engine, durable=False) as session:
        end_unstartable_job(session, job_id=job_id, max_attempts=max_attempts)
    return None


def _job(engine: Engine, content: bytes = "本报讯 一段文字。\n".encode()) -> str:
    with session_scope(engine) as session:
        return accept_upload(session=session, data=content, filename="p.txt", meta=UploadMeta()).id


def _get(engine: Engine, job_id: str) -> Job:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job


def _age(engine: Engine, job_id: str, **ago: timedelta) -> None:
    """Move the job's timestamps into the past."""
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        for name, delta in ago.items():
            setattr(job, name, utcnow() - delta)
        session.add(job)


def test_attempts_are_counted_before_the_work_and_a_crash_loop_ends_the_job(
    engine: Engine,
) -> None:
    job_id = _job(engine)
    for attempt in (1, 2, 3):  # each time the worker dies before finishing
        started = _start(engine, job_id)
        assert started is not None
        assert _get(engine, job_id).attempts == attempt
    assert _start(engine, job_id) is None
    job = _get(engine, job_id)
    assert (job.state, job.error_code, job.attempts) == ("failed", "crash_loop", 3)
    assert job.error_message is not None
    assert "3 times" in job.error_message
    assert job.finished_at is not None


def test_temporary_errors_put_the_job_back_in_the_queue(engine: Engine) -> None:
    job_id = _job(engine)
    _start(engine, job_id)
    requeue_job(engine=engine, job_id=job_id, reason="temporary error: database restarting")
    job = _get(engine, job_id)
    assert (job.state, job.error_code) == ("queued", "retrying")
    _start(engine, job_id)
    job = _get(engine, job_id)
    assert (job.state, job.error_code, job.attempts) == ("running", None, 2)


def test_a_job_that_keeps_hitting_temporary_errors_gives_up(engine: Engine) -> None:
    job_id = _job(engine)
    for _ in range(3):
        assert _start(engine, job_id) is not None
        requeue_job(engine=engine, job_id=job_id, reason="temporary error: database restarting")
    assert _start(engine, job_id) is None
    job = _get(engine, job_id)
    assert (job.state, job.error_code, job.attempts) == ("failed", "too_many_attempts", 3)
    assert job.error_message == "gave up after 3 attempts that hit temporary errors"


def test_starting_a_job_marks_it_running_and_publishes_it_once(engine: Engine) -> None:
    job_id = _job(engine)
    issue_id = _get(engine, job_id).issue_id
    assert _get(engine, job_id).published_at is None
    assert _start(engine, job_id) == issue_id
    job = _get(engine, job_id)
    assert (job.state, job.attempts, job.error_code) == ("running", 1, None)
    assert job.started_at is not None
    assert job.published_at is not None
    published = job.published_at
    assert _start(engine, job_id) == issue_id  # delivered again: its first publication stays
    assert _get(engine, job_id).published_at == published


def test_starting_an_unknown_job_says_so(engine: Engine) -> None:
    with pytest.raises(UnknownJob):
        _start(engine, "0" * 32)


def test_an_ended_job_is_never_started_again(engine: Engine) -> None:
    job_id = _job(engine)
    fail_job(engine=engine, job_id=job_id, code="undecodable", message="not text")
    assert _start(engine, job_id) is None
    assert _get(engine, job_id).attempts == 0


def test_publishing_records_when_the_broker_took_the_job(
    engine: Engine, queue: RecordingQueue
) -> None:
    job_id = _job(engine)
    assert publish_job(engine=engine, queue=queue, job_id=job_id)
    assert _get(engine, job_id).published_at is not None


def test_a_job_the_broker_refused_stays_queued_unpublished(
    engine: Engine, queue: RecordingQueue
) -> None:
    job_id = _job(engine)
    queue.available = False
    assert not publish_job(engine=engine, queue=queue, job_id=job_id)
    job = _get(engine, job_id)
    assert (job.state, job.published_at) == ("queued", None)


def test_the_sweeper_publishes_what_the_broker_never_got(
    engine: Engine, queue: RecordingQueue
) -> None:
    fresh = _job(engine, "本报讯 新上传。\n".encode())
    unpublished = _job(engine, "本报讯 上传时 Redis 不在。\n".encode())
    _age(engine, unpublished, created_at=timedelta(minutes=1))
    lost = _job(engine, "本报讯 消息丢了。\n".encode())
    _age(engine, lost, created_at=timedelta(hours=1), published_at=timedelta(hours=1))
    vanished = _job(engine, "本报讯 工人不见了。\n".encode())
    _start(engine, vanished)
    _age(engine, vanished, started_at=timedelta(hours=1))
    running = _job(engine, "本报讯 正在处理。\n".encode())
    _start(engine, running)

    report = sweep_jobs(engine=engine, queue=queue, lease_seconds=300)
    assert (report.published, report.republished_lost, report.requeued_expired) == (1, 1, 1)
    assert sorted(queue.enqueued) == sorted([unpublished, lost, vanished])
    assert _get(engine, vanished).state == "queued"
    assert _get(engine, vanished).error_code == "worker_lost"
    assert _get(engine, running).state == "running"
    assert _get(engine, fresh).published_at is None  # the web is still publishing it

    again = sweep_jobs(engine=engine, queue=queue, lease_seconds=300)
    assert again.total == 0  # a second sweeper finds nothing left to claim


def test_a_job_requeued_by_the_sweeper_counts_towards_the_crash_loop(
    engine: Engine, queue: RecordingQueue
) -> None:
    job_id = _job(engine)
    for _ in range(3):
        _start(engine, job_id)
        _age(engine, job_id, started_at=timedelta(hours=1))
        sweep_jobs(engine=engine, queue=queue, lease_seconds=300)
    assert _start(engine, job_id) is None
    assert _get(engine, job_id).error_code == "crash_loop"


def test_the_sweeper_stops_at_a_broker_that_is_still_down(
    engine: Engine, queue: RecordingQueue
) -> None:
    job_id = _job(engine)
    _age(engine, job_id, created_at=timedelta(minutes=1))
    queue.available = False
    report = sweep_jobs(engine=engine, queue=queue, lease_seconds=300)
    assert report.total == 0
    assert _get(engine, job_id).published_at is None  # left for the next sweep


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_every_encoding_of_a_page_gives_the_same_articles(
    engine: Engine, reference_page: bytes, encoding: str
) -> None:
    from shared.process import process_job

    text = reference_page.decode("utf-8")
    baseline = process_job(engine=engine, job_id=_job(engine, reference_page))
    other = process_job(engine=engine, job_id=_job(engine, text.encode(encoding)))
    assert other.state == "succeeded"
    with session_scope(engine) as session:
        from shared.models import Article

        def shape(ids: list[int]) -> list[tuple[str, list[str], list[str]]]:
            rows = [session.get(Article, i) for i in ids]
            return [(a.headline, a.paragraphs, a.reporters) for a in rows if a is not None]

        assert shape(other.article_ids) == shape(baseline.article_ids)
        assert other.article_ids != baseline.article_ids  # different bytes, separate issue


def test_an_upload_recorded_as_published_is_cleared_when_the_broker_refuses(
    engine: Engine, queue: RecordingQueue
) -> None:
    job_id = _job(engine)
    _age(engine, job_id, published_at=timedelta(0))  # as the upload's own commit records it
    queue.available = False
    assert not publish_job(engine=engine, queue=queue, job_id=job_id, recorded=True)
    assert _get(engine, job_id).published_at is None  # so the sweeper publishes it later
    queue.available = True
    assert publish_job(engine=engine, queue=queue, job_id=job_id, recorded=True)
    assert queue.enqueued == [job_id]


def test_a_job_retried_after_its_start_was_refused_is_left_to_run(engine: Engine) -> None:
    """The start and the ending of a job that could not start are two transactions: a
    person retrying the failed job in between puts it back, and it must stay queued."""
    from shared.jobs import end_unstartable_job, reset_failed_job

    job_id = _job(engine)
    fail_job(engine=engine, job_id=job_id, code="bad", message="bad file")
    assert _start(engine, job_id) is None  # a stale delivery: the job has ended
    with session_scope(engine) as session:
        reset_failed_job(session=session, job_id=job_id)
    with session_scope(engine, durable=False) as session:
        end_unstartable_job(session, job_id=job_id, max_attempts=3)
    job = _get(engine, job_id)
    assert (job.state, job.error_code, job.attempts) == ("queued", None, 0)
