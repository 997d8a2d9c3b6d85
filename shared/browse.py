"""Browsing the archive: the list of issue files, one issue's articles, an article's neighbours.

Every function takes the session keyword-only and answers with plain values; the views only
render them. Lists are built with a fixed number of queries, never one per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from sqlalchemy import distinct, func
from sqlalchemy.orm import QueryableAttribute, defer
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from shared.models import Article, Issue, IssuePage, Job

DEFAULT_ISSUES_PER_PAGE = 25
MAX_ISSUES_PER_PAGE = 100
_MAX_NEWSPAPERS = 500


@dataclass(frozen=True)
class IssueFilter:
    """Which issue files to list: all of them unless narrowed."""

    newspaper: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.newspaper:
            found.append(col(Issue.newspaper) == self.newspaper)
        if self.date_from:
            found.append(col(Issue.issue_date) >= self.date_from)
        if self.date_to:
            found.append(col(Issue.issue_date) <= self.date_to)
        return found


EVERYTHING = IssueFilter()
# The stored bytes of an issue file, never loaded for browsing.
_CONTENT = cast("QueryableAttribute[bytes]", Issue.content)


@dataclass(frozen=True)
class IssueSummary:
    """One row of the issue list."""

    id: int
    filename: str
    newspaper: str | None
    issue_date: date | None
    page_label: str | None
    pages: int
    article_count: int
    state: str
    created_at: datetime


@dataclass(frozen=True)
class IssueList:
    total: int
    issues: list[IssueSummary]


def issue_states(*, session: Session, issue_ids: list[int]) -> dict[int, str]:
    """Each issue's state: ``succeeded`` once any of its jobs has, else its latest job's state.

    An issue file has several jobs when the same bytes were uploaded again or a job was retried.
    """
    if not issue_ids:
        return {}
    rows = session.exec(
        select(Job.issue_id, Job.state)
        .where(col(Job.issue_id).in_(issue_ids))
        .order_by(col(Job.created_at), col(Job.id))
    ).all()
    states: dict[int, str] = {}
    for issue_id, state in rows:
        if states.get(issue_id) != "succeeded":
            states[issue_id] = state
    return states


def article_counts(*, session: Session, issue_ids: list[int]) -> dict[int, tuple[int, int]]:
    """``issue id → (articles, distinct pages)`` for the given issues (one query)."""
    if not issue_ids:
        return {}
    rows = session.exec(
        select(
            Article.issue_id,
            func.count(col(Article.id)),
            func.count(distinct(col(Article.page))),
        )
        .where(col(Article.issue_id).in_(issue_ids))
        .group_by(col(Article.issue_id))
    ).all()
    return {issue_id: (int(articles), int(pages)) for issue_id, articles, pages in rows}


def list_issues(
    *,
    session: Session,
    where: IssueFilter = EVERYTHING,
    limit: int = DEFAULT_ISSUES_PER_PAGE,
    offset: int = 0,
) -> IssueList:
    """One page of issue files, the newest issue date first (undated last), then newest upload."""
    conditions = where.conditions()
    total = session.exec(select(func.count()).select_from(Issue).where(*conditions)).one()
    rows = session.exec(
        select(Issue)
        .options(defer(_CONTENT))
        .where(*conditions)
        .order_by(
            col(Issue.issue_date).is_(None),
            col(Issue.issue_date).desc(),
            col(Issue.id).desc(),
        )
        .limit(limit)
        .offset(offset)
    ).all()
    ids = [issue.id for issue in rows if issue.id is not None]
    counts = article_counts(session=session, issue_ids=ids)
    states = issue_states(session=session, issue_ids=ids)
    issues = []
    for issue in rows:
        assert issue.id is not None
        articles, pages = counts.get(issue.id, (0, 0))
        issues.append(
            IssueSummary(
                id=issue.id,
                filename=issue.filename,
                newspaper=issue.newspaper,
                issue_date=issue.issue_date,
                page_label=issue.page,
                pages=pages,
                article_count=articles,
                state=states.get(issue.id, "queued"),
                created_at=issue.created_at,
            )
        )
    return IssueList(total=int(total), issues=issues)


def newspapers(*, session: Session) -> list[str]:
    """The newspapers named in the archive, in order (for the filter's suggestions)."""
    rows = session.exec(
        select(col(Issue.newspaper))
        .where(col(Issue.newspaper).is_not(None))
        .distinct()
        .order_by(col(Issue.newspaper))
        .limit(_MAX_NEWSPAPERS)
    ).all()
    return [row for row in rows if row]


def issue_metadata(*, session: Session, issue_id: int) -> Issue | None:
    """The issue file's row without its stored bytes (which may be megabytes of PDF)."""
    return session.get(Issue, issue_id, options=[defer(_CONTENT)])


def issue_pages(*, session: Session, issue_id: int) -> list[IssuePage]:
    """The furniture of the issue file's pages, first page first (none before it is parsed)."""
    return list(
        session.exec(
            select(IssuePage).where(IssuePage.issue_id == issue_id).order_by(col(IssuePage.number))
        )
    )


@dataclass(frozen=True)
class IssueView:
    issue: Issue
    articles: list[Article]
    pages: list[IssuePage]
    state: str
    latest_job_id: str | None


def issue_view(*, session: Session, issue_id: int) -> IssueView | None:
    """An issue file with its articles in page order, its state and its latest job."""
    issue = issue_metadata(session=session, issue_id=issue_id)
    if issue is None:
        return None
    articles = list(
        session.exec(
            select(Article).where(Article.issue_id == issue_id).order_by(col(Article.position))
        )
    )
    latest_job_id = session.exec(
        select(Job.id)
        .where(Job.issue_id == issue_id)
        .order_by(col(Job.created_at).desc(), col(Job.id).desc())
    ).first()
    state = issue_states(session=session, issue_ids=[issue_id]).get(issue_id, "queued")
    return IssueView(
        issue=issue,
        articles=articles,
        pages=issue_pages(session=session, issue_id=issue_id),
        state=state,
        latest_job_id=latest_job_id,
    )


@dataclass(frozen=True)
class Neighbours:
    previous: Article | None
    next: Article | None


def article_neighbours(*, session: Session, article: Article) -> Neighbours:
    """The articles before and after ``article`` in its issue's page order."""
    before = session.exec(
        select(Article)
        .where(Article.issue_id == article.issue_id, col(Article.position) < article.position)
        .order_by(col(Article.position).desc())
        .limit(1)
    ).first()
    after = session.exec(
        select(Article)
        .where(Article.issue_id == article.issue_id, col(Article.position) > article.position)
        .order_by(col(Article.position))
        .limit(1)
    ).first()
    return Neighbours(previous=before, next=after)


def jobs_with_articles(*, session: Session, job_ids: list[str]) -> list[tuple[Job, list[Article]]]:
    """The named jobs in the order asked (unknown ids left out), each succeeded one with its
    issue's articles in page order (two queries in all)."""
    jobs = {job.id: job for job in session.exec(select(Job).where(col(Job.id).in_(job_ids)))}
    done = sorted({job.issue_id for job in jobs.values() if job.state == "succeeded"})
    articles: dict[int, list[Article]] = {issue_id: [] for issue_id in done}
    if done:
        for article in session.exec(
            select(Article)
            .where(col(Article.issue_id).in_(done))
            .order_by(col(Article.issue_id), col(Article.position))
        ):
            articles[article.issue_id].append(article)
    rows = []
    for job_id in job_ids:
        job = jobs.get(job_id)
        if job is not None:
            rows.append((job, articles[job.issue_id] if job.state == "succeeded" else []))
    return rows
