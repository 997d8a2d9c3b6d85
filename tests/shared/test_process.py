from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from shared import process
from shared.db import session_scope
from shared.models import Article, IssuePage, Job
from shared.process import insert_pages, process_job
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


TWO_PAGES = (
    "聊城日报  2024年7月12日  星期五  第1版  要闻\n\n"
    "本报讯（记者 王培源）全市夏粮收购工作有序开展，\n各收储企业敞开收购。\n\n夏粮收购有序开展\n"
    "\f"
    "A2  综合  聊城日报  2024年7月12日\n\n"
    "本报讯（记者 李政哲）我市新建口袋公园二十处，\n方便群众就近休闲。\n\n口袋公园方便群众\n\n"
    "责任编辑：朱海波\n"
)


def _pages(engine: Engine) -> list[tuple[int, int, str, str, str, list[str]]]:
    with session_scope(engine) as session:
        return [
            (p.issue_id, p.number, p.paper, p.date, p.page_label, p.editors)
            for p in session.exec(
                select(IssuePage).order_by(col(IssuePage.issue_id), col(IssuePage.number))
            )
        ]


def test_each_page_s_furniture_is_stored_with_the_articles(engine: Engine) -> None:
    outcome = process_job(engine=engine, job_id=_upload(engine, TWO_PAGES.encode()))
    assert len(outcome.article_ids) == 2
    assert _pages(engine) == [
        (outcome.issue_id, 1, "聊城日报", "2024年7月12日", "第1版", []),
        (outcome.issue_id, 2, "聊城日报", "2024年7月12日", "A2", ["朱海波"]),
    ]


# A page of furniture only (an advertisement page): no article, one page row.
FURNITURE_ONLY = "聊城日报  2024年7月12日  星期五  第8版  广告\n\n责任编辑：朱海波\n".encode()
FURNITURE_ONLY_PAGE = (1, "聊城日报", "2024年7月12日", "第8版", ["朱海波"])


def test_a_file_without_articles_keeps_its_pages_once_however_often_it_runs(
    engine: Engine,
) -> None:
    first = process_job(engine=engine, job_id=_upload(engine, FURNITURE_ONLY))
    job_id = _upload(engine, FURNITURE_ONLY, "again.txt")  # the same bytes: its pages stored
    second = process_job(engine=engine, job_id=job_id)
    assert (first.state, first.article_ids) == ("succeeded", [])
    assert (second.state, second.issue_id) == ("succeeded", first.issue_id)
    assert _pages(engine) == [(first.issue_id, *FURNITURE_ONLY_PAGE)]


@pytest.mark.parametrize("content", [FURNITURE_ONLY, TWO_PAGES.encode()], ids=["pages", "articles"])
def test_two_jobs_of_one_file_racing_store_it_once(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    first = _upload(engine, content)
    second = _upload(engine, content, "again.txt")
    parse = process._parsed_issue
    stored: list[int] = []

    def parse_while_the_first_job_runs(**kwargs: Any) -> Any:
        # The second job has parsed the file (nothing was stored yet); the first one now
        # runs to its end and stores the file before the second one writes.
        issue = parse(**kwargs)
        monkeypatch.setattr(process, "_parsed_issue", parse)
        ended = process_job(engine=engine, job_id=first)
        assert ended.state == "succeeded"
        stored.extend(ended.article_ids)
        return issue

    monkeypatch.setattr(process, "_parsed_issue", parse_while_the_first_job_runs)
    outcome = process_job(engine=engine, job_id=second)
    assert (outcome.state, outcome.article_ids) == ("succeeded", stored)
    with session_scope(engine) as session:
        assert len(session.exec(select(Article)).all()) == len(stored)
    assert len(_pages(engine)) == (1 if content == FURNITURE_ONLY else 2)


def test_inserting_stored_pages_again_fails_and_keeps_them(engine: Engine) -> None:
    # Only a file with nothing stored is parsed; a second job racing the first to store the
    # same file's pages fails on the key (process_job then ends it without writing).
    outcome = process_job(engine=engine, job_id=_upload(engine, TWO_PAGES.encode()))
    stored = _pages(engine)
    rows = [
        {"issue_id": outcome.issue_id, "number": 3, "paper": "第三页", "editors": [], "lines": []},
        {"issue_id": outcome.issue_id, "number": 1, "paper": "别的报", "editors": [], "lines": []},
    ]
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        insert_pages(session, rows)
    assert _pages(engine) == stored
