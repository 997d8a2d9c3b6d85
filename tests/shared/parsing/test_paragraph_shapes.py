"""Paragraph breaks told from line shapes."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.blank_lines import column_grid_starts, marks_breaks_with_blanks
from shared.parsing.block import Block
from shared.parsing.blocks import group_blocks
from shared.parsing.columns import local_column_widths
from shared.parsing.lines import Line, make_line, split_lines
from shared.parsing.paragraphs import (
    joins_out_of_file_order,
    paragraph_break,
    split_paragraphs,
)

# Lines of a 15 em column: running lines are 15 em; a paragraph's first line lost its
# two-character indent and is 13 em.
FULL_END = "习近平微笑着向他们挥手致意和问候。"  # 17 em, a sentence ending flush
RUNNING = "机场大门上方悬挂着写有热烈欢迎的"  # 16 em
COLUMN = 16.0


def line(text: str, number: int = 1) -> Line:
    return make_line(text, number, 1)


def groups(text: str, standalone_blocks: tuple[int, ...] = ()) -> list[list[str]]:
    blocks = group_blocks(split_lines(text)[0])
    standalone = {blocks[i].first.number for i in standalone_blocks}
    result = split_paragraphs(blocks, standalone)
    return [[x.text for x in group] for group in result.groups]


# ---- a letter-spaced (justified) first line ---------------------------------------------


def test_a_letter_spaced_line_two_em_short_after_a_sentence_end_opens_a_paragraph() -> None:
    before = line("一" * 15 + "。")  # 16 em, flush
    first = line(" ".join("赛事对餐饮消费的拉动效应立竿"))  # 14 em of characters
    new, rule = paragraph_break(before, first, False, COLUMN, following=line("二" * 16))
    assert new, rule
    assert "justified" in rule


def test_a_letter_spaced_running_line_one_em_short_runs_on() -> None:
    # a running line is stretched when a character moves down: it holds one em less
    before = line("一" * 15 + "。")
    stretched = line(" ".join("育基地先后入选省市廉洁教育基地"))  # 15 em
    assert not paragraph_break(before, stretched, False, COLUMN)[0]


def test_a_line_stretched_for_a_latin_word_that_moved_down_runs_on() -> None:
    before = line("一" * 15 + "。")
    stretched = line(" ".join("深度思维公司开发的"))  # 9 em
    following = line("AlphaProof系统则开创了另一条")  # 'AlphaProof' (5 em) did not fit
    assert not paragraph_break(before, stretched, False, 12.0, following=following)[0]


# ---- a first line ending its first sentence ---------------------------------------------


def test_an_indented_line_ending_a_sentence_over_a_full_line_opens_a_paragraph() -> None:
    # 15 em after a flush sentence end in a 16 em column, the line under it full: a first
    # line whose first sentence ends at the line end
    after = line("丁薛祥王毅等陪同人员同机抵达。")
    new, rule = paragraph_break(line(FULL_END), after, False, COLUMN, following=line(RUNNING))
    assert new, rule


def test_an_indented_line_ending_a_sentence_over_a_first_line_closes_its_paragraph() -> None:
    after = line("丁薛祥王毅等陪同人员同机抵达。")
    next_first = line("中国驻缅甸大使陈海也到机场迎")  # 14 em, runs on: a first line
    assert not paragraph_break(line(FULL_END), after, False, COLUMN, following=next_first)[0]


def test_an_indented_line_ending_a_sentence_over_running_text_opens_one_without_a_blank() -> None:
    # in a body that marks its paragraph breaks with blank lines, none stands here; yet the
    # line under it runs on at full width, which a paragraph's first line never does, so
    # the indented line cannot close its paragraph: it opens one
    after = line("丁薛祥王毅等陪同人员同机抵达。")
    new, rule = paragraph_break(
        line(FULL_END), after, False, COLUMN, following=line(RUNNING), unmarked=True
    )
    assert new, rule


def test_an_indented_line_ending_a_sentence_without_a_blank_over_a_sentence_end_runs_on() -> (
    None
):
    # the line under it ends a sentence with closing marks squeezed past its measure, and
    # but for them is as short as a first line: two readings, and the missing blank decides
    after = line("丁薛祥王毅等陪同人员同机抵达。")
    closing = line("大使陈海也到机场迎接了他们。”")  # 15 em: 13 em and two marks
    assert not paragraph_break(
        line(FULL_END), after, False, COLUMN, following=closing, unmarked=True
    )[0]


def test_a_numbered_item_ending_a_sentence_after_a_colon_opens_a_paragraph() -> None:
    # a 13 em column: a notice ends its lead-in with a colon, and the first item ("一、")
    # ends its sentence at the indented measure over running text, so it is a first line
    # (a running line fills the column) even though "一、" could be a character taken down
    # with the mark after it
    text = "\n".join(
        [
            "经疫情防控领导小组研究决定",
            "现就六月一日零时起有序恢复",
            "住宅小区出入和公共交通运营",
            "等有关事项现通告如下：",  # 11 em
            "一、住宅小区恢复出入。",  # 11 em: the column minus the indent
            "除中高风险地区外，各街镇不",
            "得以任何理由限制居民出入。",
        ]
    )
    assert [len(g) for g in groups(text)] == [4, 3]


def test_an_indented_line_ending_a_sentence_at_the_end_of_the_body_runs_on() -> None:
    after = line("丁薛祥王毅等陪同人员同机抵达。")
    assert not paragraph_break(line(FULL_END), after, False, COLUMN, following=None)[0]


def test_a_line_far_shorter_than_a_first_line_ending_a_sentence_runs_on() -> None:
    after = line("她们约定了见面。")  # 8 em: a paragraph's last line
    assert not paragraph_break(line(FULL_END), after, False, COLUMN, following=line(RUNNING))[0]


# ---- a one-sentence closing paragraph ---------------------------------------------------

# A 17 em column: a four-line paragraph ending flush with a sentence, then one short line.
LONG_PARAGRAPH = [
    "会议强调，要坚持务求实效，强化",  # 15 em: an indented first line
    "问题导向、需求导向、效果导向，加大",
    "走访力度，优化企业服务，简化操作流",
    "程，为经济运行恢复正常奠定了基础。",  # 17 em: a sentence ending flush
]


def test_a_short_last_line_under_a_long_paragraph_ending_flush_is_a_closing_paragraph() -> None:
    text = "\n".join([*LONG_PARAGRAPH, "市领导某某参加检查。"])  # 10 em, the body's end
    assert [len(g) for g in groups(text)] == [4, 1]


def test_a_short_last_line_after_a_closing_quote_is_the_speaker() -> None:
    quoted = [*LONG_PARAGRAPH[:3], "程，为经济运行恢复正常奠定了基础。”"]
    assert [len(g) for g in groups("\n".join([*quoted, "王波表示。"]))] == [5]


def test_a_short_last_line_after_a_semicolon_ends_the_sentence() -> None:
    # a semicolon closes a clause: the last clause under it is the sentence's end
    listed = [*LONG_PARAGRAPH[:3], "程，文化馆24家；东方社区信息苑311个；"]
    assert [len(g) for g in groups("\n".join([*listed, "美术馆89家；博物馆131家。"]))] == [5]


def test_a_short_last_line_closing_a_quotation_it_does_not_open_runs_on() -> None:
    # 幸好…阴性。” closes a quotation that opened above: the end of that paragraph
    quoted = [
        "她说：“会议强调，要坚持务求实效，强",
        *LONG_PARAGRAPH[1:3],
        "程，为经济运行恢复正常奠定了基础。",
    ]
    assert [len(g) for g in groups("\n".join([*quoted, "幸好结果是阴性。”"]))] == [5]


def test_a_short_last_line_under_a_short_paragraph_runs_on() -> None:
    text = "\n".join([*LONG_PARAGRAPH[2:], "市领导某某参加检查。"])
    assert [len(g) for g in groups(text)] == [3]


def test_a_short_line_ending_a_sentence_amid_the_body_runs_on() -> None:
    # not at the end of the body: the line under it (a first line) says nothing either way,
    # and a paragraph's last line is the likelier reading
    text = "\n".join(
        [*LONG_PARAGRAPH, "市领导某某参加检查。", "会议要求，要加大联系走访企", "业力度。"]
    )
    assert [len(g) for g in groups(text)] == [5, 2]


# ---- a subhead as wide as a first line --------------------------------------------------


def test_a_subhead_as_wide_as_a_first_line_over_running_text() -> None:
    text = "\n".join(
        [
            "整合各景区景点文明旅游志愿者服",  # 15 em
            "务资源。",
            "让不文明行为“处处难行”",  # 12 em, no sentence punctuation: a subhead
            "2019年，各地以精神文明创建",  # 13 em: the next paragraph's first line
            "为抓手，以举办重大外事活动为契",  # 15 em, full
            "机，整合资源力量、整顿行业乱象。",
        ]
    )
    assert [len(g) for g in groups(text)] == [2, 1, 3]


def test_an_unpunctuated_subhead_over_a_first_line_without_punctuation() -> None:
    # the first line holds no punctuation, but the line under it runs on at full width; a
    # 16-em column (a running line fills it), so the subhead stops an em short of the
    # indented measure: it was not wrapped there
    text = "\n".join(
        [
            "对不文明出游行为进行集中点评，形成",
            "有德光荣、失德可耻的价值导向。",
            "推动文明旅游工作迈上新台阶",  # 13 em subhead
            "2020年是全面建成小康社会之",  # 13 em first line
            "年，人民群众追求更加美好的生活，",  # 16 em, full
            "旅游是其中的重要内容。",
        ]
    )
    assert [len(g) for g in groups(text)] == [2, 1, 3]


# a 23 em column whose running lines all fill it (every mark a full em)
TIGHT_PARAGRAPH = [
    "国务院研究室副主任孙国君介绍，今年政府工作报告",  # 23 em
    "起草过程中，共收到代表委员意见建议一千多条，其",
    "中直接采纳的有一百多条，未能直接采纳的意见建议",
    "已转给相关部门进行深入研究，在今后的工作中认真",
    "加以吸收，“报告认真吸收代表委员意见，就是要更",
    "好地反映人民心愿心声，更好地推动工作、造福人民",
    "和社会各界，接下来还将重点从三个方面开展工作，",
    "第一时间明确责任分工，把任务措施逐项分解，明确",
    "牵头部门和参与部门，也更好地回应广大群众的期待",
    "和关切，推动各项工作落到实处、见到实效。",
]


def test_a_subhead_with_a_comma_over_a_first_line_exactly_the_indent_short() -> None:
    # the subhead (a comma in it) is as wide as a first line; the line under it is 21 em,
    # the indented measure, and the line under that is full: in a body whose running
    # lines fill the column, a line two em short with nothing on the next line to explain
    # it is a first line
    text = "\n".join(
        [
            *TIGHT_PARAGRAPH,
            "补充内容意见居多，2/3与民生和就业直接相关",  # 20.5 em
            "据介绍，与往年相比，补充内容的意见居多，是",  # 21 em
            "今年报告修改的一个特点。代表委员针对报告提出的",  # 23 em
            "意见建议主要集中在哪些方面？",
        ]
    )
    assert [len(g) for g in groups(text)] == [10, 1, 3]


def test_a_running_line_short_for_a_character_taken_down_stays_in_its_paragraph() -> None:
    # the same shapes, but the line under the 21 em line opens with a character and the
    # marks that go with it: the typesetter took it down, so the 21 em line runs on
    text = "\n".join(
        [
            *TIGHT_PARAGRAPH,
            "补充内容意见居多，2/3与民生和就业直接相关",
            "据介绍，与往年相比，补充内容的意见居多，是",
            "今”。报告修改的一个特点，代表委员针对报告提出",
            "意见建议主要集中在哪些方面？",
        ]
    )
    assert [len(g) for g in groups(text)] == [10, 4]


def test_where_running_lines_vary_by_the_indent_a_line_at_the_indented_measure_runs_on() -> None:
    # one running line of the body holds no marks and comes out two em short (marks are
    # compressed in print): the widths no longer tell a first line, and the text runs on
    loose = [*TIGHT_PARAGRAPH]
    loose[3] = "已转给相关部门进行深入研究在今后的工作中认"  # 21 em, no marks
    text = "\n".join(
        [
            *loose,
            "补充内容意见居多，2/3与民生和就业直接相关",
            "据介绍，与往年相比，补充内容的意见居多，是",
            "今年报告修改的一个特点。代表委员针对报告提出的",
            "意见建议主要集中在哪些方面？",
        ]
    )
    assert [len(g) for g in groups(text)] == [10, 4]


def test_a_first_line_with_a_squeezed_comma_under_a_subhead_across_a_column_break() -> None:
    # a 16 em body whose running lines fill it; the subhead (13 em) is as wide as a first
    # line, and the line after the column break holds 14 em and a comma squeezed past its
    # measure: it is a first line (a running line would have held one more character), so
    # the subhead ends its paragraph
    running = [
        "各地以精神文明创建为抓手，以举办",  # 16 em
        "重大外事活动为契机，整合资源力量",
        "整顿行业乱象，推动文明旅游工作的",
    ]
    text = "\n".join(
        [
            "各地文明旅游工作取得明显成效，",  # an indented first line
            *running,
            *running,
            "游工作迈上新台阶，取得了明显的效",
            "果和进展。",
            "推动文明旅游工作迈上新台阶",  # 13 em
            "",
            "2020年是全面建成小康社会之年，",  # 14 em + the squeezed comma
            "人民群众追求更加美好的生活，旅游",  # 16 em
            "是其中的重要内容。",
        ]
    )
    assert [len(g) for g in groups(text)] == [9, 1, 3]


def test_a_subhead_wrapped_over_two_lines_stays_one_paragraph() -> None:
    text = "\n".join(
        [
            "对不文明出游行为进行点评，形成",
            "有德光荣、失德可耻的价值导向。",
            "推动文明旅游工作迈上新台阶",
            "共建共享美好家园",  # no punctuation, and the line under it is a first line
            "各地以精神文明创建为抓手，以",
            "举办重大外事活动为契机，整合资源力",
            "量、整顿行业乱象，效果明显。",
        ]
    )
    assert [len(g) for g in groups(text)] == [2, 2, 3]


# ---- body fragments taken for subheads --------------------------------------------------


def test_a_first_line_fragment_taken_for_a_subhead_runs_on_across_the_column_break() -> None:
    text = "\n".join(
        [
            "陈尔真接受了本报记者专访，就",  # a 13 em column
            "新国际博览中心集中隔离收治点",
            "的医疗救治情况、治疗方案等做",
            "了介绍。",
            "",
            "问：新国际博览中心集中",  # 11 em: a full first line of a 13 em column
            "",
            "隔离收治点的救治力量如何？",
        ]
    )
    assert groups(text, standalone_blocks=(1, 2))[1:] == [
        ["问：新国际博览中心集中", "隔离收治点的救治力量如何？"]
    ]


def test_a_subhead_cut_by_a_column_break_before_its_last_character_is_one_paragraph() -> None:
    # a 15 em column: the subhead fills the indented first line (13 em) and a column break
    # falls before its last character; a line of one character that ends no sentence is
    # not a paragraph's first line (one runs on to fill its measure) but the wrapped tail
    text = "\n".join(
        [
            "医疗队员们每天坚守在病区，为感",
            "染者提供治疗和心理疏导服务。",
            "",
            "安心隔离治疗积极参与志愿服",  # 13 em: the column minus the indent
            "",
            "务",
            "",
            "三月下旬，王先生一家五口均",  # 13 em: an indented first line
            "被通知接受集中隔离，入住方舱医",
            "院后他主动报名成为志愿者。",
        ]
    )
    assert groups(text, standalone_blocks=(1,)) == [
        ["医疗队员们每天坚守在病区，为感", "染者提供治疗和心理疏导服务。"],
        ["安心隔离治疗积极参与志愿服", "务"],
        [
            "三月下旬，王先生一家五口均",
            "被通知接受集中隔离，入住方舱医",
            "院后他主动报名成为志愿者。",
        ],
    ]


def test_a_line_stretched_for_a_number_runs_on_from_a_fragment_taken_for_a_subhead() -> None:
    # an 18 em column: the fragment is a full first line (16 em) cut by a column break; the
    # letter-spaced line under the break holds 16.5 em only because "15061" did not fit at
    # its end, so it is a running line, not an indented first line under a subhead
    text = "\n".join(
        [
            "较3月6日增加了十三万多人。",
            "",
            "消费扶贫方面，中西部22个省份共认",
            "",
            "定 40727 个 扶 贫 产 品 ， 涉 及 1297 个 县 和",
            "15061个供应商，商品价值总量3958.88亿",
            "元，销售金额275.39亿元。东部9省市消",
        ]
    )
    assert [len(g) for g in groups(text, standalone_blocks=(1,))] == [1, 4]


def test_a_block_taken_for_a_subhead_that_runs_on_at_full_width_is_one_paragraph() -> None:
    # a 16 em column: the block after the blank opens with a first line (no sentence end)
    # about as wide as the indented measure and runs on at full width, so it is a paragraph
    # of running text, not a subhead with a wider line stacked under it
    text = "\n".join(
        [
            "在诸多降低企业经营成本的纾困措施",
            "中，减免房屋租金是焦点之一。",
            "",
            "今年三月发布的若干政策明确",  # 13 em: an em short of a full first line
            "承租国有房屋从事生产经营活动的小",  # 16 em
            "微企业和个体工商户免除三个月租金",  # 16 em
            "被列为中高风险地区的再减免。",
        ]
    )
    assert [len(g) for g in groups(text, standalone_blocks=(1,))] == [2, 4]


def test_a_block_taken_for_a_subhead_whose_first_line_fills_the_column_is_running_text() -> (
    None
):
    # a 23 em column: the block taken for a subhead opens with a full line that ends no
    # sentence; a subhead stops short of the column, so this is the paragraph above
    # running on (after a quotation, the words that say whose it was)
    lines = split_lines(
        "\n".join(
            [
                "“实在是太感谢了，你帮了我们大忙，还要你垫钱。",
                "我们实在不好意思，真的太感谢你们了，谢谢你。”",  # 23 em, flush
                "这是家住东方路临沂大楼的董阿姨第三次向林为彬道",  # 23 em
                "谢。但她塞过去的钱，还是被推了回来。",
            ]
        )
    )[0]
    blocks = [Block("text", lines[:2], "test"), Block("text", lines[2:], "test")]
    result = split_paragraphs(blocks, {lines[2].number})
    assert [len(g) for g in result.groups] == [4]


def test_a_line_opening_with_a_pulled_down_character_runs_on_from_a_subhead_block() -> None:
    # a 19 em column: the first line stops at 15 em because 梦 went down with 》， (the
    # line-start rule), so the line under it opens with the character and the marks: the
    # text runs on from the block taken for a subhead, which a subhead's own line never
    # leaves behind it
    text = "\n".join(
        [
            "遍，而且是开放式舞台，观众和演员很有互",
            "动感。",
            "",
            "无法走入宛平剧院看驻场版《红楼",  # taken for a subhead
            "",
            "梦》，可以在线上点播明星版越剧《红楼",
            "梦》，钱惠丽、单仰萍、赵志刚、方亚芬、",
            "郑国凤、王志萍等全明星阵容让戏迷直呼过",
            "瘾。",
        ]
    )
    assert [len(g) for g in groups(text, standalone_blocks=(1,))] == [2, 5]


def test_a_short_subhead_block_stays_a_paragraph_of_its_own() -> None:
    text = "第一段正文写到这里就结束了。\n\n以精细化运营激活\n\n第二段正文从这里开始，"
    assert [len(g) for g in groups(text, standalone_blocks=(1,))] == [1, 1, 1]


def test_a_wide_subhead_block_over_an_indented_first_line_stays_apart() -> None:
    text = "\n".join(
        [
            "第一段正文写到这里就结束了，全文完。",  # 18 em
            "",
            "把群众来信当家书认真读用心办",  # 14 em, no sentence end: a subhead
            "",
            "唐月华、徐科兵、孙晓青是信访",  # 14 em: an indented first line
            "干部，她们每天都要处理大量来信，",
        ]
    )
    assert [len(g) for g in groups(text, standalone_blocks=(1,))] == [1, 1, 2]


def test_a_run_in_subhead_closed_by_a_dash_over_an_indented_line_ends_its_paragraph() -> None:
    # column 16 em: a lead-in closed by —— (not a sentence end), then a first line 2 em short
    lead_in = line("政策赋能，解开束缚的“细绳子”——")
    first = line("二〇一七年入职大学后，他在成果", 2)
    new, rule = paragraph_break(lead_in, first, False, COLUMN, following=line("三" * 16, 3))
    assert new, rule
    # a running line under the dash (full, not indented) runs on
    new, rule = paragraph_break(lead_in, line("三" * 16, 2), False, COLUMN)
    assert not new, rule


def test_a_short_line_after_a_blank_under_a_full_line_ending_a_clause_runs_on() -> None:
    # column 16 em: a full line closing a clause with ；, a column break, the sentence's
    # last clause on a short line at the top of the next column
    before = line("一" * 15 + "；")
    after = line("二" * 7 + "。", 2)
    new, rule = paragraph_break(before, after, True, COLUMN, following=line("三" * 14, 3))
    assert not new, rule
    # after a full line ending a sentence with 。 the short line is a paragraph of its own
    before = line("一" * 15 + "。")
    new, rule = paragraph_break(before, after, True, COLUMN, following=line("三" * 14, 3))
    assert new, rule


# ---- the column under squeezed closing marks --------------------------------------------


def test_the_column_is_measured_on_lines_ending_in_a_character() -> None:
    # a 13 em column where many full lines squeezed a closing mark in (14-15 em)
    texts = [
        "报中共中央批准，决定给予赵",
        "多次欺骗组织，对抗组织审查，",
        "正永开除党籍处分；按规定取",
        "是典型的“两面人”“两面派”；",
        "消其享受的待遇；终止其陕西",
        "无视组织一再教育帮助挽救，",
        "收缴其违纪违法所得；将其涉",
        "特权活动；违背党的组织路线，",
    ]
    lines = split_lines("\n".join(texts))[0]
    assert set(local_column_widths(lines).values()) == {13.0}
    # after a squeezed sentence end, a 13 em line is a full line, not an indented one
    text = "\n".join([*texts[:3], "省第十三次党代会代表资格；", "收缴其违纪违法所得；将其涉"])
    assert len(groups(text)) == 1


def test_few_lines_ending_in_a_character_do_not_set_the_column() -> None:
    lines = split_lines("一二三四五六七八九十。\n以精细化运营激活\n增量与存量市场\n一二三四五，")[0]
    assert set(local_column_widths(lines).values()) == {11.0}


def test_indented_first_lines_ending_in_a_character_do_not_set_the_column() -> None:
    # a 16 em column of short paragraphs: every full line ends with a mark, every indented
    # first line (14 em, after a sentence end) with a character
    texts = ["一" * 15 + "。"]
    for char in "二五八甲":
        texts += [char * 14, "三" * 15 + "，", "四" * 15 + "。"]
    lines = split_lines("\n".join(texts))[0]
    assert set(local_column_widths(lines).values()) == {16.0}
    assert [len(g) for g in groups("\n".join(texts))] == [1, 3, 3, 3, 3]


def test_running_lines_set_the_column_where_first_lines_outnumber_them() -> None:
    # a 16 em column of short paragraphs: the 14 em first lines (indent lost) and the short
    # last lines outnumber the full running lines, whose widths alone tell the column
    first, running, last = "二" * 13 + "，", "三" * 16, "四" * 5 + "。"
    flush_end = "五" * 15 + "。"
    paragraphs = [
        [first, last],
        [first, running, last],
        [first, last],
        [first, running, flush_end],
        [first, last],
        [first, running, last],
        [first, last],
    ]
    text = "\n".join(x for p in paragraphs for x in p)
    lines = split_lines(text)[0]
    # around the first line after the flush sentence end (line 11), 16 em, not 14
    assert local_column_widths(lines)[11] == 16.0
    # the first line after the flush sentence end is indented: a paragraph of its own
    assert [len(g) for g in groups(text)] == [len(p) for p in paragraphs]


# ---- blank lines on the column grid --------------------------------------------------------


def _grid_body(lines_before_last_break: int) -> str:
    """Two certain column breaks (after full unfinished lines) four lines apart, then a
    paragraph ending flush, a blank and a short sentence-final line.  With 4 lines before
    the last blank, the blank falls on the four-line grid; with 3, off it."""
    running = ["一" * 16] * 4 + [""] + ["二" * 16] * 4 + [""]
    flush = ["三" * 16] * (lines_before_last_break - 1) + ["三" * 15 + "。"]
    return "\n".join(running + flush + ["", "他就是杜庭斌烈士。", "", "四" * 14 + "。"])


def test_column_grid_starts_follow_the_depth_of_certain_column_breaks() -> None:
    blocks = group_blocks(split_lines(_grid_body(4))[0])
    lines = [x for block in blocks for x in block.lines]
    starts = column_grid_starts(blocks, local_column_widths(lines))
    opened = sorted(x.text for x in lines if x.number in starts)
    assert opened == sorted(["二" * 16, "三" * 16, "他就是杜庭斌烈士。"])


def test_no_column_grid_when_the_certain_breaks_disagree() -> None:
    # certain breaks 4 then 3 lines apart: boxes of different depths, nothing is known
    columns = [["一" * 16] * 4, ["二" * 16] * 4, ["五" * 16] * 3, ["三" * 15 + "。", "他就是。"]]
    text = "\n\n".join("\n".join(column) for column in columns)
    blocks = group_blocks(split_lines(text)[0])
    lines = [x for block in blocks for x in block.lines]
    assert column_grid_starts(blocks, local_column_widths(lines)) == set()


def test_a_short_sentence_after_a_blank_on_the_column_grid_ends_the_paragraph() -> None:
    paragraphs = groups(_grid_body(4))
    assert paragraphs[-2][-1] == "他就是杜庭斌烈士。"
    assert len(paragraphs[-2]) > 1


def test_a_short_sentence_after_a_blank_off_the_column_grid_is_a_paragraph() -> None:
    paragraphs = groups(_grid_body(3))
    assert paragraphs[-2] == ["他就是杜庭斌烈士。"]


def _off_grid_body(lines_in_last_column: int) -> str:
    """Columns 4 lines deep (two certain column breaks); in the third column a paragraph
    ends flush after ``lines_in_last_column`` lines, a blank, then a first line that
    squeezed two closing marks into its indent (as wide as a full line)."""
    running = ["一" * 16] * 4 + [""] + ["二" * 16] * 4 + [""]
    flush = ["三" * 16] * (lines_in_last_column - 1) + ["三" * 15 + "。"]
    first = "四" * 14 + "。”"  # 16 em: 14 em of text, two squeezed marks
    return "\n".join(running + flush + ["", first, "五" * 16, "五" * 9 + "。"])


def test_a_blank_off_the_column_grid_after_a_sentence_end_is_a_paragraph_break() -> None:
    # the blank falls 2 lines into a 4-line column: no column depth of 3 lines or more
    # puts a column break there, so it separates paragraphs
    paragraphs = groups(_off_grid_body(2))
    assert len(paragraphs) == 2
    assert paragraphs[1][0] == "四" * 14 + "。”"


def test_a_blank_on_a_divisor_of_the_column_depth_stays_a_column_break() -> None:
    # columns 6 deep: a blank 3 lines into a column may be a column break of 3-line columns
    # (the break between them fell after a sentence end), so the shape rules decide
    running = ["一" * 16] * 6 + [""] + ["二" * 16] * 6 + [""]
    flush = ["三" * 16, "三" * 16, "三" * 15 + "。"]
    text = "\n".join(running + flush + ["", "四" * 14 + "。”", "五" * 16, "五" * 9 + "。"])
    assert len(groups(text)) == 1



def _moved_piece_text() -> str:
    """The off-grid body (:func:`_off_grid_body`, 2 lines into its column) with a piece of
    two full lines read between the flush sentence end and the blank before the first line
    that squeezed two marks into its indent."""
    running = ["一" * 16] * 4 + [""] + ["二" * 16] * 4 + [""]
    flush = ["三" * 16, "三" * 15 + "。", ""]
    piece = ["六" * 16, "六" * 16, ""]
    return "\n".join(running + flush + piece + ["四" * 14 + "。”", "五" * 16, "五" * 9 + "。"])


def test_joins_out_of_file_order_are_the_moved_pieces() -> None:
    b0, b1, b2, piece, b4 = group_blocks(split_lines(_moved_piece_text())[0])
    assert joins_out_of_file_order([b0, b1, b2, b4]) == set()
    moved = joins_out_of_file_order([b0, b1, b2, b4, piece])
    assert moved == {b4.first.number, piece.first.number}


def test_a_blank_before_a_piece_read_out_of_order_says_nothing_of_its_join() -> None:
    # Without the piece, the blank before the 16-em first line falls off the column grid
    # after a sentence end: a paragraph break.  With the piece moved after it (the
    # extractor read the piece between them), the blank stands next to the piece, not the
    # sentence end: the full line after a flush sentence end runs on.
    b0, b1, b2, piece, b4 = group_blocks(split_lines(_moved_piece_text())[0])
    first = "四" * 14 + "。”"
    in_order = split_paragraphs([b0, b1, b2, b4]).groups
    assert in_order[1][0].text == first
    moved = split_paragraphs([b0, b1, b2, b4, piece]).groups
    assert [[x.text for x in group][-1] for group in moved] == ["五" * 9 + "。", "六" * 16]



def test_a_line_at_the_indented_measure_between_two_full_lines_opens_a_paragraph() -> None:
    # A 12-em column: a list item's heading fills its last line without ending a sentence,
    # then a line two em short (an indented first line, though far short for a running
    # line) over full running lines.  Read as a heading's last line instead, the full line
    # under it would open a paragraph without its indent.
    text = "\n".join(
        [
            "对拒不配合检测的人员",
            "依法予以处罚，处罚依据如",
            "下：",
            "（一）《治安管理处罚",
            "法》第五十条第一款第一项",
            "第五十条 有下列行为之",
            "一的，处警告或者二百元以",
            "下罚款；情节严重的，处五",
            "日以上十日以下拘留，可以",
            "并处五百元以下罚款。",
        ]
    )
    paragraphs = groups(text)
    assert paragraphs[1] == ["（一）《治安管理处罚", "法》第五十条第一款第一项"]
    assert paragraphs[2][0] == "第五十条 有下列行为之"
    assert len(paragraphs) == 3


def test_a_line_at_the_indented_measure_over_a_column_break_does_not_open_a_paragraph() -> None:
    # A short line with a blank (a column break) under it: the line under the blank may go
    # on from other text, so the line is not read as a first line between two full ones.
    text = "\n".join(
        [
            "对拒不配合检测的人员",
            "依法予以处罚，处罚依据如",
            "下，按照治安管理处罚法第",
            "五十条第一款第一项，有下",
            "列行为之一的，处以警",
            "",
            "告或者二百元以下罚款；情",
            "节严重的，处五日以上十日",
            "以下拘留，可以并处罚款。",
        ]
    )
    assert groups(text)[0][-1] == "列行为之一的，处以警"


# ---- a first line at the top of a column ------------------------------------------------

# A 12-em column ending in mid-sentence on a full line, then (after the column break) a
# line two em short, over running text.
COLUMN_FOOT = ["数据保险覆盖数据在采集、", "存储、流通、应用等环节中", "的各类风险，通过保险机制"]
NEXT_COLUMN = ["随着各行各业开展数字", "化智能化转型，数据的重要", "性愈发凸显，保险需求随之"]


def test_a_line_at_the_indented_measure_after_a_column_break_opens_a_paragraph() -> None:
    # a running line fills the column and a paragraph's last line ends its sentence, so the
    # unfinished line two em short over running text is an indented first line: the column
    # above ended where its text was cut, and the text runs on from the first line
    text = "\n".join([*COLUMN_FOOT, "", *NEXT_COLUMN, "产生。"])
    assert [len(g) for g in groups(text)] == [3, 4]


def test_a_line_short_for_a_character_taken_down_after_a_column_break_runs_on() -> None:
    # the same width, but 务 went down with the marks after it (”，): a running line
    following = ["务”，数据的重要性愈发凸显", "保险需求也随之产生。"]
    text = "\n".join([*COLUMN_FOOT, "", "业开展数字化智能化服", *following])
    assert [len(g) for g in groups(text)] == [6]


def test_a_parenthesis_left_open_at_the_column_foot_runs_on_after_the_break() -> None:
    # the dateline's byline opened at the column's foot (（记者姜) closes in the next
    # column: the line under the break, short by its space and squeezed comma, is the same
    # text, not a first line
    text = "\n".join(
        [
            "本报北京 1 月 4 日电（记者姜",
            "",
            "洁） 日前，经中共中央批准，",
            "中央纪委国家监委对全国人大原",
            "内务司法委员会副主任委员、陕",
            "西省委原书记赵正永严重违纪违",
            "法问题进行了立案审查调查。",
        ]
    )
    assert [len(g) for g in groups(text)] == [6]


# ---- a first line ending with a colon -------------------------------------------------


def test_a_first_line_ending_with_a_colon_over_a_full_line_opens_a_paragraph() -> None:
    # after a sentence ending flush, a line two em short ending with a colon is a first line
    # (a paragraph's last line would have an indented first line under it, not a full one)
    text = "\n".join(
        [
            "一" * 15 + "。",  # 16 em, flush
            "二" * 13 + "：",  # 14 em: the column minus the indent
            "三" * 16,
            "三" * 9 + "。",
        ]
    )
    assert groups(text) == [["一" * 15 + "。"], ["二" * 13 + "：", "三" * 16, "三" * 9 + "。"]]


def test_a_colon_line_two_em_short_over_an_indented_line_closes_the_paragraph() -> None:
    text = "\n".join(["一" * 16, "一" * 15 + "。", "二" * 13 + "：", "三" * 14, "三" * 16])
    assert groups(text)[0][-1] == "二" * 13 + "："


# ---- a first line under an opening line that does not end a sentence ---------------------


def test_a_line_short_by_the_indent_over_a_full_line_opens_a_paragraph() -> None:
    # a subhead holding a comma, then a line exactly the column minus the indent with a
    # full line under it: that line is a first line, so the subhead is a paragraph alone
    subhead = "规范办理，让信访变信法治"  # 12 em, does not end a sentence
    text = "\n".join(["一" * 16, "一" * 6 + "。", subhead, "二" * 14, "二" * 16, "二" * 5 + "。"])
    assert groups(text) == [
        ["一" * 16, "一" * 6 + "。"],
        [subhead],
        ["二" * 14, "二" * 16, "二" * 5 + "。"],
    ]


def test_a_dateline_line_is_not_read_as_a_subhead_over_a_first_line() -> None:
    # the dateline's byline wraps: its line and the next are short for other reasons
    text = "\n".join(
        [
            "新华社北京6月2日电（记",
            "者吴雨）记者2日从中国人",
            "民银行获悉，数字人民币试点范",
            "围再次扩大。",
        ]
    )
    assert len(groups(text)) == 1


def test_in_a_wide_column_a_running_line_two_em_short_stays_in_its_paragraph() -> None:
    # real 31 em columns vary by more than the indent (punctuation compression): an opening
    # line and a line under it at the column minus the indent are one paragraph
    body = ["一" * 31] * 6
    text = "\n".join(
        [*body, "一" * 5 + "。", "二" * 26 + "，", "三" * 29, "四" * 31, "四" * 9 + "。"]
    )
    assert len(groups(text)) == 2


def test_a_one_word_paragraph_after_a_closed_dateline_stands_alone() -> None:
    # ``本报讯（记者 杨硕） 求助`` over a first line: the dateline's parentheses are closed,
    # so the line under it is read by its shape
    text = "\n".join(
        [
            "本报讯（记者 杨硕） 求助",
            "我的妻子今年2月生下一对",
            "双胞胎。但因为是25周极早产儿，",
            *["一" * 14] * 4,
            "一" * 5 + "。",
        ]
    )
    assert groups(text)[0] == ["本报讯（记者 杨硕） 求助"]


# ---- bodies that mark their paragraph breaks with blank lines -------------------------------


def _blank_marked_body(flush_then: list[str], blank_before_it: bool) -> str:
    """Three paragraphs separated by blank lines (each ends a sentence short of the
    column), then a paragraph whose sentence ends flush and the lines ``flush_then``."""
    paragraph = ["一" * 16, "一" * 8 + "。"]
    lines = [*paragraph, "", *paragraph, "", *paragraph, "", "二" * 16, "二" * 15 + "。"]
    return "\n".join([*lines, *([""] if blank_before_it else []), *flush_then])


def test_without_a_blank_a_sentence_line_short_by_the_indent_runs_on_where_blanks_mark_breaks() -> (
    None
):
    # over a short sentence-final line, a line two em short ending a sentence opens a
    # paragraph seven times in eight; here the body puts a blank at every break and there
    # is none, so it is the paragraph's last line
    last = "三" * 13 + "。"  # 14 em
    paragraphs = groups(_blank_marked_body([last, "", "四" * 9 + "。"], blank_before_it=False))
    assert paragraphs[-2:] == [["二" * 16, "二" * 15 + "。", last], ["四" * 9 + "。"]]


def test_with_a_blank_the_same_line_opens_a_paragraph() -> None:
    last = "三" * 13 + "。"
    paragraphs = groups(_blank_marked_body([last, "四" * 9 + "。"], blank_before_it=True))
    assert paragraphs[-1] == [last, "四" * 9 + "。"]


def _body_around_a_blank(paragraph_blank: str) -> str:
    """Three paragraphs (each ends a sentence short of a 16 em column) separated by
    ``paragraph_blank``, a paragraph whose sentence ends flush, a blank line, a short
    sentence-final line, and the next paragraph."""
    paragraph = ["一" * 16, "一" * 8 + "。"]
    lines = [*paragraph, paragraph_blank, *paragraph, paragraph_blank, *paragraph]
    lines = [x for x in lines if x != "-"]
    tail = ["二" * 16, "二" * 15 + "。", "", "三" * 9 + "。", "四" * 14, "四" * 16, "四" * 5 + "。"]
    return "\n".join([*lines, paragraph_blank, *tail]).replace("\n-\n", "\n")


def test_where_no_paragraph_break_has_a_blank_a_blank_before_a_short_line_is_a_column_break() -> (
    None
):
    # the body sets no blank at its three certain breaks: the blank after the flush
    # sentence end ends a column, and the short line under it is the paragraph's last line
    paragraphs = groups(_body_around_a_blank("-"))
    assert paragraphs[-2] == ["二" * 16, "二" * 15 + "。", "三" * 9 + "。"]
    blocks = group_blocks(split_lines(_body_around_a_blank("-"))[0])
    blank_number = 9  # the blank line after the flush sentence end
    role, rule = split_paragraphs(blocks).blank_roles[blank_number]
    assert role == "blank-column-break"
    assert "sets none at its paragraph breaks" in rule


def test_where_paragraph_breaks_have_blanks_a_blank_before_a_short_line_is_one() -> None:
    paragraphs = groups(_body_around_a_blank(""))
    assert paragraphs[-2] == ["三" * 9 + "。"]


def test_marks_breaks_with_blanks_needs_every_certain_break_marked() -> None:
    marked = group_blocks(split_lines(_blank_marked_body([], blank_before_it=False))[0])
    lines = [x for block in marked for x in block.lines]
    assert marks_breaks_with_blanks(marked, local_column_widths(lines))
    unmarked_text = _blank_marked_body([], blank_before_it=False).replace("。\n\n", "。\n", 1)
    unmarked = group_blocks(split_lines(unmarked_text)[0])
    lines = [x for block in unmarked for x in block.lines]
    assert not marks_breaks_with_blanks(unmarked, local_column_widths(lines))


# ---- the line-start rule ----------------------------------------------------------------


def test_a_line_opening_with_a_closing_mark_after_a_sentence_end_opens_a_paragraph() -> None:
    # no line inside a paragraph opens with …, so the ellipsis line under a one-line
    # question is a paragraph of its own although the question stops short of the column
    question = "“我要去单位值班，需要哪些证明？”"  # 17 em: a first line of a 20 em column
    text = "\n".join(
        ["一" * 20, "一" * 9 + "。", question, "……", "二" * 18, "二" * 20, "二" * 5 + "。"]
    )
    paragraphs = groups(text)
    assert [question] in paragraphs
    assert ["……"] in paragraphs


# ---- a sentence-final line one em short ---------------------------------------------------


def test_a_one_line_paragraph_an_em_short_of_the_indented_measure_closes_its_paragraph() -> None:
    # A 24 em column: a list of questions, one paragraph each.  The first is 21 em, one em
    # short of the 22 em an indented first line holds; a full line fills its measure, so it
    # ends its paragraph even though a blank (a column break) stands after it.
    asked = line("“家里老人要去医院看病，能帮忙送一下吗？”")
    after = line("“我要去单位值班，需要哪些证明？”")
    new, rule = paragraph_break(asked, after, True, 24.0, before_opens=True, on_grid=True)
    assert new, rule
    assert "an em short" in rule


def test_a_sentence_final_line_an_em_short_runs_on_when_a_character_moved_down() -> None:
    # The line-start rule took 说 down with the closing marks after it: the line above is
    # an em short because of them, not because its paragraph ended.
    before = line("一" * 13 + "。")  # 14 em in a 15 em column
    after = line("说”。他们随后赶到了事故现场查看")  # 15 em: full
    assert not paragraph_break(before, after, False, 15.0, following=line("二" * 15))[0]


def test_a_sentence_final_line_an_em_short_with_a_meant_space_runs_on() -> None:
    # 第五十条 and its text are parted by a space the writer meant: it takes room in print
    before = line("第五十条  有下列行为之一的，处警告或百元罚款；")  # 22 em of characters
    after = line("情节严重的，处五日以上十日以下拘留，可以并处五")
    assert not paragraph_break(before, after, False, 23.0, following=line("二" * 23))[0]


# ---- quoted words set a paragraph each ----------------------------------------------------


def test_a_full_line_closing_a_quotation_over_one_opening_another_opens_a_paragraph() -> None:
    # A 23 em column: questions put to a community officer, one paragraph each.  The first
    # fills the 21 em an indented first line holds, so its width cannot tell; the closed
    # quotation over an opening quote does.
    asked = line("“家里老人要去医院看病，能帮忙送一下吗？”")
    after = line("“我要去单位值班，需要哪些证明？”")
    new, rule = paragraph_break(asked, after, False, 23.0, before_opens=True)
    assert new, rule
    assert "quotation" in rule


def test_a_full_line_closing_a_quotation_runs_on_into_unquoted_text() -> None:
    before = line("他说：“我们要把老百姓的事情办好。”")  # 18 em, flush in an 18 em column
    after = line("随后他又赶往下一个居民区，查看物资发放")
    assert not paragraph_break(before, after, False, 18.0, following=line("二" * 18))[0]


def test_a_closed_quotation_runs_on_where_the_body_marks_its_breaks_with_blanks() -> None:
    asked = line("“家里老人要去医院看病，能帮忙送一下吗？”")
    after = line("“我要去单位值班，需要哪些证明？”")
    assert not paragraph_break(asked, after, False, 23.0, before_opens=True, unmarked=True)[0]


def test_a_speaker_under_a_closing_quotation_ends_its_paragraph_across_a_blank() -> None:
    # the quotation ends flush with the column; the speaker's name and 说 make the next
    # column's first line, short and ending a sentence, yet not a paragraph of its own
    text = "\n".join(
        [
            "眼下，刘焕军团队正为夏管时无人机变量喷施叶面肥做准备。“叶",
            "面肥的使用，精准适配是关键。结合‘处方图’，我们开展无人机变量",
            "喷施叶面肥的应用与推广，通过精细化管护，在节肥增效上寻求新突破。”",
            "",
            "刘焕军说。",
            "",
            "目前，变量施肥技术体系在吉林、黑龙江等地累计核心示范面积34",
            "万亩，辐射推广超300万亩，减肥增效明显，农民收入稳步增加。",
        ]
    )
    paragraphs = parse_text(text).articles[0].paragraphs
    assert len(paragraphs) == 2
    assert paragraphs[0].endswith("寻求新突破。”刘焕军说。")


def test_a_short_sentence_without_a_verb_of_saying_under_a_quotation_opens_a_paragraph() -> None:
    text = "\n".join(
        [
            "“过去，科研人员担心成果转化‘做多错多’，不少成果锁在抽屉里，职务科技成果",
            "还存在国有资产管理方面的顾虑，教授们宁可发论文也不愿去办企业转化成果。”",
            "",
            "变化始于一系列改革举措。",
            "",
            "江苏率先开展赋予科研人员职务科技成果所有权或长期使用权改革试点，打通了",
            "成果转化的关键堵点，高校院所的积极性被充分调动起来。",
        ]
    )
    paragraphs = parse_text(text).articles[0].paragraphs
    assert paragraphs[1] == "变化始于一系列改革举措。"


def test_an_interviews_questions_and_answers_open_paragraphs() -> None:
    # the question ends flush with the column, the answer opens the next line: the label
    # (问：/答：) opens a paragraph, and a wrapped question is no subhead
    text = "\n".join(
        [
            "问：在医疗救治上，是否已经有了",
            "方案？感染者们将在这里如何治疗？",
            "答：就医疗救治而言，各医疗队主要",
            "根据国家卫健委公布的诊疗方案来严",
            "格执行，对症治疗，密切观察病情。",
        ]
    )
    paragraphs = parse_text(text).articles[0].paragraphs
    assert paragraphs == [
        "问：在医疗救治上，是否已经有了方案？感染者们将在这里如何治疗？",
        "答：就医疗救治而言，各医疗队主要根据国家卫健委公布的诊疗方案来严格执行，对症治疗，密切观察病情。",
    ]


# ---- an ellipsis split over a line break ------------------------------------------------


def test_an_ellipsis_split_over_two_lines_runs_on() -> None:
    # ……is one mark, two em wide: its halves at a line end and the next line's start are
    # the mark broken by the composition, not a sentence end over a line opening with …
    before = line("“一站式”服务登场…")
    after = line("…一个个出现在“问题清")
    following = line("单”的群众烦心事，通过")
    new, rule = paragraph_break(before, after, False, 12.0, following=following)
    assert not new, rule


def test_a_line_closing_a_split_ellipsis_ends_its_paragraph() -> None:
    text = "\n".join(
        [
            "她说：“我不敢哭，哭花了护",
            "目镜就没法做事了…",
            "…”",
            "一时间，这位刚刚23岁的小",
            "护士成了大家心中的英雄。",
        ]
    )
    assert [len(g) for g in groups(text)] == [3, 2]


# ---- after a semicolon ------------------------------------------------------------------


def test_a_line_an_em_short_after_a_semicolon_runs_on() -> None:
    # a semicolon closes a clause: a line an em short under it is the sentence's running
    # line (a half-width letter or figure prints wider or narrower than half an em)
    before = line("定增方案，将锁价定增改为竞价定增；")  # 17 em, flush in a 17-em column
    after = line("5月份以来，A股新增的定增预案均采")  # 16 em
    following = line("用竞价发行，无锁价方案。")
    new, rule = paragraph_break(before, after, False, 17.0, following=following)
    assert not new, rule


def test_a_line_short_by_a_pulled_down_character_after_a_semicolon_runs_on() -> None:
    before = line("务对象等宴请的232起；")  # flush in an 11-em column
    after = line("违规操办婚丧喜庆251")  # 9.5 em: 起 went down with ；
    following = line("起；违规发放津补贴或福")
    new, rule = paragraph_break(before, after, False, 11.0, following=following)
    assert not new, rule


def test_a_list_item_short_by_the_indent_after_a_semicolon_opens_a_paragraph() -> None:
    before = line("（一）加强组织领导，压实责任；")  # 15 em, flush
    after = line("（二）强化督促检查，确保")  # 12 em: short by the indent
    following = line("各项措施落到实处，取得实效。")
    new, rule = paragraph_break(before, after, False, 15.0, following=following)
    assert new, rule


# ---- a dateline line that fills its measure --------------------------------------------


def test_a_dateline_line_running_into_its_sentence_runs_on() -> None:
    # A 31 em column measured at 32 (its full lines squeeze a mark past the edge, the
    # letter-spaced line under is stretched to the edge): the running line under the
    # dateline line, 30 em and a squeezed closing quote, has the shape of an indented first
    # line, yet the text after the dateline has begun a sentence (a comma) and a dateline
    # line is no subhead: the sentence runs on.
    dateline = line("本报讯（记者 周楠 通讯员 丁婉星） 昨天下午，2022 年普陀区第")
    running = line("二次重点项目集中签约仪式举行。会上，28个重点项目通过“云签约”", 2)
    under = line(" ".join("方式集中签约落户普陀，项目涵盖生物医药、资产管理、高新技术、新"), 3)
    new, rule = paragraph_break(
        dateline, running, False, 32.0, before_opens=True, following=under, tight=True
    )
    assert not new, rule


# ---- a line at the indented measure between a flush sentence end and a blank -------------


def test_a_line_at_the_indented_measure_before_a_paragraph_break_ends_the_one_above() -> None:
    # 32 em in a 34 em column after a flush sentence end, over a short sentence-final line:
    # read alone, a first line over its last line; but the blank between them is a
    # paragraph break, so it would be a one-line paragraph exactly as wide as a first line.
    # It is the last line of the paragraph above.
    text = "\n".join(
        [
            "罗侠为记者讲述了一个案例。2025 年底，有业内知名公司定向邀请了多家",
            "设备商同时竞标，提出了较高的技术要求，瞄准的是最顶尖的金刚石散热片。",
            "虽然最终未能成功竞标，但罗侠表示：“这家公司是真心想搞这件事。”",
            "",
            "综合来看，行业普遍认为，金刚石散热已经到了爆发的前夜。",
        ]
    )
    assert [len(group) for group in groups(text)] == [3, 1]


def test_a_line_at_the_indented_measure_after_a_one_line_paragraph_stands_alone() -> None:
    # One-line paragraphs one after another (a list of points), each as wide as an indented
    # first line: the paragraph above is no longer one whose last line this could be.
    text = "\n".join(
        [
            "一" * 17 + "，",
            "二" * 20,
            "三" * 9 + "。",
            "各区要落实属地责任，压实各方责任。",
            "各部门要主动靠前服务，上下联动。",
            "",
            "五" * 7 + "。",
        ]
    )
    result = groups(text)
    assert ["各部门要主动靠前服务，上下联动。"] in result, result


def test_a_line_at_the_indented_measure_between_two_blanks_stands_alone() -> None:
    # A blank above and a blank under it: set apart on both sides, a one-line paragraph
    # (the other reading needs a column to end right above it).
    text = "\n".join(
        [
            "一" * 18,
            "二" * 20,
            "三" * 19 + "。",
            "",
            "各部门要主动靠前服务，压实各方责任。",
            "",
            "五" * 7 + "。",
        ]
    )
    result = groups(text)
    assert ["各部门要主动靠前服务，压实各方责任。"] in result, result


# ---- the measure of whole-em lines ------------------------------------------------------


def test_a_whole_em_line_filling_the_measure_runs_on_where_digits_count_the_column_wider() -> (
    None
):
    # a column of 15.9 em: a line of Chinese characters holds 15 of them (15 em), a line with
    # two digits 15 characters and the digits (counted 16 em, printed 15.9); the column
    # counted over all lines is 16 em, so the whole-em line under a sentence end that fills
    # the measure looks an em short, as an indented first line would; the whole-em running
    # lines show the measure it fills (a first line would be 13 em)
    text = "\n".join(
        [
            "测评结果显示，上海现代公共文化",
            "服务工作满意度评估综合得分达到90",
            "分，自国家公共文化服务体系示范",
            "创建工作启动以来，全市16个区有11",
            "个区参与了国家公共文化服务体系",
            "示范区和示范项目的创建，占比近",
            "七成。",
            "目前，上海已形成四级公共文",  # 13 em: an indented first line
            "化设施网络，基本实现城区10分钟、",
            "郊区15分钟的公共文化服务圈目标。",
            "",
            "有关统计显示，上海现已建成市、",  # 15 em: the measure, running on
            "区两级公共图书馆23个，街镇图书馆",
            "多个；市区两级文化馆也有不少，",
            "社区文化活动中心遍布街镇，居村",
            "综合文化活动室和社区信息苑一应",
            "俱全。",
        ]
    )
    assert [len(g) for g in groups(text)] == [7, 9]


def test_a_line_with_digits_reaching_the_whole_em_measure_is_full() -> None:
    # a column of 15.9 em (as above): whole-em running lines hold 15 em, lines with digits
    # count up to 16; a line with digits at 15 em reaches the measure the whole-em lines
    # fill, so it is a full line, not an indented first line an em short of the column
    # counted over all lines, and the whole-em sentence end above it ends no paragraph
    text = "\n".join(
        [
            "测评结果显示，上海现代公共文化",
            "服务工作满意度评估综合得分达到90",
            "分，自国家公共文化服务体系示范",
            "创建工作启动以来，全市16个区有11",
            "个区参与了国家公共文化服务体系",
            "示范区和示范项目的创建，占比近",
            "七成，各区的创建工作有序推进并",
            "七成的区都参与了这项创建工作。",  # 15 em, whole-em, flush
            "截至2023年底全市各区共建成图书",  # 15 em counted, with digits: running on
            "馆多个，覆盖街镇和居村。",
        ]
    )
    assert [len(g) for g in groups(text)] == [10]


def test_a_line_ending_with_a_midline_ellipsis_at_full_width_runs_on() -> None:
    # a 14-em column, no blank lines (as PyMuPDF extracts): 心小事入手，用心为民解忧⋯⋯
    # fills the column (the midline ellipsis prints two em, as …… does), so the sentence
    # it ends goes on in the same paragraph, not a paragraph ending an em short
    (article,) = parse_text(
        "\n".join(
            [
                "社区治理出新招",
                "近年来，本区各街道坚持问",
                "需于民、问计于民，从群众最关",
                "心小事入手，用心为民解忧⋯⋯",
                "一批民生难题得到妥善解决，居",
                "民的获得感不断增强。",
                "今年，本区将继续深入推进",
                "“家门口”服务体系建设，让更",
                "多服务在社区就近办理。",
            ]
        )
        + "\n"
    ).articles
    assert len(article.paragraphs) == 2


def test_a_last_line_carrying_a_glued_forward_marker_ends_its_paragraph() -> None:
    # a 22-em column: the last line (13 em of text) closes a quotation and ends a sentence
    # under a full line that ended one; the marker glued after it (（下转第2版）) would make
    # it look unfinished and an indented first line: it is the paragraph's last line
    (article,) = parse_text(
        "\n".join(
            [
                "小区居民忘带钥匙被锁门外",
                "本报讯（记者 王明）“我们夫妻俩上午出门做核",
                "酸，钥匙都忘了带，现在附近开锁的也没有了，厨",
                "房的灶上还烧着东西，快要烧干了，实在很危险。",
                "能不能快点来帮我开下门！”（下转第2版）",
            ]
        )
        + "\n"
    ).articles
    assert len(article.paragraphs) == 1


def test_a_kept_indent_after_a_glued_backward_marker_opens_the_paragraph() -> None:
    # the extractor kept the indents (two ideographic spaces); the continued part opens with
    # （上接第1版） glued before its first line's indent: that line opens a paragraph, and
    # the flush line under it, though an em short of the 21-em column after a sentence end,
    # runs on
    lines = [
        "（上接第1版）　　疫情之前，超市已尝试通过微信群触达顾客。",
        "负责人介绍，超市基于门店建立了若干个微信社群，此",
        "次抗疫期间，周边街道也一起联系超市组织保供微信群，",
        "这些社群起到了重要作用。",
        "　　最近，超市装上“数字哨兵”，恢复了线下运营。",
        "线下开始运转后，超市便进入了“双线作战”模式，",
        "把数字化作为一个新兴的业务深度推进。",
    ]
    blocks = group_blocks(split_lines("\n".join(lines))[0])
    result = split_paragraphs(blocks)
    assert [len(group) for group in result.groups] == [4, 3]


# ---- a subhead block over a paragraph whose first line took a character down ----------------


def test_a_first_line_short_by_what_it_took_down_runs_on_in_a_subhead_block() -> None:
    # a 20 em column: a subhead, then (in the same block, extracted without a blank) the
    # next paragraph's first line at 16.5 em: short of its 18 em measure only because 日
    # went down with the 、 after it (no line opens with 、), so the full line under it
    # goes on from it; it is not a subhead line stacked over a wider one
    text = "\n".join(
        [
            "世界杯开赛在即，各大商圈纷纷推出主题消费",
            "产品，一场以线下观赛为核心的消费热潮正在",
            "袭来，夜间经济成为承接这股情绪的主战场，",
            "商家备货。",
            "",
            "IP衍生品备受追捧",
            "本届世界杯涵盖104场对决、39个比赛",
            "日、48支劲旅横跨三大时区，是史上规模最大",
            "的一届世界杯，也是今年线下消费最受瞩目的",
            "商业窗口。",
        ]
    )
    assert [len(g) for g in groups(text, standalone_blocks=(1,))] == [4, 1, 4]


# ---- the body's last line ---------------------------------------------------------------


def test_a_last_line_an_em_short_in_mid_sentence_runs_on_after_a_flush_sentence_end() -> None:
    # a 20-em column cut at a jump: the part's last line is an em short and ends no
    # sentence; a first line would be two em short (its indent), and the character the
    # line-start rule took down onto the next page is not in the part to tell why it
    # stops short: a running line, and the sentence ending flush above runs on into it
    text = "\n".join(
        [
            "他说，全军深入贯彻新时代强军思想，以党在",
            "新时代的强军目标为引领，聚力备战打仗，强",
            "化改革创新，狠抓工作落实，推动各项工作取",
            "得新进展，强军事业迈出新步伐，成绩显著。",
            "我们高举和平、发展、合作、共赢的旗帜，推",
            "动构建人类命运共同体，让和平与发展的阳光",
            "普照全球，中国军队将坚定捍卫国家的利益。",
            "我们将继续深化与各国军队的交流合作，共",  # 19 em
        ]
    )
    assert [len(g) for g in groups(text)] == [8]


# ---- a lead-in ending in an arrow (帮忙>>>) -----------------------------------------------


def test_a_lead_in_ending_in_an_arrow_is_a_paragraph_of_its_own() -> None:
    # a reader's letter in a 19 em column, no indents kept: its signature (an opening line
    # 1.5 em short of the indented measure, ending no sentence) stands over the lead-in
    # "帮忙>>>", which opens no running text's line: it is a paragraph of its own
    text = "\n".join(
        [
            "我的妻子今年2月生下一对双胞胎。但因",  # 17 em: the indented measure
            "为是极早产儿，一直在医院救治，每天我都",
            "要给孩子送去母乳，现在却出不了门了。",
            "浦东新区南林路658弄银杏苑 张先生",  # 15.5 em
            "帮忙>>>",
            "“已经40多天了，我的两个宝宝还住在",
            "医院，每天都在等我送去母乳！”电话那",
            "头，传来的是张先生满满的焦虑。",
        ]
    )
    assert groups(text) == [
        [
            "我的妻子今年2月生下一对双胞胎。但因",
            "为是极早产儿，一直在医院救治，每天我都",
            "要给孩子送去母乳，现在却出不了门了。",
        ],
        ["浦东新区南林路658弄银杏苑 张先生"],
        ["帮忙>>>"],
        [
            "“已经40多天了，我的两个宝宝还住在",
            "医院，每天都在等我送去母乳！”电话那",
            "头，传来的是张先生满满的焦虑。",
        ],
    ]


def test_a_running_line_ending_in_an_arrow_at_the_column_runs_on() -> None:
    # an arrow at the end of a full line is text the wrap cut, no lead-in
    before = line("流程图中各环节依次是采样、送检、检测")  # 18 em, mid-sentence
    after = line("和报告，其中送检环节的走向为实验室→")  # 18 em: fills the column
    new, rule = paragraph_break(before, after, False, 18.0)
    assert not new, rule
