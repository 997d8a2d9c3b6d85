"""Exports: an issue's articles as JSON Lines and CSV over HTTP, and the batched reader behind
them and behind ``baokan export``."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine, event

from shared.browse import IssueFilter
from shared.db import session_scope
from shared.export import CSV_COLUMNS, count_articles, csv_document, export_batches
from shared.models import Article
from shared.process import process_job
from web.app import services


def _ingest(app: Flask, client: FlaskClient, content: bytes, name: str, **fields: str) -> int:
    response = client.post(
        "/api/issues",
        data={"file": [(io.BytesIO(content), name)], **fields},
        content_type="multipart/form-data",
    )
    assert response.status_code == 202
    job_id = response.get_json()["jobs"][0]["id"]
    with app.app_context():
        outcome = process_job(engine=services().engine, job_id=job_id)
    assert outcome.state == "succeeded"
    return outcome.issue_id


@pytest.fixture
def reference_issue(app: Flask, client: FlaskClient, reference_page: bytes) -> int:
    return _ingest(app, client, reference_page, "p2.txt", newspaper="聊城日报",
                   issue_date="2024-07-12", page="2")


def test_jsonl_has_one_article_per_line_as_the_api_answers_it(
    client: FlaskClient, reference_issue: int, gold_headlines: list[str]
) -> None:
    response = client.get(f"/api/issues/{reference_issue}/articles.jsonl")
    assert response.status_code == 200
    assert response.content_type == "application/x-ndjson; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    assert f"issue-{reference_issue}-articles.jsonl" in response.headers["Content-Disposition"]
    raw = response.get_data()
    assert "聊城日报".encode() in raw  # UTF-8, Chinese not escaped
    lines = raw.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["headline"] for r in records] == gold_headlines
    for record in records:
        article = client.get(f"/api/articles/{record['id']}").get_json()
        assert {k: v for k, v in record.items() if k not in ("newspaper", "issue_date")} == article
        assert record["newspaper"] == "聊城日报"
        assert record["issue_date"] == "2024-07-12"


def test_csv_has_a_bom_a_header_and_one_row_per_article(
    client: FlaskClient, reference_issue: int, gold_headlines: list[str]
) -> None:
    response = client.get(f"/api/issues/{reference_issue}/articles.csv")
    assert response.status_code == 200
    assert response.content_type == "text/csv; charset=utf-8"
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")  # so that Excel reads UTF-8
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [row["headline"] for row in rows] == gold_headlines
    second = client.get(f"/api/articles/{rows[1]['id']}").get_json()
    assert rows[1]["body"] == second["body"]  # paragraphs kept, separated by line breaks
    assert rows[1]["reporters"] == "、".join(second["reporters"])
    assert rows[1]["newspaper"] == "聊城日报"
    assert rows[1]["issue_date"] == "2024-07-12"


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_exports_of_an_unknown_issue_are_404(client: FlaskClient, suffix: str) -> None:
    response = client.get(f"/api/issues/987654/articles.{suffix}")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "issue_not_found"


def test_an_issue_without_articles_exports_empty_files(
    client: FlaskClient, queue: Any
) -> None:
    response = client.post(
        "/api/issues", data={"file": [(io.BytesIO("本报讯 一行。\n".encode()), "a.txt")]},
        content_type="multipart/form-data",
    )
    issue_id = client.get(response.get_json()["jobs"][0]["status_url"]).get_json()["issue_id"]
    assert client.get(f"/api/issues/{issue_id}/articles.jsonl").get_data() == b""
    csv_text = client.get(f"/api/issues/{issue_id}/articles.csv").get_data().decode("utf-8-sig")
    assert csv_text.strip() == ",".join(CSV_COLUMNS)


def test_csv_cells_never_run_as_spreadsheet_formulas() -> None:
    record: dict[str, Any] = dict.fromkeys(CSV_COLUMNS, "")
    record.update(headline="=HYPERLINK(\"http://x\")", kicker="+1", body="@SUM(A1)", id=7)
    rows = list(csv.DictReader(io.StringIO(csv_document([record]).lstrip("\ufeff"))))
    assert rows[0]["headline"].startswith("'=")
    assert rows[0]["kicker"] == "'+1"
    assert rows[0]["body"] == "'@SUM(A1)"
    assert rows[0]["id"] == "7"


def test_the_archive_is_read_in_batches_in_issue_and_page_order(
    app: Flask, client: FlaskClient, engine: Engine, reference_issue: int, reference_page: bytes
) -> None:
    other = _ingest(app, client, "本报讯 另一份报纸的一篇文章。\n".encode(), "b.txt",
                    newspaper="大众日报", issue_date="2024-07-13")
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    with session_scope(engine) as session:
        expected = count_articles(session=session)
        assert expected == 9
        event.listen(engine, "before_cursor_execute", count)
        try:
            batches = list(export_batches(session=session, batch_size=4))
        finally:
            event.remove(engine, "before_cursor_execute", count)
    assert [len(batch) for batch in batches] == [4, 4, 1]
    assert len(statements) == 3  # one query per batch, none per article
    records = [record for batch in batches for record in batch]
    assert [(r["issue_id"], r["position"]) for r in records] == [
        *((reference_issue, position) for position in range(1, 9)),
        (other, 1),
    ]
    with session_scope(engine) as session:
        only = [
            r
            for batch in export_batches(session=session, where=IssueFilter(newspaper="大众日报"))
            for r in batch
        ]
        assert count_articles(session=session, where=IssueFilter(newspaper="大众日报")) == 1
        assert session.get(Article, only[0]["id"]) is not None
    assert [r["newspaper"] for r in only] == ["大众日报"]


def test_the_exports_and_retry_are_in_the_openapi_document(client: FlaskClient) -> None:
    paths = client.get("/api/openapi.json").get_json()["paths"]
    csv_file = paths["/api/issues/{id}/articles.csv"]["get"]["responses"]["200"]["content"]
    assert "text/csv" in csv_file
    jsonl = paths["/api/issues/{id}/articles.jsonl"]["get"]["responses"]["200"]["content"]
    assert "application/x-ndjson" in jsonl
    assert set(paths["/api/jobs/{id}/retry"]["post"]["responses"]) >= {"202", "404", "409"}
