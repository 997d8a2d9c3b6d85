"""Search through the web: the JSON API, the results page, the search box and keyword links."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import select

from shared.db import session_scope
from shared.models import Article
from shared.process import process_job
from shared.uploads import UploadMeta, accept_upload
from web.app import services

COURSE = "我市两课程入选全国基层干部培训优秀网络课程"


@pytest.fixture
def article_ids(app: Flask, reference_page: bytes) -> list[int]:
    with app.app_context():
        engine = services().engine
        with session_scope(engine) as session:
            job_id = accept_upload(
                session=session,
                data=reference_page,
                filename="p2.txt",
                meta=UploadMeta(newspaper="聊城日报", issue_date=date(2024, 7, 12)),
            ).id
        return process_job(engine=engine, job_id=job_id).article_ids


def test_the_api_answers_ranked_results_with_marked_snippets(
    client: FlaskClient, article_ids: list[int]
) -> None:
    response = client.get("/api/search", query_string={"q": "孔繁森"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["total"] == 1
    hit = body["results"][0]
    assert set(hit) == {
        "id", "headline", "kicker", "issue_id", "issue_date", "newspaper", "snippet", "score"
    }
    assert hit["headline"] == COURSE
    assert hit["id"] in article_ids
    assert (hit["newspaper"], hit["issue_date"]) == ("聊城日报", "2024-07-12")
    assert "<mark>孔繁森</mark>" in hit["snippet"]
    assert isinstance(hit["score"], float)


def test_the_api_filters_and_pages(client: FlaskClient, article_ids: list[int]) -> None:
    everything = client.get("/api/search?q=统一战线").get_json()
    assert everything["total"] == 2
    first = client.get("/api/search?q=统一战线&limit=1").get_json()
    second = client.get("/api/search?q=统一战线&limit=1&offset=1").get_json()
    assert [r["id"] for r in first["results"] + second["results"]] == [
        r["id"] for r in everything["results"]
    ]
    assert first["total"] == second["total"] == 2
    dated = {"q": "统一战线", "newspaper": "聊城日报", "from": "2024-07-01", "to": "2024-07-31"}
    assert client.get("/api/search", query_string=dated).get_json()["total"] == 2
    assert client.get("/api/search?q=统一战线&from=2024-08-01").get_json()["total"] == 0
    assert client.get("/api/search?q=统一战线&newspaper=大众日报").get_json()["total"] == 0
    assert client.get("/api/search?q=火星探测器").get_json() == {"total": 0, "results": []}


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", "missing_query"),
        ("q=", "missing_query"),
        ("q=孔繁森&limit=0", "bad_limit"),
        ("q=孔繁森&limit=101", "bad_limit"),
        ("q=孔繁森&limit=ten", "bad_limit"),
        ("q=孔繁森&offset=-1", "bad_offset"),
        ("q=孔繁森&from=2024-13-01", "bad_date"),
        ("q=孔繁森&to=yesterday", "bad_date"),
        ("q=孔繁森&from=2024-08-01&to=2024-07-01", "bad_date_range"),
        ("q=" + "字" * 201, "query_too_long"),
        ("q=孔繁森&newspaper=%00", "bad_newspaper"),
        ("q=孔繁森&newspaper=" + "报" * 201, "bad_newspaper"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_problem(
    client: FlaskClient, query: str, code: str
) -> None:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code
    assert error["message"]


def test_the_article_api_names_people_places_and_organisations(
    client: FlaskClient, article_ids: list[int]
) -> None:
    article = client.get(f"/api/articles/{article_ids[0]}").get_json()
    assert article["people"] == ["崔岩"]
    assert "聊城" in article["places"]
    assert "市委统战部" in article["organisations"]
    assert len(article["keywords"]) >= 5


def test_every_page_has_a_search_box(client: FlaskClient, article_ids: list[int]) -> None:
    for path in ("/", f"/articles/{article_ids[0]}", "/search", "/articles/999999"):
        html = client.get(path).get_data(as_text=True)
        assert re.search(r'<form class="searchbox" action="/search" method="get"', html), path
        assert 'name="q"' in html


def test_the_results_page_shows_snippets_and_pages(
    client: FlaskClient, article_ids: list[int]
) -> None:
    html = client.get("/search?q=统一战线&limit=1").get_data(as_text=True)
    assert "<mark>统一战线</mark>" in html
    assert html.count('class="result"') == 1
    next_link = re.search(r'<a rel="next" href="([^"]+)"', html)
    assert next_link is not None
    args = parse_qs(urlparse(next_link.group(1).replace("&amp;", "&")).query)
    assert args == {"q": ["统一战线"], "limit": ["1"], "offset": ["1"]}
    second = client.get(next_link.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert html.count('class="result"') == 1
    assert 'rel="prev"' in second
    assert 'rel="next"' not in second
    nothing = client.get("/search?q=火星探测器").get_data(as_text=True)
    assert "没有找到" in nothing
    assert client.get("/search?q=孔繁森&from=not-a-date").status_code == 400


def test_the_results_page_escapes_everything_but_the_marks(
    app: Flask, client: FlaskClient, article_ids: list[int]
) -> None:
    with app.app_context(), session_scope(services().engine) as session:
        article = session.exec(select(Article).where(Article.headline == COURSE)).one()
        article.headline = "<script>alert(1)</script>"
        article.paragraphs = ["<i onclick=x>孔繁森</i> & “精神”"]
        session.add(article)
    html = client.get("/search?q=孔繁森").get_data(as_text=True)
    assert "<script>" not in html
    assert "<i " not in html
    marked = "&lt;i onclick=x&gt;<mark>孔繁森</mark>&lt;/i&gt; &amp; “精神”"
    assert f'<p class="snippet">{marked}</p>' in html
    api = client.get("/api/search?q=孔繁森").get_json()["results"][0]
    assert api["snippet"] == marked


def test_an_articles_keywords_link_to_a_search_for_them(
    client: FlaskClient, article_ids: list[int]
) -> None:
    course_id = article_ids[3]
    html = client.get(f"/articles/{course_id}").get_data(as_text=True)
    links = re.findall(r'<p class="keywords">(.*?)</p>', html)[0]
    hrefs = re.findall(r'href="([^"]+)"', links)
    assert len(hrefs) >= 5
    for href in hrefs:
        url = href.replace("&amp;", "&")
        assert urlparse(url).path == "/search"
        word = parse_qs(urlparse(url).query)["q"][0]
        page: Any = client.get("/api/search", query_string={"q": word}).get_json()
        assert course_id in [hit["id"] for hit in page["results"]], word
