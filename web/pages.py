"""The HTML pages: upload form, job status, issue and article reader."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from sqlmodel import col, select
from werkzeug.wrappers import Response

from shared.db import session_scope
from shared.jobs import article_ids
from shared.models import MAX_ROW_ID, Article, Issue, Job
from web.app import services
from web.csrf import require_csrf
from web.errors import ApiError
from web.ratelimit import check_upload_rate
from web.receive import receive_uploads

blueprint = Blueprint("pages", __name__)

_MAX_JOBS_ON_STATUS_PAGE = 200


@blueprint.get("/")
def index() -> str:
    return render_template("index.html", max_bytes=services().settings.max_upload_bytes)


@blueprint.post("/upload")
def upload() -> Response:
    require_csrf()
    check_upload_rate()
    jobs = receive_uploads(request)
    return redirect(url_for("pages.job_status", id=[job.id for job in jobs]), code=303)


@blueprint.get("/jobs")
def job_status() -> str:
    wanted = request.args.getlist("id")[:_MAX_JOBS_ON_STATUS_PAGE]
    with session_scope(services().engine) as session:
        jobs = {job.id: job for job in session.exec(select(Job).where(col(Job.id).in_(wanted)))}
        rows = []
        for job_id in wanted:
            job = jobs.get(job_id)
            if job is None:
                continue
            articles: list[Article] = []
            if job.state == "succeeded":
                articles = list(
                    session.exec(
                        select(Article)
                        .where(Article.issue_id == job.issue_id)
                        .order_by(col(Article.position))
                    )
                )
            rows.append((job, articles))
    if not rows:
        raise ApiError(404, "job_not_found", "none of the requested jobs exists")
    pending = any(job.state in ("queued", "running") for job, _ in rows)
    return render_template("jobs.html", rows=rows, pending=pending)


@blueprint.get(f"/issues/<int(max={MAX_ROW_ID}):issue_id>")
def issue_page(issue_id: int) -> str:
    with session_scope(services().engine) as session:
        issue = session.get(Issue, issue_id)
        if issue is None:
            raise ApiError(404, "issue_not_found", f"no issue has the id {issue_id}")
        articles = list(
            session.exec(
                select(Article).where(Article.issue_id == issue_id).order_by(col(Article.position))
            )
        )
    return render_template("issue.html", issue=issue, articles=articles)


@blueprint.get(f"/articles/<int(max={MAX_ROW_ID}):article_id>")
def article_page(article_id: int) -> str:
    with session_scope(services().engine) as session:
        article = session.get(Article, article_id)
        if article is None:
            raise ApiError(404, "article_not_found", f"no article has the id {article_id}")
        issue = session.get(Issue, article.issue_id)
        siblings = article_ids(session, article.issue_id)
    index = siblings.index(article_id)
    previous_id = siblings[index - 1] if index > 0 else None
    next_id = siblings[index + 1] if index + 1 < len(siblings) else None
    return render_template(
        "article.html", article=article, issue=issue, previous_id=previous_id, next_id=next_id
    )
