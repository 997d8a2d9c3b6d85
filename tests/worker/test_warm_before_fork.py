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
