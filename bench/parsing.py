"""How well the parser splits simulated pages: the scorer's metrics averaged over many pages.

    python -m bench.parsing [--first-seed 30000] [--pages 240] [--articles FILE.jsonl]

Pages are laid out by the test suite's simulator (tests/support/page_simulator.py) from real
articles — the fixtures' by default, or any JSON Lines file of articles in the corpus format —
with random column widths, title positions, bylines, spaced-out lines, photos, furniture and
continuations, and scored with tests/support/score.py against what the simulator laid out.
Odd seeds make two-page documents. It prints figures, never asserts them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from shared.parsing import parse_text  # noqa: E402
from tests.support.page_simulator import PageSimulator, load_sample_articles  # noqa: E402
from tests.support.score import score  # noqa: E402

METRICS = (
    "seg_f1", "titles", "headline", "reporters", "correspondents", "paragraphs", "kind", "text",
)


def average_scores(
    articles: list[dict[str, Any]], first_seed: int, pages: int
) -> tuple[dict[str, float], float]:
    """The metrics averaged over ``pages`` simulated documents, and parse ms per document."""
    totals = dict.fromkeys(METRICS, 0.0)
    parsing = 0.0
    for seed in range(first_seed, first_seed + pages):
        document = PageSimulator(articles, seed).document(pages=1 + seed % 2)
        started = time.perf_counter()
        parsed = parse_text(document.text)
        parsing += time.perf_counter() - started
        result = score(document.gold, {"articles": [a.to_dict() for a in parsed.articles]})
        for metric in METRICS:
            totals[metric] += result[metric]
    return {m: total / pages for m, total in totals.items()}, parsing / pages * 1000


def read_articles(path: Path | None) -> list[dict[str, Any]]:
    """The articles of a JSON Lines file in the corpus format, or the fixtures' sample."""
    if path is None:
        return load_sample_articles()
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def report(figures: dict[str, float], ms: float, heading: str, as_json: bool) -> None:
    """Print the averaged metrics and the parse time, as JSON or as a short table."""
    if as_json:
        print(json.dumps({**figures, "parse_ms_per_document": ms}))
        return
    print(heading)
    for metric in METRICS:
        print(f"  {metric:<15} {figures[metric]:.4f}")
    print(f"  parsing         {ms:.1f} ms a document")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first-seed", type=int, default=30000)
    parser.add_argument("--pages", type=int, default=240)
    parser.add_argument("--articles", type=Path, help="JSON Lines of articles (corpus format)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    articles = read_articles(args.articles)
    figures, ms = average_scores(articles, args.first_seed, args.pages)
    heading = (
        f"{args.pages} simulated documents from {len(articles)} articles, "
        f"seeds {args.first_seed}–{args.first_seed + args.pages - 1}"
    )
    report(figures, ms, heading, args.json)


if __name__ == "__main__":
    main()
