"""A break between two title lines inside a phrase (a wrap) or between phrases (a stack)."""

from __future__ import annotations

from shared.parsing.phrase_breaks import breaks_inside_phrase


def test_a_word_across_the_break_is_a_wrap() -> None:
    assert breaks_inside_phrase("全市公交线路逐步恢", "复运营首批覆盖主城区")


def test_a_line_ending_with_a_word_that_leads_into_the_next_is_a_wrap() -> None:
    assert breaks_inside_phrase("菜场延长营业时间 市民将", "错峰采购蔬菜水果")  # adverb


def test_a_line_opening_with_a_word_that_hangs_on_the_one_before_is_a_wrap() -> None:
    assert breaks_inside_phrase("市领导会见外国企业家代表", "和本市商会负责人")  # conjunction
    assert breaks_inside_phrase("座谈会邀请知名专家学者", "等二十余人参加")  # particle


def test_two_phrases_stacked_break_between_words_that_close_and_open_phrases() -> None:
    assert not breaks_inside_phrase("全市公交线路今起恢复运营", "市民出行更加便利")
    assert not breaks_inside_phrase("城市更新让老街区焕发新活力", "居民生活更加便利")
