"""Done-when: the reference page's eight articles, typeset as a three-page PDF with titles in
larger type over 2–4 columns, come back through ``baokan parse`` equal to the gold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from shared.pdf.document import parse_pdf
from tests.support.pdf_typesetter import REFERENCE_ISSUE_PAGES, reference_issue
from tests.support.score import score

BAOKAN = str(Path(sys.executable).parent / "baokan")
METRICS = [
    "seg_f1", "titles", "headline", "reporters", "correspondents", "paragraphs", "kind", "text",
]


@pytest.fixture(scope="module")
def issue_pdf(reference_gold: dict[str, Any]) -> bytes:
    return reference_issue(reference_gold)


@pytest.fixture(scope="module")
def parsed(issue_pdf: bytes, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    path = tmp_path_factory.mktemp("pdf") / "liaocheng-p2.pdf"
    path.write_bytes(issue_pdf)
    result = subprocess.run(
        [BAOKAN, "parse", "--no-keywords", str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    articles: list[dict[str, Any]] = json.loads(result.stdout)["articles"]
    return articles


@pytest.mark.parametrize("metric", METRICS)
def test_every_score_is_perfect(
    parsed: list[dict[str, Any]], reference_gold: dict[str, Any], metric: str
) -> None:
    metrics = score(reference_gold, {"articles": parsed})
    assert (metrics["gold"], metrics["pred"], metrics["matched"]) == (8, 8, 8)
    assert metrics[metric] == 1.0, metrics


def test_the_fields_equal_the_gold_in_page_order(
    parsed: list[dict[str, Any]], reference_gold: dict[str, Any]
) -> None:
    for article, gold in zip(parsed, reference_gold["articles"], strict=True):
        for field in ("kind", "headline", "kicker", "subtitle", "dateline", "paragraphs"):
            assert article[field] == gold[field], (field, gold["headline"])
        assert article["reporters"] == gold["reporters"]
        assert article["correspondents"] == gold["correspondents"]


def test_the_main_headline_is_told_from_the_kicker_by_size(parsed: list[dict[str, Any]]) -> None:
    # The first article's kicker and headline are both 18 characters wide: their text cannot
    # tell which is the main title, their type sizes (13 pt over 20 pt) can.
    first = parsed[0]
    assert first["kicker"] == "全市统一战线服务强市建设“五大行动”"
    assert first["headline"] == "我市构建“五大行动”高效运转工作体系"
    fifth = parsed[4]
    assert fifth["kicker"] == "上半年抽检280批次，合格率100%"
    assert fifth["headline"] == "我市加强畜产品质量安全监管"


def test_pages_and_the_article_continued_across_pages(
    issue_pdf: bytes, parsed: list[dict[str, Any]], reference_gold: dict[str, Any]
) -> None:
    assert [article["page"] for article in parsed] == REFERENCE_ISSUE_PAGES
    second = parsed[1]
    assert (second["continued_to"], second["continued_from"]) == ("下转第2版", "")
    # the paragraph cut by the page break is whole again, the jump title and markers are gone
    assert second["paragraphs"] == reference_gold["articles"][1]["paragraphs"]
    document = parse_pdf(issue_pdf, max_pages=10)
    assert [page.furniture.page_label for page in document.pages] == ["第1版", "第2版", "第3版"]
    assert document.pages[0].furniture.editors == ["张三", "李四"]
    assert document.articles[5].byline == "■本报记者 许金松"


def test_baokan_ingest_stores_a_pdf_issue(issue_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "issue.pdf"
    path.write_bytes(issue_pdf)
    env = {**os.environ, "BAOKAN_DATABASE_URL": f"sqlite:///{tmp_path / 'ingest.db'}"}
    result = subprocess.run(
        [BAOKAN, "ingest", str(path)], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 articles" in result.stdout


def test_baokan_parse_explain_shows_the_layout(issue_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "issue.pdf"
    path.write_bytes(issue_pdf)
    result = subprocess.run(
        [BAOKAN, "parse", "--explain", str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "=== page 3" in result.stdout
    assert "[title] set larger than the text type" in result.stdout
    assert " 20.0pt " in result.stdout
