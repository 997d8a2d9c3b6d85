"""Processing one job: the stored file → parsed articles → keywords → rows, in one transaction."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from shared.analysis import extract_keywords
from shared.db import session_scope
from shared.jobs import article_ids, fail_job, start_job
from shared.models import Article, Issue, Job, utcnow
from shared.parsing import ParsedArticle, ParsedDocument, ParseError, parse_bytes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobOutcome:
    job_id: str
    state: str
    issue_id: int
    article_ids: list[int]
    error_code: str | None = None


def analysed_article(
    parsed: ParsedArticle, *, issue_id: int, position: int, keyword_limit: int
) -> Article:
    """The database row of one parsed article, with its keywords."""
    text = "\n".join([parsed.kicker, parsed.headline, parsed.subtitle, *parsed.paragraphs])
    keywords = extract_keywords(
        text, exclude=[*parsed.reporters, *parsed.correspondents], limit=keyword_limit
    )
    return Article(
        issue_id=issue_id,
        page=parsed.page,
        position=position,
        kind=parsed.kind,
        headline=parsed.headline,
        kicker=parsed.kicker,
        subtitle=parsed.subtitle,
        dateline=parsed.dateline,
        reporters=list(parsed.reporters),
        correspondents=list(parsed.correspondents),
        paragraphs=list(parsed.paragraphs),
        keywords=keywords,
        continued_to=parsed.continued_to,
        continued_from=parsed.continued_from,
    )


def analysed_articles(
    document: ParsedDocument, *, issue_id: int, keyword_limit: int
) -> list[Article]:
    return [
        analysed_article(parsed, issue_id=issue_id, position=position, keyword_limit=keyword_limit)
        for position, parsed in enumerate(document.articles, start=1)
    ]


def _write_articles(*, engine: Engine, job_id: str, keyword_limit: int) -> JobOutcome:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        issue = session.get(Issue, job.issue_id)
        if issue is None:
            raise ParseError("missing_file", f"the stored file of issue {job.issue_id} is gone")
        if not article_ids(session, job.issue_id):
            # Parsing happens here, inside the transaction that writes its result, so that a
            # job either leaves all of an issue's articles or none of them.
            document = parse_bytes(issue.content)
            session.add_all(
                analysed_articles(document, issue_id=job.issue_id, keyword_limit=keyword_limit)
            )
            session.flush()
        job.state = "succeeded"
        job.finished_at = utcnow()
        session.add(job)
        return JobOutcome(job_id, "succeeded", job.issue_id, article_ids(session, job.issue_id))


def process_job(*, engine: Engine, job_id: str, keyword_limit: int = 10) -> JobOutcome:
    """Run one job to its end. Running a job twice never duplicates its articles."""
    job = start_job(engine=engine, job_id=job_id)
    if job is None:
        return _ended(engine=engine, job_id=job_id)
    try:
        return _write_articles(engine=engine, job_id=job_id, keyword_limit=keyword_limit)
    except ParseError as exc:
        fail_job(engine=engine, job_id=job_id, code=exc.code, message=exc.message)
        return _ended(engine=engine, job_id=job_id)
    except IntegrityError:
        # Another delivery of a job for the same file wrote the articles first: use them.
        log.info("job %s: the articles were written by a concurrent delivery", job_id)
        return _write_articles(engine=engine, job_id=job_id, keyword_limit=keyword_limit)


def _ended(*, engine: Engine, job_id: str) -> JobOutcome:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return JobOutcome(
            job_id, job.state, job.issue_id, article_ids(session, job.issue_id), job.error_code
        )
