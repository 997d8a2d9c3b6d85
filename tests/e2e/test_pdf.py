"""End to end: PDF issues through a real gunicorn and a real Celery worker on the real Redis.

A multi-page PDF ends as articles with their page numbers; PDFs that cannot be read (a scan,
an encrypted file, a truncated file, one over the page limit) fail their jobs with a readable
reason, and the worker goes on to parse the next upload.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shared.pdf import NO_TEXT_LAYER
from tests.support.env import REDIS_TEST_URL
from tests.support.pdf_typesetter import (
    REFERENCE_ISSUE_PAGES,
    encrypted_pdf,
    pages_pdf,
    reference_issue,
    scan_pdf,
    truncated_pdf,
)
from tests.support.processes import Service, service_env, started_service

pytestmark = pytest.mark.e2e

@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    env = service_env(
        f"sqlite:///{tmp_path / 'pdf.db'}", REDIS_TEST_URL, BAOKAN_MAX_PDF_PAGES="3"
    )
    with started_service(env, tmp_path) as running:
        yield running


def test_pdfs_through_a_real_worker(service: Service, reference_gold: dict[str, Any]) -> None:
    bad = [
        (scan_pdf(), "scan.pdf", "pdf_no_text_layer", NO_TEXT_LAYER),
        (encrypted_pdf(), "locked.pdf", "pdf_encrypted", "password"),
        (truncated_pdf(), "cut.pdf", "pdf_truncated", "truncated"),
        (pages_pdf(4), "four-pages.pdf", "pdf_too_many_pages", "more than 3 pages"),
    ]
    for content, name, code, words in bad:
        job = service.upload(content, name, newspaper="聊城日报")
        assert job["state"] == "failed", (name, job)
        assert job["error"]["code"] == code
        assert words in job["error"]["message"]
        assert service.worker is not None
        assert service.worker.poll() is None, f"the worker died on {name}"

    job = service.upload(reference_issue(reference_gold), "issue.pdf", newspaper="聊城日报")
    assert job["state"] == "succeeded", job["error"]
    articles = []
    for article_id in job["article_ids"]:
        status, article = service.call("GET", f"/api/articles/{article_id}")
        assert status == 200
        articles.append(article)
    assert [a["headline"] for a in articles] == [g["headline"] for g in reference_gold["articles"]]
    assert [a["page"] for a in articles] == REFERENCE_ISSUE_PAGES
    assert service.worker.poll() is None
    assert [s for s in service.statuses if s >= 500] == []
