"""Every error answered as JSON ``{"error": {"code", "message"}}`` (an HTML page for browsers)."""

from __future__ import annotations

import logging
from typing import TypeVar

from flask import Flask, Response, jsonify, render_template, request
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError

from shared.uploads import UploadRejected

log = logging.getLogger(__name__)
T = TypeVar("T")

_JSON_PATHS = ("/api/", "/healthz", "/readyz")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def headers(self) -> dict[str, str]:
        """Headers the answer must carry (``Retry-After``, ``WWW-Authenticate``)."""
        retry_after = getattr(self, "retry_after", None)
        if retry_after is not None:
            return {"Retry-After": str(retry_after)}
        if self.status == 401:
            return {"WWW-Authenticate": 'Bearer realm="baokan"'}
        return {}


def found(row: T | None, kind: str, key: object) -> T:
    """``row``, or a 404 ``<kind>_not_found`` naming the id that matched nothing."""
    if row is None:
        raise ApiError(404, f"{kind}_not_found", f"no {kind} has the id {key!r}")
    return row


def _wants_json() -> bool:
    if request.path.startswith(_JSON_PATHS):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def error_response(status: int, code: str, message: str) -> tuple[Response | str, int]:
    if _wants_json():
        return jsonify({"error": {"code": code, "message": message}}), status
    return render_template("error.html", status=status, code=code, message=message), status


def _code_of(exc: HTTPException) -> str:
    return (exc.name or "error").lower().replace(" ", "_").replace("'", "")


def register(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError) -> tuple[Response | str, int] | Response:
        body, status = error_response(exc.status, exc.code, exc.message)
        headers = exc.headers()
        if not headers:
            return body, status
        response = app.make_response((body, status))
        response.headers.update(headers)
        return response

    @app.errorhandler(UploadRejected)
    def _rejected(exc: UploadRejected) -> tuple[Response | str, int]:
        return error_response(exc.status, exc.code, exc.message)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> tuple[Response | str, int]:
        status = exc.code or 500
        message = exc.description or exc.name
        if status == 413:
            limit = app.extensions["baokan"].settings.max_upload_bytes
            message = f"the upload is larger than the limit of {limit} bytes"
        return error_response(status, _code_of(exc), message)

    @app.errorhandler(OperationalError)
    def _database_unavailable(exc: OperationalError) -> Response:
        log.warning("database unavailable on %s %s: %s", request.method, request.path, exc)
        body, status = error_response(
            503, "database_unavailable", "the database is not answering; try again shortly"
        )
        response = app.make_response((body, status))
        response.headers["Retry-After"] = "5"
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> tuple[Response | str, int]:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(500, "internal_error", InternalServerError.description)
