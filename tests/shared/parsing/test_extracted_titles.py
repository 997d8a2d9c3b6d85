"""Titles on pages as pdftotext extracts them: no blank line between a title and the body
under it, none between paragraphs, and no paragraph indents."""

from __future__ import annotations

import pytest

from shared.parsing import parse_text

# A body in a 19-em column, closed, as pdftotext sets it: a paragraph's first line is short
# of the column by the (dropped) indent.
CULTURE = [
    "上海形成公共文化内容统一配送平台",
    "本报上海1月13日电（记者曹玲娟）上海",
    "委托第三方开展的满意度测评结果显示，上",
    "海现代公共文化服务工作满意度评估综合得",
    "分90.46分。自2011年国家公共文化服务体系示",
    "范区（项目）创建工作启动以来，上海全市16",
    "个区有11个区参与了共4批国家公共文化服务",
    "体系示范区、示范项目的创建，占比近70%。",
    "目前，上海已形成“市、区、街镇、居",
    "村”4级公共文化设施网络，基本实现“中心",
    "城区10分钟、郊区15分钟的公共文化服务圈”",
    "目标。有关统计显示，上海现已建成市、区",
    "两级公共图书馆23个，街镇图书馆216个。",
]

KEYS = [
    "“我们夫妻俩上午出门做核酸，钥匙都忘",
    "了带，现在附近开锁的也没有了，厨房灶上还",
    "烧着东西，快烧干了，很危险。能不能快点来",
    "帮我们开下门！”昨天一早，徐汇消防救援支",
    "队的宋子文接到这样一条求助警情。他马上带",
    "队赶到报警人所在中山南二路508号泰莱大厦，",
    "在尽量减少损害的前提下，通过破拆将门打开，",
    "及时关掉煤气灶，帮这对小夫妻化解了一场可",
    "能的火灾隐患。截至目前，消防救援总队指挥",
    "中心共接到129起开门相关警情。",
]


@pytest.mark.parametrize(
    "title",
    [
        # one line short of the column, unfinished, over a paragraph's first line: a
        # headline, though it holds a comma (12 of the corpus's 113 headlines do)
        ["下楼做核酸，129人忘带钥匙"],
        # set in larger type, it wraps at its own measure, narrower than the column: a short
        # unfinished line, the rest shorter under it, then a paragraph's first line (running
        # text never stops short of its column in mid-sentence)
        ["下楼做核酸，129人", "忘带钥匙"],
        # a headline that asks: a title, though it ends with ？
        ["夫妻出门做核酸为何忘带钥匙？"],
    ],
    ids=["comma", "wrapped-short", "question"],
)
def test_a_headline_glued_over_another_text_opens_an_article(title: list[str]) -> None:
    # glued on top of the next article's first paragraph, after a blank under a closed
    # body of another topic
    text = "\n".join([*CULTURE, "", *title, *KEYS]) + "\n"
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == ["上海形成公共文化内容统一配送平台", "".join(title)]
    assert articles[1].paragraphs[0].startswith("“我们夫妻俩")


def test_a_wrapped_comma_headline_wider_than_the_column_opens_an_article() -> None:
    # a headline set wider than the body column wraps, its last line short
    text = "\n".join(
        [*CULTURE, "", "下楼做核酸，129人忘带钥匙 出门千万别忘了带上家门", "钥匙", *KEYS]
    ) + "\n"
    articles = parse_text(text).articles
    headline = "下楼做核酸，129人忘带钥匙 出门千万别忘了带上家门钥匙"
    assert [a.headline for a in articles][1] == headline


# More of the CULTURE text: a paragraph on the same topic, set in the same column.
CULTURE_GOES_ON = [
        "作为全国最早推动社区文化活动中心设",
        "施运行管理社会化、专业化的城市，目前上",
        "海全市建成运行的216家社区文化活动中心",
        "中，已有超过90%的社区文化活动中心委托企",
        "业、社会组织、群众文艺团队等各类主体参",
        "与整体运行或部分项目管理，上海公共文化",
        "服务体系示范区建设走在全国前列。",
]


def test_a_question_over_its_own_article_text_stays_in_the_body() -> None:
    # a question line opening a paragraph of the same text (the same topic) is body
    more = ["社区文化活动中心如何运行？", *CULTURE_GOES_ON]
    articles = parse_text("\n".join([*CULTURE, "", *more]) + "\n").articles
    assert len(articles) == 1
    assert "社区文化活动中心如何运行？" in "".join(articles[0].paragraphs)


def test_a_comma_subhead_over_its_own_article_text_stays_in_the_body() -> None:
    # the same shape between two parts of one text (the same topic) is a subhead
    text = "\n".join([*CULTURE, "", "公共文化，社会力量参与运行", *CULTURE_GOES_ON]) + "\n"
    articles = parse_text(text).articles
    assert len(articles) == 1
    assert "公共文化，社会力量参与运行" in articles[0].paragraphs


def test_a_page_top_title_over_an_unpunctuated_body_line_is_split_off() -> None:
    # the body's first lines hold no sentence punctuation, so they are title-shaped too;
    # the run stops at the first line at the body's measure (the indented first line, 24 em
    # in a 26-em column)
    text = "\n".join(
        [
            "AI正深度融入数学研究核心环节",
            "OpenAI日前公布了一项引发数学界关注的研究进展其人",
            "工智能（AI）系统在匈牙利数学家保罗埃尔德什提出的",
            "单位距离问题中设计出一种新的点集构造方法，在同等规",
            "模约束下得到更多单位距离对，被认为突破了长期以来对规",
            "则几何结构的经验性直觉。",
        ]
    )
    (article,) = parse_text(text + "\n").articles
    assert article.headline == "AI正深度融入数学研究核心环节"
    assert article.paragraphs[0].startswith("OpenAI")


def test_a_title_over_unpunctuated_body_lines_under_another_text_is_split_off() -> None:
    # the same title under a closed body of another topic: the title-shaped run is cut at
    # its first line at the body's measure, not taken whole as the title
    text = "\n".join(
        [
            *KEYS,
            "",
            "AI正深度融入数学研究核心环节",
            "OpenAI日前公布了一项引发数学界关注的研究进展其人",
            "工智能（AI）系统在匈牙利数学家保罗埃尔德什提出的",
            "单位距离问题中设计出一种新的点集构造方法在同等规",
            "模约束下得到更多单位距离对被认为突破了长期以来对规",
            "则几何结构的经验性直觉，也让数学界重新审视人工智能",
            "在前沿研究中的角色与边界。",
        ]
    )
    page = "下楼做核酸，129人忘带钥匙\n\n" + text + "\n"
    headlines = [a.headline for a in parse_text(page).articles]
    assert headlines == ["下楼做核酸，129人忘带钥匙", "AI正深度融入数学研究核心环节"]


# The same report set in a 12-em column: its first line (``OpenAI…``) is a paragraph's,
# 10 em, and its first lines hold no sentence punctuation.
AI_NARROW = [
    "OpenAI日前公布了一项",
    "引发数学界关注的研究进展",
    "其人工智能系统在匈牙利数",
    "学家提出的单位距离问题中",
    "设计出一种新的点集构造方",
    "法，在同等规模约束下得到",
    "更多单位距离对，被认为突",
    "破了长期以来对规则几何结",
    "构的经验性直觉，也让数学",
    "界重新审视人工智能在前沿",
    "研究中的角色与边界。",
]


def test_a_title_whose_first_line_is_as_wide_as_a_first_line_ends_at_its_short_line() -> None:
    # the title's first line happens to be as wide as the body's indented first line
    # (10 em in a 12-em column), so the run cannot be cut at the first line at the body's
    # measure; but its second line stops short, unfinished, and the line under it is a
    # paragraph's first line: running text never stops short in mid-sentence and goes on
    page = "\n".join(
        ["下楼做核酸，129人忘带钥匙", "", *KEYS, "", "AI正深度融入数学研究", "核心环节", *AI_NARROW]
    )
    articles = parse_text(page + "\n").articles
    assert [a.headline for a in articles] == [
        "下楼做核酸，129人忘带钥匙",
        "AI正深度融入数学研究核心环节",
    ]
    assert articles[1].paragraphs[0].startswith("OpenAI日前公布了一项引发")


def test_a_page_top_title_over_a_body_cut_short_by_a_column_break_is_split_off() -> None:
    # the title-shaped run (title and two body lines) is cut at the body's measure before
    # it is weighed against the few lines left above the column break
    text = "\n".join(
        [
            "AI正深度融入数学研究核心环节",
            "OpenAI日前公布了一项引发数学界关注的研究进展其人",
            "工智能（AI）系统在匈牙利数学家保罗埃尔德什提出的",
            "单位距离问题中设计出一种新的点集构造方法在同等规",
            "模约束下得到更多单位距离对被认为突破了长期以来对规",
            "",
            "则几何结构的经验性直觉，也让数学界重新审视人工智能",
            "在前沿研究中的角色与边界。",
        ]
    )
    (article,) = parse_text(text + "\n").articles
    assert article.headline == "AI正深度融入数学研究核心环节"


def test_a_page_top_headline_with_a_comma_over_a_paragraph_is_split_off() -> None:
    # nothing stands above the page's first block: a line short of the column, unfinished,
    # over a paragraph's first line opens the page's first item, commas and all
    text = "\n".join(["下楼做核酸，129人忘带钥匙", *KEYS])
    (article,) = parse_text(text + "\n").articles
    assert article.headline == "下楼做核酸，129人忘带钥匙"
    assert article.paragraphs[0].startswith("“我们夫妻俩")


def test_a_page_top_headline_as_wide_as_a_first_line_over_a_paragraph_is_split_off() -> None:
    # the headline wraps at 10 em, the width of the 12-em column's indented first line:
    # its lines fit the body's measure by chance, but they are two unfinished lines
    # stopping short over a paragraph's first line (10 em, then full lines)
    text = "\n".join(
        [
            "金刚石散热：“概念炒",
            "作”还是“量产前夜”",
            "近期，金刚石散热相关",
            "概念股走强，多家公司披露",
            "了在热沉片、衬底等方向的",
            "研发进展。业内人士表示，",
            "金刚石导热性能优异，但成",
            "本高、加工难，距离量产仍",
            "有不少关口需要跨越。",
        ]
    )
    (article,) = parse_text(text + "\n").articles
    assert article.headline == "金刚石散热：“概念炒作”还是“量产前夜”"
    assert article.paragraphs[0].startswith("近期，金刚石散热")


def test_a_page_top_caption_keeps_its_short_first_line() -> None:
    # a caption runs across its photo at its own measure: its credit marks the block as a
    # caption, not a headline (short, unfinished) over a paragraph's first line
    text = "\n".join(
        [
            "督察结果显示：我国耕地保护形势严峻，全国违法违规占用耕地114.26万亩，"
            "其中，占用永久基本农田",
            "14.34万亩。据介绍，从督察情况看，一些地方没有处理好保耕地、保发展、"
            "保生态的关系，耕地保护责任",
            "未有效落实、占补平衡制度执行不到位、突破用途管制审批和占用耕地、"
            "土地利用粗放，耕地保护形势严峻。",
            " 新华社记者 文晨 摄",
            "",
            *KEYS,
        ]
    )
    articles = parse_text(text + "\n").articles
    assert articles[0].kind == "photo"
    assert articles[0].paragraphs[0].startswith("督察结果显示")


def _column(text: str, column: int, indented: bool = True) -> list[str]:
    """A paragraph set in ``column`` characters, its first line short by the lost indent."""
    lines: list[str] = []
    width = column - 2 if indented else column
    while text:
        cut = width + (width < len(text) and text[width] in "，。、；：”）")
        lines.append(text[:cut])
        text, width = text[cut:], column
    return lines


GARDEN = [
    "本报讯（记者 王明）入秋以来，城郊的蔬菜种植基地迎来丰收，农户们忙着采摘白菜、萝卜"
    "和南瓜，一车车新鲜蔬菜从菜园运往城区的各大市场。",
    "种植基地负责人介绍，今年基地推广了滴灌和有机肥，蔬菜的产量比去年提高了两成，品质也"
    "更好，不少超市主动上门订购。",
    "为了让更多市民吃上新鲜蔬菜，基地还与社区合作开设了直销点，农户每天清晨把刚采摘的蔬菜"
    "送到社区门口，价格比市场便宜一成左右。",
]
LIFT = [
    "本报讯（记者 李华）记者昨天从市住房部门获悉，今年全市老旧小区加装电梯工作明显提速，"
    "已有两百多台电梯投入使用，居民上下楼更方便了。",
    "据了解，加装电梯需要楼内居民协商一致，街道和居委会主动上门做工作，帮助居民化解分歧。",
]


@pytest.mark.parametrize("cut", [1, 2], ids=["first-line", "first-and-full-line"])
def test_running_lines_cut_by_a_column_break_are_no_title_of_the_next_article(cut: int) -> None:
    # the module's column breaks off in a paragraph's first lines (the first short of the
    # column by the indent, the next full, commas inside); the next module's title stands
    # under them after a blank, and the paragraph goes on after that module: those lines
    # are running text, not a kicker over the next headline
    garden = [line for p in GARDEN[:2] for line in _column(p, 19)]
    last = _column(GARDEN[2], 19)
    lift = [line for p in LIFT for line in _column(p, 15)]
    rows = ["城郊菜园迎来丰收季", *garden, *last[:cut], "", "老旧小区加装电梯提速", *lift]
    rows += ["", *last[cut:]]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "城郊菜园迎来丰收季"),
        ("", "老旧小区加装电梯提速"),
    ]
    assert "".join(articles[0].paragraphs).startswith("入秋以来")


def test_a_headline_with_a_comma_glued_over_a_dateline_is_split_off() -> None:
    # one line short of the column by just the indent, a comma inside, unfinished, right
    # over the next article's dateline: its headline, not a paragraph's first line
    garden = [line for p in GARDEN for line in _column(p, 19)]
    lift = [line for p in LIFT for line in _column(p, 15)]
    headline = "老旧小区加装电梯，居民上下楼更方便"
    assert len(headline) == 19 - 2
    rows = ["城郊菜园迎来丰收季", *garden, headline, *lift]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [a.headline for a in articles] == ["城郊菜园迎来丰收季", headline]


def test_a_headline_filling_the_column_with_a_comma_glued_over_a_byline_is_split_off() -> None:
    # one line exactly the body's width, a comma inside, unfinished, after a finished
    # sentence and right over the next article's byline: its headline (a title can fill
    # the column by chance), not running text cut by a column break
    garden = [line for p in GARDEN for line in _column(p, 19)]
    lift = [line for p in LIFT for line in _column(p, 15)]
    lift[0] = lift[0].removeprefix("本报讯（记者 李华）")
    headline = "老旧小区加装电梯提速，居民上下楼更方便"
    assert len(headline) == 19
    rows = ["城郊菜园迎来丰收季", *garden, headline, "■ 本报记者 李华", *lift]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [a.headline for a in articles] == ["城郊菜园迎来丰收季", headline]
    assert articles[1].reporters == ["李华"]


def test_a_headline_glued_over_its_body_under_a_kicker_set_apart_is_split_off() -> None:
    # a kicker (``…——``) stands in a box of its own; the headline under it, set wider than
    # the body's column and wrapped, came out glued to the body's first paragraph
    garden = [line for p in GARDEN for line in _column(p, 19)]
    lift = [line for p in LIFT[1:] for line in _column(p, 15)]
    headline = ["老旧小区加装电梯工作明显提速居民上下", "楼更方便"]
    rows = ["城郊菜园迎来丰收季", *garden, "", "市住房部门——", "", *headline, *lift]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "城郊菜园迎来丰收季"),
        ("市住房部门——", "".join(headline)),
    ]
    assert articles[1].paragraphs[0].startswith("据了解")


def test_a_headline_glued_over_its_body_under_a_photo_caption_is_split_off() -> None:
    # a photo (its caption closed by the credit) is an item of its own: the block under it
    # opens another item, whose headline, shorter than the column, came out glued to the
    # body's first paragraph
    garden = [line for p in GARDEN for line in _column(p, 19)]
    lift = [line for p in LIFT[1:] for line in _column(p, 15)]
    caption = [
        "工人在城郊蔬菜种植基地采摘新鲜白菜，一车车蔬菜运往城区市场，供应",
        "居民的菜篮子。 （本报记者 许金松 摄）",
    ]
    rows = ["城郊菜园迎来丰收季", *garden, "", *caption, "", "老旧小区加装电梯提速", *lift]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [a.headline for a in articles if a.kind == "article"] == [
        "城郊菜园迎来丰收季",
        "老旧小区加装电梯提速",
    ]
    assert articles[-1].paragraphs[0].startswith("据了解")


def test_a_paragraphs_first_line_under_a_glued_headline_stays_in_the_body() -> None:
    # a headline wrapped at its own measure (its first line as wide as an indented first
    # line by chance) glued over another text's first paragraph, whose first line holds no
    # punctuation: that line, short of the column by the indent with a full line under it,
    # opens the paragraph and is no third title line
    keys = _column(
        "截至目前消防救援总队指挥中心共接到一百二十九起开门相关警情，"
        + "".join(KEYS)[:-len("截至目前，消防救援总队指挥中心共接到129起开门相关警情。")],
        19,
    )
    assert len(keys[0]) == 17
    assert "，" not in keys[0]
    headline = ["居民下楼做核酸一百多人忘带家门钥匙", "消防员上门帮忙"]
    rows = [*CULTURE, "", *headline, *keys]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [a.headline for a in articles] == ["上海形成公共文化内容统一配送平台", "".join(headline)]
    assert articles[1].paragraphs[0].startswith("截至目前")


@pytest.mark.parametrize(
    "headline",
    [
        ["夫妻出门做核酸忘带钥匙消防破门相助"],
        ["夫妻出门做核酸忘带钥匙消防破门相助", "化解火灾隐患"],
    ],
    ids=["one-line", "wrapped"],
)
def test_the_headline_a_dash_kicker_announces_is_split_off_whatever_its_width(
    headline: list[str],
) -> None:
    # a kicker ending with —— announces the line after it: the headline, glued over the
    # body, as wide as an indented first line by chance (17 em in a 19-em column), and its
    # wrapped rest at its own, narrower measure
    assert len(headline[0]) == 19 - 2
    rows = [*CULTURE, "", "徐汇消防救援支队——", "", *headline, *KEYS]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "上海形成公共文化内容统一配送平台"),
        ("徐汇消防救援支队——", "".join(headline)),
    ]
    assert articles[1].paragraphs[0].startswith("“我们夫妻俩")


def test_a_comma_kicker_ending_short_after_a_column_break_is_no_running_text() -> None:
    # the first module's column breaks off in mid-sentence at a full line; under the break
    # a kicker with commas wraps at the column's measure, its last line short and unfinished,
    # over its headline and the next article's dateline.  Running text stops short of its
    # column only where a paragraph ends, and a paragraph ends with a sentence: the two
    # lines are no continuation of the cut sentence but the next article's kicker
    garden = [line for p in GARDEN for line in _column(p, 19)]
    lift = [line for p in LIFT for line in _column(p, 15)]
    kicker = ["市长：坚定信心、毫不松懈，态度要更坚决、", "举措要更严密"]
    assert len(kicker[0]) == 19 + 1
    rows = ["城郊菜园迎来丰收季", *garden[:-1], "", *kicker, "", "老旧小区加装电梯提速", *lift]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "城郊菜园迎来丰收季"),
        ("市长：坚定信心、毫不松懈，态度要更坚决、举措要更严密", "老旧小区加装电梯提速"),
    ]


RAIN = [
    "本报讯（记者 赵刚）昨天下午，本市迎来今年入汛以来最强降雨，多个区县出现短时强降水，"
    "部分路段一度积水，排水部门连夜抢排。",
    "气象部门提醒，未来三天仍有阵雨，市民出行请注意安全，尽量避开低洼路段。",
]


def _page_with_glued_titles(untitled_top: list[str]) -> list[str]:
    garden = [line for p in GARDEN for line in _column(p, 19)]
    lift = [line for p in LIFT for line in _column(p, 15)]
    rain = [line for p in RAIN for line in _column(p, 17)]
    return [
        "上海日报 2024年4月8日 星期一 第2版 社会", "", *untitled_top, *garden, "",
        "老旧小区加装电梯提速", *lift, "", "今年入汛以来最强降雨昨袭本市", *rain,
    ]  # fmt: skip


def test_titles_run_into_the_datelines_under_them_stand_over_their_bodies() -> None:
    # the first article's title is lost in its body (nothing marks it off), so either
    # way one article is left without a title: each other title runs into the dateline
    # under it with no blank line, and a blank parts it from the text above, so the page
    # sets titles over their bodies, though it opens with body text
    text = "\n".join(_page_with_glued_titles([])) + "\n"
    articles = parse_text(text).articles
    # a blank line after every line is the page's line spacing: the titles still run into
    # the datelines under them
    double_spaced = parse_text(text.replace("\n", "\n\n")).articles
    assert [a.to_dict() for a in double_spaced] == [a.to_dict() for a in articles]
    assert [a.headline for a in articles] == [
        "",
        "老旧小区加装电梯提速",
        "今年入汛以来最强降雨昨袭本市",
    ]
    assert articles[1].paragraphs[0].startswith("记者昨天从市住房部门获悉")


def test_titles_run_into_the_datelines_under_them_outweigh_a_title_left_at_the_page_end() -> None:
    # a title ends the page (its module's body is on the next page): read as titles under
    # their bodies, every title would be given to the text above it, away from the dateline
    # it runs into; the page sets titles over their bodies and the last title stays alone
    rows = [*_page_with_glued_titles(["城郊菜园迎来丰收季"]), "", "街头巷尾话文明"]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [a.headline for a in articles] == [
        "城郊菜园迎来丰收季",
        "老旧小区加装电梯提速",
        "今年入汛以来最强降雨昨袭本市",
        "街头巷尾话文明",
    ]


@pytest.mark.parametrize("glued", [True, False], ids=["runs-into-body", "set-apart"])
def test_the_title_line_set_right_over_its_body_apart_from_the_one_above_is_the_headline(
    glued: bool,
) -> None:
    # two plain title lines over a dateline, the lower one longer: set apart by a blank
    # line from the line above and running into the dateline, it is the headline (a kicker
    # stands over its headline); with a blank line over the dateline too, nothing tells
    # where the lines stand, and the shorter is the headline as before
    lift = [line for p in LIFT for line in _column(p, 15)]
    kicker, headline = "住房部门推进民生实事", "全市老旧小区加装电梯工作明显提速"
    rows = [*CULTURE, "", kicker, "", headline, *([] if glued else [""]), *lift]
    articles = parse_text("\n".join(rows) + "\n").articles
    roles = (kicker, headline) if glued else (headline, kicker)
    assert [(a.kicker, a.headline) for a in articles][1] == roles


def test_a_headline_glued_over_its_body_under_a_one_line_kicker_set_apart_is_split_off() -> None:
    # a one-line kicker with a comma, set apart by blank lines under a finished text: text
    # does not stop short in mid-sentence and go on after a blank line, so the line is a
    # title, and the block under it opens with its headline, glued over the body
    from tests.shared.parsing.test_stray_pieces import NIGHT, body

    garden = [line for p in GARDEN for line in _column(p, 19)]
    night = [line for p in body(NIGHT) for line in _column(p, 15)]
    kicker = "夜间经济持续升温，商圈延长营业时间"
    rows = ["城郊菜园迎来丰收季", *garden, "", kicker, "", "夜市热闹", *night]
    articles = parse_text("\n".join(rows) + "\n").articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "城郊菜园迎来丰收季"),
        (kicker, "夜市热闹"),
    ]
    assert articles[1].paragraphs == body(NIGHT)


def test_a_headline_glued_over_its_body_under_a_page_top_kicker_is_split_off() -> None:
    from tests.shared.parsing.test_stray_pieces import VILLAGE, body, wrap

    # the same at the page top, nothing above the kicker
    kicker = "山区乡镇抢抓农时，组织农户夏收夏种"
    rows = [kicker, "", "田间地头忙", *wrap(body(VILLAGE), 14)]
    (article,) = parse_text("\n".join(rows)).articles
    assert (article.kicker, article.headline) == (kicker, "田间地头忙")
    assert article.paragraphs == body(VILLAGE)


def test_a_paragraph_under_a_subhead_set_apart_keeps_its_first_line() -> None:
    # a subhead set apart by blank lines under a finished sentence, as a kicker is: the
    # block under it opens on a paragraph's first line at the body's indented measure, no
    # headline, and stays whole (the subhead stays in its article)
    rows = [
        "夜市经济带动消费回暖",
        "本报讯（记者王伟）入夏以来，本市",
        "夜间经济持续升温，各大商圈延长营",
        "业时间，夜市摊位人头攒动，消费市",
        "场呈现出蓬勃的活力。",
        "",
        "商户经营需求为夜市“添人气”",
        "",
        "“天气转热以后，夜里的客流明",
        "显多了，摊位的租金和水电也都有",
        "了优惠政策支持。”摊主李先生告诉",
        "记者，这意味着经营成本降了下来，",
        "营业时间也可以再延长一些。",
    ]
    (article,) = parse_text("\n".join(rows)).articles
    assert article.headline == "夜市经济带动消费回暖"
    assert article.paragraphs[1:] == [
        "商户经营需求为夜市“添人气”",
        "".join(rows[8:]),
    ]


def test_a_title_wrapped_like_text_right_over_a_dateline_is_that_articles_title() -> None:
    # a long two-phrase headline set in a narrow module wraps over five lines like text and
    # is read right over its article's dateline, with no blank line between: a dateline
    # opens its article's text and a paragraph never stops in mid-sentence, so the block
    # ending no sentence, with no sentence mark, is the title, not an untitled piece
    title = [
        "深刻认识和把握改革规", "律 进一步改进工作方", "式方法不断推动政府职",
        "能转变和营商环境改善", "取得新突破",
    ]  # fmt: skip
    text = [
        "新华社北京1月14日电（", "记者赵超）连日来，山区各", "乡镇抢抓农时，组织农户开",
        "展夏收夏种，田间地头一派", "忙碌景象。", "当地农业部门派出技术人",
        "员深入村组，指导农户科学", "管理，确保粮食丰收。", "不少合作社还引进了收割",
        "机和烘干设备，大大减轻了", "", "农户的劳动强度。",
    ]  # fmt: skip
    parsed = parse_text("\n".join([*title, *text])).articles
    assert ["".join((a.kicker, a.headline, a.subtitle)).replace(" ", "") for a in parsed] == [
        "深刻认识和把握改革规律进一步改进工作方式方法不断推动政府职能转变和营商环境改善取得新突破"
    ]
