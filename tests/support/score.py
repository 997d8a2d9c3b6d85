"""A lint-clean copy of the project's scorer (``shared/tools/score.py``), same logic.

Score a parser's articles against a gold page.  PRED is ``{"articles": [...]}`` or a bare
list; each article has at least headline, paragraphs (list) or body (str); optional kicker,
subtitle, kind, reporters, correspondents.  ``score`` returns one dict of metrics.

usage: python tests/support/score.py GOLD.json PRED.json [--verbose]
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

DATELINE = re.compile(
    r"^\s*(本\s*报\s*讯|本报\S{0,12}?电|(新华社|中新社)\S{0,12}?电)\s*([（(][^）)]*[）)])?\s*"
)

Article = dict[str, Any]


def squash(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def body_of(a: Article) -> list[str]:
    ps = a.get("paragraphs")
    if ps is None:
        ps = [p for p in re.split(r"\n+", a.get("body") or "") if p.strip()]
    ps = [p.strip() for p in ps if p and p.strip()]
    if ps:
        ps[0] = DATELINE.sub("", ps[0])
    return [p for p in ps if p]


def sim(a: str, b: str) -> float:
    if a == b:  # same result as the ratio, without the quadratic matching
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _match_sim(a: str, b: str) -> float:
    """``sim`` when it can reach the 0.9 matching threshold, else an upper bound below it."""
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    bound = matcher.real_quick_ratio()
    if bound >= 0.9:
        bound = matcher.quick_ratio()
    return matcher.ratio() if bound >= 0.9 else bound


def title_parts(a: Article) -> list[str]:
    return [squash(a.get(k)).lstrip("—") for k in ("kicker", "headline", "subtitle")]


def title_ok(p: Article, g: Article) -> bool:
    gp = "".join(title_parts(g))
    parts = title_parts(p)
    return any("".join(perm) == gp for perm in itertools.permutations(parts))


def names(a: Article, key: str) -> list[str]:
    return sorted(squash(x) for x in (a.get(key) or []))


def score(gold: dict[str, Any], pred: Any, verbose: bool = False) -> dict[str, Any]:
    gold_articles: list[Article] = gold["articles"]
    pred_articles: list[Article] = pred["articles"] if isinstance(pred, dict) else pred
    gb = ["".join(squash(p) for p in body_of(a)) for a in gold_articles]
    pb = ["".join(squash(p) for p in body_of(a)) for a in pred_articles]
    # greedy one-to-one matching on body similarity (spaces ignored); pairs whose cheap upper
    # bound is already below the 0.9 threshold can never match, so their exact ratio is skipped
    pairs = sorted(
        ((_match_sim(g, p), i, j) for i, g in enumerate(gb) for j, p in enumerate(pb)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    match: dict[int, int] = {}
    for s, i, j in pairs:
        if s < 0.9 or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        match[i] = j
    n = len(match)
    prec = n / len(pred_articles) if pred_articles else 0.0
    rec = n / len(gold_articles) if gold_articles else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    m = {
        "titles": 0,
        "headline": 0,
        "reporters": 0,
        "correspondents": 0,
        "paragraphs": 0,
        "kind": 0,
    }
    text_sim = []
    for i, j in match.items():
        g, p = gold_articles[i], pred_articles[j]
        m["titles"] += title_ok(p, g)
        m["headline"] += squash(p.get("headline")) == squash(g.get("headline"))
        m["reporters"] += names(p, "reporters") == names(g, "reporters")
        m["correspondents"] += names(p, "correspondents") == names(g, "correspondents")
        m["paragraphs"] += [squash(x) for x in body_of(p)] == [squash(x) for x in body_of(g)]
        m["kind"] += (p.get("kind") or "article") == g.get("kind", "article")
        text_sim.append(sim("\n".join(body_of(g)), "\n".join(body_of(p))))
        if verbose:
            print(
                json.dumps(
                    {
                        "gold": g.get("headline"),
                        "pred": p.get("headline"),
                        "titles": title_ok(p, g),
                        "paras": [len(body_of(g)), len(body_of(p))],
                        "text": round(text_sim[-1], 4),
                    },
                    ensure_ascii=False,
                ),
                file=sys.stderr,
            )
    out: dict[str, Any] = {
        "gold": len(gold_articles),
        "pred": len(pred_articles),
        "matched": n,
        "seg_f1": round(f1, 4),
    }
    for k, v in m.items():
        out[k] = round(v / len(gold_articles), 4) if gold_articles else 1.0
    # exact text (whitespace-sensitive) over all gold; unmatched gold counts 0
    out["text"] = round(sum(text_sim) / len(gold_articles), 4) if gold_articles else 1.0
    return out


if __name__ == "__main__":
    gold_doc = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    pred_doc = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    print(json.dumps(score(gold_doc, pred_doc, "--verbose" in sys.argv), ensure_ascii=False))
