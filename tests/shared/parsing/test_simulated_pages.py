"""The parser on hundreds of simulated pages laid out from real articles.

tests/support/page_simulator.py lays out the fixture articles with seeded random column
widths, column breaks, title positions and orders, byline forms, spaced-out lines, photos,
furniture and continuations; the scorer's metrics are averaged over all documents.
"""

from __future__ import annotations

from typing import Any

import pytest

from shared.parsing import parse_text
from tests.support.page_simulator import PageSimulator, load_sample_articles
from tests.support.score import score

DOCUMENTS = 160
# Seeds nobody tuned on: the parser's rules were developed on other seed ranges (0–159,
# 7000–8159), so these levels say how it does on layouts it has not seen.
FIRST_SEED = 20000
METRICS = (
    "seg_f1",
    "titles",
    "headline",
    "reporters",
    "correspondents",
    "paragraphs",
    "kind",
    "text",
)
# What the parser reaches on these documents (measured, deterministic).  The target is 0.98 on
# every metric; it is not reached yet, so the measured level is asserted to catch regressions.
# The rules were last developed on seeds 70000–70319 and 60000–60319 (a one-sentence closing
# paragraph, captions glued under a body, round five; before that 60000–60319 and
# 50000–50319 for column widths, 50000–50319 and 40000–40319 for paragraph breaks) and
# checked on 30000–30239; these seeds were measured once, after.  Round ten (column-grid
# blanks, first lines under subheads, blank-marked bodies, the line-start rule, titles glued
# over captions and under wrapped notes) was developed on 110320–110959 and on pages of the
# 73 corpus articles not among the fixtures; it also fixed the simulator's wrap (no line
# opens with a closing mark).  Measured after it, paragraphs rose from .958 to .963 here
# (floor raised), the other metrics stayed at their floors.  The paragraph misses left
# are mostly segmentation (an article losing or gaining a paragraph at its edge) and the
# inherent ambiguities: a one-line paragraph after a sentence ending flush with the column
# amid the body, a sentence-final line one em short at the end of a body, a subhead as wide
# as a first line over a line that ends a sentence.  Other misses: an article with neither
# dateline nor byline right after another one on the same topic reads as a subhead, and a
# subhead between two parts on different topics reads as a title (its wrapping on the body
# measure would tell, but a headline wrapped by chance at that width looks the same); a
# subhead of two phrases wrapped over two short lines reads as a title; a subhead glued over
# a quoted question reads as a title; a letter's signature lines (address, 张先生, 帮忙>>>)
# read as titles.  Round eleven (role-shaped section labels such as ``■记者手记`` inside a
# body, colon lead-ins wrapped over lines, title lines told by kept indents and by standing
# between a title and a dateline or byline) was developed on pages of the corpus articles
# not among the fixtures (half A, seeds 120000–120199) and checked on fixture seeds
# 110320–110639; measured once after it, every metric rose here (seg .9789 → .9806, titles
# and headline .9770 → .9782, reporters .9802 → .9836, correspondents and kind .9830 →
# .9842, paragraphs .9638 → .9672, text .9827 → .9840) and the floors were raised.
# Round twelve (title wrap geometry, run-in lead-in subheads, titles opening a page, titles
# wrapped after 、/，) was developed on half B of those corpus pages (seeds 130000–130199,
# 140000–140199); measured once after it, every metric here was unchanged to four places,
# so the floors stay.
# Round thirteen (the column estimate under short paragraphs, lead-in dashes, a clause
# ending ； before a column break) was developed on corpus pages (half A seeds
# 160000–160199, half B 170000–170199) and checked on fixture seeds 110320–110639 and
# 40000–40999; measured once after it, every metric here was unchanged to four places,
# so the floors stay.
# Rounds fourteen and fifteen (an em-short sentence end, question headlines glued between
# articles, kicker/headline by words, stacked subheads, quoted replies one a paragraph,
# titles set after a body without blanks) were developed on fixture seeds 210000–210999 and
# 250000–250999 and on corpus articles outside the fixtures (seeds 200000–200999 and
# 240000–240999), together with the field forms of other papers and unwrapped text; measured
# once after them, every metric here rose (seg .9806 → .9823, titles and headline .9782 →
# .9794, reporters .9836 → .9848, correspondents and kind .9842 → .9855, paragraphs .9672 →
# .9699, text .9840 → .9853) and the floors were raised.  The next session's rules (title
# runs and evidence, paragraph shapes of tight bodies, wrapped datelines) were developed on
# seeds 310000–310399, 320000–320399 and 330000–330399; measured once after them, every
# metric here rose again (seg .9823 → .9832, titles and headline .9794 → .9806, reporters
# .9848 → .9860, correspondents and kind .9855 → .9866, paragraphs .9699 → .9722, text
# .9853 → .9864) and the floors were raised.
FLOORS = {
    "seg_f1": 0.983,
    "titles": 0.980,
    "headline": 0.980,
    "reporters": 0.985,
    "correspondents": 0.986,
    "paragraphs": 0.972,
    "kind": 0.986,
    "text": 0.986,
}


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    articles = load_sample_articles()
    totals = dict.fromkeys(METRICS, 0.0)
    for seed in range(FIRST_SEED, FIRST_SEED + DOCUMENTS):
        document = PageSimulator(articles, seed).document(pages=1 + seed % 2)
        parsed = parse_text(document.text)
        result: dict[str, Any] = score(
            document.gold, {"articles": [a.to_dict() for a in parsed.articles]}
        )
        for metric in METRICS:
            totals[metric] += result[metric]
    return {metric: total / DOCUMENTS for metric, total in totals.items()}


@pytest.mark.slow
@pytest.mark.parametrize("metric", METRICS)
def test_simulated_pages_metric(metrics: dict[str, float], metric: str) -> None:
    assert metrics[metric] >= FLOORS[metric], metrics


def test_simulator_is_deterministic() -> None:
    articles = load_sample_articles()
    first = PageSimulator(articles, 7).document(pages=2)
    second = PageSimulator(articles, 7).document(pages=2)
    assert first.text == second.text
    assert first.gold == second.gold
    assert first.text.count("\f") == 1


def test_simulated_page_has_the_promised_features() -> None:
    articles = load_sample_articles()
    texts = "\n".join(PageSimulator(articles, seed).document(pages=2).text for seed in range(30))
    for feature in ("下转第", "上接第", "责任编辑：", "星期", "本报讯（记者", "■ ", "——", " 摄"):
        assert feature in texts, feature
    assert "\n\n" in texts
    assert any(line.count(" ") >= 8 for line in texts.split("\n"))  # spaced-out lines


def test_wrap_respects_the_column_and_the_line_start_rule() -> None:
    from tests.support.page_simulator import text_width, wrap

    text = "今年以来，聊城市委统战部坚持一体化统筹、平台化实施、品牌化打造，构建高效运转工作体系。"
    lines = wrap(text, 13)
    assert "".join(lines) == text
    assert text_width(lines[0]) <= 13
    assert all(text_width(line) <= 15 for line in lines)
    assert not any(line[0] in "，。、；：？！”" for line in lines)
