"""Page furniture: the running header (paper, date, page number, section) and editor lines.

Furniture is never an article.  A running header is recognised by what it is made of
(a date, a weekday, a page label such as ``第2版``/``A2``/``02版``/``一版``, a paper name, in
Chinese or in the Latin letters of a masthead such as ``CHINA SECURITIES JOURNAL``) at the
top or bottom edge of a page; an editor line (``责任编辑：X``, ``美编：Y | 校对：Z``,
``责任编辑/X``) anywhere.  A header may end in its page's editor credits
(``新民晚报 A3 2020年5月1日/星期五 本版编辑：X``) or carry them in its middle
(``本版编辑/X　视觉设计/Y　要闻　A3``): names are read as editors (a role spaced out like its
justified line, ``责　编：``, is closed up first), the rest as the header; contact details
after the names (``邮箱：…``) are neither.  The paper's imprint and contact lines
(``社址：… 邮编：…``, ``新闻热线：…``, ``国内统一连续出版物号：…``, ``人民日报社出版``) are
furniture too, kept with the page's lines, as are the credit for a whole page's pictures
(``（本版图片均为本报记者 X 摄）``) and the label of a QR code (``扫码看视频``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shared.parsing.credits import SURNAMES
from shared.parsing.lines import Line
from shared.parsing.normalise import is_spaced_out
from shared.parsing.types import PageFurniture

_EDITING = (
    r"责任编辑|责任校对|责编|版面编辑|文字编辑|图片编辑|视觉编辑|编辑|美术编辑|美编|校对|版面设计|"
    r"版式设计|版式|组版|排版|审读|视觉设计|制图|设计|值班编辑"
)
# 策划 / 统筹 / 主编 are verbs and nouns of running text too (统筹 推进…): they credit
# only with a colon or slash
_EDITOR_ROLE = rf"(?:本版)?(?:{_EDITING}|执行主编|主编|策划|统筹|制作|值班编委|值班总编|总编辑)"
_EDITOR_CHARS = re.compile("[编校版审设制]")
_VERB_ROLES = ("策划", "统筹", "本版策划", "本版统筹")  # the roles without one of those
# 责任编辑：X / 责任编辑/X / 本版编辑 X
_EDITOR_LINE = re.compile(rf"^{_EDITOR_ROLE}\s*[:：/／]")
_EDITOR_LINE_NO_COLON = re.compile(rf"^(?:本版)?(?:{_EDITING})\s+[\u4e00-\u9fff]{{1,4}}(\s|$)")
_EDITOR_ANYWHERE = re.compile(
    r"(?:责任编辑|本版编辑|本版责编|责编|美编|美术编辑|版式设计|版式|视觉设计|图片编辑|制图|校对)"
    r"\s*[:：]"
)
# an editor's credit inside a running header: 新民晚报 A3 … 本版编辑：X  视觉设计：Y /
# 证券日报 … A2 编辑 张三 (the role standing as a word of its own)
_EDITOR_CREDIT = re.compile(
    rf"(?:^|(?<=[\s|｜/]))(?:{_EDITOR_ROLE})\s*[:：/／]"
    rf"|(?:^|(?<=[\s|｜/]))(?:本版)?(?:{_EDITING})\s+(?=[\u4e00-\u9fff]{{1,4}}(?:\s|$))"
)
_PAGE_NUMBER_LINE = re.compile(r"第?\s*[A-Z]?\d{1,3}\s*版?|[A-Z]\d{1,2}")
_EDITOR_PAIR = re.compile(rf"({_EDITOR_ROLE})\s*[:：]?\s*")
# 责　编：X / 制　作：Y — a two-letter role spaced out like the justified line it stands in
_SPACED_ROLE = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])\s+([\u4e00-\u9fff])(?=\s*[:：/／])"
)
_TWO_LETTER_ROLES = frozenset(
    role for role in re.findall(r"[\u4e00-\u9fff]+", _EDITOR_ROLE) if len(role) == 2
)
# An editor's name: two to four Han letters (a name letter-spaced, 田 鹏, is closed up
# first), or a name of a minority people with its middle dot (阿依古丽·买买提).
_EDITOR_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,12}")
_NAME_SEPARATOR = re.compile(r"[\s、，,/／|｜]+")

_DATE = re.compile(r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
_FULL_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
_WEEKDAY = re.compile(r"星\s*期\s*[一二三四五六日天]|周[一二三四五六日]")
_PAGE_LABEL = re.compile(
    r"第\s*[0-9A-Z一二三四五六七八九十]{1,4}\s*版|(?<![0-9A-Za-z])[A-Z]?\d{1,2}\s*版"
    r"|(?<![0-9A-Za-z])[A-Z]\d{1,2}(?![0-9A-Za-z])"
    r"|(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}版(?![\u4e00-\u9fff])"
)
# 人民日报  要闻  4: a bare page number standing as a word of a header
_BARE_PAGE_NUMBER = re.compile(r"(?:^|(?<=\s))\d{1,3}(?=\s|$)")
_PAPER = re.compile(
    r"[\u4e00-\u9fff]{2,8}?(?:日报|晚报|早报|时报|商报|青年报|报)(?:海外版)?"
    r"(?![\u4e00-\u9fff]{0,1}[讯电])"
)
# A periodical whose name does not end in 报 (新华每日电讯, 参考消息, 南方周末, 三联生活周刊):
# the paper only as a whole word of a line already read as a running header (a word such as
# 消息 opens sentences too, so it is no evidence of a header by itself).
_PERIODICAL = re.compile(
    r"(?:^|(?<=[\s|｜/]))[\u4e00-\u9fff]{2,6}(?:电讯|消息|周刊|周末|文摘)(?=[\s|｜/]|$)"
)
# A masthead's Latin name: PEOPLE'S DAILY, CHINA SECURITIES JOURNAL, XINMIN EVENING NEWS
_LATIN_WORD = r"[A-Z][A-Z'’&.-]+"
_LATIN_PAPER = re.compile(
    rf"(?<![A-Za-z])(?:{_LATIN_WORD}\s+)+(?:DAILY|JOURNAL|NEWS|TIMES|POST|HERALD|EVENING|"
    r"GAZETTE|TRIBUNE|WEEKLY|REVIEW|EXPRESS|MORNING|OBSERVER)(?![A-Za-z])"
)
# A paper's imprint and contact details (社址：… 邮编：…, 新闻热线：…, 零售价：…,
# 国内统一连续出版物号：CN…): labels of the paper's address, numbers and price, each with its
# colon; and its publisher's line (人民日报社出版).
_IMPRINT_LABEL = re.compile(
    r"(?:^|(?<=\s))(?:本报|本社)?(?:(?:新闻|广告|订阅|发行|读者|服务|投诉|举报|报料|总编室|编辑部|"
    r"广告部|发行部)?(?:热线|电话|传真)|邮编|邮政编码|社址|地址|网址|网站|"
    r"(?:投稿|来稿|新闻|读者)?(?:电子邮箱|邮箱|E-?mail)|零售价|定价|印刷|承印|国内统一连续出版物号|"
    r"国内统一刊号|邮发代号|(?:邮局)?订阅|广告(?:经营)?许可证)\s*[:：]",
    re.IGNORECASE,
)
_PUBLISHER_LINE = re.compile(r"[\u4e00-\u9fff]{2,12}社\s*出版")
# The credit for a whole page's pictures, set apart from any caption:
# （本版图片均为本报记者 许金松 摄）, 本版图片由市委宣传部提供
_PAGE_PICTURES_CREDIT = re.compile(
    r"[（(]?\s*本\s*版\s*(?:图片|照片|摄影|图)[^（）()。]{1,40}?(?:摄|提供|供图|制图)\s*[）)]?"
)
# The label of a QR code printed beside an article: 扫码看视频, 扫一扫 阅读全文.  Shorter
# than any body column's full line (13 em or more) and without a mark, so no line of text.
_QR_LABEL = re.compile(
    r"(?:扫码|扫一扫|扫描二维码|微信扫码)\s*(?:看|观看|阅读|收听|听|关注|下载|了解|查看|获取|"
    r"进入|参与|报名|浏览|订阅|领取)[\u4e00-\u9fff\s]{0,6}"
)
_ANY_DIGIT = re.compile(r"\d")
_TWO_CAPITALS = re.compile("[A-Z]{2}")
_LUNAR = re.compile(r"农历\S{2,12}")
_SENTENCE_MARK = re.compile("[。！？；，]")
_EDGE_LINES = 3
_MAX_HEADER_WIDTH = 80.0


def _close_spaced_roles(text: str) -> str:
    """``责　编：X`` → ``责编：X``: only a two-letter role followed by its colon or slash, and
    never in a line spaced out as a whole (a justified line of text: 经 过 校 对 ：)."""
    if not any(mark in text for mark in ":：/／") or (" " not in text and "\u3000" not in text):
        return text  # no role's colon or slash, or no space: nothing to close up
    if is_spaced_out(text):
        return text
    return _SPACED_ROLE.sub(
        lambda m: m.group(1) + m.group(2) if m.group(1) + m.group(2) in _TWO_LETTER_ROLES
        else m.group(),
        text,
    )


def is_editor_line(text: str) -> bool:
    """``责任编辑：X`` (also ``美编：Y``, ``本版编辑 Z``), or a short line carrying one."""
    compact = text.strip()
    if len(compact) > 60 or not (
        _EDITOR_CHARS.search(compact) or compact.startswith(_VERB_ROLES)
    ):
        return False  # every role names one of _EDITOR_CHARS or is one of _VERB_ROLES
    compact = _close_spaced_roles(compact)
    if _EDITOR_LINE.match(compact) or _EDITOR_LINE_NO_COLON.match(compact):
        return True
    return (
        len(compact) <= 40 and not compact.endswith("。") and bool(_EDITOR_ANYWHERE.search(compact))
    )


def header_evidence(text: str) -> list[str]:
    """What makes a line look like a running header (date, weekday, page label, paper)."""
    found = []
    if _FULL_DATE.search(text):
        found.append("date")
    if _WEEKDAY.search(text):
        found.append("weekday")
    if _PAGE_LABEL.search(text):
        found.append("page label")
    if _PAPER.search(text):
        found.append("paper name")
    if _TWO_CAPITALS.search(text) and _LATIN_PAPER.search(text):
        found.append("Latin paper name")
    return found


def is_running_header(line: Line, near_edge: bool) -> bool:
    if line.ends_sentence or line.width > _MAX_HEADER_WIDTH or "，" in line.text:
        return False
    if (
        "报" not in line.text
        and "版" not in line.text
        and not _ANY_DIGIT.search(line.text)
        and not (_TWO_CAPITALS.search(line.text) and _LATIN_PAPER.search(line.text))
    ):
        return False  # a weekday at most: two kinds of evidence need a digit, 版, 报 or a name
    evidence = header_evidence(line.text)
    needed = 2 if near_edge else 3
    return len(evidence) >= needed


# The label of a column of short items set over its first item's title (简讯, 【新闻速递】,
# ■ 图片新闻): the column's name, no item's title.
_COLUMN_LABEL = re.compile(
    r"[■□●◆◇▲★【\[]?\s*(?:(?:新闻|本地|要闻|本市|一周|信息|经济|文化|体育)?"
    r"(?:简\s*讯|快\s*讯|短\s*讯|速\s*递|速\s*览|快\s*递|短\s*波)|短\s*新\s*闻|图\s*片\s*新\s*闻|"
    r"新\s*闻\s*图\s*片)\s*[】\]]?"
)


def is_imprint_line(text: str, near_edge: bool) -> bool:
    """The paper's imprint or contact details: a line opening with such a label (two of
    them away from the page's edges, where one could open a notice's line), or its
    publisher's line at the edge. Never a sentence."""
    if "：" not in text and ":" not in text and "出版" not in text:
        return False  # every label has its colon: most lines are decided here
    compact = text.strip()
    if len(compact) > 90 or _SENTENCE_MARK.search(compact):
        return False
    if near_edge and _PUBLISHER_LINE.fullmatch(compact):
        return True
    if not _IMPRINT_LABEL.match(compact):
        return False
    return near_edge or len(_IMPRINT_LABEL.findall(compact)) >= 2


def page_note_rule(text: str, near_edge: bool) -> str | None:
    """The rule that makes ``text`` one of the page's notes that say nothing of the page
    (its imprint, the credit for its pictures, a QR code's label, the label of a column of
    short items), or None."""
    if is_imprint_line(text, near_edge):
        return "the paper's imprint or contact details"
    if "版" in text and _PAGE_PICTURES_CREDIT.fullmatch(text.strip()):
        return "the credit for the page's pictures"
    if "扫" in text and _QR_LABEL.fullmatch(text.strip()):
        return "the label of a QR code"
    if len(text) <= 16 and _COLUMN_LABEL.fullmatch(text.strip()):
        return "the label of a column of short items"
    return None


def furniture_rule(line: Line, near_edge: bool) -> str | None:
    """The rule that makes ``line`` furniture, or None."""
    if _plainly_not_furniture(line, near_edge):
        return None  # (most body lines: decided by one search)
    if is_editor_line(line.text):
        return "editor line"
    note = page_note_rule(line.text, near_edge)
    if note is not None:
        return note
    if near_edge and _PAGE_NUMBER_LINE.fullmatch(line.text):
        return "page number at the page edge"
    if near_edge and _TWO_CAPITALS.search(line.text) and _LATIN_PAPER.fullmatch(line.text.strip()):
        return "the paper's Latin name at the page edge"
    if is_running_header(line, near_edge):
        return "running header: " + "+".join(header_evidence(line.text))
    return None


# A character that every rule of :func:`furniture_rule` away from the page's edges needs,
# but the running header's: an editor's role (编校版审设制, or 策划/统筹), an imprint's colon
# (or 出版), the page's pictures credit (版), a QR code's label (扫) or a column's label
# (简讯, 速递, 速览, 短波, 图片新闻: 讯递览波闻).
_FURNITURE_CHARS = re.compile("[编校版审设制策统扫:：讯递览波闻]")


def _plainly_not_furniture(line: Line, near_edge: bool) -> bool:
    """A line away from the page's edges that no rule of :func:`furniture_rule` can take,
    told at C speed: none of ``_FURNITURE_CHARS``, and no running header (sentence
    punctuation, a width no header has, or none of the characters its evidence needs)."""
    return (
        not near_edge
        and _FURNITURE_CHARS.search(line.text) is None
        and (
            line.ends_sentence
            or "，" in line.text
            or line.width > _MAX_HEADER_WIDTH
            or _HEADER_CHARS.search(line.text) is None
        )
    )


# What :func:`is_running_header` asks of a line before it looks for evidence: 报, 版, a
# digit or two capitals (two kinds of evidence need one of them).
_HEADER_CHARS = re.compile(r"[报版]|\d|[A-Z]{2}")


def edge_line_numbers(lines: Sequence[Line]) -> set[int]:
    """Indexes (into ``lines``) of the first and last few non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if not line.is_blank]
    return set(filled[:_EDGE_LINES]) | set(filled[-_EDGE_LINES:])


def describe_furniture(lines: Sequence[Line]) -> PageFurniture:
    """Collect paper, date, page label, section and editors from a page's furniture lines."""
    furniture = PageFurniture(lines=[line.text for line in lines])
    for line in lines:
        if page_note_rule(line.text, near_edge=True) is not None:
            continue  # the paper's address and numbers, credits, labels: in ``lines`` only
        text = _close_spaced_roles(line.text)
        credit = _EDITOR_CREDIT.search(text)
        if credit is not None:  # the editors, and the header around them if any
            names, after = _editor_names(text[credit.start() :])
            furniture.editors.extend(names)
            text = text[: credit.start()] + " " + after
        elif is_editor_line(text):
            furniture.editors.extend(_editor_names(text)[0])
            continue
        if not text.strip():
            continue
        rest = text
        date = _FULL_DATE.search(rest) or _DATE.search(rest)
        if date and not furniture.date:
            furniture.date = re.sub(r"\s+", "", date.group())
        for pattern, attr in (
            (_PAPER, "paper"), (_PERIODICAL, "paper"), (_PAGE_LABEL, "page_label")
        ):
            match = pattern.search(rest)
            if match and not getattr(furniture, attr):
                setattr(furniture, attr, re.sub(r"\s+", "", match.group()))
        for pattern in (
            _FULL_DATE, _DATE, _WEEKDAY, _PAGE_LABEL, _PAPER, _PERIODICAL, _LATIN_PAPER, _LUNAR
        ):
            rest = pattern.sub(" ", rest)
        number = _BARE_PAGE_NUMBER.search(rest)
        if number and not furniture.page_label:
            furniture.page_label = number.group()
        words = [
            w for w in re.split(r"[\s|｜/·•]+", rest) if re.fullmatch(r"[\u4e00-\u9fff]{2,8}", w)
        ]
        if words and not furniture.section:
            furniture.section = words[0]
    return furniture


def _editor_names(text: str) -> tuple[list[str], str]:
    """The names an editor credit gives (``text`` opens with its first role), and the text
    after a role's names that is none: contact details (邮箱：…), or the rest of a running
    header (``本版编辑/王三　要闻　A3``), returned for the header to be read from."""
    names: list[str] = []
    rest: list[str] = []
    for chunk in _EDITOR_PAIR.split(text):
        chunk = chunk.strip()
        if not chunk or re.fullmatch(_EDITOR_ROLE, chunk):
            continue
        words = _close_spaced_name(_NAME_SEPARATOR.split(chunk))
        taken = 0
        while taken < len(words) and _EDITOR_NAME.fullmatch(words[taken]):
            taken += 1
        # 李四　要闻　A3: the word by the page label is the header's section, unless it
        # reads as a name (begins with a surname)
        if (
            1 < taken < len(words)
            and _PAGE_LABEL.fullmatch(words[taken])
            and words[taken - 1][0] not in SURNAMES
        ):
            taken -= 1
        names.extend(words[:taken])
        rest.extend(words[taken:])
    return names, " ".join(rest)


def _close_spaced_name(words: list[str]) -> list[str]:
    """``田 鹏`` → ``田鹏``: two single letters in a row are one name letter-spaced."""
    closed: list[str] = []
    for word in words:
        if not word:
            continue
        if len(word) == 1 and closed and len(closed[-1]) == 1:
            closed[-1] += word
        else:
            closed.append(word)
    return closed
