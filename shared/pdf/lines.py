"""Stage 2: glyphs → text lines.

Glyphs of one type size that sit on one baseline form a row; a row is cut wherever the gap
between two glyphs is wide enough to be a gutter between columns (0.9 em for text type; a
headline in large type may carry a one-em space between its phrases, so it is only cut at
1.2 em).  Inside a line a visible gap (over 0.15 em) becomes one space, which the shared
normalisation later keeps or drops exactly as for a text layer.  Segments of different sizes
that touch on one baseline (a larger dateline opening a body line) are joined again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from shared.pdf.types import Char, PageChars, TextLine

SPACE_GAP = 0.15  # em: a gap wider than this prints as a space
GUTTER_GAP = 0.9  # em: a gap wider than this separates columns
TITLE_GUTTER_GAP = 1.2  # em, for type at least TITLE_RATIO times the body size
TITLE_RATIO = 1.3
_SIZE_TOLERANCE = 0.06
_BASELINE_TOLERANCE = 0.3


def body_size(chars: Sequence[Char]) -> float:
    """The page's text size: the size most of its glyphs are set in."""
    if not chars:
        return 0.0
    counts = Counter(round(c.size * 2) / 2 for c in chars)
    return max(counts.items(), key=lambda item: (item[1], -item[0]))[0]


def _size_classes(chars: Sequence[Char]) -> list[list[Char]]:
    ordered = sorted(chars, key=lambda c: c.size)
    classes: list[list[Char]] = []
    for char in ordered:
        if classes and char.size <= classes[-1][0].size * (1 + _SIZE_TOLERANCE):
            classes[-1].append(char)
        else:
            classes.append([char])
    return classes


def _rows(chars: Sequence[Char]) -> list[list[Char]]:
    """Glyphs grouped by the baseline they sit on, top to bottom.

    A glyph from another font (a middle dot, Latin digits) can sit a little off the line's
    baseline, as far from it as the line of the next column set on another grid.  So the
    baselines are the bottoms most glyphs share, taken most common first, each at least the
    tolerance from those already taken; every glyph then joins the nearest baseline.  Rows
    stay within the tolerance of their baseline, so two lines of one column never merge.
    """
    counts = Counter(round(c.bottom, 1) for c in chars)
    size = max((c.size for c in chars), default=0.0)
    tolerance = _BASELINE_TOLERANCE * size
    anchors: list[float] = []
    for bottom, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if all(abs(bottom - anchor) > tolerance for anchor in anchors):
            anchors.append(bottom)
    anchors.sort()
    rows: list[list[Char]] = [[] for _ in anchors]
    for char in chars:
        index = bisect_left(anchors, char.bottom)
        nearest = min(
            (i for i in (index - 1, index) if 0 <= i < len(anchors)),
            key=lambda i: (abs(anchors[i] - char.bottom), i),
        )
        rows[nearest].append(char)
    return [row for row in rows if row]


def _line(chars: Sequence[Char], page: int, wide_gap: float) -> TextLine:
    size = Counter(c.size for c in chars).most_common(1)[0][0]
    text = ""
    breaks: list[tuple[float, float, int]] = []
    previous: Char | None = None
    for char in chars:
        if previous is not None and char.x0 - previous.x1 > SPACE_GAP * min(
            char.size, previous.size
        ):
            if char.x0 - previous.x1 >= wide_gap:
                breaks.append((previous.x1, char.x0, len(text)))
            text += " "
        text += char.text
        previous = char
    return TextLine(
        text=text,
        x0=min(c.x0 for c in chars),
        top=min(c.top for c in chars),
        x1=max(c.x1 for c in chars),
        bottom=max(c.bottom for c in chars),
        size=size,
        page=page,
        breaks=tuple(breaks),
    )


def _segments(row: Sequence[Char], gutter: float) -> list[list[Char]]:
    ordered = sorted(row, key=lambda c: c.x0)
    segments: list[list[Char]] = []
    for char in ordered:
        if segments:
            last = segments[-1][-1]
            if char.x0 < last.x1 - 0.5 * char.size and char.text == last.text:
                continue  # an overprinted duplicate
            if char.x0 - last.x1 <= gutter * char.size:
                segments[-1].append(char)
                continue
        segments.append([char])
    return segments


def build_lines(page: PageChars) -> list[TextLine]:
    """The page's text lines, top to bottom, left to right."""
    text_size = body_size(page.chars)
    pieces: list[list[Char]] = []
    for size_class in _size_classes(page.chars):
        large = text_size > 0 and size_class[0].size >= TITLE_RATIO * text_size
        gutter = TITLE_GUTTER_GAP if large else GUTTER_GAP
        for row in _rows(size_class):
            pieces.extend(_segments(row, gutter))
    pieces = _join_touching(pieces)
    wide_gap = GUTTER_GAP * text_size
    lines = [
        _line(sorted(piece, key=lambda c: c.x0), page.number, wide_gap) for piece in pieces
    ]
    return sorted(lines, key=lambda line: (line.top, line.x0))


def _join_touching(pieces: list[list[Char]]) -> list[list[Char]]:
    """Join segments of different sizes that share a baseline and touch."""
    ordered = sorted(pieces, key=lambda p: (max(c.bottom for c in p), min(c.x0 for c in p)))
    joined: list[list[Char]] = []
    for piece in ordered:
        if joined:
            last = joined[-1]
            small = min(min(c.size for c in last), min(c.size for c in piece))
            same_baseline = abs(
                max(c.bottom for c in last) - max(c.bottom for c in piece)
            ) <= _BASELINE_TOLERANCE * small
            gap = min(c.x0 for c in piece) - max(c.x1 for c in last)
            if same_baseline and -0.2 * small <= gap <= 0.5 * small:
                last.extend(piece)
                continue
        joined.append(piece)
    return joined
