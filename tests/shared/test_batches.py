"""Articles continued from one file of an upload to another, joined once every job has ended."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from shared.batches import Part, join_batch_of_job, join_pending_batches, pair_parts, record_batch
from shared.db import session_scope
from shared.models import Article, UploadBatch
from shared.process import process_job
from shared.search.query import search
from shared.uploads import UploadMeta, accept_upload
from tests.support.continued_pages import (
    CHAIN_PARAGRAPH,
    JOINED_PARAGRAPH,
    articles_of,
    last_page,
    middle_page,
    page_one,
    page_two,
    run_all,
    upload,
)


def test_a_part_continued_in_the_next_file_is_joined_into_the_first(engine: Engine) -> None:
    first_job, second_job = upload(engine, page_one(), page_two())
    joined = run_all(engine, [first_job, second_job])
    (first,) = articles_of(engine, first_job)
    assert joined == [first.id]
    assert first.headline == "夏粮收购有序开展"
    assert first.paragraphs[-1] == JOINED_PARAGRAPH
    assert first.continued_to == "下转第2版"
    # The second file keeps only its own article; the part it continued is gone from it.
    assert [a.headline for a in articles_of(engine, second_job)] == ["口袋公园方便群众"]
    with session_scope(engine) as session:
        hits = search(session=session, query="烘干设施")
    assert [hit.article_id for hit in hits.results] == [first.id]  # the joined text is indexed


def test_nothing_is_joined_before_every_job_of_the_upload_has_ended(engine: Engine) -> None:
    first_job, second_job = upload(engine, page_one(), page_two())
    process_job(engine=engine, job_id=first_job)
    assert join_batch_of_job(engine=engine, job_id=first_job, keyword_limit=10) == []
    assert len(articles_of(engine, first_job)[0].paragraphs) == 2
    process_job(engine=engine, job_id=second_job)
    assert join_batch_of_job(engine=engine, job_id=second_job, keyword_limit=10) != []
    # Another job of the batch ending later (a redelivery) finds it joined already.
    assert join_batch_of_job(engine=engine, job_id=first_job, keyword_limit=10) == []


def test_files_uploaded_out_of_order_are_put_in_page_order_by_their_headers(
    engine: Engine,
) -> None:
    second_job, first_job = upload(engine, page_two(), page_one())
    run_all(engine, [second_job, first_job])
    assert articles_of(engine, first_job)[0].paragraphs[-1] == JOINED_PARAGRAPH


def test_a_marker_naming_a_page_not_in_the_upload_joins_nothing(engine: Engine) -> None:
    first_job, other_job = upload(engine, page_one(to=5), page_two(page=2, back=1))
    assert run_all(engine, [first_job, other_job]) == []
    assert len(articles_of(engine, other_job)) == 2


def test_files_without_page_numbers_count_in_upload_order(engine: Engine) -> None:
    first_job, second_job = upload(
        engine, page_one(header=False, to=7), page_two(header=False, back=6)
    )
    run_all(engine, [first_job, second_job])
    assert articles_of(engine, first_job)[0].paragraphs[-1] == JOINED_PARAGRAPH


def test_a_single_file_upload_is_no_batch(engine: Engine) -> None:
    with session_scope(engine) as session:
        assert record_batch(session, ["only-one"]) is None
        assert session.exec(select(UploadBatch)).all() == []


def test_the_sweeper_joins_a_batch_whose_last_worker_stopped_before_joining(
    engine: Engine,
) -> None:
    unfinished = upload(engine, page_one(to=3), page_two(page=3))
    process_job(engine=engine, job_id=unfinished[0])  # its second job is still queued
    first_job, second_job = upload(engine, page_one(), page_two())
    for job_id in (first_job, second_job):
        process_job(engine=engine, job_id=job_id)  # ... and the worker died before joining
    # The older batch still waiting for a job does not hold up the one that can be joined.
    assert join_pending_batches(engine=engine, keyword_limit=10, limit=1) == 1
    assert articles_of(engine, first_job)[0].paragraphs[-1] == JOINED_PARAGRAPH
    assert join_pending_batches(engine=engine, keyword_limit=10) == 0


def _part(article_id: int, file_index: int, page: int, to: str = "", back: str = "") -> Part:
    article = Article(id=article_id, issue_id=file_index + 1, position=1, page=1,
                      continued_to=to, continued_from=back)
    return Part(article=article, file_index=file_index, page=page,
                opens_file=bool(back), ends_file=bool(to), continued_to=to)


def test_parts_chain_across_three_files() -> None:
    a = _part(1, 0, 1, to="下转第2版")
    b = _part(2, 1, 2, to="下转第3版", back="上接第1版")
    c = _part(3, 2, 3, back="上接第2版")
    pairs = pair_parts([a, b, c], pages_printed=True)
    assert [(x.article.id, y.article.id) for x, y in pairs] == [(1, 2), (2, 3)]


def test_a_second_part_naming_another_first_page_is_left_for_that_one() -> None:
    a = _part(1, 0, 1, to="下转第3版")
    b = _part(2, 1, 2, to="下转第3版")
    from_b = _part(3, 2, 3, back="上接第2版")
    from_a = _part(4, 2, 3, back="上接第1版")
    pairs = pair_parts([a, b, from_b, from_a], pages_printed=True)
    assert [(x.article.id, y.article.id) for x, y in pairs] == [(1, 4), (2, 3)]


def test_files_sent_one_request_each_join_when_the_later_one_ends(engine: Engine) -> None:
    """The upload page sends each file in its own request, naming the batch it opened."""
    batch = "ab" * 16
    with session_scope(engine) as session:
        first_job = accept_upload(session=session, data=page_one(), filename="1.txt",
                                  meta=UploadMeta()).id
        record_batch(session, [first_job], batch_id=batch, first_position=0)
    process_job(engine=engine, job_id=first_job)
    assert join_batch_of_job(engine=engine, job_id=first_job, keyword_limit=10) == []
    with session_scope(engine) as session:
        second_job = accept_upload(session=session, data=page_two(), filename="2.txt",
                                   meta=UploadMeta()).id
        record_batch(session, [second_job], batch_id=batch, first_position=1)
    process_job(engine=engine, job_id=second_job)
    assert join_batch_of_job(engine=engine, job_id=second_job, keyword_limit=10) != []
    assert articles_of(engine, first_job)[0].paragraphs[-1] == JOINED_PARAGRAPH



def _send_one(engine: Engine, batch: str, data: bytes, position: int) -> str:
    """One file of the batch in its own request, as the upload page sends it."""
    with session_scope(engine) as session:
        job = accept_upload(session=session, data=data, filename=f"{position}.txt",
                            meta=UploadMeta()).id
        record_batch(session, [job], batch_id=batch, first_position=position)
    return job


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (0, 2, 1)])
def test_an_article_over_three_files_sent_one_by_one_is_joined_whole(
    engine: Engine, order: tuple[int, int, int]
) -> None:
    # Each file's job ends before the next file is sent: the first two files are joined
    # before the third exists, and the third part must still find the article.
    batch = "cd" * 16
    files = [page_one(), middle_page(), last_page()]
    jobs: dict[int, str] = {}
    for position in order:
        jobs[position] = _send_one(engine, batch, files[position], position)
        run_all(engine, [jobs[position]])
    (article,) = articles_of(engine, jobs[0])
    assert article.paragraphs[-1] == CHAIN_PARAGRAPH
    assert articles_of(engine, jobs[1]) == []
    assert [a.headline for a in articles_of(engine, jobs[2])] == ["口袋公园方便群众"]
    with session_scope(engine) as session:
        hits = search(session=session, query="仓容充足")
    assert [hit.article_id for hit in hits.results] == [article.id]

def test_an_article_that_took_in_its_continuation_takes_no_other(engine: Engine) -> None:
    first_job, second_job = upload(engine, page_one(header=False), page_two(header=False))
    run_all(engine, [first_job, second_job])
    (batch,) = (b.id for b in _batches(engine))
    with session_scope(engine) as session:
        late = accept_upload(session=session, data=page_two(header=False, back=9),
                             filename="3.txt", meta=UploadMeta()).id
        record_batch(session, [late], batch_id=batch, first_position=2)
    assert run_all(engine, [late]) == []
    assert len(articles_of(engine, late)) == 2


def _batches(engine: Engine) -> list[UploadBatch]:
    with session_scope(engine) as session:
        return list(session.exec(select(UploadBatch)))


def test_a_job_s_outcome_names_its_batch(engine: Engine, reference_page: bytes) -> None:
    first_job, _ = upload(engine, page_one(), page_two())
    (single,) = upload(engine, reference_page)
    assert process_job(engine=engine, job_id=first_job).batch_id is not None
    assert process_job(engine=engine, job_id=single).batch_id is None
    assert process_job(engine=engine, job_id=first_job).batch_id is not None  # ended already


def test_a_batch_that_cannot_be_joined_does_not_hold_up_the_others(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shared.batches

    broken = upload(engine, page_one(to=3), page_two(page=3))
    first_job, second_job = upload(engine, page_one(), page_two())
    for job_id in (*broken, first_job, second_job):
        process_job(engine=engine, job_id=job_id)
    real_join = shared.batches.join_batch
    (broken_batch,) = {b.id for b in _batches(engine)} - {
        process_job(engine=engine, job_id=first_job).batch_id
    }

    def join_or_fail(session: Any, batch_id: str, *, keyword_limit: int) -> list[int]:
        if batch_id == broken_batch:
            raise RuntimeError("a bug")
        return real_join(session, batch_id, keyword_limit=keyword_limit)

    monkeypatch.setattr(shared.batches, "join_batch", join_or_fail)
    assert join_pending_batches(engine=engine, keyword_limit=10) == 1
    assert articles_of(engine, first_job)[0].paragraphs[-1] == JOINED_PARAGRAPH


def test_a_file_left_without_articles_by_a_join_is_not_parsed_again(engine: Engine) -> None:
    only_continuation = page_two().split(b"\xe5\x8f\xa3\xe8\xa2\x8b")[0]  # up to 口袋…
    first_job, second_job = upload(engine, page_one(), only_continuation)
    run_all(engine, [first_job, second_job])
    assert articles_of(engine, second_job) == []
    (again,) = upload(engine, only_continuation)  # the same bytes, uploaded once more
    assert process_job(engine=engine, job_id=again).article_ids == []
    assert articles_of(engine, first_job)[0].paragraphs[-1] == JOINED_PARAGRAPH


def test_two_jobs_ending_at_once_join_the_batch_once(engine: Engine) -> None:
    import threading

    first_job, second_job = upload(engine, page_one(), page_two())
    for job_id in (first_job, second_job):
        process_job(engine=engine, job_id=job_id)
    results: list[list[int]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def end(job_id: str) -> None:
        start.wait()
        try:
            results.append(join_batch_of_job(engine=engine, job_id=job_id, keyword_limit=10))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=end, args=(j,)) for j in (first_job, second_job)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(len(r) for r in results) == [0, 1]  # one joined, the other found it done
    (article,) = articles_of(engine, first_job)
    assert article.paragraphs[-1] == JOINED_PARAGRAPH
    assert article.paragraphs.count(JOINED_PARAGRAPH) == 1
