from pathlib import Path

import pytest

from shared.settings import Settings, SettingsError


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
