"""Two pieces of body set in one column or in two: subheads and glued titles."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.blocks import TITLE_SPLIT_RULE, group_blocks, lines_share_column
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


# ---- a subhead wrapped like a paragraph between parts on different topics ---------------

EXAMS = (
    "本市中小学本学期不再组织统一的期末考试，学校可结合学生作业、线上学习状况及线上活动表现"
    "等情况，对学生进行综合评价。高考和中考的考场设置、考务安排和防疫措施已经全部落实到位，"
    "考生可以通过学校了解具体的考试时间和考点信息，教育部门将提前发布考试须知和注意事项。"
)
CASES = (
    "昨天，上海新增本土确诊病例和本土无症状感染者，其中多数在闭环隔离管控中发现，其余在相关"
    "风险人群筛查中发现。新增治愈出院病例，解除医学观察无症状感染者，在院治疗的重型和危重型"
    "病例继续得到救治，核酸检测报告的有效时间从采样时间开始计算，各区继续开展常态化核酸筛查。"
)


def _column_lines(text: str, column: int) -> list[str]:
    """``text`` (characters and full-width marks only) wrapped at ``column`` em, the first
    line indented by two characters (the indent lost)."""
    rows = [text[: column - 2]]
    rest = text[column - 2 :]
    rows += [rest[i : i + column] for i in range(0, len(rest), column)]
    return rows


def _two_part_page(title_rows: list[str]) -> str:
    return "\n".join(
        [
            "复工复产人员可以通过公交通勤",
            "",
            "本报记者 王伟",
            "",
            *_column_lines(EXAMS, 14),
            "",
            *title_rows,
            "",
            *_column_lines(CASES, 14),
        ]
    )


def test_a_title_wrapped_like_an_indented_paragraph_is_a_subhead_whatever_the_topics() -> None:
    # 12 em (the 14 em column minus the indent), then the rest: set as a paragraph
    parsed = parse_text(_two_part_page(["核酸报告的时间以采样时间", "开始计算"]))
    assert [a.headline for a in parsed.articles] == ["复工复产人员可以通过公交通勤"]
    assert "核酸报告的时间以采样时间开始计算" in parsed.articles[0].paragraphs


def test_a_title_wrapped_at_its_own_measure_opens_an_article_on_another_topic() -> None:
    parsed = parse_text(_two_part_page(["核酸报告的时间以采", "样时间开始计算"]))  # 9 em
    assert [a.headline for a in parsed.articles] == [
        "复工复产人员可以通过公交通勤",
        "核酸报告的时间以采样时间开始计算",
    ]
