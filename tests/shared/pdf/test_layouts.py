"""Real articles in varied layouts: 2–4 columns, stacked titles in three sizes, modules side
by side, several pages.  Every field must come back exactly."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from shared.parsing import ParsedArticle
from shared.pdf import parse_pdf
from tests.support.env import FIXTURES
from tests.support.pdf_typesetter import Module, story_from_corpus, typeset

ROWS = [
    json.loads(line)
    for line in (FIXTURES / "pdf-articles.jsonl").read_text(encoding="utf-8").splitlines()
]


@pytest.fixture(scope="module")
def articles() -> list[ParsedArticle]:
    s = [story_from_corpus(row) for row in ROWS]
    big = (12.0, 24.0, 15.0)
    pages = [
        [
            [Module(s[0], columns=4, sizes=big)],
            [Module(s[1], columns=2), Module(s[2], columns=3, share=1.5)],
        ],
        [
            [Module(s[3], columns=3), Module(s[4], columns=2)],
            [Module(s[5], columns=4, sizes=(14.0, 18.0, 14.0))],
        ],
        [[Module(s[6], columns=2), Module(s[7], columns=2)]],
    ]
    return parse_pdf(typeset(pages), max_pages=10).articles


def _expected(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "kicker": row["kicker"],
        "headline": row["title"],
        "subtitle": row["subtitle"],
        "reporters": row["reporters"],
        "correspondents": row["correspondents"],
        # a run of spaces prints as one gap, and one gap reads as one space
        "paragraphs": [re.sub(" {2,}", " ", p) for p in row["paragraphs"]],
    }


def _fields(article: ParsedArticle) -> dict[str, Any]:
    return {
        "kicker": article.kicker,
        "headline": article.headline,
        "subtitle": article.subtitle,
        "reporters": article.reporters,
        "correspondents": article.correspondents,
        "paragraphs": article.paragraphs,
    }


def test_every_article_comes_back_once_in_page_order(articles: list[ParsedArticle]) -> None:
    assert [a.headline for a in articles] == [row["title"] for row in ROWS]
    assert [a.page for a in articles] == [1, 1, 1, 2, 2, 2, 3, 3]


@pytest.mark.parametrize("index", range(len(ROWS)), ids=[row["id"] for row in ROWS])
def test_each_article_exactly(articles: list[ParsedArticle], index: int) -> None:
    assert _fields(articles[index]) == _expected(ROWS[index])
