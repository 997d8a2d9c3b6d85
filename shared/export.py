"""Exporting articles for researchers: JSON Lines and CSV, one issue or the whole archive.

An export record is an article as ``GET /api/articles/<id>`` answers it, plus the newspaper and
issue date of its issue file. Articles are read in batches of rows ordered by (issue, position)
with keyset paging (one query per batch, never one per article), so an archive of any size
streams in constant memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from shared.browse import EVERYTHING, IssueFilter
from shared.models import Article, Issue

DEFAULT_BATCH = 500

# The CSV's columns; lists are joined with 、 and the paragraphs with line breaks.
CSV_COLUMNS = (
    "id", "issue_id", "newspaper", "issue_date", "page", "position", "kind", "kicker",
    "headline", "subtitle", "dateline", "reporters", "correspondents", "keywords", "people",
    "places", "organisations", "continued_from", "continued_to", "body",
)
_LIST_SEPARATOR = "、"
# Excel and other spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = "\ufeff"


def export_record(article: Article, newspaper: str | None, issue_date: Any) -> dict[str, Any]:
    record = article.public()
    record["newspaper"] = newspaper
    record["issue_date"] = issue_date.isoformat() if issue_date else None
    return record


def _filters(issue_id: int | None, where: IssueFilter) -> list[Any]:
    conditions: list[Any] = list(where.conditions())
    if issue_id is not None:
        conditions.append(col(Article.issue_id) == issue_id)
    return conditions


def count_articles(
    *, session: Session, issue_id: int | None = None, where: IssueFilter = EVERYTHING
) -> int:
    """How many articles an export with these filters writes."""
    total = session.exec(
        select(func.count())
        .select_from(Article)
        .join(Issue, col(Issue.id) == col(Article.issue_id))
        .where(*_filters(issue_id, where))
    ).one()
    return int(total)


def export_batches(
    *,
    session: Session,
    issue_id: int | None = None,
    where: IssueFilter = EVERYTHING,
    batch_size: int = DEFAULT_BATCH,
) -> Iterator[list[dict[str, Any]]]:
    """The export records in (issue, position) order, ``batch_size`` per query."""
    conditions = _filters(issue_id, where)
    after: tuple[int, int] | None = None
    while True:
        statement = (
            select(Article, col(Issue.newspaper), col(Issue.issue_date))
            .join(Issue, col(Issue.id) == col(Article.issue_id))
            .where(*conditions)
            .order_by(col(Article.issue_id), col(Article.position))
            .limit(batch_size)
        )
        if after is not None:
            last_issue, last_position = after
            statement = statement.where(
                or_(
                    col(Article.issue_id) > last_issue,
                    and_(
                        col(Article.issue_id) == last_issue,
                        col(Article.position) > last_position,
                    ),
                )
            )
        rows = session.exec(statement).all()
        if not rows:
            return
        yield [export_record(article, newspaper, day) for article, newspaper, day in rows]
        last = rows[-1][0]
        after = (last.issue_id, last.position)
        session.expunge_all()  # keep memory flat over a large archive
        if len(rows) < batch_size:
            return


def jsonl_line(record: dict[str, Any]) -> str:
    """One JSON Lines record: UTF-8 text with Chinese kept, ending in a newline."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = _LIST_SEPARATOR.join(str(item) for item in value)
    else:
        text = str(value)
    if text.startswith(_FORMULA_STARTS):
        text = "'" + text  # shown as text, never run as a formula
    return text


def csv_header() -> str:
    """The BOM (so that Excel reads the file as UTF-8) and the header row."""
    return UTF8_BOM + csv_rows([])


def csv_rows(records: Iterable[dict[str, Any]], *, header: bool = True) -> str:
    """CSV text (RFC 4180, CRLF line ends) of ``records``, with the header row if asked."""
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow([_cell(record.get(name)) for name in CSV_COLUMNS])
    return out.getvalue()


def csv_document(records: Iterable[dict[str, Any]]) -> str:
    """A whole CSV file: BOM, header, rows."""
    return UTF8_BOM + csv_rows(records)
