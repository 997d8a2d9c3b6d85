"""Letter spacing that an extractor wrote out as spaces over a whole page.

A justified line is sometimes extracted with a space between every character (``育 基 地 ，先
后``); the line rules read such a line as one. Some PDFs place every glyph on its own, and then
an extractor spaces out every line of the page that way: digits (``2 0 2 4``), Latin words and
names (``王 培 源 李 政 哲``) too. A page is so spaced when nearly all its lines of some length
are; then every single space between two characters is letter spacing and goes, and a longer
run of spaces (a space the writer meant, widened like the letters) is one space. The lines'
leading space (their indent) is kept as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shared.parsing.lines import Line, make_line

# Of a page's lines with at least MIN_GAPS gaps between characters, the share spaced out that
# makes the whole page so: justification spaces out a few lines of a page, never nearly all.
SPACED_PAGE_SHARE = 0.8
MIN_LINES = 6
_MIN_CHARACTERS = 6
_ONE_SPACE = re.compile(r"(?<=\S) (?=\S)")
_WIDER_SPACE = re.compile(r"(?<=\S)[ \u3000\u00a0]{2,}(?=\S)")


def is_letter_spaced(lines: Sequence[Line]) -> bool:
    """Whether (nearly) every line of the page of some length is spaced out."""
    long_lines = [line for line in lines if len(line.text) >= _MIN_CHARACTERS * 2 - 1]
    if len(long_lines) < MIN_LINES:
        return False
    spaced = sum(line.spaced_out for line in long_lines)
    return spaced >= SPACED_PAGE_SHARE * len(long_lines)


def close_up(raw: str) -> str:
    """``7 月 8 日 ， 在  茌 平`` → ``7月8日，在 茌平``: single spaces between characters go,
    wider runs are one space; the leading space stays."""
    body = raw.lstrip()
    lead = raw[: len(raw) - len(body)]
    body = _ONE_SPACE.sub("", body)
    return lead + _WIDER_SPACE.sub(" ", body)


def close_letter_spacing(lines: Sequence[Line]) -> list[Line]:
    """The page's lines, closed up when the whole page is letter spaced."""
    if not is_letter_spaced(lines):
        return list(lines)
    return [
        line if line.is_blank else make_line(close_up(line.raw), line.number, line.page)
        for line in lines
    ]
