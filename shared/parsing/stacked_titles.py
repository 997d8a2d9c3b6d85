"""Two title lines of one block: one title wrapped, or two titles stacked (kicker over headline).

An extractor that leaves no blank line anywhere (PyMuPDF's ``page.get_text()``) runs a
kicker into its headline as a wrapped headline's lines run on, where pdftotext would part
lines set in other sizes with a blank line.  The wrap geometry tells them apart where it
can: a title wraps where the next piece no longer fits its measure, so the rest of a wrapped
title is never much wider than its first line; a line wider than that is a title of its own
set in other type (:func:`wider_than_wrap`).  Where widths allow a wrap, the wording tells:
a wrap breaks wherever the measure ends, inside a phrase, a word, a number or a quotation,
while each line of a stack is a phrase of its own (:func:`runs_on_as_wrap`).
"""

from __future__ import annotations

import re

from shared.parsing.lines import Line, display_width
from shared.parsing.phrase_breaks import breaks_inside_phrase
from shared.parsing.role_words import CJK
from shared.parsing.text_ends import SQUEEZABLE

# Half an em: widths are rounded to it, and a space between a title's phrases sets about
# that much.
_HALF = 0.5
_GAP = re.compile(r"\s+")
# A break never falls next to a space between phrases nor inside a Latin word or a number:
# the piece that moved down whole to the next line, as the lower line opens (up to three
# characters before a gap, with the gap and the character after it, which the allowance
# counts too; a Latin word; a number), else one character.
_PIECE = re.compile(r"\S{1,3}\s+\S|[A-Za-z0-9.%-]+")


def wider_than_wrap(upper: Line, lower: Line) -> bool:
    """``lower`` is wider than ``upper`` could have left it as the rest of a wrapped title: it
    is a title line of its own (a headline in larger type under a kicker, or a subtitle).

    A title wraps where the next piece no longer fits its measure, so its first line falls
    short of the measure by less than that piece, and the rest fits in the measure: the
    lower line of a wrap is at most the upper line plus the piece it opens with
    (``“含科量”持续提`` / ``升 沪深300等多个宽基``: a break after 升 would fall next to the
    space, so 升 moved down and the line above stops two em short), plus half an em for
    each mark it may squeeze and for rounding.  Widths count the gaps between phrases
    (``深刻认识和把握改革规律 进一步`` over ``改进工作方式方法不断推动政府职``)."""
    text = lower.text.strip()
    piece = _PIECE.match(text)
    moved = _printed_width(piece.group()) if piece is not None else display_width(text[:1])
    allowance = _HALF + moved + _HALF * sum(1 for char in text if char in SQUEEZABLE)
    return _printed_width(text) > _printed_width(upper.text.strip()) + allowance


def _printed_width(text: str) -> float:
    """The width of ``text`` with each gap between phrases taken as half an em."""
    return display_width(text) + _HALF * len(_GAP.findall(text))


# A title line this short (characters) is the rest of a wrapped title, not a title of its
# own: no kicker or headline is so short, and a wrap may leave a word or two on its last line.
MAX_REMNANT = 4
_IDEOGRAPHS = re.compile(f"[{CJK}]+")
_OPENERS = {"“": "”", "（": "）", "(": ")", "《": "》", "‘": "’", "「": "」"}


def _lone_character_at_break(upper: list[str], lower: list[str]) -> bool:
    """One character of a phrase stands alone at the break, set apart from the rest of its
    line by the gap between a title's phrases (``…团结一致向前`` / ``看 重整行装再出发``,
    ``…运行平稳  感`` / ``染者…``): the rest of a phrase cut by the measure, as the remnant
    of a wrapped title is (``MAX_REMNANT``), for no phrase of a title is one character."""
    return (len(lower) > 1 and len(lower[0]) == 1) or (len(upper) > 1 and len(upper[-1]) == 1)


def runs_on_as_wrap(upper: str, lower: str, body: str, page: str = "") -> bool:
    """The wording shows ``lower`` to be the rest of a title wrapped from ``upper``: the
    break leaves a bracket or quote of ``upper`` open (``金刚石散热：“概念炒``), falls inside a
    number or a Latin word (``年内新增3`` / ``74条指数``), leaves a remnant of at most
    ``MAX_REMNANT`` characters (``发扬英模精神，助力打赢大上海`` / ``保卫战``) or one character of
    a phrase alone at the break (:func:`_lone_character_at_break`), or cuts a word
    in two that the article's ``body`` writes whole (``负责`` / ``人…``, the body speaking of
    its 负责人), or, two characters of Chinese script, that the running text of the whole
    ``page`` writes side by side (``上海形成公共文化内容统`` / ``一配送平台``: 统一, which the
    article's body never writes, other articles do), or falls inside a phrase by the
    dictionary's words (:func:`.phrase_breaks.breaks_inside_phrase`: ``…运行平`` /
    ``稳…``, ``…转阴约`` / ``需7-10天``, ``…负责人`` / ``和美国…``).  Each line of a
    stacked kicker and headline is a phrase of its own: none of this happens at its end.
    (Of the 26 kickers of plain wording over a headline in the corpus, none closes with a
    character that the other 112 articles' bodies write before the headline's first
    character, where both are characters of Chinese script; three do with a quotation mark
    on either side.)"""
    if _lone_character_at_break(upper.split(), lower.split()):
        return True
    upper, lower = "".join(upper.split()), "".join(lower.split())
    if not upper or not lower:
        return True
    if any(upper.count(opener) > upper.count(closer) for opener, closer in _OPENERS.items()):
        return True
    if upper[-1].isascii() and upper[-1].isalnum() and lower[0].isascii() and lower[0].isalnum():
        return True
    cut = upper[-1] + lower[0]
    if len(lower) <= MAX_REMNANT or cut in body:
        return True
    if cut in page and _IDEOGRAPHS.fullmatch(cut) is not None:
        return True
    return breaks_inside_phrase(upper, lower)
