"""Search: the JSON API (``/api/search``) and the results page (``/search``).

The views read and check the parameters, then leave the search to :mod:`shared.search.query`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request, url_for
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from shared.db import session_scope
from shared.search.query import DEFAULT_LIMIT, MAX_LIMIT, InvalidSearch, SearchPage, search
from shared.segmenter import load_jieba
from web.app import services
from web.errors import ApiError

blueprint = Blueprint("search", __name__)


@dataclass(frozen=True)
class SearchRequest:
    query: str
    newspaper: str | None
    date_from: date | None
    date_to: date | None
    limit: int
    offset: int

    def args(self, **changes: Any) -> dict[str, Any]:
        """The query-string arguments of this search, with ``changes`` (for paging links)."""
        args: dict[str, Any] = {
            "q": self.query,
            "newspaper": self.newspaper,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "limit": self.limit if self.limit != DEFAULT_LIMIT else None,
            "offset": self.offset or None,
        }
        args.update(changes)
        return {name: value for name, value in args.items() if value}


def _bad(code: str, message: str) -> ApiError:
    return ApiError(400, code, message)


def _date(args: MultiDict[str, str], name: str) -> date | None:
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise _bad("bad_date", f"{name} must be a date as YYYY-MM-DD, not {raw!r}") from None


def _int(args: MultiDict[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        raise _bad(f"bad_{name}", f"{name} must be a whole number from {low} to {high}")
    return int(raw)


def read_request(args: MultiDict[str, str], *, query_required: bool) -> SearchRequest:
    query = args.get("q", "").strip()
    if not query and query_required:
        raise _bad("missing_query", "say what to search for with q=…")
    date_from, date_to = _date(args, "from"), _date(args, "to")
    if date_from and date_to and date_from > date_to:
        raise _bad("bad_date_range", "from must not be after to")
    return SearchRequest(
        query=query,
        newspaper=args.get("newspaper", "").strip() or None,
        date_from=date_from,
        date_to=date_to,
        limit=_int(args, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
        offset=_int(args, "offset", 0, 0, 10**9),
    )


def run_search(wanted: SearchRequest) -> SearchPage:
    settings = services().settings
    load_jieba(settings.jieba_userdicts)  # once per process; the query is segmented as articles
    try:
        with session_scope(services().engine) as session:
            return search(
                session=session,
                query=wanted.query,
                newspaper=wanted.newspaper,
                date_from=wanted.date_from,
                date_to=wanted.date_to,
                limit=wanted.limit,
                offset=wanted.offset,
            )
    except InvalidSearch as exc:
        raise _bad(exc.code, exc.message) from exc


@blueprint.get("/api/search")
def api_search() -> Response:
    return jsonify(run_search(read_request(request.args, query_required=True)).public())


@blueprint.get("/search")
def search_page() -> str:
    wanted = read_request(request.args, query_required=False)
    page = run_search(wanted) if wanted.query else None
    previous_url = next_url = None
    if page is not None and wanted.offset > 0:
        previous_url = url_for(
            "search.search_page", **wanted.args(offset=max(0, wanted.offset - wanted.limit))
        )
    if page is not None and wanted.offset + wanted.limit < page.total:
        next_url = url_for("search.search_page", **wanted.args(offset=wanted.offset + wanted.limit))
    return render_template(
        "search.html",
        wanted=wanted,
        page=page,
        # The snippets are escaped by shared.search.snippet except for their <mark> elements.
        snippets={hit.article_id: Markup(hit.snippet) for hit in page.results} if page else {},
        previous_url=previous_url,
        next_url=next_url,
    )
