"""A photo credit that the extractor split over two places, joined again under its caption.

A caption's credit is set after its last sentence and may wrap: ``…立案审查调查。（本报记者 董``
/ ``涛 摄）``.  A plain-text extractor reads a page in text order, and where the credit's
opening stands at its line's right edge, apart from the caption's text, it may read that
opening (``■ 本报``, ``（本报记者 魏``) as a line of its own somewhere after the caption (past
a blank line, the page's editor line, or a whole title block), while the rest
(``记者 周杰``, ``欣 摄）``) stays under the caption's last sentence.  Read as they stand, the
rest makes a title of the caption and the opening a title or a byline of whatever follows.

A credit's opening alone is plain to see in any paper: a line that is only a bullet or an
opening bracket with the start of a role (``本报``, ``本报记``, ``本报记者 魏``) and closes
nothing; no title, byline or sentence is that.  It is joined to a short line that stands right
under a sentence's end and does not open with a bullet or bracket of its own, only where the
two read together make one whole photo credit naming somebody (``■ 本报记者 周杰``,
``（本报记者 魏欣 摄）``).  Each rest takes the first opening left after it on the page: such
openings are rare enough (a few in a hundred pages) that the next one is its own.
The joined line takes the rest's place under the caption, where the caption rules read it;
the opening's line is dropped (its characters live on in the joined line).  An article's
byline is never touched: a byline opening is a whole line naming its reporter, never a bare
``■ 本报``.
"""

from __future__ import annotations

import re

from shared.parsing.credits import BULLET
from shared.parsing.lines import Line, make_line
from shared.parsing.photo_credits import match_credit_alone, match_photo_credit
from shared.parsing.role_words import CJK

# The opening of a credit alone: a bullet or an opening bracket, a few characters of a role
# and maybe a name's first character, nothing closed.
_HEAD = re.compile(rf"^(?:[{BULLET}]\s*|[（(])[{CJK}]{{1,6}}(?:\s*[{CJK}])?$")
_OPENERS = frozenset(BULLET + "（(")
# The rest under the caption: the end of a role or a name, maybe closing with 摄）.
_TAIL = re.compile(rf"^[{CJK}]{{1,4}}(?:\s*[{CJK}]{{1,4}})?(?:\s*摄\s*[）)])?$")


def rejoin_split_credits(lines: list[Line]) -> list[Line]:
    """``lines`` with each split photo credit joined under its caption (module docstring)."""
    for line in lines:
        if line.text[:1] in _OPENERS and len(line.text) <= 10 and _HEAD.match(line.text):
            break
    else:
        return lines  # no opening alone on the page (nearly every page): nothing to join
    out = list(lines)
    index = 1
    while index < len(out):
        tail = out[index]
        head_index = _head_for(out, index) if _is_tail(out[index - 1], tail) else None
        if head_index is None:
            index += 1
            continue
        head = out[head_index]
        lead = tail.raw[: len(tail.raw) - len(tail.raw.lstrip())]
        joined = make_line(
            lead + head.text + tail.text, tail.number, tail.page, tail.set_in, tail.heads_columns
        )
        out[index] = joined
        drop = {head_index}
        if out[head_index - 1].is_blank and (
            head_index + 1 >= len(out) or out[head_index + 1].is_blank
        ):
            drop.add(head_index - 1)  # no double blank left where the opening stood
        out = [line for number, line in enumerate(out) if number not in drop]
        index += 1
    return out


def _is_tail(above: Line, tail: Line) -> bool:
    return (
        not above.is_blank
        and above.ends_sentence
        and len(tail.text) <= 10
        and above.width > 2 * tail.width
        and bool(_TAIL.match(tail.text))
    )


def _head_for(lines: list[Line], index: int) -> int | None:
    """The index of the first credit opening after the rest at ``index``, completing it."""
    tail = lines[index]
    for ahead in range(index + 1, len(lines)):
        line = lines[ahead]
        if line.is_blank or len(line.text) > 10 or not _HEAD.match(line.text):
            continue
        found = match_credit_alone(line.text + tail.text)
        if found is None:
            return None
        named = {*found.credits.reporters, *found.credits.correspondents}
        alone = match_photo_credit(line.text)
        # the opening alone names nobody the whole credit names (``■ 本报`` reads as a name)
        if not named or (
            alone is not None
            and not named.isdisjoint({*alone.credits.reporters, *alone.credits.correspondents})
        ):
            return None
        return ahead
    return None
