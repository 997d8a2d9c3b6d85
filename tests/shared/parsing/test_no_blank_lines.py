"""Pages from an extractor that leaves no blank line at all (PyMuPDF's ``page.get_text()``):
each module's title lines, then its byline or dateline and body, one line after another.
What blank lines would have set apart is told by widths, wording and credits."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.articles import title_units
from shared.parsing.block import Block
from shared.parsing.caption_measures import caption_start
from shared.parsing.lines import split_lines
from shared.parsing.off_measure_titles import off_measure_title_start
from shared.parsing.short_ended_titles import short_ended_titles
from shared.parsing.stacked_titles import runs_on_as_wrap
from shared.parsing.title_roles import fits_title_stack, opens_column_tag, title_parts
from shared.parsing.units import TitleGroup
from shared.parsing.wrapping import Layout
from tests.support.extracted_lines import set_in_measure

MEASURE = 14
HEADER = "聊城日报 2024年7月12日 星期五 第1版 要闻"

FIRST_TITLE = "全市公交线路今起逐步恢复运营"
FIRST_BODY = (
    "本报讯（记者 王敏）全市公交线路今起分批恢复运营，首批恢复的线路覆盖中心城区主要"
    "客流走廊，市民出行更加便利。交通部门表示，线路恢复不是一次完成的，而是根据客流变化"
    "和防疫要求逐步推进。"
)
SECOND_BODY = (
    "本市多家社区菜场自本周起延长营业时间，早市提前到清晨六点开门，方便居民错峰采购。"
    "菜场负责人介绍，延长营业时间后，每天的客流比以前分散了许多，排队的情况明显减少。"
)
BYLINE = "本报记者  李华"


def _page(*pieces: list[str]) -> str:
    """The lines of ``pieces`` one after another, with no blank line anywhere."""
    return "\n".join([HEADER, *(line for piece in pieces for line in piece)]) + "\n"


def _body(text: str) -> list[str]:
    return set_in_measure(text, MEASURE)


def _after_a_module(*pieces: list[str]) -> str:
    """A page opening with a module (its title over its body), then ``pieces``."""
    return _page([FIRST_TITLE], _body(FIRST_BODY), *pieces)


def test_a_kicker_over_a_wider_headline_is_no_wrapped_title() -> None:
    # the kicker (small type, 6 em) runs into its headline (large type, 11 em) as a wrapped
    # title's lines would; a wrapped title's rest cannot be so much wider than its first line
    kicker, headline = "菜场延时营业", "早市提前到清晨六点开门"
    text = _after_a_module([kicker, headline, BYLINE], _body(SECOND_BODY))
    second = parse_text(text).articles[1]
    assert {second.kicker, second.headline} == {kicker, headline}


def test_stacked_titles_read_in_print_order_put_the_headline_over_the_body() -> None:
    # with no blank line the extractor's order is the print order: the kicker stands over its
    # headline, never between it and the body (though it is the shorter line here)
    kicker, headline = "菜场延时营业", "早市提前到清晨六点开门"
    text = _after_a_module([kicker, headline, BYLINE], _body(SECOND_BODY))
    second = parse_text(text).articles[1]
    assert (second.kicker, second.headline) == (kicker, headline)


def test_a_headline_wrapped_longer_stays_one_where_blank_lines_part_blocks() -> None:
    # pdftotext parts blocks set in other sizes with blank lines: the two lines of one block
    # are one headline broken at a phrase, its second line the longer
    first, second_line = "我市两课程入选", "全国基层干部培训优秀网络课程"
    pieces = [
        "\n".join([FIRST_TITLE, *_body(FIRST_BODY)]),
        "\n".join([first, second_line]),
        "\n".join([BYLINE, *_body(SECOND_BODY)]),
    ]
    text = HEADER + "\n\n" + "\n\n".join(pieces) + "\n"
    second = parse_text(text).articles[1]
    assert (second.kicker, second.headline) == ("", first + second_line)


CAPTION = [
    "2020年，中国军队将坚定捍卫国家主权、安全、发展利益，忠实践行人类命运共同体理念，积",
    "极履行大国军队国际责任，全面推进新时代国际军事合作，继续深化与各国军队的交流合作，",
]
TITLE = "锂同位素高精度原位检测成功实现"
DATELINED = [
    "科技日报兰州6月11日",
    "电 （记者颉满斌 通讯员余若",
    "怡）锂同位素高精度分析技",
    "术研究取得重要进展。记者1",
    "1日从兰州大学获悉，该校稀",
    "有同位素前沿科学中心、核",
    "科学与技术学院团队研发出",
    "新的检测方法，填补了相关",
    "领域的空白。",
]


def test_a_photo_credit_ends_its_caption_and_the_title_under_it_opens_an_item() -> None:
    # ``…发展。　（本报记者 曹晨然 摄）`` closes a photo's caption: the short line after it
    # is the next article's title, not text running on from the caption
    caption = [*CAPTION, "共同应对风险挑战、维护和平发展。　（本报记者 曹晨然 摄）"]
    text = _after_a_module(caption, [TITLE], DATELINED)
    articles = parse_text(text).articles
    photo = next(a for a in articles if a.kind == "photo")
    assert photo.reporters == ["曹晨然"]
    assert articles[-1].headline == TITLE
    assert articles[-1].paragraphs[0].startswith("锂同位素高精度分析技术")


def test_a_credit_wrapped_over_two_lines_ends_its_caption() -> None:
    caption = [*CAPTION, "共同应对风险挑战、维护和平发展。　（本报记", "者 高艳国 摄）"]
    text = _after_a_module(caption, [TITLE], DATELINED)
    articles = parse_text(text).articles
    photo = next(a for a in articles if a.kind == "photo")
    assert photo.reporters == ["高艳国"]
    assert articles[-1].headline == TITLE


def test_a_credit_that_goes_on_in_the_next_line_keeps_it() -> None:
    # ``■ 本报记者 郭`` reads as a credit, but the name goes on under it: the caption's
    # credit ends there, not after ``郭``
    caption = [*CAPTION, "共同应对风险挑战、维护和平发展。 ■ 本报记者 郭", "娜桂"]
    text = _after_a_module(caption, [TITLE], DATELINED)
    articles = parse_text(text).articles
    photo = next(a for a in articles if a.kind == "photo")
    assert photo.reporters == ["郭娜桂"]
    assert [a.headline for a in articles if a.headline] == [FIRST_TITLE, TITLE]


def test_a_wrapped_headline_may_run_longer_by_the_piece_that_moved_down() -> None:
    # a break after 升 would fall next to the gap, so 升 moved down whole and the first
    # line stops short: the second line, the longer by that piece, is still the wrap (the
    # words cut at both breaks, 提升 and 宽基指数, are whole in the body)
    lines = ["“含科量”持续提", "升 沪深300等多个宽基", "指数样本调整"]
    body = (
        "今年以来，科技企业在指数样本中的“含科量”持续提升，沪深300等多个宽基指数将于下月"
        "调整样本，新进入的样本多为研发投入较高的公司。"
    )
    text = _after_a_module([*lines, BYLINE], _body(body))
    second = parse_text(text).articles[1]
    assert (second.kicker, second.headline) == (
        "",
        "“含科量”持续提升 沪深300等多个宽基指数样本调整",
    )


def test_stacked_lines_are_two_titles_unless_the_wording_shows_a_wrap() -> None:
    # each line a phrase of its own: a kicker (the longer, in small type) over its headline
    kicker, headline = "十多天没回家，每天工作超过十二小时", "“揽事民警”跨江配药"
    text = _after_a_module([kicker, headline, BYLINE], _body(SECOND_BODY))
    second = parse_text(text).articles[1]
    assert (second.kicker, second.headline) == (kicker, headline)


def test_a_short_remnant_is_the_rest_of_a_wrapped_headline() -> None:
    lines = ["发扬英模精神，助力打赢大上海", "保卫战"]
    text = _after_a_module([*lines, BYLINE], _body(SECOND_BODY))
    second = parse_text(text).articles[1]
    assert (second.kicker, second.headline) == ("", "".join(lines))


def test_a_word_cut_by_the_break_and_whole_in_the_body_shows_a_wrap() -> None:
    lines = ["刘鹤分别会见国际组织负责", "人和美国工商界代表"]
    body = (
        "国务院副总理刘鹤在北京分别会见国际货币基金组织负责人和美国工商界代表，双方就"
        "经贸合作等议题交换了意见。"
    )
    text = _after_a_module([*lines, BYLINE], _body(body))
    second = parse_text(text).articles[1]
    assert (second.kicker, second.headline) == ("", "".join(lines))


def test_a_break_inside_open_quotes_or_a_number_shows_a_wrap() -> None:
    for lines in (
        ["金刚石散热：“概念炒", "作”还是“量产前夜”"],
        ["A股指数体系迈向精细化 年内新增3", "74条指数"],
    ):
        text = _after_a_module([*lines, BYLINE], _body(SECOND_BODY))
        second = parse_text(text).articles[1]
        assert (second.kicker, second.headline) == ("", "".join(lines)), lines


def _titles(article: object) -> set[str]:
    return {getattr(article, field) for field in ("kicker", "headline", "subtitle")} - {""}


def test_a_title_wider_than_the_column_above_a_byline_is_no_body_line() -> None:
    # after the closed sentence, a line ending with ？ and holding a comma, wider than the
    # 14-em column by more than its marks squeeze: no line of that column, so a title (the
    # kicker of the next article)
    kicker, headline = "成人感染被转运，家中孩子谁来照顾？", "“儿童督导员”上线"
    text = _after_a_module([kicker, headline, BYLINE], _body(SECOND_BODY))
    articles = parse_text(text).articles
    assert articles[0].paragraphs[-1].endswith("逐步推进。")
    assert _titles(articles[1]) == {kicker, headline}


def test_a_title_line_stopping_short_in_mid_phrase_above_a_byline_is_no_body_line() -> None:
    # a line stopping far short of the column without ending its sentence is no wrapped
    # line of a paragraph: the lines from it to the byline are titles, though they hold a
    # comma and end with ！
    lines = ["股市调整，不必恐慌", "春天临近了！"]
    text = _after_a_module([*lines, BYLINE], _body(SECOND_BODY))
    articles = parse_text(text).articles
    assert articles[0].paragraphs[-1].endswith("逐步推进。")
    assert "".join(_titles(articles[1])) in ("".join(lines), "".join(reversed(lines)))


def test_a_note_closing_the_body_is_no_title_run() -> None:
    # a parenthetical note wraps short of the column in mid-note, but closes the body as a
    # sentence does: the title lines over the next dateline start under it
    note = ["（陈晓霞、张旭航、李大勇参与采", "写）"]
    title = "加快经济恢复全力稳住经济大盘"
    body = _body(FIRST_BODY)
    (lines,) = split_lines("\n".join([*body, *note, title]))
    assert off_measure_title_start(lines) is None
    (lines,) = split_lines("\n".join([*body, *note, "股市调整，不必恐慌", "春天临近了！"]))
    assert off_measure_title_start(lines) == len(body) + len(note)


def test_a_subhead_naming_a_theme_of_the_opening_stays_in_its_article() -> None:
    # the section under the subhead opens with quoted questions that share few words with the
    # opening above, but the subhead names a theme the opening already spoke of (筑牢防控屏障):
    # it is a subhead of this article, not the title of another one
    subhead = "筑牢疫情防控屏障"
    lines = [
        "发扬英模精神，助力打赢大上海保",
        "卫战",
        "本报记者 梁然国",
        "通讯员 邓萍俊",
        "奋战抗疫一线，筑牢防控屏障；剑指",
        "违法犯罪，守护一方平安；深化“放管",
        "服”，用心为民解忧……党的十九大以",
        "来，上海公安机关深入贯彻习近平总书记",
        "系列重要讲话精神，忠实践行“对党忠",
        "诚、服务人民、执法公正、纪律严明”总",
        "要求，以风险防控“一平台、三体系”为",
        "路径构建新型现代警务机制，从严从细落",
        "实战疫情、助攻坚、防风险、保安全、护",
        "稳定各项措施，为城市经济社会发展提供",
        "有力保障。",
        subhead,
        "“我高血压的药没了，药送不进来怎",
        "么办？”",
        "“家里老人要去医院看病，能帮忙送",
        "一下吗？”",
        "“我要去单位值班，需要哪些证",
        "明？”",
        "此轮疫情中，徐汇公安分局社区民警",
        "王瑞芳每天都会接到老百姓的各种求助。",
        "王瑞芳所负责的南丹南村从3月底开始实行",
        "管控，辖区内有5000多名居民，其中80岁",
        "以上的就有400多人。疫情防控任务重，百",
        "姓民生需求多，最难的时候，小区居委书",
        "记和主任都被隔离，王瑞芳主动扛起居委",
        "的工作任务，坚守防疫一线。",
    ]
    articles = parse_text(_page(lines)).articles
    assert len(articles) == 1
    assert subhead in articles[0].paragraphs


def test_the_statement_under_a_reported_speech_kicker_is_one_headline() -> None:
    # the kicker reports who said what; the statement under it is the headline, though its
    # two phrases take a line each as a kicker and a headline would
    kicker = "市长在全市优化营商环境工作推进会议上强调"
    statement = ["深刻把握改革规律 进一步改进工作方式", "推动政府职能转变取得新突破"]
    dateline_body = (
        "本报讯（记者 王敏）全市优化营商环境工作推进会议昨日召开，会议总结前一阶段工作，"
        "研究部署下一阶段重点任务。市长指出，要坚持问题导向，推动政府职能转变，持续提升"
        "政务服务水平，让企业和群众办事更方便。"
    )
    text = _after_a_module([kicker, *statement], _body(dateline_body))
    second = parse_text(text).articles[1]
    assert second.kicker == kicker
    assert second.headline.replace(" ", "") == "".join(statement).replace(" ", "")


def test_a_kicker_and_a_headline_wrapped_over_five_lines_are_one_title_stack() -> None:
    # a reported-speech kicker wrapped over two lines and its statement over three run on
    # as one block of five lines: each part is short enough for a title, and the block stands
    # between the body's closed sentence and the next article's dateline (the body writes
    # 改革 whole, so the kicker's break inside it shows a wrap)
    kicker = ["市长在全市优化营商环境和“一网通办”改", "革推进大会上强调"]
    statement = [
        "深刻认识和把握改革规律 进一步",
        "改进工作方式方法不断推动政府职",
        "能转变和营商环境改善取得新突破",
    ]
    dateline_body = (
        "本报讯（记者 王敏）全市优化营商环境和深化改革推进大会昨日召开，会议总结前一阶段工作，"
        "研究部署下一阶段重点任务。市长指出，要坚持问题导向，推动政府职能转变，持续提升"
        "政务服务水平，让企业和群众办事更方便。"
    )
    text = _after_a_module([*kicker, *statement], _body(dateline_body))
    articles = parse_text(text).articles
    assert len(articles) == 2
    second = articles[1]
    assert second.kicker.replace(" ", "") == "".join(kicker)
    assert second.headline.replace(" ", "") == "".join(statement).replace(" ", "")
    assert not any("强调" in paragraph for paragraph in articles[0].paragraphs)


def test_title_parts_end_after_a_lead_in_or_reported_speech_and_before_a_subtitle() -> None:
    lines = [
        "市长在全市优化营商环境和“一网通办”改",
        "革推进大会上强调",
        "深刻认识",
        "改进工作",
        "取得新突破",
    ]
    assert title_parts(lines) == [2, 3]
    assert fits_title_stack(lines)
    assert not fits_title_stack(["一二三四五"] * 5)
    assert title_parts(["公安部：", "严厉打击", "违法犯罪", "——记一线民警"]) == [1, 2, 1]


def _indented(text: str, measure: int) -> list[str]:
    """A paragraph set in ``measure`` with its first line indented two em."""
    return [text[: measure - 2], *set_in_measure(text[measure - 2 :], measure)]


WIDE_BODY = (
    "“我今年73岁，在这个小区生活几十年了，现在孩子们开车进来看我，再也不用愁没地方停车了。”"
    "居民由衷感叹道。小区由于建设年代久远，设施老化，路不畅、灯不亮、下水不通，一直是大伙儿的"
    "烦心事。这个问题上了街道的问题清单后，街道很快组织力量逐项解决。"
)


def test_titles_where_the_measure_changes_after_a_closed_sentence_open_a_module() -> None:
    # no byline or dateline follows the titles: the body above closes its sentence in a
    # 14-em column, and the body under opens its paragraph in a 20-em one; a body keeps its
    # measure, so the two lines between are the next module's titles
    kicker, headline = "城区加强基层党建，引领社会治理", "抖抖问题清单  找找资源清单"
    text = _after_a_module([kicker, headline], _indented(WIDE_BODY, 20))
    articles = parse_text(text).articles
    assert len(articles) == 2
    assert (articles[1].kicker, articles[1].headline) == (kicker, headline)
    assert articles[1].paragraphs[0].startswith("“我今年73岁")


def test_a_body_that_keeps_its_measure_keeps_its_subhead() -> None:
    # the same lines under a body of the same measure are a subhead and paragraph of it
    subhead = "抖抖问题清单  找找资源清单"
    text = _page([FIRST_TITLE], _indented(FIRST_BODY, 20), [subhead], _indented(WIDE_BODY, 20))
    assert len(parse_text(text).articles) == 1


STREET_WORK = "街道还在小区里划出停车位，装上了路灯，疏通了下水管道，居民们纷纷点赞。"
BUS_NOTICE = (
    "公交集团提醒，乘客乘车时仍需佩戴口罩，上车前扫描场所码，车厢内保持通风，司机和乘务员"
    "每天进行健康监测，车辆每趟收班后全面消毒。"
)


def test_title_lines_stopping_short_in_mid_sentence_over_a_first_line_open_an_article() -> None:
    # the same measure above and under, no byline or dateline: but after the closed sentence
    # two lines close none, the second stopping short of even an indented first line, over a
    # paragraph's first line; running text never stops short in mid-sentence and goes on, so
    # they stand in no paragraph: they are the next article's title, its comma and all
    title = ["老小区停车难，街道", "逐项解决"]
    first = _indented(FIRST_BODY + BUS_NOTICE, MEASURE)
    text = _page([FIRST_TITLE], first, title, _indented(WIDE_BODY + STREET_WORK, MEASURE))
    articles = parse_text(text).articles
    assert len(articles) == 2
    assert articles[1].kicker + articles[1].headline == "".join(title)
    assert articles[1].paragraphs[0].startswith("“我今年73岁")


def test_lines_opening_at_a_first_lines_width_are_a_paragraph_not_title_lines() -> None:
    # a subhead set as a paragraph of the text opens at the indented first line's width and
    # wraps at the column (``将心比心 和群众以心换`` / ``心``); a title set in its own type
    # wraps at its own measure
    body, after = _indented(FIRST_BODY + BUS_NOTICE, MEASURE), _indented(WIDE_BODY, MEASURE)
    subhead = _indented("乘车仍需佩戴口罩和扫码测温", MEASURE)
    assert [len(line) for line in subhead] == [MEASURE - 2, 1]
    (lines,) = split_lines("\n".join([*body, *subhead, *after]))
    assert short_ended_titles(lines) is None
    (lines,) = split_lines("\n".join([*body, "乘车仍需戴口罩，", "扫码", *after]))
    assert short_ended_titles(lines) == (len(body), len(body) + 2)


def test_a_column_tag_on_its_own_line_ends_the_headline_above() -> None:
    # the tag is wider than the headline's line, so no wrap of it by width; but a line that
    # is a column tag in parentheses and nothing else ends the headline it tags
    headline, tag = "菜场延时营业方便居民", "（民生实事面对面）"
    text = _after_a_module([headline, tag, BYLINE], _body(SECOND_BODY))
    second = parse_text(text).articles[1]
    assert (second.kicker, second.headline) == ("", headline + tag)


def test_only_a_tag_closed_with_nothing_after_it_opens_a_column_tag_line() -> None:
    assert opens_column_tag("（向奋战在一线的医务")
    assert opens_column_tag("（民生实事面对面）")
    assert not opens_column_tag("（受权发布）中华人民共和国")
    assert not opens_column_tag("（上）")
    assert not opens_column_tag("（记者，通讯员）")


def test_a_plain_line_under_a_subtitle_is_its_rest() -> None:
    # the stack is read in print order and the subtitle stands last in it: the plain line
    # under it is its wrapped rest, though the break (千万 / 别忘了) cuts no word of the body
    headline = "下楼做核酸，129人忘带钥匙"
    subtitle = ["——友情提醒：出门前除了戴口罩，千万", "别忘了带钥匙，煤气关火电器断电"]
    text = _page(
        [FIRST_TITLE], _body(FIRST_BODY), [headline, *subtitle, BYLINE], _body(SECOND_BODY)
    )
    second = parse_text(text).articles[1]
    assert (second.kicker, second.headline) == ("", headline)
    assert second.subtitle.replace(" ", "") == "".join(subtitle).lstrip("—")


def test_titles_stand_over_their_bodies_where_a_page_opens_with_untitled_text() -> None:
    # the page opens with the rest of a text from another page (no title, no marker), then
    # two modules: one text is left untitled either way, and an extractor that sets nothing
    # apart reads in drawing order, each module's title over its body, so each title goes
    # to the text under it, not the one above
    second_title = "菜场延时营业方便居民错峰采购"
    text = _page(
        _body(SECOND_BODY),
        [FIRST_TITLE],
        _body(FIRST_BODY),
        [second_title, BYLINE],
        _body(SECOND_BODY),
    )
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == ["", FIRST_TITLE, second_title]


def test_a_caption_at_a_measure_of_its_own_starts_where_the_body_above_it_ends() -> None:
    # the caption (17 em, too little wider than the 14-em body to break out of its column
    # on one line) runs into the body read before it; its credit makes the block end in a
    # caption, and its measure shows where it starts: after the body's closed sentence
    caption = set_in_measure(
        "7月8日，工人在生产车间进行设备巡检，新建的生产线已经全面投产。　（本报记者 张立 摄）",
        17,
    )
    text = _after_a_module(caption, [TITLE], DATELINED)
    articles = parse_text(text).articles
    photo = next(a for a in articles if a.kind == "photo")
    assert photo.paragraphs == ["7月8日，工人在生产车间进行设备巡检，新建的生产线已经全面投产。"]
    assert articles[0].headline == FIRST_TITLE
    assert articles[0].paragraphs[-1].endswith("和防疫要求逐步推进。")


def test_a_caption_starts_at_its_measure_only_where_that_differs_from_the_column() -> None:
    body = _body(FIRST_BODY)
    words = "7月8日，工人在生产车间进行设备巡检，新建的生产线已经全面投产。　（本报记者 张立 摄）"
    wide = set_in_measure(words, 17)
    (lines,) = split_lines("\n".join([*body, *wide]))
    assert caption_start(lines) == len(body)
    # at the body's own measure nothing shows where the caption starts
    (lines,) = split_lines("\n".join([*body, *set_in_measure(words, MEASURE)]))
    assert caption_start(lines) is None
    # nor without a credit closing the block
    (lines,) = split_lines("\n".join([*body, *set_in_measure(words.split("　")[0], 17)]))
    assert caption_start(lines) is None



# A text in a 12-em column (a PyMuPDF page of the corpus article), then a subhead wrapped
# as a paragraph of it would be (at the indented first line's width, then at the column),
# then the paragraph under it.
PETITION_TEXT = [
    "用为民情怀，做好“送", "上门”的群众工作", "■ 本报记者 卢涛", "通讯员 袁浩杰",
    "“不好意思，我正在组", "织居民进行核酸筛查，结束", "后给您回电。”5月25日上午",
    "10时，嘈杂声中，一个浑厚", "沉稳的男声从电话那头传", "来。4月以来，石泉路街道信",
    "访办主任徐科兵带领科室的", "同志深入社区一线，与居委", "会一起完成入户登记、核酸",
    "筛查及物资转运等工作。13", "时，记者再次致电时，徐科", "兵刚刚吃过午餐，空饭盒还",
    "没来得及扔。之后，他还要", "赶去处理这几天转来的信访", "案件⋯⋯", "上海本轮疫情以来，全",
    "市信访干部迅速响应，冲向", "抗疫一线。他们及时收集群", "众抗疫“金点子”，积极帮",
    "助群众解决“急难愁”，并", "主动支援社区一线的各项防", "疫工作。支撑他们的，是信",
    "访干部身上勇于担当、迎难", "而上的精气神，是平日里敢", "于冲向“第一信号”的自", "觉。",
    "凭借着这股精神，近年", "来，上海数千名信访干部守", "望一线，了解民情、集中民",
    "智、维护民利、凝聚民心，", "千方百计为市民排忧解难，", "为人民城市建设添砖加瓦，",
    "也涌现出了一批模范典型。", "在日前举行的全国第九次信", "访工作会议上，本市3位信访",
    "干部和4个信访集体荣获全国", "先进。", "将心比心 和群众以心换", "心", "嘉定区江桥镇信访办主",
    "任唐月华从4月4日起就奋战", "在密接转运一线，如今，她", "终于可以喘口气了。江桥镇",
    "此前已连续5天实现阳性病例", "零新增，“不再需要每天20", "个小时连轴转。”提起转运",
    "工作，唐月华如数家珍，她", "说最多的一天曾转运了500多", "人，但比人数更大的挑战在",
    "于如何妥善安排成为密接的", "老人和孩子。“将心比", "心”，这是唐月华给出的应",
    "对办法：尽量考虑他们的需", "求，安排亲属一同隔离照", "料。",
]  # fmt: skip


def test_a_run_of_title_lines_stops_at_a_paragraphs_indented_first_line() -> None:
    # after a closed sentence, the subhead's lines and the paragraph's first two (no
    # punctuation in either) all read as title lines; but an indented first line over a
    # full running line opens a paragraph, so the run ends above it, and the subhead, with
    # the paragraph it heads, stays in the text
    articles = parse_text(_page(PETITION_TEXT)).articles
    assert len(articles) == 1
    assert any(p.startswith("嘉定区江桥镇信访办主任") for p in articles[0].paragraphs)


def test_a_word_cut_by_the_break_and_whole_elsewhere_on_the_page_shows_a_wrap() -> None:
    # 统一 is cut by the break; the article's own body never writes it, another article's
    # does: the page's running text shows the two characters to be one word
    lines = ["上海形成公共文化内容统", "一配送平台"]
    first = "本报讯（记者 王敏）全市公交线路今起统一调整运营时间，首班车提前到清晨五点半发车。"
    second = "本市各区的文化馆、图书馆和社区文化活动中心今年起按市民点单配送演出和讲座。"
    assert "统一" not in second
    text = _page([FIRST_TITLE], _body(first), [*lines, BYLINE], _body(second))
    article = parse_text(text).articles[1]
    assert (article.kicker, article.headline) == ("", "".join(lines))
    # two characters only where both are of Chinese script: a quotation mark beside a
    # character says nothing of a word
    kicker, headline = "十多天没回家，每天工作超过十二小时", "“揽事民警”跨江配药"
    assert not runs_on_as_wrap(kicker, headline, "", "时“")


def test_a_title_read_into_a_body_first_says_nothing_of_its_own_words() -> None:
    # a page opening with its titles: they are read as the opening of a body first and
    # taken out of it later, so the page's running text holds them, junction and all; the
    # kicker's last character and the headline's first (理抖) are written side by side
    # nowhere else, so the two lines stay a kicker and a headline
    kicker, headline = "安徽合肥瑶海区加强基层党建，引领社会治理", "抖抖问题清单  找找资源清单"
    text = _page([kicker, headline], _body(WIDE_BODY), [FIRST_TITLE], _body(FIRST_BODY))
    article = parse_text(text).articles[0]
    assert (article.kicker, article.headline) == (kicker, headline)



# A PyMuPDF page (12-em columns): an article, then the next module's two title lines over
# its body, whose first line (``OpenAI日前公布了一项``, no punctuation) stands at the
# indented first line's width over a running line an em short: the line-start rule took
# ``展`` down with the colon after it (``展：其人工智能…``).
MILITARY_TEXT = [
    "国防部举行2020年新春招待会", "——魏凤和出席", "新华社北京1月17日电（",
    "记者梅常伟）国防部17日晚", "在八一大楼举行2020年新春", "招待会，来自80多个国家的",
    "驻华武官及夫人近260人应邀", "出席。", "中央军委委员、国务委", "员兼国防部长魏凤和，中央",
    "军委委员李作成、苗华、张", "升民，军委机关各部门、驻", "京各大单位和武警部队领导",
    "出席招待会。", "中央军委国际军事合作", "办公室领导代表中方致辞。",
    "他说，2019年，全军深入贯", "彻习近平新时代中国特色社", "会主义思想和习近平强军思",
    "想，以党在新时代的强军目", "标为引领，聚力备战打仗，", "强化改革创新，狠抓工作落",
    "实，强军事业迈出新步伐。", "我们高举和平、发展、合", "作、共赢的旗帜，推动构建",
    "人类命运共同体，让和平与", "发展的阳光普照全球。2020", "年，中国军队将坚定捍卫国",
    "家主权、安全、发展利益，", "忠实践行人类命运共同体理", "念，积极履行大国军队国际",
    "责任，全面推进新时代国际", "军事合作，继续深化与各国", "军队的交流合作，共同应对",
    "风险挑战、维护和平发展。", "外国驻华武官团团长、", "赞比亚驻华国防武官佩里代",
    "表外方致答辞时，赞赏中国", "军队为维护世界和平发展作", "出的积极贡献，祝愿中国如",
    "期全面建成小康社会，祝愿", "中国军队现代化建设不断取", "得新成就。",
]  # fmt: skip
MATHS_TEXT = [
    "AI正深度融入数学研究", "核心环节", "OpenAI日前公布了一项", "引发数学界关注的研究进",
    "展：其人工智能（AI）系统", "在匈牙利数学家保罗·埃尔德", "什提出的“平面单位距离问",
    "题”中，设计出一种新的点", "集构造方法，在相同规模约", "束下得到更多单位距离对，",
    "被认为突破了长期以来基于", "规则几何结构的经验性直", "觉。", "英国《自然》杂志近日",
    "报道称，年仅23岁、没有接", "受过正规数学训练的英国业", "余数学爱好者利亚姆·普莱斯",
    "在大语言模型ChatGPT的帮", "助下，破解了一个困扰世界", "顶尖数学家60年的难题，即",
    "埃尔德什第1196号问题。", "两项进展接连出现，使", "AI在数学研究领域再次成为",
    "焦点。从计算辅助、文献整", "理，到参与证明生成与结构", "构造，AI正深度融入数学研",
    "究核心环节。",
]  # fmt: skip


def test_title_lines_stop_at_a_first_line_over_a_line_short_by_a_taken_down_character() -> None:
    # the line under the first line is a full running line all the same, so the first line
    # opens the paragraph and is no third title line
    articles = parse_text(_page(MILITARY_TEXT, MATHS_TEXT)).articles
    assert len(articles) == 2
    assert articles[1].kicker + articles[1].headline == "AI正深度融入数学研究核心环节"
    assert articles[1].paragraphs[0].startswith("OpenAI日前公布了一项")


def test_a_question_headline_wrapped_over_a_byline_under_a_closed_body_is_a_title() -> None:
    # the headline asks, and wraps at its own measure: its first line closes no sentence and
    # its last asks, with no sentence punctuation inside, between a closed sentence and the
    # next article's byline; its first line happens to stop short by just an indent, as a
    # paragraph's first line would
    question = ["菜场营业时间为何要延长到", "晚上？"]
    text = _after_a_module([*question, BYLINE], _body(SECOND_BODY))
    articles = parse_text(text).articles
    assert [article.headline for article in articles] == [FIRST_TITLE, "".join(question)]
    assert "".join(question) not in "".join(articles[0].paragraphs)


def test_a_headline_wrapped_inside_a_word_the_page_never_prints_is_one_headline() -> None:
    # neither the body nor the page prints 实惠, but the dictionary reads it across the break:
    # a wrap, not a kicker over its headline, whose lines are phrases of their own
    lines = ["社区食堂推出老年助餐套餐 价格实", "惠品种丰富"]
    text = _after_a_module([*lines, BYLINE], _body(SECOND_BODY))
    second = parse_text(text).articles[1]
    assert (second.kicker, second.headline) == ("", "".join(lines))


def test_a_paragraph_opening_under_a_glued_subtitle_is_the_body_not_the_stack() -> None:
    # no byline or dateline: the headline and its subtitle run into the body's first lines,
    # which hold no punctuation; the stack's subtitle stands right over the body, and the line
    # at an indented first line's width with a full line under it opens the body's paragraph
    headline, subtitle = "城市书房开到家门口", "——本市推进公共文化服务进社区综述"
    body = (
        "各区通过新建改建和社区共建等多种方式推进城市书房建设，居民在家门口就能借书看书。"
        "今年全市新增城市书房一百余家，覆盖所有街道，周末和夜间也照常开放。"
    )
    text = _after_a_module([headline, subtitle], _indented(body, 13))
    articles = parse_text(text).articles
    assert [(a.headline, a.subtitle) for a in articles[1:]] == [(headline, subtitle[2:])]
    assert articles[1].paragraphs[0].startswith("各区通过新建改建")


def test_a_title_at_a_first_lines_width_over_a_paragraph_opening_opens_a_module() -> None:
    # the title holds a comma and is about as wide as an indented first line of the 20-em
    # column under it, over that column's first line (the body above and below, measured
    # together, seem set at that line's width): a paragraph's first line runs on into a full
    # line and ends with its sentence, so the title is no piece of the body under it, and the
    # body above, in a 14-em column, is another text
    headline = "城市书房开到家门口，阅读服务更便捷"
    above = FIRST_BODY + SECOND_BODY + "社区居民普遍反映，延长营业时间以后，早晚买菜都更加从容。"
    text = _page([FIRST_TITLE], _body(above), [headline], _indented(WIDE_BODY, 20))
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == [FIRST_TITLE, headline]
    assert articles[1].paragraphs[0].startswith("“我今年73岁")


def test_a_first_line_closing_a_clause_with_a_semicolon_opens_the_changed_measure() -> None:
    # the new module's paragraph opens on a line ending with ； at the indented width of its
    # 14-em column, run on by a full line: a clause closed inside the sentence, not a
    # paragraph's end, so the measure changes there, from the 20-em body above, under the
    # module's titles
    kicker, headline = "城区加强基层党建，引领社会治理", "抖抖问题清单  找找资源清单"
    body = (
        "干部坚守一线，守护平安；志愿者上门服务，为居民配药送菜，解决了不少实际困难，大家都说"
        "心里踏实了。这个问题上了街道的问题清单后，街道很快组织力量逐项解决。"
    )
    above = set_in_measure(FIRST_BODY, 20)
    text = _page([FIRST_TITLE], above, [kicker, headline], _indented(body, 14))
    articles = parse_text(text).articles
    assert [(a.kicker, a.headline) for a in articles[1:]] == [(kicker, headline)]
    assert articles[1].paragraphs[0].startswith("干部坚守一线")


def test_a_question_headline_over_text_breaking_out_of_the_column_above_is_a_title() -> None:
    # a closed 12-em body, a line that asks and holds no other mark, then text set far wider
    # than that column (20 em): the line closing the block is the headline of that text
    question = "菜场为何要延长营业时间？"
    above = set_in_measure(FIRST_BODY, 12)
    text = _page([FIRST_TITLE], above, [question], _indented(WIDE_BODY, 20))
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == [FIRST_TITLE, question]
    assert articles[1].paragraphs[0].startswith("“我今年73岁")


def test_a_glued_title_run_split_off_in_pieces_is_read_as_one_run_of_lines() -> None:
    # a glued run is split off a body four lines at a time: the piece under the first goes on
    # its last line as a line does, a wrap or a stack by its widths and words (工作|方式方法:
    # a break inside a phrase), where no blank line sets the pieces apart
    lines = split_lines(
        "\n".join(
            [
                "省长在全省推进改革工作会议上强调",
                "切实把握改革规",
                "律 进一步改进政府工作",
                "方式方法不断推动职能转",
                "变和营商环境改善取得新",
                "突破",
            ]
        )
    )[0]
    group = TitleGroup([Block("text", lines[:4], "piece"), Block("text", lines[4:], "piece")])
    texts, _ = title_units(group, Layout(sets_nothing_apart=True))
    assert [text.replace(" ", "") for text in texts] == [
        "省长在全省推进改革工作会议上强调",
        "切实把握改革规律进一步改进政府工作方式方法不断推动职能转变和营商环境改善取得新突破",
    ]


def test_one_character_of_a_phrase_alone_at_the_break_shows_a_wrap() -> None:
    # the gap between a title's phrases sets one character apart at the break: the rest of
    # a phrase the measure cut, for no phrase of a title is one character
    assert runs_on_as_wrap("居民齐心协力抗疫情 团结一致向前", "看 重整行装再出发", "")
    assert runs_on_as_wrap("居民齐心协力抗疫情  团", "结一致向前看重整行装", "")
    assert not runs_on_as_wrap("居民齐心协力抗疫情", "团结一致 重整行装再出发", "")


def test_a_question_headline_wraps_over_at_most_four_lines() -> None:
    # MAX_TRAILING_TITLE_LINES: four wrapped lines under a closed sentence are a headline that
    # asks; five are more than any headline wraps over, and the text stays as it is
    from shared.parsing.glued_titles import MAX_TRAILING_TITLE_LINES, _wrapped_question_title
    from shared.parsing.lines import Line, make_line

    def block(wrapped: list[str]) -> list[Line]:
        texts = ["菜场延长营业时间的做法受到居民欢迎。", *wrapped]
        return [make_line(text, number, 1) for number, text in enumerate(texts, 1)]

    four = ["菜场营业时", "间为何要延", "长到夜里十", "点？"]
    assert len(four) == MAX_TRAILING_TITLE_LINES
    assert _wrapped_question_title(block(four)) == 1
    assert _wrapped_question_title(block(["居民买菜", *four])) is None


BUS_RULES = (
    "市交通委昨天发布公交乘车防疫新规，乘客上车前须扫描场所码，车厢内全程佩戴口罩，公交线路"
    "每趟收班后全面消毒，司机每天进行健康监测。首批恢复运营的线路将按新规执行。"
)


def test_a_title_wider_than_the_columns_on_both_sides_opens_an_article_on_one_topic() -> None:
    # both bodies speak of the buses, in one 12-em measure, and no byline or dateline
    # follows: but the 15-em line between them, after a closed sentence, is wider than
    # either column by more than any mark it could squeeze; no line of either body, a
    # subhead neither, is that wide, so it is the next article's title, whatever its topic
    title = "公交集团发布乘车防疫十条新规定"
    first = _indented(FIRST_BODY, 12)
    text = _page([FIRST_TITLE], first, [title], _indented(BUS_RULES, 12))
    articles = parse_text(text).articles
    assert len(articles) == 2
    assert articles[1].headline == title
    assert articles[1].paragraphs[0].startswith("市交通委昨天")


def test_a_question_line_over_title_lines_and_a_byline_is_their_kicker() -> None:
    # under the body's closed sentence, a line that asks (a comma in it, as a kicker may
    # hold) stands over a headline and the next article's byline: nothing of a body stands
    # between its end and the next article's opening but that article's titles
    kicker, headline = "老人独居在家，三餐谁来照顾？", "社区助餐点上门送饭"
    text = _after_a_module([kicker, headline, BYLINE], _body(SECOND_BODY))
    articles = parse_text(text).articles
    assert len(articles) == 2
    assert (articles[1].kicker, articles[1].headline) == (kicker, headline)
    assert articles[0].paragraphs[-1].endswith("逐步推进。")


def test_a_question_under_another_stays_with_the_body_above_the_titles() -> None:
    # two questions in a row are a body's (or an interview's turn), not a kicker
    questions = ["问：线路恢复后，班次是否加密？", "市民出行还要注意什么？"]
    headline = "社区助餐点上门送饭"
    text = _after_a_module(questions, [headline, BYLINE], _body(SECOND_BODY))
    articles = parse_text(text).articles
    assert articles[-1].kicker == ""
    assert articles[-1].headline == headline


MARKET_BODY = (
    "本市多家社区菜场推出“早市”。菜场负责人介绍，早市提前到清晨六点开门，方便居民错峰采购，"
    "每天的客流比以前分散了许多，排队的情况明显减少。"
)


def test_a_line_leaving_a_quotation_open_for_the_sentence_under_it_is_the_bodys_opening() -> None:
    # on a page with no blank line, the body under a headline breaks its first line inside
    # a quotation (``…推出“早`` / ``市”。菜场…``): the line under closes it and goes on with
    # the sentence, and a title never leaves a quotation open for its body to close, so the
    # run of title-shaped lines (no sentence marks) ends over that line, the body's opening
    from shared.parsing.glued_titles import _glued_title_run

    body = _indented(MARKET_BODY, MEASURE)
    assert body[0].endswith("“早")
    assert body[1].startswith("市”。")
    (lines,) = split_lines("\n".join(["社区菜场早市提前开门", *body]) + "\n")
    assert _glued_title_run(lines, 0, nothing_apart=True) == 1
    # a title's own quotation, closed by its wrapped rest, keeps its lines in the run
    (lines,) = split_lines("\n".join(["社区菜场推出“早", "市”", *body]) + "\n")
    assert _glued_title_run(lines, 0, nothing_apart=True) == 2
