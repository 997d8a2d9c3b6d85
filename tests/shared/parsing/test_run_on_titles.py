"""Lines run on from the text above them over a blank line: that text's, not the next title's."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.block import Block
from shared.parsing.line_adjacency import LineOrder
from shared.parsing.lines import make_line
from shared.parsing.run_on_titles import return_run_on_titles
from shared.parsing.units import Item, TitleGroup, Unit

FIRST = [
    "长江黄金水道扩能带来新机遇",
    "本报讯（记者 张立）长江航道整治工程近日完工，万吨级",
    "船舶可以直达重庆，沿江港口的货物吞吐能力明显提升，航运",
    "企业纷纷加密航线，物流成本随之下降，沿线城市的产业布局",
    "也在调整之中，一批临港产业园区正在加快建设。",
    "业内人士认为，水运通道扩能将为沿江地区带来新的发",
    "展机遇，港口、物流和制造企业都在加快布局，新的投资项目",
    "不断落地，沿江各地的合作也更加紧密。",
]
SECOND = [
    "本报讯（记者 李响）世界杯开赛以来，本市多个商圈",
    "推出观赛活动，餐饮、零售和文旅消费明显升温，不少商家",
    "延长营业时间，推出夜间优惠套餐，吸引球迷前来观赛消费。",
    "商圈负责人表示，将结合赛程安排更多主题活动，让观赛",
    "热情转化为持续的消费动力，同时做好安全保障和交通疏导。",
]
# a paragraph's first line at the column's foot (25 em: the 27-em column less the indent),
# its sentence going on in a column read elsewhere
CUT_FIRST_LINE = "这段水上高速从“双向两车道”升级为“双向四车道”"


def test_a_line_run_on_from_the_body_over_a_blank_stays_in_that_body() -> None:
    # pdftotext parts a title from the text above it with a blank line and runs it into the
    # text under it: the line run on from the body above, standing over a blank line, is a
    # line of that body, not a kicker over the next article's headline
    lines = [*FIRST, CUT_FIRST_LINE, "", "商圈如何接住世界杯流量？", *SECOND]
    articles = parse_text("\n".join(lines)).articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "长江黄金水道扩能带来新机遇"),
        ("", "商圈如何接住世界杯流量？"),
    ]
    assert articles[0].paragraphs[-1] == CUT_FIRST_LINE


def test_a_kicker_run_on_from_the_text_above_stays_where_the_page_runs_titles_on() -> None:
    # a page whose stacks run on from the text above (a kicker and headline between one
    # article's last sentence and the next one's byline) sets a kicker so as well: a line
    # run on from the text above tells nothing there, whatever its measure
    lines = [
        *FIRST[:5],
        "陆军军医大学护士——",
        "“五朵金花”绽放一线",
        "■ 本报记者 胡霞",
        *FIRST[5:],
        CUT_FIRST_LINE,
        "",
        "商圈如何接住世界杯流量？",
        *SECOND,
    ]
    articles = parse_text("\n".join(lines)).articles
    assert [(a.kicker, a.headline) for a in articles][1:] == [
        ("陆军军医大学护士——", "“五朵金花”绽放一线"),
        (CUT_FIRST_LINE, "商圈如何接住世界杯流量？"),
    ]


def test_a_subhead_run_on_with_a_line_at_the_body_measure_under_it_stays_in_that_body() -> None:
    # a subhead at its own measure with a paragraph's first line under it, both run on from
    # the body above: a title's wrap never runs wider on its next line, and the line at the
    # column's measure is running text, so the block is the body's
    lines = [*FIRST, "家人般的温暖", CUT_FIRST_LINE, "", "商圈如何接住世界杯流量？", *SECOND]
    articles = parse_text("\n".join(lines)).articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "长江黄金水道扩能带来新机遇"),
        ("", "商圈如何接住世界杯流量？"),
    ]


def test_a_subhead_run_on_from_the_body_it_speaks_of_stays_in_that_body() -> None:
    # a line at a measure of its own run on from the body above over a blank line: the
    # body's subhead when its words are that body's (港口, 物流, 加快, 布局), and not the
    # kicker of the article under it
    lines = [*FIRST, "港口物流加快布局", "", "商圈如何接住世界杯流量？", *SECOND]
    articles = parse_text("\n".join(lines)).articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "长江黄金水道扩能带来新机遇"),
        ("", "商圈如何接住世界杯流量？"),
    ]
    assert articles[0].paragraphs[-1] == "港口物流加快布局"


def test_a_line_run_on_at_its_own_measure_speaking_of_the_next_article_stays_its_title() -> None:
    # a line speaking of the article under it (世界杯, 夜间, 消费) more than of the body above
    # (港口, 物流) is no sign of that body: it stays in the title stack over the article
    lines = [*FIRST, "世界杯带火港口物流与夜间消费", "", "商圈如何接住世界杯流量？", *SECOND]
    articles = parse_text("\n".join(lines)).articles
    assert articles[0].paragraphs[-1].endswith("沿江各地的合作也更加紧密。")
    assert {articles[1].kicker, articles[1].headline} == {
        "世界杯带火港口物流与夜间消费",
        "商圈如何接住世界杯流量？",
    }


def test_a_line_runs_on_from_the_body_block_it_follows_whatever_stands_after_it() -> None:
    # the body above holds a column's lower part read back after the block the line runs on
    # from (as the column and stray-piece stages put it back): the line joins the block it
    # was extracted under, not the body's last block
    def block(texts: list[str], start: int, blank: bool = False) -> Block:
        lines = [make_line(text, start + i, 1) for i, text in enumerate(texts)]
        blanks = [make_line("", start - 1, 1)] if blank else []
        return Block("text", lines, "", blanks)

    title = block(FIRST[:1], 1)
    upper = block(FIRST[1:5], 2)
    run_on = block([CUT_FIRST_LINE], 6)
    headline = block(["商圈如何接住世界杯流量？"], 8, blank=True)
    second = block(SECOND, 9)
    lower = block(FIRST[5:], 15, blank=True)
    order = LineOrder([title, upper, run_on, headline, second, lower])
    items: list[Item] = [
        TitleGroup([title]),
        Unit(body=[upper, lower]),
        TitleGroup([run_on, headline]),
        Unit(body=[second]),
    ]
    returned = return_run_on_titles(items, order)
    assert len(returned) == len(items)
    host, group = returned[1], returned[2]
    assert isinstance(host, Unit)
    assert isinstance(group, TitleGroup)
    assert [line.text for line in host.body[0].lines] == [*FIRST[1:5], CUT_FIRST_LINE]
    assert host.body[1] is lower
    assert group.blocks == [headline]


def test_before_stray_pieces_only_lines_leaving_the_column_open_go_back() -> None:
    # asked before stray pieces are put back (leaving_open), a paragraph's first line at the
    # column's foot goes back to the body it runs on from, which then hangs in mid-sentence;
    # a subhead alone at the foot leaves no sentence open and is left for the title stage
    def block(texts: list[str], start: int, blank: bool = False) -> Block:
        lines = [make_line(text, start + i, 1) for i, text in enumerate(texts)]
        blanks = [make_line("", start - 1, 1)] if blank else []
        return Block("text", lines, "", blanks)

    for foot, goes_back in ((CUT_FIRST_LINE, True), ("港口物流加快布局", False)):
        title = block(FIRST[:1], 1)
        text = block(FIRST[1:], 2)
        run_on = block([foot], 2 + len(FIRST) - 1)
        headline = block(["商圈如何接住世界杯流量？"], 3 + len(FIRST), blank=True)
        second = block(SECOND, 4 + len(FIRST))
        order = LineOrder([title, text, run_on, headline, second])
        items: list[Item] = [
            TitleGroup([title]),
            Unit(body=[text]),
            TitleGroup([run_on, headline]),
            Unit(body=[second]),
        ]
        early = return_run_on_titles(items, order, leaving_open=True)
        host = early[1]
        assert isinstance(host, Unit)
        assert (host.body[0].last.text == foot) == goes_back
        later = return_run_on_titles(items, order)[1]
        assert isinstance(later, Unit)
        assert later.body[0].last.text == foot  # the title stage takes either back
