"""Stage histograms kept in Redis: one increment a job, cumulative buckets when read."""

from __future__ import annotations

import redis

from shared.metrics import _histograms, record_stage_durations
from tests.support.env import REDIS_TEST_URL


def test_buckets_are_cumulative_and_count_every_job() -> None:
    client: redis.Redis[bytes] = redis.Redis.from_url(REDIS_TEST_URL)
    stages = ("parse", "analyse", "store")
    client.delete(*(f"baokan:metrics:stage-buckets:{stage}" for stage in stages))
    for seconds in (0.003, 0.02, 0.025, 100.0):
        record_stage_durations(client, {"parse": seconds})
    lines = _histograms(client)
    bucket = {
        line.split('le="')[1].split('"')[0]: int(line.rsplit(" ", 1)[1])
        for line in lines
        if line.startswith('baokan_stage_duration_seconds_bucket{stage="parse"')
    }
    assert bucket["0.005"] == 1
    assert bucket["0.01"] == 1
    assert bucket["0.025"] == 3  # a bound includes the durations equal to it
    assert bucket["60.0"] == 3
    assert bucket["+Inf"] == 4
    assert 'baokan_stage_duration_seconds_count{stage="parse"} 4' in lines
    assert 'baokan_stage_duration_seconds_count{stage="store"} 0' in lines
    sum_line = 'baokan_stage_duration_seconds_sum{stage="parse"}'
    total = next(line for line in lines if line.startswith(sum_line))
    assert abs(float(total.rsplit(" ", 1)[1]) - 100.048) < 1e-9
