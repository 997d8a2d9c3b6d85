"""API token, upload rate limit, duplicate uploads."""

import io
import uuid
from dataclasses import replace
from typing import Any

import redis
from flask.testing import FlaskClient

from shared.settings import RateLimit, Settings
from tests.support.env import REDIS_TEST_URL
from web import create_app


def _upload(client: FlaskClient, content: bytes, **headers: str) -> Any:
    return client.post(
        "/api/issues",
        data={"file": [(io.BytesIO(content), "p2.txt")]},
        content_type="multipart/form-data",
        headers=headers,
    )


def test_with_a_token_set_api_uploads_need_it(
    settings: Settings, queue: Any, reference_page: bytes
) -> None:
    client = create_app(replace(settings, api_token="s3cret"), queue=queue).test_client()
    missing = _upload(client, reference_page)
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    assert missing.get_json()["error"]["code"] == "unauthorized"
    wrong = _upload(client, reference_page, Authorization="Bearer nope")
    assert wrong.status_code == 401
    assert queue.enqueued == []
    right = _upload(client, reference_page, Authorization="Bearer s3cret")
    assert right.status_code == 202


def test_uploads_past_the_rate_limit_are_429_with_retry_after(
    settings: Settings, queue: Any, reference_page: bytes
) -> None:
    limited = replace(settings, upload_rate_limit=RateLimit(2, 3600))
    app = create_app(limited, queue=queue)
    client = app.test_client()
    address = f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    environ = {"REMOTE_ADDR": address}
    answers = [
        client.post(
            "/api/issues",
            data={"file": [(io.BytesIO(reference_page), "p2.txt")]},
            content_type="multipart/form-data",
            environ_base=environ,
        )
        for _ in range(3)
    ]
    assert [a.status_code for a in answers] == [202, 202, 429]
    assert answers[2].get_json()["error"]["code"] == "rate_limited"
    assert 0 < int(answers[2].headers["Retry-After"]) <= 3600
    assert len(queue.enqueued) == 2
    redis.Redis.from_url(REDIS_TEST_URL).delete(
        *redis.Redis.from_url(REDIS_TEST_URL).keys(f"baokan:upload-rate:{address}:*")
    )


def test_behind_a_trusted_proxy_the_rate_limit_counts_each_client(
    settings: Settings, queue: Any, reference_page: bytes
) -> None:
    limited = replace(settings, upload_rate_limit=RateLimit(1, 3600), trusted_proxies=1)
    client = create_app(limited, queue=queue).test_client()
    proxy = {"REMOTE_ADDR": "10.0.0.2"}  # every request arrives from the proxy
    clients = [f"10.8.{uuid.uuid4().int % 250}.{n}" for n in (1, 2)]

    def upload(forwarded_for: str) -> int:
        status: int = client.post(
            "/api/issues",
            data={"file": [(io.BytesIO(reference_page), "p2.txt")]},
            content_type="multipart/form-data",
            environ_base=proxy,
            headers={"X-Forwarded-For": forwarded_for},
        ).status_code
        return status

    # Each client has its own allowance; a client cannot forge its way past the proxy's
    # entry by sending a header of its own (the proxy appends the address it saw).
    assert [upload(clients[0]), upload(clients[1])] == [202, 202]
    assert upload(f"1.2.3.4, {clients[0]}") == 429
    store = redis.Redis.from_url(REDIS_TEST_URL)
    for address in clients:
        store.delete(*store.keys(f"baokan:upload-rate:{address}:*"))


def test_the_rate_limit_lets_uploads_through_when_redis_is_down(
    settings: Settings, queue: Any, reference_page: bytes
) -> None:
    down = replace(settings, redis_url="redis://127.0.0.1:1/0", upload_rate_limit=RateLimit(1, 60))
    client = create_app(down, queue=queue).test_client()
    assert [_upload(client, reference_page).status_code for _ in range(2)] == [202, 202]


def test_a_second_upload_of_the_same_bytes_says_whose_duplicate_it_is(
    client: FlaskClient, reference_page: bytes
) -> None:
    first = _upload(client, reference_page).get_json()["jobs"][0]
    second = _upload(client, reference_page).get_json()["jobs"][0]
    status = client.get(second["status_url"]).get_json()
    assert status["duplicate_of"] == first["id"]
    assert client.get(first["status_url"]).get_json()["duplicate_of"] is None
