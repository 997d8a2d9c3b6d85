"""A title the extractor read between a sentence cut at a column's foot and the text going
on with that sentence, where the text under it opens with the end of a broken clause: the
sentence runs on across the title (:func:`.amid_titles.stands_across_a_sentence`)."""

from __future__ import annotations

from shared.parsing import parse_text
from tests.support.extracted_lines import set_in_measure

HEAD = ["全市公交线路今起逐步恢复运营", "本报讯（记者 王敏）"]
FIRST = "全市公交线路今起分批恢复运营，首批恢复的线路覆盖中心城区主要客流走廊，市民出行更加便利。"
# cut after its second line, a full one; the text under the title opens "施，…"
CUT = (
    "交通部门表示，线路恢复不是一次完成，将根据客流变化分批推进各项措"
    "施，每一批线路恢复前都要完成车辆消毒和驾驶员培训。"
)
MEASURE = 16
# a headline pausing on a comma and quoting a phrase, wrapped at its own measure
TITLE = ["稳岗拓岗，“就业服务”", "送进社区"]
SECOND = (
    "本报讯（记者 李华）本市多家社区菜场自本周起延长营业时间，"
    "早市提前到清晨六点开门，方便居民错峰采购。"
)


def _page(title: list[str]) -> str:
    cut = set_in_measure(CUT, MEASURE)
    above, below = cut[:2], cut[2:]
    assert len(above[-1]) == MEASURE
    assert below[0].startswith("施，")
    pieces = [
        "\n".join([*HEAD, *set_in_measure(FIRST, MEASURE), *above]),
        "\n".join(title),
        "\n".join(below),
        "\n".join(set_in_measure(SECOND, MEASURE)),
    ]
    return "\n\n".join(pieces) + "\n"


def test_a_title_between_a_cut_sentence_and_the_end_of_its_clause() -> None:
    articles = parse_text(_page(TITLE)).articles
    assert [a.headline for a in articles] == [HEAD[0], "".join(TITLE)]
    assert articles[0].paragraphs[-1] == CUT


def test_a_line_closing_a_quotation_opened_above_is_running_text() -> None:
    # a short line closing a quotation it did not open ends a quoted phrase of the text
    # above: no title, though the text under it opens mid-clause
    articles = parse_text(_page(["“就业服务”进社区”"])).articles
    assert all("就业服务" not in (a.headline or "") for a in articles)


def test_a_title_that_asks_between_a_cut_sentence_and_the_end_of_its_clause() -> None:
    # a question mark closes the title, yet it cannot close the cut sentence: its last line
    # stops short, which ends a paragraph, and the text under it opens in mid-clause
    title = ["稳岗拓岗，“就业服务”", "怎样送进社区？"]
    articles = parse_text(_page(title)).articles
    assert [a.headline for a in articles] == [HEAD[0], "".join(title)]
    assert articles[0].paragraphs[-1] == CUT


def test_a_question_whose_first_line_fills_the_column_runs_on() -> None:
    # a question read on a full line runs on from the cut sentence: no title of its own
    question = ["一线医务人员和社区志愿者两年来有", "何不同？"]
    assert len(question[0]) == MEASURE
    articles = parse_text(_page(question)).articles
    assert all("何不同" not in (a.headline or "") for a in articles)
