"""Article fields read from text: datelines, bylines, photo credits, continuation markers,
and which title line is the kicker, the headline and the subtitle.

Roles map to fields as the gold conventions say: names after 记者 / 本报记者 (and every
reporting role built like them: 首席记者, 融媒体记者, 本报驻京记者, 经济日报记者, 实习生,
摄影 …) go to ``reporters``, names after 通讯员 (本报通讯员, 见习通讯员) to
``correspondents``.  Parenthesised names without a role (``本报北京2月12日电（唐维红、张晓赫）``)
and a photo's credited names (``（李响 摄）``) are reporters; a commentary's signature
(``■ 李 文``, ``本报评论员 X``) names no reporter.

No rule may eat body text: a name is one to four characters, one printed right after its
role (or after a colon, or spaced out letter by letter) begins with a surname, and words
such as 了解到 or 手记 are never names, so ``记者了解到，…`` and an interview's ``记者：…``
stay text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from shared.parsing.lines import display_width
from shared.parsing.types import ParsedArticle

_CJK = r"\u4e00-\u9fff\u3400-\u4dbf"

# A role is built the way papers print it, not listed whole: who the reporter works for
# (本报, 新华社, 经济日报 …), where they are stationed (驻京, 驻上海), what kind of reporter
# (首席, 融媒体, 特派 …), then 记者; the same for 通讯员.  Names after a 通讯员 role go to
# ``correspondents``, after a 评论员 role (a commentary's author) nowhere, all others to
# ``reporters`` (实习生 and the photographer's 摄影 too).
_ORGS = ("本报", "新华社", "中新社", "中新网", "人民网", "新华网", "央视网", "央广网", "中国新闻社")
_QUALIFIERS = (
    "融媒体", "全媒体", "新媒体", "首席", "见习", "实习", "特约", "特派", "摄影", "融媒", "全媒",
    "视频", "主任", "高级", "资深", "驻站",
)  # fmt: skip
_CORRESPONDENT_QUALIFIERS = ("特约", "见习", "实习")


def _spaced(word: str) -> str:
    """A regex for ``word`` that tolerates justification spaces between its characters."""
    return r"\s*".join(re.escape(c) for c in word)


def _any_of(words: Sequence[str]) -> str:
    return "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True))


# another paper or agency by name: 经济日报 / 光明日报 / 浙江卫视 (no spaces inside)
_ORG_NAMED = rf"[{_CJK}]{{2,6}}?(?:日报|晚报|早报|时报|商报|报|通讯社|社|网|电视台|卫视|台)"
_ORG = rf"(?:{_any_of(_ORGS)}|{_ORG_NAMED})"
_STATIONED = rf"驻\s*[{_CJK}]{{1,5}}?"  # 驻京 / 驻上海 / 驻美国
_SHOOTER = f"{_spaced('摄影')}|{_spaced('摄像')}"
_REPORTER_ROLE = (
    rf"(?:{_ORG}\s*)?(?:{_STATIONED}\s*)?(?:(?:{_any_of(_QUALIFIERS)})\s*){{0,2}}"
    rf"(?:{_spaced('记者')}|{_SHOOTER})|(?:{_any_of(_ORGS)}\s*)?{_spaced('实习生')}"
)
# 摄影 / 特约摄影 / 本报摄像: the photographer, a credit that needs no 摄 after the names
_SHOOTER_ROLE = rf"(?:{_ORG}\s*)?(?:(?:{_any_of(_QUALIFIERS)})\s*){{0,2}}(?:{_SHOOTER})"
_CORRESPONDENT_ROLE = (
    rf"(?:{_ORG}\s*)?(?:(?:{_any_of(_CORRESPONDENT_QUALIFIERS)})\s*){{0,2}}{_spaced('通讯员')}"
)
_AUTHOR_ROLE = rf"(?:{_ORG}\s*)?(?:{_spaced('特约')}\s*)?{_spaced('评论员')}"
_ROLE_RE = f"{_CORRESPONDENT_ROLE}|{_AUTHOR_ROLE}|{_REPORTER_ROLE}"
_ROLE = re.compile(_ROLE_RE)
# Roles as printed most often (tests and documentation); _ROLE reads every combination.
ROLES = (
    "本报特约通讯员", "特约通讯员", "见习通讯员", "本报通讯员", "通讯员",
    "本报首席记者", "本报见习记者", "本报实习记者", "本报特约记者", "本报摄影记者",
    "本报特派记者", "本报驻京记者", "本报记者", "新华社记者", "中新社记者", "经济日报记者",
    "融媒体记者", "全媒体记者", "首席记者", "见习记者", "实习记者", "特约记者", "特派记者",
    "摄影记者", "记者", "实习生", "摄影", "本报评论员",
)  # fmt: skip
_ROLE_CHARS = "记通实摄评"  # every role holds one (tests/shared/parsing/test_fields.py)
_ROLE_CHAR = re.compile(f"[{_ROLE_CHARS}]")
# the word every role ends in: a line without one holds no role, whatever else it holds
_ROLE_WORD = re.compile(r"记\s*者|通\s*讯\s*员|实\s*习\s*生|摄\s*[影像]|评\s*论\s*员")
# A name is one to four characters (two to six with a · in minority names); names are
# separated by spaces or 、 so that running text never reads as a list of names.
_NAME = rf"(?:[{_CJK}]{{1,4}}|[{_CJK}]{{1,4}}[·•・][{_CJK}]{{1,4}})"
_NAMES = rf"{_NAME}(?:(?:\s+|\s*[、，,/]\s*){_NAME})*"
# names that each end where a word ends (for lines that are names to their end)
_WHOLE_NAME = rf"{_NAME}(?![{_CJK}])"
_WHOLE_NAMES = rf"(?>{_WHOLE_NAME}(?:(?:\s+|\s*[、，,/]\s*){_WHOLE_NAME})*)"
_BULLET = "■●◆□▲★◎◇☆△"
_BULLET_CHAR = re.compile(f"[{_BULLET}]")
# What a byline may say after the names: the work credited (张三/文 李四/图, 文/图), where
# the report was filed (发自东京) or that it is one (报道, 采写).
_CREDITED_WORK = re.compile(r"[/／]\s*(?:文图|文|图|摄影|摄)(?=$|[\s/／｜|、，,])")
_WORK_HEAD = re.compile(rf"^[{_BULLET}]?\s*(?:撰文|文\s*/\s*图|图\s*/\s*文)\s*[:：\s]")
_WORK_PREFIXES = re.compile(r"(?:^|(?<=\s))(?:文|图|文图|文/图|图/文)\s*[/／:：]\s*")
_SINGLE_CHARACTER = re.compile(rf"[{_CJK}]\s")  # 记 者 张 三: a justified line
_BYLINE_TAIL = re.compile(
    rf"(?:^|\s+)(?:摄影报道|报道|采写|整理|发自\s*[{_CJK}]{{1,8}}|文\s*[/／]\s*图|图\s*[/／]\s*文)\s*$"
)
# Words a role is followed by in a column label (■记者手记, 记者观察: the line is shaped
# like a byline, and the article assembly tells such a label inside a body) or in running
# text (记者了解到), never names.
_COLUMN_LABELS = frozenset(
    re.findall(
        r"\S+",
        "手记 观察 连线 调查 探访 走访 体验 追踪 点评 感言 札记 笔记 视点 再访 回访 直击 实录 "
        "现场 一线 见闻 日记 故事 亲历 暗访 随笔 述评 问答 专访 手札",
    )
)
_NOT_NAMES = _COLUMN_LABELS | frozenset(
    re.findall(r"\S+", "发现 获悉 了解 了解到 看到 注意到 采访 获知 证实 报道")
)
# A name printed right after its role with no space (记者王比学) begins with a surname:
# ``记者了解到`` and ``记者从市里获悉`` are running text.  The commonest single surnames
# and the first characters of compound ones.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲"
    "房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦卢麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐"
    "冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆"
    "巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那"
    "宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡"
    "富尧闭由颉侍宰俱輖钮竺郗蔚汝雒郇瞿訾滑鄂闾禄卓蒯芦荀隗郦酆操桓晃代胜衷门英邴上东皇端令宇"
    "长夏欧诸慕百呼万淳"
)


@dataclass(frozen=True)
class _RoleKind:
    correspondent: bool
    author: bool


def _role_kind(role: str) -> _RoleKind:
    role = re.sub(r"\s+", "", role)  # 特 约 通 讯 员, spaced out by justification
    return _RoleKind(correspondent="通讯员" in role, author="评论员" in role)


# ■ 本 报 记 者 王培源 李政哲 / 本报通讯员 李正一 / 本报记者  潘高峰 / 特约通讯员  忻文轲
# 文/本报记者 X, 图/新华社记者 Y: the part of the work the names are credited with
_WORK_PREFIX = r"(?:(?:文|图|文图|文/图|图/文)\s*[/／]\s*)?"
# The names are matched atomically (a later role may read as a name, which is harmless
# here: the line must end with names): without it, a line of many role-and-name pairs
# that fails at its end is tried in exponentially many splits.
_BYLINE_LINE = re.compile(
    rf"^[{_BULLET}]?\s*{_WORK_PREFIX}(?:(?:{_ROLE_RE})\s*[:：]?\s*{_WHOLE_NAMES}\s*[/｜|]?\s*"
    rf"(?:[{_BULLET}]\s*)?{_WORK_PREFIX})+$"
)
_BRACKETED = re.compile(r"[（(](?P<inner>[^（）()]{2,40})[）)]")
# …顺利完成。（记者 张立 通讯员 李响）: a byline in brackets closing an article's text
_CLOSING_BYLINE = re.compile(r"(?:^|(?<=[。！？!?”’…]))\s*[（(](?P<inner>[^（）()]{2,40})[）)]\s*$")
# ■ 李 文 — a bullet and a name, no role (a commentary's author).
_BULLET_NAME_LINE = re.compile(rf"^[{_BULLET}]\s*[{_CJK}](?:\s*[{_CJK}]){{1,3}}$")
# 文/张三, 文/图 李四, 撰文：王五 — the work credited, no role
_WORK_NAMES_LINE = re.compile(
    rf"^[{_BULLET}]?\s*(?:(?:文|图|文图|撰文|摄影)\s*[/／:：]|(?:文\s*[/／]\s*图|图\s*[/／]\s*文)"
    rf"\s*[:：]?)\s*{_WHOLE_NAMES}$"
)

# 本报讯 / 本报北京1月16日电 / 新华社北京7月8日电 / 据新华社电 / 本报北京电（…）/ 新华社快讯：
# / 本报综合消息 / 央视网消息：.  Another paper or agency named in full (科技日报兰州6月11日电)
# opens a dateline with 讯 or 电 only: ``据中国政府网消息，…`` is a sentence.
_DATE_ELECTRIC = (
    rf"[{_CJK}]{{0,10}}?\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*"
    rf"(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日\s*(?:专?电|讯)"
)
# 本报北京电（…）: a place and 电 with no date; not 本报记者昨日致电 (a reporter, a call)
_UNDATED_PLACE = rf"(?:(?!记者)[{_CJK}]){{2,8}}?(?<![致来发通去回充放用触停供断])"
# 电 opening a word (本报电视台, 新华社电话) is no dateline's 电
_ELECTRIC_WORDS = "[视话力影器子信厂站池价量商动竞台网源缆梯脑]"
_DATELINE_HEAD = re.compile(
    rf"^(?:据)?(?:本\s*报\s*讯"
    rf"|(?:{_any_of(_ORGS)})(?:综合消息|综合报道|消息|快讯)(?:\s*[:：]|(?=\s|[（(]))"
    rf"|(?:{_any_of(_ORGS)}|[{_CJK}]{{2,6}}?(?:日报|晚报|早报|时报|报|社|网|台))"
    rf"(?:讯|{_DATE_ELECTRIC}|专?电(?!{_ELECTRIC_WORDS})|{_UNDATED_PLACE}专?电(?=\s|[（(])))"
)
_DATELINE_PAREN = re.compile(r"^\s*[（(【〔［](?P<inner>[^（）()【】〔〕［］]{1,60})[）)】〕］]")
_PAREN_NAMES_ONLY = re.compile(rf"^[{_CJK}·•・\s、，,]+$")
_NAME_ONLY = re.compile(_NAME)
_SENTENCE_MARK = re.compile("[。；！？“”]")
# 本报讯 记者张三 通讯员李四报道：… — a byline without brackets, closed by 报道 (what
# comes before 报道 must be a byline line: roles and names, no comma)
_DATELINE_REPORTED = re.compile(r"^\s*(?P<inner>[^，,。；：:！？“”（）()]{3,40}?)报道\s*[:：，,]?")

# A photo's credit: (新华社记者 X 摄), 本报记者 X 摄, X/摄, ■ 本报记者 X, (特约摄影 X),
# 图/本报记者 X, 摄影/X.
_SHOT = r"(?:[/／]\s*)?摄(?:影)?(?:报道)?"
# 新华社发 (released by Xinhua): the agency that sent the photo, not a name
_SENT_BY = rf"(?:{_ORG}|视觉中国|人民视觉)\s*发"
_SENT_BY_HEAD = re.compile(rf"^{_SENT_BY}(?=\s|$)")
_PHOTO_CREDIT_PAREN = re.compile(
    rf"\s*(?:{_SENT_BY})?[（(]\s*(?P<credit>(?:{_SENT_BY}\s*)?(?:(?:{_ROLE_RE})\s*)?(?:{_NAMES})?"
    rf"\s*{_SHOT}|(?:{_SHOOTER_ROLE})\s*[:：]?\s*{_NAMES})\s*[）)]\s*$"
)
_PHOTO_WORK = re.compile(r"图\s*[/／]")
_PHOTO_CREDIT_BULLET = re.compile(
    rf"\s*(?P<credit>[{_BULLET}]\s*(?:(?:{_ROLE_RE})\s*)?(?:{_NAMES})?(?:\s*{_SHOT})?)\s*$"
)
_PHOTO_CREDIT_SHE = re.compile(
    rf"(?:^|\s+|(?<=[。！？”）)]))(?P<credit>(?:(?:图|摄影)\s*[/／]\s*)?(?:{_ROLE_RE})\s*{_NAMES}"
    rf"\s*{_SHOT}|图\s*[/／]\s*(?:{_ROLE_RE})?\s*{_NAMES}|摄影\s*[/／:：]\s*{_NAMES}"
    rf"|[{_CJK}]{{2,4}}(?:\s+|\s*[/／]\s*)摄(?:影)?)\s*$"
)

# （下转第2版） / 【上接第1版】 / ［转A3版］, or set off by an arrow at the end of a line
# (▶下转第2版) or at its start (◀上接第1版)
_PAGE_REF = r"\s*(?:第\s*)?[0-9A-Za-z一二三四五六七八九十零〇]{1,4}\s*(?:版|页)"
_CONTINUATION = re.compile(
    rf"[（(【［〔\[]\s*(?P<marker>(?P<kind>下转|转|上接|紧接|接|续){_PAGE_REF}"
    r"[^（）()【】［］〔〕\[\]]{0,12}?)\s*[）)】］〕\]]"
    rf"|[▶►→]\s*(?P<a_marker>(?P<a_kind>下转|转){_PAGE_REF})\s*$"
    rf"|^\s*[◀◄←]\s*(?P<b_marker>(?P<b_kind>上接|紧接|接|续){_PAGE_REF})"
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
    """Names by role from ``记者 朱海波 通讯员 郭凌鹤`` (roles may be spaced out).

    Names without a role are reporters (``本报北京2月12日电（唐维红、张晓赫）``, a photo's
    ``（张三 摄）``), except a bulleted name alone (``■ 李 文``): that signs a commentary,
    whose author is no reporter."""
    credits = Credits()
    text = text.strip()
    if _is_signature(text):
        return credits
    if bracketed := _BRACKETED.fullmatch(text):
        text = bracketed.group("inner").strip()
    text = _SENT_BY_HEAD.sub(" ", text)
    text = _BYLINE_TAIL.sub("", text)
    text = _WORK_HEAD.sub(" ", text)
    text = _WORK_PREFIXES.sub(" ", text)
    text = _CREDITED_WORK.sub(" ", text).replace("：", " ").replace(":", " ")
    matches = list(_ROLE.finditer(text))
    if not matches:
        credits.reporters.extend(_names(text))
        return credits
    leading = text[: matches[0].start()].strip(_BULLET + " ")
    if leading:
        credits.reporters.extend(_names(leading))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        kind = _role_kind(match.group())
        if kind.author:
            continue
        names = _names(text[match.end() : end])
        target = credits.correspondents if kind.correspondent else credits.reporters
        target.extend(n for n in names if n not in target)
    return credits


def _names(chunk: str) -> list[str]:
    """The names in the text after a role (a photo credit's 摄 dropped)."""
    chunk = chunk.replace("摄影", " ").replace("摄像", " ").replace("摄", " ")
    return [n for n in split_names(chunk) if n not in _NOT_NAMES]


@functools.lru_cache(maxsize=4096)
def is_byline_line(text: str) -> bool:
    compact = text.strip()
    if not compact or (
        compact[0] not in _BULLET and compact[0] not in "文图撰" and not _ROLE_WORD.search(compact)
    ):
        return False  # neither a role, a bullet nor 文/
    if display_width(compact) > 40 or compact.endswith("摄"):
        return False  # ``记者 X 摄`` credits a photo: it belongs to the caption
    if _is_signature(compact) or _WORK_NAMES_LINE.match(compact):
        return True
    bracketed = _BRACKETED.fullmatch(compact)
    if bracketed:  # （本报记者 张三）: a byline some papers print in brackets
        compact = bracketed.group("inner").strip()
    return _is_role_byline(compact)


def _is_role_byline(text: str) -> bool:
    return bool(_BYLINE_LINE.match(text)) and _names_follow_roles(text)


def _is_signature(text: str) -> bool:
    """``■ 李 文``: a bulleted name and no role."""
    return bool(_BULLET_NAME_LINE.match(text)) and not _ROLE.search(text)


def _names_follow_roles(text: str) -> bool:
    """Each role is followed by names, not by running text or a column label: a name set
    right after its role with no space, or after a colon, begins with a surname
    (``记者王比学``, but not ``记者了解到`` or an interview's ``记 者 ： 在 上 一 场``), as
    does one spaced out character by character (``本 报 记 者 陆 玮 鑫``, but not a justified
    line of text ``记 者 从 人 民 银 行``), and
    none is a word such as 手记 or 观察 (``■记者手记`` labels a column)."""
    text = _BYLINE_TAIL.sub("", text)
    words = split_names(_ROLE.sub(" ", text).replace("：", " "))
    if words and all(word in _COLUMN_LABELS for word in words):
        return True  # ■记者手记
    for match in _ROLE.finditer(text):
        after = text[match.end() :]
        if after.lstrip().startswith((":", "：")):
            # 记者：之前在采访… opens an interview's question; 记者：王明 credits a name
            after = after.lstrip()[1:].lstrip()
        elif after[:1].isspace():
            after = after.lstrip()
            if not _SINGLE_CHARACTER.match(after):
                continue  # 记者 王比学: a spaced name is a name
            # 记 者 从 人 民 银 行: a justified line's characters, a name only after a surname
        if after and after[0] not in _SURNAMES:
            return False
    return not any(word in _NOT_NAMES for word in words)


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
    if reported and _is_role_byline(reported.group("inner").strip()):
        found = parse_credits(reported.group("inner"))
        if found.reporters or found.correspondents:
            bylines.append(reported.group().strip())
            credits = found
            rest = rest[reported.end() :]
    return Dateline(
        place=place, byline="".join(bylines), credits=credits, rest=rest.lstrip(" \u3000")
    )


@functools.lru_cache(maxsize=4096)
def starts_with_dateline(text: str) -> bool:
    return _DATELINE_HEAD.match(text) is not None


def _looks_like_byline(inner: str) -> bool:
    """Roles and names (``记者王比学、李强 通讯员余若怡``), or names only
    (``唐维红、张晓赫``); not a sentence naming a role (``记者从国务院新闻办获悉``)."""
    if _ROLE.search(inner):
        credits = parse_credits(inner)
        names = credits.reporters + credits.correspondents
        return all(_NAME_ONLY.fullmatch(n) for n in names) and not _SENTENCE_MARK.search(inner)
    return bool(_PAREN_NAMES_ONLY.match(inner)) and all(
        2 <= len(n) <= 4 for n in split_names(inner)
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
        credit = match.group("credit")
        credits = parse_credits(credit.strip(_BULLET + " "))
        if not credits.reporters and not credits.correspondents:
            continue
        return PhotoCredit(caption=text[: match.start()].rstrip(), credit=credit, credits=credits)
    return None


def match_closing_byline(text: str) -> PhotoCredit | None:
    """A bracketed byline with a role closing an article's text (``…顺利完成。（记者 张立）``,
    as papers credit short reports at their end): the text before it and the names.  A
    bracket with no role (``（张立）``, ``（作者为北京大学教授）``) or with a photo's 摄 stays
    text."""
    if "）" not in text[-2:] and ")" not in text[-2:]:
        return None
    match = _CLOSING_BYLINE.search(text)
    if match is None:
        return None
    inner = match.group("inner").strip()
    if "摄" in inner or not _ROLE_CHAR.search(inner) or not _is_role_byline(inner):
        return None
    credits = parse_credits(inner)
    if not credits.reporters and not credits.correspondents:
        return None
    credit = match.group().strip()
    return PhotoCredit(caption=text[: match.start()].rstrip(), credit=credit, credits=credits)


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
    found = []
    for m in _CONTINUATION.finditer(text):
        form = next(prefix for prefix in ("", "a_", "b_") if m.group(prefix + "marker"))
        found.append(
            Continuation(
                marker=re.sub(r"\s+", "", m.group(form + "marker")),
                forward=m.group(form + "kind") in ("下转", "转"),
                start=m.start(),
                end=m.end(),
            )
        )
    return tuple(found)


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
    return place_other_title_lines(
        roles,
        units,
        headline_index,
        subtitles,
        kickers,
        lambda index, unit: (
            len(plain) == 2 or index < headline_index or unit.endswith(_REPORTING_VERBS)
        ),
        ("the other, longer title line", "third title line, extracted after the headline"),
    )


def place_other_title_lines(
    roles: TitleRoles,
    units: Sequence[str],
    headline_index: int,
    subtitles: Collection[int],
    kickers: Collection[int],
    plain_is_kicker: Callable[[int, str], bool],
    plain_rules: tuple[str, str],
) -> TitleRoles:
    """Every title line but the headline as kicker or subtitle: a —— line is a subtitle, a
    lead-in (…—— or …：) a kicker, a plain line a kicker where ``plain_is_kicker`` says so
    and a subtitle elsewhere; ``plain_rules`` name those two decisions in explanations."""
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
        elif plain_is_kicker(index, unit):
            kicker_parts.append(unit)
            roles.rules[index] = ("kicker", plain_rules[0])
        else:
            subtitle_parts.append(unit)
            roles.rules[index] = ("subtitle", plain_rules[1])
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
        closing = match_closing_byline(paragraphs[-1])
        if closing is not None:
            paragraphs[-1] = closing.caption
            bylines.append(closing.credit)
            credits.extend(closing.credits)
    article.paragraphs = [p for p in paragraphs if p.strip()]
    return dateline
