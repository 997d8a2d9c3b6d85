"""The pipeline's speed and memory against its floor, jieba itself.

    python -m bench.run [--pages 200] [--databases sqlite,postgresql] [--skip-e2e]

In-process: decode → parse → normalise → analyse → store, page after page, taking turns
with a plain ``jieba.lcut`` pass over the same texts every few pages. End to end: gunicorn
and a Celery worker with 2 processes on the local Redis, 4 concurrent HTTP clients uploading
every page, then a paced run at 10 pages/s for latency, against a jieba pass made just
before. Figures are printed as a table; ratios are measured within one run so that the
machine's speed cancels out.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import struct
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import shared.parsing  # noqa: E402
from shared.db import dispose_engines, get_engine, session_scope  # noqa: E402
from shared.idf import private_cache_dir  # noqa: E402
from shared.process import process_job  # noqa: E402
from shared.segmenter import load_jieba  # noqa: E402
from shared.uploads import UploadMeta, accept_upload  # noqa: E402
from tests.support.databases import fresh_postgres_database  # noqa: E402
from tests.support.env import REDIS_TEST_URL  # noqa: E402
from tests.support.http import multipart, request_json  # noqa: E402
from tests.support.page_simulator import PageSimulator, load_sample_articles  # noqa: E402
from tests.support.processes import Service, children_of, service_env  # noqa: E402


def generate_pages(count: int, seed: int = 7) -> list[bytes]:
    """``count`` varied pages (about 16 KB each) laid out from the fixtures' real articles."""
    simulator = PageSimulator(load_sample_articles(), seed=seed)
    return [
        simulator.document(pages=1, articles_per_page=(3, 6)).text.encode("utf-8")
        for _ in range(count)
    ]


def jieba_floor(texts: list[str]) -> float:
    """Seconds for one plain ``jieba.lcut`` pass over every text (dictionary already loaded).

    This is Python jieba, the floor the targets are set against; the pipeline itself runs
    jieba's model in jieba-rs (shared/segmenter.py).
    """
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # jieba never closes its files
        import jieba

        jieba.setLogLevel(60)
        jieba.dt.tmp_dir = str(private_cache_dir())
        jieba.initialize()
    jieba.lcut(texts[0])
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - started


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / f'bench-{time.monotonic_ns()}.db'}"
        dispose_engines()
    else:
        with fresh_postgres_database() as url:
            yield url


# In-process, the pipeline and the jieba pass take turns over chunks of this many pages, so
# that a machine slowing down or speeding up during the run (a busy neighbour on a virtual
# machine) weighs on both alike and their ratio stays true.
CHUNK_PAGES = 20


@dataclass(frozen=True)
class InProcess:
    """Seconds of the in-process run: the pipeline, the jieba pass taking turns with it, and
    the uploads' acceptance (the web's part, timed apart and not counted in the pipeline)."""

    pipeline: float
    floor: float
    accepting: float


def in_process(pages: list[bytes], url: str) -> InProcess:
    """The whole worker pipeline over ``pages`` into the database at ``url`` (decode → parse →
    normalise → analyse → store, each page's job run to its end), and a plain ``jieba.lcut``
    pass over the same texts, measured alternately chunk by chunk.

    Each chunk's uploads are accepted first, as the web would (file and job stored, in the
    same database), and timed on their own: the issue's pipeline runs "without broker or web".
    """
    engine = get_engine(url)
    load_jieba()
    pipeline = floor = accepting = 0.0
    for first in range(0, len(pages), CHUNK_PAGES):
        chunk = pages[first : first + CHUNK_PAGES]
        floor += jieba_floor([page.decode("utf-8") for page in chunk])
        started = time.perf_counter()
        job_ids = []
        for index, page in enumerate(chunk, start=first):
            with session_scope(engine) as session:
                job = accept_upload(
                    session=session, data=page, filename=f"p{index}.txt", meta=UploadMeta()
                )
                job_ids.append(job.id)
        accepting += time.perf_counter() - started
        started = time.perf_counter()
        for job_id in job_ids:
            outcome = process_job(engine=engine, job_id=job_id)
            assert outcome.state == "succeeded", outcome
        pipeline += time.perf_counter() - started
    return InProcess(pipeline, floor, accepting)


def _rss_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; PSS shares the dictionary pages fairly."""
    rss = pss = 0
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    return rss, pss


_PRESENT = 1 << 63
_FRAME_NUMBER = (1 << 55) - 1


def resident_frames(pid: int) -> set[int]:
    """The physical page frames resident in ``pid``'s address space (/proc/PID/pagemap).

    Empty when the kernel hides frame numbers (reading them needs CAP_SYS_ADMIN).
    """
    page = os.sysconf("SC_PAGE_SIZE")
    frames: set[int] = set()
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for mapping in maps:
            if mapping.rstrip().endswith("[vsyscall]"):  # outside the readable range
                continue
            low, high = (int(bound, 16) for bound in mapping.split()[0].split("-"))
            pagemap.seek(low // page * 8)
            entries = pagemap.read((high - low) // page * 8)
            frames.update(
                entry & _FRAME_NUMBER
                for (entry,) in struct.iter_unpack("<Q", entries)
                if entry & _PRESENT
            )
    frames.discard(0)
    return frames


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds the processes have used so far."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


def _service_pids(service: Service) -> dict[str, list[int]]:
    assert service.web is not None
    return {
        "worker": [service.pid, *children_of(service.pid)],
        "web": [service.web.pid, *children_of(service.web.pid)],
    }


@dataclass(frozen=True)
class WorkerMemory:
    """The worker's memory (parent + pool processes) in MiB, three ways."""

    rss_sum: float  # each process's RSS added up: a page shared by three counts three times
    resident: float | None  # distinct physical pages over all of them: each page counted once
    pss_sum: float  # shared pages split between the processes sharing them (also the web's)
    rss_each: tuple[float, ...]  # each process's RSS: the parent's, then its pool processes'


def worker_memory_mib(service: Service) -> WorkerMemory:
    pids = [service.pid, *children_of(service.pid)]
    sizes = [_rss_kib(pid) for pid in pids]
    frames = set().union(*(resident_frames(pid) for pid in pids))
    return WorkerMemory(
        rss_sum=sum(s[0] for s in sizes) / 1024,
        resident=len(frames) * os.sysconf("SC_PAGE_SIZE") / 2**20 if frames else None,
        pss_sum=sum(s[1] for s in sizes) / 1024,
        rss_each=tuple(s[0] / 1024 for s in sizes),
    )


def _timestamp(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def _upload(service: Service, page: bytes, name: str) -> tuple[str, float]:
    body, content_type = multipart({}, [(name, page)])
    started = time.perf_counter()
    status, answer = request_json("POST", f"{service.base}/api/issues", body, content_type)
    elapsed = time.perf_counter() - started
    assert status == 202, answer
    return answer["jobs"][0]["id"], elapsed


def _ended_count(service: Service) -> int:
    """Jobs that have ended, read from /metrics: one cheap request however many jobs wait."""
    with urllib.request.urlopen(f"{service.base}/metrics", timeout=10) as response:
        text = response.read().decode()
    ended = 0
    for line in text.splitlines():
        if line.startswith(('baokan_jobs{state="succeeded"}', 'baokan_jobs{state="failed"}')):
            ended += int(line.rsplit(" ", 1)[1])
    return ended


def _wait_until_ended(service: Service, count: int) -> float:
    """Poll /metrics (one cheap request, however many jobs wait) until ``count`` jobs have
    ended; the ``perf_counter`` time at which that was seen."""
    while _ended_count(service) < count:
        time.sleep(0.02)
    return time.perf_counter()


def warm_up_pages(count: int) -> int:
    """After how many ended jobs the worker counts as warmed up: a tenth of the run, at least
    20 pages (each pool process's first jobs fill its caches and touch its libraries' code)."""
    return min(count, max(20, count // 10))


def _memory_once_warm(service: Service, count: int) -> WorkerMemory:
    """The worker's memory read once ``warm_up_pages(count)`` jobs have ended (the upload
    clients go on meanwhile), so that growth is judged from there and not from an idle pool."""
    _wait_until_ended(service, warm_up_pages(count))
    return worker_memory_mib(service)


def _read_jobs(service: Service, job_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Every job's status, read once after all have ended, each checked to have succeeded."""
    done: dict[str, dict[str, Any]] = {}
    for job_id in job_ids:
        _, job = request_json("GET", f"{service.base}/api/jobs/{job_id}")
        assert job["state"] == "succeeded", job
        done[job_id] = job
    return done


def _latencies(jobs: dict[str, dict[str, Any]]) -> list[float]:
    return sorted(
        _timestamp(job["finished_at"]) - _timestamp(job["created_at"]) for job in jobs.values()
    )


def _percentile(values: list[float], share: float) -> float:
    return values[min(len(values) - 1, int(share * len(values)))]


def end_to_end(pages: list[bytes], url: str, folder: Path) -> dict[str, Any]:
    env = service_env(url, REDIS_TEST_URL)
    service = Service(env=env, logs=folder)
    try:
        service.start_web()
        service.start_worker(concurrency=2)
        memory_before = worker_memory_mib(service)
        pids = _service_pids(service)
        cpu_before = {name: _cpu_seconds(group) for name, group in pids.items()}
        # Saturation: 4 clients upload everything as fast as they can.
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=1) as sampler, ThreadPoolExecutor(4) as clients:
            warm = sampler.submit(_memory_once_warm, service, len(pages))
            uploads = list(
                clients.map(lambda p: _upload(service, p[1], f"b{p[0]}.txt"), enumerate(pages))
            )
            memory_warm = warm.result()
        # The clock stops when the service has ended every job; reading each job's status
        # afterwards is the benchmark checking its work, not the service's.
        wall = _wait_until_ended(service, len(pages)) - started
        cpu = {name: _cpu_seconds(group) - cpu_before[name] for name, group in pids.items()}
        jobs = _read_jobs(service, [job_id for job_id, _ in uploads])
        memory_after = worker_memory_mib(service)
        upload_times = sorted(elapsed for _, elapsed in uploads)
        # Paced: 10 pages/s offered, for the latency a user sees when the service keeps up.
        paced_pages = [page + f"\n\n第{i}页\n".encode() for i, page in enumerate(pages[:50])]
        paced_ids: list[str] = []
        paced_uploads: list[float] = []
        begin = time.perf_counter()
        for index, page in enumerate(paced_pages):
            delay = begin + index / 10 - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            job_id, elapsed = _upload(service, page, f"paced{index}.txt")
            paced_ids.append(job_id)
            paced_uploads.append(elapsed)
        _wait_until_ended(service, len(pages) + len(paced_ids))
        paced = _latencies(_read_jobs(service, paced_ids))
        return {
            "wall_s": wall,
            "pages_per_s": len(pages) / wall,
            "saturated_p50_ms": _percentile(_latencies(jobs), 0.5) * 1000,
            "paced_p50_ms": _percentile(paced, 0.5) * 1000,
            "paced_p95_ms": _percentile(paced, 0.95) * 1000,
            "upload_p50_ms": _percentile(upload_times, 0.5) * 1000,
            "paced_upload_p50_ms": _percentile(sorted(paced_uploads), 0.5) * 1000,
            "worker_rss_mib_before": memory_before.rss_sum,
            "worker_rss_mib_warm": memory_warm.rss_sum,
            "worker_rss_mib_after": memory_after.rss_sum,
            "worker_resident_mib_before": memory_before.resident,
            "worker_resident_mib_warm": memory_warm.resident,
            "warm_after_pages": warm_up_pages(len(pages)),
            "worker_resident_mib_after": memory_after.resident,
            "worker_pss_mib_after": memory_after.pss_sum,
            "worker_cpu_ms_per_page": cpu["worker"] / len(pages) * 1000,
            "web_cpu_ms_per_page": cpu["web"] / len(pages) * 1000,
        }
    finally:
        service.stop()


def _memory_row(e2e: dict[str, Any]) -> str:
    """Idle → warmed up (after the first tenth of the pages) → after every page: resident
    (each physical page once), RSS summed over the processes, and PSS at the end."""
    stages = ("before", "warm", "after")
    residents = [e2e[f"worker_resident_mib_{stage}"] for stage in stages]
    resident = (
        "resident " + " → ".join(f"{mib:.0f}" for mib in residents) + " MiB, each page "
        "counted once; "
        if None not in residents
        else "resident unknown (page frames need CAP_SYS_ADMIN); "
    )
    rss = " → ".join(f"{e2e[f'worker_rss_mib_{stage}']:.0f}" for stage in stages)
    return (
        f"idle → warm ({e2e['warm_after_pages']} pages) → end: {resident}"
        f"RSS per process summed {rss} MiB, PSS {e2e['worker_pss_mib_after']:.0f} MiB "
        "(parent + 2 children)"
    )


def _parser_build() -> str:
    """Whether the parser runs compiled: the figures differ by about 4 ms a page."""
    if shared.parsing.COMPILED:
        return "compiled by mypyc (shared/compiled_parser.py)"
    return "from its sources (not compiled: run `baokan compile` for the figures README gives)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--skip-e2e", action="store_true")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()

    pages = generate_pages(args.pages)
    texts = [page.decode("utf-8") for page in pages]
    floor = jieba_floor(texts)
    mean_kib = statistics.mean(len(p) for p in pages) / 1024
    rows: list[tuple[str, str]] = [
        ("parser", _parser_build()),
        ("pages", f"{len(pages)} × {mean_kib:.1f} KiB"),
        ("jieba.lcut floor", f"{floor:.2f} s ({len(pages) / floor:.0f} pages/s)"),
    ]
    figures: dict[str, Any] = {
        "pages": len(pages), "jieba_floor_s": floor, "parser_compiled": shared.parsing.COMPILED
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind in args.databases.split(","):
            with database(kind, folder) as url:
                run = in_process(pages, url)
            rows.append(
                (f"in-process pipeline, {kind}",
                 f"{run.pipeline:.2f} s ({len(pages) / run.pipeline:.0f} pages/s) = "
                 f"{run.pipeline / run.floor:.2f}× jieba ({run.floor:.2f} s, taking turns "
                 f"every {CHUNK_PAGES} pages)")
            )
            rows.append(
                (f"  accepting the uploads, {kind}",
                 f"{run.accepting / len(pages) * 1000:.1f} ms a page (the web's part, apart; "
                 f"with it {(run.pipeline + run.accepting) / run.floor:.2f}× jieba)")
            )
            figures[f"in_process_{kind}_s"] = run.pipeline
            figures[f"in_process_{kind}_jieba_s"] = run.floor
            figures[f"in_process_{kind}_accepting_s"] = run.accepting
            if args.skip_e2e:
                continue
            # The end-to-end run cannot take turns with jieba: a pass right before it is its
            # floor, so that both are measured in the same minute.
            floor = jieba_floor(texts)
            with database(kind, folder) as url:
                e2e = end_to_end(pages, url, folder)
            e2e["jieba_floor_s"] = floor
            figures[f"e2e_{kind}"] = e2e
            rows += [
                (f"end to end, {kind}",
                 f"{e2e['wall_s']:.2f} s ({e2e['pages_per_s']:.0f} pages/s) = "
                 f"{e2e['wall_s'] / floor:.2f}× jieba ({floor:.2f} s just before)"),
                (f"  latency at 10 pages/s, {kind}",
                 f"p50 {e2e['paced_p50_ms']:.0f} ms, p95 {e2e['paced_p95_ms']:.0f} ms"),
                (f"  upload request p50, {kind}",
                 f"{e2e['paced_upload_p50_ms']:.1f} ms at 10 pages/s, "
                 f"{e2e['upload_p50_ms']:.1f} ms from 4 clients at full speed"),
                (f"  worker memory, {kind}", _memory_row(e2e)),
                (f"  CPU per page, {kind}",
                 f"worker {e2e['worker_cpu_ms_per_page']:.1f} ms, "
                 f"web {e2e['web_cpu_ms_per_page']:.1f} ms "
                 f"(jieba.lcut {floor / len(pages) * 1000:.1f} ms)"),
            ]
    width = max(len(name) for name, _ in rows)
    print(f"baokan bench on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
