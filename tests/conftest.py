"""Fixtures shared by every layer: fixture files, databases (SQLite and PostgreSQL), a queue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from shared.db import dispose_engines, get_engine
from tests.support.databases import fresh_postgres_database
from tests.support.env import FIXTURES
from tests.support.queues import RecordingQueue


@pytest.fixture(scope="session")
def reference_page() -> bytes:
    return (FIXTURES / "seed-liaocheng-p2.txt").read_bytes()


@pytest.fixture(scope="session")
def reference_gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(
        (FIXTURES / "seed-liaocheng-p2.gold.json").read_text(encoding="utf-8")
    )
    return gold


@pytest.fixture(scope="session")
def gold_headlines(reference_gold: dict[str, Any]) -> list[str]:
    return [article["headline"] for article in reference_gold["articles"]]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind for every test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'baokan-test.db'}"
        dispose_engines()
    else:
        with fresh_postgres_database() as url:
            yield url


@pytest.fixture
def engine(database_url: str) -> Engine:
    return get_engine(database_url)


@pytest.fixture
def queue() -> RecordingQueue:
    return RecordingQueue()
