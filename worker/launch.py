"""Starting the Celery worker without Celery's command line (see :mod:`worker.__main__`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from celery.utils.log import mlevel
from celery.utils.nodenames import default_nodename, host_format

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m worker", description="Run baokan's Celery worker (prefork pool)."
    )
    parser.add_argument("-Q", "--queues", required=True, help="comma-separated queue names")
    parser.add_argument("-c", "--concurrency", type=int, default=None, help="pool processes")
    parser.add_argument("-l", "--loglevel", default="WARNING", type=str.upper, choices=LOG_LEVELS)
    parser.add_argument("--without-gossip", action="store_true")
    parser.add_argument("--without-mingle", action="store_true")
    return parser


def worker_options(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """The keyword arguments of :class:`celery.apps.worker.Worker` for ``argv``: those that
    ``celery worker`` passes for the same options, the rest left to the app's configuration."""
    args = _parser().parse_args(argv)
    return {
        "hostname": host_format(default_nodename(None)),
        "queues": [name for name in args.queues.split(",") if name],
        "concurrency": args.concurrency or None,
        "loglevel": mlevel(args.loglevel),
        "without_gossip": args.without_gossip,
        "without_mingle": args.without_mingle,
        "optimization": "default",
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the worker until it is stopped; its exit code."""
    options = worker_options(argv)
    from worker.celery_app import app  # after parsing: a usage error loads nothing

    worker = app.Worker(**options)
    worker.start()
    code: int = worker.exitcode or 0
    return code
