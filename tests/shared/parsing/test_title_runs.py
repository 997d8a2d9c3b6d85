"""Title or body for short blocks between a body and the next article: closing questions,
question kickers, and question lines glued under a body."""

from __future__ import annotations

from shared.parsing import parse_text
from tests.support.title_blocks import BODY, roles_of


def test_a_closing_question_wrapped_at_the_column_is_body_not_a_kicker() -> None:
    # the question's first line is as wide as the column's indented first line: it wrapped
    # at the body's measure, and its short last line is only a paragraph's end
    lines = [
        *BODY,
        "",
        "还是那句话：冬天已到，春天还会",
        "远吗？",
        "",
        "江苏探索科技成果高效转化应用新途径",
        "",
        "本报讯（记者 田博）在没有定位信号的受限环境中，无人机如何智能辨识方向？",
    ]
    assert roles_of(lines) == ["body", "body", "title", "body"]


def test_a_title_wrapped_short_of_the_column_stays_a_title() -> None:
    lines = [
        *BODY,
        "",
        "江苏探索科技成果高效",
        "转化应用新途径",
        "",
        "本报讯（记者 田博）在没有定位信号的受限环境中，无人机如何智能辨识方向？",
    ]
    assert roles_of(lines) == ["body", "title", "body"]


# A body set wider than its titles: a one-line title fits neither its full nor its
# indented first-line width.
WIDE_BODY = [
    "市委统战部将“五大行动”作为全年工作重中",
    "之重，纳入市委统战工作领导小组和市委统战部年度",
    "工作要点、纳入重要议事日程和考核督查重要内容，",
    "定期听取工作汇报，研究解决重点难点问题。",
]


def test_of_two_question_or_exclamation_blocks_the_first_closes_the_body_above() -> None:
    # titles set after their body: a title stack asks or exclaims once, so the question
    # next to the body is the body's closing paragraph, the exclamation its headline
    lines = [
        *WIDE_BODY,
        "",
        "还是那句话：冬天已到，春天还会远吗？",
        "",
        "不必恐慌，春天临近了！",
        "",
        "一季度沪深股市出现大幅调整",
        "",
        "本报讯（记者 田博）在没有定位信号的受限环境中，无人机如何智能辨识方向？",
    ]
    assert roles_of(lines) == ["body", "body", "title", "title", "body"]


def test_a_question_kicker_over_a_plain_headline_stays_a_title() -> None:
    lines = [
        *WIDE_BODY,
        "",
        "成人感染被转运，孩子谁来照顾？",
        "",
        "“儿童督导员”“儿童主任”上线了",
        "",
        "本报讯（记者 田博）在没有定位信号的受限环境中，无人机如何智能辨识方向？",
    ]
    assert roles_of(lines) == ["body", "title", "title", "body"]


def test_a_question_line_glued_under_a_body_over_a_title_box_and_a_byline_is_a_title() -> None:
    # titles after their body, extracted without a blank line under it: nothing of a body
    # stands between its end and the next article's byline but title lines
    articles = parse_text(
        "\n".join(
            [
                "本报讯（记者 左妍）方舱，出院！上海首个收治新冠肺炎轻症",
                "患者的方舱医院昨天送走首批出院者，他们已在这里度过十多",
                "天。郑军华希望告诉大家的是，隔离是暂时的，只要大家能够",
                "配合防控策略，很快就可以回家了。",
                "“我战胜了病毒！我要出院了！”",
                "",
                "世博方舱医院今天起分批送走符合条件的出院者",
                "",
                "■ 本报记者 连建明",
                "",
                "今年以来，沪深股市出现大幅调整，上证指数一季度最大跌幅超过",
                "百分之十六，市场情绪一度低迷。",
            ]
        )
    ).articles
    assert articles[0].paragraphs[-1].endswith("很快就可以回家了。")
    assert {articles[0].kicker, articles[0].headline} == {
        "世博方舱医院今天起分批送走符合条件的出院者",
        "“我战胜了病毒！我要出院了！”",
    }


def test_a_title_between_bodies_of_two_column_widths_is_a_title() -> None:
    # the line is as wide as the narrow column's indented first line, but the text under it
    # runs at another width: an article keeps its column, so the line opens another one
    lines = [
        "基准门站价格为基础适当下浮，尽可能降低",
        "价格水平。二是对化肥等涉农生产且受疫情",
        "影响大的行业给予更加优惠的供气价格。三",
        "是对价格已放开的非居民用气，鼓励上游供",
        "予更大的价格优惠。",
        "",
        "保障供应，大型商超拿起数字化工具",
        "",
        "家乐福古北店店长张瑞卿，已经在店里住了两个多月。这段",
        "",
        "时间，他的手机几乎二十四小时不离手，处理订单、回复信息，还有",
        "因手机号对外公布后接不完的电话。疫情期间，保供只能通过线上进",
        "行，不仅仅是家乐福，永辉、联华等大型超市都通过这场实战找到了",
        "实用的数字化工具。",
    ]
    assert roles_of(lines) == ["body", "title", "body", "body"]


def test_a_column_piece_of_the_text_under_a_width_change_stays_body() -> None:
    # the one-line piece fills the indented first line of the wider column under it: it
    # opens that text's paragraph, cut off by a column break
    lines = [
        "基准门站价格为基础适当下浮，尽可能降低",
        "价格水平。二是对化肥等涉农生产且受疫情",
        "影响大的行业给予更加优惠的供气价格。三",
        "是对价格已放开的非居民用气，鼓励上游供",
        "予更大的价格优惠。",
        "",
        "家乐福古北店店长张瑞卿，已经在店里住了两个",
        "",
        "多月。这段时间，他的手机几乎二十四小时不离手，",
        "处理订单、回复信息，还有因手机号对外公布后接不完",
        "的电话。疫情期间，保供只能通过线上进行，不仅仅是",
        "家乐福，永辉、联华等大型超市都通过这场实战找到了",
        "实用的数字化工具。",
    ]
    assert roles_of(lines) == ["body", "body", "body"]


def test_a_run_between_a_body_and_a_dateline_holds_a_title() -> None:
    # both lines fit the column and read as a paragraph cut by a column break, but then one
    # of the two articles would go without a title (titles over or under their bodies)
    lines = [
        "快速开展应急处置和帮扶服务。对",
        "于适合居家的未成年人，要协助尽",
        "快确定合适的照料人并安排临时生",
        "确保孩子处于有效监护的状态。",
        "",
        "“儿童督导员”“儿童主任”上线了",
        "",
        "成人感染被转运，孩子谁来照顾？",
        "",
        "本报北京2月12日电（唐维红、",
        "张晓赫）2月11日，14位来自生",
        "活服务业的企业家来到人民网。",
    ]
    assert roles_of(lines) == ["body", "title", "title", "body"]


def test_a_lead_in_and_its_headline_glued_under_a_body_over_a_dateline_are_titles() -> None:
    # no blank lines around the titles: the lead-in (…——) announces the headline under it,
    # which may hold a comma and exclaim; the dateline under them opens the next article
    articles = parse_text(
        "\n".join(
            [
                "本报讯（记者 左妍）打赢防疫战的决心哪里来？那是万众汇聚的",
                "信心。队员李雯静在日记中写道：“有一颗心，叫万众一",
                "心！”",
                "广东累计向湖北派出医疗队员22批2424人——",
                "“有你们来，才有我们的今天！”",
                "本报北京5月18日电（记者刘硕阳）当地时间16日，国际奥委会",
                "与世界卫生组织在瑞士日内瓦签署谅解备忘录。",
            ]
        )
    ).articles
    assert articles[0].paragraphs[-1].endswith("叫万众一心！”")
    titled = [a for a in articles if a.headline == "“有你们来，才有我们的今天！”"]
    assert len(titled) == 1
    assert titled[0].kicker == "广东累计向湖北派出医疗队员22批2424人——"


def test_a_question_kicker_under_its_headline_at_the_page_end_is_a_title() -> None:
    # titles set under their body, the last article of the page: between the headline and
    # the page end only title lines stand
    lines = [
        "餐和配送生活物资等。很多“老伙伴计划”志愿者与结对关爱对",
        "象每天通一个电话，通过“远程陪伴”，提供关心关爱。（下转第2版）",
        "",
        "“儿童督导员”“儿童主任”上线了",
        "",
        "成人感染被转运，孩子谁来照顾？",
    ]
    assert roles_of(lines)[-2:] == ["title", "title"]


def test_a_byline_closing_an_article_over_the_next_ones_title_and_dateline() -> None:
    # some papers credit the reporter under the text; the next article is credited in its
    # own dateline, so its title is no body of the byline above it
    for gap in ([], [""]):
        articles = parse_text(
            "\n".join(
                [
                    "周冠宇接受专访谈F1",
                    "",
                    "　　周冠宇表示，这是自己职业生涯中最难忘的",
                    "一站比赛，车队的表现也给了大家很多惊喜。",
                    *gap,
                    "本报记者  陆玮鑫",
                    "",
                    "口袋公园方便群众",
                    "",
                    "本报讯（记者 李四）我市新建口袋公园二十",
                    "处，方便群众就近休闲。",
                ]
            )
        ).articles
        assert [(a.headline, a.reporters) for a in articles] == [
            ("周冠宇接受专访谈F1", ["陆玮鑫"]),
            ("口袋公园方便群众", ["李四"]),
        ]
        assert articles[0].paragraphs == [
            "周冠宇表示，这是自己职业生涯中最难忘的一站比赛，车队的表现也给了大家很多惊喜。"
        ]


# A closed report on one topic, and the opening of a report on another under a title run.
FOREIGN_AFFAIRS = [
    "愿同中方落实好两国元首共识，加快共建“一",
    "带一路”。文方重申坚持一个中国政策，愿与",
    "中方一道积极推进“南海行为准则”磋商，共",
    "同维护好南海地区和平稳定。",
    "",
    "双方还就东亚区域合作、中国—东盟东部",
    "增长区等议题深入交换了意见。",
]
STOCKS_DATELINE = (
    "本报讯（记者 连建明）今年第一季度，沪深股市出现大幅调整，各机构普遍认为目前A股"
    "进入底部区域。因此，不必恐慌，春天必然会来。"
)


def test_an_exclamation_over_the_rest_of_a_title_run_is_a_title() -> None:
    # a one-line exclamation between a closed body and a kicker over a dateline: a headline
    # set above its kicker, not the closing line of the report above
    lines = [
        *FOREIGN_AFFAIRS,
        "",
        "不必恐慌，春天临近了！",
        "",
        "一季度沪深股市出现大幅调整",
        "",
        STOCKS_DATELINE,
    ]
    assert roles_of(lines) == ["body", "body", "title", "title", "body"]


def test_a_question_in_the_words_of_the_body_above_over_another_reports_title_is_body() -> None:
    # the question speaks of the body above it (冬天, 春天, 底部), the title under it of the
    # report under that (疫情防控): the question closes the body above
    lines = [
        "我们正在迎来一个大波段的底部区域，大底部对应大机会，",
        "但走出大底的过程往往是波折的。冬天过后，春天总会到来，",
        "历史上每一次底部都是如此。熬过冬天，就能等到春天。",
        "",
        "还是那句话：冬天已到，春天还会远吗？",
        "",
        "更高效统筹疫情防控和经济社会发展",
        "",
        "本报讯 连日来，市委、市政府每天晚上召开市新冠肺炎疫情防控工作例会，就做好"
        "常态化疫情防控重点工作、统筹经济社会发展进行再部署再压实。",
    ]
    assert roles_of(lines) == ["body", "body", "title", "body"]


def test_a_headline_closing_with_a_column_tag_opens_an_article_without_a_dateline() -> None:
    # the tag in parentheses (经济聚焦·农田里的新鲜事) closes a headline, never a paragraph:
    # the wrapped headline with a comma in it is no column fragment nor a subhead
    lines = [
        "民有所呼，我有所应。“百姓认可，是",
        "对我们最大的鼓励。”在刘莉沙看来，这是",
        "她最大的荣誉和担当。",
        "",
        "给黑土地做体检，施肥更精细（经济聚焦",
        "·农田里的新鲜事）",
        "",
        "午后，齐北松和李克东行走在吉林省",
        "",
        "长春市农安县田间，察看玉米新苗长势。",
        "“今年咱也按着新方法来施肥。根据",
        "变量施肥技术体系，施肥量因地制宜，苗",
        "情还不错。”李克东是隆源农业服务有限",
        "公司农机部门负责人。",
    ]
    assert roles_of(lines) == ["body", "title", "body", "body"]
    articles = parse_text("\n".join(lines)).articles
    assert len(articles) == 2
    assert articles[1].paragraphs[0].startswith("午后，齐北松和李克东")


def test_a_short_parenthesis_closing_a_column_fragment_is_no_column_tag() -> None:
    lines = [
        *BODY,
        "",
        "由于新冠疫情原因，根据国际航班的",
        "隔离要求，这位患者在刚果（布）",
        "",
        "先接受了21天隔离，转机至埃塞俄比亚后",
        "再飞抵上海，随即被送往医院接受治疗。",
    ]
    assert roles_of(lines) == ["body", "body", "body"]
