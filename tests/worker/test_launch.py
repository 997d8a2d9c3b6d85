"""``python -m worker`` starts the same Celery worker as ``celery worker`` without Celery's CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from shared.cli import worker_command
from shared.settings import Settings
from worker.launch import UsageError, main, worker_options

REPO = Path(__file__).resolve().parents[2]

# Runs a worker's start-up with Worker.__init__ replaced: prints the options it was given and
# whether Celery's command-line modules were loaded, then stops.
_PROBE = """
import json, sys
import celery.apps.worker
def captured(self, *args, **options):
    print(json.dumps({
        "options": {
            k: v for k, v in options.items() if isinstance(v, (str, int, list, type(None)))
        },
        "cli_loaded": sorted(
            name
            for name in ("celery.bin.celery", "celery.bin.base", "click_repl", "prompt_toolkit")
            if name in sys.modules
        ),
    }))
    raise SystemExit(0)
celery.apps.worker.Worker.__init__ = captured
ARGV = json.loads(sys.argv[1])
if ARGV[0] == "celery":
    sys.argv = ["celery", "-A", "worker.celery_app", "worker", *ARGV[1:]]
    from celery.bin.celery import main
    main()
else:
    from worker.launch import main
    main(ARGV[1:])
"""

ARGS = ["--queues", "q1,q2", "--concurrency", "2", "--loglevel", "INFO", "--without-gossip",
        "--without-mingle"]


def _start(argv: list[str], tmp_path: Path) -> dict[str, object]:
    env = {"BAOKAN_DATABASE_URL": f"sqlite:///{tmp_path / 'w.db'}", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(argv)], cwd=REPO, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    result: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def test_the_worker_gets_what_celery_worker_would_give_it_without_its_cli(tmp_path: Path) -> None:
    ours = _start(["worker", *ARGS], tmp_path)
    celerys = _start(["celery", *ARGS], tmp_path)
    assert ours["cli_loaded"] == []
    assert celerys["cli_loaded"] != []  # the probe does see them when they are there
    theirs = celerys["options"]
    assert isinstance(theirs, dict)
    for name, value in worker_options(ARGS).items():
        assert theirs[name] == value, name
    assert ours["options"] == worker_options(ARGS)


def test_worker_command_runs_this_module() -> None:
    command = worker_command(Settings.from_env(), 3)
    start = command.index("-m")
    assert command[start + 1] == "worker"
    options = worker_options(command[start + 2 :])
    assert options["concurrency"] == 3
    assert options["without_gossip"]
    assert options["without_mingle"]
    assert options["queues"] == [Settings.from_env().queue_name]


@pytest.mark.parametrize(
    "argv",
    [
        ["--queues", "q", "--loglevel", "LOUD"],
        ["--concurrency", "2"],
        ["--queues", "q", "--concurrency", "two"],
        ["--queues", "q", "--pool", "solo"],
        ["--queues", "q", "extra"],
    ],
)
def test_a_bad_option_is_a_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UsageError):
        worker_options(argv)
    assert main(argv) == 2
    assert "usage: python -m worker" in capsys.readouterr().err


def test_short_options_and_a_lower_case_level() -> None:
    assert worker_options(["-Q", "a", "-c", "4", "-l", "info"]) == worker_options(
        ["--queues", "a", "--concurrency", "4", "--loglevel", "INFO"]
    )


def test_a_restart_runs_the_worker_module_again_with_its_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Celery restarts a worker on SIGHUP by running [sys.executable, *sys.argv]: by then
    # sys.argv is the module's command line, not worker/__main__.py run as a script
    from worker.celery_app import app

    seen: list[list[str]] = []

    class Started:
        exitcode = 0

        def __init__(self, **options: Any) -> None:
            pass

        def start(self) -> None:
            seen.append(list(sys.argv))

    monkeypatch.setattr(app, "Worker", Started)
    monkeypatch.setattr(sys, "argv", ["/work/main/worker/__main__.py"])
    assert main(["--queues", "baokan", "-c", "2"]) == 0
    optimised = ["-OO"] if sys.flags.optimize >= 2 else []
    assert seen == [[*optimised, "-m", "worker", "--queues", "baokan", "-c", "2"]]
