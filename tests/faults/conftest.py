"""The fault suite: real web, worker, Redis and PostgreSQL processes, broken on purpose."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from shared.parsing import parse_bytes
from tests.support.databases import fresh_postgres_database
from tests.support.http import multipart
from tests.support.processes import RedisServer, Service, service_env


@dataclass
class Ledger:
    """Every upload a scenario made, and what a correct service must have done with it."""

    service: Service
    expected: dict[str, int] = field(default_factory=dict)  # job id → article count
    poison: set[str] = field(default_factory=set)
    started: float = field(default_factory=time.monotonic)

    def upload(self, page: bytes, *, poison: bool = False, expect_status: int = 202) -> list[str]:
        body, content_type = multipart({}, [(f"{uuid.uuid4().hex}.txt", page)])
        status, answer = self.service.call("POST", "/api/issues", body, content_type)
        assert status == expect_status, answer
        if status != 202:
            return []
        ids = [job["id"] for job in answer["jobs"]]
        for job_id in ids:
            if poison:
                self.poison.add(job_id)
            else:
                self.expected[job_id] = len(parse_bytes(page).articles)
        return ids

    def job(self, job_id: str) -> dict[str, Any]:
        status, answer = self.service.call("GET", f"/api/jobs/{job_id}")
        assert status == 200, answer
        job: dict[str, Any] = answer
        return job

    def wait_until_state(self, job_id: str, states: set[str], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while self.job(job_id)["state"] not in states:
            assert time.monotonic() < deadline, f"job {job_id} never reached {states}"
            time.sleep(0.1)

    def settle(self, timeout: float = 120) -> dict[str, dict[str, Any]]:
        """Wait until every job has ended; return them all."""
        deadline = time.monotonic() + timeout
        jobs: dict[str, dict[str, Any]] = {}
        for job_id in [*self.expected, *self.poison]:
            while True:
                jobs[job_id] = self.job(job_id)
                if jobs[job_id]["state"] in ("succeeded", "failed"):
                    break
                assert time.monotonic() < deadline, f"job {job_id} is stuck: {jobs[job_id]}"
                time.sleep(0.2)
        return jobs

    def verify(self, scenario: str, **figures: Any) -> dict[str, Any]:
        """Zero lost, zero duplicated, no 5xx, a healthy service; print the figures."""
        jobs = self.settle()
        lost = duplicated = 0
        for job_id, count in self.expected.items():
            job = jobs[job_id]
            if job["state"] != "succeeded":
                lost += 1
                continue
            articles = [
                self.service.call("GET", f"/api/articles/{i}")[1] for i in job["article_ids"]
            ]
            positions = [a["position"] for a in articles]
            if len(articles) != count or positions != list(range(1, count + 1)):
                duplicated += 1
        for job_id in self.poison:
            assert jobs[job_id]["state"] == "failed", jobs[job_id]
            assert jobs[job_id]["error"]["message"]
        ready, _ = self.service.call("GET", "/readyz")
        server_errors = [s for s in self.service.statuses if s >= 500 and s != 503]
        report = {
            "scenario": scenario,
            "jobs": len(jobs),
            "succeeded": sum(j["state"] == "succeeded" for j in jobs.values()),
            "failed": sum(j["state"] == "failed" for j in jobs.values()),
            "lost": lost,
            "duplicated": duplicated,
            "http_5xx": len(server_errors),
            "attempts": sorted(j["attempts"] for j in jobs.values()),
            "seconds": round(time.monotonic() - self.started, 1),
            **figures,
        }
        print("\nFAULT", json.dumps(report, ensure_ascii=False))
        assert lost == 0
        assert duplicated == 0
        assert server_errors == []
        assert ready == 200
        return report


def unique_page(page: bytes, *markers: str) -> bytes:
    """The page with a final line that makes its bytes (and so its job) unique."""
    tail = " ".join([f"BAOKAN-TEST-ID-{uuid.uuid4().hex}", *markers])
    return page + f"\n\n{tail}\n".encode()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(folder=tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with fresh_postgres_database() as url:
        yield url


# Short limits so that lost workers are noticed within seconds, not minutes.
FAST_RECOVERY = {
    "BAOKAN_TASK_SOFT_TIME_LIMIT": "8",
    "BAOKAN_TASK_TIME_LIMIT": "10",
    "BAOKAN_VISIBILITY_TIMEOUT": "20",
    "BAOKAN_JOB_LEASE_SECONDS": "12",
    "BAOKAN_SWEEP_INTERVAL": "1",
}


@pytest.fixture
def service(
    postgres_url: str, redis_server: RedisServer, tmp_path: Path
) -> Iterator[Service]:
    svc = Service(env=service_env(postgres_url, redis_server.url, **FAST_RECOVERY), logs=tmp_path)
    try:
        svc.start_web()
        yield svc
    finally:
        svc.stop()
        svc.print_logs()
