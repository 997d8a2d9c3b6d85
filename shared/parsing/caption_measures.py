"""Where a photo's caption starts under body text it runs into, on a page that sets no blank
line: at the measure the caption is set in.

A caption closes with its photo credit (``…实效。　（本报记者 傅艳 摄）``), so a text block
ending in one ends in a caption; but an extractor that leaves no blank line runs the caption
into the body text read before it (the last paragraphs of another module), and the block
as a whole then reads as one long caption.  A caption is set across its photo in a type of its
own, at a measure no body column shares, while a body keeps its column to its last line.  So
where, after a closed sentence, lines wider than the column above by more than
``COLUMN_TOLERANCE`` run on to the credit (``根据筛查结果，25日，…解`` / ``除，目前全部区域为
防范区。`` in a 27-em column, then ``加强和规范事中事后监管，…推进`` at 30 em), the caption
starts there, and the lines above are body.  Only the lines before the one the credit starts
on tell the measure: a credit set after a gap leaves its line's measured width short.
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.columns import COLUMN_TOLERANCE, MIN_MEASURED_LINES, piece_column
from shared.parsing.lines import Line
from shared.parsing.measure_changes import MEASURING_LINES
from shared.parsing.photo_credits import match_photo_credit, may_hold_photo_credit
from shared.parsing.text_ends import closes_text

CAPTION_MEASURE_RULE = "a caption at a measure of its own, run into the body above"


def credit_lines(lines: Sequence[Line]) -> int:
    """How many of the last lines of ``lines`` carry the photo credit that closes them with
    caption text before it: 1 (``…实效。　（本报记者 傅艳 摄）``), 2 when the credit wraps
    onto the last line (``…作用。　（本报记`` / ``者 孔涛磊 摄）``), else 0."""
    for count in (1, 2):
        if len(lines) < count:
            break
        text = "".join(line.text for line in lines[-count:])
        if not may_hold_photo_credit(text):
            continue
        credit = match_photo_credit(text)
        if credit is not None and credit.caption.strip():
            return count
    return 0


def caption_start(lines: Sequence[Line]) -> int | None:
    """Where the caption closing ``lines`` (a text block) starts when body text of another
    column stands over it, else None: the first line after the closed sentence nearest
    above the credit, when the lines from there to the one the credit starts on run on
    (close no sentence), number one at least, and are each wider than the column of the
    lines above (at least ``MIN_MEASURED_LINES`` of them measure it) by more than
    ``COLUMN_TOLERANCE``."""
    credit = credit_lines(lines)
    if not credit:
        return None
    end = len(lines) - credit  # the caption's lines before the one its credit starts on
    for start in range(end - 1, MIN_MEASURED_LINES - 1, -1):
        if closes_text(lines[start]):
            return None  # a sentence ends at a line end inside what would be the caption
        if not closes_text(lines[start - 1]):
            continue
        column = piece_column(lines[max(0, start - MEASURING_LINES) : start])
        wider = all(line.width > column + COLUMN_TOLERANCE for line in lines[start:end])
        return start if column > 0 and wider else None
    return None
