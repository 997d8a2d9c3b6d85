"""The worker's memory over many pages: whether it stays flat once warmed up.

    python -m bench.memory [--pages 2000] [--every 400] [--databases postgresql,sqlite] [--json]

Starts gunicorn and a Celery worker with 2 pool processes on the local Redis (as
``bench.run`` does end to end), uploads the bench's pages (``bench.run.generate_pages``) from
4 HTTP clients ``--every`` pages at a time, waits until they have ended, and reads each worker
process's RSS (parent, then the pool processes), their sum, and the worker's resident memory
(each physical page counted once, where page frames are readable). The issue's target is the
sum: at most 350 MB (333.8 MiB), flat over 2,000 pages. It prints figures, never asserts them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.run import (  # noqa: E402
    _upload,
    _wait_until_ended,
    database,
    generate_pages,
    worker_memory_mib,
)
from tests.support.env import REDIS_TEST_URL  # noqa: E402
from tests.support.processes import Service, service_env  # noqa: E402


@dataclass(frozen=True)
class Reading:
    """The worker's memory after ``pages`` pages have ended, in MiB."""

    pages: int
    rss_sum: float
    processes: list[float]  # the parent's RSS, then each pool process's
    resident: float | None


def _reading(service: Service, pages: int) -> Reading:
    memory = worker_memory_mib(service)
    return Reading(
        pages=pages,
        rss_sum=memory.rss_sum,
        processes=list(memory.rss_each),
        resident=memory.resident,
    )


def memory_over_pages(pages: list[bytes], url: str, folder: Path, every: int) -> list[Reading]:
    """The worker's memory idle, then after every ``every`` pages until all have ended."""
    service = Service(env=service_env(url, REDIS_TEST_URL), logs=folder)
    try:
        service.start_web()
        service.start_worker(concurrency=2)
        readings = [_reading(service, 0)]
        with ThreadPoolExecutor(4) as clients:
            for first in range(0, len(pages), every):
                chunk = list(enumerate(pages[first : first + every], start=first))
                list(clients.map(lambda p: _upload(service, p[1], f"m{p[0]}.txt"), chunk))
                _wait_until_ended(service, first + len(chunk))
                readings.append(_reading(service, first + len(chunk)))
        return readings
    finally:
        service.stop()


def _row(reading: Reading) -> str:
    processes = " + ".join(f"{mib:.1f}" for mib in reading.processes)
    resident = "" if reading.resident is None else f", resident {reading.resident:.1f}"
    summed = f"RSS summed {reading.rss_sum:6.1f} MiB ({processes})"
    return f"{reading.pages:>6} pages  {summed}{resident}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--every", type=int, default=400)
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()
    if args.pages < 1 or args.every < 1:
        parser.error("--pages and --every must be at least 1")
    pages = generate_pages(args.pages)
    figures: dict[str, list[dict[str, object]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.databases.split(","):
            with database(kind, Path(tmp)) as url:
                readings = memory_over_pages(pages, url, Path(tmp), args.every)
            print(f"worker memory over {len(pages)} pages, {kind} (parent + pool processes)")
            for reading in readings:
                print("  " + _row(reading))
            warm = readings[1] if len(readings) > 2 else readings[-1]
            print(
                f"  after the first {warm.pages} pages: "
                f"{readings[-1].rss_sum - warm.rss_sum:+.1f} MiB to the end"
            )
            figures[kind] = [asdict(reading) for reading in readings]
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
