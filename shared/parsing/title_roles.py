"""Which title line of an article is the kicker (引题), the headline and the subtitle: by
shape, length and wrap geometry on a hard-wrapped page (:func:`assign_title_roles`), by
shape and printed order in unwrapped text (:func:`unwrapped_title_roles`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from shared.parsing.lines import display_width


@dataclass
class TitleRoles:
    kicker: str = ""
    headline: str = ""
    subtitle: str = ""
    rules: dict[int, tuple[str, str]] = field(default_factory=dict)  # unit index → role, rule


# Verbs that close an 引题 introducing the statement printed as the headline.
_REPORTING_VERBS = ("强调", "指出", "表示", "要求", "提出", "呼吁")


def reports_speech(text: str) -> bool:
    """A kicker that reports who said what (``…在…会议上强调``): the headline under it is
    the statement."""
    return text.endswith(_REPORTING_VERBS)


# ``接受本报专访``, ``接受记者采访``: someone gave an interview.
_INTERVIEW = re.compile(r"接受.{0,6}(专访|采访)")


def reports_interview(text: str) -> bool:
    """A title saying that someone gave an interview (``周冠宇接受专访谈F1“初体验”``)
    introduces what they said, which the headline prints: like a kicker that reports speech
    (:func:`reports_speech`), it is the kicker whatever its length, though the topic follows
    the verb instead of closing the line."""
    return bool(_INTERVIEW.search("".join(text.split())))


# Adverbs of resolve that open a directive (``全力救治…``, ``严厉打击…``, ``千方百计加强…``):
# the action called for, which papers print as the headline under an 引题 naming who called
# for it (``公安部部署开展昆仑2020行动`` over ``严厉打击食药环和涉野生动物等违法犯罪活动``).
# Not the adverbs that open the campaign slogans papers set as kickers over a report
# (``深入学习贯彻…``, ``全面推进乡村振兴``, ``加快建设…``, ``进一步…``): those open kickers
# as often.
DIRECTIVE_OPENINGS = (
    "全力",
    "严厉",
    "坚决",
    "千方百计",
    "扎实",
    "切实",
    "大力",
    "着力",
    "奋力",
)


def states_directive(text: str) -> bool:
    """A title that opens with an adverb of resolve states a directive: paired with a plain
    title that does not, it is the headline, the call to act, whatever its length.  Of the
    corpus's 113 articles, the six title lines that open so are all headlines."""
    return "".join(text.split()).startswith(DIRECTIVE_OPENINGS)


# A title stack holds at most a kicker, a headline and a subtitle, each wrapped over at most
# this many lines.
MAX_PART_LINES = 4
MAX_PARTS = 3


def title_parts(texts: Sequence[str]) -> list[int]:
    """How many lines each part of a stack of title lines takes, as its shape shows: a part
    ends after a line that leads in (``…——``, ``…：``) or reports speech (``…会议上强调``),
    and a line opening with ``——`` opens a subtitle."""
    parts: list[int] = []
    closed = True
    for text in texts:
        text = text.strip()
        if closed or is_subtitle(text):
            parts.append(0)
        parts[-1] += 1
        closed = is_kicker_shaped(text) or reports_speech(text)
    return parts


def fits_title_stack(texts: Sequence[str]) -> bool:
    """The lines are few enough for a title stack: at most ``MAX_PART_LINES`` in all, or, where
    a kicker's end or a subtitle's dash parts them, that many to each of at most
    ``MAX_PARTS`` parts (``韩正在国务院推进政府职能转变和“放管服”改`` / ``革协调小组全体会议
    上强调`` over a headline of three lines: five lines, one title).  A page that sets no
    blank line between a kicker and its headline gives them as one run of lines."""
    if len(texts) <= MAX_PART_LINES:
        return True
    if len(texts) > MAX_PARTS * MAX_PART_LINES:
        return False  # most body blocks: no need to read each line's shape
    parts = title_parts(texts)
    return len(parts) <= MAX_PARTS and max(parts) <= MAX_PART_LINES


def is_subtitle(text: str) -> bool:
    """Opens with a dash and has words after it.  A line of bare dashes is no subtitle: it is
    the end of the line above, wrapped (``…“细绳子”`` / ``——``), as a dash that closes a
    lead-in may be pushed to the next line."""
    return text.startswith(("——", "—", "--")) and bool(text.strip().lstrip("—-"))


# The longest column tag (``国务院联防联控机制发布会``, ``为了民族复兴·英雄烈士谱``), and the
# shortest (``权威发布``): shorter parentheses are abbreviations in running text (``刚果（布）``).
_MAX_TAG = 16
_MIN_TAG = 4


# Marks of a clause, which a column tag (a name) holds none of.
_CLAUSE_MARKS = frozenset("，。；：,;:")


def ends_with_column_tag(text: str) -> bool:
    """Text ending with the name of a column or series in parentheses, after words of its
    own (``文旅融合 服务百姓（代表委员履职故事）``, ``给黑土地做体检，施肥更精细（经济聚焦·
    农田里的新鲜事）``): how papers tag a headline.  Twelve of the corpus's 113 headlines end
    so; of its paragraphs, one ends with a closing parenthesis, and it is a parenthesis as a
    whole (``（陈晓霞、张旭航、李大勇参与采写）``).  A sentence end before the tag, or
    punctuation inside it, makes it a note, not a tag."""
    text = text.rstrip()
    if not text.endswith(("）", ")")):
        return False
    opening = max(text.rfind("（"), text.rfind("("))
    if opening <= 0 or len(text) - opening - 2 > _MAX_TAG:
        return False
    tag, before = text[opening + 1 : -1], text[:opening]
    return (
        len(tag) >= _MIN_TAG
        and _CLAUSE_MARKS.isdisjoint(tag)
        and before.rstrip()[-1:] not in "。！？…"
    )


def opens_column_tag(text: str) -> bool:
    """A title line that opens with a column tag in parentheses (see
    :func:`ends_with_column_tag`) and holds nothing after it: the tag ends the headline on
    the line above, set on a line of its own or wrapped from there (``“五朵金花”绽放一线`` /
    ``（向奋战在一线的医务`` / ``人员致敬）``).  Only the tag's start need be on the line."""
    text = "".join(text.split())
    if text[:1] not in "（(":
        return False
    closings = [i for i in (text.find("）"), text.find(")")) if i > 0]
    close = min(closings) if closings else len(text)
    tag = text[1:close]
    return (
        (len(tag) >= _MIN_TAG or not closings)
        and len(tag) <= _MAX_TAG
        and _CLAUSE_MARKS.isdisjoint(tag)
        and not text[close + 1 :]
    )


def is_kicker_shaped(text: str) -> bool:
    """引题 that announce the headline: ``水利部——``, ``杜庭斌：``, ``中国驻美大使呼吁——``."""
    return text.endswith(("——", "：", ":"))


def is_lead_in_kicker(text: str) -> bool:
    """A kicker announcing its headline (:func:`is_kicker_shaped`), not a subtitle."""
    return is_kicker_shaped(text) and not is_subtitle(text)


def is_plain_title(text: str) -> bool:
    """A title part that is neither a lead-in kicker nor a subtitle."""
    return not is_kicker_shaped(text) and not is_subtitle(text)


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


_SHORTER_RULE = "shorter title line (tie: nearer body)"
_DIRECTIVE_RULE = "the one title line that states a directive (全力…, 严厉…)"


def assign_title_roles(
    units: list[str],
    body_after: bool,
    measures: Sequence[float | None] | None = None,
    set_over_body: bool = False,
) -> TitleRoles:
    """Which title unit is kicker, headline, subtitle.

    ``units`` are the title lines of one article in extraction order (a headline wrapped
    over two adjacent lines is already one unit); ``body_after`` says whether the body follows
    the titles (else it precedes them).

    Rule: a unit starting with ``——`` is the subtitle; one ending with ``——`` or ``：`` is
    the kicker.  Of the rest, the headline is the shorter one: a main title is set in large
    type and so is short, while an 引题 explains and runs longer (true for the reference page
    and for most kicker/headline pairs in the corpus); but of two, where one states a directive
    (:func:`states_directive`) and the other does not, that one is the headline, the call to
    act under the line naming who made it.  On a tie the unit nearer to the body
    is the headline: the extractor emits stacked title lines outward from the body it
    belongs to more often than not.  With two plain units the other one is the kicker; with
    more, units extracted before the headline form the kicker and those after the subtitle.
    Wrap geometry (``measures``, see ``wrapped_in_larger_type``) overrides the length rule:
    it shows type size, which is what tells the main title in print.  So, where the titles
    stand over the body, does ``set_over_body``: the last of two plain units runs into the
    body under it with no blank line while a blank line parts it from the unit above.  The
    extractor reads a stack in print order there, and a kicker stands over its headline,
    never between it and the body (``孙春兰率中央指导组指导工作``, blank, ``全力救治感染新冠
    肺炎的医务人员`` over its dateline: the longer line is the headline).
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
        statements = [
            i for i in order if not reports_speech(units[i]) and not reports_interview(units[i])
        ]
        order = statements or order
        # nearest-to-body first, so min() keeps it on a width tie
        headline_index = min(order, key=lambda i: _wording_width(units[i]))
        rule = "only title line" if len(plain) == 1 else _SHORTER_RULE
        if len(order) < len(plain):
            rule = "the title line that is not a reported-speech kicker (…强调, 接受专访…)"
        elif len(plain) > 1:
            larger = (
                None
                if measures is None
                else wrapped_in_larger_type([units[i] for i in plain], [measures[i] for i in plain])
            )
            directives = [i for i in order if states_directive(units[i])]
            if larger is not None:
                headline_index = plain[larger]
                rule = "wraps where another title fits on one line: the larger type"
            elif len(plain) == 2 and len(directives) == 1:
                headline_index = directives[0]
                rule = _DIRECTIVE_RULE
        if (
            set_over_body
            and rule in (_SHORTER_RULE, _DIRECTIVE_RULE)
            and len(plain) == 2
            and order[0] == len(units) - 1
        ):
            headline_index = order[0]
            rule = "the title line set right over the body, apart from the one above"
        roles.headline = units[headline_index]
        roles.rules[headline_index] = ("title", rule)
    return place_other_title_lines(
        roles,
        units,
        headline_index,
        subtitles,
        kickers,
        lambda index, unit: (
            len(plain) == 2 or index < headline_index or reports_speech(unit)
        ),
        ("the other, longer title line", "third title line, extracted after the headline"),
    )


def unwrapped_title_roles(units: Sequence[str]) -> TitleRoles:
    """Kicker, headline and subtitle of unwrapped title lines, one part a line, in the order
    they are printed: a line opening with ``——`` is a subtitle and one closing with ``——``
    or ``：`` a kicker, as on any page; of the plain lines the headline is the first after
    a kicker-shaped line, or else the second when there are two or more (the first being the
    kicker above it); plain lines above the headline join the kicker, those under it the
    subtitle.  With no plain line the last kicker-shaped line (or else the first subtitle)
    is the headline."""
    roles = TitleRoles()
    subtitles = [i for i, u in enumerate(units) if is_subtitle(u)]
    kickers = [i for i, u in enumerate(units) if is_kicker_shaped(u) and i not in subtitles]
    plain = [i for i in range(len(units)) if i not in subtitles and i not in kickers]
    rule = "unwrapped text: the only plain title line"
    if not plain and kickers:
        headline = kickers.pop()
        rule = "unwrapped text: the last lead-in line, with no plain title line"
    elif not plain and subtitles:
        headline = subtitles.pop(0)
        rule = "unwrapped text: the first dash line, with no plain title line"
    elif not plain:
        return roles
    elif any(k < plain[0] for k in kickers) or len(plain) == 1:
        headline = plain[0]
        if len(plain) > 1:
            rule = "unwrapped text: the first plain title line under a lead-in"
    else:
        headline = plain[1]
        rule = "unwrapped text: the second plain title line (the first is its kicker)"
    roles.headline = units[headline]
    roles.rules[headline] = ("title", rule)
    return place_other_title_lines(
        roles,
        units,
        headline,
        subtitles,
        kickers,
        lambda index, _unit: index < headline,
        (
            "unwrapped text: a plain line above the headline",
            "unwrapped text: a plain line under the headline",
        ),
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
