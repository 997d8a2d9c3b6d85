"""End to end: a real gunicorn web server and a real Celery worker process on the real Redis."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.env import REDIS_TEST_URL
from tests.support.http import multipart, request_json

pytestmark = pytest.mark.e2e

BAOKAN = str(Path(sys.executable).parent / "baokan")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_ready(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the web server exited early:\n{log.read_text()}")
        try:
            status, _ = request_json("GET", f"{base}/readyz")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"the web server never became ready:\n{log.read_text()}")


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _service_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        BAOKAN_DATABASE_URL=database_url,
        BAOKAN_REDIS_URL=REDIS_TEST_URL,
        BAOKAN_QUEUE=f"baokan-test-{uuid.uuid4().hex[:8]}",
        BAOKAN_WEB_PORT=str(_free_port()),
    )
    return env


@pytest.fixture
def service_env(database_url: str) -> dict[str, str]:
    return _service_env(database_url)


@pytest.fixture
def service(service_env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """The web server and one worker, separately started as an operator would."""
    port = service_env["BAOKAN_WEB_PORT"]
    web_log, worker_log = tmp_path / "web.log", tmp_path / "worker.log"
    with web_log.open("wb") as web_out, worker_log.open("wb") as worker_out:
        worker = subprocess.Popen(
            [BAOKAN, "worker", "--concurrency", "1"],
            env=service_env, stdout=worker_out, stderr=subprocess.STDOUT,
        )
        web = subprocess.Popen(
            [BAOKAN, "web", "--port", port, "--workers", "1"],
            env=service_env, stdout=web_out, stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_ready(base, web, web_log)
            yield base
        finally:
            _stop([web, worker])
    print(worker_log.read_text()[-4000:])


def _poll_until_ended(base: str, status_url: str, timeout: float = 90) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, job = request_json("GET", base + status_url)
        assert status == 200
        if job["state"] in ("succeeded", "failed"):
            result: dict[str, Any] = job
            return result
        time.sleep(0.25)
    pytest.fail(f"job still {job['state']} after {timeout} s")


def _upload_and_fetch(base: str, page: bytes) -> list[dict[str, Any]]:
    body, content_type = multipart({"newspaper": "聊城日报", "page": "2"}, [("p2.txt", page)])
    status, answer = request_json("POST", f"{base}/api/issues", body, content_type)
    assert status == 202, answer
    job = _poll_until_ended(base, answer["jobs"][0]["status_url"])
    assert job["state"] == "succeeded", job["error"]
    articles = []
    for article_id in job["article_ids"]:
        status, article = request_json("GET", f"{base}/api/articles/{article_id}")
        assert status == 200
        articles.append(article)
    return articles


def test_upload_poll_fetch_through_a_real_worker(
    service: str, reference_page: bytes, gold_headlines: list[str]
) -> None:
    articles = _upload_and_fetch(service, reference_page)
    assert [a["headline"] for a in articles] == gold_headlines
    assert [a["position"] for a in articles] == list(range(1, 9))
    assert articles[5]["kind"] == "photo"
    assert articles[5]["reporters"] == ["许金松"]
    # The worker indexed the articles; the web segments the query with the same dictionary.
    query = urllib.parse.quote("源网荷储")
    status, found = request_json("GET", f"{service}/api/search?q={query}")
    assert status == 200, found
    assert [hit["headline"] for hit in found["results"]] == ["东昌府区跑出招商引资加速度"]


def test_baokan_up_runs_web_and_worker_together(
    reference_page: bytes, gold_headlines: list[str], tmp_path: Path
) -> None:
    service_env = _service_env(f"sqlite:///{tmp_path / 'up.db'}")
    log = tmp_path / "up.log"
    with log.open("wb") as out:
        up = subprocess.Popen([BAOKAN, "up"], env=service_env, stdout=out, stderr=out)
        try:
            base = f"http://127.0.0.1:{service_env['BAOKAN_WEB_PORT']}"
            _wait_ready(base, up, log)
            articles = _upload_and_fetch(base, reference_page)
            assert [a["headline"] for a in articles] == gold_headlines
        finally:
            _stop([up])
    assert up.returncode == 0, log.read_text()
