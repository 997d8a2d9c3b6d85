"""``python -m worker``: the Celery worker, started without Celery's umbrella command.

``celery -A worker.celery_app worker`` goes through ``celery.bin.celery``, which imports every
subcommand before it runs one: the AMQP shell with click-repl and prompt_toolkit, ``celery
shell``, ``multi``, ``graph``, ``events``, the plugins' entry points. A worker runs none of them,
yet those modules are loaded before the pool forks and so mapped by all three processes (about
8 MiB each, 24 MiB of the RSS summed over parent and pool). This starts the same
:class:`celery.apps.worker.Worker` with the options ``baokan worker`` gives it
(:func:`shared.cli.worker_command`), as Celery's ``worker`` subcommand would.
"""

from __future__ import annotations

from worker.launch import main

if __name__ == "__main__":
    raise SystemExit(main())
