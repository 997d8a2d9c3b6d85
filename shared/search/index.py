"""Keeping the search index: an article's search document, and rebuilding them all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from shared.analysis import ArticleAnalysis, analyse_article
from shared.models import Article, SearchDocument
from shared.search.terms import MAX_TERMS, join_terms


def search_document_values(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The columns of an analysed article's search document, but its ``article_id``."""
    terms = analysis.terms[:MAX_TERMS]
    return {
        "terms": join_terms(terms),
        "term_count": len(terms),
        "title_term_count": min(analysis.title_term_count, len(terms)),
    }


def search_document(analysis: ArticleAnalysis) -> SearchDocument:
    """The search document of an analysed article (its ``article_id`` is set on flush)."""
    return SearchDocument(**search_document_values(analysis))


def analyse_row(article: Article, *, keyword_limit: int) -> ArticleAnalysis:
    """Analyse a stored article again, exactly as its parsed form was analysed."""
    return analyse_article(
        title_parts=[article.kicker, article.headline, article.subtitle],
        paragraphs=article.paragraphs,
        exclude=[*article.reporters, *article.correspondents],
        keyword_limit=keyword_limit,
    )


def article_ids_to_index(*, session: Session) -> list[int]:
    """Every article's id, in order: what ``baokan reindex`` walks through."""
    return [
        article_id
        for article_id in session.exec(select(Article.id).order_by(col(Article.id)))
        if article_id is not None
    ]


def reindex_articles(*, session: Session, article_ids: Sequence[int], keyword_limit: int) -> int:
    """Analyse the given articles again (after a dictionary change, say) and re-index them.

    Keywords, entities and search documents are replaced in the caller's transaction. Returns
    how many articles were re-indexed.
    """
    articles = session.exec(select(Article).where(col(Article.id).in_(list(article_ids)))).all()
    for article in articles:
        analysis = analyse_row(article, keyword_limit=keyword_limit)
        article.keywords = analysis.keywords
        article.people = analysis.people
        article.places = analysis.places
        article.organisations = analysis.organisations
        fresh = search_document(analysis)
        existing = article.search_document
        if existing is None:
            article.search_document = fresh
        else:
            existing.terms = fresh.terms
            existing.term_count = fresh.term_count
            existing.title_term_count = fresh.title_term_count
        session.add(article)
    session.flush()
    return len(articles)
