"""One typed settings object for web and worker, read from ``BAOKAN_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


class SettingsError(ValueError):
    """An environment variable has a value baokan cannot use."""


def _default_database_url() -> str:
    return f"sqlite:///{Path.cwd() / 'baokan.db'}"


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, not {value}")
    return value


_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


@dataclass(frozen=True)
class RateLimit:
    """At most ``count`` requests per ``seconds`` from one client."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> RateLimit | None:
        """``600/minute``, ``10/second``, ``5000/hour``, ``20/day``; ``off`` disables the limit."""
        cleaned = text.strip().lower()
        if cleaned in ("off", "none", "0"):
            return None
        count, _, period = cleaned.partition("/")
        if not count.isdigit() or int(count) < 1 or period not in _PERIODS:
            raise SettingsError(
                f"BAOKAN_UPLOAD_RATE_LIMIT must look like 600/minute (or be off), not {text!r}"
            )
        return cls(int(count), _PERIODS[period])


def _paths(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    """Existing files named by ``name``, separated by ``os.pathsep`` as in PATH."""
    raw = env.get(name) or ""
    paths = tuple(part.strip() for part in raw.split(os.pathsep) if part.strip())
    for path in paths:
        if not Path(path).is_file():
            raise SettingsError(f"{name} names {path!r}, which is not a readable file")
    return paths


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=_default_database_url)
    redis_url: str = "redis://127.0.0.1:6379/0"
    queue_name: str = "baokan"
    max_upload_bytes: int = 50 * 1024 * 1024
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    web_workers: int = 2
    worker_concurrency: int = 2
    keywords_per_article: int = 10
    # PDF issue files: at most this many pages, parsed in a child process with this much time
    # (keep it below BAOKAN_TASK_SOFT_TIME_LIMIT) and address space.
    max_pdf_pages: int = 200
    pdf_timeout_seconds: int = 90
    pdf_memory_mb: int = 1024
    # Extra jieba user dictionaries (BAOKAN_JIEBA_USERDICT, separated like PATH), loaded after
    # the project's own shared/data/userdict.txt.
    jieba_userdicts: tuple[str, ...] = ()
    # Reliability: a task is warned at the soft limit and killed at the hard one; a job whose
    # worker vanished is re-run once its lease expires; Redis redelivers an unacknowledged
    # message after the visibility timeout, which must stay well above the hard limit or a
    # slow job would be delivered twice while it still runs.
    task_soft_time_limit: int = 120
    task_time_limit: int = 150
    visibility_timeout: int = 3600
    job_lease_seconds: int = 300
    max_attempts: int = 3
    sweep_interval_seconds: int = 30
    api_token: str | None = None
    upload_rate_limit: RateLimit | None = field(default_factory=lambda: RateLimit(600, 60))
    # Reverse proxies in front of the web (each appends the client it saw to
    # X-Forwarded-For): the client address is read that many hops back. 0 trusts no header.
    trusted_proxies: int = 0

    def __post_init__(self) -> None:
        if self.task_soft_time_limit >= self.task_time_limit:
            raise SettingsError(
                "BAOKAN_TASK_SOFT_TIME_LIMIT must be below BAOKAN_TASK_TIME_LIMIT"
            )
        if self.visibility_timeout < 2 * self.task_time_limit:
            raise SettingsError(
                f"BAOKAN_VISIBILITY_TIMEOUT ({self.visibility_timeout} s) must be at least twice "
                f"BAOKAN_TASK_TIME_LIMIT ({self.task_time_limit} s), or Redis would deliver a "
                "running job a second time"
            )
        if self.job_lease_seconds <= self.task_time_limit:
            raise SettingsError(
                f"BAOKAN_JOB_LEASE_SECONDS ({self.job_lease_seconds} s) must be above "
                f"BAOKAN_TASK_TIME_LIMIT ({self.task_time_limit} s)"
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        return cls(
            database_url=env.get("BAOKAN_DATABASE_URL") or _default_database_url(),
            redis_url=env.get("BAOKAN_REDIS_URL") or cls.redis_url,
            queue_name=env.get("BAOKAN_QUEUE") or cls.queue_name,
            max_upload_bytes=_int(env, "BAOKAN_MAX_UPLOAD_BYTES", cls.max_upload_bytes, 1),
            web_host=env.get("BAOKAN_WEB_HOST") or cls.web_host,
            web_port=_int(env, "BAOKAN_WEB_PORT", cls.web_port, 1),
            web_workers=_int(env, "BAOKAN_WEB_WORKERS", cls.web_workers, 1),
            worker_concurrency=_int(env, "BAOKAN_WORKER_CONCURRENCY", cls.worker_concurrency, 1),
            keywords_per_article=_int(env, "BAOKAN_KEYWORDS", cls.keywords_per_article, 0),
            max_pdf_pages=_int(env, "BAOKAN_MAX_PDF_PAGES", cls.max_pdf_pages, 1),
            pdf_timeout_seconds=_int(env, "BAOKAN_PDF_TIMEOUT", cls.pdf_timeout_seconds, 1),
            pdf_memory_mb=_int(env, "BAOKAN_PDF_MEMORY_MB", cls.pdf_memory_mb, 64),
            jieba_userdicts=_paths(env, "BAOKAN_JIEBA_USERDICT"),
            task_soft_time_limit=_int(env, "BAOKAN_TASK_SOFT_TIME_LIMIT", 120, 1),
            task_time_limit=_int(env, "BAOKAN_TASK_TIME_LIMIT", 150, 1),
            visibility_timeout=_int(env, "BAOKAN_VISIBILITY_TIMEOUT", 3600, 1),
            job_lease_seconds=_int(env, "BAOKAN_JOB_LEASE_SECONDS", 300, 1),
            max_attempts=_int(env, "BAOKAN_MAX_ATTEMPTS", 3, 1),
            sweep_interval_seconds=_int(env, "BAOKAN_SWEEP_INTERVAL", 30, 1),
            api_token=env.get("BAOKAN_API_TOKEN") or None,
            upload_rate_limit=RateLimit.parse(env.get("BAOKAN_UPLOAD_RATE_LIMIT") or "600/minute"),
            trusted_proxies=_int(env, "BAOKAN_TRUSTED_PROXIES", 0, 0),
        )
