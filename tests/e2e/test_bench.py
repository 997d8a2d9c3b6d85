"""The benchmark runs from end to end and prints every figure README quotes.

It asserts no speed (figures are for reading, see README "Speed and memory"); it only keeps the
script working: a small run against SQLite, with the real web server and Celery worker.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]


def test_bench_prints_every_figure() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bench.run", "--pages", "6", "--databases", "sqlite", "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    table, _, last = run.stdout.rstrip().rpartition("\n")
    for row in ("jieba.lcut floor", "in-process pipeline, sqlite", "end to end, sqlite",
                "latency at 10 pages/s", "upload request p50", "worker memory", "CPU per page"):
        assert row in table, run.stdout
    figures = json.loads(last)
    assert figures["pages"] == 6
    assert figures["jieba_floor_s"] > 0
    assert figures["in_process_sqlite_s"] > 0
    e2e = figures["e2e_sqlite"]
    assert e2e["pages_per_s"] > 0
    assert 0 < e2e["paced_p50_ms"] <= e2e["paced_p95_ms"]
    assert e2e["worker_rss_mib_after"] >= e2e["worker_pss_mib_after"] > 0
    assert e2e["worker_cpu_ms_per_page"] > 0
    assert e2e["web_cpu_ms_per_page"] > 0
