"""Pages typeset from corpus articles and extracted by pdftotext, plain and in layout mode, and
by PyMuPDF (saved text, so neither reportlab nor an extractor is needed here): the parser
keeps at least the figures reached.

The pages are bench/extracted.py's (see tests/fixtures/extracted/README.md); pdftotext sets
no blank line between a title and its body or between paragraphs, reads titles of modules
side by side as one run, and puts the page-bottom editor line in mid-text.  The floors sit
a little under the scores reached, to catch a regression, not to pin the output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from shared.parsing import parse_text
from tests.support.score import score

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "extracted"

# seed: floors for (seg_f1, titles, paragraphs, text)
FLOORS: dict[int, tuple[float, float, float, float]] = {
    400000: (0.95, 0.95, 0.80, 0.95),
    400003: (0.95, 0.88, 0.88, 0.95),
    400006: (0.83, 0.83, 0.83, 0.83),
    400007: (0.98, 0.98, 0.98, 0.98),
}


# The same issues extracted in layout mode (pdftotext -layout), read back column by column
LAYOUT_FLOORS: dict[int, tuple[float, float, float, float]] = {
    400000: (0.95, 0.95, 0.95, 0.95),
    400003: (0.95, 0.95, 0.95, 0.95),
    400006: (0.95, 0.95, 0.95, 0.95),
    400007: (0.95, 0.95, 0.95, 0.95),
}

# The same issues extracted by PyMuPDF (page.get_text(): the order the PDF draws the text,
# titles before their bodies, no blank line anywhere)
STREAM_FLOORS: dict[int, tuple[float, float, float, float]] = {
    400000: (0.95, 0.95, 0.80, 0.95),
    400003: (0.95, 0.95, 0.95, 0.95),
    400006: (0.74, 0.69, 0.69, 0.69),
    400007: (0.98, 0.98, 0.98, 0.98),
}


def _score(seed: int, *, prefix: str = "") -> dict[str, Any]:
    text = (PAGES / f"{prefix}seed-{seed}.txt").read_text(encoding="utf-8")
    gold = json.loads((PAGES / f"seed-{seed}.gold.json").read_text(encoding="utf-8"))
    return score(gold, {"articles": [a.to_dict() for a in parse_text(text).articles]})


# the file name's prefix for each extraction, and its floors
EXTRACTIONS = {"pdftotext": ("", FLOORS), "layout": ("layout-", LAYOUT_FLOORS),
               "pymupdf": ("stream-", STREAM_FLOORS)}


@pytest.mark.parametrize(
    ("extraction", "seed"),
    [(name, seed) for name, (_, floors) in EXTRACTIONS.items() for seed in sorted(floors)],
)
def test_an_extracted_page_keeps_its_figures(extraction: str, seed: int) -> None:
    prefix, floors = EXTRACTIONS[extraction]
    result = _score(seed, prefix=prefix)
    figures = tuple(result[m] for m in ("seg_f1", "titles", "paragraphs", "text"))
    assert all(
        got >= floor for got, floor in zip(figures, floors[seed], strict=True)
    ), f"{extraction} seed {seed}: {figures} under {floors[seed]}"


def test_the_editor_line_in_mid_text_is_page_furniture() -> None:
    # pdftotext reads the page-bottom editor line where its height falls among the columns
    text = (PAGES / "seed-400007.txt").read_text(encoding="utf-8")
    parsed = parse_text(text)
    assert "张三" in parsed.pages[0].furniture.editors
    assert all("责任编辑" not in "".join(a.paragraphs) for a in parsed.articles)
