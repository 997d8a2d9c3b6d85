"""End to end: PDF issues through a real gunicorn and a real Celery worker on the real Redis.

A multi-page PDF ends as articles with their page numbers; PDFs that cannot be read (a scan,
an encrypted file, a truncated file, one over the page limit) fail their jobs with a readable
reason, and the worker goes on to parse the next upload.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shared.pdf import NO_TEXT_LAYER
from tests.support.env import REDIS_TEST_URL
from tests.support.http import multipart, request_json
from tests.support.pdf_typesetter import (
    REFERENCE_ISSUE_PAGES,
    encrypted_pdf,
    pages_pdf,
    reference_issue,
    scan_pdf,
    truncated_pdf,
)

pytestmark = pytest.mark.e2e

BAOKAN = str(Path(sys.executable).parent / "baokan")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Service:
    def __init__(self, base: str, worker: subprocess.Popen[bytes]) -> None:
        self.base = base
        self.worker = worker

    def upload(self, content: bytes, name: str) -> dict[str, Any]:
        body, content_type = multipart({"newspaper": "聊城日报"}, [(name, content)])
        status, answer = request_json("POST", f"{self.base}/api/issues", body, content_type)
        assert status == 202, answer
        return self.wait(answer["jobs"][0]["status_url"])

    def wait(self, status_url: str, timeout: float = 120) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, job = request_json("GET", self.base + status_url)
            assert status == 200
            if job["state"] in ("succeeded", "failed"):
                result: dict[str, Any] = job
                return result
            time.sleep(0.25)
        pytest.fail(f"job still {job['state']} after {timeout} s")


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    port = str(_free_port())
    env = dict(os.environ)
    env.update(
        BAOKAN_DATABASE_URL=f"sqlite:///{tmp_path / 'pdf.db'}",
        BAOKAN_REDIS_URL=REDIS_TEST_URL,
        BAOKAN_QUEUE=f"baokan-test-{uuid.uuid4().hex[:8]}",
        BAOKAN_MAX_PDF_PAGES="3",
    )
    web_log, worker_log = tmp_path / "web.log", tmp_path / "worker.log"
    with web_log.open("wb") as web_out, worker_log.open("wb") as worker_out:
        worker = subprocess.Popen(
            [BAOKAN, "worker", "--concurrency", "1"],
            env=env, stdout=worker_out, stderr=subprocess.STDOUT,
        )
        web = subprocess.Popen(
            [BAOKAN, "web", "--port", port, "--workers", "1"],
            env=env, stdout=web_out, stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                if web.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the web server did not start:\n{web_log.read_text()}")
                try:
                    if request_json("GET", f"{base}/readyz")[0] == 200:
                        break
                except OSError:
                    pass
                time.sleep(0.2)
            yield Service(base, worker)
        finally:
            _stop(web)
            _stop(worker)
    print(worker_log.read_text()[-4000:])


def test_pdfs_through_a_real_worker(service: Service, reference_gold: dict[str, Any]) -> None:
    bad = [
        (scan_pdf(), "scan.pdf", "pdf_no_text_layer", NO_TEXT_LAYER),
        (encrypted_pdf(), "locked.pdf", "pdf_encrypted", "password"),
        (truncated_pdf(), "cut.pdf", "pdf_truncated", "truncated"),
        (pages_pdf(4), "four-pages.pdf", "pdf_too_many_pages", "more than 3 pages"),
    ]
    for content, name, code, words in bad:
        job = service.upload(content, name)
        assert job["state"] == "failed", (name, job)
        assert job["error"]["code"] == code
        assert words in job["error"]["message"]
        assert service.worker.poll() is None, f"the worker died on {name}"

    job = service.upload(reference_issue(reference_gold), "issue.pdf")
    assert job["state"] == "succeeded", job["error"]
    articles = []
    for article_id in job["article_ids"]:
        status, article = request_json("GET", f"{service.base}/api/articles/{article_id}")
        assert status == 200
        articles.append(article)
    assert [a["headline"] for a in articles] == [g["headline"] for g in reference_gold["articles"]]
    assert [a["page"] for a in articles] == REFERENCE_ISSUE_PAGES
    assert service.worker.poll() is None
