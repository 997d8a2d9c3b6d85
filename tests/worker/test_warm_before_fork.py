"""The worker's parent prepares everything its pool processes share before it forks them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_PROBE = """
import gc, json, sys
import worker.celery_app as app
app._warm_before_fork()
from shared import idf
print(json.dumps({
    "frozen": gc.get_freeze_count(),
    "idf_loaded": idf.idf_table.cache_info().currsize,
    "pdfminer": any(name.startswith("pdfminer") for name in sys.modules),
}))
"""


def test_the_parent_loads_the_shared_tables_freezes_and_trims(tmp_path: Path) -> None:
    env = {"BAOKAN_DATABASE_URL": f"sqlite:///{tmp_path / 'w.db'}", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    probe = json.loads(run.stdout.strip().splitlines()[-1])
    assert probe["frozen"] > 10_000  # every module's objects, out of the collector's reach
    assert probe["idf_loaded"] == 1
    assert probe["pdfminer"] is False


_RELEASE_PROBE = """
import json, sys
from types import SimpleNamespace
import rjieba
from celery.concurrency.prefork import TaskPool as ProcessPool
from celery.concurrency.solo import TaskPool as SoloPool
import worker.celery_app as app
from shared import segmenter
def _idf_mapped():
    with open("/proc/self/maps") as maps:
        return any(line.rstrip().endswith(".marisa") for line in maps)
app._warm_before_fork()
app._parent_lets_go_of_the_dictionary(sender=SimpleNamespace(pool=SoloPool.__new__(SoloPool)))
kept_by_solo = segmenter._segmenter is not None
idf_kept_by_solo = _idf_mapped()
held = segmenter._segmenter
app._parent_lets_go_of_the_dictionary(sender=SimpleNamespace(pool=ProcessPool.__new__(ProcessPool)))
probe = {
    "kept_by_solo": kept_by_solo,
    "released": segmenter._segmenter is None,
    "idf_kept_by_solo": idf_kept_by_solo,
    "idf_released": not _idf_mapped(),
    # only ``held`` and getrefcount's own argument still refer to it: dropping it frees it
    "references_left": sys.getrefcount(held) - 2,
    "rjieba_default": hasattr(rjieba, "_DEFAULT_JIEBA") or hasattr(rjieba, "tag"),
}
del held
app._fresh_engine_in_child()  # a pool process forked after the release
probe["child_loaded"] = segmenter._segmenter is not None
probe["child_words"] = [word for word, _ in segmenter.segment("市委统战部副部长崔岩")]
print(json.dumps(probe, ensure_ascii=False))
"""


def test_the_parent_lets_go_of_the_dictionary_once_its_pool_runs(tmp_path: Path) -> None:
    env = {"BAOKAN_DATABASE_URL": f"sqlite:///{tmp_path / 'w.db'}", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-c", _RELEASE_PROBE], cwd=REPO, env=env, capture_output=True,
        text=True, timeout=120, check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    probe = json.loads(run.stdout.strip().splitlines()[-1])
    assert probe["kept_by_solo"] is True  # a solo pool runs the tasks in the parent itself
    assert probe["released"] is True
    assert probe["idf_kept_by_solo"] is True
    assert probe["idf_released"] is True  # the IDF table's mapping is gone too
    assert probe["references_left"] == 0
    assert probe["rjieba_default"] is False
    # A pool process forked later loads its own, with the project's dictionary.
    assert probe["child_loaded"] is True
    assert probe["child_words"][0] == "市委统战部"
