"""A line cut in the middle of a word at the column's measure is no title, though the text
under it, after the sentence it ends, speaks of something else."""

from __future__ import annotations

from shared.parsing import parse_text

# A report's column (12 em; its title set elsewhere on the page) whose last paragraph opens
# at the indented measure (10 em) and closes its sentence two characters into the next
# line, the block's last.
REFORM = [
    "2024年9月，教育部与江",
    "苏省共建全国首个区域中",
    "心，在南京、苏州布局生物",
    "医药、信息通信、先进材料",
    "等分中心，促进创新链、产",
    "业链、资金链、人才链深度",
    "融合，为发展新质生产力、",
    "推动高质量发展探索新路。",
    "2017年入职南京邮电大",
    "学后，王健在成果转化上遇",
    "到过困难，“以前总觉得手",
    "脚被‘细绳子’捆着，想转",
    "化却迈不开步。考核偏重论",
    "文与教学，职务科技成果还",
    "存在国有资产管理方面的顾",
    "虑。”",
    "变化始于一系列改革举",
    "措。",
    "",
]

# Another report on another topic: its title and byline set over the column above, its
# text after it.
CARE_TITLE = ["“儿童督导员”上线了", "本报记者 左妍", ""]
CARE = [
    "社区封控期间，需要加",
    "强对特殊人群的关心照顾。",
    "如何关心孤寡独居老人、行",
    "动不便的人？如果家里大人",
    "感染被转运治疗，未成年人",
    "子女谁来照料？市民政局副",
    "局长曾群表示，上海是一个",
    "老龄化程度很高的城市。本",
    "轮疫情暴发以来，对社区老",
    "年人等特殊人群的关心关爱",
    "和服务保障是我们工作的重",
    "中之重。近期，各级民政部",
    "门、街镇和村居委也在想方",
    "设法做好社区特殊人群的服",
    "务保障工作。",
]


def test_a_line_closed_two_characters_on_is_no_title() -> None:
    # ``变化始于一系列改革举`` over ``措。``: a paragraph's first line whose sentence ends in
    # a word cut at the line end, not a title over a body (a body opens with a paragraph)
    articles = parse_text("\n".join([*CARE_TITLE, *REFORM, *CARE]) + "\n").articles
    assert all(a.headline != "变化始于一系列改革举" for a in articles)
    assert any("变化始于一系列改革举措。" in a.paragraphs for a in articles)
