"""The application factory."""

from __future__ import annotations

from dataclasses import dataclass

import redis
from flask import Flask, Response, current_app
from sqlalchemy import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from shared.db import get_engine
from shared.queue import CeleryJobQueue, JobQueue
from shared.settings import Settings

# Multipart framing and the form's other fields ride on top of the file itself.
_FORM_OVERHEAD_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Services:
    settings: Settings
    engine: Engine
    queue: JobQueue
    redis: redis.Redis[bytes]


def services() -> Services:
    found: Services = current_app.extensions["baokan"]
    return found


def create_app(settings: Settings | None = None, queue: JobQueue | None = None) -> Flask:
    from web import api, csrf, errors, export, openapi, pages, search

    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_upload_bytes + _FORM_OVERHEAD_BYTES
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["baokan"] = Services(
        settings=settings,
        engine=get_engine(settings.database_url),
        queue=queue or CeleryJobQueue(settings),
        redis=redis.Redis.from_url(
            settings.redis_url, socket_connect_timeout=2, socket_timeout=2
        ),
    )
    app.register_blueprint(api.blueprint)
    app.register_blueprint(export.blueprint)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(search.blueprint)
    app.register_blueprint(openapi.blueprint)
    errors.register(app)
    csrf.register(app)

    if settings.trusted_proxies:
        # Behind reverse proxies the peer is the nearest proxy: the client (whom the upload
        # rate limit counts) is the address the outermost trusted proxy saw.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=settings.trusted_proxies, x_proto=settings.trusted_proxies
        )

    @app.after_request
    def _no_sniffing(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    return app
