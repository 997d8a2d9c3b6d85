"""Whether a line closes the text before it: a sentence end, a parenthetical note, a
hand-over to another page; and whether a parenthesis is still open."""

from __future__ import annotations

from shared.parsing.lines import Line

# Marks that close a lead-in to what follows: a colon, or a dash closing a run-in subhead
# (``政策赋能，解开束缚转化的“细绳子”——`` over its paragraph's indented first line).
LEADS_IN = ("：", ":", "——")
# A parenthetical note closing a body (``（陈晓霞、张旭航、李大勇参与采写）``) wraps over at
# most this many lines.
MAX_NOTE_LINES = 3
# A full stop or a semicolon ends a sentence; a title holds none.
FULL_STOPS = frozenset("。；;")
# Marks that pause a sentence: a headline may part its phrases with one inside a line
# (``十多天没回家，每天工作超过十二小时``, ``下楼做核酸，129人忘带钥匙``).
PHRASE_PAUSES = frozenset("，、,")
# Marks the type may set narrow, by about half an em each wherever they stand in a line (a
# line's measured width counts them whole).
SQUEEZABLE = frozenset("，。、；：？！“”‘’（）《》「」『』,.;:?!")


def closes_text(line: Line) -> bool:
    """Ends a sentence, is a parenthetical note (``（某某参与采写）``), or hands the text over
    to another page (``…（下转第2版）``)."""
    if line.ends_sentence or (line.text[:1] in "（(" and line.text[-1:] in "）)"):
        return True
    markers = line.continuations
    return bool(markers) and markers[-1].forward and not line.text[markers[-1].end :].strip()


# Closing quotes and brackets that may follow a sentence's last mark.
CLOSING_QUOTES = "”’」』》）)"


def asks_or_exclaims(text: str) -> bool:
    """Ends with ？ or ！ (or their half-width forms), past any closing quotes and brackets:
    a headline may end so (``商圈如何接住世界杯流量？``)."""
    return text.rstrip(CLOSING_QUOTES).endswith(("？", "！", "?", "!"))


def unclosed_parenthesis(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")
