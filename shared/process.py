"""Processing one job: the stored file → parsed articles → keywords → rows, in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, case, exists, insert, literal_column, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import ScalarSelect
from sqlmodel import Session, SQLModel, col, select

from shared.analysis import analyse_article
from shared.batches import batch_of_job
from shared.db import session_scope, single_statements
from shared.documents import parse_file
from shared.jobs import article_ids, end_unstartable_job, fail_job, start_job
from shared.metrics import timed
from shared.models import Article, BatchJob, Issue, IssuePage, Job, SearchDocument, utcnow
from shared.parsing import ParsedArticle, ParsedDocument, ParseError
from shared.search.index import search_document_values

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobOutcome:
    job_id: str
    state: str
    issue_id: int
    article_ids: list[int]
    error_code: str | None = None
    batch_id: str | None = None  # the upload batch of the job's file, if any (shared.batches)


@dataclass(frozen=True)
class AnalysedArticle:
    """One parsed article, analysed, as the two rows it is stored as (ids not yet known)."""

    article: dict[str, Any]  # the columns of its ``articles`` row
    search_document: dict[str, Any]  # the columns of its ``search_documents`` row

    def model(self) -> Article:
        """The same as an (unsaved) ORM object."""
        return Article(**self.article, search_document=SearchDocument(**self.search_document))


def analysed_article(
    parsed: ParsedArticle, *, issue_id: int, position: int, keyword_limit: int
) -> AnalysedArticle:
    """The rows of one parsed article, analysed: keywords, entities, search document.

    The article is segmented once; the search document is written with the row (same
    transaction), so an article is findable exactly when it exists.
    """
    analysis = analyse_article(
        title_parts=[parsed.kicker, parsed.headline, parsed.subtitle],
        paragraphs=parsed.paragraphs,
        exclude=[*parsed.reporters, *parsed.correspondents],
        keyword_limit=keyword_limit,
    )
    article = {
        "issue_id": issue_id,
        "page": parsed.page,
        "position": position,
        "kind": parsed.kind,
        "headline": parsed.headline,
        "kicker": parsed.kicker,
        "subtitle": parsed.subtitle,
        "dateline": parsed.dateline,
        "reporters": list(parsed.reporters),
        "correspondents": list(parsed.correspondents),
        "paragraphs": list(parsed.paragraphs),
        "keywords": analysis.keywords,
        "people": analysis.people,
        "places": analysis.places,
        "organisations": analysis.organisations,
        "continued_to": parsed.continued_to,
        "continued_from": parsed.continued_from,
    }
    return AnalysedArticle(article, search_document_values(analysis))


def analysed_articles(
    document: ParsedDocument, *, issue_id: int, keyword_limit: int
) -> list[AnalysedArticle]:
    return [
        analysed_article(parsed, issue_id=issue_id, position=position, keyword_limit=keyword_limit)
        for position, parsed in enumerate(document.articles, start=1)
    ]


def page_rows(document: ParsedDocument, *, issue_id: int) -> list[dict[str, Any]]:
    """The ``issue_pages`` rows of a parsed file: every page's furniture, in page order."""
    return [
        {
            "issue_id": issue_id,
            "number": page.number,
            "paper": page.furniture.paper,
            "date": page.furniture.date,
            "page_label": page.furniture.page_label,
            "section": page.furniture.section,
            "editors": list(page.furniture.editors),
            "lines": list(page.furniture.lines),
        }
        for page in document.pages
    ]


@dataclass(frozen=True)
class AnalysedIssue:
    """What one issue file gives: its analysed articles and its pages' furniture (as rows)."""

    articles: list[AnalysedArticle]
    pages: list[dict[str, Any]]


def insert_pages(session: Session, pages: Sequence[dict[str, Any]]) -> None:
    """Insert the pages' furniture rows (one statement).

    Only a file that has nothing stored yet is parsed (:func:`start_job_reading_file`), so
    its pages are new; two jobs of one file racing to insert them: the second one's
    transaction fails on the primary key and :func:`process_job` ends it without writing.
    """
    if pages:
        session.connection().execute(insert(_ISSUE_PAGES), list(pages))


def insert_articles(session: Session, articles: Sequence[AnalysedArticle]) -> list[int]:
    """Insert the articles and their search documents; their ids, in the given order.

    Two statements whatever the number of articles (an INSERT … RETURNING of every article,
    then one of every search document), without building an ORM object per row: in the
    profile the ORM's objects and unit of work cost more than the database's work.
    """
    if not articles:
        return []
    # Core statements on the session's connection: the ORM's bulk insert would first turn
    # every row dict into its own parameters (0.5 ms a page in the profile).
    connection = session.connection()
    ids: list[int] = list(
        connection.scalars(
            insert(_ARTICLES).returning(_ARTICLES.c.id, sort_by_parameter_order=True),
            [analysed.article for analysed in articles],
        )
    )
    connection.execute(
        insert(_SEARCH_DOCUMENTS),
        [
            {**analysed.search_document, "article_id": article_id}
            for analysed, article_id in zip(articles, ids, strict=True)
        ],
    )
    return ids


_ARTICLES = SQLModel.metadata.tables[Article.__tablename__]
_SEARCH_DOCUMENTS = SQLModel.metadata.tables[SearchDocument.__tablename__]
_ISSUE_PAGES = SQLModel.metadata.tables[IssuePage.__tablename__]
_JOBS = SQLModel.metadata.tables[Job.__tablename__]


@dataclass(frozen=True)
class IssueFile:
    """An issue's stored bytes, and whether what they give is stored already."""

    content: bytes
    media_type: str
    stored: bool


def _job_column(name: str) -> ColumnElement[Any]:
    """A column of the ``jobs`` row, for a subquery in its UPDATE's RETURNING, spelt out with
    its table: SQLite's RETURNING drops the table of a column, and inside a subquery over
    ``articles`` a bare ``issue_id`` would be the article's."""
    return literal_column(f"{_JOBS.name}.{name}", _JOBS.c[name].type)


def _file_of_job() -> tuple[ColumnElement[Any], ...]:
    """What :class:`IssueFile` is made of, as expressions over the job's row: the file's bytes
    (only when nothing of it is stored: a file uploaded again need not be read, however large),
    its media type, and whether anything of it is stored.

    A file is stored once its articles are, and its pages' rows written with them (files
    stored before pages were kept have articles only). Its articles alone would not tell: a
    file whose only article was the continuation of another file's has none left once the
    two are joined (:mod:`shared.batches`), and parsing it again would bring the part back.
    """
    issue_id = _job_column("issue_id")
    stored = exists().where(col(Article.issue_id) == issue_id) | exists().where(
        col(IssuePage.issue_id) == issue_id
    )

    def of_issue(column: Any) -> ScalarSelect[Any]:
        return select(column).where(col(Issue.id) == issue_id).scalar_subquery()

    content = case((stored, None), else_=of_issue(col(Issue.content)))
    return (content, of_issue(col(Issue.media_type)), stored)


def start_job_reading_file(
    connection: Connection, *, job_id: str, max_attempts: int
) -> tuple[int, IssueFile | None] | None:
    """Start the job (:func:`shared.jobs.start_job`) and read its issue's file in the same
    statement; the issue id and the file (None when its row is gone), or None when the job
    did not start."""
    started = start_job(
        connection, job_id=job_id, max_attempts=max_attempts, returning=_file_of_job()
    )
    if started is None:
        return None
    issue_id, data, media_type, stored = tuple(started)
    if media_type is None:
        return int(issue_id), None
    # SQLite answers EXISTS with 0 or 1
    return int(issue_id), IssueFile(data or b"", media_type, bool(stored))


def _parsed_issue(
    *,
    file: IssueFile | None,
    issue_id: int,
    keyword_limit: int,
    timings: dict[str, float] | None,
) -> AnalysedIssue:
    """The issue file's analysed articles and pages; nothing when they are stored already.

    Parsing happens outside any transaction so that no lock is held while it runs.
    """
    if file is None:
        raise ParseError("missing_file", f"the stored file of issue {issue_id} is gone")
    if file.stored:
        return AnalysedIssue([], [])
    with timed(timings, "parse"):
        document = parse_file(file.content, file.media_type)
    with timed(timings, "analyse"):
        articles = analysed_articles(document, issue_id=issue_id, keyword_limit=keyword_limit)
    return AnalysedIssue(articles, page_rows(document, issue_id=issue_id))


def _write_articles(
    *,
    engine: Engine,
    job_id: str,
    issue: AnalysedIssue,
    timings: dict[str, float] | None = None,
) -> JobOutcome | None:
    """Write the articles and pages and end the job in one transaction; None if the job
    ended meanwhile.

    The transaction's first statement ends the running job: on PostgreSQL it takes the job's
    row lock, on SQLite the database's write lock, so a second delivery of the same job waits
    there and then finds the job ended instead of writing its articles again. Were anything
    after it to fail, the whole transaction, that statement included, rolls back.

    The commit does not wait for the disk (``durable=False``): everything it writes is worked
    out again from the stored file should a power cut take it (the job is then running or
    queued again, and the sweeper runs it).
    """
    with timed(timings, "store"), session_scope(engine, durable=False) as session:
        # A Core statement: the ORM's UPDATE path would first look for the job among the
        # session's objects and evaluate its criteria (2.5 ms a job under cProfile).
        batch = select(BatchJob.batch_id).where(col(BatchJob.job_id) == _job_column("id"))
        ended = session.connection().execute(
            update(_JOBS)
            .where(_JOBS.c.id == job_id, _JOBS.c.state == "running")
            .values(state="succeeded", finished_at=utcnow())
            .returning(_JOBS.c.issue_id, batch.scalar_subquery())
        ).first()
        if ended is None:
            return None
        issue_id, batch_id = ended
        if issue.articles or issue.pages:
            # Parsed because nothing of the file was stored; should another job have stored
            # it meanwhile, the (issue, position) and page keys refuse this copy.
            ids = insert_articles(session, issue.articles)
            insert_pages(session, issue.pages)
        else:
            ids = article_ids(session, issue_id)
        return JobOutcome(job_id, "succeeded", issue_id, ids, batch_id=batch_id)


def process_job(
    *,
    engine: Engine,
    job_id: str,
    keyword_limit: int = 10,
    max_attempts: int = 3,
    timings: dict[str, float] | None = None,
) -> JobOutcome:
    """Run one job to its end. Running a job twice, even at once, never duplicates articles.

    When ``timings`` is given, the seconds spent parsing, analysing and storing are added to it.
    """
    # The start is committed before the work (see start_job), and is one statement that
    # also reads the file: it commits by itself.
    with single_statements(engine, durable=False) as connection:
        started = start_job_reading_file(connection, job_id=job_id, max_attempts=max_attempts)
    if started is None:
        with session_scope(engine, durable=False) as session:
            end_unstartable_job(session, job_id=job_id, max_attempts=max_attempts)
        return ended_outcome(engine=engine, job_id=job_id)
    issue_id, file = started
    try:
        issue = _parsed_issue(
            file=file, issue_id=issue_id, keyword_limit=keyword_limit, timings=timings
        )
    except ParseError as exc:
        fail_job(engine=engine, job_id=job_id, code=exc.code, message=exc.message)
        return ended_outcome(engine=engine, job_id=job_id)
    try:
        outcome = _write_articles(engine=engine, job_id=job_id, issue=issue, timings=timings)
    except IntegrityError:
        # A job for the same file (another upload of the same bytes) wrote them first.
        log.info("job %s: the file's articles were written by another job", job_id)
        outcome = _write_articles(engine=engine, job_id=job_id, issue=AnalysedIssue([], []))
    return outcome or ended_outcome(engine=engine, job_id=job_id)


def ended_outcome(*, engine: Engine, job_id: str) -> JobOutcome:
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert job is not None
        return JobOutcome(
            job_id,
            job.state,
            job.issue_id,
            article_ids(session, job.issue_id),
            job.error_code,
            batch_id=batch_of_job(session, job_id),
        )
