"""Snippets: a passage of an article's body with the matched words marked.

Everything but the ``<mark>`` elements is HTML-escaped, so a snippet can be shown as HTML as is.
The words are found in the body by their text (case-insensitively; a phrase's words may be
separated by punctuation or spaces), which is how readers see them; no second segmentation.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

WIDTH = 120  # characters of body in a snippet
LEAD = 20  # characters shown before the first marked word

_ASCII_ALNUM = "0-9A-Za-z"


def _term_pattern(term: str) -> str:
    pattern = re.escape(term)
    if term[:1].isascii() and term[:1].isalnum():
        pattern = f"(?<![{_ASCII_ALNUM}])" + pattern
    if term[-1:].isascii() and term[-1:].isalnum():
        pattern += f"(?![{_ASCII_ALNUM}])"
    return pattern


def highlighter(units: Sequence[Sequence[str]]) -> re.Pattern[str] | None:
    """A pattern matching any of the query's words and phrases in running text."""
    patterns = ["[\\W_]*".join(_term_pattern(term) for term in unit) for unit in units if unit]
    if not patterns:
        return None
    patterns.sort(key=len, reverse=True)  # the longest alternative wins at one position
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


_SENTENCE_END = "。！？；!?;"


def _best_window(text: str, spans: list[tuple[int, int]], width: int) -> int:
    """The start of the ``width`` window holding the most marked words (the earliest if tied).

    The window starts a little before its first marked word, at a sentence's start if one is
    that close.
    """
    best_start, best_count = 0, -1
    for start, _ in spans:
        window_start = max(0, start - LEAD)
        lead = text[window_start:start]
        cut = max(lead.rfind(char) for char in _SENTENCE_END)
        if cut >= 0:
            window_start += cut + 1
        count = sum(1 for s, e in spans if s >= window_start and e <= window_start + width)
        if count > best_count:
            best_start, best_count = window_start, count
    return best_start


def make_snippet(body: str, units: Sequence[Sequence[str]], *, width: int = WIDTH) -> str:
    """A passage of ``body`` around its densest cluster of the query's words, marked."""
    text = " ".join(body.split("\n"))
    pattern = highlighter(units)
    spans = [match.span() for match in pattern.finditer(text)] if pattern else []
    start = _best_window(text, spans, width) if spans else 0
    while start < len(text) and text[start].isspace():
        start += 1
    end = min(len(text), start + width)
    for span_start, span_end in spans:  # never cut a marked word in two
        if span_start < end < span_end:
            end = span_end
    parts: list[str] = ["…"] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(html.escape(text[cursor:span_start]))
        parts.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(html.escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts)
