"""Photo credits closing a caption: ``（新华社记者 X 摄）``, ``本报记者 X 摄``, ``X/摄``,
``■ 本报记者 X``, ``（特约摄影 X）``, ``图/本报记者 X``, ``摄影/X``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.parsing.credits import BULLET, NAMES, SENT_BY, Credits, parse_credits
from shared.parsing.role_words import CJK, ROLE_RE, SHOOTER_ROLE

_BULLET_CHAR = re.compile(f"[{BULLET}]")
# A photo's credit: (新华社记者 X 摄), 本报记者 X 摄, X/摄, ■ 本报记者 X, (特约摄影 X),
# 图/本报记者 X, 摄影/X.
_SHOT = r"(?:[/／]\s*)?摄(?:影)?(?:报道)?"
_PHOTO_CREDIT_PAREN = re.compile(
    rf"\s*(?:{SENT_BY})?[（(]\s*(?P<credit>(?:{SENT_BY}\s*)?(?:(?:{ROLE_RE})\s*)?(?:{NAMES})?"
    rf"\s*{_SHOT}|(?:{SHOOTER_ROLE})\s*[:：]?\s*{NAMES})\s*[）)]\s*$"
)
_PHOTO_WORK = re.compile(r"图\s*[/／]")
_PHOTO_CREDIT_BULLET = re.compile(
    rf"\s*(?P<credit>[{BULLET}]\s*(?:(?:{ROLE_RE})\s*)?(?:{NAMES})?(?:\s*{_SHOT})?)\s*$"
)
# The source a credit may name after it in brackets: 许丛军摄（人民视觉）, X 摄（新华社发）.
_SOURCE_AFTER = r"(?:\s*[（(][^（）()。，,\s]{2,8}[）)])?"
_PHOTO_CREDIT_SHE = re.compile(
    rf"(?:^|\s+|(?<=[。！？”）)]))(?P<credit>(?:(?:图|摄影)\s*[/／]\s*)?(?:{ROLE_RE})\s*{NAMES}"
    rf"\s*{_SHOT}|图\s*[/／]\s*(?:{ROLE_RE})?\s*{NAMES}|摄影\s*[/／:：]\s*{NAMES}"
    rf"|[{CJK}]{{2,4}}(?:\s+|\s*[/／]\s*)摄(?:影)?){_SOURCE_AFTER}\s*$"
    # a name set right before 摄 after a sentence: …作业。许丛军摄（人民视觉）
    rf"|(?<=[。！？”])(?P<tight>[{CJK}]{{2,3}}摄){_SOURCE_AFTER}\s*$"
)


@dataclass
class PhotoCredit:
    caption: str  # the caption without its credit
    credit: str  # the credit as printed
    credits: Credits


def may_hold_photo_credit(text: str) -> bool:
    """Every photo credit holds 摄, 图/ or a bullet: without any there is none to look for."""
    return "摄" in text or bool(_BULLET_CHAR.search(text) or _PHOTO_WORK.search(text))


def match_photo_credit(text: str) -> PhotoCredit | None:
    """A photo credit closing a caption: ``… ■ 本报记者 许金松`` or ``（本报记者 X 摄）``."""
    if not may_hold_photo_credit(text):
        return None
    for pattern in (_PHOTO_CREDIT_PAREN, _PHOTO_CREDIT_BULLET, _PHOTO_CREDIT_SHE):
        match = pattern.search(text)
        if match is None:
            continue
        group = "tight" if pattern is _PHOTO_CREDIT_SHE and match.group("tight") else "credit"
        credits = parse_credits(match.group(group).strip(BULLET + " "))
        if not credits.reporters and not credits.correspondents:
            continue
        # the credit as printed runs to the end: a source in brackets after it is part of it
        credit = (
            text[match.start(group) :].rstrip()
            if pattern is _PHOTO_CREDIT_SHE
            else match.group(group)
        )
        return PhotoCredit(caption=text[: match.start()].rstrip(), credit=credit, credits=credits)
    return None


def match_credit_alone(text: str) -> PhotoCredit | None:
    """A photo credit that is all of ``text``, with no caption before it."""
    found = match_photo_credit(text)
    return found if found is not None and not found.caption.strip() else None
