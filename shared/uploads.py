"""Accepting an uploaded issue file: check it, keep its bytes, and open a job for it.

The bytes and the job row are written in one transaction; the caller publishes the job to the
queue only after that commit (see :func:`shared.jobs.publish_job`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlmodel import Session, SQLModel

from shared.models import Issue, Job, new_job_id, utcnow
from shared.parsing import ParseError, decode_bytes
from shared.pdf import PDF_MEDIA_TYPE, is_pdf


class UploadRejected(ValueError):
    """The upload cannot be accepted; ``status`` is the HTTP status that says why."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class UploadMeta:
    """What the uploader may tell us about the file, all optional."""

    newspaper: str | None = None
    issue_date: date | None = None
    page: str | None = None


def parse_meta(newspaper: str | None, issue_date: str | None, page: str | None) -> UploadMeta:
    """Validate the form fields of an upload."""
    parsed_date: date | None = None
    if issue_date and issue_date.strip():
        try:
            parsed_date = date.fromisoformat(issue_date.strip())
        except ValueError:
            raise UploadRejected(
                400, "invalid_issue_date", f"issue_date must be YYYY-MM-DD, not {issue_date!r}"
            ) from None
    paper = (newspaper or "").strip() or None
    if paper is not None and len(paper) > 200:
        raise UploadRejected(400, "invalid_newspaper", "newspaper must be at most 200 characters")
    label = (page or "").strip() or None
    if label is not None and len(label) > 50:
        raise UploadRejected(400, "invalid_page", "page must be at most 50 characters")
    return UploadMeta(newspaper=paper, issue_date=parsed_date, page=label)


_BATCH_ID = re.compile(r"[0-9a-f]{32}")
MAX_BATCH_POSITION = 100_000


@dataclass(frozen=True)
class BatchRef:
    """The batch an upload's files join (sent one request each) and the first file's place."""

    batch_id: str
    first_position: int


def parse_batch(batch: str | None, position: str | None) -> BatchRef | None:
    """Validate the ``batch`` and ``batch_position`` form fields (both optional).

    The upload page opens a batch (32 hex digits, a UUID without dashes) for the files it
    sends one request each, so articles continued from one to another are joined.
    """
    batch = (batch or "").strip().lower()
    position = (position or "").strip()
    if not batch:
        if position:
            raise UploadRejected(400, "invalid_batch", "batch_position needs a batch")
        return None
    if not _BATCH_ID.fullmatch(batch):
        raise UploadRejected(400, "invalid_batch", "batch must be 32 hexadecimal digits")
    if not position:
        return BatchRef(batch, 0)
    if not position.isascii() or not position.isdigit() or int(position) > MAX_BATCH_POSITION:
        raise UploadRejected(
            400, "invalid_batch",
            f"batch_position must be a whole number from 0 to {MAX_BATCH_POSITION}",
        )
    return BatchRef(batch, int(position))


_UNSAFE_IN_NAME = re.compile(r"[\x00-\x1f\x7f/\\<>:\"|?*]+")


def display_filename(raw: str | None) -> str:
    """A file name fit for display only (it is never used as a path); Chinese is kept."""
    name = unicodedata.normalize("NFC", raw or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_IN_NAME.sub("_", name).strip(" .")
    return name[:255] or "upload.txt"


def sniff_media_type(data: bytes) -> str:
    """The file's type from its content, never from its name."""
    if not data:
        raise UploadRejected(400, "empty_file", "the uploaded file is empty")
    if is_pdf(data):
        # Only sniffed here: a PDF is opened by the worker, in a child process with limits
        # (shared.pdf.isolation), so a broken or hostile PDF fails its job, not this request.
        return PDF_MEDIA_TYPE
    try:
        decode_bytes(data)
    except ParseError as exc:
        raise UploadRejected(
            415, "unsupported_media_type", f"not a text file baokan can read: {exc.message}"
        ) from exc
    return "text/plain"


@dataclass(frozen=True)
class AcceptedUpload:
    """The job opened for an accepted file (its row is written in the caller's transaction)."""

    id: str
    issue_id: int
    filename: str
    duplicate_of: str | None  # the first job of the same bytes, if they were uploaded before


def accept_upload(
    *,
    session: Session,
    data: bytes,
    filename: str | None,
    meta: UploadMeta,
    published_at: datetime | None = None,
) -> AcceptedUpload:
    """Store the file (once per distinct content) and a new queued job for it.

    The same bytes uploaded again reuse the stored issue: the new job records the first job
    of that file in ``duplicate_of`` and ends pointing at the articles already parsed from it
    instead of making new ones. ``published_at`` records the job as published in the same
    commit (the caller publishes it right after). Core statements on the session's
    connection: an upload is three small statements, which the ORM's unit of work doubled.
    """
    media_type = sniff_media_type(data)
    name = display_filename(filename)
    digest = hashlib.sha256(data).hexdigest()
    connection = session.connection()
    issue_id: int | None = connection.execute(
        select(_ISSUES.c.id).where(_ISSUES.c.sha256 == digest)
    ).scalar()
    duplicate_of: str | None = None
    if issue_id is not None:
        duplicate_of = connection.execute(
            select(_JOBS.c.id)
            .where(_JOBS.c.issue_id == issue_id)
            .order_by(_JOBS.c.created_at)
            .limit(1)
        ).scalar()
    else:
        issue_id = connection.execute(
            insert(_ISSUES).returning(_ISSUES.c.id),
            {
                "sha256": digest,
                "filename": name,
                "media_type": media_type,
                "size": len(data),
                "content": data,
                "newspaper": meta.newspaper,
                "issue_date": meta.issue_date,
                "page": meta.page,
                "created_at": utcnow(),
            },
        ).scalar_one()
    job_id = new_job_id()
    connection.execute(
        insert(_JOBS),
        {
            "id": job_id,
            "issue_id": issue_id,
            "filename": name,
            "state": "queued",
            "attempts": 0,
            "duplicate_of": duplicate_of,
            "published_at": published_at,
            "created_at": utcnow(),
        },
    )
    return AcceptedUpload(job_id, issue_id, name, duplicate_of)


_ISSUES = SQLModel.metadata.tables[Issue.__tablename__]
_JOBS = SQLModel.metadata.tables[Job.__tablename__]
