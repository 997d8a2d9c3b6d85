"""The HTML front end: form, status page, reader."""

import io
import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import select

from shared.db import session_scope
from shared.models import Article
from shared.process import process_job
from web.app import services


def _form_token(client: FlaskClient) -> str:
    html = client.get("/").get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def _post_form(client: FlaskClient, content: bytes, name: str = "p2.txt") -> Any:
    return client.post(
        "/upload",
        data={
            "file": [(io.BytesIO(content), name)],
            "newspaper": "聊城日报",
            "csrf_token": _form_token(client),
        },
        content_type="multipart/form-data",
    )


def test_the_front_page_is_an_upload_form(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in html
    assert 'name="file"' in html
    assert "multiple" in html
    for field in ("newspaper", "issue_date", "page"):
        assert f'name="{field}"' in html
        assert f'<label for="{field}"' in html


def test_submitting_the_form_leads_to_a_status_page_that_refreshes_until_done(
    app: Flask, client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    response = _post_form(client, reference_page)
    assert response.status_code == 303
    status_page = response.headers["Location"]
    assert queue.enqueued
    assert queue.enqueued[0] in status_page
    html = client.get(status_page).get_data(as_text=True)
    assert "queued" in html
    assert 'http-equiv="refresh"' in html

    with app.app_context():
        process_job(engine=services().engine, job_id=queue.enqueued[0])
    html = client.get(status_page).get_data(as_text=True)
    assert "succeeded" in html
    assert 'http-equiv="refresh"' not in html
    links = re.findall(r'href="/articles/(\d+)"', html)
    assert len(links) == 8


def test_the_form_refuses_a_post_without_its_csrf_token(
    client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    _form_token(client)  # the visitor has the cookie, but a cross-site form lacks the field
    response = client.post(
        "/upload", data={"file": [(io.BytesIO(reference_page), "p2.txt")]},
        content_type="multipart/form-data", headers={"Accept": "text/html"},
    )
    assert response.status_code == 400
    assert "reload the page" in response.get_data(as_text=True)
    forged = client.post(
        "/upload",
        data={"file": [(io.BytesIO(reference_page), "p2.txt")], "csrf_token": "x" * 43},
        content_type="multipart/form-data",
    )
    assert forged.status_code == 400
    assert queue.enqueued == []


def test_a_rejected_form_upload_explains_itself_in_html(client: FlaskClient) -> None:
    response = client.post(
        "/upload",
        data={"file": [(io.BytesIO(b""), "empty.txt")], "csrf_token": _form_token(client)},
        content_type="multipart/form-data", headers={"Accept": "text/html"},
    )
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert "empty.txt" in response.get_data(as_text=True)


def test_an_article_reads_like_print(
    app: Flask, client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    _post_form(client, reference_page)
    with app.app_context():
        outcome = process_job(engine=services().engine, job_id=queue.enqueued[0])
    second = outcome.article_ids[1]
    html = client.get(f"/articles/{second}").get_data(as_text=True)
    assert "深耕廉洁沃土 构筑清廉矩阵" in html
    assert "——茌平区构建“馆家站堂”四位一体廉洁文化阵地体系" in html
    assert "王培源" in html
    assert "李正一" in html
    assert html.count("<p>") >= 7
    assert f'href="/articles/{outcome.article_ids[0]}"' in html
    assert f'href="/articles/{outcome.article_ids[2]}"' in html


def test_everything_rendered_is_escaped(
    app: Flask, client: FlaskClient, queue: Any, reference_page: bytes
) -> None:
    _post_form(client, reference_page)
    with app.app_context():
        outcome = process_job(engine=services().engine, job_id=queue.enqueued[0])
        with session_scope(services().engine) as session:
            article = session.exec(select(Article)).first()
            assert article is not None
            article.headline = "<script>alert(1)</script>"
            session.add(article)
    html = client.get(f"/articles/{outcome.article_ids[0]}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_unknown_article_page_is_a_404_page(client: FlaskClient) -> None:
    response = client.get("/articles/424242", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "no article has the id 424242" in response.get_data(as_text=True)
