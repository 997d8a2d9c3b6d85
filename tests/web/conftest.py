from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from shared.settings import Settings
from tests.support.env import REDIS_TEST_URL
from web import create_app


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, redis_url=REDIS_TEST_URL, max_upload_bytes=200_000)


@pytest.fixture
def app(settings: Settings, queue: Any) -> Flask:
    app = create_app(settings, queue=queue)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
