"""Title lines told by indent geometry and by what stands around them."""

from __future__ import annotations

from shared.parsing import parse_text

PREVIOUS = [
    "　　本报讯（记者 孙伟）全市今年新建改建农村公路",
    "一千二百公里，通车里程再创新高，沿线群众出行",
    "条件明显改善，农产品运输成本有所下降，一些村",
    "庄发展起了乡村旅游。",
    "　　交通部门表示，明年将继续推进道路提档升级，",
    "加快补齐养护短板。",
]
# The next article's kicker and a headline that ends with ！ like a sentence of body text.
KICKER = "上半年城镇新增就业超额完成进度"
LONG_HEADLINE = "稳就业、保民生，各项工作有序推进，成绩来之不易！"
NEXT_BODY = [
    "　　本报讯（记者 何静）今年上半年，全市新增城镇",
    "就业岗位三万六千个，完成全年目标的六成以上，",
    "高校毕业生就业形势总体稳定。",
]


def test_unindented_lines_after_a_short_sentence_end_are_titles() -> None:
    """Kicker glued under the previous body (no blank), headline ending with ！ over a
    dateline glued under it: both title lines, on a page that keeps paragraph indents."""
    text = "\n".join(
        [
            "农村公路通车里程创新高",
            "",
            *PREVIOUS,
            KICKER,
            "",
            "稳就业，成绩来之不易！",
            *NEXT_BODY,
        ]
    )
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == ["农村公路通车里程创新高", "稳就业，成绩来之不易！"]
    assert articles[1].kicker == KICKER
    assert articles[0].paragraphs[-1].endswith("加快补齐养护短板。")
    assert len(articles[1].paragraphs) == 1


def _titles_between_articles(*after: str) -> str:
    """A page without indents: an article, then the next one's kicker and long headline,
    then ``after`` (the next article's opening)."""
    return "\n".join(
        [
            "农村公路通车里程创新高",
            "",
            *(line.lstrip("　") for line in PREVIOUS),
            "",
            KICKER,
            "",
            LONG_HEADLINE,
            *after,
        ]
    )


def test_exclaiming_line_between_a_title_and_a_dateline_is_a_title() -> None:
    """A dateline opens its article's body: the line between a title and a dateline, even
    one ending with ！ (read as body amid text), is a title too."""
    text = _titles_between_articles(*(line.lstrip("　") for line in NEXT_BODY))
    articles = parse_text(text).articles
    second = articles[1]
    assert {second.kicker, second.headline} == {KICKER, LONG_HEADLINE}
    assert len(second.paragraphs) == 1


def test_text_without_indents_on_an_indented_page_is_not_split() -> None:
    """A box set without indents on a page that keeps them: its own unindented paragraph
    after a short sentence end, cut by a column break, is body (the text above shows no
    indent to go by)."""
    text = "\n".join(
        [
            "农村公路通车里程创新高",
            "",
            *PREVIOUS,
            "",
            "就业形势总体稳定",
            "",
            *(line.lstrip("　") for line in NEXT_BODY),
            "记者了解到，下半年还将举办专场招聘会",
            "",
            "四十场，重点面向高校毕业生和农民工群体。",
        ]
    )
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == ["农村公路通车里程创新高", "就业形势总体稳定"]
    assert articles[1].paragraphs[-1].startswith("记者了解到")


def test_exclaiming_line_between_a_title_and_a_byline_is_a_title() -> None:
    """A byline opens its article's credits and body just as a dateline does."""
    text = _titles_between_articles(
        "",
        "■ 本报记者 何静",
        "",
        "今年上半年，全市新增城镇就业岗位三万六千个，",
        "完成全年目标的六成以上，高校毕业生就业形势总",
        "体稳定。",
    )
    second = parse_text(text).articles[1]
    assert {second.kicker, second.headline} == {KICKER, LONG_HEADLINE}
    assert second.reporters == ["何静"]
    assert len(second.paragraphs) == 1


def test_an_unindented_block_after_a_sentence_closed_short_is_a_title() -> None:
    """On a page that keeps indents, a block standing after a sentence closed short of the
    column without the indent opens no paragraph: it is the next article's title, even with
    no dateline or byline under it."""
    text = "\n".join(
        [
            "农村公路通车里程创新高",
            "",
            *PREVIOUS,
            "",
            "码头连夜装船，工人三班倒、全力抢回生产进度",
            "",
            "　　今年一季度，港口集装箱吞吐量达到三百万标",
            "箱，同比增长一成二，航线新开八条，货主订单持",
            "续增加。码头工人三班倒，桥吊昼夜不停，堆场周",
            "转效率提高了两成，船舶在港时间缩短到一天。",
        ]
    )
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == [
        "农村公路通车里程创新高",
        "码头连夜装船，工人三班倒、全力抢回生产进度",
    ]
    assert articles[1].paragraphs[0].startswith("今年一季度")


def test_a_title_wrapped_after_a_pause_mark_is_still_a_title() -> None:
    """A headline may break after ``、`` or ``，`` (never its last line, and not when a line
    ends a sentence: that reads as sentences)."""
    text = "\n".join(
        [
            "某报  2024年5月1日  星期三  第3版",
            "",
            "医疗专家组完成甲国、",
            "乙国援助任务回国",
            "本报讯（记者 王明） 由省卫生健康委组建的医疗专家组一行八人，于",
            "五月二日完成任务返回。连日来，专家组走访多家医院，分享防治经验。",
        ]
    )
    (article,) = parse_text(text).articles
    assert article.headline == "医疗专家组完成甲国、乙国援助任务回国"
    assert article.paragraphs[0].startswith("由省卫生健康委")


def test_a_question_opening_the_page_over_a_headline_is_its_kicker() -> None:
    """Nothing above the page's first block runs into it: a short line there over a title
    and a dateline opens the item, as its kicker, though it ends with ？ and holds a comma."""
    text = "\n".join(
        [
            "老人独自在家，谁来照应？",
            "",
            "社区志愿者上门服务",
            "",
            "本报讯（记者 王明） 连日来，社区志愿者走街串巷，为独居老人测体温、",
            "送物资，帮助他们解决生活中的难题，老人们纷纷点赞。",
        ]
    )
    (article,) = parse_text(text).articles
    assert {article.kicker, article.headline} == {"老人独自在家，谁来照应？", "社区志愿者上门服务"}
    assert article.paragraphs[0].startswith("连日来")


def test_a_question_headline_glued_between_two_columns_is_split_off() -> None:
    """A headline ending with ？ glued under the body above it, no blank and no byline: it
    closes like a sentence, but the text under it is set in a column half as wide, so it
    is the next article's title, not the previous body's last line (the page sets its
    titles above their bodies: the first article's stands over it)."""
    wide = [
        "　　据介绍，相关部门将通过精心组织文明旅游主题活动、做大做强文明",
        "旅游宣传舆论声势、加强舆论监督和社会监督等举措，进一步着力营造全",
        "社会积极推动文明旅游的浓厚氛围；从人群全覆盖、内容全覆盖、行程全",
        "覆盖等方面全方位强化文明旅游服务和引导，积极推动行业企业、景区景",
        "点将文明旅游要求落地落实，发挥制度法规对文明旅游的促进和保障作用。",
    ]
    narrow = [
        "　　北京时间6月12日凌晨，2026",
        "年美加墨世界杯正式开赛。赛事启",
        "幕前，餐饮门店上架专属观赛套餐、",
        "休闲酒吧完成观赛设备搭建、商圈",
        "大屏循环滚动赛事赛程。依托本届",
        "世界杯赛事热度，各大商场、餐饮",
        "企业密集推出主题消费产品，一场",
        "以线下观赛为核心的消费热潮正在",
        "袭来。",
    ]
    first, question = "让文明出游成为最好的风景", "商圈如何接住世界杯流量？"
    articles = parse_text("\n".join([first, "", *wide, question, *narrow])).articles
    assert [a.headline for a in articles] == [first, question]
    assert articles[-1].paragraphs[0].startswith("北京时间6月12日凌晨")
    assert all("世界杯流量" not in p for a in articles[:-1] for p in a.paragraphs)


def test_a_question_kicker_over_the_next_byline_marks_the_glued_headline_as_a_title() -> None:
    """Titles under their body: the headline glued to the body's last line, then (a box of
    its own) a kicker that holds a comma and ends with ？, then the next article's byline.
    Nothing of a body stands right above the next byline, so the kicker is a title, and
    the unfinished line under the body's closed sentence is one too."""
    text = "\n".join(
        [
            "■ 本报记者 连建明",
            "今年以来，本市在各区设立儿童督导员和儿童主任，",
            "负责困境儿童的排查和帮扶。成人感染被转运后，",
            "家中无人照料的儿童由所在街镇第一时间安排临时",
            "照料，确保孩子处于有效监护的状态。",
            "“儿童督导员”“儿童主任”上线了",
            "",
            "成人感染被转运，孩子谁来照顾？",
            "■ 本报记者 王海燕",
            "今年第一季度，沪深股市出现大幅调整，上证指数最",
            "低逼近3000点大关，一季度最大跌幅达16.9%，创业",
            "板指数更是创出历史第二大季度跌幅。",
        ]
    )
    first = parse_text(text).articles[0]
    assert (first.kicker, first.headline) == (
        "成人感染被转运，孩子谁来照顾？",
        "“儿童督导员”“儿童主任”上线了",
    )
    assert first.paragraphs == [
        "今年以来，本市在各区设立儿童督导员和儿童主任，负责困境儿童的排查和帮扶。"
        "成人感染被转运后，家中无人照料的儿童由所在街镇第一时间安排临时照料，"
        "确保孩子处于有效监护的状态。"
    ]
