"""Blocks, and paragraph breaks vs column breaks."""

from __future__ import annotations

from shared.parsing.blocks import group_blocks
from shared.parsing.glued_titles import TITLE_SPLIT_RULE
from shared.parsing.indentation import keeps_indentation
from shared.parsing.lines import Line, make_line, split_lines
from shared.parsing.paragraphs import paragraph_break, split_paragraphs


def lines_of(text: str) -> list[Line]:
    return split_lines(text)[0]


def line(text: str, number: int = 1) -> Line:
    return make_line(text, number, 1)


def test_group_blocks_separates_kinds_and_splits_at_datelines() -> None:
    text = "\n".join(
        [
            "2024年7月12日 星期五 聊城日报 要闻 2",
            "",
            "■ 本报记者 王培源",
            "本报通讯员 李正一",
            "正文第一行没有结束，",
            "正文第二行结束了。",
            "本报讯（记者 苑莘）新的一篇开始了，",
            "",
            "（下转第2版）",
        ]
    )
    blocks = group_blocks(lines_of(text))
    assert [(b.kind, [x.number for x in b.lines]) for b in blocks] == [
        ("furniture", [1]),
        ("byline", [3, 4]),
        ("text", [5, 6]),
        ("text", [7]),
        ("continuation", [9]),
    ]
    assert [x.number for x in blocks[1].blanks_before] == [2]
    assert blocks[3].opens_with_dateline


def test_a_credit_line_under_a_wide_caption_belongs_to_it() -> None:
    caption = (
        "7月8日，山东金蔡伦纸业有限公司工人在生产车间进行设备巡检。"
        "作为国内最早的轻型印刷纸生产企业。"
    )
    blocks = group_blocks(lines_of(caption + "\n■ 本报记者 许金松"))
    assert [b.kind for b in blocks] == ["text"]
    assert len(blocks[0].lines) == 2


def test_a_credit_wrapped_from_a_narrow_caption_s_last_line_belongs_to_it() -> None:
    # a caption set in a narrow module (no line of a wide caption's measure) whose credit
    # the wrap cut after its bullet: ``■ 本报`` / ``记者 段建玉``
    caption = "翻了30多个垃圾袋，一无所获。\n林为彬发现失物在这辆车上的可能性很大。 ■ 本报"
    blocks = group_blocks(lines_of(caption + "\n记者 段建玉"))
    assert [b.kind for b in blocks] == ["text"]
    assert len(blocks[0].lines) == 3
    # without the bullet the byline under a narrow finished sentence stays a byline
    blocks = group_blocks(lines_of("林为彬发现失物在这辆车上的可能性很大。\n记者 段建玉"))
    assert [b.kind for b in blocks] == ["text", "byline"]


def test_full_line_without_sentence_end_runs_on_across_a_blank() -> None:
    new, rule = paragraph_break(
        line("体化统筹、平台化实施、品牌化打造，构"),
        line("建高效运转工作体系，举全市统一战线"),
        True,
        17.0,
    )
    assert not new
    assert "column break" in rule


def test_short_sentence_final_line_ends_the_paragraph() -> None:
    new, _ = paragraph_break(
        line("分管日常工作的副部长崔岩说。"), line("今年以来，聊城市委统战部坚持一"), True, 17.0
    )
    assert new


def test_indented_line_after_a_full_sentence_end_starts_a_paragraph() -> None:
    before = line("《担当的力量》《务实的力量》入选全国基层干部培训优秀网络课程。")
    after = line("“孔繁森精神系列课程”之《担当的力量》由山东省红色旅游五")
    assert paragraph_break(before, after, False, 30.0)[0]


def test_full_sentence_end_followed_by_a_full_line_runs_on() -> None:
    before = line("部群众容易懂、喜欢听的“廉洁课堂”。")
    after = line("打造“会前一刻钟”宣讲新模式，倡导各")
    assert not paragraph_break(before, after, False, 17.0)[0]


def test_a_subhead_ends_its_paragraph_without_punctuation() -> None:
    assert paragraph_break(line("以精细化运营"), line("激活增量与存量市场"), False, 24.0)[0]


def test_spaced_out_lines_are_never_short() -> None:
    before = line("育 基 地 ，先 后 入 选 省 、市 廉 洁 教 育 地")
    assert not paragraph_break(before, line("图。依托该基地，茌平区布展“纪法保"), False, 17.0)[0]


def test_split_paragraphs_over_blocks() -> None:
    text = "\n".join(
        [
            "今年以来，聊城市委统战部坚持一",
            "体化统筹、平台化实施、品牌化打造，构",
            "",
            "建高效运转工作体系，举全市统一战线",
            "之力，纵深推进服务强省建设“五大行",
            "动”，有效实施民生实事项目。",
            "",
            "市委统战部将“五大行动”作为全年",
            "工作重中之重，纳入市委统战工作领导",
            "小组和市委统战部年度工作要点。",
        ]
    )
    blocks = group_blocks(lines_of(text))
    result = split_paragraphs(blocks)
    assert [[x.number for x in group] for group in result.groups] == [[1, 2, 4, 5, 6], [8, 9, 10]]
    assert result.blank_roles[3][0] == "blank-column-break"
    assert result.blank_roles[7][0] == "blank-paragraph"


def test_split_paragraphs_keeps_a_subhead_block_whole() -> None:
    text = (
        "第一段正文写到这里就结束了。\n\n以精细化运营激活\n增量与存量市场\n\n第二段正文从这里开始，"
    )
    blocks = group_blocks(lines_of(text))
    result = split_paragraphs(blocks, standalone={blocks[1].first.number})
    assert [[x.number for x in group] for group in result.groups] == [[1], [3, 4], [6]]


def test_kept_indents_decide_paragraphs() -> None:
    text = "\n".join(
        [
            "　　今年以来，聊城市委统战部坚持一",
            "体化统筹、平台化实施、品牌化打造。",
            "构建高效运转工作体系，举全市统一战线",
            "之力，纵深推进服务强省建设。",
            "　　市委统战部将“五大行动”作为全年",
            "工作重中之重。",
        ]
    )
    blocks = group_blocks(lines_of(text))
    assert keeps_indentation(blocks[0].lines)
    result = split_paragraphs(blocks)
    assert [[x.number for x in group] for group in result.groups] == [[1, 2, 3, 4], [5, 6]]


def test_kept_indents_under_a_subhead_and_a_signature_decide_paragraphs() -> None:
    # a reader's letter (a 19 em column): indented lines open paragraphs under a one-word
    # subhead and under a signature as well as after sentence ends; a line under one
    # shorter than itself is where a paragraph may open, so the indents are kept indents,
    # and the indented "帮忙>>>" after a column break opens a paragraph of its own
    text = "\n".join(
        [
            "　　求助",
            "　　我的妻子今年2月生下一对双胞胎。但因",  # 17 em: the indented measure
            "为是极早产儿，一直在医院救治，每天我都",
            "要给孩子送去母乳，现在却出不了门了。",
            "　　浦东新区南林路658弄银杏苑  张先生",  # 16 em
            "",
            "　　帮忙>>>",
            "　　记者接到求助后，与东明路街道取得了",
            "联系，工作人员表示，已经接到了张先生的",
            "申请，将尽快核实办理。",
        ]
    )
    blocks = group_blocks(lines_of(text))
    lines = [x for block in blocks for x in block.lines]
    assert keeps_indentation(lines)
    result = split_paragraphs(blocks)
    assert [[x.number for x in group] for group in result.groups] == [
        [1],
        [2, 3, 4],
        [5],
        [7],
        [8, 9, 10],
    ]


def test_a_colon_then_an_indented_line_opens_a_paragraph() -> None:
    before = line("和占用耕地，耕地保护形势严峻。还有三方面问题比较普遍：")
    after = line("补充耕地数量不实。发现全国28个省份部分项目补充")
    new, rule = paragraph_break(before, after, blank=True, column=27.0)
    assert new, rule
    # a colon before a full line is a quotation running on
    full = line("补充耕地数量不实发现全国的二十八个省份部分项目补充耕地")
    assert not paragraph_break(before, full, blank=False, column=27.0)[0]


def test_a_dateline_line_whose_text_stops_far_short_ends_its_paragraph() -> None:
    paragraphs = split_paragraphs(
        group_blocks(
            lines_of(
                "\n".join(
                    [
                        "本报讯（记者 杨硕）求助",
                        "我的妻子今年2月生下一对双胞胎。但因为是25周",
                        "极早产儿，一直在医院救治，每天都需要母乳。",
                    ]
                )
            )
        )
    )
    assert [[x.number for x in group] for group in paragraphs.groups] == [[1], [2, 3]]


def test_a_subhead_glued_over_a_paragraph_first_line_is_a_paragraph_of_its_own() -> None:
    # column 20 em: the paragraph's first line is two em short (its indent lost), the
    # subhead above it shorter still and free of sentence punctuation
    subhead = line("高考中考设专用考试方舱和应急考场")
    first = line("市教委副主任杨振峰介绍，返校复学后如", 2)
    new, rule = paragraph_break(subhead, first, False, 20.0, before_opens=True)
    assert new, rule
    # a paragraph's own first line over its (shorter-measured) second line runs on
    opening = line("市教委副主任杨振峰介绍，返校复学", 1)
    second = line("后如何保障学生安全，市区正联手开", 2)
    assert not paragraph_break(opening, second, False, 20.0, before_opens=True)[0]
    # a first line holding a comma is not a subhead, however short
    assert not paragraph_break(
        line("3月30日晚上，张先生给记者打来电话，"), first, False, 20.0, before_opens=True
    )[0]


# An after-layout title glued between its body and the next article's first lines, with
# column breaks (blanks) close on both sides: each side alone is too short to tell its
# topic, the text across the column breaks is not.
_GLUED_ACROSS_BREAKS = [
    "部分商家利用 AI 生成精致虚假商品图、",
    "合成名人带货视频，批量伪造用户好",
    "评、打造爆款榜单，用虚假内容包装",
    "产品、夸大功效，误导消费者决策。",
    "新旧乱象叠加，让原本简单实惠的促",
    "销活动变得陷阱丛生。",
    "",
    "整治电商营销乱象，既需要消费",
    "者保持理性、擦亮双眼，更需要制度",
    "兜底、监管赋能。对消费者而言，应",
    "摒弃盲目跟风、冲动消费的心态，要",
    "坚决抵制“全网最低”等绝对化宣传，",
    "仔细甄别 AI 虚假营销内容。对市场监",
    "",
    "管而言，则应持续压实平台主体责任，",
    "督促平台严格审核商户资质、规范促",
    "销规则、严查算法乱象。与此同时，",
    "商家也应坚守诚信经营底线，为消费",
    "者提供优质产品和真实优惠。",
    "电商营销乱象亟须整治",
    "近期，金刚石散热相关概念股股价大幅",
    "上涨。根据 Wind 数据，截至 6 月 11 日收盘，",
    "",
    "近 120 日，四方达股价累计上涨超过 130%，",
    "力量钻石上涨超过85%，惠丰钻石上涨接近",
    "70%，黄河旋风上涨接近 70%。",
    "",
    "热潮背后，金刚石散热行业真实进展几",
    "何，产业化拐点究竟在何处？中国证券报记",
    "者近期实地走访了超硬材料龙头企业四方达、",
    "力量钻石等，并与多位业内人士进行了深度",
    "交流，试图揭示这一产业的真实现状。",
]


def test_a_glued_title_between_column_breaks_is_split_by_the_text_beyond_them() -> None:
    blocks = group_blocks(split_lines("\n".join(_GLUED_ACROSS_BREAKS))[0])
    titles = [b for b in blocks if b.rule == TITLE_SPLIT_RULE]
    assert [[line.text for line in b.lines] for b in titles] == [["电商营销乱象亟须整治"]]


def test_a_glued_subhead_between_column_breaks_of_one_text_stays() -> None:
    # the same run between two parts of one text (the second part from the same article)
    lines = [*_GLUED_ACROSS_BREAKS[:20], *_GLUED_ACROSS_BREAKS[:6]]
    blocks = group_blocks(split_lines("\n".join(lines))[0])
    assert not [b for b in blocks if b.rule == TITLE_SPLIT_RULE]


def test_a_line_far_wider_than_the_column_after_a_closed_sentence_starts_a_block() -> None:
    # a 33 em kicker glued under a 16 em body that ends a sentence, over its headline: no
    # body line of that column is so wide, so it is not the body's (a title's width is not
    # a caption's)
    kicker = "韩正在国务院推进政府职能转变和放管服改革协调小组全体会议上强调"
    body = ["一" * 16, "一" * 16, "一" * 16, "一" * 7 + "。"]
    text = "\n".join([*body, kicker, "", "深刻认识和把握改革规律", "二" * 16, "二" * 9 + "。"])
    blocks = group_blocks(lines_of(text))
    assert [x.text for x in blocks[0].lines] == body
    assert [x.text for x in blocks[1].lines] == [kicker]


def test_a_wide_line_in_mid_sentence_stays_in_the_body() -> None:
    wide = "二" * 30 + "。"
    text = "\n".join(["一" * 16, "一" * 16, "一" * 16, "一" * 16, wide])
    assert len(group_blocks(lines_of(text))) == 1


def test_title_lines_glued_under_a_wrapped_closing_note_are_split_off() -> None:
    # the parenthetical note closes the text like a sentence even when it wraps
    body = ["一" * 16, "一" * 9 + "。", "（陈晓霞、张旭航、李大勇参与", "采写）"]
    kicker = "自然资源部发布去年耕地督察结果"
    text = "\n".join(
        [
            *body,
            kicker,
            "",
            "全国违法违规占用耕地逾百万亩",
            "本报北京1月19日电（记者常钦） 自然资源部",
            "二" * 9 + "。",
        ]
    )
    blocks = group_blocks(lines_of(text))
    assert [x.text for x in blocks[0].lines] == body
    assert [x.text for x in blocks[1].lines] == [kicker]
    assert blocks[1].rule == TITLE_SPLIT_RULE


def test_a_title_glued_over_a_photo_caption_is_a_block_of_its_own() -> None:
    title = "每天都有好戏等你解锁"
    caption = (
        "该片采用油画逐帧动画技术，配合特雷门琴音乐，"
        "让观众在影院中直观感受火星荒原环境，体验人类探索精神。"
    )
    text = "\n".join(
        [title, caption, "获得第18届中美电影节最佳微电影一等奖。（本报记者 陆兰洋 摄）"]
    )
    blocks = group_blocks(lines_of(text))
    assert [x.text for x in blocks[0].lines] == [title]
    assert blocks[1].first.text == caption


def test_a_first_line_without_punctuation_is_not_taken_into_a_glued_title_run() -> None:
    # after a closed sentence, a subhead and then a paragraph's first line holding no
    # sentence punctuation (two em short of the column, a full line under it): only the
    # subhead is split off, the first line stays with its paragraph
    before = ["甲乙丙丁戊己庚辛，壬癸甲乙丙丁戊"] * 8 + ["甲乙丙丁戊己。"]
    first = "子丑寅卯辰巳午未申酉戌亥子丑"  # 14 em: the 16 em column minus the indent
    after = ["子丑寅卯辰巳午，未申酉戌亥子丑寅"] * 8 + ["子丑寅卯。"]
    text = "\n".join([*before, "将心比心 和群众以心换心", first, *after])
    pieces = group_blocks(lines_of(text))  # split_glued_titles runs inside
    assert [x.text for x in pieces[1].lines] == ["将心比心 和群众以心换心"]
    assert pieces[2].first.text == first


def test_the_line_closing_a_bracket_a_title_left_open_is_the_titles_rest() -> None:
    # the title split off the page's first block leaves its column tag's bracket open; the
    # line under it closes it, as wide as an indented first line: a title never leaves a
    # bracket open, so that line is the title's rest, not the body's first line
    title = ["“五朵金花”绽放一线（向奋战在", "一线的医务人员致敬）"]
    body = [
        "“咱们5个好姐妹再次并",
        "肩作战，要发挥好老队员的",
        "骨干作用。”2月17日凌晨2",
        "时，火神山医院护理部副主",
        "任宋彩萍给在武汉泰康同济",
        "医院支援的护士长唐棠发微",
        "信。",
    ]
    (lines,) = split_lines("\n".join([*title, *body]))
    blocks = group_blocks(lines)
    assert blocks[0].rule == TITLE_SPLIT_RULE
    assert [line.text for line in blocks[0].lines] == title
    assert blocks[1].first.text == body[0]


def test_no_glued_title_run_gives_no_line_back() -> None:
    # With no run found (its end at its start), the check of the run's last line looked at
    # the block's last line instead (index -1) and could answer -1, which callers took for a
    # run found, skipping the other title finders.
    from shared.parsing.glued_titles import _body_first_line_out

    lines = lines_of(
        "\n".join(
            [
                "会议强调要抓好落实。",
                "各地要把工作做细做实，确保各项",
                "措施落到实处，推动发展取得新的",
                "成效，为全年目标打下坚实基础",
                "并持续推进各项重点工作的落实和",
            ]
        )
    )
    assert _body_first_line_out(lines, 0, 0) == 0


def test_a_paragraphs_first_line_alone_after_a_closed_sentence_is_no_glued_title() -> None:
    # after a closed sentence, a paragraph's first line holding no sentence punctuation (two
    # em short of the column, a full line under it), though the text on its two sides shares
    # no word: a first line runs on into its paragraph, and a title never holds its opening
    before = ["甲乙丙丁戊己庚辛，壬癸甲乙丙丁戊"] * 8 + ["甲乙丙丁戊己。"]
    first = "子丑寅卯辰巳午未申酉戌亥子丑"  # 14 em: the 16 em column minus the indent
    after = ["子丑寅卯辰巳午，未申酉戌亥子丑寅"] * 8 + ["子丑寅卯。"]
    pieces = group_blocks(lines_of("\n".join([*before, first, *after])))
    assert [len(piece.lines) for piece in pieces] == [len(before) + 1 + len(after)]
