"""Pages of text that is not hard-wrapped, laid out from articles in the corpus format.

Digital archive exports and text copied from a paper's website give each paragraph on one
line and each title part on a line of its own: kicker, headline, ``——subtitle``, then the
body opening with its dateline (``本报讯（记者 X）…``) or a byline line.  The layout is
deterministic: ``STYLES`` says how paragraphs are set apart (the ``　　`` indent, a blank
line, or nothing), ``byline_line`` puts the article's byline (``byline_text``) on a line of
its own under the titles instead of its dateline (an article without a dateline always has
it there), ``titles_after`` sets the titles under the body instead of over it.  Articles
of one page are separated by two blank lines.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Literal

Style = Literal["indent", "blank", "plain"]
STYLES: tuple[Style, ...] = ("indent", "blank", "plain")
INDENT = "\u3000\u3000"


def article_lines(
    article: dict[str, Any], style: Style, byline_line: bool = False, titles_after: bool = False
) -> list[str]:
    """The lines of one article (titles, a blank line, body; or body, blank, titles)."""
    titles = [article["kicker"]] if article["kicker"] else []
    titles.append(article["title"])
    if article["subtitle"]:
        titles.append("——" + article["subtitle"])
    byline = _byline_line(article, byline_line)
    body = [article["byline_text"]] if byline else []
    for index, paragraph in enumerate(article["paragraphs"]):
        if index == 0 and article["dateline_text"] and not byline:
            paragraph = article["dateline_text"] + paragraph
        body.append((INDENT if style == "indent" else "") + paragraph)
        if style == "blank":
            body.append("")
    if body[-1] == "":
        body.pop()
    return [*body, "", *titles] if titles_after else [*titles, "", *body]


def _byline_line(article: dict[str, Any], asked: bool) -> bool:
    return bool(article["byline_text"]) and (asked or not article["dateline_text"])


def unwrapped_page(
    articles: Sequence[dict[str, Any]],
    style: Style,
    byline_line: bool = False,
    titles_after: bool = False,
) -> str:
    lines: list[str] = []
    for article in articles:
        if lines:
            lines += ["", ""]
        lines += article_lines(article, style, byline_line, titles_after)
    return "\n".join(lines) + "\n"


def gold_article(article: dict[str, Any], byline_line: bool = False) -> dict[str, Any]:
    """What the parser should read from the article's lines (the scorer's gold format)."""
    dated = article["dateline_text"] and not _byline_line(article, byline_line)
    return {
        "kind": "article",
        "headline": article["title"],
        "kicker": article["kicker"],
        "subtitle": article["subtitle"],
        "dateline": "本报讯" if dated and article["dateline_text"].startswith("本报讯") else "",
        "reporters": article["reporters"],
        "correspondents": article["correspondents"],
        "paragraphs": article["paragraphs"],
    }


def unwrapped_pages(
    articles: Sequence[dict[str, Any]],
    style: Style,
    per_page: int = 3,
    byline_line: bool = False,
    titles_after: bool = False,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(page text, gold) for consecutive groups of ``per_page`` articles."""
    for start in range(0, len(articles), per_page):
        group = articles[start : start + per_page]
        text = unwrapped_page(group, style, byline_line, titles_after)
        yield text, {"articles": [gold_article(a, byline_line) for a in group]}
