"""Role-shaped section labels inside an article (``■记者观察``) are text, not a second byline."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text


def parse(*lines: str) -> list[ParsedArticle]:
    return parse_text("\n".join(lines)).articles


OPENING = [
    "城东新建的社区食堂上周开门迎客，每天中",
    "午都有两百多位老人前来用餐，饭菜价格比",
    "市面上低三成左右。",
]
LATER = [
    "提供实惠的饭菜只是第一步，街道还打算在",
    "食堂旁开设阅览室和棋牌室，让老人们吃完",
    "饭有地方坐一坐、聊一聊。",
]


def test_label_after_a_byline_stays_in_the_body() -> None:
    articles = parse(
        "社区食堂开进老小区",
        "",
        "记者 张明远",
        "",
        *OPENING,
        "■记者观察",
        *LATER,
    )
    assert len(articles) == 1
    assert articles[0].reporters == ["张明远"]
    assert "■记者观察" in articles[0].paragraphs


def test_label_after_a_credited_dateline_with_titles_after_the_body() -> None:
    articles = parse(
        "本报讯（记者 刘晓东）" + OPENING[0],
        *OPENING[1:],
        "■记者观察",
        *LATER,
        "",
        "社区食堂开进老小区",
        "",
        "本报讯（记者 王海）市图书馆今年新增藏书",
        "三万余册，其中少儿读物占了一半。",
        "",
        "市图书馆新增藏书三万册",
    )
    assert [a.headline for a in articles] == ["社区食堂开进老小区", "市图书馆新增藏书三万册"]
    assert articles[0].reporters == ["刘晓东"]
    assert "■记者观察" in articles[0].paragraphs


def test_indented_label_is_neither_byline_nor_photo_credit() -> None:
    articles = parse(
        "社区食堂开进老小区",
        "",
        "记者 张明远",
        "",
        "　　" + OPENING[0],
        *OPENING[1:],
        "　　■记者观察",
        "　　" + LATER[0],
        *LATER[1:],
    )
    assert len(articles) == 1
    assert articles[0].kind == "article"
    assert articles[0].reporters == ["张明远"]
    assert "■记者观察" in articles[0].paragraphs


def test_label_inside_an_uncredited_article_names_nobody() -> None:
    articles = parse(
        "社区食堂开进老小区",
        "",
        *OPENING,
        "■记者观察",
        *LATER,
    )
    assert len(articles) == 1
    assert articles[0].reporters == []
    assert "■记者观察" in articles[0].paragraphs
