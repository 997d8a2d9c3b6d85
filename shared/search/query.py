"""Answering a search: the database's full-text engine finds the articles, one score ranks them.

Matching: the query is segmented with the same jieba segmentation and term form as the articles
(:func:`parse_query`). Every word must occur in an article; a quoted part ("…" or “…”) must occur
as that exact phrase (consecutive words). The database's own full-text engine decides which
articles match: SQLite FTS5 (``MATCH '"w1 w2" AND "w3"'``) or PostgreSQL
(``to_tsvector('simple', terms) @@ phraseto_tsquery('simple', 'w1 w2') && …``, using the GIN
index). The term form (:mod:`shared.search.terms`) makes both engines see exactly the same
tokens at the same positions, so both find the same articles.

Ranking — identical on both databases by construction: the engines' own ranking functions
(FTS5 ``bm25()``, PostgreSQL ``ts_rank``) are different formulas and would order results
differently, so neither is used. The score is BM25, computed here in Python from inputs both
databases give identically: the matching articles' stored terms and counts, and integer corpus
statistics (number of documents, total terms, per-word document frequency counted by the same
full-text match). Words found in the title (kicker, headline, subtitle) add a bonus. Scores are
rounded to 6 decimals, and equal scores are ordered by article id, ascending. The cost grows with
the number of matching articles (their terms are read to count occurrences); fine for an
archive's searches for Chinese words, and the place to add a cap if very common words matter.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, text
from sqlmodel import Session, col, select

from shared.models import Article, Issue, SearchDocument
from shared.search.schema import POSTGRES_TSVECTOR, SQLITE_FTS_TABLE
from shared.search.snippet import make_snippet
from shared.search.terms import split_terms
from shared.segmenter import segment

MAX_QUERY_CHARS = 200
MAX_UNITS = 16
MAX_LIMIT = 100
DEFAULT_LIMIT = 20

K1 = 1.2
B = 0.75
TITLE_BONUS = 0.5  # times the word's idf, when the word (or phrase) is in the title
SCORE_DECIMALS = 6

_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」')

Unit = tuple[str, ...]  # one word, or the words of a phrase


class InvalidSearch(ValueError):
    """The search cannot be run as asked; ``code`` is stable and machine-readable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    headline: str
    kicker: str
    issue_id: int
    issue_date: date | None
    newspaper: str | None
    snippet: str  # HTML: escaped text with <mark> around the matched words
    score: float

    def public(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "headline": self.headline,
            "kicker": self.kicker,
            "issue_id": self.issue_id,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "newspaper": self.newspaper,
            "snippet": self.snippet,
            "score": self.score,
        }


@dataclass(frozen=True)
class SearchPage:
    total: int
    results: list[SearchHit]
    units: list[Unit]

    def public(self) -> dict[str, Any]:
        return {"total": self.total, "results": [hit.public() for hit in self.results]}


def _query_terms(text_part: str) -> list[str]:
    return [term for word, _ in segment(text_part) for term in split_terms(word)]


def parse_query(query: str) -> list[Unit]:
    """The words and phrases of a query, segmented as the articles were, each once, in order."""
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidSearch(
            "query_too_long", f"the query is longer than {MAX_QUERY_CHARS} characters"
        )
    units: list[Unit] = []
    cursor = 0
    pieces: list[tuple[str, bool]] = []
    for match in _QUOTED.finditer(query):
        pieces.append((query[cursor : match.start()], False))
        pieces.append((next(group for group in match.groups() if group is not None), True))
        cursor = match.end()
    pieces.append((query[cursor:], False))
    for piece, quoted in pieces:
        piece = piece.replace('"', " ")  # an unbalanced quote is only a separator
        if not piece.strip():
            continue
        terms = _query_terms(piece)
        found = [tuple(terms)] if quoted and terms else [(term,) for term in terms]
        units.extend(unit for unit in found if unit not in units)
    if len(units) > MAX_UNITS:
        raise InvalidSearch("query_too_long", f"the query has more than {MAX_UNITS} words")
    return units


def _match_clause(dialect: str, units: Sequence[Unit]) -> ColumnElement[bool]:
    """The full-text condition on ``search_documents``: every unit occurs (phrases in order)."""
    if dialect == "sqlite":
        fts_query = " AND ".join('"' + " ".join(unit).replace('"', '""') + '"' for unit in units)
        return text(
            f"search_documents.article_id IN "
            f"(SELECT rowid FROM {SQLITE_FTS_TABLE} WHERE {SQLITE_FTS_TABLE} MATCH :fts_query)"
        ).bindparams(fts_query=fts_query)  # type: ignore[return-value]
    if dialect == "postgresql":
        names = [f"unit_{index}" for index in range(len(units))]
        tsquery = " && ".join(f"phraseto_tsquery('simple', :{name})" for name in names)
        return text(f"{POSTGRES_TSVECTOR} @@ ({tsquery})").bindparams(  # type: ignore[return-value]
            **{name: " ".join(unit) for name, unit in zip(names, units, strict=True)}
        )
    raise InvalidSearch("unsupported_database", f"full-text search does not support {dialect}")


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _occurrences(terms: Sequence[str], unit: Unit, start: int, end: int) -> int:
    size = len(unit)
    first = unit[0]
    return sum(
        1
        for index in range(start, end - size + 1)
        if terms[index] == first and tuple(terms[index : index + size]) == unit
    )


def bm25(
    *,
    terms: Sequence[str],
    title_term_count: int,
    units: Sequence[Unit],
    idf: Sequence[float],
    average_length: float,
) -> float:
    """The score of one document: BM25 over its terms, plus a bonus per unit in its title."""
    length = len(terms)
    norm = K1 * (1 - B + B * length / average_length) if average_length > 0 else K1
    score = 0.0
    for unit, weight in zip(units, idf, strict=True):
        frequency = _occurrences(terms, unit, 0, length)
        score += weight * frequency * (K1 + 1) / (frequency + norm)
        if _occurrences(terms, unit, 0, title_term_count):
            score += TITLE_BONUS * weight
    return round(score, SCORE_DECIMALS)


def search(
    *,
    session: Session,
    query: str,
    newspaper: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> SearchPage:
    """The page ``offset``…``offset + limit`` of the articles matching ``query``, best first."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidSearch("bad_limit", f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise InvalidSearch("bad_offset", "offset must not be negative")
    if date_from and date_to and date_from > date_to:
        raise InvalidSearch("bad_date_range", "from must not be after to")
    if newspaper is not None and (len(newspaper) > 200 or "\x00" in newspaper):
        raise InvalidSearch("bad_newspaper", "newspaper must be a name of at most 200 characters")
    units = parse_query(query)
    if not units:
        return SearchPage(total=0, results=[], units=[])
    dialect = _dialect(session)
    match = _match_clause(dialect, units)

    documents, total_terms = session.exec(
        select(func.count(), func.coalesce(func.sum(SearchDocument.term_count), 0))
    ).one()
    average_length = total_terms / documents if documents else 0.0
    idf = []
    for unit in units:
        frequency = session.exec(
            select(func.count()).select_from(SearchDocument).where(
                _match_clause(dialect, [unit])
            )
        ).one()
        idf.append(math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5)))

    candidates = select(
        SearchDocument.article_id, SearchDocument.terms, SearchDocument.title_term_count
    ).where(match)
    if newspaper or date_from or date_to:
        candidates = candidates.join(Article, col(Article.id) == SearchDocument.article_id).join(
            Issue, col(Issue.id) == Article.issue_id
        )
        if newspaper:
            candidates = candidates.where(Issue.newspaper == newspaper)
        if date_from:
            candidates = candidates.where(col(Issue.issue_date) >= date_from)
        if date_to:
            candidates = candidates.where(col(Issue.issue_date) <= date_to)
    scored: list[tuple[float, int]] = []
    for article_id, terms, title_term_count in session.exec(candidates):
        assert article_id is not None
        score = bm25(
            terms=terms.split(" ") if terms else [],
            title_term_count=title_term_count,
            units=units,
            idf=idf,
            average_length=average_length,
        )
        scored.append((score, article_id))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    page = scored[offset : offset + limit]
    return SearchPage(total=len(scored), results=_hits(session, page, units), units=units)


def _hits(session: Session, page: list[tuple[float, int]], units: list[Unit]) -> list[SearchHit]:
    if not page:
        return []
    ids = [article_id for _, article_id in page]
    rows = session.exec(
        select(Article, Issue)
        .join(Issue, col(Issue.id) == Article.issue_id)
        .where(col(Article.id).in_(ids))
    ).all()
    found = {article.id: (article, issue) for article, issue in rows}
    hits = []
    for score, article_id in page:
        article, issue = found[article_id]
        hits.append(
            SearchHit(
                article_id=article_id,
                headline=article.headline,
                kicker=article.kicker,
                issue_id=article.issue_id,
                issue_date=issue.issue_date,
                newspaper=issue.newspaper,
                snippet=make_snippet(article.body, units),
                score=score,
            )
        )
    return hits
