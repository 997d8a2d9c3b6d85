"""End to end: a real gunicorn web server and a real Celery worker process on the real Redis."""

from __future__ import annotations

import subprocess
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.continued_pages import JOINED_PARAGRAPH, page_one, page_two
from tests.support.env import REDIS_TEST_URL
from tests.support.http import multipart, request_json
from tests.support.processes import (
    BAOKAN,
    Service,
    service_env,
    started_service,
    stop,
    wait_for,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def service(database_url: str, tmp_path: Path) -> Iterator[Service]:
    """The web server and one worker, separately started as an operator would."""
    with started_service(service_env(database_url, REDIS_TEST_URL), tmp_path) as running:
        yield running


def _articles(service: Service, job: dict[str, Any]) -> list[dict[str, Any]]:
    assert job["state"] == "succeeded", job["error"]
    articles = []
    for article_id in job["article_ids"]:
        status, article = service.call("GET", f"/api/articles/{article_id}")
        assert status == 200
        articles.append(article)
    return articles


def test_upload_poll_fetch_through_a_real_worker(
    service: Service, reference_page: bytes, gold_headlines: list[str]
) -> None:
    job = service.upload(reference_page, "p2.txt", newspaper="聊城日报", page="2")
    articles = _articles(service, job)
    assert [a["headline"] for a in articles] == gold_headlines
    assert [a["position"] for a in articles] == list(range(1, 9))
    assert articles[5]["kind"] == "photo"
    assert articles[5]["reporters"] == ["许金松"]
    # The worker indexed the articles; the web segments the query with the same dictionary.
    status, found = service.call("GET", "/api/search?q=" + urllib.parse.quote("源网荷储"))
    assert status == 200, found
    assert [hit["headline"] for hit in found["results"]] == ["东昌府区跑出招商引资加速度"]


def test_an_issue_uploaded_page_by_page_has_its_continued_article_joined(
    service: Service,
) -> None:
    body, content_type = multipart({}, [("1.txt", page_one()), ("2.txt", page_two())])
    status, answer = service.call("POST", "/api/issues", body, content_type)
    assert status == 202, answer
    first, second = (service.wait(job["status_url"]) for job in answer["jobs"])

    def joined() -> bool:  # the last job's worker joins the parts right after it ends
        _, issue = service.call("GET", f"/api/issues/{second['issue_id']}")
        return len(issue["article_ids"]) == 1

    wait_for("the continued article joined", joined)
    (article,) = _articles(service, first)
    assert article["paragraphs"][-1] == JOINED_PARAGRAPH


def test_baokan_up_runs_web_and_worker_together(
    reference_page: bytes, gold_headlines: list[str], tmp_path: Path
) -> None:
    """The README's run command: web and worker from one command, stopped cleanly by SIGTERM."""
    up_service = Service(
        env=service_env(f"sqlite:///{tmp_path / 'up.db'}", REDIS_TEST_URL), logs=tmp_path
    )
    log = tmp_path / "up.log"
    with log.open("wb") as out:
        up = subprocess.Popen([BAOKAN, "up"], env=up_service.env, stdout=out, stderr=out)
    try:
        wait_for("baokan up", lambda: request_json("GET", f"{up_service.base}/readyz")[0] == 200)
        articles = _articles(up_service, up_service.upload(reference_page, "p2.txt"))
        assert [a["headline"] for a in articles] == gold_headlines
    finally:
        stop(up)
    assert up.returncode == 0, log.read_text()
