"""A headline glued over its body, told by its measure against the body's column."""

from __future__ import annotations

from shared.parsing import parse_text
from tests.support.extracted_lines import set_in_measure


def _paragraph(text: str, measure: int = 14) -> list[str]:
    """A paragraph set at ``measure`` with its first line indented by two characters."""
    head = set_in_measure(text, measure - 2)[0]
    return [head, *set_in_measure(text[len(head) :], measure)]


# An article closed at the end of its last paragraph, 14 em wide and without indents (the
# indent shows as a first line 2 em short), as pdftotext gives a typeset page.
ROADS = [
    "农村公路通车里程创新高",
    "",
    *_paragraph(
        "本报讯全市今年新建改建农村公路一千二百公里，通车里程再创新高，沿线群众出行条件"
        "明显改善，农产品运输成本有所下降，一些村庄发展起了乡村旅游。"
    ),
    *_paragraph(
        "交通部门表示，明年将继续推进道路提档升级，加快补齐养护短板，让农村公路建好、管好、"
        "护好、运营好，更好服务沿线产业发展和群众出行。"
    ),
    *_paragraph("交通部门表示，明年将继续推进。"),
]


SHOP = _paragraph(
    "家乐福古北店店长张瑞卿，已经在店里住了两个多月。这段时间，他的手机几乎不离手，"
    "处理订单、回复信息，还有协调货源和配送人员。"
) + _paragraph(
    "超市每天备足蔬菜肉蛋和米面粮油，门店货架保持充足，线上订单也能按时送达顾客。店里的"
    "员工分成拣货、打包和配送三组，轮流值守，确保居民下单后当天就能收到生活物资。"
)


def _page(*lines: str) -> str:
    return "\n".join([*ROADS, "", *lines]) + "\n"


def test_a_line_past_the_column_over_a_first_line_is_a_title() -> None:
    """16 em over a 14-em body, with a single comma (half an em squeezed at most): no body
    line comes out so wide, so it is the next article's headline, not its first line."""
    articles = parse_text(_page("保障供应，大型商超拿起数字化工具", *SHOP)).articles
    assert [a.headline for a in articles][-1] == "保障供应，大型商超拿起数字化工具"
    assert articles[-1].paragraphs[0].startswith("家乐福古北店")


def test_a_full_line_in_mid_sentence_over_an_unfinished_first_line_is_a_title() -> None:
    """As wide as the column and unfinished, over a paragraph's first line that is
    unfinished too: running text would have run on into a full line."""
    articles = parse_text(_page("超市拿起数字化工具，保障供应", *SHOP)).articles
    assert [a.headline for a in articles][-1] == "超市拿起数字化工具，保障供应"
    assert articles[-1].paragraphs[0].startswith("家乐福古北店")


def test_a_line_left_short_by_the_line_start_rule_is_no_first_line() -> None:
    """The line under a full line is short because a character went down with the marks
    after it (``费。”``): the full line is running text, not a title."""
    body = [
        "相辅相成，既满足了百姓文化需",
        "求，也带动了群众的文化消",
        "费。”作为全国政协委员，如何",
        "传承发展好传统戏剧一直萦绕在",
        "她的心头。她建议加强戏曲进校",
        "园进社区，扶持基层院团排演新",
        "戏，培养青年演员，让老戏迷常",
        "看常新，让年轻观众走进剧场感",
        "受传统艺术的魅力，吸引更多年",
        "轻人爱上戏曲。她说，地方戏曲",
        "是一方水土的文化记忆，剧团要",
        "多演老百姓爱看的好戏，把经典",
        "唱段送到乡村舞台和社区广场，",
        "她为此提出了多条具体建议。",
    ]
    articles = parse_text(_page(*body)).articles
    assert not any(a.headline == body[0] for a in articles)


def _unfinished_roads(last: str) -> list[str]:
    """The roads article in three columns 4 lines deep, its text ending with ``last``."""
    roads = (
        "本报讯全市今年新建改建农村公路一千二百公里通车里程再创新高沿线群众出行条件明显"
        "改善农产品运输成本有所下降一些村庄发展起了乡村旅游交通部门表示明年将继续推进道"
        "路提档升级加快补齐养护短板让农村公路建好管好护好运营好更好地服务沿线产业发展和"
        "群众出行推动城乡交通运输一体化发展让农民群众走上致富路幸福路乡村振兴的基础更加"
        "牢固农村公路养护资金保障机制逐步健全路况水平稳步提升群众满意度持续提高成为民"
    )[: 200 - len(last)] + last
    lines = [roads[start : start + 20] for start in range(0, 200, 20)]
    return ["\n".join(lines[:4]), "\n".join(lines[4:8]), "\n".join(lines[8:10])]


def test_a_line_under_text_ending_in_a_colon_is_what_the_colon_announces() -> None:
    """The same layout, but the text above ends with a colon (``处罚依据有：``): the
    line under it, past the column and on other words, is the item it announces."""
    shop = "\n".join(["保障供应，大型商超拿起数字化工具", *SHOP])
    text = "\n\n".join(["农村公路通车里程创新高", *_unfinished_roads("依据有："), shop]) + "\n"
    articles = parse_text(text).articles
    assert [a.headline for a in articles] == ["农村公路通车里程创新高"]


def test_a_title_told_by_its_measure_opens_an_article_under_unfinished_text() -> None:
    """The text above stops in mid-sentence at a blank line off its column grid (columns
    4 lines deep: the rest of it is set elsewhere on the page): a line past the column over
    a paragraph's first line, the text under it on another topic, still opens the next
    article rather than going on with that sentence."""
    columns = _unfinished_roads("")
    shop = "\n".join(["保障供应，大型商超拿起数字化工具", *SHOP])
    text = "\n\n".join(["农村公路通车里程创新高", *columns, shop]) + "\n"
    articles = parse_text(text).articles
    assert [a.headline for a in articles][-1] == "保障供应，大型商超拿起数字化工具"
    assert articles[-1].paragraphs[0].startswith("家乐福古北店")


def test_a_short_line_over_a_first_line_over_a_running_line_is_a_title() -> None:
    """16 em with a comma, opening the page over a 20-em body whose first paragraph opens
    under it (18 em, then a full line): 2 em short of that first line, it might be a first
    line itself only if the line under it were full; with a running line under that one,
    the line under it is a first line, so it is the headline."""
    body = _paragraph(
        "家乐福古北店店长张瑞卿，已经在店里住了两个多月。这段时间，他的手机几乎不离手，"
        "处理订单、回复信息，还有协调货源和配送人员，超市每天备足蔬菜肉蛋和米面粮油。",
        20,
    )
    articles = parse_text("\n".join(["保障供应，大型商超拿起数字化工具", *body]) + "\n").articles
    assert [a.headline for a in articles] == ["保障供应，大型商超拿起数字化工具"]
    assert articles[0].paragraphs[0].startswith("家乐福古北店")


def test_a_page_top_headline_filling_the_column_over_a_first_line_is_a_title() -> None:
    """The page's first block opens with a full line in mid-sentence over a paragraph's
    first line (two ems short) and a full running line: running text never stops the
    indent short in mid-sentence and runs on, so the full line is the item's headline,
    though a character taken down with its full stop opens the line under the first."""
    body = _paragraph(
        "近期，金刚石散热概念股上涨。根据市场数据，截至六月收盘，四方达股价累计上涨超过"
        "一倍，力量钻石上涨超过八成，惠丰钻石上涨接近七成，黄河旋风上涨也接近七成。"
    )
    text = "\n".join(["金刚石散热，炒作还是量产前夜", *body, *SHOP]) + "\n"
    articles = parse_text(text).articles
    assert articles[0].headline == "金刚石散热，炒作还是量产前夜"
    assert articles[0].paragraphs[0].startswith("近期，金刚石散热")


# A dateline's text broken off by a column break after three lines: too short to tell a
# topic by, and left in mid-sentence (the rest is set elsewhere on the page).
BROKEN_OFF = [
    "本报北京1月4日电（记者张",
    "三）日前，经中共中央批准，",
    "中央纪委国家监委对全国人大",
    "",
]


def test_a_line_past_the_column_under_text_too_short_to_tell_a_topic_is_a_title() -> None:
    """16 em over a 14-em body, after a blank under three unfinished lines: no body line
    comes out so wide, and text too short to tell its topic gives no evidence against the
    shape, so the line is the next article's headline, not the broken-off text running on."""
    articles = parse_text(_page(*BROKEN_OFF, "保障供应，大型商超拿起数字化工具", *SHOP)).articles
    assert articles[-1].headline == "保障供应，大型商超拿起数字化工具"
    assert articles[-1].paragraphs[0].startswith("家乐福古北店")
