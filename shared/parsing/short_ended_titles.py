"""Title lines stopping short in mid-sentence inside a run of text lines, over a paragraph's
first line: where one article ends and the next one's titles and body begin, on a page that
sets no blank line between them and keeps one measure across them.

Running text never stops short of its column in mid-sentence and then goes on: a paragraph
ends with its sentence, and a line inside it stops short only where the next line explains
why (a character taken down with the marks after it, a Latin word or a number that did not
fit; :func:`.paragraphs.explains_short_line`).  So after a closed sentence, a few lines that
close no sentence, the last of them stopping short of even an indented first line, over a
line that opens a paragraph (short of the column by the indent, with a running line under
it), stand in no paragraph: they are title lines, whatever commas they hold
(``发扬英模精神，助力打赢大上`` / ``海保卫战`` over ``奋战抗疫一线，筑牢防`` in a 12-em column;
``用为民情怀，做好“送上`` / ``门”的群众工作``).  Only a run of two lines or more, set at a
measure of its own: a title set in its own type wraps at its own measure, while a subhead
set as a paragraph of the text opens at the indented first line's width and wraps at the
column (``将心比心 和群众以心换`` / ``心``), and a one-line subhead between two parts of a
text stands in the same place as a one-line title (``“金刚石散热元年”``); a title of one line
is left to the rules that weigh the words on its two sides (:mod:`.glued_titles`).  Whether
the lines open
an article or are a subhead of the text above is the article stage's to say, as for every
title group between two pieces of body (:func:`.articles.fold_intertitles`).
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.columns import INDENT, INDENT_MARGIN, short_by_indent
from shared.parsing.lines import Line
from shared.parsing.measure_changes import opens_paragraph, title_runs
from shared.parsing.paragraphs import explains_short_line
from shared.parsing.text_ends import closes_text

SHORT_ENDED_RULE = "title lines stopping short in mid-sentence over a paragraph's first line"
SHORT_ENDED_BODY_RULE = "body under title lines stopping short in mid-sentence"
# A title stack this many lines long at least: one short line may be a subhead.
MIN_TITLE_LINES = 2


def short_ended_titles(lines: Sequence[Line]) -> tuple[int, int] | None:
    """``(titles, body)``: where the first run of short-ended title lines and the body under
    it start in ``lines`` (a block of text lines), else None.  The run follows a closed
    sentence with at least ``MIN_MEASURED_LINES`` lines above it that measure the column, is
    ``MIN_TITLE_LINES`` to a title stack's lines long, its first line not at an indented first
    line's width (a paragraph's), each line free of full stops and
    closing no sentence, its last line shorter than an indented first line for no reason
    the next line gives, and the line under it opens a paragraph in that column."""
    closed = [closes_text(line) for line in lines]
    for start, column, bodies in title_runs(lines, closed, len(lines) - 1, MIN_TITLE_LINES):
        if short_by_indent(lines[start], column):
            continue  # a paragraph's indented first line opens the run
        for body in bodies:
            last = lines[body - 1]
            if body - start < MIN_TITLE_LINES:
                continue
            if (
                last.width < column - INDENT - INDENT_MARGIN
                and not explains_short_line(last, lines[body], column)
                and opens_paragraph(lines[body], lines[body + 1], column)
            ):
                return start, body
    return None
