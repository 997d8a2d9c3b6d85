"""Which text blocks are titles, body fragments or captions."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.blocks import group_blocks
from shared.parsing.lines import split_lines
from shared.parsing.titles import label_blocks, title_candidate_reason
from tests.support.title_blocks import BODY, roles_of


def test_title_after_a_body_and_before_a_dateline() -> None:
    lines = [
        *BODY,
        "",
        "我市聚力打造“水城好商量”工作品牌",
        "",
        "本报讯（记者 朱海波）日前，我市召开会议。",
    ]
    assert roles_of(lines) == ["body", "title", "body"]


def test_two_title_blocks_before_a_byline_are_both_titles() -> None:
    lines = [
        *BODY,
        "",
        "我市构建“五大行动”高效运转工作体系",
        "",
        "全市统一战线服务强市建设“五大行动”",
        "",
        "■ 本报记者 王培源",
    ]
    assert roles_of(lines) == ["body", "title", "title", "byline"]


def test_a_block_after_an_unfinished_sentence_is_body() -> None:
    lines = [
        *BODY[:3],
        "",
        "“工商联+商会+民营企业”社情民意平",
        "",
        "台，发挥商会和会员企业作用，设立信息",
        "直报点，及时挖掘信息热点。",
    ]
    assert roles_of(lines) == ["body", "body", "body"]


def test_a_paragraph_start_cut_by_a_column_break_is_body() -> None:
    lines = [
        *BODY,
        "",
        "今年以来，聊城市委统战部坚持一",
        "体化统筹、平台化实施、品牌化打造，构",
        "",
        "建高效运转工作体系，举全市统一战线",
        "之力，纵深推进服务强省建设。",
    ]
    assert roles_of(lines) == ["body", "body", "body"]


def test_a_title_before_its_body() -> None:
    lines = [
        "我市两课程入选",
        "全国基层干部培训优秀网络课程",
        "",
        "本报讯（记者 朱海波）7月10日，记者获悉。",
    ]
    assert roles_of(lines) == ["title", "body"]


def test_caption_with_credit() -> None:
    lines = [*BODY, "", "7月8日，工人在生产车间进行设备巡检。 ■ 本报记者 许金松"]
    assert roles_of(lines) == ["body", "caption"]


def test_a_line_after_a_byline_is_body() -> None:
    lines = [
        "■ 本报记者 杨硕",
        "",
        "求助",
        "",
        "我的妻子今年2月生下一对双胞胎。但因为是",
        "早产儿，一直住院。",
    ]
    assert roles_of(lines) == ["byline", "body", "body"]


def test_a_lead_in_ending_in_an_arrow_is_body() -> None:
    # a reader's letter signed with an address and a name, then a tag pointing on to the
    # reporter's text: short and unpunctuated like a title, but an arrow points on
    lines = [
        *BODY,
        "",
        "浦东新区南林路658弄银杏苑  张先生",
        "帮忙>>>",
        "",
        "“已经40多天了，我的两个宝宝还住在医院，每天",
        "嗷嗷待哺，都在等我送去母乳！”电话那头，传来的是",
        "张先生满满的焦虑。",
    ]
    assert roles_of(lines) == ["body", "body", "body"]


def test_the_same_block_without_the_arrow_is_still_a_title() -> None:
    lines = [*BODY, "", "浦东新区南林路改造完工", "", "本报讯（记者 朱海波）日前，改造完工。"]
    assert roles_of(lines) == ["body", "title", "body"]


def test_a_block_wrapped_at_a_comma_with_a_sentence_end_is_no_title() -> None:
    lines = split_lines("“家里老人要去医院看病，\n能帮忙送一下吗？”\n“我要去单位值班，需要哪")[0]
    block = group_blocks(lines)[0]
    assert title_candidate_reason(block) is not None
    title = group_blocks(split_lines("医疗专家组完成甲国、\n乙国援助任务回国")[0])[0]
    assert title_candidate_reason(title) is None


# A 14 em column that sets no blank line at its paragraph breaks: three of them, each a
# sentence ending short of the column with the next paragraph straight under it.
UNMARKED_BODY = [
    "市净率，都处于历史底部。",
    "大部分机构均认为目前A股",
    "进入底部区域。上周，申万宏源",
    "在上海通过网络平台举办“三十",
    "年峥嵘”策略会。",
    "申万宏源研究所的首席分析师傅",
    "静涛表示：市场已“浴火”，待",
    "“重生”，走出大底的过程往往",
    "是波折的。",
    "还是那句话：冬天已到，春",
    "天还会远吗？",
]


def test_a_closed_line_set_apart_under_a_body_without_blank_breaks_is_a_title() -> None:
    # The blank under the body ends its box, not a paragraph: the exclamation standing apart
    # is the headline set after its body, with its kicker in a box of its own.
    lines = [
        *UNMARKED_BODY,
        "",
        "不必恐慌，春天临近了！",
        "",
        "一季度沪深股市出现大幅调整",
        "",
        "本报讯（记者 孟群舒） 上海市贯彻全国稳住经济大盘电视电话会议精神工作部署会昨天召开。",
    ]
    assert roles_of(lines) == ["body", "title", "title", "body"]


def test_the_same_line_under_a_body_with_blank_breaks_is_not_pushed_to_a_title() -> None:
    marked = []
    for line in UNMARKED_BODY:
        marked.append(line)
        if line.endswith(("。", "？")) and line != UNMARKED_BODY[-1]:
            marked.append("")
    lines = [*marked, "", "不必恐慌，春天临近了！", "", "本报记者 连建明"]
    assert roles_of(lines)[-2:] == ["body", "byline"]


def test_a_question_a_layout_page_sets_over_its_columns_is_a_title() -> None:
    # a question ends as a sentence does; set over the columns as a title (read so off a
    # layout page's geometry: Line.heads_columns), it is one
    question = "商圈如何接住世界杯流量？"
    lines = [*BODY, "", question, "", *BODY]
    for marked, role in ((False, "body"), (True, "title")):
        page = [
            line._replace(heads_columns=marked and line.text == question)
            for line in split_lines("\n".join(lines))[0]
        ]
        assert [r.role for r in label_blocks(group_blocks(page))][1] == role


def test_a_block_ending_on_an_opening_quote_is_body_going_on_not_a_kicker() -> None:
    # lines at the body's measure at a column's foot, after a blank line, ending on ``“``:
    # the quotation goes on in the next column, so they are that body's, never a kicker
    # over the next article's headline (no title ends on an opening mark)
    lines = [
        "长江黄金水道扩能带来新机遇",
        "本报讯长江航道整治工程近日完工，万吨",
        "级船舶可以直达重庆，沿江港口的货物吞吐",
        "",
        "能力明显提升，航运企业纷纷加密航线，物",
        "流成本随之下降，沿线城市的产业布局也在",
        "",
        "着眼“通得畅”“运得好”，深入细致地开展",
        "好全方位的部署，真正做到更加有效地“",
        "",
        "商圈如何接住世界杯流量",
        "",
        "——各大商圈推出观赛活动",
        "本报讯（记者 李响）世界杯开赛以来，",
        "本市多个商圈推出观赛活动，餐饮、零售",
        "和文旅消费明显升温，不少商家延长营业",
        "时间，吸引球迷前来观赛消费。",
    ]
    articles = parse_text("\n".join(lines)).articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "长江黄金水道扩能带来新机遇"),
        ("", "商圈如何接住世界杯流量"),
    ]
    assert articles[0].paragraphs[-1].endswith("真正做到更加有效地“")
