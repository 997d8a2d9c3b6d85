"""Character normalisation, layout-space removal and joining of hard-wrapped lines.

Pure text operations used by every later stage:

* :func:`normalise_chars` maps characters that PDF text layers emit in odd forms onto the
  forms a reader types: full-width ASCII letters, digits and symbols become half-width,
  Kangxi radicals and CJK compatibility ideographs become unified ideographs, and the
  midline ellipsis some fonts map the Chinese ellipsis to (``⋯⋯``, U+22EF) becomes the
  ellipsis (``……``).  Chinese punctuation (``，。：；！？（）“”``) keeps its full-width form.
  No character is dropped.
* :func:`remove_layout_spaces` drops spaces a justified layout put in (between every
  character of a spaced-out line, around half-width runs such as ``项目 40 个``) and keeps
  those a writer meant (``马周故里 清廉茌平``, ``Hello World``).
* :func:`join_wrapped` joins hard-wrapped lines: nothing between Chinese characters, one space
  between Latin words.
* :func:`display_width` measures a text's printed width in em.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Full-width forms converted to half-width: letters, digits and the symbols that read as
# ASCII in Chinese text.  Full-width punctuation proper (，：；！？（）) is kept.
_FULLWIDTH_TO_ASCII = "０１２３４５６７８９％＋－＝＠＃＆＊／＜＞＾＿｀｜～＄"
_FULLWIDTH_TABLE: dict[int, str] = {ord(c): chr(ord(c) - 0xFEE0) for c in _FULLWIDTH_TO_ASCII}
_FULLWIDTH_TABLE.update({code: chr(code - 0xFEE0) for code in range(ord("Ａ"), ord("Ｚ") + 1)})
_FULLWIDTH_TABLE.update({code: chr(code - 0xFEE0) for code in range(ord("ａ"), ord("ｚ") + 1)})

_FULLWIDTH_ANY = re.compile("[" + "".join(re.escape(chr(c)) for c in _FULLWIDTH_TABLE) + "]")

_KANGXI = range(0x2F00, 0x2FE0)
_COMPAT_IDEOGRAPHS = (range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))
_RADICAL_OR_COMPAT = re.compile("[\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")
_FULLWIDTH_STOP_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])．(?=[0-9])")
# The Chinese ellipsis is printed at mid height; PyMuPDF reads its glyph in some fonts as
# U+22EF MIDLINE HORIZONTAL ELLIPSIS, which is the same mark.
_MIDLINE_ELLIPSIS = "\u22ef"
_ANY_TO_NORMALISE = re.compile(
    _FULLWIDTH_ANY.pattern[:-1]
    + "．"
    + _MIDLINE_ELLIPSIS
    + _RADICAL_OR_COMPAT.pattern[1:-1]
    + "]"
)


def _unify_ideograph(char: str) -> str:
    """Kangxi radical / compatibility ideograph → its unified ideograph (else unchanged)."""
    code = ord(char)
    if code in _KANGXI or any(code in block for block in _COMPAT_IDEOGRAPHS):
        mapped = unicodedata.normalize("NFKC", char)
        if len(mapped) == 1:
            return mapped
    return char


def normalise_chars(text: str) -> str:
    """Map full-width ASCII, radical/compatibility forms and the midline ellipsis; keep
    Chinese punctuation."""
    # Each step only when its characters occur (most lines have none of them: one search
    # for any of them decides those).
    if _ANY_TO_NORMALISE.search(text) is None:
        return text
    if _FULLWIDTH_ANY.search(text):
        text = text.translate(_FULLWIDTH_TABLE)
    if "．" in text:
        text = _FULLWIDTH_STOP_BETWEEN_DIGITS.sub(".", text)
    if _MIDLINE_ELLIPSIS in text:
        text = text.replace(_MIDLINE_ELLIPSIS, "…")
    if _RADICAL_OR_COMPAT.search(text):
        text = _RADICAL_OR_COMPAT.sub(lambda match: _unify_ideograph(match.group()), text)
    return text


def is_cjk(char: str) -> bool:
    """A Chinese character (unified ideograph, extension A or beyond)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3FFFF
        or 0xF900 <= code <= 0xFAFF
        or code == 0x3007  # 〇
    )


def is_wide(char: str) -> bool:
    """Printed one em wide: ideographs, full-width punctuation, CJK quotes and dashes, and
    the midline ellipsis a font maps the Chinese ellipsis to (its width is narrow to Unicode,
    but it prints the mark ``……`` is made of)."""
    if len(char) == 1:
        # Most characters asked about are ASCII (all narrow to Unicode) or common
        # ideographs (all wide): answered here, they leave the cache to the rest.
        code = ord(char)
        if code < 0x80:
            return False
        if 0x4E00 <= code <= 0x9FFF:
            return True
    return _is_wide_by_unicode(char)


@functools.lru_cache(maxsize=4096)
def _is_wide_by_unicode(char: str) -> bool:
    if char in " \t":
        return False
    return char == _MIDLINE_ELLIPSIS or unicodedata.east_asian_width(char) in ("W", "F", "A")


class _CharWidths(dict[str, float]):
    """Character → printed width in em, filled on first sight (spaces are 0); bounded, so
    that an input made of every Unicode character cannot grow it without end."""

    def __missing__(self, char: str) -> float:
        width = 0.0 if char.isspace() else 1.0 if is_wide(char) else 0.5
        if len(self) < _MAX_CACHED_CHARS:
            self[char] = width
        return width


_MAX_CACHED_CHARS = 1 << 15


_CHAR_WIDTHS = _CharWidths()


# Code point ranges of characters common in Chinese text that are all one em wide (and no
# space): ideographs, CJK and full-width punctuation, quotes, dashes, ellipses, the middle
# dot, numbered circles and the usual bullets; and the midline ellipsis (U+22EF), the
# Chinese ellipsis as some fonts map it, which normalise_chars reads as the ellipsis.
COMMON_WIDE_RANGES = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x3001, 0x303E),
    (0xFF01, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x2018, 0x2019),
    (0x201C, 0x201D),
    (0x2014, 0x2014),
    (0x2026, 0x2026),
    (0x22EF, 0x22EF),  # the Chinese ellipsis as some fonts map it (read as …)
    (0x00B7, 0x00B7),
    (0x2460, 0x2473),
    (0x25A0, 0x25A1),
    (0x25B2, 0x25B3),
    (0x25C6, 0x25C7),
    (0x25CB, 0x25CB),
    (0x25CE, 0x25CF),
    (0x2605, 0x2606),
)
# The common wide ranges as the inside of a regular expression's character class.
COMMON_WIDE_CLASS = "".join(
    f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in COMMON_WIDE_RANGES
)
# Any character but the space, the ideographic space or a common wide one: a visible ASCII
# one (half width) or one of uncommon width.
_NOT_SPACE_OR_COMMON_WIDE = re.compile(f"[^\x20\u3000{COMMON_WIDE_CLASS}]")


def display_width(text: str) -> float:
    """Printed width in em: wide characters 1, others 0.5, spaces 0."""
    others = _NOT_SPACE_OR_COMMON_WIDE.findall(text)
    if others:
        found = "".join(others)
        if not (found.isascii() and found.isprintable()):  # not all visible ASCII (\x21-\x7e)
            # Widths are multiples of 0.5, so the float sum is exact in any order.
            return sum(map(_CHAR_WIDTHS.__getitem__, text))
    # Most lines: visible ASCII (half width), the spaces (0) and common wide characters only,
    # counted at C speed (one pass of the regex) instead of character by character.
    narrow = len(others)
    return len(text) - narrow - text.count(" ") - text.count("\u3000") + narrow * 0.5


def is_ascii_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "%.+-_/&@#'")


_SPACE_RUNS = re.compile(r"([ \t\u3000\u00a0]+)")
_INNER_SPACE = re.compile(r"\s+")  # \s is str.isspace for str patterns


def is_spaced_out(text: str) -> bool:
    """True for a justified line extracted with a space between (nearly) every character."""
    stripped = text.strip()
    if " " not in stripped and stripped.isprintable():
        return False  # no space at all (every other space character is unprintable)
    spaces = [match.span() for match in _INNER_SPACE.finditer(stripped)]
    if len(spaces) < 3:
        return False  # fewer than three spaced gaps: the common case, decided at C speed
    # Every gap between two visible characters, spaced or not; a spaced gap is one with
    # a run of spaces next to a wide character (the text is stripped: a character stands
    # on either side of each run).
    gaps = len(stripped) - 1 - sum(end - start for start, end in spaces)
    spaced = sum(
        1 for start, end in spaces if is_wide(stripped[start - 1]) or is_wide(stripped[end])
    )
    return gaps >= 4 and spaced >= 3 and spaced * 2 > gaps


def remove_layout_spaces(text: str, spaced_out: bool | None = None) -> str:
    """Drop the spaces layout put in; keep the ones a writer meant.

    A space is layout when the line is spaced out, or when it touches full-width punctuation,
    or when it stands between a Chinese character and a half-width run (``7 月 8 日``,
    ``H5 动画``).  A single space between two Chinese characters in a normally set line
    (``马周故里 清廉茌平``) and spaces between Latin words stay.
    """
    text = text.strip(" \t\u3000\u00a0")
    if " " not in text and "\u3000" not in text and "\t" not in text and "\u00a0" not in text:
        return text  # no inner space (most lines): nothing to decide
    if spaced_out is None:
        spaced_out = is_spaced_out(text)
    # words and the runs of spaces between them, alternating (the text is stripped: it
    # opens and closes with a word)
    pieces = _SPACE_RUNS.split(text)
    out = [pieces[0]]
    for index in range(1, len(pieces), 2):
        spaces, word = pieces[index], pieces[index + 1]
        before, after = pieces[index - 1][-1], word[0]
        if not (
            (spaced_out and (is_wide(before) or is_wide(after)))
            or _is_layout_space(before, after)
        ):
            out.append(" " if spaces in (" ", "\u3000", "\u00a0", "\t") else spaces)
        out.append(word)
    return "".join(out)


def _is_layout_space(before: str, after: str) -> bool:
    if is_ascii_word(before) and is_ascii_word(after):
        return False
    if is_cjk(before) and is_cjk(after):
        return False
    # Anything else touching a wide character (punctuation, CJK next to Latin/digits).
    return is_wide(before) or is_wide(after)


def join_wrapped(parts: list[str]) -> str:
    """Join hard-wrapped line texts: a space only between two Latin words."""
    out: list[str] = []
    last = ""
    for part in parts:
        if not part:
            continue
        # (no space after a character past ASCII: most lines end in a Chinese one)
        if last and last.isascii() and _needs_space(last, part[0]):
            out.append(" ")
        out.append(part)
        last = part[-1]
    return "".join(out)


def _latin_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _needs_space(last: str, first: str) -> bool:
    """Between two wrapped lines: a space between Latin words (not inside a number)."""
    if not last or not first:
        return False
    if _latin_alnum(last) and _latin_alnum(first):
        return not (last.isdigit() and first.isdigit())
    return last in ",;:!?" and first.isascii() and first.isalnum()
