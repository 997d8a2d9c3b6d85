"""A title the extractor read between a sentence cut by a column break and the text that
goes on with it: told by its line stopping short of the column in mid-sentence (a column
break cuts running text only on a full line), it leaves the cut sentence whole."""

from __future__ import annotations

from shared.parsing import parse_text
from tests.support.extracted_lines import set_in_measure

# The first article, set in a 16-em column; its second paragraph is cut by a column break
# after "而是", on a full line.
HEAD = ["全市公交线路今起逐步恢复运营", "本报讯（记者 王敏）"]
FIRST = "全市公交线路今起分批恢复运营，首批恢复的线路覆盖中心城区主要客流走廊，市民出行更加便利。"
CUT = (
    "交通部门表示，线路恢复不是一次完成的，而是根据客流变化和防疫要求逐步推进，"
    "每一批线路恢复前都要完成车辆消毒和驾驶员培训。"
)
MEASURE = 16

# The next article: its title, then its body under a dateline.
TITLE = "社区菜场延长营业时间"
SECOND = (
    "本报讯（记者 李华）本市多家社区菜场自本周起延长营业时间，"
    "早市提前到清晨六点开门，方便居民错峰采购。"
)


def _page(title: str) -> str:
    first = set_in_measure(FIRST, MEASURE)
    cut = set_in_measure(CUT, MEASURE)
    above, below = cut[:2], cut[2:]
    assert len(above[-1]) == MEASURE  # cut on a full line
    pieces = [
        "\n".join([*HEAD, *first, *above]),
        title,
        "\n".join(below),
        "\n".join(set_in_measure(SECOND, MEASURE)),
    ]
    return "\n\n".join(pieces) + "\n"


def test_a_short_title_between_a_cut_sentence_and_its_continuation() -> None:
    articles = parse_text(_page(TITLE)).articles
    assert [a.headline for a in articles] == [HEAD[0], TITLE]
    assert articles[0].paragraphs[-1] == CUT
    assert articles[1].paragraphs[0].endswith("方便居民错峰采购。")


def test_a_clause_ending_in_a_closing_quote_goes_on_with_the_cut_sentence() -> None:
    # a short line ending with a closing mark may end the cut sentence's clause: it stays
    # in the first article's text, no title (the report under it, untitled, credits
    # another reporter and so stands as an article of its own)
    clause = "“分批推进”"
    articles = parse_text(_page(clause)).articles
    assert articles[0].headline == HEAD[0]
    assert clause in "".join(articles[0].paragraphs)
    assert all(clause not in (a.headline, a.kicker, a.subtitle) for a in articles)


def test_a_list_item_under_a_lead_in_colon_is_no_title() -> None:
    # a line ending with a colon announces what follows: the short item under it opens a
    # paragraph of its own, not a title between a cut sentence and its continuation
    lead = set_in_measure(
        "依照有关规定，对有下列情形之一的当事人，公安机关将依法予以处罚：", MEASURE
    )
    assert len(lead[-1]) == MEASURE
    item = "（一）违反第五十条第一项"
    rest = set_in_measure("拒不执行疫情防控措施，情节较重的，依法从重处罚。", MEASURE)
    text = "\n\n".join(["\n".join([*HEAD, *lead]), item, "\n".join(rest)]) + "\n"
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == [HEAD[0]]
    assert item in "".join(articles[0].paragraphs)
