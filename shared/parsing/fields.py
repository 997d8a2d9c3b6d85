"""Article fields read from text: datelines, bylines, photo credits, continuation markers,
and which title line is the kicker, the headline and the subtitle.

Roles map to fields as the gold conventions say: names after 记者 / 本报记者 (and the other
reporting roles: 首席记者, 见习记者, 特约记者, 摄影记者, 实习生 …) go to ``reporters``, names
after 通讯员 (本报通讯员, 特约通讯员) to ``correspondents``.  Parenthesised names without a
role (``本报北京2月12日电（唐维红、张晓赫）``) are reporters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from shared.parsing.lines import display_width
from shared.parsing.types import ParsedArticle

_CJK = r"\u4e00-\u9fff\u3400-\u4dbf"

# Longest first so that 本报通讯员 wins over 通讯员 and 本报记者 over 记者.
_CORRESPONDENT_ROLES = ("本报特约通讯员", "特约通讯员", "本报通讯员", "通讯员")
_REPORTER_ROLES = (
    "本报首席记者",
    "本报见习记者",
    "本报实习记者",
    "本报特约记者",
    "本报摄影记者",
    "本报记者",
    "新华社记者",
    "中新社记者",
    "首席记者",
    "见习记者",
    "实习记者",
    "特约记者",
    "摄影记者",
    "记者",
    "实习生",
    "摄影",
)
ROLES = _CORRESPONDENT_ROLES + _REPORTER_ROLES
_ROLE_CHARS = "记通实摄"  # every role holds one (tests/shared/parsing/test_fields.py)
_ROLE_CHAR = re.compile(f"[{_ROLE_CHARS}]")


def _spaced(word: str) -> str:
    """A regex for ``word`` that tolerates justification spaces between its characters."""
    return r"\s*".join(re.escape(c) for c in word)


_ROLE_RE = "|".join(_spaced(r) for r in sorted(ROLES, key=len, reverse=True))
_ROLE = re.compile(_ROLE_RE)
# A name is one to four characters (two to six with a · in minority names); names are
# separated by spaces or 、 so that running text never reads as a list of names.
_NAME = rf"(?:[{_CJK}]{{1,4}}|[{_CJK}]{{1,4}}·[{_CJK}]{{1,4}})"
_NAMES = rf"{_NAME}(?:(?:\s+|\s*[、，,/]\s*){_NAME})*"
_BULLET = "■●◆□▲★◎"
_BULLET_CHAR = re.compile(f"[{_BULLET}]")

# ■ 本 报 记 者 王培源 李政哲 / 本报通讯员 李正一 / 本报记者  潘高峰 / 特约通讯员  忻文轲
# 文/本报记者 X, 图/新华社记者 Y: the part of the work the names are credited with
_WORK_PREFIX = r"(?:(?:文|图|文图|文/图|图/文)\s*[/／]\s*)?"
_BYLINE_LINE = re.compile(
    rf"^[{_BULLET}]?\s*{_WORK_PREFIX}(?:(?:{_ROLE_RE})\s*{_NAMES}\s*[/｜|]?\s*{_WORK_PREFIX})+$"
)
# ■ 李 文 — a bullet and a name, no role (a commentary's author).
_BULLET_NAME_LINE = re.compile(rf"^[{_BULLET}]\s*[{_CJK}](?:\s*[{_CJK}]){{1,3}}$")

_DATELINE_HEAD = re.compile(
    rf"^(?:据)?(?:本\s*报\s*讯|(?:本报|新华社|中新社|人民网|新华网|央视网|中国新闻社|"
    rf"[{_CJK}]{{2,6}}?(?:日报|晚报|早报|时报|报|社|网|台))"
    rf"(?:讯|[{_CJK}]{{0,10}}?\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*"
    rf"(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日\s*电|电))"
)
_DATELINE_PAREN = re.compile(r"^\s*[（(](?P<inner>[^（）()]{1,60})[）)]")
_PAREN_NAMES_ONLY = re.compile(rf"^[{_CJK}·\s、，,]+$")

_PHOTO_CREDIT_PAREN = re.compile(
    rf"\s*[（(]\s*(?P<credit>(?:(?:{_ROLE_RE})\s*)?(?:{_NAMES})?\s*摄(?:影)?)\s*[）)]\s*$"
)
_PHOTO_CREDIT_BULLET = re.compile(
    rf"\s*(?P<credit>[{_BULLET}]\s*(?:(?:{_ROLE_RE})\s*)?(?:{_NAMES})?(?:\s*摄)?)\s*$"
)
_PHOTO_CREDIT_SHE = re.compile(
    rf"(?:^|\s+|(?<=[。！？”]))(?P<credit>(?:{_ROLE_RE})\s*{_NAMES}\s*摄)\s*$"
)

_CONTINUATION = re.compile(
    r"[（(]\s*(?P<marker>(?P<kind>下转|转|上接|紧接|接|续)\s*(?:第\s*)?"
    r"[0-9A-Za-z一二三四五六七八九十零〇]{1,4}\s*(?:版|页)[^（）()]{0,12}?)\s*[）)]"
)


@dataclass
class Credits:
    """Names read from a byline, a dateline's parentheses or a photo credit."""

    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)

    def extend(self, other: Credits) -> None:
        self.reporters.extend(n for n in other.reporters if n not in self.reporters)
        self.correspondents.extend(n for n in other.correspondents if n not in self.correspondents)


def split_names(chunk: str) -> list[str]:
    """``王培源 李政哲`` → two names; ``田 鹏`` (a justified 2-character name) → one."""
    tokens = [t for t in re.split(r"[\s、，,/｜|]+", chunk.strip(_BULLET + " ")) if t]
    names: list[str] = []
    singles: list[str] = []
    for token in tokens:
        if len(token) == 1:
            singles.append(token)
            continue
        if singles:
            names.append("".join(singles))
            singles = []
        names.append(token)
    if singles:
        names.append("".join(singles))
    return names


def parse_credits(text: str) -> Credits:
    """Names by role from ``记者 朱海波 通讯员 郭凌鹤`` (roles may be spaced out)."""
    credits = Credits()
    text = re.sub(r"(?:^|(?<=\s))(?:文|图|文图|文/图|图/文)\s*[/／]\s*", " ", text)
    matches = list(_ROLE.finditer(text))
    if not matches:
        credits.reporters.extend(split_names(text))
        return credits
    leading = text[: matches[0].start()].strip(_BULLET + " ")
    if leading:
        credits.reporters.extend(split_names(leading))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        role = re.sub(r"\s+", "", match.group())
        names = split_names(text[match.end() : end].replace("摄影", "").replace("摄", " "))
        target = credits.correspondents if "通讯员" in role else credits.reporters
        target.extend(n for n in names if n not in target)
    return credits


@functools.lru_cache(maxsize=4096)
def is_byline_line(text: str) -> bool:
    compact = text.strip()
    if not compact or (compact[0] not in _BULLET and not _ROLE_CHAR.search(compact)):
        return False  # neither a role (each names one of _ROLE_CHARS) nor a bullet
    if display_width(compact) > 40 or compact.endswith("摄"):
        return False  # ``记者 X 摄`` credits a photo: it belongs to the caption
    return bool(_BYLINE_LINE.match(compact) or _BULLET_NAME_LINE.match(compact))


@dataclass
class Dateline:
    place: str  # 本报讯 / 本报北京1月16日电 / 新华社北京7月8日电
    byline: str  # the parenthesised byline as printed, or ""
    credits: Credits
    rest: str  # the paragraph text after the dateline


def match_dateline(text: str) -> Dateline | None:
    """The dateline opening a paragraph, e.g. ``本报讯（记者 朱海波） 7月1日，…``."""
    head = _DATELINE_HEAD.match(text)
    if head is None:
        return None
    place = re.sub(r"\s+", "", head.group())
    rest = text[head.end() :]
    byline = ""
    credits = Credits()
    paren = _DATELINE_PAREN.match(rest)
    if paren and _looks_like_byline(paren.group("inner")):
        byline = paren.group().strip()
        credits = parse_credits(paren.group("inner"))
        rest = rest[paren.end() :]
    return Dateline(place=place, byline=byline, credits=credits, rest=rest.lstrip(" \u3000"))


@functools.lru_cache(maxsize=4096)
def starts_with_dateline(text: str) -> bool:
    return _DATELINE_HEAD.match(text) is not None


def _looks_like_byline(inner: str) -> bool:
    if _ROLE.search(inner):
        return True
    return bool(_PAREN_NAMES_ONLY.match(inner)) and all(
        2 <= len(n) <= 4 for n in split_names(inner)
    )


@dataclass
class PhotoCredit:
    caption: str  # the caption without its credit
    credit: str  # the credit as printed
    credits: Credits


def may_hold_photo_credit(text: str) -> bool:
    """Every photo credit holds 摄 or a bullet: without either there is none to look for."""
    return "摄" in text or _BULLET_CHAR.search(text) is not None


def match_photo_credit(text: str) -> PhotoCredit | None:
    """A photo credit closing a caption: ``… ■ 本报记者 许金松`` or ``（本报记者 X 摄）``."""
    if not may_hold_photo_credit(text):
        return None
    for pattern in (_PHOTO_CREDIT_PAREN, _PHOTO_CREDIT_BULLET, _PHOTO_CREDIT_SHE):
        match = pattern.search(text)
        if match is None:
            continue
        credit = match.group("credit")
        credits = parse_credits(credit.strip(_BULLET + " "))
        if not credits.reporters and not credits.correspondents:
            continue
        return PhotoCredit(caption=text[: match.start()].rstrip(), credit=credit, credits=credits)
    return None


@dataclass(frozen=True)
class Continuation:
    marker: str  # 下转第2版 / 上接第1版 as printed, without brackets
    forward: bool  # True for 下转 (continued on a later page), False for 上接
    start: int
    end: int


def find_continuations(text: str) -> list[Continuation]:
    if "转" not in text and "接" not in text and "续" not in text:
        return []  # every marker names one of these: most lines are decided without the regex
    return list(_continuations(text))


@functools.lru_cache(maxsize=4096)
def _continuations(text: str) -> tuple[Continuation, ...]:
    # cached: the stages ask about the same line several times
    return tuple(
        Continuation(
            marker=re.sub(r"\s+", "", m.group("marker")),
            forward=m.group("kind") in ("下转", "转"),
            start=m.start(),
            end=m.end(),
        )
        for m in _CONTINUATION.finditer(text)
    )


def opens_continued_part(text: str) -> bool:
    """The line opens with ``（上接第1版）``: the rest of an article begun on another page."""
    found = find_continuations(text)
    return bool(found) and not found[0].forward and not text[: found[0].start].strip()


def is_continuation_line(text: str) -> bool:
    found = find_continuations(text)
    if len(found) != 1:
        return False
    return not text[: found[0].start].strip() and not text[found[0].end :].strip()


def strip_continuations(text: str) -> tuple[str, list[Continuation]]:
    """Remove continuation markers at the start or end of a line; return them."""
    found = find_continuations(text)
    kept: list[Continuation] = []
    for item in reversed(found):
        before, after = text[: item.start], text[item.end :]
        if not after.strip() or not before.strip():
            text = before.rstrip() + after.lstrip() if before.strip() else after.lstrip()
            kept.append(item)
    kept.reverse()
    return text.strip(), kept


@dataclass
class TitleRoles:
    kicker: str = ""
    headline: str = ""
    subtitle: str = ""
    rules: dict[int, tuple[str, str]] = field(default_factory=dict)  # unit index → role, rule


# Verbs that close an 引题 introducing the statement printed as the headline.
_REPORTING_VERBS = ("强调", "指出", "表示", "要求", "提出", "呼吁")


def is_subtitle(text: str) -> bool:
    """Opens with a dash and has words after it.  A line of bare dashes is no subtitle: it is
    the end of the line above, wrapped (``…“细绳子”`` / ``——``), as a dash that closes a
    lead-in may be pushed to the next line."""
    return text.startswith(("——", "—", "--")) and bool(text.strip().lstrip("—-"))


def is_kicker_shaped(text: str) -> bool:
    """引题 that announce the headline: ``水利部——``, ``杜庭斌：``, ``中国驻美大使呼吁——``."""
    return text.endswith(("——", "：", ":"))


def wrapped_in_larger_type(units: Sequence[str], measures: Sequence[float | None]) -> int | None:
    """The one plain title unit shown by wrap geometry to be set in the largest type, or None.

    ``measures[i]`` is the width of unit ``i``'s widest wrapped (non-last) line when the unit
    runs over several lines, else None.  Titles of one article share one measure; a title
    that had to wrap at width ``W`` while another title holds at least ``W`` on a single line
    is set in larger type than that other one (more width per character), and the main title
    is the one in the largest type.  So when exactly one unit wraps and every other unit is
    one line at least as wide as its wrapped line, the wrapped unit is the headline.  A
    shorter one-line title says nothing (it may be short, not small), so no answer then.
    """
    wrapped = [(i, width) for i, width in enumerate(measures) if width is not None]
    if len(wrapped) != 1 or len(units) < 2:
        return None
    ((index, width),) = wrapped
    others = [display_width(unit) for i, unit in enumerate(units) if i != index]
    return index if all(other >= width for other in others) else None


# Marks that a title sets narrow or leaves out: its length is in its words.
_TITLE_MARKS = frozenset("，。、；：？！“”‘’《》「」『』（）()【】,.;:?!\"' ")


def _wording_width(title: str) -> float:
    """A title's width without its punctuation: large title type compresses its marks (or
    drops them for a space), so the words say how long a title is."""
    return display_width("".join(c for c in title if c not in _TITLE_MARKS))


def assign_title_roles(
    units: list[str], body_after: bool, measures: Sequence[float | None] | None = None
) -> TitleRoles:
    """Which title unit is kicker, headline, subtitle.

    ``units`` are the title lines of one article in extraction order (a headline wrapped
    over two adjacent lines is already one unit); ``body_after`` says whether the body follows
    the titles (else it precedes them).

    Rule: a unit starting with ``——`` is the subtitle; one ending with ``——`` or ``：`` is
    the kicker.  Of the rest, the headline is the shorter one: a main title is set in large
    type and so is short, while an 引题 explains and runs longer (true for the reference page
    and for most kicker/headline pairs in the corpus).  On a tie the unit nearer to the body
    is the headline: the extractor emits stacked title lines outward from the body it
    belongs to more often than not.  With two plain units the other one is the kicker; with
    more, units extracted before the headline form the kicker and those after the subtitle.
    Wrap geometry (``measures``, see ``wrapped_in_larger_type``) overrides the length rule:
    it shows type size, which is what tells the main title in print.
    """
    roles = TitleRoles()
    plain = [i for i, u in enumerate(units) if not is_subtitle(u) and not is_kicker_shaped(u)]
    subtitles = [i for i, u in enumerate(units) if is_subtitle(u)]
    kickers = [i for i, u in enumerate(units) if is_kicker_shaped(u) and not is_subtitle(u)]
    if not plain and kickers:
        plain = [kickers.pop()]
    elif not plain and subtitles:
        plain = [subtitles.pop(0)]
    headline_index = -1
    if plain:
        order = plain if not body_after else list(reversed(plain))  # nearest to body first
        # ``…在…会议上强调``: a unit that reports who said what introduces the headline
        # (the statement), so it is the kicker whatever its length.
        statements = [i for i in order if not units[i].endswith(_REPORTING_VERBS)]
        order = statements or order
        # nearest-to-body first, so min() keeps it on a width tie
        headline_index = min(order, key=lambda i: _wording_width(units[i]))
        rule = "only title line" if len(plain) == 1 else "shorter title line (tie: nearer body)"
        if len(order) < len(plain):
            rule = "the title line that is not a reported-speech kicker (…强调)"
        elif measures is not None and len(plain) > 1:
            larger = wrapped_in_larger_type(
                [units[i] for i in plain], [measures[i] for i in plain]
            )
            if larger is not None:
                headline_index = plain[larger]
                rule = "wraps where another title fits on one line: the larger type"
        roles.headline = units[headline_index]
        roles.rules[headline_index] = ("title", rule)
    kicker_parts: list[str] = []
    subtitle_parts: list[str] = []
    for index, unit in enumerate(units):
        if index == headline_index:
            continue
        if index in subtitles:
            subtitle_parts.append(unit.lstrip("—-").strip())
            roles.rules[index] = ("subtitle", "starts with ——")
        elif index in kickers:
            kicker_parts.append(unit)
            roles.rules[index] = ("kicker", "ends with —— or ：")
        elif len(plain) == 2 or index < headline_index or unit.endswith(_REPORTING_VERBS):
            kicker_parts.append(unit)
            roles.rules[index] = ("kicker", "the other, longer title line")
        else:
            subtitle_parts.append(unit)
            roles.rules[index] = ("subtitle", "third title line, extracted after the headline")
    roles.kicker = " ".join(kicker_parts)
    roles.subtitle = " ".join(subtitle_parts)
    return roles


def apply_body_fields(
    article: ParsedArticle,
    paragraphs: list[str],
    markers: Sequence[Continuation],
    bylines: list[str],
    credits: Credits,
) -> Dateline | None:
    """Read what an article's body says about the article into its fields.

    The first 下转 / 上接 marker found sets ``continued_to`` / ``continued_from``; a photo's
    closing credit leaves its caption and goes to ``bylines`` and ``credits``; an article's
    opening dateline sets ``dateline`` and leaves its first paragraph (its parenthesised
    byline going first in ``bylines``).  ``paragraphs`` is changed in place, empty ones are
    dropped into ``article.paragraphs``; returns the dateline read, if any.
    """
    for marker in markers:
        if marker.forward:
            article.continued_to = article.continued_to or marker.marker
        else:
            article.continued_from = article.continued_from or marker.marker
    dateline: Dateline | None = None
    if article.kind == "photo" and paragraphs:
        credit = match_photo_credit(paragraphs[-1])
        if credit is not None:
            paragraphs[-1] = credit.caption
            bylines.append(credit.credit.strip())
            credits.extend(credit.credits)
    elif paragraphs:
        dateline = match_dateline(paragraphs[0])
        if dateline is not None:
            article.dateline = dateline.place
            if dateline.byline:
                bylines.insert(0, dateline.byline)
            credits.extend(dateline.credits)
            paragraphs[0] = dateline.rest
    article.paragraphs = [p for p in paragraphs if p.strip()]
    return dateline
