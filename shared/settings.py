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
        )
