"""The JSON API with the queue replaced by a recorder; the job run as a plain function."""

import io
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from shared.process import process_job
from tests.support.http import multipart
from web.app import services


def _upload(client: FlaskClient, *files: tuple[bytes, str], **fields: str) -> Any:
    data: dict[str, Any] = dict(fields)
    data["file"] = [(io.BytesIO(content), name) for content, name in files]
    return client.post("/api/issues", data=data, content_type="multipart/form-data")


def _error(response: Any) -> dict[str, str]:
    body = response.get_json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    error: dict[str, str] = body["error"]
    return error


def test_upload_answers_202_with_one_job_per_file_and_enqueues_each(
    client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    response = _upload(
        client, (reference_page, "p2.txt"), ("本报讯 第二个文件。\n".encode(), "第3版.txt"),
        newspaper="聊城日报", issue_date="2024-07-12", page="2",
    )
    assert response.status_code == 202
    jobs = response.get_json()["jobs"]
    assert [job["filename"] for job in jobs] == ["p2.txt", "第3版.txt"]
    assert queue.enqueued == [job["id"] for job in jobs]
    for job in jobs:
        assert job["status_url"] == f"/api/jobs/{job['id']}"
        status = client.get(job["status_url"]).get_json()
        assert status["state"] == "queued"
        assert status["article_ids"] == []
        assert status["error"] is None
        assert status["attempts"] == 0
        assert status["created_at"].endswith("Z")
        assert status["started_at"] is None


def test_the_whole_loop_upload_process_poll_fetch(
    app: Flask, client: FlaskClient, queue: Any, reference_page: bytes, gold_headlines: list[str]
) -> None:
    job = _upload(client, (reference_page, "p2.txt"), newspaper="聊城日报").get_json()["jobs"][0]
    with app.app_context():
        process_job(engine=services().engine, job_id=queue.enqueued[0])
    status = client.get(job["status_url"]).get_json()
    assert status["state"] == "succeeded"
    assert status["attempts"] == 1
    assert status["finished_at"] is not None
    articles = [client.get(f"/api/articles/{i}").get_json() for i in status["article_ids"]]
    assert [a["headline"] for a in articles] == gold_headlines
    first = articles[0]
    assert set(first) >= {
        "id", "issue_id", "page", "position", "kind", "headline", "kicker", "subtitle",
        "dateline", "reporters", "correspondents", "paragraphs", "body", "keywords",
    }
    assert first["body"] == "\n".join(first["paragraphs"])
    assert first["reporters"] == ["朱海波"]
    issue = client.get(f"/api/issues/{status['issue_id']}").get_json()
    assert issue["article_ids"] == status["article_ids"]
    assert issue["filename"] == "p2.txt"
    assert issue["newspaper"] == "聊城日报"
    assert issue["size"] == len(reference_page)
    assert len(issue["sha256"]) == 64


PAGE_WITH_FURNITURE = """人民日报  2024年1月17日  星期三  第4版  要闻

外贸稳中提质

新华社北京7月8日电（记者王雨萧、于佳欣）商务部8
日发布数据显示，上半年我国货物贸易进出口保持稳定
增长，外贸结构持续优化。

责任编辑：张三  美编：李四
"""


def test_an_issue_answers_what_its_pages_print_around_the_articles(
    app: Flask, client: FlaskClient, queue: Any
) -> None:
    job = _upload(client, (PAGE_WITH_FURNITURE.encode(), "a4.txt")).get_json()["jobs"][0]
    status = client.get(job["status_url"]).get_json()
    assert client.get(f"/api/issues/{status['issue_id']}").get_json()["pages"] == []  # queued
    with app.app_context():
        process_job(engine=services().engine, job_id=queue.enqueued[0])
    issue = client.get(f"/api/issues/{status['issue_id']}").get_json()
    assert issue["newspaper"] is None  # the uploader's metadata is kept apart from the print
    assert issue["pages"] == [
        {
            "number": 1,
            "paper": "人民日报",
            "date": "2024年1月17日",
            "page_label": "第4版",
            "section": "要闻",
            "editors": ["张三", "李四"],
            "lines": ["人民日报  2024年1月17日  星期三  第4版  要闻", "责任编辑：张三  美编：李四"],
        }
    ]
    page = client.get(f"/issues/{status['issue_id']}").get_data(as_text=True)
    for printed in ("人民日报", "2024年1月17日", "第4版", "要闻", "编辑 张三、李四"):
        assert printed in page


def test_an_article_continued_across_the_files_of_one_upload_is_joined(
    app: Flask, client: FlaskClient, queue: Any
) -> None:
    from shared.batches import join_batch_of_job
    from tests.support.continued_pages import JOINED_PARAGRAPH, page_one, page_two

    response = _upload(client, (page_one(), "1.txt"), (page_two(), "2.txt"))
    jobs = response.get_json()["jobs"]
    with app.app_context():
        for job in jobs:  # what the worker does with each
            process_job(engine=services().engine, job_id=job["id"])
            join_batch_of_job(engine=services().engine, job_id=job["id"], keyword_limit=10)
    first, second = (client.get(job["status_url"]).get_json() for job in jobs)
    (joined,) = (client.get(f"/api/articles/{i}").get_json() for i in first["article_ids"])
    assert joined["paragraphs"][-1] == JOINED_PARAGRAPH
    assert len(second["article_ids"]) == 1
    issue = client.get(f"/api/issues/{second['issue_id']}").get_json()
    assert issue["article_ids"] == second["article_ids"]


def test_json_is_utf8_with_chinese_kept(client: FlaskClient, queue: Any) -> None:
    response = _upload(client, ("本报讯 一行字。\n".encode(), "聊城.txt"))
    assert "聊城.txt" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/api/articles/999999", "article_not_found"),
        ("/api/jobs/nope", "job_not_found"),
        ("/api/issues/999999", "issue_not_found"),
        ("/api/nothing-here", "not_found"),
    ],
)
def test_unknown_things_are_404_with_a_json_error(
    client: FlaskClient, path: str, code: str
) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert _error(response)["code"] == code


def test_upload_without_a_file_is_400(client: FlaskClient, queue: Any) -> None:
    response = client.post("/api/issues", data={"newspaper": "x"})
    assert response.status_code == 400
    assert _error(response)["code"] == "no_file"
    assert queue.enqueued == []


def test_a_bad_file_rejects_the_whole_request_naming_it(
    client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    response = _upload(client, (reference_page, "good.txt"), (b"", "empty.txt"))
    assert response.status_code == 400
    error = _error(response)
    assert error["code"] == "empty_file"
    assert "empty.txt" in error["message"]
    assert queue.enqueued == []


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        (bytes(range(256)) * 4, 415, "unsupported_media_type"),
        (b"x" * 200_001, 413, "file_too_large"),
    ],
)
def test_unusable_files_get_a_clear_status(
    client: FlaskClient, queue: Any, content: bytes, status: int, code: str
) -> None:
    response = _upload(client, (content, "f.txt"))
    assert response.status_code == status
    assert _error(response)["code"] == code
    assert queue.enqueued == []


def test_a_body_over_the_limit_is_413_before_it_is_read(client: FlaskClient) -> None:
    body, content_type = multipart({}, [("huge.txt", b"x" * 2_000_000)])
    response = client.post("/api/issues", data=body, content_type=content_type)
    assert response.status_code == 413
    assert _error(response)["code"] == "request_entity_too_large"


def test_a_bad_issue_date_is_400(client: FlaskClient, reference_page: bytes) -> None:
    response = _upload(client, (reference_page, "p.txt"), issue_date="July")
    assert response.status_code == 400
    assert _error(response)["code"] == "invalid_issue_date"


def test_wrong_method_is_a_json_405(client: FlaskClient) -> None:
    response = client.delete("/api/issues")
    assert response.status_code == 405
    assert _error(response)["code"] == "method_not_allowed"


def test_upload_is_accepted_while_the_broker_is_down(
    client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    queue.available = False
    response = _upload(client, (reference_page, "p2.txt"))
    assert response.status_code == 202
    job = response.get_json()["jobs"][0]
    assert client.get(job["status_url"]).get_json()["state"] == "queued"


def test_healthz_answers(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readyz_checks_database_and_redis(client: FlaskClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["checks"] == {"database": "ok", "redis": "ok"}


def test_readyz_is_503_naming_what_is_down(
    database_url: str, queue: Any
) -> None:
    from shared.settings import Settings
    from web import create_app

    app = create_app(
        Settings(database_url=database_url, redis_url="redis://127.0.0.1:1/0"), queue=queue
    )
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["redis"].startswith("unreachable")
    assert "redis" in body["error"]["message"]


def test_responses_are_not_sniffed(client: FlaskClient) -> None:
    assert client.get("/healthz").headers["X-Content-Type-Options"] == "nosniff"


def test_a_database_that_does_not_answer_is_a_503_to_retry(
    app: Flask, client: FlaskClient
) -> None:
    from dataclasses import replace

    from shared.db import make_engine

    down = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/none")
    app.extensions["baokan"] = replace(app.extensions["baokan"], engine=down)
    response = client.get("/api/jobs/abc")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert _error(response)["code"] == "database_unavailable"
    down.dispose()


def test_metrics_show_jobs_by_state_queue_depth_and_stage_durations(
    app: Flask, client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    from shared.metrics import record_stage_durations

    _upload(client, (reference_page, "p2.txt"))
    timings: dict[str, float] = {}
    with app.app_context():
        process_job(engine=services().engine, job_id=queue.enqueued[0], timings=timings)
        assert set(timings) == {"parse", "analyse", "store"}
        services().redis.delete(*(f"baokan:metrics:stage-buckets:{s}" for s in timings))
        record_stage_durations(services().redis, timings)
    _upload(client, ("本报讯 另一个文件。\n".encode(), "p3.txt"))
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert 'baokan_jobs{state="succeeded"} 1' in text
    assert 'baokan_jobs{state="queued"} 1' in text
    assert "baokan_queue_depth " in text
    for stage in ("parse", "analyse", "store"):
        assert f'baokan_stage_duration_seconds_count{{stage="{stage}"}} 1' in text
