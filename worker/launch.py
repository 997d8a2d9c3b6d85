"""Starting the Celery worker without Celery's command line (see :mod:`worker.__main__`).

The options are read with :mod:`getopt`: everything imported here stays loaded in the worker's
three processes, and argparse alone would add some 0.4 MiB to each.
"""

from __future__ import annotations

import getopt
import sys
from collections.abc import Sequence
from typing import Any

from celery.utils.log import mlevel
from celery.utils.nodenames import default_nodename, host_format

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
USAGE = (
    "usage: python -m worker --queues NAME[,NAME…] [--concurrency N] "
    f"[--loglevel {'|'.join(LOG_LEVELS)}] [--without-gossip] [--without-mingle]"
)
_LONG = ["queues=", "concurrency=", "loglevel=", "without-gossip", "without-mingle", "help"]


class UsageError(ValueError):
    """Options that ``python -m worker`` does not take."""


def _parse(argv: Sequence[str]) -> dict[str, str]:
    try:
        pairs, rest = getopt.getopt(list(argv), "Q:c:l:h", _LONG)
    except getopt.GetoptError as error:
        raise UsageError(str(error)) from None
    if rest:
        raise UsageError(f"unexpected arguments: {' '.join(rest)}")
    short = {"-Q": "--queues", "-c": "--concurrency", "-l": "--loglevel", "-h": "--help"}
    return {short.get(name, name): value for name, value in pairs}


def worker_options(argv: Sequence[str]) -> dict[str, Any]:
    """The keyword arguments of :class:`celery.apps.worker.Worker` for ``argv``: those that
    ``celery worker`` passes for the same options, the rest left to the app's configuration."""
    given = _parse(argv)
    queues = [name for name in given.get("--queues", "").split(",") if name]
    if not queues:
        raise UsageError("--queues is required")
    concurrency = given.get("--concurrency", "0")
    if not concurrency.isdigit():
        raise UsageError(f"--concurrency must be a whole number, not {concurrency!r}")
    loglevel = given.get("--loglevel", "WARNING").upper()
    if loglevel not in LOG_LEVELS:
        raise UsageError(f"--loglevel must be one of {', '.join(LOG_LEVELS)}")
    return {
        "hostname": host_format(default_nodename(None)),
        "queues": queues,
        "concurrency": int(concurrency) or None,  # 0: the app's worker_concurrency
        "loglevel": mlevel(loglevel),
        "without_gossip": "--without-gossip" in given,
        "without_mingle": "--without-mingle" in given,
        "optimization": "default",
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the worker until it is stopped; its exit code (2 for a usage error)."""
    args = sys.argv[1:] if argv is None else argv
    if "-h" in args or "--help" in args:
        print(USAGE)
        return 0
    try:
        options = worker_options(args)
    except UsageError as error:
        print(f"{USAGE}\npython -m worker: {error}", file=sys.stderr)
        return 2
    from worker.celery_app import app  # after the options: a usage error loads nothing

    # Celery restarts a worker on SIGHUP (where no terminal is attached) by running
    # ``[sys.executable, *sys.argv]`` again: that must be ``-OO -m worker`` with the same
    # options, not this file run as a script (no -OO, and worker/ first on sys.path).
    sys.argv = [*(["-OO"] if sys.flags.optimize >= 2 else []), "-m", "worker", *args]
    worker = app.Worker(**options)
    worker.start()
    code: int = worker.exitcode or 0
    return code
