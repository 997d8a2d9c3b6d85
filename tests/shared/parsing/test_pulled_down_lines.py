"""A line the line-start rule (避头) left short is a full running line: the character that
did not fit went down with the closing marks after it (pages as pdftotext extracts them: no
indents, no blank lines between paragraphs)."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.blocks import group_blocks
from shared.parsing.lines import make_line, split_lines
from shared.parsing.paragraphs import (
    paragraph_break,
    split_paragraphs,
    takes_down_from,
    wraps_at_the_indented_measure,
)
from shared.parsing.types import ParsedArticle

HEAD = ["赵正永严重违纪违法被开除党籍", "本报北京1月4日电（记者姜洁）经中共中央批准，"]

# a 20-em column
RUNNING = [
    "中央纪委国家监委对全国人大原内务司法委员会副",
    "主任委员、陕西省委原书记赵正永严重违纪违法问",
    "题进行了立案审查调查。经查，赵正永严重背弃初",
    "心使命，对党不忠诚不老实，在干部选拔任用、企",
    "业经营、工程项目承揽等方面利用职务上的便利为",
    "他人谋利，并非法收受巨额财物，严重违反党纪。",
]


def _only_article(lines: list[str]) -> ParsedArticle:
    """The one article the page of these lines holds."""
    (article,) = parse_text("\n".join(lines) + "\n").articles
    return article


def _paragraphs(lines: list[str]) -> list[str]:
    (article,) = parse_text("\n".join([*HEAD, *lines]) + "\n").articles
    return article.paragraphs


def test_a_line_an_em_short_over_a_pulled_down_character_runs_on_after_a_sentence() -> None:
    # 道德败坏… stops an em short of the 22-em column after a sentence end: not an
    # indented first line, for 教 went down with the full stop after it
    lines = [*RUNNING, "道德败坏，家风不正，对家人、亲属严重失管失", "教。"]
    assert len(_paragraphs(lines)) == 1


def test_an_unfinished_line_two_short_over_a_character_and_two_marks_runs_on() -> None:
    # …《血脉赓 stops two em short of the 20-em column: 续 went down with 》、 (two marks no
    # line opens with), so the line is full, not a subhead or a list item ending short
    article = _only_article(
        [
            "中央军委举行慰问驻京部队老干部迎新春文艺演出",
            "新华社北京1月13日电（记者李宣良、梅世雄）",
            "演出以“不忘初心、牢记使命”为主题，",
            "由序、尾声和《军魂永铸》、《情系人民》、",
            "《寸土不让》、《敢打必胜》、《血脉赓",
            "续》、《庄严承诺》、《民族复兴》7组节目",
            "构成，综合歌、舞、情景对白、影视片段等多",
            "种艺术形式，生动展现了人民军队的光辉历程",
            "和新时代强军事业取得的历史性成就，赢得了",
            "全场老同志的阵阵掌声。",
        ]
    )
    assert len(article.paragraphs) == 1


def test_a_first_line_short_over_a_latin_word_that_moved_down_is_no_subhead() -> None:
    # the first line stops two em short of its indented measure (25 em in a 27-em column)
    # because GSCA did not fit the room left: it moved down, the line is running text
    article = _only_article(
        [
            "让世界看见中国的科学浪漫",
            "本报记者 廖凯博",
            "科普影视蓬勃发展的背后，是科研机构与影视团队的深度合作",
            "也是科学家与艺术家的相互成就，更是观众对优质内容期待。",
            "历时三年打磨而成的巨幕科普电影《马到功成》曾在",
            "GSCA年会上获得广泛关注，印证了中国科普巨幕传播体系的",
            "潜力。该片融合中华传统文化与现代科学理念，以马为线索，",
            "串联起古今科技与艺术的对话，让观众在沉浸式体验中感受科",
            "学之美，在光影流转之间读懂中国的科学浪漫与人文情怀。",
        ]
    )
    assert article.paragraphs[1].startswith("历时三年打磨而成")
    assert len(article.paragraphs) == 2


def test_a_line_of_latin_capitals_is_not_measured_short() -> None:
    # 质协同调制LIBS（TSMM-LIB counts 12 em at half an em a letter, but capitals print
    # wider: in a 14-em column it is a running line, not a paragraph's short first line
    article = _only_article(
        [
            "锂同位素高精度原位检测成功实现",
            "本报讯（记者 颉满斌）传统质谱技术检",
            "测锂同位素需要复杂的样品前处理，",
            "难以满足核工业现场检测的需求。",
            "研究团队创新提出“时空介",
            "质协同调制LIBS（TSMM-LIB",
            "S）”技术方案，实现对激光诱导",
            "高温等离子体核心的主动调控，",
            "从根本上抑制自反转效应；同时",
            "首次定义“自反转指标”用于定",
            "量表征谱线畸变程度。",
        ]
    )
    assert len(article.paragraphs) == 2
    assert article.paragraphs[1].startswith("研究团队创新提出")


def test_an_unfinished_line_short_over_a_latin_word_that_moved_down_runs_on() -> None:
    # …陶哲轩指出， stops two em short of the 14-em column, which reads as a list item or a
    # subhead ending short, but ChatGPT (3.5 em) did not fit the room left: it moved down and
    # the sentence runs on
    article = _only_article(
        [
            "AI正深度融入数学研究核心环节",
            "本报记者 刘诗瑶",
            "研究人员原本设想将这一数论",
            "问题转化为概率论形式，再进行",
            "分析。但ChatGPT没有采用这一",
            "做法，而是直接在原始数论语言",
            "中推进证明。美国加州大学洛杉",
            "矶分校数学家陶哲轩指出，",
            "ChatGPT虽未显示使用概率论语",
            "言，但其解法隐含建立了数论与",
            "概率之间的联系。",
        ]
    )
    assert len(article.paragraphs) == 1
    assert "陶哲轩指出，ChatGPT虽未" in article.paragraphs[0]


# ---- an opening line over a line the line-start rule left short ---------------------------


def _opens_paragraph(before: str, after: str, following: str, column: float) -> bool:
    """Does ``after`` open a paragraph under ``before``, a paragraph's first line?"""
    new, _ = paragraph_break(
        make_line(before, 1, 1),
        make_line(after, 2, 1),
        False,
        column,
        before_opens=True,
        following=make_line(following, 3, 1),
    )
    return new


def test_a_full_first_line_over_a_line_short_by_a_pulled_down_run_is_no_subhead() -> None:
    # a 13-em column: 这段水上高速从“双向两 fills its indented measure (11 em); the line under
    # it stops two em short because 道 went down with ”， (three em): a running line, so
    # the first line is running text, not a subhead over another paragraph's first line
    lines = ("这段水上高速从“双向两", "车道”升级为“双向四车", "道”，将有效提升长江中上游")
    assert not _opens_paragraph(*lines, 13.0)


def test_a_subhead_short_of_the_indented_measure_over_a_first_line_stays_a_subhead() -> None:
    # an 11-em column: 独自在家情绪低落 stops an em short of the indented measure (9 em), so
    # “ would have fitted after it: it ended there, a subhead over a first line (that line
    # is as short as a running line the same pull-down of 家。” would leave)
    assert _opens_paragraph("独自在家情绪低落", "“辰辰确实一个人在", "家。”记者辗转找到了求", 11.0)


def test_a_first_line_short_by_a_character_taken_down_with_a_mark_is_no_subhead() -> None:
    # a 16-em column: 作为中国田径的传统优势项 stops two em short of its indented measure
    # (14 em), which reads as a subhead over a first line, but 目 went down with the comma
    # after it: the line is full, and the text runs on
    lines = (
        "作为中国田径的传统优势项",
        "目，竞走项目的国内奥运会选拔赛",
        "也备受瞩目，尤其是女子20公里竞走",
    )
    assert not _opens_paragraph(*lines, 16.0)


def test_a_first_line_over_a_line_short_only_by_a_pulled_down_run_opens_a_paragraph() -> None:
    # an 11-em column: “死亡之组”出现 opens a paragraph without ending a sentence; 本届世界杯
    # 共有32支 stops two em short (a first line), and the line under it stops short only
    # because 组 went down with 。 (it is full): the first line opens a paragraph, the line
    # above is a subhead
    new, rule = paragraph_break(
        make_line("“死亡之组”出现", 1, 1),
        make_line("本届世界杯共有32支", 2, 1),
        False,
        11.0,
        before_opens=True,
        following=make_line("球队参加，分为8个小", 3, 1),
        beyond=make_line("组。目前有29支参赛队已", 4, 1),
    )
    assert new, rule


def test_a_line_short_by_a_latin_word_taken_down_with_a_mark_runs_on() -> None:
    # an 11.5-em column: …液化天然气（ stops short because LNG, which is not split, went
    # down with the closing bracket after it: not a list item ending short
    new, rule = paragraph_break(
        make_line("万立方米液化天然气（", 1, 1), make_line("LNG）运输船。", 2, 1), False, 11.5
    )
    assert not new, rule


def test_an_unfinished_line_short_over_latin_capitals_that_moved_down_runs_on() -> None:
    # …共计500台 stops 2.5 em short of the 14-em column, which five half-width letters
    # would just fill; but capitals print wider than half an em, so MPCVD did not fit: it
    # moved down and the sentence runs on (not a list item ending short)
    article = _only_article(
        [
            "金刚石散热产业化提速",
            "本报记者 谭磊",
            "该公司在宁波投资建设金刚石",
            "项目，预计总投资十亿元，水电路",
            "改造将于六月底完成，现有设备",
            "搬迁及新购设备分批调试，预计",
            "七月起陆续投产。一期计划采购",
            "产线所需的设备共计500台",
            "MPCVD（微波等离子化学气相",
            "沉积法）设备，二期再视市场需",
            "求逐步扩大产能规模和设备数量。",
        ]
    )
    assert len(article.paragraphs) == 1


def test_a_sentence_end_an_em_short_by_count_with_latin_capitals_is_a_full_line() -> None:
    # …亮相CCTV空中剧院，…片段。 counts 20 em in a 21-em column, an em short, but its four
    # capitals print wider than counted: the line is full and the next line, not indented,
    # runs on in the same paragraph
    article = _only_article(
        [
            "淮剧团推出云上展演",
            "本报记者 王敏",
            "淮剧团推出了淮音雅韵系列，追溯大师戏曲年华",
            "光影展演，将为大家介绍并展播淮剧经典传统剧",
            "目。这部作品作为淮剧经典传统剧目，常演不衰，",
            "近期由上海淮剧团国家一级演员等主演的版本，",
            "亮相CCTV空中剧院，这次团精选了经典片段。",
            "另外，此次推出的淮剧《牙痕记》为传统淮剧中",
            "的一出久演不衰的骨子老戏，由多位名家主演，",
            "是淮剧常演不衰的保留剧目，深受戏迷的喜爱。",
        ]
    )
    assert len(article.paragraphs) == 1


def test_a_first_line_over_a_character_taken_down_with_a_comma_is_no_subhead() -> None:
    # digits count the 12.x-em column at 13 em; the first line after 氛围浓厚。 stops an em
    # short of its indented measure, yet only because 面 went down with the comma after it
    # (across the blank of a column break): the line under it goes on from it, and the
    # first line is running text, not a subhead over a short paragraph
    text = "\n".join(
        [
            "车间复工复产等工作持续加",
            "快进度，有些已接近去年水",
            "平。1061家民营企业和社会组",
            "织结对帮扶1113个挂牌督战贫",
            "困村，各地各单位积极开展",
            "消费扶贫行动，社会各界参",
            "与脱贫攻坚氛围浓厚。",
            "贫困劳动力务工就业方",
            "",
            "面，已外出务工2603.79万",
            "人，占去年外出务工总数的95",
            ".4%，较3月6日提高43.37个百",
            "分点；摸排显示，贫困劳动",
            "力还有外出务工意愿的有200.",
            "78万人。52个挂牌督战县共有",
        ]
    )
    blocks = group_blocks(split_lines(text)[0])
    groups = [[line.text for line in group] for group in split_paragraphs(blocks).groups]
    assert [group[0] for group in groups] == ["车间复工复产等工作持续加", "贫困劳动力务工就业方"]


def test_a_list_item_number_is_no_character_taken_down() -> None:
    # a 16-em column: a line two em short over 面， goes on into it; over a list item's
    # number and its mark (二、, 3）) it may end its own item
    before = make_line("各地持续统筹推进疫情防控和脱", 1, 1)  # 14 em
    assert takes_down_from(before, make_line("贫，已外出务工的人数达到", 2, 1), 16.0, False)
    assert not takes_down_from(before, make_line("二、公共交通恢复运营，", 2, 1), 16.0, False)
    assert not takes_down_from(before, make_line("3）公共交通恢复运营，", 2, 1), 16.0, False)
    # far short, the line ends short for itself: a subhead, a list item
    short = make_line("各地持续统筹推进", 1, 1)
    assert not takes_down_from(short, make_line("贫，已外出务工的人数达到", 2, 1), 16.0, False)


def test_a_subhead_over_a_first_line_short_by_a_pulled_down_character() -> None:
    # an 11-em column: 守好群众的菜篮子 (8 em, no punctuation) opens a paragraph; the line
    # under it, 8 em, would be a running line three em short if the two ran on, but 价 went
    # down with the comma after it: it was set to the indented measure (9 em), a first line.
    # The line under that (9 em, as wide as a first line itself) opens with 价，, so it runs
    # on from it, short only because 吗 went down with ？”
    (article,) = parse_text(
        "\n".join(
            [
                "社区防疫保供见行动",
                "近日，本区各社区的",
                "社区志愿者们走进了居民",
                "楼，为独居老人测体温、",
                "送生活物资，帮助他们解",
                "决生活中的各种难题，得",
                "到居民们的一致好评。",
                "守好群众的菜篮子",
                "“最近菜场的蔬菜",
                "价，老人买菜还方便",
                "吗？”",
                "“家里还缺不缺米面",
                "油？需要就跟我们说。”",
                "志愿者们挨家挨户上门询",
                "问，把群众的需求记在本",
                "子上。",
            ]
        )
        + "\n"
    ).articles
    assert article.paragraphs[1:3] == ["守好群众的菜篮子", "“最近菜场的蔬菜价，老人买菜还方便吗？”"]


def test_a_line_wraps_at_the_indented_measure_only_when_the_run_cannot_fill_the_column() -> None:
    # 价， makes up the em 8 em lacks of 9 (the indented measure in an 11-em column), not the
    # three it lacks of 11; 吗？” (three em) may make up either: no measure is told
    after = make_line("价，老人买菜还方便", 3, 1)
    assert wraps_at_the_indented_measure(make_line("“最近菜场的蔬菜", 2, 1), after, 11.0)
    assert not wraps_at_the_indented_measure(
        make_line("老人买菜还方便了", 2, 1), make_line("吗？”", 3, 1), 11.0
    )


def test_a_line_whose_pulled_down_run_would_have_fitted_the_column_is_a_first_line() -> None:
    # a 15-em column: 让群众在家门口享受文化生活 fills the indented measure (13 em), and the
    # line under it, 13 em, is short of the column by 室， (two em) — but 室 and the comma
    # would both have fitted there, so nothing was taken down: the line ended at the
    # indented measure, a first line, and the line above it a subhead
    (article,) = parse_text(
        "\n".join(
            [
                "公共文化服务提质增效",
                "今年以来，本市持续推进公共",
                "文化服务体系建设，各区因地制宜",
                "打造了一批特色鲜明的文化空间，",
                "为市民提供了更加丰富多样的文化",
                "产品和服务。",
                "让群众在家门口享受文化生活",
                "各区新建改建的社区文化活动",
                "室，目前已覆盖全市所有的街镇和",
                "村居，每周开放时间不少于五十六",
                "个小时，群众步行十五分钟就能参",
                "加各类文化活动。",
            ]
        )
        + "\n"
    ).articles
    assert article.paragraphs[1] == "让群众在家门口享受文化生活"


def test_a_block_taken_for_a_subhead_ends_where_a_line_wraps_at_the_indented_measure() -> None:
    # an 11-em column; the block 守好群众的菜篮子 / “最近菜场的蔬菜 was taken for a subhead,
    # but 价 went down with the comma onto the next block's first line: the second line was
    # set to the indented measure (9 em), a paragraph's first line, not the subhead wrapped
    text = "\n".join(
        [
            "社区志愿者们走进了居民",
            "楼，为独居老人测体温、",
            "送生活物资，帮助他们解",
            "决生活中的各种难题，得",
            "到居民们的一致好评。",
            "",
            "守好群众的菜篮子",
            "“最近菜场的蔬菜",
            "",
            "价，老人买菜还方便",
            "吗？”",
        ]
    )
    blocks = group_blocks(split_lines(text)[0])
    result = split_paragraphs(blocks, {blocks[1].first.number})
    assert [[line.text for line in group] for group in result.groups][1:] == [
        ["守好群众的菜篮子"],
        ["“最近菜场的蔬菜", "价，老人买菜还方便", "吗？”"],
    ]
