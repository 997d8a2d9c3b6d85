"""Assigning blocks to articles: title positions, photos, subheads, second datelines."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text
from shared.parsing.articles import _page_text_beside
from shared.parsing.block import Block
from shared.parsing.lines import split_lines
from shared.parsing.opening_titles import (
    extend_title_with_opening_paragraph,
    split_opening_title_paragraph,
)
from shared.parsing.units import Item, TitleGroup, Unit
from shared.parsing.wrapping import HARD_WRAPPED, Layout


def parse(*lines: str) -> list[ParsedArticle]:
    return parse_text("\n".join(lines)).articles


BODY_A = [
    "本报讯（记者 朱海波 通讯员 郭凌鹤）7月1日，市委统战",
    "部召开上半年重点工作调度会，总结盘点",
    "“五大行动”进展情况，安排部署任务。",
]
BODY_B = [
    "本报讯（记者 苑莘）记者7月10日从聊城市农业农",
    "村局了解到，为确保广大群众吃上安全的",
    "肉蛋产品，我市扎实做好各项工作。",
]


def test_titles_after_their_body() -> None:
    articles = parse(
        *BODY_A,
        "",
        "我市构建工作体系",
        "",
        *BODY_B,
        "",
        "上半年抽检280批次，合格率100%",
        "",
        "我市加强畜产品质量安全监管",
    )
    assert [a.headline for a in articles] == ["我市构建工作体系", "我市加强畜产品质量安全监管"]
    assert articles[1].kicker == "上半年抽检280批次，合格率100%"
    assert articles[0].reporters == ["朱海波"]
    assert articles[0].correspondents == ["郭凌鹤"]
    assert articles[0].dateline == "本报讯"
    assert articles[0].paragraphs == [
        "7月1日，市委统战部召开上半年重点工作调度会，总结盘点“五大行动”进展情况，安排部署任务。"
    ]


def test_titles_before_their_body() -> None:
    articles = parse(
        "我市构建工作体系",
        "——全市统一战线服务强市",
        "",
        *BODY_A,
        "",
        "多地降雪量突破历史极值",
        "",
        "暴雪预警升级为黄色",
        "",
        *BODY_B,
    )
    assert [(a.kicker, a.headline, a.subtitle) for a in articles] == [
        ("", "我市构建工作体系", "全市统一战线服务强市"),
        ("多地降雪量突破历史极值", "暴雪预警升级为黄色", ""),
    ]


def test_byline_lines_go_to_names_and_leave_the_body() -> None:
    articles = parse(
        "深耕廉洁沃土 构筑清廉矩阵",
        "",
        "■ 本 报 记 者 王培源 李政哲",
        "本报通讯员 李正一",
        "实习生 赵一",
        "",
        "茌平区坚持因地制宜、统筹谋划，推",
        "动构建廉洁文化阵地体系。",
    )
    assert len(articles) == 1
    article = articles[0]
    assert article.reporters == ["王培源", "李政哲", "赵一"]
    assert article.correspondents == ["李正一"]
    assert article.paragraphs == ["茌平区坚持因地制宜、统筹谋划，推动构建廉洁文化阵地体系。"]
    assert "王培源" in article.byline


def test_photo_caption_with_credit() -> None:
    articles = parse(
        *BODY_A,
        "",
        "我市构建工作体系",
        "",
        "7月8日，工人在生产车间进行设备巡检。（本报记者 许金松 摄）",
    )
    photo = articles[1]
    assert photo.kind == "photo"
    assert photo.headline == ""
    assert photo.reporters == ["许金松"]
    assert photo.paragraphs == ["7月8日，工人在生产车间进行设备巡检。"]


def test_a_second_dateline_without_title_stays_in_the_article() -> None:
    articles = parse(
        "习近平抵达内比都",
        "",
        "本报内比都1月17日电（记者孙广勇）国家主席习近平",
        "乘专机抵达内比都国际机场。",
        "本报北京1月17日电 国家主席习近平17日乘专机",
        "离开北京，应邀进行国事访问。",
    )
    assert len(articles) == 1
    assert len(articles[0].paragraphs) == 2
    assert articles[0].paragraphs[1].startswith("本报北京1月17日电")


# An article with a subhead (“金刚石散热元年”) between its paragraphs; its last line follows.
DIAMOND_HEAT_OPENING = (
    "金刚石散热：“概念炒作”还是“量产前夜”",
    "",
    "■ 本报记者 杨笑寒",
    "",
    "近期，金刚石散热相关概念股股价大幅上涨。",
    "",
    "“金刚石散热元年”",
    "",
    "“如果按初期半导体散热设备500亿元市场规模，金",
)


def test_subheads_stay_inside_their_article() -> None:
    articles = parse(*DIAMOND_HEAT_OPENING, "刚石散热片占比达到一定比例。”")
    assert len(articles) == 1
    assert articles[0].paragraphs == [
        "近期，金刚石散热相关概念股股价大幅上涨。",
        "“金刚石散热元年”",
        "“如果按初期半导体散热设备500亿元市场规模，金刚石散热片占比达到一定比例。”",
    ]


def test_a_title_without_body_is_kept_as_an_article() -> None:
    articles = parse("孤立的标题")
    assert [(a.headline, a.paragraphs) for a in articles] == [("孤立的标题", [])]


def test_articles_are_in_page_order_with_pages() -> None:
    document = parse_text(
        "\n".join([*BODY_A, "", "第一篇"]) + "\f" + "\n".join([*BODY_B, "", "第二篇"])
    )
    assert [(a.headline, a.page) for a in document.articles] == [("第一篇", 1), ("第二篇", 2)]
    assert [p.number for p in document.pages] == [1, 2]


def test_titles_without_blank_lines_around_them() -> None:
    articles = parse(
        "■ 本报记者 王培源",
        "茌平区坚持因地制宜、统筹谋划，推",
        "动构建廉洁文化阵地体系。",
        "深耕廉洁沃土 构筑清廉矩阵",
        "本报讯（记者 苑莘）记者7月10日从聊城市农业农",
        "村局了解到，我市扎实做好各项工作。",
        "我市加强畜产品质量安全监管",
    )
    assert [(a.headline, a.reporters) for a in articles] == [
        ("深耕廉洁沃土 构筑清廉矩阵", ["王培源"]),
        ("我市加强畜产品质量安全监管", ["苑莘"]),
    ]


def test_a_caption_glued_to_a_body_is_split_off_by_its_width() -> None:
    caption = "7月8日，山东金蔡伦纸业有限公司工人在生产车间进行设备巡检。作为国内最早的企业。"
    articles = parse(*BODY_A, "我市构建工作体系", caption + " ■ 本报记者 许金松")
    assert [a.kind for a in articles] == ["article", "photo"]
    assert articles[0].headline == "我市构建工作体系"
    assert articles[1].paragraphs == [caption]


def test_a_question_headline_glued_above_a_byline_is_a_title() -> None:
    articles = parse(
        "我市构建工作体系",
        *BODY_A,
        "商圈如何接住世界杯流量？",
        "■ 记者 侯国",
        "北京时间6月12日凌晨，世界杯正式开赛。赛事启幕",
        "前，餐饮门店上架专属观赛套餐。",
    )
    assert [a.headline for a in articles] == ["我市构建工作体系", "商圈如何接住世界杯流量？"]
    assert articles[1].reporters == ["侯国"]
    assert articles[1].paragraphs[0].startswith("北京时间")


def test_a_photo_credit_wrapped_onto_its_own_line_stays_with_the_caption() -> None:
    articles = parse(
        "6日白天，青海东北部、甘肃东部、陕西中部、山西南部、内蒙古东部、河北南部出现小雪，",
        "内蒙古通辽等局地出现中雪；安徽北部、湖北西部和东北部出现中雨。 ■ 本报",
        "记者 贾明娟",
        "",
        "暴雪预警升级",
        "",
        *BODY_B,
    )
    photo = articles[0]
    assert photo.kind == "photo"
    assert photo.reporters == ["贾明娟"]
    assert articles[1].headline == "暴雪预警升级"


def test_a_follower_with_only_a_forward_marker_does_not_open_an_article() -> None:
    # the 下转 marker closes the piece after the subhead: it still reads as the same article
    articles = parse(*DIAMOND_HEAT_OPENING, "刚石散热片占比达到一定比例。”（下转第2版）")
    assert len(articles) == 1
    assert articles[0].continued_to == "下转第2版"
    assert articles[0].paragraphs[1] == "“金刚石散热元年”"


KEPT_INDENT_BODY = [
    "　　今年以来，聊城市委统战部坚持一体化统",
    "筹、平台化实施、品牌化打造，构建高效运转",
    "工作体系。",
    "　　市委统战部将“五大行动”作为全年工作",
    "重中之重，纳入市委统战工作领导小组年度工",
    "作要点。",
]


def test_an_indented_line_on_a_page_that_keeps_indents_is_a_subhead_not_a_title() -> None:
    articles = parse(
        "我市构建高效运转工作体系",
        "",
        "■ 本报记者 王培源",
        "",
        *KEPT_INDENT_BODY,
        "",
        "　　将心比心 和群众以心换心",
        "",
        "　　嘉定区江桥镇信访办主任唐月华从4月4日",
        "起就奋战在密接转运一线，如今终于可以喘口",
        "气了。",
    )
    assert len(articles) == 1
    assert "将心比心 和群众以心换心" in articles[0].paragraphs


def test_an_unindented_title_on_a_page_that_keeps_indents_is_not_a_subhead() -> None:
    # titles after their bodies: the second title closes an article that has no byline
    articles = parse(
        *KEPT_INDENT_BODY,
        "",
        "我市构建高效运转工作体系",
        "",
        "　　昨天举行的新闻发布会传出消息，综合考虑",
        "疫情防控形势和学校复学前的准备工作进展，",
        "全市高三年级学生从6月6日起返校复学。",
        "　　幼儿园、托儿所等不再安排返园，居家照",
        "护确有困难家庭的学生可以申请到校到园。",
        "",
        "高三学生6月6日起返校",
    )
    assert [a.headline for a in articles] == ["我市构建高效运转工作体系", "高三学生6月6日起返校"]


def test_a_title_glued_between_paragraphs_on_a_page_that_keeps_indents() -> None:
    articles = parse(
        *KEPT_INDENT_BODY,
        "我市构建高效运转工作体系",
        "　　昨天举行的新闻发布会传出消息，综合考虑",
        "疫情防控形势和学校复学前的准备工作进展，",
        "全市高三年级学生从6月6日起返校复学。",
        "　　幼儿园、托儿所等不再安排返园，居家照",
        "护确有困难家庭的学生可以申请到校到园。",
        "高三学生6月6日起返校",
    )
    assert [a.headline for a in articles] == ["我市构建高效运转工作体系", "高三学生6月6日起返校"]
    assert len(articles[0].paragraphs) == 2


def _fixture_body(article_id: str, first: int, last: int) -> list[str]:
    """Paragraphs ``first``..``last`` of a fixture article wrapped at 20 em, a blank line
    between paragraphs (no dateline, no byline)."""
    from tests.support.page_simulator import load_sample_articles, wrap

    source = next(a for a in load_sample_articles() if a["id"] == article_id)
    lines: list[str] = []
    for paragraph in source["paragraphs"][first : last + 1]:
        lines += [*([""] if lines else []), *wrap(paragraph, 20)]
    return lines


FARMLAND = "zhnews-004"  # 耕地保护督察: seven paragraphs
DIAMOND = "zhnews-105"  # 金刚石散热: a feature with subheads


def test_a_title_between_bodies_on_different_topics_opens_an_article() -> None:
    # neither body opens with a dateline or a byline: only the topic tells a headline from
    # a subhead
    articles = parse(
        "全国违法违规占用耕地逾百万亩",
        "",
        *_fixture_body(FARMLAND, 1, 4),
        "",
        "金刚石散热：“概念炒作”还是“量产前夜”",
        "",
        *_fixture_body(DIAMOND, 0, 1),
    )
    assert [a.headline for a in articles] == [
        "全国违法违规占用耕地逾百万亩",
        "金刚石散热：“概念炒作”还是“量产前夜”",
    ]


def test_a_subhead_between_parts_on_one_topic_stays_inside() -> None:
    articles = parse(
        "金刚石散热：“概念炒作”还是“量产前夜”",
        "",
        *_fixture_body(DIAMOND, 0, 1),
        "",
        "“金刚石散热元年”",
        "",
        *_fixture_body(DIAMOND, 3, 5),
    )
    assert len(articles) == 1
    assert "“金刚石散热元年”" in articles[0].paragraphs


def test_titles_glued_into_the_body_without_blank_lines_are_split_off_by_topic() -> None:
    def glued(article_id: str, first: int, last: int) -> list[str]:
        return [line for line in _fixture_body(article_id, first, last) if line]

    articles = parse(
        *glued(FARMLAND, 1, 4),
        "全国违法违规占用耕地逾百万亩",
        "金刚石散热：“概念炒作”还是“量产前夜”",
        *glued(DIAMOND, 0, 1),
    )
    assert len(articles) == 2
    assert articles[0].paragraphs[-1].endswith("涉及9.49万亩。")
    assert articles[1].paragraphs[0].startswith("近期，金刚石散热相关概念股")
    # which article each title line belongs to cannot be told without a blank line or type
    # sizes; the lines are kept as titles, not as body text
    titles = "".join(a.kicker + a.headline + a.subtitle for a in articles)
    assert "全国违法违规占用耕地逾百万亩" in titles
    assert "金刚石散热：“概念炒作”还是“量产前夜”" in titles


def test_indents_of_another_article_do_not_decide_a_subhead() -> None:
    # the page carries an indented part of an article continued from a page that kept
    # indents; the article below sets no indents, so its subhead is read by its shape
    articles = parse(
        "（上接第1版）",
        "　　会议要求，各单位要抓好落实，确保各项",
        "任务按期完成。",
        "　　会议还对下半年工作作出部署。",
        "",
        "全国违法违规占用耕地逾百万亩",
        "",
        "本报讯（记者 常钦）自然资源部19日举行新闻发布会，通报",
        "2019年耕地保护督察结果。",
        "",
        "补充耕地数量不实",
        "",
        "发现全国28个省份部分项目补充耕地数量不实，涉及",
        "16.98万亩。",
    )
    host = next(a for a in articles if any("发现全国28个省份" in p for p in a.paragraphs))
    assert "补充耕地数量不实" in host.paragraphs
    assert "补充耕地数量不实" not in [a.headline for a in articles]


def test_a_question_headline_glued_under_its_body_at_the_page_end_is_the_title() -> None:
    # titles stand after their body on this page; the last article's title was extracted
    # without a blank line, and every article has a title
    articles = parse(
        "■ 本报记者 王培源",
        "",
        "一" * 16,
        "一" * 6 + "。",
        "",
        "第一篇文章的标题",
        "",
        "■ 本报记者 李正一",
        "",
        "二" * 16,
        "二" * 16,
        "二" * 6 + "。",
        "商圈如何接住世界杯流量？",
    )
    assert [a.headline for a in articles] == ["第一篇文章的标题", "商圈如何接住世界杯流量？"]
    assert articles[1].paragraphs == ["二" * 38 + "。"]


def test_a_question_ending_a_titled_body_stays_a_paragraph() -> None:
    articles = parse(
        "第一篇文章的标题",
        "",
        "■ 本报记者 王培源",
        "",
        "一" * 16,
        "一" * 6 + "。",
        "商圈如何接住世界杯流量？",
    )
    assert articles[0].headline == "第一篇文章的标题"
    assert articles[0].paragraphs[-1] == "商圈如何接住世界杯流量？"


# An article's title, byline and first paragraph, for the subhead tests below.
OLD_STREET_OPENING = (
    "老街改造让居民住得更舒心",
    "",
    "■ 本报记者 李华",
    "",
    "去年以来，老街改造工程稳步推进，街巷面貌焕然一",
    "新，居民对改造成效普遍满意，纷纷点赞。",
    "",
)


def test_a_lone_lead_in_line_between_two_pieces_is_a_run_in_subhead() -> None:
    # ``…——`` introduces what follows; with no headline after it in its group it leads into
    # the next paragraph of the same article, like any subhead, and keeps its dashes.
    articles = parse(
        *OLD_STREET_OPENING,
        "拆违建，把公共空间还给居民——",
        "",
        "改造首先从拆除违章搭建入手，腾出的空间建成了口",
        "袋公园和停车位，方便了周边居民出行和休闲。",
    )
    assert len(articles) == 1
    assert articles[0].headline == "老街改造让居民住得更舒心"
    assert articles[0].paragraphs[1] == "拆违建，把公共空间还给居民——"
    assert len(articles[0].paragraphs) == 3


def test_a_lead_in_subhead_whose_dashes_wrapped_to_a_line_of_their_own_stays_one() -> None:
    articles = parse(
        *OLD_STREET_OPENING,
        "拆违建，把公共空间还给居民，让老街重新热闹起来了",
        "——",
        "",
        "改造首先从拆除违章搭建入手，腾出的空间建成了口",
        "袋公园和停车位，方便了周边居民出行和休闲。",
    )
    assert len(articles) == 1
    assert articles[0].paragraphs[1] == "拆违建，把公共空间还给居民，让老街重新热闹起来了——"


# A two-level subhead inside a feature: a short label over the subhead proper, in one box.
STACKED_SUBHEAD = [
    "世博方舱医院今天起分批送走出院者",
    "",
    "本报讯（记者 左妍）方舱，出院！上海首个收治新冠肺炎轻症患者",
    "的方舱医院今天起分批送走符合条件的出院者。王先生说这是他和病",
    "毒过招的又一次告捷；间隔24小时的两次核酸检测阴性，他已整理好",
    "个人物品，将由所在区安排车辆接回。“想家了，回去第一件事是洗个",
    "澡。”王先生向照顾他的医疗队致谢，他说目前家人都是核酸检测阴性。",
    "",
    "总指挥讲述",
    "困难肯定存在  我们一起努力",
    "",
    "王先生所在的世博方舱医院，截至昨天共收治7100多名轻症患者和",
    "无症状感染者，有本市5家三甲医院的医护部队进驻保障，这里已成",
    "立临时党委和临时党支部。方舱医院总指挥郑军华告诉记者，方舱医",
    "院面临着非常大的压力，隔离是暂时的，很快就可以回家了。",
]


def test_a_label_stacked_over_a_subhead_is_no_wrapped_headline() -> None:
    # 总指挥讲述 (5 em) over a 12 em line: a wrapped line is the wider one, so the two lines
    # were not wrapped at a headline's narrow measure; they are a subhead inside the column
    articles = parse(*STACKED_SUBHEAD)
    assert [a.headline for a in articles] == ["世博方舱医院今天起分批送走出院者"]
    assert articles[0].paragraphs[-1].startswith("王先生所在的世博方舱医院")


def test_a_label_stacked_over_a_subhead_is_a_paragraph_of_its_own() -> None:
    # the label is narrower than the line under it: two lines, not one subhead wrapped
    paragraphs = parse(*STACKED_SUBHEAD)[0].paragraphs
    assert paragraphs[1:3] == ["总指挥讲述", "困难肯定存在  我们一起努力"]


def test_an_editors_note_over_the_next_articles_title_opens_that_article() -> None:
    # titles set over their bodies: the note closing the interview's body introduces the
    # series whose first report follows, and is read as that report's opening
    articles = parse(
        "让群众办事更便捷",
        "",
        "本报记者 王芳",
        "",
        "记者：今年以来，市行政审批服务局在优化营商环境方面做了哪些工作？",
        "",
        "李华：我们围绕“高效办成一件事”，推出了一批集成服务事项。",
        "",
        "编者按：为展示各地发展成就，本报今起推出“走进县市区”专栏，敬请关注。",
        "",
        "阿胶之乡焕发新活力",
        "",
        "本报讯（记者 赵刚）近年来，东阿县依托阿胶产业优势，推动产业融合发展。",
    )
    assert [len(a.paragraphs) for a in articles] == [2, 2]
    assert articles[1].paragraphs[0].startswith("编者按：")
    assert (articles[1].dateline, articles[1].reporters) == ("本报讯", ["赵刚"])


# A report credited in its dateline.
_SUMMER_GRAIN = [
    "全国夏粮再获丰收",
    "",
    "新华社北京7月11日电（记者 于文静）国家统计局11日发布数据，2024年全国夏粮",
    "总产量14989万吨，比2023年增加363万吨，增长2.5%。",
]


def test_a_report_credited_at_its_end_apart_from_the_report_above_is_no_section_of_it() -> None:
    # a short wire report without a dateline under a report credited in its dateline: its
    # closing credit names another reporter, so its title is no subhead of the report above
    articles = parse(
        *_SUMMER_GRAIN,
        "",
        "中欧班列开行突破10万列",
        "",
        "中欧班列累计开行突破10万列，通达欧洲25个国家227个城市，成为共建“一带一路”",
        "的重要标志性成果。（据新华社北京7月11日电 记者 王悦阳）",
    )
    assert [(a.headline, a.reporters) for a in articles] == [
        ("全国夏粮再获丰收", ["于文静"]),
        ("中欧班列开行突破10万列", ["王悦阳"]),
    ]


def test_a_credit_closing_an_article_with_sections_names_its_own_reporter() -> None:
    articles = parse(
        *_SUMMER_GRAIN,
        "",
        "单产提高是增产主因",
        "",
        "夏粮增产主要得益于单产提高，今年全国夏粮单产每亩达到371.9公斤，比2023年",
        "增加8.6公斤，增长2.4%。（记者 于文静）",
    )
    assert len(articles) == 1
    assert "单产提高是增产主因" in articles[0].paragraphs


_CREDITED_REPORT = [
    "我市加强畜产品质量安全监管",
    "",
    "本报讯（记者 苑莘）记者7月10日从聊城市农业农村局了解到，上半年全市抽检畜产品280批次。",
    "",
]
_NEXT_REPORT = [
    "",
    "东昌府区跑出招商引资加速度",
    "",
    "本报讯（记者 苑莘）记者7月11日从东昌府区了解到，今年以来东昌府区积极开展招商引资活动。",
]


def test_a_caption_with_its_credit_under_a_report_credited_apart_is_a_photo() -> None:
    # the report names its reporter in its dateline; the credit under the short block below
    # names another: the block is a photo's caption, not the report's closing paragraph
    articles = parse(
        *_CREDITED_REPORT,
        "7月8日，山东金蔡伦纸业有限公司工人在生产车间进行设备调试。",
        "■ 本报记者 许金松",
        *_NEXT_REPORT,
    )
    assert [(a.kind, a.reporters, len(a.paragraphs)) for a in articles] == [
        ("article", ["苑莘"], 1),
        ("photo", ["许金松"], 1),
        ("article", ["苑莘"], 1),
    ]
    assert articles[1].paragraphs == ["7月8日，山东金蔡伦纸业有限公司工人在生产车间进行设备调试。"]


def test_a_byline_closing_a_report_credited_nowhere_else_stays_its_byline() -> None:
    articles = parse(
        "我市加强畜产品质量安全监管",
        "",
        "记者7月10日从聊城市农业农村局了解到，上半年全市抽检畜产品280批次。",
        "",
        "下一步，全市将继续加大抽检力度，确保畜产品质量安全。",
        "■ 本报记者 许金松",
        *_NEXT_REPORT,
    )
    assert [(a.kind, a.reporters, len(a.paragraphs)) for a in articles] == [
        ("article", ["许金松"], 2),
        ("article", ["苑莘"], 1),
    ]


def test_a_subhead_in_the_text_flow_over_quoted_questions_stays_inside() -> None:
    # pdftotext sets the subhead between two paragraphs with no blank line above or under
    # it; the quoted questions opening its section share few words with the paragraph
    # above, but the two pieces read whole speak of one thing: a subhead, not a title
    from tests.support.extracted_lines import set_in_measure
    from tests.support.page_simulator import load_sample_articles

    source = next(a for a in load_sample_articles() if a["id"] == "zhnews-052")

    def paragraph(text: str) -> list[str]:  # a 13-em column, the first line's indent dropped
        return [text[:11], *set_in_measure(text[11:], 13)]

    lines = [
        "发扬英模精神，助力打赢大上海保卫战",
        *paragraph("本报讯（记者 高玉 于霞）" + source["paragraphs"][0]),
        "筑牢疫情防控屏障",
    ]
    for text in source["paragraphs"][2:11]:
        lines += paragraph(text)
    articles = parse(*lines)
    assert [a.headline for a in articles] == ["发扬英模精神，助力打赢大上海保卫战"]
    assert articles[0].paragraphs[1] == "筑牢疫情防控屏障"


def _items_from_rows(rows: list[str]) -> list[Item]:
    """Page items built by hand: ``T…`` a title group, ``D…`` a unit opening with a
    dateline, ``U…`` a piece of body; an empty row is a blank line."""
    from shared.parsing.block import Block
    from shared.parsing.lines import split_lines
    from shared.parsing.units import TitleGroup, Unit

    (lines,) = split_lines("\n".join(rows))
    items: list[Item] = []
    for line in lines:
        if not line.text.strip():
            continue
        block = Block("text", [line], "text")
        if line.text.startswith("T"):
            items.append(TitleGroup(blocks=[block]))
        else:
            items.append(Unit(body=[block]))
    return items


def test_a_title_runs_into_the_text_it_stands_over() -> None:
    from shared.parsing.articles import assign_titles

    # each title runs into the dateline under it and is parted by a blank line from the
    # pieces of body above it (body cut off by a column break, titled elsewhere); the page
    # ends with a title whose body is on the next page.  Given upward, every title would
    # leave the text it runs into: they stand over their bodies, the last one alone
    rows = ["T1", "D1本报讯 甲。", "", "U1乙", "", "T2", "D2本报讯 丙。", "", "U2丁", "", "T3"]
    rows += ["D3本报讯 戊。", "", "U3己", "", "T4", "D4本报讯 庚。", "", "T5"]
    items = _items_from_rows(rows)
    assignment, _, direction = assign_titles(items)
    assert direction == "before"
    assert assignment == {0: 1, 3: 4, 6: 7, 9: 10}


# A report credited in its dateline, under its title; then text from the same beat
_BUS_HEAD = ("上海日报 2024年4月8日 星期一 第2版 要闻", "", "全市公交线路今起逐步恢复运营")
_BUS_REPORT = (
    "本报讯（记者 王敏）记者昨天从市交通委获悉，今起",
    "本市公交线路逐步恢复运营，首批恢复线路",
    "覆盖中心城区主要客流走廊，市民乘车须",
    "扫场所码并佩戴口罩，公交企业将加密车次。",
)
_PRESS_REPORT = (
    "本报讯（记者 李强）昨天举行的市疫情防控工",
    "作新闻发布会上，市交通委介绍，本市公交",
    "线路今起分批恢复运营，地铁全网恢复基本",
    "运行，市民乘车须扫场所码并佩戴口罩。",
)


def test_a_report_credited_apart_at_its_head_after_a_blank_line_opens_an_article() -> None:
    # the second dateline names another reporter and stands apart: another article, whose
    # title the page sets elsewhere, not a second dateline paragraph of the first
    articles = parse(*_BUS_HEAD, *_BUS_REPORT, "", *_PRESS_REPORT)
    assert [(a.headline, a.reporters) for a in articles] == [
        ("全市公交线路今起逐步恢复运营", ["王敏"]),
        ("", ["李强"]),
    ]


# A report set in three columns four lines deep (blank lines at the column breaks)
_BUS_REPORT_IN_COLUMNS = (
    "本报讯（记者 王敏）记者昨天从市交通委获悉，",
    "今起本市公交线路逐步恢复运营，首批恢复",
    "线路覆盖中心城区主要客流走廊，市民乘车",
    "须扫场所码并佩戴口罩，公交企业将根据客",
    "",
    "流变化加密车次，高峰时段发车间隔缩短至",
    "五分钟以内，夜间线路也将陆续恢复运营，",
    "市民出行前可通过手机应用查询实时到站信",
    "息，合理安排出行时间，避免在站台长时间",
    "",
    "聚集等候。市交通委表示，各公交企业已对",
    "全部运营车辆进行了全面消毒和安全检查，",
    "驾驶员和乘务员均已完成核酸检测和健康监",
    "测，确保运营安全有序。",
)


def test_a_second_report_at_the_top_of_the_next_column_stays_in_its_article() -> None:
    # the blank line over the second dateline falls where the column grid puts a column
    # break: it says nothing of where a report opens (a wire report and the paper's own
    # under one title, a column ending with the first)
    articles = parse(*_BUS_HEAD, *_BUS_REPORT_IN_COLUMNS, "", *_PRESS_REPORT)
    assert len(articles) == 1
    assert articles[0].paragraphs[-1].startswith("本报讯（记者 李强）")


def test_a_second_report_run_on_as_a_paragraph_stays_in_its_article() -> None:
    # no blank line: a wire report and the paper's own printed as one article's paragraphs
    articles = parse(*_BUS_HEAD, *_BUS_REPORT, *_PRESS_REPORT)
    assert len(articles) == 1
    assert articles[0].paragraphs[1].startswith("本报讯（记者 李强）")


def test_a_byline_over_its_text_under_a_finished_report_credited_apart_opens_an_article() -> None:
    articles = parse(
        *_BUS_HEAD,
        *_BUS_REPORT,
        "",
        "本报记者 李强",
        "昨天举行的市疫情防控工作新闻发布会上，",
        "市交通委介绍，本市公交线路今起分批恢复",
        "运营，地铁全网恢复基本运行，市民乘车须",
        "扫场所码并佩戴口罩。",
    )
    assert [(a.headline, a.reporters) for a in articles] == [
        ("全市公交线路今起逐步恢复运营", ["王敏"]),
        ("", ["李强"]),
    ]


def test_a_byline_read_into_text_that_stops_mid_sentence_does_not_cut_it() -> None:
    # another module's byline read between two lines of one sentence: the text runs on
    articles = parse(
        *_BUS_HEAD,
        *_BUS_REPORT[:-1],
        "扫场所码并佩戴口罩，公交企业还将加密",
        "",
        "本报记者 李强",
        "车次，高峰时段的发车间隔缩短至五分钟，",
        "市民出行可通过手机查询实时到站信息。",
    )
    assert len(articles) == 1
    assert articles[0].body.endswith("查询实时到站信息。")


def test_a_justified_line_read_as_a_byline_credits_no_report_apart() -> None:
    # ``记 者 来 到 …`` is a line of text spaced out to the measure: what follows the role
    # is no name, so it opens no report of its own
    articles = parse(
        *_BUS_HEAD,
        *_BUS_REPORT,
        "",
        "记 者 来 到 公 交 公 司 的 调 度 中 心 ， 在 大 屏 上 看 到 了",
        "全市线路的实时运行情况，调度员介绍，首批",
        "恢复线路运行平稳，客流正在逐步回升。",
    )
    assert len(articles) == 1
    assert articles[0].reporters == ["王敏"]


# An untitled body opening with its headline, glued on by the extractor (no blank line).
MATH_AI_BODY = (
    "OpenAI日前公布了一项引发数学界关注的研",
    "究进展：其人工智能（AI）系统在匈牙利数学家",
    "保罗·埃尔德什提出的“平面单位距离问题”中，",
    "设计出一种新的点集构造方法，在相同规模约束",
    "下得到更多单位距离对，被认为突破了长期以来",
    "基于规则几何结构的经验性直觉。",
    "英国《自然》杂志近日报道称，年仅23岁、",
    "没有接受过正规数学训练的英国业余数学爱好者",
    "也在这一问题上取得了进展，引发各方关注。",
)


def _untitled_unit(*lines: str) -> Unit:
    # one body block, as the title stage left it (its first lines read as body)
    return Unit(body=[Block("text", split_lines("\n".join(lines))[0], "body")])


def test_a_headline_paragraph_opening_an_untitled_body_is_its_title() -> None:
    # the first paragraph stops short in mid-sentence: body text never does, a title does
    unit = _untitled_unit("AI正深度融入数学研究核心环节", *MATH_AI_BODY)
    group = split_opening_title_paragraph(unit, HARD_WRAPPED)
    assert group is not None
    assert [line.text for block in group.blocks for line in block.lines] == [
        "AI正深度融入数学研究核心环节"
    ]
    assert unit.body[0].first.text.startswith("OpenAI日前公布")


def test_a_headline_paragraph_may_hold_a_comma_and_wrap() -> None:
    unit = _untitled_unit("用为民情怀，做好“送上门”的群众工", "作", *MATH_AI_BODY)
    group = split_opening_title_paragraph(unit, HARD_WRAPPED)
    assert group is not None
    assert len(group.blocks[0].lines) == 2


def test_an_opening_paragraph_ending_a_sentence_or_a_lead_in_stays_body() -> None:
    for opening in ("给黑土地做体检，施肥更精细。", "主要做法有以下几点："):
        assert (
            split_opening_title_paragraph(_untitled_unit(opening, *MATH_AI_BODY), HARD_WRAPPED)
            is None
        )
    # nor on an unwrapped page (a paragraph a line: its geometry tells nothing)
    unit = _untitled_unit("AI正深度融入数学研究核心环节", *MATH_AI_BODY)
    assert split_opening_title_paragraph(unit, Layout(unwrapped=True)) is None


EXPEDITION_BODY = (
    "2月21日下午，广东省",
    "第二十二批援助湖北医疗队",
    "出征驰援武汉，176名队员",
    "分别来自广州市第一人民医",
    "院、南方医科大学第三附属",
    "医院、广州市妇女儿童医疗",
    "中心等7家医院。",
)


def _title_group(*lines: str) -> TitleGroup:
    return TitleGroup(blocks=[Block("text", split_lines("\n".join(lines))[0], "title")])


def _titles(group: TitleGroup) -> list[str]:
    return [line.text for block in group.blocks for line in block.lines]


def test_a_kicker_announces_the_headline_opening_the_body() -> None:
    # the kicker's dash announces a headline: the quotation opening the body is it, though
    # it holds a comma and exclaims
    group = _title_group("广东累计向湖北派出医疗队员22批2424", "人——")
    unit = _untitled_unit("“有你们来，才有我们的", "今天！”", *EXPEDITION_BODY)
    extend_title_with_opening_paragraph(unit, group, HARD_WRAPPED)
    assert _titles(group)[-2:] == ["“有你们来，才有我们的", "今天！”"]
    assert unit.body[0].first.text == "2月21日下午，广东省"


def test_a_headline_cut_in_mid_word_goes_on_in_the_body_s_first_paragraph() -> None:
    group = _title_group("商圈如何接住世界杯流")
    unit = _untitled_unit("量？", *EXPEDITION_BODY)
    extend_title_with_opening_paragraph(unit, group, HARD_WRAPPED)
    assert _titles(group) == ["商圈如何接住世界杯流", "量？"]


def test_a_lede_question_with_commas_under_a_finished_headline_stays_body() -> None:
    group = _title_group("江苏探索科技成果高效转化应用新途径")
    unit = _untitled_unit(
        "在没有定位信号的受限环境中，无人机如何智",
        "能辨识方向、自主避障？",
        *EXPEDITION_BODY,
    )
    extend_title_with_opening_paragraph(unit, group, HARD_WRAPPED)
    assert _titles(group) == ["江苏探索科技成果高效转化应用新途径"]
    assert unit.body[0].first.text.startswith("在没有定位信号")


def test_a_title_read_into_a_body_leaves_the_page_text_once() -> None:
    # the title's own lines leave the page's running text where they were read into a
    # body; the same words quoted in another article's body stay (they are the page's)
    title = Block("text", split_lines("公交线路恢复运营\n")[0], "test")
    page = "公交线路恢复运营全市公交\n据悉公交线路恢复运营后"
    beside = _page_text_beside(Layout(page_text=page), TitleGroup(blocks=[title]))
    assert beside == "\n全市公交\n据悉公交线路恢复运营后"


# Two modules of one row on one city's news: their titles read across as one run, then
# their reports, each opening with the paper's bare dateline and sharing most words.
_ROW_TITLES = (
    "上海日报 2024年4月8日 星期一 第2版 要闻",
    "",
    "助企纾困，加快恢复经济社会发展",
    "活力",
    "",
    "在“控得住”前提下加快经济恢复",
    "重振",
    "",
)
_INSPECTION = (
    "本报讯市委书记李强昨",
    "天在上海自贸试验区临港新",
    "片区检查疫情防控和复工复",
    "产情况时指出，要深入贯彻",
    "落实习近平总书记重要讲话",
    "和指示批示精神，毫不动摇",
    "坚持“动态清零”总方针，",
    "把“疫情要防住、经济要稳",
    "住、发展要安全”各项要求",
    "细致扎实落到位，以更加有",
    "力、更具针对性的政策供给",
    "和优质服务助企纾困，加快",
    "恢复经济社会发展活力。",
    "在严格落实疫情防控各",
    "项措施前提下，临港新片区",
    "正加快推动复工复产，一批",
    "重点企业生产水平持续提",
    "升。李强指出，疫情防控和",
    "复工复产要两手抓、两手",
    "硬，要深入排摸企业痛点难",
    "点堵点，加强政策供给，加",
    "大扶持力度，推动实现人财",
    "物有序流动，精准帮扶企业",
    "复产达产，更好",
)
_MEETING = (
    "",
    "本报讯市委常委会昨晚",
    "举行会议，深入学习贯彻习",
    "近平总书记关于疫情防控工",
    "作的重要讲话和指示批示精",
    "神，研究部署我市复工复产",
    "和加快经济恢复有关工作。",
    "会议指出，要毫不动摇坚持",
    "“动态清零”总方针，更加",
    "有力、更加高效地统筹疫情",
    "防控和经济社会发展，全力",
    "做到疫情要防住、经济要稳",
    "住、发展要安全。",
)


def _titled_bodies(articles: list[ParsedArticle]) -> list[tuple[str, str]]:
    return [(a.headline, a.body[:8]) for a in articles]


def test_a_dateline_under_text_broken_off_mid_sentence_opens_the_next_title_of_the_run() -> None:
    # the first report stops at ``更好`` (its rest comes out elsewhere): the dateline under
    # it cannot go on with that sentence, so it opens the run's second module
    articles = parse(*_ROW_TITLES, *_INSPECTION, *_MEETING)
    assert _titled_bodies(articles) == [
        ("助企纾困，加快恢复经济社会发展活力", "市委书记李强昨天"),
        ("在“控得住”前提下加快经济恢复重振", "市委常委会昨晚举"),
    ]


def test_a_bare_dateline_repeating_the_report_above_opens_the_next_title_of_the_run() -> None:
    # both reports finished, both a bare ``本报讯``: a second report under one title says
    # what is new about it (its place and date, its reporter), so two datelines word for
    # word alike are two modules' reports
    inspection = (*_INSPECTION[:-1], "复产达产。")
    articles = parse(*_ROW_TITLES, *inspection, *_MEETING)
    assert _titled_bodies(articles) == [
        ("助企纾困，加快恢复经济社会发展活力", "市委书记李强昨天"),
        ("在“控得住”前提下加快经济恢复重振", "市委常委会昨晚举"),
    ]


def test_a_dated_second_report_on_the_same_news_under_a_finished_one_stays_one_article() -> None:
    # a second dateline with a place and date of its own under finished text, on the same
    # news, may be a second report of one article read under a kicker and headline
    inspection = (*_INSPECTION[:-1], "复产达产。")
    meeting = tuple(line.replace("本报讯", "本报上海4月7日电") for line in _MEETING)
    articles = parse(*_ROW_TITLES, *inspection, *meeting)
    assert len(articles) == 1
