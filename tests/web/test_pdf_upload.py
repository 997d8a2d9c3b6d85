"""PDF issue files through the web API, the job run as a plain function (shared.process)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from shared.pdf import NO_TEXT_LAYER
from shared.process import process_job
from tests.support.pdf_typesetter import (
    REFERENCE_ISSUE_PAGES,
    encrypted_pdf,
    pages_pdf,
    reference_issue,
    scan_pdf,
    truncated_pdf,
)
from web.app import services


def _upload(client: FlaskClient, content: bytes, name: str) -> dict[str, Any]:
    response = client.post(
        "/api/issues",
        data={"file": [(io.BytesIO(content), name)], "newspaper": "聊城日报"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 202, response.get_json()
    job: dict[str, Any] = response.get_json()["jobs"][0]
    return job


def _run(app: Flask, client: FlaskClient, job: dict[str, Any]) -> dict[str, Any]:
    with app.app_context():
        process_job(engine=services().engine, job_id=job["id"])
    status: dict[str, Any] = client.get(job["status_url"]).get_json()
    return status


def test_a_multi_page_pdf_ends_as_articles_with_their_page_numbers(
    app: Flask, client: FlaskClient, queue: Any, reference_gold: dict[str, Any]
) -> None:
    job = _upload(client, reference_issue(reference_gold), "聊城日报-2024-07-12.pdf")
    assert queue.enqueued == [job["id"]]
    status = _run(app, client, job)
    assert status["state"] == "succeeded", status["error"]
    articles = [client.get(f"/api/articles/{i}").get_json() for i in status["article_ids"]]
    gold = reference_gold["articles"]
    assert [a["headline"] for a in articles] == [g["headline"] for g in gold]
    assert [a["kicker"] for a in articles] == [g["kicker"] for g in gold]
    assert [a["page"] for a in articles] == REFERENCE_ISSUE_PAGES
    assert [a["position"] for a in articles] == list(range(1, 9))
    assert [a["paragraphs"] for a in articles] == [g["paragraphs"] for g in gold]
    assert articles[1]["continued_to"] == "下转第2版"
    assert articles[5]["kind"] == "photo"
    issue = client.get(f"/api/issues/{status['issue_id']}").get_json()
    assert issue["media_type"] == "application/pdf"


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (scan_pdf(), "pdf_no_text_layer", NO_TEXT_LAYER),
        (encrypted_pdf(), "pdf_encrypted", "password"),
        (truncated_pdf(), "pdf_truncated", "truncated"),
        (pages_pdf(3), "pdf_too_many_pages", "more than 2 pages"),
    ],
    ids=["scan", "encrypted", "truncated", "too-many-pages"],
)
def test_a_pdf_that_cannot_be_read_fails_its_job_with_the_reason(
    app: Flask,
    client: FlaskClient,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    code: str,
    words: str,
) -> None:
    monkeypatch.setenv("BAOKAN_MAX_PDF_PAGES", "2")
    status = _run(app, client, _upload(client, content, "bad.pdf"))
    assert status["state"] == "failed"
    assert status["error"]["code"] == code
    assert words in status["error"]["message"]
    assert status["article_ids"] == []


def test_a_multi_page_pdf_through_the_html_form_ends_with_its_page_numbers(
    app: Flask, client: FlaskClient, queue: Any, reference_gold: dict[str, Any]
) -> None:
    import re

    html = client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert token is not None
    response = client.post(
        "/upload",
        data={
            "file": [(io.BytesIO(reference_issue(reference_gold)), "issue.pdf")],
            "newspaper": "聊城日报",
            "csrf_token": token.group(1),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    status_page = response.headers["Location"]
    with app.app_context():
        process_job(engine=services().engine, job_id=queue.enqueued[0])
    page = client.get(status_page).get_data(as_text=True)
    links = re.findall(r'href="/articles/(\d+)"', page)
    assert len(links) == 8
    articles = [client.get(f"/api/articles/{i}").get_json() for i in links]
    assert [a["page"] for a in articles] == REFERENCE_ISSUE_PAGES
    assert [a["headline"] for a in articles] == [g["headline"] for g in reference_gold["articles"]]
