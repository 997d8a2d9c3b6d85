"""The public API: parse_text / parse_bytes, furniture, continuations and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.parsing import ParsedArticle, ParseError, parse_bytes, parse_text
from shared.parsing.continuations import marker_page

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

PAGE_ONE = "\n".join(
    [
        "2024年7月12日  星期五  聊城日报  要闻  第1版",
        "",
        "本报讯（记者 朱海波）7月1日，市委统战",
        "部召开上半年重点工作调度会，总结盘点",
        "“五大行动”进展情况，安排部署下阶段",
        "任务。会议要求，各单位要提品质、创亮（下转第2版）",
        "",
        "我市构建工作体系",
        "",
        "责任编辑：张三  美编：李四",
    ]
)
PAGE_TWO = "\n".join(
    [
        "聊城日报  2024年7月12日  星期五  第2版  综合",
        "",
        "（上接第1版）点、重实效，把五大行动打",
        "造成统一战线服务强市建设的响亮名片。",
        "",
        "我市构建工作体系",
        "",
        "本报讯（记者 苑莘）记者7月10日从聊城市农业农",
        "村局了解到，我市扎实做好各项工作。",
        "",
        "我市加强畜产品质量安全监管",
    ]
)


# The line page one's part ends on, at the jump, and the line page two's part opens with.
JUMP_LINE = "任务。会议要求，各单位要提品质、创亮（下转第2版）"
TURN_LINE = "（上接第1版）点、重实效，把五大行动打"


def _page_two(lines: list[str]) -> str:
    """Page two of the issue: its running header, ``lines`` (the continued part), and the
    next article's title."""
    header = "聊城日报  2024年7月12日  星期五  第2版  综合"
    return "\n".join([header, "", *lines, "", "我市构建工作体系"])


def _joined(
    jump_line: str, page_two: str = PAGE_TWO, turn_line: str | None = None
) -> ParsedArticle:
    """The article continued from page one (ending on ``jump_line``) to ``page_two``
    (opening with ``turn_line`` instead of TURN_LINE, if given), as parsed."""
    if turn_line is not None:
        page_two = page_two.replace(TURN_LINE, turn_line)
    return parse_text(PAGE_ONE.replace(JUMP_LINE, jump_line) + "\f" + page_two).articles[0]


def test_continued_article_is_joined_across_pages() -> None:
    document = parse_text(PAGE_ONE + "\f" + PAGE_TWO)
    assert [(a.headline, a.page) for a in document.articles] == [
        ("我市构建工作体系", 1),
        ("我市加强畜产品质量安全监管", 2),
    ]
    joined = document.articles[0]
    assert joined.continued_to == "下转第2版"
    assert joined.paragraphs == [
        "7月1日，市委统战部召开上半年重点工作调度会，总结盘点“五大行动”进展情况，安排部署下阶段任务。"
        "会议要求，各单位要提品质、创亮点、重实效，把五大行动打造成统一战线服务强市建设的响亮名片。"
    ]


def test_an_article_continued_over_three_pages_is_joined_into_one() -> None:
    # page 2 carries the middle part, itself continued to page 3
    page_two = PAGE_TWO.replace("响亮名片。", "响亮（下转第3版）")
    page_three = "\n".join(
        [
            "聊城日报  2024年7月12日  星期五  第3版  综合",
            "",
            "（上接第2版）名片。全市上下要形成合力，",
            "确保按时按质完成全年目标任务。",
            "",
            "我市构建工作体系",
        ]
    )
    document = parse_text(PAGE_ONE + "\f" + page_two + "\f" + page_three)
    assert [(a.headline, a.page) for a in document.articles] == [
        ("我市构建工作体系", 1),
        ("我市加强畜产品质量安全监管", 2),
    ]
    assert document.articles[0].paragraphs == [
        "7月1日，市委统战部召开上半年重点工作调度会，总结盘点“五大行动”进展情况，安排部署下阶段任务。"
        "会议要求，各单位要提品质、创亮点、重实效，把五大行动打造成统一战线服务强市建设的响亮名片。"
        "全市上下要形成合力，确保按时按质完成全年目标任务。"
    ]


def test_a_short_last_line_before_the_jump_ends_its_paragraph() -> None:
    # the first part ends with a subhead far short of the column: the jump did not cut a
    # paragraph there, so the second part opens a paragraph of its own
    joined = _joined(
        "任务。\n全面推进五大行动（下转第2版）",
        turn_line="（上接第1版）会议要求，各单位要提品质、创亮点、重实效，把五大行动打",
    )
    assert joined.paragraphs[1:] == [
        "全面推进五大行动",
        "会议要求，各单位要提品质、创亮点、重实效，把五大行动打造成统一战线服务强市建设的响亮名片。",
    ]


def test_a_last_line_short_by_a_character_taken_down_at_the_jump_runs_on() -> None:
    # the first part's last line stops 3 em short of its 18-em column, but only because 品
    # could not end it without 质, which went down with the closing marks after it (”、):
    # the line is full, the jump cut the paragraph in mid-sentence
    joined = _joined(
        "任务。会议要求，各单位要提“品（下转第2版）",
        turn_line="（上接第1版）质”、重实效，把五大行动打",
    )
    assert len(joined.paragraphs) == 1
    assert "各单位要提“品质”、重实效" in joined.paragraphs[0]


def test_a_lead_in_before_the_jump_ends_its_paragraph_though_a_mark_opens_the_next() -> None:
    # …他答： stops 2 em short of its 18-em column; 对。 opening page two looks like a
    # character taken down with a full stop, but a colon leads in what follows
    joined = _joined(
        "任务。记者问能否按时完成，他答：（下转第2版）",
        turn_line="（上接第1版）对。我们一定能按时完成，把五大行动打",
    )
    assert joined.paragraphs[-1].startswith("对。我们一定能按时完成")


def test_a_list_item_number_after_the_jump_opens_a_paragraph() -> None:
    # 二、 opening page two is a list item's number, not a character the line-start rule
    # took down: the list item above (2 em short, unfinished) ended its paragraph
    joined = _joined(
        "任务。一、全市各小区有序恢复出入（下转第2版）",
        turn_line="（上接第1版）二、公共交通恢复运营，把五大行动打",
    )
    assert joined.paragraphs[-1].startswith("二、公共交通恢复运营")


# The second part of the article on page one, its first line filling its column.
PAGE_TWO_FULL = _page_two(
    [
        "（上接第1版）把五大行动打造成统一战线服务强市建设",
        "的响亮名片，全市上下要形成合力，确保",
        "按时按质完成全年目标任务，以实干实效",
        "迎接新中国成立七十五周年。",
    ]
)
# The line page one's part ends on when it ends a sentence flush at the jump.
FLUSH_JUMP_LINE = "任务。会议要求各单位提品质、重实效。（下转第2版）"


def _joined_after_flush_jump(lines: list[str]) -> ParsedArticle:
    """The article whose first part ends a sentence flush at the jump (``FLUSH_JUMP_LINE``)
    and whose second part is ``lines`` on page two (:func:`_page_two`), as parsed."""
    return _joined(FLUSH_JUMP_LINE, _page_two(lines))


def test_a_sentence_ending_flush_at_the_jump_runs_on_into_a_full_first_line() -> None:
    # the first part ends a sentence on a full line, and the second part opens with a line
    # as wide as its column: no paragraph's first line (short by the indent), so the
    # paragraph runs on across the jump
    joined = _joined(FLUSH_JUMP_LINE, PAGE_TWO_FULL)
    assert len(joined.paragraphs) == 1
    assert "重实效。把五大行动打造成" in joined.paragraphs[0]


def test_a_sentence_tail_short_of_the_column_at_the_jump_runs_on_into_a_full_first_line() -> (
    None
):
    # the first part's last line stops far short in mid-sentence, under a full line that
    # ends no sentence (the wrapped tail of a sentence, no subhead), and the second part
    # opens with a line as wide as its column (no indented first line): the column ended
    # early, and the paragraph runs on across the jump
    jump = "任务。会议要求，各单位要提品质、创亮\n点、重实效，（下转第2版）"
    joined = _joined(jump, PAGE_TWO_FULL)
    assert len(joined.paragraphs) == 1
    assert "创亮点、重实效，把五大行动打造成" in joined.paragraphs[0]


def test_a_full_first_line_ending_a_sentence_after_the_jump_runs_on() -> None:
    # the second part opens with a line as wide as its 18-em column that ends a sentence:
    # a paragraph's first line, whatever it ends with, is short by the indent, so this is
    # a running line and the paragraph runs on across the jump
    joined = _joined_after_flush_jump(
        [
            "（上接第1版）全市上下要形成合力，按时完成好任务。",
            "以实干实效迎接新中国成立七十五周年，",
            "把五大行动打造成统一战线服务强市建设",
            "的响亮名片。",
        ]
    )
    assert len(joined.paragraphs) == 1
    assert "重实效。全市上下要形成合力" in joined.paragraphs[0]


def test_a_sentence_ending_flush_at_the_jump_ends_its_paragraph_over_a_first_line() -> None:
    # the same, but the second part opens two em short of its 18-em column: the indented
    # first line of a new paragraph
    joined = _joined_after_flush_jump(
        [
            "（上接第1版）全市上下要形成合力，确保按时按质",
            "完成全年目标任务，以实干实效迎接新中",
            "国成立七十五周年，把五大行动打造成统",
            "一战线服务强市建设的响亮名片。",
        ]
    )
    assert len(joined.paragraphs) == 2
    assert joined.paragraphs[1].startswith("全市上下要形成合力")


def test_a_first_line_an_em_short_after_the_jump_opens_a_paragraph() -> None:
    # an em short of its 18-em column reads as an indented first line (punctuation
    # compression lets a first line hold more): no run-on across the jump
    joined = _joined_after_flush_jump(
        [
            "（上接第1版）把五大行动打造成统一战线服务强市建",
            "设的响亮名片，全市上下要形成合力，确",
            "保按时按质完成全年目标任务，以实干实",
            "效迎接新中国成立七十五周年。",
        ]
    )
    assert len(joined.paragraphs) == 2


def test_a_first_line_an_em_short_by_count_for_its_latin_capitals_after_the_jump_runs_on() -> (
    None
):
    # N4、N5 count half an em a character but print wider: the line counted an em short of
    # its 18-em column fills it in print, a running line, so the sentence ending flush at
    # the jump runs on into it
    joined = _joined_after_flush_jump(
        [
            "（上接第1版）全市上下要形成合力，确保N4、N5完成",
            "全年目标任务，以实干实效迎接新中国成",
            "立七十五周年，把五大行动打造成统一战",
            "线服务强市建设的响亮名片。",
        ]
    )
    assert len(joined.paragraphs) == 1


def test_a_first_line_with_a_kept_indent_after_the_jump_opens_a_paragraph() -> None:
    # the extractor kept the paragraph indent (two full-width spaces) on the second part's
    # first line: a paragraph's first line, however many characters it holds
    joined = _joined_after_flush_jump(
        [
            "（上接第1版）",
            "\u3000\u3000全市上下要形成合力，确保按时按质完成",
            "全年目标任务，以实干实效迎接新中国成",
            "立七十五周年，把五大行动打造成统一战",
            "线服务强市建设的响亮名片。",
        ]
    )
    assert len(joined.paragraphs) == 2


def test_a_part_that_goes_on_after_a_subhead_keeps_its_turn_line() -> None:
    # the 下转 marker closes the text under the subhead: the article still goes on to page 2
    page1 = [
        "起草组广泛听取代表委员意见",
        "",
        "本报讯（记者 田博）5月28日，十三届全国人大三次会议表决通过",
        "了关于政府工作报告的决议，决定批准这个报告。听取吸收人大代",
        "表和政协委员意见建议，是政府科学民主决策的重要体现。",
        "",
        "补充修改内容涵盖七成意见",
        "",
        "按照要求，每年全国两会期间，政府工作报告起草组人员会在现场",
        "旁听，记录并分类汇总代表委员对报告的直接修改意见和对政府工",
        "作及有关政策的建议。孙国君介绍，今年起草组对报告作了八十九",
        "处修改，其中三分之二涉及民生和就业，各部门正在明确责任分工",
        "（下转第2版）",
    ]
    page2 = [
        "起草组广泛听取代表委员意见",
        "",
        "（上接第1版）并及时出台配套政策。“总的来说，今年的政策执行可",
        "能面临一些挑战。”孙国君说，今年只剩七个月时间，抓落实任务尤",
        "其繁重，可以说刻不容缓、分秒必争。",
    ]
    articles = parse_text("\n".join(page1) + "\n\f" + "\n".join(page2)).articles
    assert len(articles) == 1
    assert articles[0].paragraphs[1] == "补充修改内容涵盖七成意见"
    assert "明确责任分工并及时出台配套政策。" in articles[0].paragraphs[2]


def test_unmatched_continuation_is_recorded() -> None:
    document = parse_text(PAGE_TWO)
    assert document.articles[0].continued_from == "上接第1版"
    assert "上接" not in document.articles[0].body


def test_page_furniture_is_recorded_not_parsed_as_articles() -> None:
    document = parse_text(PAGE_ONE + "\f" + PAGE_TWO)
    first, second = document.pages
    assert first.furniture.paper == "聊城日报"
    assert first.furniture.date == "2024年7月12日"
    assert first.furniture.page_label == "第1版"
    assert first.furniture.section == "要闻"
    assert first.furniture.editors == ["张三", "李四"]
    assert second.furniture.page_label == "第2版"
    assert all("责任编辑" not in a.body and "星期五" not in a.body for a in document.articles)


@pytest.mark.parametrize("page", ["下转第2版", "上接第二版", "下转A3版", "转第十二版"])
def test_marker_page(page: str) -> None:
    assert marker_page(page) in (2, 3, 12)


def test_parse_text_of_empty_or_blank_text_has_no_articles() -> None:
    assert parse_text("").articles == []
    assert parse_text("\n\n  \n").articles == []


def test_parse_text_rejects_non_text() -> None:
    with pytest.raises(ParseError):
        parse_text(b"bytes")


def test_parse_bytes_gives_the_same_result_for_every_encoding() -> None:
    text = (FIXTURES / "seed-liaocheng-p2.txt").read_text(encoding="utf-8")
    expected = [a.to_dict() for a in parse_text(text).articles]
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        data = text.replace("\n", "\r\n").encode(encoding)
        assert [a.to_dict() for a in parse_bytes(data).articles] == expected


def test_parse_bytes_refuses_binary() -> None:
    with pytest.raises(ParseError) as info:
        parse_bytes(b"\x00\x01\x02binary\x00")
    assert info.value.code == "undecodable"


def test_to_dict_has_the_body() -> None:
    article = parse_text(PAGE_TWO).articles[1]
    data = article.to_dict()
    assert data["body"] == "\n".join(article.paragraphs)
    assert data["headline"] == "我市加强畜产品质量安全监管"


def test_a_first_line_short_only_by_a_character_taken_down_after_the_jump_runs_on() -> None:
    # the second part opens an em short of its 18-em column, only because 细 went down
    # with the 、 after it (no line opens with 、): a running line, no paragraph's first line
    # (two em short by the indent), so the paragraph runs on across the jump
    joined = _joined_after_flush_jump(
        [
            "（上接第1版）全市上下要形成合力，确保工作落实落",
            "细、按时完成全年目标，以实干实效迎接",
            "新中国成立七十五周年，把五大行动打造",
            "成统一战线服务强市建设的响亮名片。",
        ]
    )
    assert len(joined.paragraphs) == 1
    assert "重实效。全市上下要形成合力" in joined.paragraphs[0]
