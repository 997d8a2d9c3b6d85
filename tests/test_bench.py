"""The benchmark runs from end to end and prints every figure README quotes.

It asserts no speed (figures are for reading, see README "Speed and memory"); it only keeps the
script working: a small run against SQLite, with the real web server and Celery worker.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from sqlmodel import select

from bench.run import generate_pages, in_process, resident_frames, warm_up_pages
from shared.db import dispose_engines, get_engine, session_scope
from shared.models import Article, Job

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not resident_frames(os.getpid()), reason="page frames need CAP_SYS_ADMIN")
def test_resident_pages_shared_after_a_fork_are_counted_once() -> None:
    block = bytearray(os.urandom(32 * 2**20))  # 32 MiB, resident in this process
    with warnings.catch_warnings(action="ignore", category=DeprecationWarning):
        child = os.fork()  # (Python 3.12 warns when other threads exist; the child only waits)
    if child == 0:  # the child only reads what it shares with the parent, then waits
        signal.pause()
        os._exit(0)
    try:
        own = resident_frames(os.getpid())
        both = own | resident_frames(child)
        page = os.sysconf("SC_PAGE_SIZE")
        assert len(own) * page >= 32 * 2**20
        assert (len(both) - len(own)) * page < 8 * 2**20  # the child adds little of its own
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    assert block


def test_memory_counts_as_warm_after_a_tenth_of_the_pages_and_at_least_twenty() -> None:
    assert warm_up_pages(2000) == 200
    assert warm_up_pages(200) == 20
    assert warm_up_pages(50) == 20
    assert warm_up_pages(6) == 6


def test_in_process_runs_every_job_and_times_the_uploads_apart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    try:
        run = in_process(generate_pages(3), url)
        with session_scope(get_engine(url)) as session:
            states = list(session.exec(select(Job.state)))
            articles = len(session.exec(select(Article.id)).all())
    finally:
        dispose_engines()
    assert states == ["succeeded"] * 3
    assert articles >= 3
    assert run.pipeline > 0
    assert run.floor > 0
    assert run.accepting > 0


@pytest.mark.e2e
@pytest.mark.slow
def test_bench_prints_every_figure() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bench.run", "--pages", "6", "--databases", "sqlite", "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    table, _, last = run.stdout.rstrip().rpartition("\n")
    for row in ("jieba.lcut floor", "in-process pipeline, sqlite", "accepting the uploads, sqlite",
                "end to end, sqlite",
                "latency at 10 pages/s", "upload request p50", "worker memory", "CPU per page"):
        assert row in table, run.stdout
    figures = json.loads(last)
    assert figures["pages"] == 6
    assert figures["jieba_floor_s"] > 0
    assert figures["in_process_sqlite_s"] > 0
    assert figures["in_process_sqlite_jieba_s"] > 0
    assert figures["in_process_sqlite_accepting_s"] > 0
    e2e = figures["e2e_sqlite"]
    assert e2e["pages_per_s"] > 0
    assert e2e["jieba_floor_s"] > 0
    assert 0 < e2e["paced_p50_ms"] <= e2e["paced_p95_ms"]
    assert e2e["worker_rss_mib_after"] >= e2e["worker_pss_mib_after"] > 0
    assert e2e["warm_after_pages"] == 6  # a run shorter than the warm-up is warm at its end
    assert e2e["worker_rss_mib_warm"] > 0
    if e2e["worker_resident_mib_after"] is not None:  # frame numbers are readable
        resident = e2e["worker_resident_mib_after"]
        assert e2e["worker_pss_mib_after"] <= resident < e2e["worker_rss_mib_after"]
    assert e2e["worker_cpu_ms_per_page"] > 0
    assert e2e["web_cpu_ms_per_page"] > 0


def test_the_parsing_bench_prints_every_metric() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bench.parsing", "--pages", "3", "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    figures = json.loads(run.stdout)
    for metric in ("seg_f1", "titles", "headline", "paragraphs", "text"):
        assert 0 <= figures[metric] <= 1
    assert figures["parse_ms_per_document"] > 0


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
@pytest.mark.parametrize(
    "mode", [[], ["--layout"], ["--pdf"]], ids=["plain", "layout", "pdf"]
)
def test_the_extracted_pages_bench_prints_every_metric(mode: list[str]) -> None:
    # .ci/ensure-pdftotext installs poppler-utils, so this runs in CI
    run = subprocess.run(
        [sys.executable, "-m", "bench.extracted", "--pages", "2", "--json", *mode],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    figures = json.loads(run.stdout)
    for metric in ("seg_f1", "titles", "headline", "paragraphs", "text"):
        assert 0 <= figures[metric] <= 1
    # whichever way the text comes, the parser finds most of the articles in it
    assert figures["seg_f1"] > 0.5


@pytest.mark.skipif(
    importlib.util.find_spec("pymupdf") is not None, reason="PyMuPDF is installed here"
)
def test_the_extracted_pages_bench_names_what_pymupdf_mode_needs() -> None:
    # PyMuPDF is no dependency of the project: without it, --pymupdf says how to get it
    run = subprocess.run(
        [sys.executable, "-m", "bench.extracted", "--pages", "1", "--pymupdf"],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )
    assert run.returncode != 0
    assert "pip install pymupdf" in run.stderr


def test_the_memory_bench_reads_the_worker_every_few_pages() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bench.memory", "--pages", "5", "--every", "2",
         "--databases", "sqlite", "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    table, _, last = run.stdout.rstrip().rpartition("\n")
    assert "worker memory over 5 pages, sqlite" in table
    assert "after the first 2 pages" in table
    readings = json.loads(last)["sqlite"]
    assert [reading["pages"] for reading in readings] == [0, 2, 4, 5]
    for reading in readings:
        assert len(reading["processes"]) == 3  # the parent and its two pool processes
        assert abs(sum(reading["processes"]) - reading["rss_sum"]) < 1
