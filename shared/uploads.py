"""Accepting an uploaded issue file: check it, keep its bytes, and open a job for it.

The bytes and the job row are written in one transaction; the caller publishes the job to the
queue only after that commit (see :func:`shared.jobs.publish_job`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from shared.models import Issue, Job
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


def accept_upload(*, session: Session, data: bytes, filename: str | None, meta: UploadMeta) -> Job:
    """Store the file (once per distinct content) and a new queued job for it.

    The same bytes uploaded again reuse the stored issue: the new job records the first job
    of that file in ``duplicate_of`` and ends pointing at the articles already parsed from it
    instead of making new ones.
    """
    media_type = sniff_media_type(data)
    name = display_filename(filename)
    digest = hashlib.sha256(data).hexdigest()
    issue = session.exec(select(Issue).where(Issue.sha256 == digest)).first()
    duplicate_of: str | None = None
    if issue is not None:
        duplicate_of = session.exec(
            select(Job.id).where(Job.issue_id == issue.id).order_by(col(Job.created_at))
        ).first()
    else:
        issue = Issue(
            sha256=digest,
            filename=name,
            media_type=media_type,
            size=len(data),
            content=data,
            newspaper=meta.newspaper,
            issue_date=meta.issue_date,
            page=meta.page,
        )
        session.add(issue)
        session.flush()
    assert issue.id is not None
    job = Job(issue_id=issue.id, filename=name, duplicate_of=duplicate_of)
    session.add(job)
    session.flush()
    return job
