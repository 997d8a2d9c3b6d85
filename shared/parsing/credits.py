"""Names credited by role: a byline's, a dateline's parentheses' or a photo credit's text
read into reporters and correspondents (:func:`parse_credits`).

Parenthesised names without a role (``本报北京2月12日电（唐维红、张晓赫）``) and a photo's
credited names (``（李响 摄）``) are reporters; a commentary's signature (``■ 李 文``,
``本报评论员 X``) names no reporter.  A name is one to four characters, and words such as
了解到 or 手记 are never names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shared.parsing.role_words import CJK, ORG, ROLE, role_kind

# A name is one to four characters (two to six with a · in minority names); names are
# separated by spaces or 、 so that running text never reads as a list of names.
NAME = rf"(?:[{CJK}]{{1,4}}|[{CJK}]{{1,4}}[·•・][{CJK}]{{1,4}})"
NAMES = rf"{NAME}(?:(?:\s+|\s*[、，,/]\s*){NAME})*"
# names that each end where a word ends (for lines that are names to their end)
_WHOLE_NAME = rf"{NAME}(?![{CJK}])"
WHOLE_NAMES = rf"(?>{_WHOLE_NAME}(?:(?:\s+|\s*[、，,/]\s*){_WHOLE_NAME})*)"
BULLET = "■●◆□▲★◎◇☆△"
# What a byline may say after the names: the work credited (张三/文 李四/图, 文/图), where
# the report was filed (发自东京) or that it is one (报道, 采写).
_CREDITED_WORK = re.compile(r"[/／]\s*(?:文图|文|图|摄影|摄)(?=$|[\s/／｜|、，,])")
_WORK_HEAD = re.compile(rf"^[{BULLET}]?\s*(?:撰文|撰稿|文字|文\s*/\s*图|图\s*/\s*文)\s*[:：\s]")
_WORK_PREFIXES = re.compile(r"(?:^|(?<=\s))(?:文|图|文图|文/图|图/文)\s*[/／:：]\s*")
BYLINE_TAIL = re.compile(
    rf"(?:^|\s+)(?:摄影报道|报道|采写|整理|发自\s*[{CJK}]{{1,8}}|文\s*[/／]\s*图|图\s*[/／]\s*文)\s*$"
)
# Words a role is followed by in a column label (■记者手记, 记者观察: the line is shaped
# like a byline, and the article assembly tells such a label inside a body) or in running
# text (记者了解到), never names.
COLUMN_LABELS = frozenset(
    re.findall(
        r"\S+",
        "手记 观察 连线 调查 探访 走访 体验 追踪 点评 感言 札记 笔记 视点 再访 回访 直击 实录 "
        "现场 一线 见闻 日记 故事 亲历 暗访 随笔 述评 问答 专访 手札",
    )
)
NOT_NAMES = COLUMN_LABELS | frozenset(
    re.findall(r"\S+", "发现 获悉 了解 了解到 看到 注意到 采访 获知 证实 报道")
)
# A name printed right after its role with no space (记者王比学) begins with a surname:
# ``记者了解到`` and ``记者从市里获悉`` are running text.  The commonest single surnames
# and the first characters of compound ones.
SURNAMES = frozenset(
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

BRACKETED = re.compile(r"[（(【](?P<inner>[^（）()【】]{2,40})[）)】]")
# ■ 李 文 — a bullet and a name, no role (a commentary's author).
_BULLET_NAME_LINE = re.compile(rf"^[{BULLET}]\s*[{CJK}](?:\s*[{CJK}]){{1,3}}$")
# 新华社发 (released by Xinhua): the agency that sent the photo, not a name
SENT_BY = rf"(?:{ORG}|视觉中国|人民视觉)\s*发"
_SENT_BY_HEAD = re.compile(rf"^{SENT_BY}(?=\s|$)")


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
    tokens = [t for t in re.split(r"[\s、，,/｜|]+", chunk.strip(BULLET + " ")) if t]
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
    if is_signature(text):
        return credits
    if bracketed := BRACKETED.fullmatch(text):
        text = bracketed.group("inner").strip()
    text = _SENT_BY_HEAD.sub(" ", text)
    text = BYLINE_TAIL.sub("", text)
    text = _WORK_HEAD.sub(" ", text)
    text = _WORK_PREFIXES.sub(" ", text)
    text = _CREDITED_WORK.sub(" ", text).replace("：", " ").replace(":", " ")
    matches = list(ROLE.finditer(text))
    if not matches:
        credits.reporters.extend(_role_names(text))
        return credits
    leading = text[: matches[0].start()].strip(BULLET + " ")
    if leading:
        credits.reporters.extend(_role_names(leading))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        kind = role_kind(match.group())
        if kind.author:
            continue
        names = _role_names(text[match.end() : end])
        target = credits.correspondents if kind.correspondent else credits.reporters
        target.extend(n for n in names if n not in target)
    return credits


def _role_names(chunk: str) -> list[str]:
    """The names in the text after a role (a photo credit's 摄 dropped)."""
    chunk = chunk.replace("摄影", " ").replace("摄像", " ").replace("摄", " ")
    return [n for n in split_names(chunk) if n not in NOT_NAMES]


def is_signature(text: str) -> bool:
    """``■ 李 文``: a bulleted name and no role."""
    return bool(_BULLET_NAME_LINE.match(text)) and not ROLE.search(text)
