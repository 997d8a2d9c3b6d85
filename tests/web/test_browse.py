"""Browsing: the issue list with filters and paging, an issue's contents, the article page,
the upload form answering JSON for the page's script, and retrying a failed job."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine

from shared.browse import IssueFilter, list_issues
from shared.db import session_scope
from shared.models import Job
from shared.process import process_job
from web.app import services

FORM_JSON = {"Accept": "application/json"}


def _token(client: FlaskClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").get_data(as_text=True))
    assert found is not None
    return found.group(1)


def _upload(client: FlaskClient, content: bytes, name: str, **fields: str) -> str:
    """Upload through the form as the page's script does; the job's id."""
    response = client.post(
        "/upload",
        data={"file": [(io.BytesIO(content), name)], "csrf_token": _token(client), **fields},
        content_type="multipart/form-data",
        headers=FORM_JSON,
    )
    assert response.status_code == 202, response.get_json()
    jobs = response.get_json()["jobs"]
    assert len(jobs) == 1
    job_id: str = jobs[0]["id"]
    return job_id


def _run(app: Flask, job_id: str) -> Any:
    with app.app_context():
        return process_job(engine=services().engine, job_id=job_id)


def _small_page(n: int) -> bytes:
    return f"本报讯 第{n}个文件的第一行，记者 张{n} 报道。\n第二段文字。\n".encode()


@pytest.fixture
def archive(app: Flask, client: FlaskClient, reference_page: bytes) -> dict[str, int]:
    """Three issue files: the reference page (processed), one more processed, one queued."""
    ids = {}
    job = _upload(client, reference_page, "p2.txt", newspaper="聊城日报",
                  issue_date="2024-07-12", page="2")
    ids["reference"] = _run(app, job).issue_id
    job = _upload(client, _small_page(1), "a.txt", newspaper="大众日报", issue_date="2024-07-11")
    ids["dazhong"] = _run(app, job).issue_id
    job = _upload(client, _small_page(2), "b.txt", newspaper="聊城日报", issue_date="2024-06-30")
    with app.app_context(), session_scope(services().engine) as session:
        found = session.get(Job, job)
        assert found is not None
        ids["queued"] = found.issue_id
    return ids


def test_the_form_answers_json_for_the_script_in_the_api_shape(
    client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    job_id = _upload(client, reference_page, "p2.txt")
    assert queue.enqueued == [job_id]
    status = client.get(f"/api/jobs/{job_id}").get_json()
    assert status["state"] == "queued"


def test_the_form_upload_works_when_the_api_needs_a_token(
    app: Flask, client: FlaskClient, reference_page: bytes
) -> None:
    app.extensions["baokan"] = services_with_token(app)
    api = client.post(
        "/api/issues", data={"file": [(io.BytesIO(reference_page), "p2.txt")]},
        content_type="multipart/form-data",
    )
    assert api.status_code == 401
    assert _upload(client, reference_page, "p2.txt")


def services_with_token(app: Flask) -> Any:
    from dataclasses import replace

    current = app.extensions["baokan"]
    return replace(current, settings=replace(current.settings, api_token="s3cret"))


def test_the_form_still_needs_its_csrf_token_when_answering_json(
    client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    _token(client)
    response = client.post(
        "/upload", data={"file": [(io.BytesIO(reference_page), "p2.txt")]},
        content_type="multipart/form-data", headers=FORM_JSON,
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "csrf_failed"
    assert queue.enqueued == []


def test_a_rejected_form_upload_answers_json_when_asked(client: FlaskClient) -> None:
    response = client.post(
        "/upload",
        data={"file": [(io.BytesIO(b""), "empty.txt")], "csrf_token": _token(client)},
        content_type="multipart/form-data", headers=FORM_JSON,
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "empty_file"


def test_the_issue_list_shows_every_file_newest_date_first(
    client: FlaskClient, archive: dict[str, int]
) -> None:
    html = client.get("/issues").get_data(as_text=True)
    order = [int(i) for i in re.findall(r'href="/issues/(\d+)"', html)]
    assert order == [archive["reference"], archive["dazhong"], archive["queued"]]
    assert "3 份 files" in html
    rows = re.findall(r"<tr class=\"state-(\w+)\">(.*?)</tr>", html, re.S)
    assert [state for state, _ in rows] == ["succeeded", "succeeded", "queued"]
    reference = rows[0][1]
    assert "2024-07-12" in reference
    assert "聊城日报" in reference
    assert re.search(r'<td class="num">8</td>', reference)  # articles
    assert re.search(r'<td class="num">1</td>', reference)  # pages


def test_the_issue_list_filters_by_newspaper_and_date(
    client: FlaskClient, archive: dict[str, int]
) -> None:
    html = client.get("/issues?newspaper=聊城日报").get_data(as_text=True)
    assert {int(i) for i in re.findall(r'href="/issues/(\d+)"', html)} == {
        archive["reference"], archive["queued"]
    }
    html = client.get("/issues?newspaper=聊城日报&from=2024-07-01&to=2024-07-31").get_data(
        as_text=True
    )
    assert [int(i) for i in re.findall(r'href="/issues/(\d+)"', html)] == [archive["reference"]]
    html = client.get("/issues?from=2025-01-01").get_data(as_text=True)
    assert "No issues match this filter" in html
    assert 'value="2025-01-01"' in html  # the filter form keeps what was asked


def test_the_issue_list_pages(client: FlaskClient, archive: dict[str, int]) -> None:
    first = client.get("/issues?limit=2").get_data(as_text=True)
    assert len(re.findall(r'href="/issues/(\d+)"', first)) == 2
    next_url = re.search(r'rel="next" href="([^"]+)"', first)
    assert next_url is not None
    assert 'rel="prev"' not in first
    second = client.get(next_url.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert [int(i) for i in re.findall(r'href="/issues/(\d+)"', second)] == [archive["queued"]]
    assert 'rel="prev"' in second
    assert 'rel="next"' not in second


@pytest.mark.parametrize(
    "query", ["from=2024-13-01", "to=yesterday", "offset=-1", "limit=0", "limit=1000"]
)
def test_bad_issue_list_parameters_are_400(client: FlaskClient, query: str) -> None:
    response = client.get(f"/issues?{query}", headers={"Accept": "text/html"})
    assert response.status_code == 400


def test_list_issues_counts_without_a_query_per_issue(
    engine: Engine, archive: dict[str, int]
) -> None:
    with session_scope(engine) as session:
        found = list_issues(session=session, where=IssueFilter(date_to=date(2024, 7, 11)))
    assert found.total == 2
    assert [(i.id, i.article_count, i.state) for i in found.issues] == [
        (archive["dazhong"], 1, "succeeded"),
        (archive["queued"], 0, "queued"),
    ]


def test_an_issue_page_lists_its_articles_in_page_order(
    client: FlaskClient, archive: dict[str, int], gold_headlines: list[str]
) -> None:
    html = client.get(f"/issues/{archive['reference']}").get_data(as_text=True)
    headlines = re.findall(r'class="toc-headline" href="/articles/\d+">([^<]*)</a>', html)
    assert headlines == [h or "（图片）" for h in gold_headlines]
    assert html.count('class="page-no"') == 8
    assert "2版" in html  # the uploader's page label
    assert "图片 Photo" in html  # the photo is marked as one
    assert "first-line" in html
    assert f"/api/issues/{archive['reference']}/articles.csv" in html
    assert f"/api/issues/{archive['reference']}/articles.jsonl" in html


def test_an_issue_still_in_work_says_so(client: FlaskClient, archive: dict[str, int]) -> None:
    html = client.get(f"/issues/{archive['queued']}").get_data(as_text=True)
    assert "Still being processed" in html
    assert "/jobs?id=" in html


def test_the_article_page_reads_like_print_with_neighbours(
    app: Flask, client: FlaskClient, archive: dict[str, int], gold_headlines: list[str]
) -> None:
    issue = client.get(f"/api/issues/{archive['reference']}").get_json()
    first, second, third = issue["article_ids"][:3]
    html = client.get(f"/articles/{second}").get_data(as_text=True)
    assert '<h1 class="headline">深耕廉洁沃土 构筑清廉矩阵</h1>' in html
    assert f'rel="prev" href="/articles/{first}"' in html
    assert f'rel="next" href="/articles/{third}"' in html
    assert gold_headlines[0] in html  # the neighbours' headlines
    assert gold_headlines[2] in html
    assert f'href="/api/articles/{second}"' in html
    assert "聊城日报 · 2024年7月12日" in html
    keywords = client.get(f"/api/articles/{second}").get_json()["keywords"]
    assert keywords
    assert 'href="/search?q=' in html
    first_page = client.get(f"/articles/{first}").get_data(as_text=True)
    assert 'rel="prev"' not in first_page


def test_every_page_has_the_navigation_and_the_search_box(
    client: FlaskClient, archive: dict[str, int]
) -> None:
    for path in ("/", "/issues", f"/issues/{archive['reference']}", "/search?q=孔繁森"):
        html = client.get(path).get_data(as_text=True)
        assert 'href="/issues"' in html
        assert 'role="search"' in html
        assert 'name="q"' in html


def _failed_job(app: Flask, client: FlaskClient, queue: Any) -> str:
    job_id = _upload(client, b"%PDF-1.4\n1 0 obj\n", "broken.pdf")
    outcome = _run(app, job_id)
    assert outcome.state == "failed"
    return job_id


def test_retry_requeues_a_failed_job_keeping_its_file(
    app: Flask, client: FlaskClient, queue: Any
) -> None:
    job_id = _failed_job(app, client, queue)
    before = client.get(f"/api/jobs/{job_id}").get_json()
    assert before["error"]["code"] == "pdf_truncated"
    response = client.post(f"/api/jobs/{job_id}/retry")
    assert response.status_code == 202
    after = response.get_json()
    assert after["state"] == "queued"
    assert after["error"] is None
    assert after["attempts"] == 0
    assert after["issue_id"] == before["issue_id"]
    assert after["finished_at"] is None
    assert queue.enqueued == [job_id, job_id]
    assert _run(app, job_id).state == "failed"  # the same stored bytes, processed again


def test_only_a_failed_job_can_be_retried(
    app: Flask, client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    job_id = _upload(client, reference_page, "p2.txt")
    queued = client.post(f"/api/jobs/{job_id}/retry")
    assert queued.status_code == 409
    assert queued.get_json()["error"]["code"] == "job_not_failed"
    _run(app, job_id)
    assert client.post(f"/api/jobs/{job_id}/retry").status_code == 409
    missing = client.post("/api/jobs/nope/retry")
    assert missing.status_code == 404
    assert queue.enqueued == [job_id]


def test_retry_over_the_api_needs_the_token_when_one_is_set(
    app: Flask, client: FlaskClient, queue: Any
) -> None:
    job_id = _failed_job(app, client, queue)
    app.extensions["baokan"] = services_with_token(app)
    assert client.post(f"/api/jobs/{job_id}/retry").status_code == 401
    allowed = client.post(
        f"/api/jobs/{job_id}/retry", headers={"Authorization": "Bearer s3cret"}
    )
    assert allowed.status_code == 202


def test_the_status_page_offers_retry_as_a_form_with_its_csrf_token(
    app: Flask, client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    good = _upload(client, reference_page, "p2.txt")
    bad = _failed_job(app, client, queue)
    html = client.get(f"/jobs?id={good}&id={bad}").get_data(as_text=True)
    assert f'action="/jobs/{bad}/retry"' in html
    assert f'action="/jobs/{good}/retry"' not in html
    assert "The file is incomplete" in html  # plain words beside the service's message
    token = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert token is not None

    forged = client.post(f"/jobs/{bad}/retry", data={"id": [good, bad]})
    assert forged.status_code == 400
    response = client.post(
        f"/jobs/{bad}/retry", data={"csrf_token": token.group(1), "id": [good, bad]}
    )
    assert response.status_code == 303
    assert response.headers["Location"] == f"/jobs?id={good}&id={bad}"
    assert client.get(f"/api/jobs/{bad}").get_json()["state"] == "queued"


def test_the_form_retry_answers_json_for_the_script(
    app: Flask, client: FlaskClient, queue: Any
) -> None:
    bad = _failed_job(app, client, queue)
    response = client.post(
        f"/jobs/{bad}/retry", data={"csrf_token": _token(client)}, headers=FORM_JSON
    )
    assert response.status_code == 202
    assert response.get_json()["state"] == "queued"
    assert queue.enqueued == [bad, bad]
