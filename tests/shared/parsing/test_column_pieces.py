"""Two pieces of body set in one column or in two: subheads and glued titles."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.blocks import group_blocks
from shared.parsing.columns import lines_share_column
from shared.parsing.glued_titles import TITLE_SPLIT_RULE
from shared.parsing.lines import Line, make_line, split_lines

SENTENCE = "城市消费市场持续回暖，商场客流明显增加，餐饮门店订单稳步上升，夜间经济活力十足，"
FILLER = "城市消费市场持续回暖商场客流明显增加餐饮门店订单稳步上升夜间经济活力十足"


def piece(widths: list[tuple[int, bool]], start: int = 1) -> list[Line]:
    """Lines of the given widths (em); True ends the line with a full stop (counted in)."""
    lines = []
    for offset, (width, closes) in enumerate(widths):
        text = FILLER[: width - 1] + "。" if closes else FILLER[:width]
        lines.append(make_line(text, start + offset, 1))
    return lines


def test_short_paragraphs_in_a_column_fit_its_longer_paragraphs() -> None:
    # a 20 em column with the indent lost: first lines 18 em, a full line in the middle of
    # two paragraphs; the upper quartile says 18, the full lines say 20
    first = [(18, False), (9, True), (18, False), (20, False), (6, True)]
    short = piece([*first, (18, False), (20, False), (5, True), (18, True)])
    long = piece([(18, False), *[(20, False)] * 8, (12, True)], start=20)
    assert lines_share_column(short, long)
    assert lines_share_column(long, short)


def test_pieces_set_in_columns_eight_em_apart_are_two_texts() -> None:
    narrow = piece([(14, False), (16, False), (16, False), (16, False), (9, True)])
    wide = piece([(22, False), (24, False), (24, False), (24, False), (11, True)], start=10)
    assert not lines_share_column(narrow, wide)


def test_a_few_lines_squeezing_marks_past_the_edge_do_not_widen_the_column() -> None:
    # three lines of a 20 em column, two of them squeezing a closing mark past the edge
    # (22 em): their upper quartile says 22, their full line says 20
    squeezed = [
        make_line(FILLER[:20] + "，”", 1, 1),
        make_line(FILLER[:20], 2, 1),
        make_line(FILLER[:20] + "。”", 3, 1),
    ]
    running = piece([*[(20, False)] * 6, (8, True)], start=10)
    assert lines_share_column(squeezed, running)


def _page(first_column: int, second_column: int) -> list[Line]:
    text = SENTENCE * 3
    rows = ["本报记者 王伟", ""]
    rows += [text[i : i + first_column] for i in range(0, 5 * first_column, first_column)]
    rows[-1] = rows[-1][:-1] + "。"
    rows.append("夜经济点亮城市消费")  # a title glued in with no blank line
    rows += [text[i : i + second_column] for i in range(0, 5 * second_column, second_column)]
    rows[-1] = rows[-1][:-1] + "。"
    return split_lines("\n".join(rows))[0]


def test_title_lines_glued_between_two_column_widths_are_split_off() -> None:
    # both sides speak of the same thing, but the text under the title line is set in a
    # column eight em wider: it is another article, and the line its title
    blocks = group_blocks(_page(16, 24))
    titles = [b for b in blocks if b.rule == TITLE_SPLIT_RULE]
    assert [[line.text for line in b.lines] for b in titles] == [["夜经济点亮城市消费"]]


def test_a_subhead_glued_into_one_column_stays_in_its_text() -> None:
    blocks = group_blocks(_page(16, 16))
    assert not any(b.rule == TITLE_SPLIT_RULE for b in blocks)


# ---- a caption glued under a body ---------------------------------------------------------


def test_a_caption_line_wider_than_the_column_by_more_than_squeezing_breaks_out() -> None:
    # a 30 em column (lines squeezing a mark reach 31) and, with no blank line, a caption
    # 40 em wide: not 1.6 times the column, but no body line of a 30 em column is 40 em
    rows = [
        "本报记者 王伟",
        "",
        FILLER[:28],
        FILLER[:30] + "，",
        FILLER[:30],
        FILLER[:14] + "。",
        "上海形成公共文化内容统一配送平台",  # the title under its body (after-layout)
        "市民在社区文化活动中心观看演出" + FILLER[:24] + "。 ■ 本报记者 丁艳",
    ]
    blocks = group_blocks(split_lines("\n".join(rows))[0])
    assert [len(b.lines) for b in blocks if b.kind == "text"] == [4, 1, 1]
    kinds = [a.kind for a in parse_text("\n".join(rows)).articles]
    assert kinds == ["article", "photo"]


def test_a_line_squeezing_two_marks_past_a_wide_column_stays_in_it() -> None:
    rows = [FILLER[:34], FILLER[:34], FILLER[:34] + "。”", FILLER[:36] + "，", FILLER[:20] + "。"]
    blocks = group_blocks(split_lines("\n".join(rows))[0])
    assert [len(b.lines) for b in blocks] == [5]


def test_a_title_glued_over_the_first_body_of_the_page_is_split_off() -> None:
    # Nothing above the page's first text runs into it: a short line there that neither
    # fills the column nor sits at its first-line width is the first article's title.
    text = (
        "某报  2024年5月1日  星期三  第3版\n\n"
        "老街改造让居民住得更舒心\n"
        "去年以来，老街改造工程稳步推进，街巷面貌焕然一新，\n"
        "居民对改造成效普遍满意，纷纷点赞。改造首先从拆除违章\n"
        "搭建入手，腾出的空间建成了口袋公园和停车位，方便了周\n"
        "边居民出行和休闲，也让老街重新热闹起来。\n"
    )
    (article,) = parse_text(text).articles
    assert article.headline == "老街改造让居民住得更舒心"
    assert article.paragraphs[0].startswith("去年以来")


def test_the_first_line_of_a_page_at_the_column_width_stays_body() -> None:
    text = (
        "某报  2024年5月1日  星期三  第3版\n\n"
        "去年以来老街改造工程稳步推进街巷面貌焕然一新居民对改\n"
        "造成效普遍满意，纷纷点赞。改造首先从拆除违章搭建入手，\n"
        "腾出的空间建成了口袋公园和停车位，方便了周边居民出行\n"
        "和休闲，也让老街重新热闹起来。\n"
    )
    (article,) = parse_text(text).articles
    assert article.headline == ""
    assert article.paragraphs[0].startswith("去年以来")


OLD_STREET = (
    "老街改造工程稳步推进，街巷面貌焕然一新，居民对改造成效\n"
    "普遍满意，纷纷点赞。改造首先从拆除违章搭建入手，腾出\n"
    "的空间建成了口袋公园和停车位，方便了周边居民出行和休\n"
    "闲。社区还请来设计师，和居民一起商量老房子的外立面怎\n"
    "么修，青砖黛瓦的老味道保留了下来，弄堂里又热闹起来。\n"
)
HARBOUR = (
    "今年一季度，港口集装箱吞吐量达到三百万标箱，同比增长\n"
    "一成二，航线新开八条，货主订单持续增加，运力偏紧。码\n"
    "头工人三班倒，桥吊昼夜不停，堆场周转效率提高了两成。\n"
    "海关推出提前申报、两步申报等便利措施，船舶在港时间缩\n"
    "短到一天以内，外贸企业的物流成本随之下降。\n"
)


def test_the_headline_a_lead_in_announces_goes_with_it_whatever_its_punctuation() -> None:
    # the run of title lines does not stop at the headline's comma: the lead-in above it
    # announces a title
    text = (
        f"老街改造让居民住得更舒心\n\n{OLD_STREET}\n"
        f"港口一季度吞吐量创新高——\n“订单排到了六月，真忙！”\n\n{HARBOUR}"
    )
    articles = parse_text(text).articles
    assert [(a.kicker, a.headline) for a in articles][-1] == (
        "港口一季度吞吐量创新高——",
        "“订单排到了六月，真忙！”",
    )
    assert articles[-1].paragraphs[0].startswith("今年一季度")


def test_title_lines_glued_after_a_column_break_are_measured_against_the_text_above() -> None:
    # the report's last column holds two lines under a column break (the sentence above
    # runs on into them); the next report's title is glued under them, and its body is set
    # two em wider: the column of the text above the break is the first report's column
    lines = [
        "数据资产化提速 数据保险站上风口",
        "",
        "近日，国家数据局发布通知，推进行业高质量数据集建",
        "设，企业数据资产化进程明显提速，数据保险等新业务",
        "随之站上风口，多家险企加快布局相关产品。市场人士",
        "认为，企业数据资产的价值正在被重新认识，数据交易",
        "平台和供需双方对风险保障的需求不断增加，保险业可",
        "探索数据合规责任险，以覆盖企业因数据泄露或隐私受",
        "",
        "罚而产生的财务损失。",
        "金刚石散热：“概念炒作”还是",
        "“量产前夜”",
        "近期，金刚石散热相关概念股股价大幅上涨，市场人士认为，",
        "企业对高端散热材料的需求不断增加，数据中心和芯片企",
        "业的散热问题日益突出，相关企业加快布局，产业化进程明",
        "显提速，但业内人士也提醒投资者，企业的量产能力和市场",
        "需求仍有待观察，不宜盲目追高。",
    ]
    articles = parse_text("\n".join(lines)).articles
    assert [a.headline for a in articles] == [
        "数据资产化提速 数据保险站上风口",
        "金刚石散热：“概念炒作”还是“量产前夜”",
    ]
    assert articles[0].paragraphs[-1].endswith("受罚而产生的财务损失。")


def test_a_headline_glued_with_its_subtitle_between_two_texts_is_split_off() -> None:
    # titles set under their body, extracted with no blank lines: the subtitle line under
    # the short headline line makes the two a title stack, though the texts on both sides
    # speak of the same things in the same column width
    lines = [
        "各地文化和旅游部门持续推进文明旅游工作，从人群全覆",
        "盖、内容全覆盖等方面全方位强化文明旅游服务和引导，",
        "积极推动行业企业、景区景点将文明旅游要求落地落实，",
        "发挥制度法规对文明旅游的促进和保障作用。",
        "让文明出游成为最好的风景",
        "——二〇一九年各地各部门推进文明旅游工作综述",
        "暑期旅游旺季到来，各地景区景点游客明显增多。文化和",
        "旅游部门提醒游客文明出游，景区景点加强引导，各地文",
        "明旅游志愿服务队伍活跃在旅游一线，文明旅游蔚然成风。",
    ]
    blocks = group_blocks(split_lines("\n".join(lines))[0])
    titles = [block for block in blocks if block.rule == TITLE_SPLIT_RULE]
    assert [[line.text for line in block.lines] for block in titles] == [lines[4:6]]


def test_list_items_opening_with_a_dash_stay_in_their_text() -> None:
    lines = [
        "今年发展的主要预期目标是：国内生产总值增长百分之五左右，",
        "城镇新增就业一千二百万人以上，居民收入增长和经济增长同步。",
        "主要任务",
        "——坚持创新驱动发展，加快建设现代化产业体系，推动产业结构",
        "优化升级，培育壮大新兴产业和未来产业；",
        "——坚持扩大内需战略，着力扩大有效投资，稳定和扩大消费；",
        "——坚持深化改革开放，持续优化营商环境，激发经营主体活力。",
    ]
    blocks = group_blocks(split_lines("\n".join(lines))[0])
    assert not any(block.rule == TITLE_SPLIT_RULE for block in blocks)


def test_a_line_filling_the_column_over_the_end_of_its_sentence_is_no_glued_title() -> None:
    # an interview's question wraps with no punctuation in its full first line; the answers
    # on its two sides speak of different things (the topic change would otherwise split a
    # title-shaped line off)
    lines = [
        "食”。昨天，3000份新民晚报也送",
        "进了新国际博览中心集中隔离收治",
        "点。所以到现在，病人在方方面面",
        "还是比较认可的。",
        "　　接下来，新国际博览中心集中",
        "隔离收治点将稳步推进，真正做到",
        "“应隔尽隔”“应收尽收”的基本",
        "原则。",
        "　　问：新国际博览中心集中隔离",
        "收治点设计床位超过1.5万张，是",
        "目前上海规模最大的集中隔离点。",
        "这给管理和运营上带来哪些困难和",
        "挑战？",
        "　　答：收治点的场地非常大，收",
        "治的患者数量也很多。这里有包括",
        "瑞金医院、上海市第十人民医院、",
        "上海市第六人民医院、龙华医院、",
        "曙光医院、岳阳医院、上海市肺科",
        "医院、上海市胸科医院、五官科医",
        "院以及杨浦区中心医院这十家医院",
        "的医疗队进驻，工作量非常之大。",
        "　　在院感管理上，首先在硬件建",
        "设上尽量做到完美，符合院感防控",
        "的装备要求、流程要求和技术要求；",
        "其次，努力在人员意识上加强培训，",
        "尤其是没有医学背景的第三方工作",
        "人员和志愿者等，要通过培训提高",
        "他们对院感重要性的认识，同时也",
        "在院感技能上有提升。",
    ]
    blocks = group_blocks(split_lines("\n".join(lines))[0])
    assert not any(block.rule == TITLE_SPLIT_RULE for block in blocks)
