"""Datelines: ``本报讯``, ``本报北京1月16日电``, ``新华社北京7月8日电`` opening an
article's first paragraph, with the byline printed after them (``（记者 朱海波）``, or
``记者张三报道：``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.parsing.bylines import is_role_byline
from shared.parsing.credits import NAME, Credits, parse_credits, split_names
from shared.parsing.normalise import is_spaced_out, remove_layout_spaces
from shared.parsing.role_words import CJK, ORG, ORGS, ROLE, any_of

# 本报讯 / 本报北京1月16日电 / 新华社北京7月8日电 / 据新华社电 / 本报北京电（…）/ 新华社快讯：
# / 本报综合消息 / 央视网消息：.  Another paper or agency named in full (科技日报兰州6月11日电)
# opens a dateline with 讯 or 电 only: ``据中国政府网消息，…`` is a sentence.
_MONTH_DAY = (
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_DATE_ELECTRIC = rf"[{CJK}]{{0,10}}?\s*{_MONTH_DAY}\s*(?:专?电|讯)"
# 本报北京电（…）: a place and 电 with no date; not 本报记者昨日致电 (a reporter, a call)
_UNDATED_PLACE = rf"(?:(?!记者)[{CJK}]){{2,8}}?(?<![致来发通去回充放用触停供断])"
# 电 opening a word (本报电视台, 新华社电话) is no dateline's 电
_ELECTRIC_WORDS = "[视话力影器子信厂站池价量商动竞台网源缆梯脑]"
_DATELINE_HEAD = re.compile(
    rf"^(?:据)?(?:本\s*报\s*讯"
    rf"|(?:{any_of(ORGS)})(?:综合消息|综合报道|消息|快讯)(?:\s*[:：]|(?=\s|[（(]))"
    rf"|{ORG}"
    rf"(?:讯|{_DATE_ELECTRIC}|专?电(?!{_ELECTRIC_WORDS})|{_UNDATED_PLACE}专?电(?=\s|[（(])))"
)
# 本报瑞士达沃斯1月21日 / 电（记者方莹馨）…: a dated dateline wrapped before its 电 or 讯,
# which open the next line; the line holds nothing but the sender, the place and the date
# (not 本报记者1月21日, a sentence's subject and time: …从市教育局获悉).
_DATELINE_CUT_BEFORE_ELECTRIC = re.compile(
    rf"(?:据)?{ORG}(?:(?!记者)[{CJK}]){{0,10}}?\s*{_MONTH_DAY}"
)
# What opens the line under such a dateline
_ELECTRIC = ("电", "专电", "讯")
_DATELINE_PAREN = re.compile(r"^\s*[（(【〔［](?P<inner>[^（）()【】〔〕［］]{1,60})[）)】〕］]")
_PAREN_NAMES_ONLY = re.compile(rf"^[{CJK}·•・\s、，,]+$")
_NAME_ONLY = re.compile(NAME)
_SENTENCE_MARK = re.compile("[。；！？“”]")
# 本报讯 记者张三 通讯员李四报道：… — a byline without brackets, closed by 报道 (what
# comes before 报道 must be a byline line: roles and names, no comma)
_DATELINE_REPORTED = re.compile(r"^\s*(?P<inner>[^，,。；：:！？“”（）()]{3,40}?)报道\s*[:：，,]?")


@dataclass
class Dateline:
    place: str  # 本报讯 / 本报北京1月16日电 / 新华社北京7月8日电
    byline: str  # the parenthesised byline as printed, or ""
    credits: Credits
    rest: str  # the paragraph text after the dateline


def match_dateline(text: str) -> Dateline | None:
    """The dateline opening a paragraph, e.g. ``本报讯（记者 朱海波） 7月1日，…``, with the
    byline printed after it: in brackets (one or more), or closed by 报道
    (``本报讯 记者张三报道：``)."""
    head = _DATELINE_HEAD.match(text)
    if head is None:
        return None
    place = re.sub(r"[\s:：]+", "", head.group())
    rest = text[head.end() :]
    bylines: list[str] = []
    credits = Credits()
    while (paren := _DATELINE_PAREN.match(rest)) and _looks_like_byline(paren.group("inner")):
        bylines.append(paren.group().strip())
        credits.extend(parse_credits(paren.group("inner")))
        rest = rest[paren.end() :]
    reported = _DATELINE_REPORTED.match(rest) if not bylines else None
    if reported and is_role_byline(reported.group("inner").strip()):
        found = parse_credits(reported.group("inner"))
        if found.reporters or found.correspondents:
            bylines.append(reported.group().strip())
            credits = found
            rest = rest[reported.end() :]
    return Dateline(
        place=place, byline="".join(bylines), credits=credits, rest=rest.lstrip(" \u3000")
    )


def is_dateline_cut_before_electric(text: str) -> bool:
    """``本报瑞士达沃斯1月21日``: a line that is a dated dateline wrapped before its 电 or 讯."""
    stripped = text.rstrip()
    # (the date closes the line: most lines are decided without the regular expression)
    return stripped.endswith("日") and _DATELINE_CUT_BEFORE_ELECTRIC.fullmatch(stripped) is not None


def dateline_runs_on(text: str, next_text: str) -> bool:
    """Whether a dateline wrapped before its 电 or 讯 goes on in the next line."""
    return next_text.startswith(_ELECTRIC) and is_dateline_cut_before_electric(text)


def starts_with_dateline(text: str) -> bool:
    """Whether the line opens with a dateline, or is one wrapped before its 电 or 讯; a
    justified line extracted with a space between every character
    (``本 报 开 罗 5 月 3 日 电 （ 记 者 周 輖 ）``) is read closed up.  Asked once a line, by
    make_line (the stages read the line's ``opens_dateline``): not cached."""
    if (
        _may_hold_dateline_head(text) and _DATELINE_HEAD.match(text) is not None
    ) or is_dateline_cut_before_electric(text):
        return True
    opening = text.lstrip()
    return (
        # (本 报 …: most lines are decided here, without slicing the line)
        opening.startswith(" ", 1)
        and opening.startswith(" ", 3)
        and is_spaced_out(opening)
        and starts_with_dateline(remove_layout_spaces(opening, True))
    )


def _may_hold_dateline_head(text: str) -> bool:
    """Whether ``text`` holds what every dateline head names: 讯 or 电, or a sender's 消息 or
    综合报道 (most lines hold none, and are decided without the regular expression)."""
    return "讯" in text or "电" in text or "消息" in text or "报道" in text


def _looks_like_byline(inner: str) -> bool:
    """Roles and names (``记者王比学、李强 通讯员余若怡``), or names only
    (``唐维红、张晓赫``); not a sentence naming a role (``记者从国务院新闻办获悉``)."""
    if ROLE.search(inner):
        credits = parse_credits(inner)
        names = credits.reporters + credits.correspondents
        return all(_NAME_ONLY.fullmatch(n) for n in names) and not _SENTENCE_MARK.search(inner)
    return bool(_PAREN_NAMES_ONLY.match(inner)) and all(
        2 <= len(n) <= 4 for n in split_names(inner)
    )
