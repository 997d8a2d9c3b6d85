"""A short block standing between titles is no article's whole body: a headline that
exclaims or asks, or holds a comma, in a stack of titles over a byline stays a title
(:func:`.titles._bodies_between_titles`)."""

from __future__ import annotations

from shared.parsing import parse_text
from tests.support.extracted_lines import set_in_measure

BODY = (
    "今年第一季度，沪深股市出现大幅调整，上证指数累计下跌超过一成，不少投资者因此感到"
    "焦虑。专家表示，市场调整是正常现象，长期向好的基本面没有改变。"
)


def _page(stack: list[str]) -> str:
    body = "\n".join(["首席记者 连建明", *set_in_measure(BODY, 12)])
    return "\n\n".join([*stack, body]) + "\n"


def test_an_exclaiming_headline_between_titles_is_no_body() -> None:
    stack = ["一季度沪深股市出现大幅调整", "杨善洲：", "不必恐慌，春天临近了！"]
    stack.append("草鞋书记 一心为民")
    articles = parse_text(_page(stack)).articles
    assert [a.paragraphs for a in articles] == [[BODY]]
    titles = " ".join(f"{a.kicker} {a.headline} {a.subtitle}" for a in articles)
    assert "不必恐慌，春天临近了！" in titles


def test_a_closed_paragraph_under_a_body_stays_body() -> None:
    # the same line closing a body above the stack is the body's last paragraph
    above = "\n".join(set_in_measure(BODY, 12))
    page = "\n\n".join([above + "\n不必恐慌，春天临近了！", "草鞋书记 一心为民"])
    page += "\n\n" + "\n".join(["首席记者 连建明", *set_in_measure(BODY, 12)]) + "\n"
    articles = parse_text(page).articles
    assert articles[0].paragraphs[-1].endswith("不必恐慌，春天临近了！")
