"""The JSON API."""

from __future__ import annotations

import hmac
from typing import Any

import redis
from flask import Blueprint, Response, jsonify, request, url_for
from sqlalchemy import text

from shared.browse import issue_metadata, issue_pages
from shared.db import session_scope
from shared.jobs import article_ids
from shared.metrics import render_metrics
from shared.models import MAX_ROW_ID, Article, Job
from web.app import services
from web.errors import ApiError, found
from web.ratelimit import check_upload_rate
from web.receive import receive_uploads
from web.retry import retry_failed_job

blueprint = Blueprint("api", __name__)


def job_status_url(job_id: str) -> str:
    return url_for("api.get_job", job_id=job_id)


def require_api_token() -> None:
    """When ``BAOKAN_API_TOKEN`` is set, API uploads must carry it as a bearer token."""
    expected = services().settings.api_token
    if not expected:
        return
    sent = request.headers.get("Authorization", "")
    scheme, _, token = sent.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip(), expected):
        raise ApiError(
            401, "unauthorized", "this API needs the header 'Authorization: Bearer <token>'"
        )


@blueprint.post("/api/issues")
def upload_issues() -> tuple[Response, int]:
    require_api_token()
    check_upload_rate()
    jobs = receive_uploads(request)
    body = {
        "jobs": [
            {"id": job.id, "filename": job.filename, "status_url": job_status_url(job.id)}
            for job in jobs
        ]
    }
    return jsonify(body), 202


@blueprint.get("/api/jobs/<job_id>")
def get_job(job_id: str) -> Response:
    with session_scope(services().engine) as session:
        job = found(session.get(Job, job_id), "job", job_id)
        ids = article_ids(session, job.issue_id) if job.state == "succeeded" else []
        return jsonify(job.public(ids, job_status_url(job.id)))


@blueprint.post("/api/jobs/<job_id>/retry")
def retry_job(job_id: str) -> tuple[Response, int]:
    """Re-queue a failed job: 202 with the job as ``GET /api/jobs/<id>`` shows it."""
    require_api_token()
    job = retry_failed_job(job_id)
    return jsonify(job.public([], job_status_url(job.id))), 202


@blueprint.get(f"/api/articles/<int(max={MAX_ROW_ID}):article_id>")
def get_article(article_id: int) -> Response:
    with session_scope(services().engine) as session:
        article = found(session.get(Article, article_id), "article", article_id)
        return jsonify(article.public())


@blueprint.get(f"/api/issues/<int(max={MAX_ROW_ID}):issue_id>")
def get_issue(issue_id: int) -> Response:
    with session_scope(services().engine) as session:
        issue = found(issue_metadata(session=session, issue_id=issue_id), "issue", issue_id)
        pages = issue_pages(session=session, issue_id=issue_id)
        return jsonify(issue.public(article_ids(session, issue_id), pages))


@blueprint.get("/metrics")
def metrics() -> Response:
    with session_scope(services().engine) as session:
        text = render_metrics(
            session=session, client=services().redis, queue_name=services().settings.queue_name
        )
    return Response(text, mimetype="text/plain; version=0.0.4")


@blueprint.get("/healthz")
def healthz() -> Response:
    return jsonify({"status": "ok"})


@blueprint.get("/readyz")
def readyz() -> tuple[Response, int]:
    checks: dict[str, Any] = {}
    try:
        with services().engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
    client = redis.Redis.from_url(
        services().settings.redis_url, socket_connect_timeout=2, socket_timeout=2
    )
    try:
        client.ping()
        checks["redis"] = "ok"
    except redis.RedisError as exc:
        checks["redis"] = f"unreachable: {type(exc).__name__}"
    finally:
        client.close()
    ready = all(value == "ok" for value in checks.values())
    if not ready:
        failing = ", ".join(f"{name} {state}" for name, state in checks.items() if state != "ok")
        return jsonify(
            {"status": "unavailable", "checks": checks,
             "error": {"code": "not_ready", "message": failing}}
        ), 503
    return jsonify({"status": "ready", "checks": checks}), 200
