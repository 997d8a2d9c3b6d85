"""A paragraph that introduces a list with a colon is body, even when it wraps into a
short last line and stands between blank lines like a title."""

from __future__ import annotations

from shared.parsing import parse_text


def test_wrapped_colon_lead_in_is_body() -> None:
    text = "\n".join(
        [
            "公园改造方案征求意见",
            "",
            "本报讯（记者 陈立）市园林局昨天公布了滨江公园",
            "改造方案，向市民公开征求意见，为期两周。",
            "",
            "方案共涉及绿化、步道、照明和配套设施等方面，主",
            "要内容可以归纳为三点：",
            "",
            "一是补种乔木两千余株，新增林荫步道三公里，让",
            "市民夏天散步不再晒太阳。",
            "",
            "二是更换老旧路灯，夜间照明覆盖所有步道。",
        ]
    )
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == ["公园改造方案征求意见"]
    assert len(articles[0].paragraphs) == 4
    assert articles[0].paragraphs[1].endswith("可以归纳为三点：")


def test_short_colon_kicker_is_still_a_title() -> None:
    text = "\n".join(
        [
            "园林局局长：",
            "",
            "让每个小区都有口袋公园",
            "",
            "本报讯（记者 陈立）市园林局昨天公布了滨江公园",
            "改造方案，向市民公开征求意见，为期两周。",
        ]
    )
    articles = parse_text(text).articles
    pairs = [(a.kicker, a.headline) for a in articles]
    assert pairs == [("园林局局长：", "让每个小区都有口袋公园")]
