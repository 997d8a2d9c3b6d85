"""Byline lines: a line that credits the article's reporters (``■ 本报记者 王培源 李政哲``,
``文/张三``, ``（本报记者 张三）``), and a bracketed byline closing an article's text.

No rule may eat body text: a name printed right after its role (or after a colon, or
spaced out letter by letter) begins with a surname, and words such as 了解到 or 手记 are
never names, so ``记者了解到，…`` and an interview's ``记者：…`` stay text.
"""

from __future__ import annotations

import re

from shared.parsing.credits import (
    BRACKETED,
    BULLET,
    BYLINE_TAIL,
    COLUMN_LABELS,
    NAMES,
    NOT_NAMES,
    SURNAMES,
    WHOLE_NAMES,
    is_signature,
    parse_credits,
    split_names,
)
from shared.parsing.normalise import display_width
from shared.parsing.parse_cache import per_parse
from shared.parsing.photo_credits import PhotoCredit
from shared.parsing.role_words import (
    CJK,
    INSTITUTIONAL_AUTHOR,
    ORG,
    ROLE,
    ROLE_CHAR,
    ROLE_RE,
    ROLE_WORD,
)

_SINGLE_CHARACTER = re.compile(rf"[{CJK}]\s")  # 记 者 张 三: a justified line

# ■ 本 报 记 者 王培源 李政哲 / 本报通讯员 李正一 / 本报记者  潘高峰 / 特约通讯员  忻文轲
# 文/本报记者 X, 图/新华社记者 Y: the part of the work the names are credited with
_WORK_PREFIX = r"(?:(?:文|图|文图|文/图|图/文)\s*[/／]\s*)?"
# The names are matched atomically (a later role may read as a name, which is harmless
# here: the line must end with names): without it, a line of many role-and-name pairs
# that fails at its end is tried in exponentially many splits.
_BYLINE_LINE = re.compile(
    rf"^[{BULLET}]?\s*{_WORK_PREFIX}(?:(?:{ROLE_RE})\s*[:：|｜]?\s*{WHOLE_NAMES}\s*[/｜|]?\s*"
    rf"(?:[{BULLET}]\s*)?{_WORK_PREFIX})+$"
)
# …顺利完成。（记者 张立 通讯员 李响）: a byline in brackets closing an article's text
_CLOSING_BYLINE = re.compile(r"(?:^|(?<=[。！？!?”’…]))\s*[（(](?P<inner>[^（）()]{2,40})[）)]\s*$")
# （据新华社北京7月11日电 记者 王悦阳）: a closing bracket may name the source and its
# dateline before the byline (a wire report reprinted with its credit at the end)
_WIRE_SOURCE = re.compile(rf"^据?\s*{ORG}[^（）()\s]{{0,14}}?[电讯]\s*")
# 文/张三, 文/图 李四, 撰文：王五 — the work credited, no role
_WORK_LABEL = (
    r"(?:(?:文|图|文图|撰文|撰稿|文字|摄影)\s*[/／:：]|(?:文\s*[/／]\s*图|图\s*[/／]\s*文)\s*[:：]?)"
)
# …and the pieces of work one line credits: 撰稿：张三 摄影：李四
_WORK_NAMES_LINE = re.compile(
    rf"^[{BULLET}]?\s*(?:{_WORK_LABEL}\s*{NAMES}\s+){{0,2}}{_WORK_LABEL}\s*{WHOLE_NAMES}$"
)


@per_parse
def is_byline_line(text: str) -> bool:
    compact = text.strip()
    if not compact or (
        compact[0] not in BULLET and compact[0] not in "文图撰" and not ROLE_WORD.search(compact)
    ):
        return False  # neither a role, a bullet nor 文/
    if display_width(compact) > 40 or compact.endswith("摄"):
        return False  # ``记者 X 摄`` credits a photo: it belongs to the caption
    if is_signature(compact) or _WORK_NAMES_LINE.match(compact):
        return True
    if INSTITUTIONAL_AUTHOR.fullmatch(compact.lstrip(BULLET + " \u3000")):
        return True  # 本报评论员: an editorial's signature, naming no reporter
    bracketed = BRACKETED.fullmatch(compact)
    if bracketed:  # （本报记者 张三）: a byline some papers print in brackets
        compact = bracketed.group("inner").strip()
    # 记者｜张三 通讯员｜李四: a bar sets a role off from its names as a space does
    return is_role_byline(compact.replace("｜", " ").replace("|", " "))


def is_role_byline(text: str) -> bool:
    return bool(_BYLINE_LINE.match(text)) and _names_follow_roles(text)


def _names_follow_roles(text: str) -> bool:
    """Each role is followed by names, not by running text or a column label: a name set
    right after its role with no space, or after a colon, begins with a surname
    (``记者王比学``, but not ``记者了解到`` or an interview's ``记 者 ： 在 上 一 场``), as
    does one spaced out character by character (``本 报 记 者 陆 玮 鑫``, but not a justified
    line of text ``记 者 从 人 民 银 行``), and
    none is a word such as 手记 or 观察 (``■记者手记`` labels a column)."""
    text = BYLINE_TAIL.sub("", text)
    words = split_names(ROLE.sub(" ", text).replace("：", " "))
    if words and all(word in COLUMN_LABELS for word in words):
        return True  # ■记者手记
    for match in ROLE.finditer(text):
        after = text[match.end() :]
        if after.lstrip().startswith((":", "：")):
            # 记者：之前在采访… opens an interview's question; 记者：王明 credits a name
            after = after.lstrip()[1:].lstrip()
        elif after[:1].isspace():
            after = after.lstrip()
            if not _SINGLE_CHARACTER.match(after):
                continue  # 记者 王比学: a spaced name is a name
            # 记 者 从 人 民 银 行: a justified line's characters, a name only after a surname
        if after and after[0] not in SURNAMES:
            return False
    return not any(word in NOT_NAMES for word in words)


def match_closing_byline(text: str) -> PhotoCredit | None:
    """A bracketed byline with a role closing an article's text (``…顺利完成。（记者 张立）``,
    as papers credit short reports at their end, ``（据新华社北京7月11日电 记者 王悦阳）``
    after a wire report's source): the text before it and the names.  A bracket with no
    role (``（张立）``, ``（作者为北京大学教授）``) or with a photo's 摄 stays text."""
    if "）" not in text[-2:] and ")" not in text[-2:]:
        return None
    match = _CLOSING_BYLINE.search(text)
    if match is None:
        return None
    inner = _WIRE_SOURCE.sub("", match.group("inner").strip())
    if "摄" in inner or not ROLE_CHAR.search(inner) or not is_role_byline(inner):
        return None
    credits = parse_credits(inner)
    if not credits.reporters and not credits.correspondents:
        return None
    credit = match.group().strip()
    return PhotoCredit(caption=text[: match.start()].rstrip(), credit=credit, credits=credits)
