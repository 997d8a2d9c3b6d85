"""Real articles (tests/fixtures/pdf-articles.jsonl, from the shared corpus) in varied layouts:
2–4 columns, stacked titles in three sizes, modules side by side, several pages.  Every field
must come back exactly."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from shared.parsing import ParsedArticle
from shared.pdf.document import parse_pdf
from tests.support.env import FIXTURES
from tests.support.pdf_typesetter import Module, Story, story_from_corpus, typeset

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
        # a title narrower than its module (its first column sticks out from under it) beside
        # a module whose title runs over two lines, so no gap runs across the whole page
        [[Module(s[8], columns=4), Module(s[9], columns=3)]],
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
    assert [a.page for a in articles] == [1, 1, 1, 2, 2, 2, 3, 3, 4, 4]


@pytest.mark.parametrize("index", range(len(ROWS)), ids=[row["id"] for row in ROWS])
def test_each_article_exactly(articles: list[ParsedArticle], index: int) -> None:
    assert _fields(articles[index]) == _expected(ROWS[index])


def test_two_full_width_headlines_side_by_side_stay_two_articles() -> None:
    # Each headline fills its module, so the two are barely more than one em apart on one
    # baseline: only the wider gutter between the modules below tells them apart.
    left = Story(
        headline="全市统一战线服务强市建设取得新的进展1",
        paragraphs=["本报讯 左边文章的第一段。" * 6, "左边文章的第二段写在这里。" * 5],
    )
    right = Story(
        headline="东昌府区招商引资跑出加速度项目再签约2",
        paragraphs=["本报讯 右边文章的第一段。" * 6, "右边文章的第二段写在这里。" * 5],
    )
    document = parse_pdf(
        typeset([[[Module(left, columns=2), Module(right, columns=2)]]]), max_pages=1
    )
    assert [(a.headline, a.paragraphs) for a in document.articles] == [
        (left.headline, [p.removeprefix("本报讯 ") for p in left.paragraphs]),
        (right.headline, [p.removeprefix("本报讯 ") for p in right.paragraphs]),
    ]
