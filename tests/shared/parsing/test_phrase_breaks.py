"""A break between two title lines inside a phrase (a wrap) or between phrases (a stack)."""

from __future__ import annotations

import os
import subprocess
import sys

from shared.parsing.phrase_breaks import breaks_inside_phrase


def test_a_word_across_the_break_is_a_wrap() -> None:
    assert breaks_inside_phrase("全市公交线路逐步恢", "复运营首批覆盖主城区")


def test_a_line_ending_with_a_word_that_leads_into_the_next_is_a_wrap() -> None:
    assert breaks_inside_phrase("菜场延长营业时间 市民将", "错峰采购蔬菜水果")  # adverb


def test_a_line_opening_with_a_word_that_hangs_on_the_one_before_is_a_wrap() -> None:
    assert breaks_inside_phrase("市领导会见外国企业家代表", "和本市商会负责人")  # conjunction
    assert breaks_inside_phrase("座谈会邀请知名专家学者", "等二十余人参加")  # particle


def test_a_line_ending_with_a_numeral_or_the_particle_that_sums_up_a_list_is_a_wrap() -> None:
    # what the numeral counts, or the noun the list is summed up in, opens the next line
    assert breaks_inside_phrase("本市今年新增多个", "城市公园绿地开放")
    assert breaks_inside_phrase("市领导看望张师傅李阿姨等", "一线环卫工人")


def test_a_line_ending_with_a_verb_of_one_character_is_a_wrap() -> None:
    # the verb's object opens the next line: no title phrase ends on a lone verb
    assert breaks_inside_phrase("志愿者为独居老人送", "年夜饭上门")


def test_a_line_ending_with_an_adverb_of_resolve_is_a_wrap() -> None:
    # the adverb opens the verb it modifies (jieba tags 全力 a noun)
    assert breaks_inside_phrase("加快项目建设全力", "保障重点工程")


def test_two_phrases_stacked_break_between_words_that_close_and_open_phrases() -> None:
    assert not breaks_inside_phrase("全市公交线路今起恢复运营", "市民出行更加便利")
    assert not breaks_inside_phrase("城市更新让老街区焕发新活力", "居民生活更加便利")
    # a clause closed by a verb of two characters, or by 了, is a kicker of its own
    assert not breaks_inside_phrase("全市春运今日启动", "铁路加开临时列车")
    assert not breaks_inside_phrase("新版公交线路图上线了", "市民出行查询更方便")


def test_a_dictionary_that_cannot_load_gives_no_evidence_and_no_failure() -> None:
    # a fresh process whose user dictionary setting names no file: the rule says nothing
    # rather than failing the page's parse over a setting; the parser's import loads no
    # dictionary at all (the web front end imports it and never reaches this rule)
    script = (
        "import sys\n"
        "from shared.parsing.phrase_breaks import breaks_inside_phrase\n"
        "assert 'rjieba' not in sys.modules\n"
        "print(breaks_inside_phrase('社区食堂推出老年助餐套餐 价格实', '惠品种丰富'))\n"
    )
    env = {**os.environ, "BAOKAN_JIEBA_USERDICT": "/nonexistent/userdict.txt"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
