"""The HTML pages: upload form, job status, the issue list, issue and article reader.

The form endpoints (``/upload``, ``/jobs/<id>/retry``) are guarded by the CSRF token, not the
API token, and answer JSON when asked with ``Accept: application/json``: that is how the page's
script uploads file by file with a progress bar even when ``BAOKAN_API_TOKEN`` is set.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from shared.browse import (
    DEFAULT_ISSUES_PER_PAGE,
    MAX_ISSUES_PER_PAGE,
    IssueFilter,
    article_neighbours,
    issue_metadata,
    issue_view,
    jobs_with_articles,
    list_issues,
    newspapers,
)
from shared.db import session_scope
from shared.models import MAX_ROW_ID, Article
from web.api import job_status_url
from web.app import services
from web.csrf import require_csrf
from web.errors import ApiError, found
from web.messages import ERROR_HINTS, STATES, error_hint
from web.ratelimit import check_upload_rate
from web.receive import receive_uploads
from web.retry import retry_failed_job

blueprint = Blueprint("pages", __name__)

_MAX_JOBS_ON_STATUS_PAGE = 200


@blueprint.app_context_processor
def _plain_words() -> dict[str, object]:
    return {"state_words": STATES, "error_hint": error_hint}


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


@blueprint.get("/")
def index() -> str:
    return render_template(
        "index.html",
        max_bytes=services().settings.max_upload_bytes,
        words={"states": STATES, "errors": ERROR_HINTS},
    )


@blueprint.post("/upload")
def upload() -> Response | tuple[Response, int]:
    require_csrf()
    check_upload_rate()
    jobs = receive_uploads(request)
    if wants_json():
        refs = [
            {"id": job.id, "filename": job.filename, "status_url": job_status_url(job.id)}
            for job in jobs
        ]
        return jsonify({"jobs": refs}), 202
    return redirect(url_for("pages.job_status", id=[job.id for job in jobs]), code=303)


@blueprint.post("/jobs/<job_id>/retry")
def retry(job_id: str) -> Response | tuple[Response, int]:
    """The form's retry button: re-queue a failed job, then back to the status page."""
    require_csrf()
    job = retry_failed_job(job_id)
    if wants_json():
        return jsonify(job.public([], job_status_url(job.id))), 202
    back = request.form.getlist("id")[:_MAX_JOBS_ON_STATUS_PAGE] or [job.id]
    return redirect(url_for("pages.job_status", id=back), code=303)


@blueprint.get("/jobs")
def job_status() -> str:
    wanted = request.args.getlist("id")[:_MAX_JOBS_ON_STATUS_PAGE]
    with session_scope(services().engine) as session:
        rows = jobs_with_articles(session=session, job_ids=wanted)
    if not rows:
        raise ApiError(404, "job_not_found", "none of the requested jobs exists")
    pending = any(job.state in ("queued", "running") for job, _ in rows)
    return render_template("jobs.html", rows=rows, pending=pending)


def _date_arg(name: str) -> date | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        message = f"{name} must be a date as YYYY-MM-DD, not {raw!r}"
        raise ApiError(400, "bad_date", message) from None


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        raise ApiError(400, f"bad_{name}", f"{name} must be a whole number from {low} to {high}")
    return int(raw)


@blueprint.get("/issues")
def issue_list() -> str:
    where = IssueFilter(
        newspaper=request.args.get("newspaper", "").strip() or None,
        date_from=_date_arg("from"),
        date_to=_date_arg("to"),
    )
    limit = _int_arg("limit", DEFAULT_ISSUES_PER_PAGE, 1, MAX_ISSUES_PER_PAGE)
    offset = _int_arg("offset", 0, 0, 10**9)
    with session_scope(services().engine) as session:
        found = list_issues(session=session, where=where, limit=limit, offset=offset)
        known = newspapers(session=session)
    args: dict[str, Any] = {
        "newspaper": where.newspaper,
        "from": where.date_from.isoformat() if where.date_from else None,
        "to": where.date_to.isoformat() if where.date_to else None,
        "limit": limit if limit != DEFAULT_ISSUES_PER_PAGE else None,
    }
    args = {name: value for name, value in args.items() if value}
    previous_args = {**args, "offset": max(0, offset - limit) or None}
    previous_url = next_url = None
    if offset > 0:
        previous_url = url_for(
            "pages.issue_list", **{k: v for k, v in previous_args.items() if v}
        )
    if offset + limit < found.total:
        next_url = url_for("pages.issue_list", **args, offset=offset + limit)
    return render_template(
        "issues.html",
        found=found,
        where=where,
        offset=offset,
        newspapers=known,
        previous_url=previous_url,
        next_url=next_url,
    )


@blueprint.get(f"/issues/<int(max={MAX_ROW_ID}):issue_id>")
def issue_page(issue_id: int) -> str:
    with session_scope(services().engine) as session:
        view = issue_view(session=session, issue_id=issue_id)
    view = found(view, "issue", issue_id)
    return render_template(
        "issue.html",
        issue=view.issue,
        articles=view.articles,
        pages=view.pages,
        state=view.state,
        latest_job_id=view.latest_job_id,
    )


@blueprint.get(f"/articles/<int(max={MAX_ROW_ID}):article_id>")
def article_page(article_id: int) -> str:
    with session_scope(services().engine) as session:
        article = found(session.get(Article, article_id), "article", article_id)
        issue = issue_metadata(session=session, issue_id=article.issue_id)
        neighbours = article_neighbours(session=session, article=article)
    return render_template(
        "article.html",
        article=article,
        issue=issue,
        previous=neighbours.previous,
        next=neighbours.next,
        previous_id=neighbours.previous.id if neighbours.previous else None,
        next_id=neighbours.next.id if neighbours.next else None,
    )
