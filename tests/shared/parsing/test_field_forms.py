"""Dateline, byline and photo-credit forms that Chinese papers commonly print, beyond the
papers of the corpus: each case is a line as a paper prints it."""

from __future__ import annotations

import pytest

from shared.parsing import parse_text
from shared.parsing.bylines import is_byline_line
from shared.parsing.credits import parse_credits
from shared.parsing.datelines import match_dateline, starts_with_dateline
from shared.parsing.photo_credits import match_photo_credit


@pytest.mark.parametrize(
    ("text", "place", "reporters", "correspondents", "rest"),
    [
        # reporter roles built from who the reporter works for, where and what kind
        ("本报讯（融媒体记者 陈晓明）昨天，", "本报讯", ["陈晓明"], [], "昨天，"),
        (
            "本报讯（全媒体记者 王芳 通讯员 李建国）昨天，",
            "本报讯",
            ["王芳"],
            ["李建国"],
            "昨天，",
        ),
        ("本报讯（本报特派记者 刘洋）昨天，", "本报讯", ["刘洋"], [], "昨天，"),
        ("本报北京1月16日电（特派记者 孙立）会议", "本报北京1月16日电", ["孙立"], [], "会议"),
        ("本报讯（本报驻京记者 赵刚）近日，", "本报讯", ["赵刚"], [], "近日，"),
        (
            "本报上海3月6日电（本报驻上海记者 周敏）昨天",
            "本报上海3月6日电",
            ["周敏"],
            [],
            "昨天",
        ),
        ("本报纽约1月1日电（驻美国记者 黄海）当地", "本报纽约1月1日电", ["黄海"], [], "当地"),
        (
            "本报北京1月6日电（经济日报记者 林丽鹂）国家",
            "本报北京1月6日电",
            ["林丽鹂"],
            [],
            "国家",
        ),
        (
            "新华社北京7月8日电（光明日报记者 张蕾、李丹）据",
            "新华社北京7月8日电",
            ["张蕾", "李丹"],
            [],
            "据",
        ),
        ("本报讯（人民日报记者 杜尚泽）当地时间", "本报讯", ["杜尚泽"], [], "当地时间"),
        ("本报讯（见习通讯员 马丽）昨天", "本报讯", [], ["马丽"], "昨天"),
        ("本报讯（记者 韩杰 见习通讯员 马丽）昨天", "本报讯", ["韩杰"], ["马丽"], "昨天"),
        # agencies and websites
        ("中新社北京1月2日电 （记者 陈溯）记者", "中新社北京1月2日电", ["陈溯"], [], "记者"),
        ("人民网北京1月1日电（记者 杨迪）1月1日", "人民网北京1月1日电", ["杨迪"], [], "1月1日"),
        ("人民网北京1月1日电 据统计局消息，", "人民网北京1月1日电", [], [], "据统计局消息，"),
        ("据新华社电 国家统计局昨天", "据新华社电", [], [], "国家统计局昨天"),
        # datelines without a date, or naming a compiled report or a flash
        ("本报北京电（记者 王比学）中共", "本报北京电", ["王比学"], [], "中共"),
        ("本报综合消息 据外媒报道，", "本报综合消息", [], [], "据外媒报道，"),
        ("本报综合报道 当地时间", "本报综合报道", [], [], "当地时间"),
        ("新华社快讯：国家统计局", "新华社快讯", [], [], "国家统计局"),
        ("央视网消息：昨天，", "央视网消息", [], [], "昨天，"),
        # bylines after the dateline: credited work, two brackets, no brackets but 报道
        ("本报讯（记者 张晨/文 李伟/图）昨天", "本报讯", ["张晨", "李伟"], [], "昨天"),
        ("本报讯（记者 张晨）（通讯员 李伟）昨天", "本报讯", ["张晨"], ["李伟"], "昨天"),
        ("本报讯 记者张晨 通讯员李伟报道：昨天", "本报讯", ["张晨"], ["李伟"], "昨天"),
        ("本报讯（记者 张晨 通讯员 李伟 报道）昨天", "本报讯", ["张晨"], ["李伟"], "昨天"),
    ],
)
def test_dateline_forms(
    text: str, place: str, reporters: list[str], correspondents: list[str], rest: str
) -> None:
    dateline = match_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.rest) == (place, rest)
    assert dateline.credits.reporters == reporters
    assert dateline.credits.correspondents == correspondents


@pytest.mark.parametrize(
    "text",
    [
        "据中国政府网消息，国务院日前印发",  # a source named in a sentence
        "本报记者从市教育局获悉，",
        "记者从市教育局获悉，今年",
        "本报电视台记者昨天",
    ],
)
def test_sentences_are_no_datelines(text: str) -> None:
    assert not starts_with_dateline(text)


@pytest.mark.parametrize(
    ("text", "reporters", "correspondents"),
    [
        ("□ 本报记者 张立", ["张立"], []),
        ("◎ 记者 张立 李响", ["张立", "李响"], []),
        ("文/本报记者 张立 图/李响", ["张立", "李响"], []),
        ("本报记者 张立 通讯员 李响 报道", ["张立"], ["李响"]),
        ("记者 张立 实习生 李响", ["张立", "李响"], []),
        ("融媒体记者 张立", ["张立"], []),
        ("全媒体记者 张立 李响", ["张立", "李响"], []),
        ("本报特派记者 张立", ["张立"], []),
        ("特派记者 张立 发自东京", ["张立"], []),
        ("本报驻京记者 张立", ["张立"], []),
        ("本报驻上海记者 张立", ["张立"], []),
        ("经济日报记者 张立", ["张立"], []),
        ("光明日报记者 张立 通讯员 李响", ["张立"], ["李响"]),
        ("见习通讯员 李响", [], ["李响"]),
        ("本报特约见习通讯员 李响", [], ["李响"]),
        ("本 报 记 者  潘高峰 / 特 约 通 讯 员  忻文轲", ["潘高峰"], ["忻文轲"]),
        ("本报记者：张立 李响", ["张立", "李响"], []),
        ("记者 张立 | 通讯员 李响", ["张立"], ["李响"]),
        ("本报记者 张立 文/图", ["张立"], []),
        ("文/张立", ["张立"], []),
        ("文/图 张立", ["张立"], []),
        ("本报记者颉满斌", ["颉满斌"], []),
        ("本 报 记 者     陆 玮 鑫", ["陆玮鑫"], []),
        ("记者｜张立 通讯员｜李响", ["张立"], ["李响"]),
        ("【记者 张立】", ["张立"], []),
        ("撰稿：张立 摄影：李响", ["张立", "李响"], []),
        # a commentary's signature, no role: its author is no reporter (corpus gold)
        ("■ 李 文", [], []),
        ("■本报评论员 李文", [], []),
    ],
)
def test_byline_lines_and_their_names(
    text: str, reporters: list[str], correspondents: list[str]
) -> None:
    assert is_byline_line(text)
    credits = parse_credits(text)
    assert (credits.reporters, credits.correspondents) == (reporters, correspondents)


@pytest.mark.parametrize(
    "text",
    [
        "记者了解到",
        "记者从市教育局获悉，",
        "记者张立说，",
        "本报记者从市里获悉",
        "文 化 建 设",  # a spaced-out line opening with 文
        "文化/体育",
        "记者了解到，近两",  # a wrapped line of body text
        "记者：之前在采访",  # an interview's question
        "记 者 ： 在 上 一 场 比",
        "记 者 从 人 民 银 行 了",  # a justified line of body text
        "记 者 也 从 辰 辰 家 所",
    ],
)
def test_running_text_is_no_byline(text: str) -> None:
    assert not is_byline_line(text)


def test_a_column_label_keeps_its_byline_shape_but_names_nobody() -> None:
    # ■记者手记 inside a body: the article assembly keeps it as a label of the text
    assert is_byline_line("■记者手记")
    assert parse_credits("■记者手记").reporters == []


@pytest.mark.parametrize(
    ("text", "caption", "reporters", "correspondents"),
    [
        ("工人在车间巡检。（新华社记者 李响 摄）", "工人在车间巡检。", ["李响"], []),
        ("工人在车间巡检。 本报记者 李响 摄", "工人在车间巡检。", ["李响"], []),
        ("工人在车间巡检。 李响/摄", "工人在车间巡检。", ["李响"], []),
        ("工人在车间巡检。李响 摄", "工人在车间巡检。", ["李响"], []),
        ("工人在车间巡检。（李响 摄）", "工人在车间巡检。", ["李响"], []),
        ("图为工人在车间巡检。 本报记者 李响 摄", "图为工人在车间巡检。", ["李响"], []),
        ("工人在车间巡检。（融媒体记者 李响 摄）", "工人在车间巡检。", ["李响"], []),
        ("工人在车间巡检。（特约摄影 李响）", "工人在车间巡检。", ["李响"], []),
        ("工人在车间巡检。 图/本报记者 李响", "工人在车间巡检。", ["李响"], []),
        ("工人在车间巡检。 摄影/李响", "工人在车间巡检。", ["李响"], []),
        ("工人在车间巡检。 本报记者 李响 摄影报道", "工人在车间巡检。", ["李响"], []),
        # a name set right before 摄 after a sentence, a source in brackets after the credit
        ("工人在车间巡检。许丛军摄（人民视觉）", "工人在车间巡检。", ["许丛军"], []),
        ("工人在车间巡检。新华社记者 李响 摄（新华社发）", "工人在车间巡检。", ["李响"], []),
        (
            "工人在车间巡检。 本报记者 李响 通讯员 王平 摄",
            "工人在车间巡检。",
            ["李响"],
            ["王平"],
        ),
    ],
)
def test_photo_credit_forms(
    text: str, caption: str, reporters: list[str], correspondents: list[str]
) -> None:
    credit = match_photo_credit(text)
    assert credit is not None
    assert credit.caption == caption
    assert (credit.credits.reporters, credit.credits.correspondents) == (
        reporters,
        correspondents,
    )


@pytest.mark.parametrize(
    "text",
    [
        "游客在景区拍摄",
        "游 客 在 景 区 拍 摄",
        "记者7月11日从东昌府区了解到",
        "全文完。（记者 李响）",  # a byline closing a report, not a photo credit
        "他用手机拍摄。",
        "这是他们拍摄的。无人机航拍",
    ],
)
def test_no_photo_credit_in_text(text: str) -> None:
    assert match_photo_credit(text) is None


def test_author_note_and_reporter_mentions_stay_in_the_body() -> None:
    text = (
        "让数据多跑路\n\n"
        "本报讯（记者 王明） 记者从市教育局获悉，今年全市新增学位一万个。记者了解到，\n"
        "新建学校将于九月投用。\n\n"
        "（作者为中国人民大学教授）\n"
    )
    (article,) = parse_text(text).articles
    assert article.reporters == ["王明"]
    assert article.paragraphs[0].startswith("记者从市教育局获悉")
    assert "记者了解到" in article.paragraphs[0]
    assert article.paragraphs[-1] == "（作者为中国人民大学教授）"


def test_a_bracketed_byline_line() -> None:
    assert is_byline_line("（本报记者 张立）")
    assert parse_credits("（本报记者 张立）").reporters == ["张立"]
    assert not is_byline_line("（作者为中国人民大学教授）")
    assert not is_byline_line("（记者了解到）")


@pytest.mark.parametrize(
    ("last", "kept", "reporters", "correspondents"),
    [
        ("全年目标顺利完成。（记者 张立 通讯员 李响）", "全年目标顺利完成。", ["张立"], ["李响"]),
        ("确保全年目标顺利完成。（新华社记者 张立）", "确保全年目标顺利完成。", ["张立"], []),
        ("（本报记者 张立）", "", ["张立"], []),
        # a wire report's source and dateline before the byline
        ("成果。（据新华社北京7月11日电 记者 王悦阳）", "成果。", ["王悦阳"], []),
        # …from any paper or agency named in full, as datelines name them
        ("成果。（据经济日报杭州7月11日电 记者 王悦阳）", "成果。", ["王悦阳"], []),
        # no role, a photo's credit, an author's note or a source: text
        ("确保全年目标顺利完成。（张立）", "确保全年目标顺利完成。（张立）", [], []),
        ("工人在车间巡检。（记者 张立 摄）", "工人在车间巡检。（记者 张立 摄）", [], []),
        ("（作者为中国人民大学教授）", "（作者为中国人民大学教授）", [], []),
        ("确保全年目标顺利完成。（据新华社电）", "确保全年目标顺利完成。（据新华社电）", [], []),
        ("他说：“我是记者（记者 张立）", "他说：“我是记者（记者 张立）", [], []),
    ],
)
def test_a_bracketed_byline_closing_an_article(
    last: str, kept: str, reporters: list[str], correspondents: list[str]
) -> None:
    from shared.parsing.credits import Credits
    from shared.parsing.fields import apply_body_fields
    from shared.parsing.types import ParsedArticle

    article, bylines, credits = ParsedArticle(), [], Credits()
    apply_body_fields(article, ["会议要求各区加快推进。", last], [], bylines, credits)
    first = "会议要求各区加快推进。"
    assert article.paragraphs == ([first, kept] if kept else [first])
    assert (credits.reporters, credits.correspondents) == (reporters, correspondents)


@pytest.mark.parametrize(
    ("line", "marker", "forward", "rest"),
    [
        ("增长。【下转第2版】", "下转第2版", True, "增长。"),
        ("增长。［转A3版］", "转A3版", True, "增长。"),
        ("增长。▶下转第2版", "下转第2版", True, "增长。"),
        ("◀上接第1版 全市", "上接第1版", False, "全市"),
        ("（上接第一版②）全市", "上接第一版②", False, "全市"),
        ("增长。（紧转第2版）", "紧转第2版", True, "增长。"),
        ("增长。（转A3）", "转A3", True, "增长。"),
        ("（上接A1）全市", "上接A1", False, "全市"),
    ],
)
def test_continuation_marker_forms(line: str, marker: str, forward: bool, rest: str) -> None:
    from shared.parsing.continuation_markers import strip_continuations

    text, found = strip_continuations(line)
    assert text == rest
    assert [(c.marker, c.forward) for c in found] == [(marker, forward)]


def test_an_arrow_inside_a_sentence_is_no_continuation() -> None:
    from shared.parsing.continuation_markers import find_continuations

    assert find_continuations("详见▶下转第2版的报道") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("本报1月16日讯（记者 张立）全市", "本报1月16日讯"),
        ("本报纽约1月16日专电（记者 张立）全市", "本报纽约1月16日专电"),
        ("聊城日报讯（记者 张立）全市", "聊城日报讯"),
    ],
)
def test_dated_and_special_dispatches(text: str, place: str) -> None:
    dateline = match_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.credits.reporters, dateline.rest) == (place, ["张立"], "全市")


def test_a_minority_name_with_a_bullet_dot() -> None:
    assert parse_credits("记者 阿依古丽•买买提").reporters == ["阿依古丽•买买提"]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # a name list never runs into the sentence after it
        ("本报讯 记者张三，今年报道全市", "记者张三，今年报道全市"),
        ("本报讯 记者了解到，报道称", "记者了解到，报道称"),
        ("新华社北京7月8日电（记者从国务院新闻办获悉）今年", "（记者从国务院新闻办获悉）今年"),
    ],
)
def test_a_dateline_keeps_the_sentence_after_it(text: str, rest: str) -> None:
    dateline = match_dateline(text)
    assert dateline is not None
    assert dateline.rest == rest
    assert dateline.credits.reporters == []


@pytest.mark.parametrize("text", ["本报记者昨日致电 12345热线", "本报昨日来电 称"])
def test_a_call_is_no_undated_dispatch(text: str) -> None:
    assert match_dateline(text) is None


def test_bullets_before_each_role() -> None:
    assert is_byline_line("■ 本报记者 张立 ■ 通讯员 李响")
    credits = parse_credits("●记者 张立  ●通讯员 李响")
    assert (credits.reporters, credits.correspondents) == (["张立"], ["李响"])


@pytest.mark.parametrize(
    "text", ["游客在参观。（新华社发 李响摄）", "游客在参观。新华社发（李响 摄）"]
)
def test_the_agency_that_sent_a_photo_is_no_name(text: str) -> None:
    credit = match_photo_credit(text)
    assert credit is not None
    assert (credit.caption, credit.credits.reporters) == ("游客在参观。", ["李响"])


def test_long_runs_of_roles_and_names_end_without_catastrophic_backtracking() -> None:
    # a line of many role-and-name pairs that fails at its end once took seconds, and
    # longer lines exponentially longer: the patterns match names atomically.  No speed is
    # measured here (bench.parsing does that); the alarm only stops a runaway match.
    import signal

    from shared.parsing.bylines import match_closing_byline

    def runaway(_signum: int, _frame: object) -> None:
        raise AssertionError("a byline pattern backtracks without end")

    previous = signal.signal(signal.SIGALRM, runaway)
    signal.alarm(30)
    try:
        for text in (" 记者 张三" * 30 + "摄影。", "本 报 记 者 张 三 " * 30 + "，"):
            dateline = match_dateline("本报讯 " + text)
            assert dateline is not None
            assert (dateline.place, dateline.byline) == ("本报讯", "")
            assert match_photo_credit(text) is None
            assert match_closing_byline(text[:38] + "）") is None
            assert is_byline_line(text[:30])  # its first 30 characters are roles and names
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("text", ["本报讯【记者 张立】全市", "本报讯〔记者 张立〕全市"])
def test_a_dateline_byline_in_other_brackets(text: str) -> None:
    dateline = match_dateline(text)
    assert dateline is not None
    assert (dateline.credits.reporters, dateline.rest) == (["张立"], "全市")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("本报瑞士达沃斯1月21日", True),
        ("新华社北京5月7日", True),
        ("科技日报兰州6月11日", True),
        ("本报记者1月21日", False),  # …从市教育局获悉: a sentence wrapped after its date
        ("今年1月21日", False),
    ],
)
def test_a_dateline_wrapped_before_its_electric(line: str, expected: bool) -> None:
    assert starts_with_dateline(line) is expected


def test_titles_over_a_dateline_wrapped_before_its_electric_stay_titles() -> None:
    # the dateline wraps before 电, right under the titles
    page = "\n".join(
        [
            "夏粮收购有序开展",
            "",
            "本报讯（记者 王三）全市夏粮收购工作有序开",
            "展，各收储企业敞开收购，确保农民种粮收",
            "益。截至目前已收购小麦十二万吨。",
            "",
            "韩正出席达沃斯世界经济论",
            "坛2020年年会并致辞",
            "本报瑞士达沃斯1月21日",
            "电（记者方莹馨）当地时间1月21日，中共中",
            "央政治局常委、国务院副总理韩正在瑞士达沃",
            "斯出席世界经济论坛2020年年会并致辞。",
        ]
    )
    second = parse_text(page).articles[-1]
    assert second.headline == "韩正出席达沃斯世界经济论坛2020年年会并致辞"
    assert second.dateline == "本报瑞士达沃斯1月21日电"
    assert second.reporters == ["方莹馨"]
    assert second.paragraphs[0].startswith("当地时间1月21日，")


@pytest.mark.parametrize(
    "line", ["本报评论员", "■ 本报评论员", "人民日报评论员", "新华社特约评论员"]
)
def test_an_editorial_signed_by_its_paper_is_its_own_article(line: str) -> None:
    # the signature anchors the editorial: its title is no subhead of the report above
    page = "\n".join(
        [
            "夏粮收购有序开展",
            "",
            "本报讯（记者 王三）全市夏粮收购工作有",
            "序开展，各收储企业敞开收购，确保农民种",
            "粮收益。",
            "",
            "让文明出游成为最好的风景",
            "",
            line,
            "",
            "　　文明旅游是社会文明程度的重要体现，",
            "需要每一位游客的共同参与和自觉践行。",
        ]
    )
    articles = parse_text(page).articles
    assert [a.headline for a in articles] == ["夏粮收购有序开展", "让文明出游成为最好的风景"]
    assert articles[1].reporters == []
    assert articles[1].paragraphs == [
        "文明旅游是社会文明程度的重要体现，需要每一位游客的共同参与和自觉践行。"
    ]
    assert is_byline_line(line)


@pytest.mark.parametrize("line", ["评论员认为，文明旅游", "本报记者"])
def test_a_role_alone_or_in_a_sentence_is_no_signature(line: str) -> None:
    assert not is_byline_line(line)


@pytest.mark.parametrize("note", ["编者按：", "【编者按】", "编者的话："])
def test_the_dateline_under_an_editors_note_is_read(note: str) -> None:
    page = "\n".join(
        [
            "口袋公园方便群众",
            "",
            f"{note}为展示城市新面貌，本报今起推出",
            "系列报道，敬请关注。",
            "",
            "本报讯（记者 李四）我市新建口袋公园二十",
            "处，方便群众就近休闲。",
        ]
    )
    (article,) = parse_text(page).articles
    assert article.dateline == "本报讯"
    assert article.reporters == ["李四"]
    assert article.paragraphs[0].startswith(note.rstrip("："))
    assert article.paragraphs[1] == "我市新建口袋公园二十处，方便群众就近休闲。"


def test_a_dateline_extracted_letter_by_letter_opens_its_article() -> None:
    # a justified dateline line comes out with a space between every character, glued with
    # its title under the report above
    text = "\n".join(
        [
            "公安部部署开展昆仑2020行动",
            "",
            "本报北京5月12日电（记者张璁）记者从公安部12日举行的视频会",
            "议上获悉：公安部部署全国公安机关开展打击食药环和涉野生动物",
            "等违法犯罪的“昆仑2020”专项行动，坚决维护人民群众切身利益。",
            "中国医疗专家组完成沙特、科威特抗疫任务回国",
            "本 报 开 罗 5 月 3 日 电 （ 记 者 周 輖 ）",
            "由中国国家卫生健康委组建，宁夏卫生健康委选派的中国政府赴沙",
            "特阿拉伯、科威特抗疫医疗专家组一行8人，于5月2日完成任务返",
            "回宁夏银川。",
        ]
    )
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == [
        "公安部部署开展昆仑2020行动",
        "中国医疗专家组完成沙特、科威特抗疫任务回国",
    ]
    assert articles[1].dateline == "本报开罗5月3日电"
    assert articles[1].reporters == ["周輖"]
    assert articles[1].paragraphs[0].startswith("由中国国家卫生健康委组建")


def test_captions_stacked_in_one_block_are_a_photo_each() -> None:
    text = "\n".join(
        [
            "图①：7月11日，游客在北京天坛公园参观。本报记者 张武军摄",
            "图②：7月10日，工人在江苏南通一家企业生产线上作业。许丛军摄（人民视觉）",
        ]
    )
    articles = parse_text(text).articles
    assert [(a.kind, a.reporters, a.paragraphs) for a in articles] == [
        ("photo", ["张武军"], ["图①：7月11日，游客在北京天坛公园参观。"]),
        ("photo", ["许丛军"], ["图②：7月10日，工人在江苏南通一家企业生产线上作业。"]),
    ]
