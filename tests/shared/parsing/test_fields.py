"""Datelines, bylines, photo credits, continuation markers and title roles."""

from __future__ import annotations

import pytest

from shared.parsing import parse_text
from shared.parsing.bylines import is_byline_line
from shared.parsing.continuation_markers import (
    find_continuations,
    is_continuation_line,
    strip_continuations,
)
from shared.parsing.credits import parse_credits, split_names
from shared.parsing.datelines import match_dateline
from shared.parsing.photo_credits import match_photo_credit
from shared.parsing.title_roles import assign_title_roles, is_subtitle


@pytest.mark.parametrize(
    ("text", "place", "reporters", "correspondents", "rest"),
    [
        ("本报讯（记者 朱海波） 7月1日，市委", "本报讯", ["朱海波"], [], "7月1日，市委"),
        ("本报讯（记者 朱海波 通讯员 郭凌鹤）7月10日", "本报讯", ["朱海波"], ["郭凌鹤"], "7月10日"),
        ("本报北京1月16日电（记者王比学）中共", "本报北京1月16日电", ["王比学"], [], "中共"),
        (
            "新华社北京7月8日电（记者王雨萧、于佳欣）据",
            "新华社北京7月8日电",
            ["王雨萧", "于佳欣"],
            [],
            "据",
        ),
        ("据新华社电（记者李雄鹰、毛鑫）在身上", "据新华社电", ["李雄鹰", "毛鑫"], [], "在身上"),
        (
            "科技日报兰州6月11日电 （记者颉满斌 通讯员余若怡）锂",
            "科技日报兰州6月11日电",
            ["颉满斌"],
            ["余若怡"],
            "锂",
        ),
        (
            "本报北京2月12日电（唐维红、张晓赫、孙阳）2月",
            "本报北京2月12日电",
            ["唐维红", "张晓赫", "孙阳"],
            [],
            "2月",
        ),
        ("本报北京 1 月 6 日电（记者刘毅） 1月6日", "本报北京1月6日电", ["刘毅"], [], "1月6日"),
        ("本报讯 市委书记李强昨天", "本报讯", [], [], "市委书记李强昨天"),
        ("本报讯（记者 张三 实习生 李四）正文", "本报讯", ["张三", "李四"], [], "正文"),
    ],
)
def test_match_dateline(
    text: str, place: str, reporters: list[str], correspondents: list[str], rest: str
) -> None:
    dateline = match_dateline(text)
    assert dateline is not None
    assert dateline.place == place
    assert dateline.credits.reporters == reporters
    assert dateline.credits.correspondents == correspondents
    assert dateline.rest == rest


@pytest.mark.parametrize(
    "text",
    ["据介绍，不久前我市委托第三方", "本报记者从市委获悉", "今年以来，共有20余条意见", ""],
)
def test_no_dateline_in_ordinary_sentences(text: str) -> None:
    assert match_dateline(text) is None


def test_dateline_parenthesis_without_names_stays_in_the_body() -> None:
    dateline = match_dateline("本报讯（2024年7月）会议召开")
    assert dateline is not None
    assert dateline.byline == ""
    assert dateline.rest == "（2024年7月）会议召开"


@pytest.mark.parametrize(
    "text",
    [
        "■ 本 报 记 者 王培源 李政哲",
        "本报通讯员 李正一",
        "本报记者  潘高峰 / 特约通讯员  忻文轲",
        "■ 李 文",
        "本报记者 田 鹏",
        "首席记者  潘高峰",
        "实习生 赖波",
    ],
)
def test_byline_lines(text: str) -> None:
    assert is_byline_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "记者从人民银行了解到，目前数字人民币已在批发零售、餐",
        "本报记者从市里获悉",
        "市委统战部副部长王云告诉记者。",
        "李文",
    ],
)
def test_not_byline_lines(text: str) -> None:
    assert not is_byline_line(text)


def test_parse_credits_by_role() -> None:
    credits = parse_credits("■ 本 报 记 者 王培源 李政哲 本报通讯员 李正一 实习生 赵一")
    assert credits.reporters == ["王培源", "李政哲", "赵一"]
    assert credits.correspondents == ["李正一"]


@pytest.mark.parametrize(
    ("chunk", "names"),
    [
        ("王培源 李政哲", ["王培源", "李政哲"]),
        ("田 鹏", ["田鹏"]),
        ("李强、花放", ["李强", "花放"]),
    ],
)
def test_split_names(chunk: str, names: list[str]) -> None:
    assert split_names(chunk) == names


@pytest.mark.parametrize(
    ("text", "caption", "name"),
    [
        ("转型升级。 ■ 本报记者 许金松", "转型升级。", "许金松"),
        ("转型升级。■本报记者 许金松", "转型升级。", "许金松"),
        ("转型升级。（本报记者 许金松 摄）", "转型升级。", "许金松"),
        ("转型升级。 新华社记者 许金松 摄", "转型升级。", "许金松"),
        ("■ 本报记者 许金松", "", "许金松"),
    ],
)
def test_photo_credits(text: str, caption: str, name: str) -> None:
    credit = match_photo_credit(text)
    assert credit is not None
    assert credit.caption == caption
    assert credit.credits.reporters == [name]


@pytest.mark.parametrize("text", ["市委统战部副部长王云告诉记者。", "记者7月11日从东昌府区了解到"])
def test_no_photo_credit(text: str) -> None:
    assert match_photo_credit(text) is None


def test_continuation_markers() -> None:
    found = find_continuations("（上接第1版）正文内容……的（下转第二版）")
    assert [(c.marker, c.forward) for c in found] == [("上接第1版", False), ("下转第二版", True)]
    text, kept = strip_continuations("（上接第1版）正文内容……的（下转第二版）")
    assert text == "正文内容……的"
    assert len(kept) == 2
    assert is_continuation_line(" （下转第2版） ")
    assert not is_continuation_line("正文（下转第2版）")


def test_marker_in_mid_line_is_not_stripped() -> None:
    text, kept = strip_continuations("详见（下转第2版）的报道")
    assert text == "详见（下转第2版）的报道"
    assert kept == []


def test_title_roles_tie_goes_to_the_line_nearer_the_body() -> None:
    # Reference page: titles after the body; headline printed first, kicker after it.
    roles = assign_title_roles(
        ["我市构建“五大行动”高效运转工作体系", "全市统一战线服务强市建设“五大行动”"],
        body_after=False,
    )
    assert roles.headline == "我市构建“五大行动”高效运转工作体系"
    assert roles.kicker == "全市统一战线服务强市建设“五大行动”"


def test_title_roles_compare_title_lengths_without_their_marks() -> None:
    # 14 em against 15 em with the quotes, 14 against 13 in words: large title type sets
    # its marks narrow, so the headline is the one with fewer words
    for body_after in (False, True):
        roles = assign_title_roles(
            ["孙春兰率中央指导组赴湖北黄冈", "指导落实“应收尽收”等防控举措"], body_after
        )
        assert (roles.kicker, roles.headline) == (
            "孙春兰率中央指导组赴湖北黄冈",
            "指导落实“应收尽收”等防控举措",
        )


def test_title_roles_shorter_line_is_the_headline() -> None:
    roles = assign_title_roles(
        ["上半年抽检280批次，合格率100%", "我市加强畜产品质量安全监管"], False
    )
    assert (roles.kicker, roles.headline) == (
        "上半年抽检280批次，合格率100%",
        "我市加强畜产品质量安全监管",
    )
    roles = assign_title_roles(["多地降雪量突破历史极值", "暴雪预警升级为黄色"], body_after=True)
    assert (roles.kicker, roles.headline) == ("多地降雪量突破历史极值", "暴雪预警升级为黄色")


def test_title_roles_subtitle_and_kicker_shapes() -> None:
    roles = assign_title_roles(["深耕廉洁沃土 构筑清廉矩阵", "——茌平区构建阵地体系"], False)
    assert (roles.headline, roles.subtitle, roles.kicker) == (
        "深耕廉洁沃土 构筑清廉矩阵",
        "茌平区构建阵地体系",
        "",
    )
    roles = assign_title_roles(["杜庭斌：", "身负重伤 殊死擒凶"], body_after=True)
    assert (roles.kicker, roles.headline) == ("杜庭斌：", "身负重伤 殊死擒凶")


def test_work_prefixed_bylines() -> None:
    assert is_byline_line("■ 文/本报记者 王五 图/本报记者 赵六")
    assert parse_credits("文/本报记者 王五 图/本报记者 赵六").reporters == ["王五", "赵六"]


def test_every_role_holds_a_prefilter_character() -> None:
    from shared.parsing.role_words import ROLE_CHARS, ROLES

    assert all(set(ROLE_CHARS) & set(role) for role in ROLES)


def test_a_reported_speech_kicker_is_not_the_headline_however_short() -> None:
    roles = assign_title_roles(
        ["李强在调研时强调", "进一步改进工作方式方法推动政府职能转变取得新突破"], False
    )
    assert roles.kicker == "李强在调研时强调"
    assert roles.headline == "进一步改进工作方式方法推动政府职能转变取得新突破"


def _roles_in_any_order(kicker: str, headline: str) -> None:
    """Both lines keep their roles whichever comes first and whether the body follows."""
    for units in ([kicker, headline], [headline, kicker]):
        for body_after in (False, True):
            roles = assign_title_roles(units, body_after)
            assert (roles.kicker, roles.headline) == (kicker, headline)


def test_an_interview_kicker_is_not_the_headline_however_short() -> None:
    # the kicker says who gave the interview (9 em), the headline prints what was said
    _roles_in_any_order("张三接受专访谈夺冠", "没想到这么快就站上了最高领奖台")


def test_a_title_stating_a_directive_is_the_headline_however_long() -> None:
    # the kicker names who called for action (10 em), the headline is the call (12 em)
    _roles_in_any_order("市政府部署开展专项整治", "坚决遏制违法建设蔓延势头")


def test_a_campaign_slogan_over_a_report_is_no_directive() -> None:
    # 深入…, 全面…, 加快… open the slogans set as kickers over a report: the shorter line
    # stays the headline
    roles = assign_title_roles(["深入学习贯彻党的二十大精神", "我市召开干部大会"], True)
    assert (roles.kicker, roles.headline) == ("深入学习贯彻党的二十大精神", "我市召开干部大会")


def test_two_directives_or_stronger_cues_leave_the_directive_rule_out() -> None:
    # both lines open with an adverb of resolve: the shorter one is the headline
    roles = assign_title_roles(["全力做好春耕备耕各项工作", "切实保障粮食安全"], True)
    assert roles.headline == "切实保障粮食安全"
    # wrap geometry (type size) outranks wording: the wrapped unit is the headline
    roles = assign_title_roles(
        ["全力以赴做好防汛抢险救灾工作", "某县救灾"], True, measures=[None, 4.0]
    )
    assert roles.headline == "某县救灾"
    # so does print order: the line set right over its body, apart from the one above
    roles = assign_title_roles(
        ["全力以赴做好防汛抢险救灾工作", "某县连夜转移群众"], True, set_over_body=True
    )
    assert roles.headline == "某县连夜转移群众"


def test_apply_body_fields_reads_markers_dateline_and_photo_credit() -> None:
    from shared.parsing.credits import Credits
    from shared.parsing.fields import apply_body_fields
    from shared.parsing.types import ParsedArticle

    article = ParsedArticle()
    bylines: list[str] = []
    credits = Credits()
    paragraphs = ["本报讯（记者 朱海波） 7月1日，市委召开会议。", "", "会议指出。"]
    markers = [*find_continuations("（下转第2版）"), *find_continuations("（上接第1版）")]
    dateline = apply_body_fields(article, paragraphs, markers, bylines, credits)
    assert dateline is not None
    assert article.dateline == "本报讯"
    assert article.paragraphs == ["7月1日，市委召开会议。", "会议指出。"]
    assert (article.continued_to, article.continued_from) == ("下转第2版", "上接第1版")
    assert bylines == ["（记者 朱海波）"]
    assert credits.reporters == ["朱海波"]

    photo = ParsedArticle(kind="photo")
    bylines, credits = [], Credits()
    caption = ["工人在车间巡检。 ■ 本报记者 许金松"]
    assert apply_body_fields(photo, caption, [], bylines, credits) is None
    assert photo.paragraphs == ["工人在车间巡检。"]
    assert credits.reporters == ["许金松"]
    assert bylines == ["■ 本报记者 许金松"]


def test_a_title_that_wraps_where_another_fits_one_line_is_the_headline() -> None:
    # The second title wraps after 10 characters while the first holds 12 on one line: the
    # wrapped one is in the larger type, so it is the headline though it is the longer text.
    units = ["某市召开全体干部动员大会", "推进老旧小区改造全面提速增效"]
    roles = assign_title_roles(units, body_after=True, measures=[None, 10.0])
    assert [roles.kicker, roles.headline] == units
    # a one-line title narrower than the wrapped line proves nothing: the shorter rule holds
    roles = assign_title_roles(["某市召开大会", units[1]], body_after=True, measures=[None, 10.0])
    assert (roles.kicker, roles.headline) == (units[1], "某市召开大会")


def test_wrap_geometry_reaches_the_title_roles_from_page_text() -> None:
    text = (
        "某市召开全体干部动员大会\n\n推进老旧小区改造全面\n提速增效\n\n"
        "本报讯（记者 王明） 昨天，某市召开全体干部动员大会，部署老旧小区改造工作。会议要求\n"
        "各区加快进度，确保年内完成改造任务。\n"
    )
    (article,) = parse_text(text).articles
    assert article.headline == "推进老旧小区改造全面提速增效"
    assert article.kicker == "某市召开全体干部动员大会"


def test_a_line_of_bare_dashes_is_no_subtitle() -> None:
    assert is_subtitle("——茌平区构建阵地体系")
    assert not is_subtitle("——")
    assert not is_subtitle("—— ")
