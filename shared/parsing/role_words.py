"""The role words that credit a name in a byline (记者, 通讯员, 实习生, 摄影, 评论员), read
as papers build them.

Roles map to fields as the gold conventions say: names after 记者 / 本报记者 (and every
reporting role built like them: 首席记者, 融媒体记者, 本报驻京记者, 经济日报记者, 实习生,
摄影 …) go to ``reporters``, names after 通讯员 (本报通讯员, 见习通讯员) to
``correspondents``; a commentary's author (本报评论员 X) is no reporter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

CJK = r"\u4e00-\u9fff\u3400-\u4dbf"

# A role is built the way papers print it, not listed whole: who the reporter works for
# (本报, 新华社, 经济日报 …), where they are stationed (驻京, 驻上海), what kind of reporter
# (首席, 融媒体, 特派 …), then 记者; the same for 通讯员.  Names after a 通讯员 role go to
# ``correspondents``, after a 评论员 role (a commentary's author) nowhere, all others to
# ``reporters`` (实习生 and the photographer's 摄影 too).
ORGS = ("本报", "新华社", "中新社", "中新网", "人民网", "新华网", "央视网", "央广网", "中国新闻社")
_QUALIFIERS = (
    "融媒体", "全媒体", "新媒体", "首席", "见习", "实习", "特约", "特派", "摄影", "融媒", "全媒",
    "视频", "主任", "高级", "资深", "驻站",
)  # fmt: skip
_CORRESPONDENT_QUALIFIERS = ("特约", "见习", "实习")


def _spaced(word: str) -> str:
    """A regex for ``word`` that tolerates justification spaces between its characters."""
    return r"\s*".join(re.escape(c) for c in word)


def any_of(words: Sequence[str]) -> str:
    return "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True))


# another paper or agency by name: 经济日报 / 光明日报 / 浙江卫视 (no spaces inside)
_ORG_NAMED = rf"[{CJK}]{{2,6}}?(?:日报|晚报|早报|时报|商报|报|通讯社|社|网|电视台|卫视|台)"
ORG = rf"(?:{any_of(ORGS)}|{_ORG_NAMED})"
_STATIONED = rf"驻\s*[{CJK}]{{1,5}}?"  # 驻京 / 驻上海 / 驻美国
_SHOOTER = f"{_spaced('摄影')}|{_spaced('摄像')}"
_REPORTER_ROLE = (
    rf"(?:{ORG}\s*)?(?:{_STATIONED}\s*)?(?:(?:{any_of(_QUALIFIERS)})\s*){{0,2}}"
    rf"(?:{_spaced('记者')}|{_SHOOTER})|(?:{any_of(ORGS)}\s*)?{_spaced('实习生')}"
)
# 摄影 / 特约摄影 / 本报摄像: the photographer, a credit that needs no 摄 after the names
SHOOTER_ROLE = rf"(?:{ORG}\s*)?(?:(?:{any_of(_QUALIFIERS)})\s*){{0,2}}(?:{_SHOOTER})"
_CORRESPONDENT_ROLE = (
    rf"(?:{ORG}\s*)?(?:(?:{any_of(_CORRESPONDENT_QUALIFIERS)})\s*){{0,2}}{_spaced('通讯员')}"
)
_AUTHOR_ROLE = rf"(?:{ORG}\s*)?(?:{_spaced('特约')}\s*)?{_spaced('评论员')}"
ROLE_RE = f"{_CORRESPONDENT_ROLE}|{_AUTHOR_ROLE}|{_REPORTER_ROLE}"
# 本报评论员 / 人民日报评论员 / 新华社特约评论员 alone: an editorial signed by its paper, no name
INSTITUTIONAL_AUTHOR = re.compile(_AUTHOR_ROLE)
ROLE = re.compile(ROLE_RE)
# Roles as printed most often (tests and documentation); ROLE reads every combination.
ROLES = (
    "本报特约通讯员", "特约通讯员", "见习通讯员", "本报通讯员", "通讯员",
    "本报首席记者", "本报见习记者", "本报实习记者", "本报特约记者", "本报摄影记者",
    "本报特派记者", "本报驻京记者", "本报记者", "新华社记者", "中新社记者", "经济日报记者",
    "融媒体记者", "全媒体记者", "首席记者", "见习记者", "实习记者", "特约记者", "特派记者",
    "摄影记者", "记者", "实习生", "摄影", "本报评论员",
)  # fmt: skip
ROLE_CHARS = "记通实摄评"  # every role holds one (tests/shared/parsing/test_fields.py)
ROLE_CHAR = re.compile(f"[{ROLE_CHARS}]")
# the word every role ends in: a line without one holds no role, whatever else it holds
ROLE_WORD = re.compile(r"记\s*者|通\s*讯\s*员|实\s*习\s*生|摄\s*[影像]|评\s*论\s*员")


@dataclass(frozen=True)
class RoleKind:
    correspondent: bool
    author: bool


def role_kind(role: str) -> RoleKind:
    role = re.sub(r"\s+", "", role)  # 特 约 通 讯 员, spaced out by justification
    return RoleKind(correspondent="通讯员" in role, author="评论员" in role)
