from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from shared.db import session_scope
from shared.models import Article, Job
from shared.process import process_job
from shared.uploads import UploadMeta, accept_upload


def _upload(engine: Engine, data: bytes, name: str = "p2.txt") -> str:
    with session_scope(engine) as session:
        return accept_upload(session=session, data=data, filename=name, meta=UploadMeta()).id


def test_a_job_turns_the_reference_page_into_its_eight_articles(
    engine: Engine, reference_page: bytes, reference_gold: dict[str, Any]
) -> None:
    job_id = _upload(engine, reference_page)
    outcome = process_job(engine=engine, job_id=job_id)
    assert outcome.state == "succeeded"
    assert len(outcome.article_ids) == 8
    with session_scope(engine) as session:
        articles = session.exec(select(Article).order_by(col(Article.position))).all()
        job = session.get(Job, job_id)
        assert job is not None
        assert (job.state, job.attempts) == ("succeeded", 1)
        assert job.started_at is not None
        assert job.finished_at is not None
    gold = reference_gold["articles"]
    assert [a.headline for a in articles] == [g["headline"] for g in gold]
    assert [a.kind for a in articles] == [g["kind"] for g in gold]
    assert [a.position for a in articles] == list(range(1, 9))
    assert [a.id for a in articles] == outcome.article_ids
    assert articles[0].paragraphs == gold[0]["paragraphs"]
    assert all(len(a.keywords) >= 5 for a in articles if a.kind == "article")


def test_running_a_job_again_never_duplicates_articles(
    engine: Engine, reference_page: bytes
) -> None:
    job_id = _upload(engine, reference_page)
    first = process_job(engine=engine, job_id=job_id)
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.state = "queued"  # as if the message were delivered a second time
    second = process_job(engine=engine, job_id=job_id)
    assert second.article_ids == first.article_ids
    with session_scope(engine) as session:
        assert len(session.exec(select(Article)).all()) == 8


def test_a_second_upload_of_the_same_bytes_points_at_the_existing_articles(
    engine: Engine, reference_page: bytes
) -> None:
    first = process_job(engine=engine, job_id=_upload(engine, reference_page))
    second = process_job(engine=engine, job_id=_upload(engine, reference_page, "copy.txt"))
    assert second.state == "succeeded"
    assert second.article_ids == first.article_ids


def test_a_finished_job_delivered_again_is_left_as_it_is(
    engine: Engine, reference_page: bytes
) -> None:
    job_id = _upload(engine, reference_page)
    process_job(engine=engine, job_id=job_id)
    again = process_job(engine=engine, job_id=job_id)
    assert again.state == "succeeded"
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        assert job.attempts == 1


def test_text_that_cannot_be_parsed_fails_the_job_with_a_reason(engine: Engine) -> None:
    from shared.models import Issue

    job_id = _upload(engine, "本报讯 一段正常的文字。\n".encode())
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        issue = session.get(Issue, job.issue_id)
        assert issue is not None
        issue.content = bytes(range(256)) * 4  # stored bytes damaged after the upload
    outcome = process_job(engine=engine, job_id=job_id)
    assert outcome.state == "failed"
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        assert job.error_code == "undecodable"
        assert job.error_message
        assert session.exec(select(Article)).all() == []
