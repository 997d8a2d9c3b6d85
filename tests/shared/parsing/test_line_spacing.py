"""Pages an extractor wrote with a blank line after every line (double spaced)."""

from __future__ import annotations

import pytest

from shared.parsing import explain_text, parse_text
from shared.parsing.line_spacing import close_line_spacing, is_double_spaced
from shared.parsing.lines import Line, split_lines
from tests.support.page_simulator import PageSimulator, load_sample_articles


def _double_spaced(text: str) -> str:
    """Every line of every page followed by a blank line (a blank line becomes two)."""
    return "\f".join("\n\n".join(page.split("\n")) for page in text.split("\f"))


def _page(text: str) -> list[Line]:
    return split_lines(text)[0]


def test_a_page_with_blank_lines_at_its_breaks_is_not_double_spaced(reference_page: bytes) -> None:
    assert not is_double_spaced(_page(reference_page.decode("utf-8")))


def test_single_blank_lines_go_and_longer_runs_leave_one() -> None:
    lines = [f"第{i}行文字内容" for i in range(14)]
    text = "\n\n".join(lines[:7]) + "\n\n\n\n" + "\n\n".join(lines[7:])
    kept, spacing = close_line_spacing(_page(text))
    assert [line.text for line in kept] == [*lines[:7], "", *lines[7:]]
    assert len(spacing) == 12 + 2  # twelve single blank lines, two of the run of three


def test_too_few_lines_to_tell_stay_as_they_are() -> None:
    text = "\n\n".join(["标题一", "正文一。", "标题二", "正文二。"])
    kept, spacing = close_line_spacing(_page(text))
    assert spacing == []
    assert len(kept) == 7


def test_the_reference_page_double_spaced_parses_as_it_does_single_spaced(
    reference_page: bytes,
) -> None:
    text = reference_page.decode("utf-8")
    expected = [article.to_dict() for article in parse_text(text).articles]
    assert [article.to_dict() for article in parse_text(_double_spaced(text)).articles] == expected


@pytest.mark.parametrize("seed", range(40))
def test_simulated_pages_double_spaced_parse_as_they_do_single_spaced(seed: int) -> None:
    document = PageSimulator(load_sample_articles(), seed=9000 + seed).document(
        pages=1 + seed % 2
    )
    expected = [article.to_dict() for article in parse_text(document.text).articles]
    spaced = parse_text(_double_spaced(document.text)).articles
    assert [article.to_dict() for article in spaced] == expected


def test_explain_names_the_spacing_lines(reference_page: bytes) -> None:
    explained = explain_text(_double_spaced(reference_page.decode("utf-8")))
    roles = [row.split()[1] for row in explained.splitlines()]
    assert roles.count("blank-line-spacing") > 100
    assert "blank-paragraph" in roles  # the page's own breaks are still there
