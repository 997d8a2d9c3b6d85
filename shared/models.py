"""The database schema: uploaded issue files, their jobs and the articles parsed from them.

One module for all tables (as the SQLModel docs advise) so relationships never import in circles.
Each entity has a family: the table model, and the ``*Public`` shape the API answers with.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, Literal

from sqlalchemy import JSON, Column, ForeignKey, Integer, LargeBinary, Text, UniqueConstraint
from sqlalchemy.orm import relationship
from sqlmodel import Field, Relationship, SQLModel

from shared.search.schema import attach_search_ddl

JobState = Literal["queued", "running", "succeeded", "failed"]
JOB_STATES: tuple[JobState, ...] = ("queued", "running", "succeeded", "failed")
# The largest id a BIGINT (PostgreSQL) or INTEGER (SQLite) column can hold; URLs naming a
# larger one are answered 404 instead of reaching the database.
MAX_ROW_ID = 2**63 - 1


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_job_id() -> str:
    return uuid.uuid4().hex


def iso(moment: datetime | None) -> str | None:
    """Timestamps are kept in UTC and answered as ISO 8601 with a ``Z``."""
    if moment is None:
        return None
    if moment.tzinfo is None:  # a database without time zones gives back naive UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


class Issue(SQLModel, table=True):
    """One uploaded issue file: its original bytes and what the uploader told us about it."""

    __tablename__ = "issues"

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, unique=True, index=True)
    filename: str = Field(max_length=255)
    media_type: str = Field(max_length=100)
    size: int
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    newspaper: str | None = Field(default=None, max_length=200)
    issue_date: date | None = None
    page: str | None = Field(default=None, max_length=50)
    created_at: datetime = Field(default_factory=utcnow)

    def public(self, article_ids: list[int], pages: list[IssuePage]) -> dict[str, Any]:
        return {
            "id": self.id,
            "filename": self.filename,
            "media_type": self.media_type,
            "sha256": self.sha256,
            "size": self.size,
            "newspaper": self.newspaper,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "page": self.page,
            "created_at": iso(self.created_at),
            "article_ids": article_ids,
            "pages": [page.public() for page in pages],
        }


class IssuePage(SQLModel, table=True):
    """What one page of an issue file prints around its articles (its furniture).

    The running header's paper, date, page label and section and the editors' names, as the
    parser read them (:mod:`shared.parsing.furniture`), with the furniture lines themselves, so
    no printed character is lost. The uploader's own ``newspaper``/``issue_date``/``page`` on
    the issue are kept apart: these are what the page says.
    """

    __tablename__ = "issue_pages"

    issue_id: int = Field(foreign_key="issues.id", primary_key=True)
    number: int = Field(primary_key=True)  # 1 for the file's first page
    paper: str = ""
    date: str = ""  # as printed, e.g. 2024年1月17日
    page_label: str = ""  # e.g. 第4版, A2
    section: str = ""
    editors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    lines: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))

    def public(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "paper": self.paper,
            "date": self.date,
            "page_label": self.page_label,
            "section": self.section,
            "editors": list(self.editors),
            "lines": list(self.lines),
        }


class Job(SQLModel, table=True):
    """The processing of one uploaded file; what users poll."""

    __tablename__ = "jobs"

    id: str = Field(default_factory=new_job_id, primary_key=True, max_length=32)
    issue_id: int = Field(foreign_key="issues.id", index=True)
    filename: str = Field(max_length=255)
    state: str = Field(default="queued", max_length=16, index=True)
    attempts: int = 0
    error_code: str | None = Field(default=None, max_length=64)
    error_message: str | None = None
    duplicate_of: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(default_factory=utcnow)
    published_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None

    def public(self, article_ids: list[int], status_url: str) -> dict[str, Any]:
        error = (
            {"code": self.error_code, "message": self.error_message or ""}
            if self.error_code
            else None
        )
        return {
            "id": self.id,
            "state": self.state,
            "filename": self.filename,
            "issue_id": self.issue_id,
            "article_ids": article_ids,
            "error": error,
            "attempts": self.attempts,
            "duplicate_of": self.duplicate_of,
            "created_at": iso(self.created_at),
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
            "status_url": status_url,
        }


class UploadBatch(SQLModel, table=True):
    """The files of one upload: the pages of one issue, sent in one request or several.

    Articles continued from one file to another (``（下转第2版）`` … ``（上接第1版）``) are joined
    whenever every job of the batch has ended (:mod:`shared.batches`); ``joined_at`` is the
    last time that was done.
    """

    __tablename__ = "upload_batches"

    id: str = Field(default_factory=new_job_id, primary_key=True, max_length=32)
    created_at: datetime = Field(default_factory=utcnow)
    joined_at: datetime | None = None


class BatchJob(SQLModel, table=True):
    """One file's job in an upload batch, with the file's place in the upload."""

    __tablename__ = "batch_jobs"

    job_id: str = Field(foreign_key="jobs.id", primary_key=True, max_length=32)
    batch_id: str = Field(foreign_key="upload_batches.id", index=True, max_length=32)
    position: int  # 0 for the upload's first file


class BatchJoin(SQLModel, table=True):
    """An article of a batch that took in the part continued in another file (whose row,
    ``second_article_id``, is gone): it is never joined with another part again."""

    __tablename__ = "batch_joins"

    first_article_id: int = Field(primary_key=True)
    second_article_id: int = Field(primary_key=True)
    batch_id: str = Field(foreign_key="upload_batches.id", index=True, max_length=32)
    joined_at: datetime = Field(default_factory=utcnow)



class BatchChainEnd(SQLModel, table=True):
    """Where an article of a batch that took in parts from other files goes on: the file and
    page of the last part it took in, and that part's own jump (``下转第3版``).

    That part's row is gone, so without this an article set over three files, whose third
    file's job ends after the first two were joined (the upload page sends files one request
    each), would never find its third part.
    """

    __tablename__ = "batch_chain_ends"

    article_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    issue_id: int = Field(foreign_key="issues.id")
    page: int  # the part's page in its file (1 for the file's first)
    continued_to: str

class Article(SQLModel, table=True):
    """One article (or captioned photo) of an issue file, in page order by ``position``."""

    __tablename__ = "articles"
    # AUTOINCREMENT: SQLite would otherwise give the id of a deleted last row (a part joined
    # into another file's article) to the next article, and an id once published must never
    # name another article.
    __table_args__ = (
        UniqueConstraint("issue_id", "position", name="uq_article_position"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    issue_id: int = Field(foreign_key="issues.id", index=True)
    page: int = 1
    position: int
    kind: str = Field(default="article", max_length=16)
    headline: str = ""
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""
    reporters: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    correspondents: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    paragraphs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    keywords: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Named entities from jieba's part-of-speech tags (nr / ns / nt), in order of appearance.
    people: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    places: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    organisations: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    continued_to: str = ""
    continued_from: str = ""
    # Written with the article (in the same flush and transaction); see shared/search.
    search_document: SearchDocument | None = Relationship(
        sa_relationship=relationship(
            "SearchDocument", uselist=False, cascade="all, delete-orphan", passive_deletes=True
        )
    )

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "issue_id": self.issue_id,
            "page": self.page,
            "position": self.position,
            "kind": self.kind,
            "headline": self.headline,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "dateline": self.dateline,
            "reporters": list(self.reporters),
            "correspondents": list(self.correspondents),
            "paragraphs": list(self.paragraphs),
            "body": self.body,
            "keywords": list(self.keywords),
            "people": list(self.people),
            "places": list(self.places),
            "organisations": list(self.organisations),
            "continued_to": self.continued_to,
            "continued_from": self.continued_from,
        }


class SearchDocument(SQLModel, table=True):
    """An article's index terms (jieba words, see :mod:`shared.search.terms`), one per article.

    ``terms`` holds the title's terms (kicker, headline, subtitle: the first
    ``title_term_count``) and then the body's, separated by spaces; the database's full-text
    engine indexes it (:mod:`shared.search.schema`) and the ranking reads the counts.
    """

    __tablename__ = "search_documents"

    article_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    terms: str = Field(default="", sa_column=Column(Text, nullable=False))
    term_count: int = 0
    title_term_count: int = 0


attach_search_ddl(SQLModel.metadata.tables[SearchDocument.__tablename__])
