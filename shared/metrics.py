"""Operational metrics in the Prometheus text format, shared by every web and worker process.

Workers time each pipeline stage of each job and add it to histograms kept in Redis (so the
figures of all processes and machines add up); ``/metrics`` reads them back together with the
jobs by state (from the database) and the queue's depth (from Redis).
"""

from __future__ import annotations

import bisect
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import redis
from sqlalchemy import func
from sqlmodel import Session, select

from shared.models import JOB_STATES, Job

log = logging.getLogger(__name__)

STAGES = ("parse", "analyse", "store")
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
# Per stage, a hash of how many jobs fell in each bucket (not cumulated: one increment a job),
# "+Inf" for those beyond the last bound, and "sum".
_KEY = "baokan:metrics:stage-buckets:{stage}"
# kombu's Redis transport keeps a queue's messages of priority p > 0 in "<queue>\x06\x16<p>".
_PRIORITY_SUFFIXES = ("", "\x06\x163", "\x06\x166", "\x06\x169")


@contextmanager
def timed(timings: dict[str, float] | None, stage: str) -> Iterator[None]:
    """Add the seconds the block takes to ``timings[stage]`` (when timings are kept)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        if timings is not None:
            timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started


def record_stage_durations(client: redis.Redis[Any], timings: dict[str, float]) -> None:
    """Add one job's stage durations to the shared histograms; never fail the job for it."""
    try:
        pipe = client.pipeline(transaction=False)
        for stage, seconds in timings.items():
            key = _KEY.format(stage=stage)
            index = bisect.bisect_left(BUCKETS, seconds)  # the first bound >= seconds
            pipe.hincrby(key, repr(BUCKETS[index]) if index < len(BUCKETS) else "+Inf", 1)
            pipe.hincrbyfloat(key, "sum", seconds)
        pipe.execute()
    except (redis.RedisError, OSError) as exc:
        log.warning("stage durations not recorded: %s", exc)


def _histograms(client: redis.Redis[Any]) -> list[str]:
    lines = [
        "# HELP baokan_stage_duration_seconds Time spent in each pipeline stage per job.",
        "# TYPE baokan_stage_duration_seconds histogram",
    ]
    for stage in STAGES:
        raw = {
            (k.decode() if isinstance(k, bytes) else str(k)): float(v)
            for k, v in client.hgetall(_KEY.format(stage=stage)).items()
        }
        count = 0  # Prometheus buckets are cumulative: every job at or below the bound
        for bound in BUCKETS:
            count += int(raw.get(repr(bound), 0))
            lines.append(
                f'baokan_stage_duration_seconds_bucket{{stage="{stage}",le="{bound}"}} {count}'
            )
        total = count + int(raw.get("+Inf", 0))
        lines.append(f'baokan_stage_duration_seconds_bucket{{stage="{stage}",le="+Inf"}} {total}')
        lines.append(f'baokan_stage_duration_seconds_sum{{stage="{stage}"}} {raw.get("sum", 0.0)}')
        lines.append(f'baokan_stage_duration_seconds_count{{stage="{stage}"}} {total}')
    return lines


def render_metrics(*, session: Session, client: redis.Redis[Any], queue_name: str) -> str:
    """Every metric, in the Prometheus text exposition format."""
    counts = dict(session.exec(select(Job.state, func.count()).group_by(Job.state)).all())
    lines = [
        "# HELP baokan_jobs Jobs by state.",
        "# TYPE baokan_jobs gauge",
        *(f'baokan_jobs{{state="{state}"}} {counts.get(state, 0)}' for state in JOB_STATES),
    ]
    try:
        depth = sum(int(client.llen(queue_name + suffix)) for suffix in _PRIORITY_SUFFIXES)
        lines += [
            "# HELP baokan_queue_depth Messages waiting in the broker's queue.",
            "# TYPE baokan_queue_depth gauge",
            f"baokan_queue_depth {depth}",
            *_histograms(client),
        ]
    except (redis.RedisError, OSError) as exc:
        lines.append(f"# Redis did not answer: {type(exc).__name__}")
    return "\n".join(lines) + "\n"
