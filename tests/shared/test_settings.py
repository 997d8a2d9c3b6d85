from pathlib import Path

import pytest

from shared.settings import RateLimit, Settings, SettingsError


def test_defaults_are_local_redis_and_a_sqlite_file_in_the_working_directory() -> None:
    settings = Settings.from_env({})
    assert settings.redis_url == "redis://127.0.0.1:6379/0"
    assert settings.database_url == f"sqlite:///{Path.cwd() / 'baokan.db'}"
    assert settings.max_upload_bytes == 50 * 1024 * 1024


def test_environment_overrides_every_default() -> None:
    settings = Settings.from_env(
        {
            "BAOKAN_DATABASE_URL": "postgresql://db/baokan",
            "BAOKAN_REDIS_URL": "redis://cache:6379/2",
            "BAOKAN_QUEUE": "papers",
            "BAOKAN_MAX_UPLOAD_BYTES": "1000",
            "BAOKAN_WORKER_CONCURRENCY": "4",
        }
    )
    assert settings.database_url == "postgresql://db/baokan"
    assert settings.redis_url == "redis://cache:6379/2"
    assert settings.queue_name == "papers"
    assert settings.max_upload_bytes == 1000
    assert settings.worker_concurrency == 4


@pytest.mark.parametrize("value", ["lots", "0", "-5"])
def test_a_bad_number_is_refused_naming_the_variable(value: str) -> None:
    with pytest.raises(SettingsError, match="BAOKAN_MAX_UPLOAD_BYTES"):
        Settings.from_env({"BAOKAN_MAX_UPLOAD_BYTES": value})


def test_a_visibility_timeout_near_the_hard_limit_is_refused() -> None:
    with pytest.raises(SettingsError, match="BAOKAN_VISIBILITY_TIMEOUT"):
        Settings.from_env({"BAOKAN_TASK_TIME_LIMIT": "600", "BAOKAN_VISIBILITY_TIMEOUT": "900"})


def test_the_lease_must_outlast_the_hard_limit() -> None:
    with pytest.raises(SettingsError, match="BAOKAN_JOB_LEASE_SECONDS"):
        Settings.from_env({"BAOKAN_JOB_LEASE_SECONDS": "100"})


@pytest.mark.parametrize(
    ("text", "limit"),
    [("600/minute", RateLimit(600, 60)), ("5/second", RateLimit(5, 1)), ("off", None)],
)
def test_the_upload_rate_limit_is_read_from_its_text(text: str, limit: RateLimit | None) -> None:
    assert Settings.from_env({"BAOKAN_UPLOAD_RATE_LIMIT": text}).upload_rate_limit == limit


def test_a_malformed_rate_limit_is_refused() -> None:
    with pytest.raises(SettingsError, match="600/minute"):
        Settings.from_env({"BAOKAN_UPLOAD_RATE_LIMIT": "lots"})


def test_no_proxy_is_trusted_unless_configured() -> None:
    assert Settings.from_env({}).trusted_proxies == 0
    assert Settings.from_env({"BAOKAN_TRUSTED_PROXIES": "2"}).trusted_proxies == 2
    with pytest.raises(SettingsError, match="BAOKAN_TRUSTED_PROXIES"):
        Settings.from_env({"BAOKAN_TRUSTED_PROXIES": "-1"})


def test_the_broker_speaks_json_only_and_keeps_no_results() -> None:
    from shared.queue import celery_config

    config = celery_config(Settings.from_env({}))
    assert config["accept_content"] == ["json"]
    assert config["task_serializer"] == "json"
    assert config["result_backend"] is None
    assert config["task_acks_late"] is True
    assert config["task_reject_on_worker_lost"] is True
    assert config["worker_prefetch_multiplier"] == 1
    assert config["broker_transport_options"]["visibility_timeout"] > config["task_time_limit"]
