"""A photo credit split by the extractor, its opening (``■ 本报``, ``（本报记者 魏``) read on
a line of its own after the caption and its rest (``记者 周杰``, ``欣 摄）``) left under the
caption's last sentence, is joined again as that caption's credit (``split_credits.py``)."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text
from shared.parsing.lines import split_lines
from shared.parsing.split_credits import rejoin_split_credits
from tests.support.extracted_lines import set_in_measure

TITLE = ["社区食堂开进老小区"]
CAPTION = [
    "居民在新开张的社区食堂里挑选午餐，窗口前排起了长队，工作人员忙着为老人们打菜盛汤，",
    "饭菜价格比市面上低三成左右，不少老人说这里的饭菜合口味，每天都来。",
]
BODY = [
    "本报讯（记者 张明远）城东新",
    *set_in_measure(
        "建的社区食堂上周开门迎客，每天中午都有两百多位老人前来用餐。街道还打算在食堂旁"
        "开设阅览室和棋牌室，让老人们吃完饭有地方坐一坐、聊一聊。",
        12,
    ),
]


def parse(*lines: str) -> list[ParsedArticle]:
    return parse_text("\n".join(lines)).articles


def joined(*lines: str) -> list[str]:
    return [line.text for line in rejoin_split_credits(split_lines("\n".join(lines))[0])]


def test_a_bullet_opening_read_past_the_editor_line_rejoins_the_rest_under_the_caption() -> None:
    lines = joined(*CAPTION, "记者 李响", "", "责任编辑：张三", "", "■ 本报", "", *BODY)
    assert lines[2] == "■ 本报记者 李响"
    assert "■ 本报" not in lines
    articles = parse(*TITLE, "", *CAPTION, "记者 李响", "", "■ 本报", "", *BODY)
    photos = [a for a in articles if a.kind == "photo"]
    assert [a.reporters for a in photos] == [["李响"]]
    assert [(a.kind, a.reporters) for a in articles if a.kind == "article"] == [
        ("article", ["张明远"])
    ]


def test_a_bracket_opening_rejoins_a_rest_closing_with_she() -> None:
    lines = joined(*CAPTION, "响 摄）", "", "（本报记者 李", "", *BODY)
    assert lines[2] == "（本报记者 李响 摄）"
    assert len(lines) == len(CAPTION) + 2 + len(BODY)


def test_a_byline_under_a_title_and_a_whole_bullet_credit_are_left_alone() -> None:
    page = [*CAPTION, "记者 李响", "", "■ 本报记者 王芳", "", *BODY]
    assert joined(*page) == [line.strip() for line in page]
    page = [*TITLE, "记者 李响", "", "■ 本报", "", *BODY]
    assert joined(*page) == [line.strip() for line in page]
