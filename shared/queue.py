"""The small queue client the web uses to hand a job to the workers, by task name.

The web never imports the worker: it publishes a message naming ``PROCESS_JOB_TASK`` with the
job's id, and whichever worker registered that name picks it up. The broker settings live here
so that the producer and the worker cannot disagree about them.
"""

from __future__ import annotations

from typing import Any, Protocol

from celery import Celery
from kombu.exceptions import OperationalError

from shared.settings import Settings

PROCESS_JOB_TASK = "baokan.process_job"


class QueueUnavailable(RuntimeError):
    """The broker did not take the message."""


def celery_config(settings: Settings) -> dict[str, Any]:
    """Configuration shared by the publishing client and the worker's Celery app."""
    return {
        "broker_url": settings.redis_url,
        "task_serializer": "json",
        "accept_content": ["json"],
        "result_backend": None,
        "task_ignore_result": True,
        "task_default_queue": settings.queue_name,
        "task_routes": {PROCESS_JOB_TASK: {"queue": settings.queue_name}},
        # A message is acknowledged only once its job has ended, and given back to the queue
        # if the process running it dies, so a crash never loses a job.
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_soft_time_limit": settings.task_soft_time_limit,
        "task_time_limit": settings.task_time_limit,
        # Reconnect to the broker forever (Celery logs a warning at every attempt).
        "broker_connection_retry": True,
        "broker_connection_retry_on_startup": True,
        "broker_connection_max_retries": None,
        "broker_connection_timeout": 3,
        "broker_transport_options": {
            "visibility_timeout": settings.visibility_timeout,
            "socket_connect_timeout": 3,
            "socket_timeout": 10,
        },
        "worker_cancel_long_running_tasks_on_connection_loss": False,
        "enable_utc": True,
    }


class JobQueue(Protocol):
    def enqueue(self, job_id: str) -> None: ...


class CeleryJobQueue:
    """Publishes ``PROCESS_JOB_TASK`` messages to the Redis broker."""

    def __init__(self, settings: Settings) -> None:
        self._app = Celery("baokan-client", set_as_current=False)
        self._app.conf.update(celery_config(settings))
        self._queue = settings.queue_name

    def enqueue(self, job_id: str) -> None:
        try:
            self._app.send_task(
                PROCESS_JOB_TASK,
                args=[job_id],
                queue=self._queue,
                retry=True,
                retry_policy={"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5},
            )
        except (OperationalError, OSError) as exc:
            raise QueueUnavailable(f"the queue at the broker did not answer: {exc}") from exc
