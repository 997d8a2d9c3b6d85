"""Lead-in lines: a short line ending in an arrow that points the reader on to the text
below it (``帮忙>>>`` between a reader's letter and the reporter's text).

Running text never ends a line with such an arrow: the arrow closes a label set as a line
of its own, part of the body (never a title: a headline points nowhere) and a paragraph of
its own (never the tail of the paragraph above).
"""

from __future__ import annotations

ONWARD_ARROWS = (">>>", ">>", "》》", "→", "▶", "►")


def points_on(text: str) -> bool:
    """The text ends with an arrow pointing on to what follows."""
    return text.rstrip().endswith(ONWARD_ARROWS)
