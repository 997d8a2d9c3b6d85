"""Pages an extractor spaced out letter by letter as a whole."""

from __future__ import annotations

import re
from typing import Any

import pytest

from shared.parsing import explain_text, parse_text
from shared.parsing.letter_spacing import close_up, is_letter_spaced
from shared.parsing.lines import split_lines
from tests.support.page_simulator import PageSimulator, load_sample_articles


def _letter_spaced(text: str) -> str:
    return "\n".join(" ".join(line) for line in text.split("\n"))


def _squashed(value: Any) -> Any:
    """Whitespace aside: a space the writer meant comes back as one, however wide it was."""
    if isinstance(value, str):
        return re.sub(r"\s+", "", value)
    if isinstance(value, list):
        return [_squashed(item) for item in value]
    if isinstance(value, dict):
        return {key: _squashed(item) for key, item in value.items()}
    return value


@pytest.mark.parametrize(
    ("raw", "closed"),
    [
        ("7 月 8 日 ， 在 茌 平", "7月8日，在茌平"),
        ("“ 马 周 故 里   清 廉 茌 平 ”", "“马周故里 清廉茌平”"),
        ("　　本 报 讯", "　　本报讯"),
        ("H 5 动 画", "H5动画"),
    ],
)
def test_close_up(raw: str, closed: str) -> None:
    assert close_up(raw) == closed


def test_a_page_with_a_few_justified_lines_is_not_letter_spaced(reference_page: bytes) -> None:
    assert not is_letter_spaced(split_lines(reference_page.decode("utf-8"))[0])


def test_the_reference_page_letter_spaced_parses_as_it_does_set_solid(
    reference_page: bytes,
) -> None:
    text = reference_page.decode("utf-8")
    expected = [article.to_dict() for article in parse_text(text).articles]
    assert [a.to_dict() for a in parse_text(_letter_spaced(text)).articles] == expected


@pytest.mark.parametrize("seed", range(20))
def test_simulated_pages_letter_spaced_parse_as_they_do_set_solid(seed: int) -> None:
    document = PageSimulator(load_sample_articles(), seed=9100 + seed).document(
        pages=1 + seed % 2
    )
    expected = [article.to_dict() for article in parse_text(document.text).articles]
    spaced = [article.to_dict() for article in parse_text(_letter_spaced(document.text)).articles]
    assert _squashed(spaced) == _squashed(expected)


def test_explain_shows_the_lines_as_extracted(reference_page: bytes) -> None:
    spaced = _letter_spaced(reference_page.decode("utf-8"))
    rows = explain_text(spaced).splitlines()
    assert rows[0].endswith("| " + spaced.split("\n")[0])
