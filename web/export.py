"""An issue's articles as files: JSON Lines and CSV (``/api/issues/<id>/articles.*``)."""

from __future__ import annotations

from flask import Blueprint, Response

from shared.browse import issue_metadata
from shared.db import session_scope
from shared.export import csv_document, export_batches, jsonl_line
from shared.models import MAX_ROW_ID
from web.app import services
from web.errors import found

blueprint = Blueprint("export", __name__)


def _records(issue_id: int) -> list[dict[str, object]]:
    with session_scope(services().engine) as session:
        found(issue_metadata(session=session, issue_id=issue_id), "issue", issue_id)
        return [
            record
            for batch in export_batches(session=session, issue_id=issue_id)
            for record in batch
        ]


def _download(body: str, mimetype: str, filename: str) -> Response:
    response = Response(body.encode("utf-8"), content_type=f"{mimetype}; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@blueprint.get(f"/api/issues/<int(max={MAX_ROW_ID}):issue_id>/articles.jsonl")
def issue_articles_jsonl(issue_id: int) -> Response:
    body = "".join(jsonl_line(record) for record in _records(issue_id))
    return _download(body, "application/x-ndjson", f"issue-{issue_id}-articles.jsonl")


@blueprint.get(f"/api/issues/<int(max={MAX_ROW_ID}):issue_id>/articles.csv")
def issue_articles_csv(issue_id: int) -> Response:
    return _download(
        csv_document(_records(issue_id)), "text/csv", f"issue-{issue_id}-articles.csv"
    )
