"""The reference page (a real page's text layer) scored against its hand-checked gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from shared.parsing import parse_bytes, parse_text
from tests.support.score import score

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module")
def metrics() -> dict[str, Any]:
    data = (FIXTURES / "seed-liaocheng-p2.txt").read_bytes()
    gold = json.loads((FIXTURES / "seed-liaocheng-p2.gold.json").read_text(encoding="utf-8"))
    document = parse_bytes(data)
    result: dict[str, Any] = score(gold, {"articles": [a.to_dict() for a in document.articles]})
    return result


@pytest.mark.parametrize(
    "metric",
    ["seg_f1", "titles", "headline", "reporters", "correspondents", "paragraphs", "kind", "text"],
)
def test_reference_page_metric_is_perfect(metrics: dict[str, Any], metric: str) -> None:
    assert metrics[metric] == 1.0, metrics


def test_reference_page_article_count(metrics: dict[str, Any]) -> None:
    assert (metrics["gold"], metrics["pred"], metrics["matched"]) == (8, 8, 8)


def test_reference_page_fields() -> None:
    text = (FIXTURES / "seed-liaocheng-p2.txt").read_text(encoding="utf-8")
    articles = parse_text(text).articles
    assert [a.page for a in articles] == [1] * 8
    assert articles[0].dateline == "本报讯"
    assert articles[0].byline == "（记者 朱海波）"
    assert articles[1].dateline == ""
    assert articles[1].subtitle == "茌平区构建“馆家站堂”四位一体廉洁文化阵地体系"
    photo = articles[5]
    assert photo.kind == "photo"
    assert photo.reporters == ["许金松"]
    assert photo.paragraphs[0].endswith("实现了企业战略性转型升级。")
    assert "“马周故里 清廉茌平”" in articles[1].paragraphs[1]
    assert "以H5动画形式" in articles[1].paragraphs[6]
