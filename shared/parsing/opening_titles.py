"""An untitled article's first paragraph shaped as a headline, taken for its title.

Every article has a title, and on a page whose titles stand over their bodies an article
left without one can only have it at the top of its body, extracted without a blank line
under it (:func:`split_opening_title_paragraph`).
"""

from __future__ import annotations

from shared.parsing.block import Block
from shared.parsing.bylines import is_byline_line
from shared.parsing.glued_titles import TITLE_SPLIT_RULE
from shared.parsing.lines import joined_text
from shared.parsing.text_ends import FULL_STOPS
from shared.parsing.units import TitleGroup, Unit
from shared.parsing.wrapping import Layout

# A headline wraps over a line or two (three in a narrow column); a longer opening
# paragraph is text.
MAX_OPENING_TITLE_LINES = 3


def split_opening_title_paragraph(unit: Unit, layout: Layout) -> TitleGroup | None:
    """On a page whose titles stand over their bodies, an article left without a title
    (no byline over its body) whose body's first paragraph, as the wrap geometry reads it
    (:meth:`.wrapping.Layout.paragraphs`), is a headline: a line or two ending no sentence,
    with no full stop or semicolon inside (a headline may part its phrases with a comma:
    ``给黑土地做体检，施肥更精细（经济聚焦·农田里的`` / ``新鲜事）``), over more paragraphs.
    Body text never ends a paragraph in mid-sentence: a paragraph that stops so, opening
    an untitled body, is the title the extractor glued over it (``AI正深度融入数学研究核心
    环节`` over ``OpenAI日前公布了一项…``).  Not a lead-in (``…：`` announces what follows),
    not a dateline, a byline or a line carrying a continuation marker; not on unwrapped
    text (a paragraph a line: its geometry tells nothing)."""
    if layout.unwrapped or not unit.wants_title or not unit.body or unit.bylines:
        return None
    block = unit.body[0]
    if block.kind != "text" or block.opens_with_dateline or block.opens_continued_part:
        return None
    groups = layout.paragraphs(unit.body, unit.intertitles).groups
    if len(groups) < 2:
        return None
    head = len(groups[0])
    if head > MAX_OPENING_TITLE_LINES or head >= len(block.lines):
        return None
    lines = block.lines[:head]
    if [line.number for line in lines] != [line.number for line in groups[0]]:
        return None
    text = joined_text(lines).rstrip()
    if (
        lines[-1].ends_sentence
        or not FULL_STOPS.isdisjoint(text)
        or text.endswith(("：", ":"))
        or any(line.continuations or line.spaced_out or is_byline_line(line.text) for line in lines)
    ):
        return None
    unit.body[0] = Block(block.kind, block.lines[head:], block.rule)
    return TitleGroup(blocks=[Block(block.kind, lines, TITLE_SPLIT_RULE, block.blanks_before)])
