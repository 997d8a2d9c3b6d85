"""CSRF protection for the HTML form: a double-submit token.

The page carries a random token both in a ``SameSite=Strict`` cookie and in a hidden form field;
a cross-site page can send the form but can neither read nor set our cookie, so the two match
only for forms this site served. The JSON API is exempt: it is guarded by the API token.
"""

from __future__ import annotations

import hmac
import secrets

from flask import Flask, Response, g, request

from web.errors import ApiError

COOKIE = "baokan_csrf"
FIELD = "csrf_token"


def csrf_token() -> str:
    """The token for the form being rendered (the visitor's, or a new one)."""
    token: str | None = g.get("csrf_token")
    if token is None:
        cookie = request.cookies.get(COOKIE, "")
        token = cookie if len(cookie) >= 32 else secrets.token_urlsafe(32)
        g.csrf_token = token
    return token


def require_csrf() -> None:
    cookie = request.cookies.get(COOKIE, "")
    sent = request.form.get(FIELD, "")
    if not cookie or not sent or not hmac.compare_digest(cookie, sent):
        raise ApiError(
            400,
            "csrf_failed",
            "the form had expired or was not sent from this site: reload the page and try again",
        )


def register(app: Flask) -> None:
    app.jinja_env.globals["csrf_token"] = csrf_token

    @app.after_request
    def _set_cookie(response: Response) -> Response:
        token = g.get("csrf_token")
        if token and request.cookies.get(COOKIE) != token:
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
        return response
