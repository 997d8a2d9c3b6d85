"""Line spacing that an extractor wrote out as blank lines.

Some extractors, and text copied out of some PDF viewers, put a blank line after every line of
a page. The blank line is then the page's line spacing and says nothing: read as it stands,
every line would be a block of its own, and every wrapped headline, paragraph and column would
fall apart. A page is so spaced when blank lines separate its text lines almost everywhere;
then a single blank line between two text lines is spacing and goes, and a longer run of blank
lines (the spacing and a blank the page had: a paragraph or column break) is one blank line.
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.lines import Line

# Of the gaps between consecutive text lines, the share with a blank line that makes a page
# double spaced: on a page that marks paragraph and column breaks with blank lines, a third
# of the gaps at most have one (a wrapped paragraph has several lines).
SPACED_SHARE = 0.9
# Too few lines to tell (a page of a few one-line items, each set apart).
MIN_GAPS = 12


def is_double_spaced(lines: Sequence[Line]) -> bool:
    """Whether blank lines separate (nearly) every two text lines of the page."""
    gaps = spaced = 0
    seen_text = False
    blank_run = 0
    for line in lines:
        if line.is_blank:
            blank_run += 1
            continue
        if seen_text:
            gaps += 1
            spaced += blank_run > 0
        seen_text = True
        blank_run = 0
    return gaps >= MIN_GAPS and spaced >= SPACED_SHARE * gaps


def spacing_lines(lines: Sequence[Line]) -> list[Line]:
    """The blank lines of a double-spaced page that are only its line spacing: a single blank
    line between two text lines, and all but one of a longer run of blank lines."""
    spacing: list[Line] = []
    run: list[Line] = []
    seen_text = False
    for line in lines:
        if line.is_blank:
            run.append(line)
            continue
        if seen_text:
            spacing.extend(run if len(run) == 1 else run[1:])
        seen_text = True
        run = []
    return spacing


def close_line_spacing(lines: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """The page's lines without the blank lines that are only its line spacing, and those
    blank lines (none unless the page is double spaced)."""
    if not is_double_spaced(lines):
        return list(lines), []
    spacing = spacing_lines(lines)
    dropped = {id(line) for line in spacing}
    return [line for line in lines if id(line) not in dropped], spacing
