"""A headline that quotes, glued over its body under a kicker ending with a dash."""

from __future__ import annotations

from shared.parsing import parse_text
from tests.support.extracted_lines import set_in_measure

# The article above, closed, in a 16-em column.
ABOVE = [
    "全市公交线路今起逐步恢复运营",
    "本报讯（记者 王敏）",
    *set_in_measure(
        "全市公交线路今起分批恢复运营，首批恢复的线路覆盖中心城区主要客流走廊，"
        "市民出行更加便利。交通部门表示，每一批线路恢复前都要完成车辆消毒。",
        16,
    ),
]
KICKER = "援鄂医疗队员平安归来——"
QUOTE = "“有你们在，我们就安心！”"
# The body: a paragraph's first line short of the 16-em column by the (dropped) indent.
BODY = [
    "昨天下午，最后一批援鄂医疗",
    "队员结束隔离休养，回到各自医院，",
    "同事们早早等在门口，献上鲜花，",
    "欢迎他们平安归来。队员们表示，",
    "将尽快投入到日常诊疗工作中去。",
]


def _page(quote: str) -> str:
    return "\n".join([*ABOVE, "", KICKER, "", quote, *BODY]) + "\n"


def test_a_quotation_under_a_kicker_dash_is_the_headline() -> None:
    articles = parse_text(_page(QUOTE)).articles
    assert [a.headline for a in articles] == [ABOVE[0], QUOTE]
    assert articles[1].kicker == KICKER
    assert articles[1].paragraphs[0].startswith("昨天下午")


def test_a_quotation_under_a_colon_stays_body() -> None:
    # a colon announces the words quoted under it, not a headline: the quotation opens
    # the text under it
    text = "\n".join([*ABOVE[:-1], "队员们说：", QUOTE, *BODY]) + "\n"
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == [ABOVE[0]]
    assert QUOTE in "".join(articles[0].paragraphs)


def test_a_quotation_set_past_the_column_under_a_kicker_dash_is_the_headline() -> None:
    # set in larger type, the quotation runs past the body's 16-em column
    quote = "“有你们在，我们就安心！感谢白衣天使们日夜守护！”"
    articles = parse_text(_page(quote)).articles
    assert [a.headline for a in articles] == [ABOVE[0], quote]
    assert articles[1].paragraphs[0].startswith("昨天下午")
