"""The parser on pages of the fixture articles laid out a paragraph a line, as digital
archive exports and web copies give them (tests/support/unwrapped_pages.py): three
articles a page, paragraphs set apart by the ``　　`` indent, a blank line or nothing,
with the dateline or a byline line opening the body, titles over or under it."""

from __future__ import annotations

import statistics
from typing import Any

import pytest

from shared.parsing import parse_text
from tests.support.page_simulator import load_sample_articles
from tests.support.score import score
from tests.support.unwrapped_pages import STYLES, Style, unwrapped_pages

METRICS = ("seg_f1", "titles", "headline", "reporters", "paragraphs", "text")
# Measured (deterministic).  The rules were developed on the corpus articles 0–59
# (the reference kit's corpus/articles.jsonl); the fixtures hold 21 of those and 19 of the others.
# The misses left are all one article of the other half: its question headline standing
# alone (``商圈如何接住世界杯流量？``) is read as a one-line paragraph, and with titles under
# their body its text then joins the next article's.
# The question headline read as a paragraph costs a title when titles stand over their body,
# and the whole article (its text joins the next one's) when they stand under it.
_TITLES_OVER_FLOORS = {
    "seg_f1": 1.0,
    "titles": 0.928,
    "headline": 0.928,
    "reporters": 1.0,
    "paragraphs": 0.976,
    "text": 0.999,
}
_TITLES_UNDER_FLOORS = dict.fromkeys(METRICS, 0.952) | {"seg_f1": 0.957}
FLOORS: dict[tuple[Style, str], dict[str, float]] = {
    ("indent", "titles over"): dict.fromkeys(METRICS, 1.0),
    ("indent", "byline line"): dict.fromkeys(METRICS, 1.0),
    ("indent", "titles under"): dict.fromkeys(METRICS, 1.0),
    **{
        (style, layout): floors
        for style in ("blank", "plain")
        for layout, floors in (
            ("titles over", _TITLES_OVER_FLOORS),
            ("byline line", _TITLES_OVER_FLOORS),
            ("titles under", _TITLES_UNDER_FLOORS),
        )
    },
}
LAYOUTS = {
    "titles over": {"byline_line": False, "titles_after": False},
    "byline line": {"byline_line": True, "titles_after": False},
    "titles under": {"byline_line": False, "titles_after": True},
}


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    return load_sample_articles()


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("style", STYLES)
def test_unwrapped_pages_reach_their_floors(
    articles: list[dict[str, Any]], style: Style, layout: str
) -> None:
    results = [
        score(gold, {"articles": [a.to_dict() for a in parse_text(text).articles]})
        for text, gold in unwrapped_pages(articles, style, 3, **LAYOUTS[layout])
    ]
    measured = {metric: statistics.mean(r[metric] for r in results) for metric in METRICS}
    floors = FLOORS[(style, layout)]
    assert {m: round(v, 3) for m, v in measured.items() if v < floors[m]} == {}


def test_every_character_of_an_unwrapped_page_is_kept(articles: list[dict[str, Any]]) -> None:
    """Each character of the page's text lines is somewhere in the parse (titles, datelines,
    bylines, paragraphs), whatever the parse made of it; only layout (whitespace) and the
    dashes opening a subtitle go."""
    for style in STYLES:
        for text, _ in unwrapped_pages(articles, style, 3, byline_line=True):
            document = parse_text(text)
            parsed = "".join(
                a.kicker + a.headline + a.subtitle + a.dateline + a.byline + "".join(a.paragraphs)
                for a in document.articles
            )
            expected = sorted(c for c in text if not c.isspace() and c != "—")
            assert sorted(c for c in parsed if not c.isspace() and c != "—") == expected
