"""Title lines glued between a body's closed sentence and the next article's byline or
dateline, told by their measure though they hold commas or end with ？ or ！.

Nothing of a body stands between its last sentence and the byline or dateline that opens the
next article but titles.  A paragraph run on under that sentence would wrap at the body's
column: every line but its last fills the column (the first short by the indent at most),
and none runs wider than the column by more than the marks it squeezes.  Lines after the
closed sentence that break that shape (``成人感染被转运，孩子谁来照顾？``, 15 em over a 12-em
column; ``李强：坚定信心、毫不松懈，态度要`` stopping short mid-sentence) are set at a title's
own measure, whatever punctuation they hold; they start after the last sentence closed
above the first such line (``……`` closing the body's last paragraph stays with it).  Only
lines free of full stops: a title has none.
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.bylines import is_byline_line
from shared.parsing.columns import INDENT, MIN_MEASURED_LINES, SHORT_MARGIN, column_width
from shared.parsing.lines import Line
from shared.parsing.photo_credits import match_photo_credit
from shared.parsing.text_ends import (
    FULL_STOPS,
    MAX_NOTE_LINES,
    asks_or_exclaims,
    closes_text,
    unclosed_parenthesis,
)
from shared.parsing.title_measures import squeeze_allowance
from shared.parsing.title_roles import fits_title_stack


def off_measure_title_start(lines: Sequence[Line]) -> int | None:
    """Where the title lines closing ``lines`` (a body block right over a byline or a
    dateline) start, when they are set off the body's measure (see the module); else None."""
    cut = len(lines)
    while (
        cut > 0
        and fits_title_stack([line.text for line in lines[cut - 1 :]])
        and FULL_STOPS.isdisjoint(lines[cut - 1].text)
    ):
        cut -= 1
    if cut == len(lines) or cut < MIN_MEASURED_LINES or not closes_text(lines[cut - 1]):
        return None
    run = lines[cut:]
    if any(line.continuations or is_byline_line(line.text) for line in run):
        return None
    if match_photo_credit(" ".join(line.text for line in run)) is not None:
        return None
    # a note closing the body (``（陈晓霞、张旭航、李大勇参与采`` / ``写）``) is no title
    cut += _note_lines(run)
    if cut == len(lines):
        return None
    column = column_width([line for line in lines[:cut] if line.measures_column])
    if column <= 0:
        return None
    opening = cut  # where the paragraph holding the line looked at would open
    for index in range(cut, len(lines)):
        line = lines[index]
        if index > cut and closes_text(lines[index - 1]):
            opening = index
        room = column - INDENT if index == opening else column
        wide = line.width > column + squeeze_allowance(line)
        short = (
            index < len(lines) - 1 and not closes_text(line) and line.width < room - SHORT_MARGIN
        )
        if wide or short:
            # no line of a paragraph run on in the column: titles from where it would open
            return opening
    return None


# Marks that open a quotation: a question in quotes is someone's speech, which a body
# prints as a paragraph of its own (``“我要去单位值班，需要哪些证明？”``).
_OPENING_QUOTES = ("“", "‘", "「", "『", '"', "'")


def question_over_titles(lines: Sequence[Line], cut: int) -> bool:
    """``lines[cut - 1]``, right above the title lines ``lines[cut:]`` that close a body
    block over the next article's byline or dateline, is a kicker that asks or exclaims
    (``成人感染被转运，孩子谁来照顾？`` over ``“儿童督导员”“儿童主任”上线了``): one line, under
    a closed sentence, ending with ？ or ！, no full stop in it, not opening a quotation, and
    the stack no taller than a title stack holds.  Nothing of a body stands between its last
    sentence and the next article's opening but that article's titles; a question of one line
    closing the body (as a paragraph of its own it would close the text and end the title
    run there) is a title's shape, not a body's, which would go on to answer it."""
    if cut < MIN_MEASURED_LINES + 1 or cut >= len(lines):
        return False
    line = lines[cut - 1]
    text = line.text.strip()
    return (
        asks_or_exclaims(text)
        and FULL_STOPS.isdisjoint(text)
        and not text.startswith(_OPENING_QUOTES)
        and closes_text(lines[cut - 2])
        # a question under another is the rest of an interview's turn or of a body's
        # questions (``问：…是否已经有了方案？`` / ``感染者们将在这里如何治疗？``)
        and not asks_or_exclaims(lines[cut - 2].text.strip())
        and not line.continuations
        and not is_byline_line(text)
        and fits_title_stack([other.text for other in lines[cut - 1 :]])
    )


def _note_lines(run: Sequence[Line]) -> int:
    """How many lines opening ``run`` are a parenthetical note closing the body above it
    (``（陈晓霞、张旭航、李大勇参与采`` / ``写）``: it wraps short of the column in mid-note but
    ends the body as a sentence does); 0 when the run opens with none."""
    if run[0].text.strip()[:1] not in "（(":
        return 0
    text = ""
    for count, line in enumerate(run[:MAX_NOTE_LINES], start=1):
        text += line.text.strip()
        if text.endswith(("）", ")")) and not unclosed_parenthesis(text):
            return count
    return 0
