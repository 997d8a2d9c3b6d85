"""A real baokan worker whose parser obeys markers that tests put into page files.

``BAOKAN-TEST-KILL-WORKER`` kills the pool process handling the file (as a crashing native
library would); ``BAOKAN-TEST-SLOW-<seconds>`` makes parsing take that long, so that a test can
interrupt a job while it runs. Used only by the fault suite:
``python -m tests.support.poisoned_worker CONCURRENCY``. Celery runs in this interpreter, so
its forked pool processes inherit the patched parser.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time

import shared.process as process
from shared.cli import worker_command
from shared.parsing import ParsedDocument
from shared.settings import Settings

_real_parse = process.parse_file
_SLOW = re.compile(rb"BAOKAN-TEST-SLOW-(\d+(?:\.\d+)?)")


def _poisoned_parse(data: bytes, media_type: str) -> ParsedDocument:
    if b"BAOKAN-TEST-KILL-WORKER" in data:
        os.kill(os.getpid(), signal.SIGKILL)
    slow = _SLOW.search(data)
    if slow:
        time.sleep(float(slow.group(1)))
    return _real_parse(data, media_type)


def run(concurrency: int) -> None:
    process.parse_file = _poisoned_parse
    command = worker_command(Settings.from_env(), concurrency)
    start = command.index("-m")
    assert command[start : start + 2] == ["-m", "worker"]
    from worker.launch import main

    sys.exit(main(command[start + 2 :]))


if __name__ == "__main__":
    run(int(sys.argv[1]))
