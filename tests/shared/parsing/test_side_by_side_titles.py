"""Titles over their modules as pdftotext reads a page.

Titles of modules set side by side come out of the extractor as one run of titles (set at
one height, read across the row), then the modules' bodies one after the other: each title
goes to its own body, in order, when the bodies open like articles and speak of different
things; a kicker and headline over two dateline parts of one article stay one title stack.
A photo set under a title (its caption read between the title and the body) does not keep
the title from its body.

The pages are written as pdftotext gives them (see test_stray_pieces): no blank line
between a title and its body or between paragraphs, a blank line where a block ends."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.block import Block
from shared.parsing.lines import joined_text, make_line, split_lines
from shared.parsing.stray_titles import _amid_text, move_stray_titles
from shared.parsing.units import Item, TitleGroup, Unit
from tests.shared.parsing.test_stray_pieces import NIGHT, RIVER, VILLAGE, body, wrap


def _articles(rows: list[str]) -> dict[str, list[str]]:
    return {a.headline: a.paragraphs for a in parse_text("\n".join(rows)).articles}


def test_a_run_of_two_titles_over_two_articles_gives_each_body_its_title() -> None:
    rows = [
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles == {"城市夜经济持续升温": body(NIGHT), "山区夏收夏种忙": body(VILLAGE)}


def test_a_run_of_three_titles_needs_three_bodies() -> None:
    # three titles over two bodies: nothing tells which title goes with which body (the
    # second's words are in neither), so the run stays one title stack over the first
    # body (the second, on another topic, stands untitled)
    rows = [
        "城市夜经济持续升温", "",
        "一年之计在于勤", "",
        "滨江步道全线贯通", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(bool(a.headline), a.paragraphs) for a in parsed] == [
        (True, body(NIGHT)),
        (False, body(VILLAGE)),
    ]


def test_a_kicker_and_headline_over_two_dateline_parts_of_one_article_stay_one_stack() -> None:
    # the second part opens with a dateline of its own, but speaks of the same things
    second = ["本报讯（记者王伟）" + NIGHT[3], NIGHT[4]]
    rows = [
        "暑期消费市场观察", "",
        "城市夜经济持续升温", "",
        *wrap(NIGHT[:3], 14), "",
        *wrap(second, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert len(parsed) == 1
    # (which of the two is the kicker is a matter of type size: not asked here)
    assert {parsed[0].kicker, parsed[0].headline} == {"暑期消费市场观察", "城市夜经济持续升温"}


def test_a_title_reaches_its_body_past_the_photo_set_under_it() -> None:
    # the module opens with a photo under its title: the extractor reads the caption
    # between the title and the body, and the title still heads that body
    caption = "夜幕降临，市民在步行街夜市选购特色小吃，商户们忙着招呼顾客。（本报记者 常宇 摄）"
    rows = [
        "山区夏收夏种忙", *wrap(VILLAGE, 14), "",
        "城市夜经济持续升温", "",
        caption, "",
        *wrap(NIGHT, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    articles = {a.headline: a.paragraphs for a in parsed if a.kind != "photo"}
    assert articles == {"山区夏收夏种忙": body(VILLAGE), "城市夜经济持续升温": body(NIGHT)}


def test_a_title_run_reaches_the_second_body_past_a_photo_read_between_the_bodies() -> None:
    # two modules side by side, the right one with a photo: the extractor reads both titles
    # across the row, then the left body, the photo's caption, the right body (titles
    # sharing no word with either body: only their order pairs them)
    caption = "夜幕降临，市民在步行街夜市选购特色小吃，商户们忙着招呼顾客。（本报记者 常宇 摄）"
    rows = [
        "灯火点亮不眠之城", "",
        "田野里的好光景", "",
        *wrap(NIGHT, 14), "",
        caption, "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    articles = {(a.kicker, a.headline): a.paragraphs for a in parsed if a.kind != "photo"}
    assert articles == {
        ("", "灯火点亮不眠之城"): body(NIGHT),
        ("", "田野里的好光景"): body(VILLAGE),
    }


def test_an_untitled_article_on_another_topic_is_not_absorbed_into_its_neighbour() -> None:
    # the second body's title went elsewhere (read with another row's titles): it opens
    # with its own dateline and speaks of other things, so it stays an article of its own
    rows = ["城市夜经济持续升温", *wrap(NIGHT, 14), "", *wrap(VILLAGE, 14)]
    articles = _articles(rows)
    assert articles == {"城市夜经济持续升温": body(NIGHT), "": body(VILLAGE)}


def test_a_second_dateline_part_on_the_same_topic_stays_in_the_article() -> None:
    second = ["本报讯（记者王伟）" + NIGHT[3], NIGHT[4]]
    rows = ["城市夜经济持续升温", *wrap(NIGHT[:3], 14), "", *wrap(second, 14)]
    assert list(_articles(rows)) == ["城市夜经济持续升温"]


def test_interleaved_titles_of_two_modules_go_to_the_bodies_that_use_their_words() -> None:
    # one module's kicker and headline, the other's headline and subtitle, read across
    # the rows in turn: four titles over two bodies, which neither order nor shape pairs;
    # each title's words recur in its own body only
    rows = [
        "山区农户抢抓农时", "",
        "城市夜经济持续升温", "",
        "夏收夏种田间忙", "",
        "——商圈延长营业时间", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    titles = {(a.kicker, a.headline, a.subtitle): a.paragraphs for a in parsed}
    assert titles == {
        ("", "城市夜经济持续升温", "商圈延长营业时间"): body(NIGHT),
        ("山区农户抢抓农时", "夏收夏种田间忙", ""): body(VILLAGE),
    }


def test_a_title_read_with_another_rows_titles_goes_to_the_untitled_body_using_its_words() -> None:
    # the second title stands over a module lower down: read across the row with the
    # first, it comes out over the first body, while its own body, further on, opens with
    # a dateline and has no title
    rows = [
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT, 14), "",
        "滨江步道全线贯通", *wrap(RIVER, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles == {
        "城市夜经济持续升温": body(NIGHT),
        "滨江步道全线贯通": body(RIVER),
        "山区夏收夏种忙": body(VILLAGE),
    }


def test_a_title_using_the_words_of_a_body_under_a_lone_title_joins_that_stack() -> None:
    # the other level of the village report's stack (read across the row with the night
    # report's title) speaks of the village body, not of the body under the run: a title
    # stack has its levels side by side in the extractor's run, and a title's names and
    # terms recur in its own article's body
    rows = [
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT, 14), "",
        "夏粮长势好于往年", *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [({a.kicker, a.headline}, a.paragraphs) for a in parsed] == [
        ({"", "城市夜经济持续升温"}, body(NIGHT)),
        ({"山区夏收夏种忙", "夏粮长势好于往年"}, body(VILLAGE)),
    ]


def test_a_title_using_the_words_of_a_body_under_a_whole_stack_stays_in_its_run() -> None:
    # the village report has its kicker and headline already: the run's block stays
    rows = [
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT, 14), "",
        "抢抓农时不误农事", "",
        "夏粮长势好于往年", *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [({a.kicker, a.headline}, a.paragraphs) for a in parsed] == [
        ({"城市夜经济持续升温", "山区夏收夏种忙"}, body(NIGHT)),
        ({"抢抓农时不误农事", "夏粮长势好于往年"}, body(VILLAGE)),
    ]


def test_a_title_run_over_one_body_holding_two_reports_cuts_it_where_the_topic_changes() -> None:
    # the second report opens with no dateline: read on under the first after a blank
    # line, it is told apart by its title's words and its own topic
    village = [VILLAGE[0].removeprefix("本报讯（记者李明）"), *VILLAGE[1:]]
    rows = [
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT, 14), "",
        *wrap(village, 14),
    ]  # fmt: skip
    assert _articles(rows) == {"城市夜经济持续升温": body(NIGHT), "山区夏收夏种忙": village}


def test_a_body_block_on_the_same_topic_is_not_cut_off_by_a_title() -> None:
    # the second title's words are in the second block, but the text goes on about the
    # same things: one article under a kicker and its headline
    rows = [
        "夜间经济的营商环境", "",
        "城市夜经济持续升温", "",
        *wrap(NIGHT[:3], 14), "",
        *wrap(NIGHT[3:], 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert len(parsed) == 1


def test_a_long_run_of_titles_over_a_body_of_many_blocks_is_parsed_whole() -> None:
    # eight titles over one report of thirty blocks (a blank line under every paragraph):
    # the ways to share the titles out number in the millions, too many to try, and once
    # the parse tried them all.  No speed is measured here (bench.parsing does that); the
    # alarm only stops a runaway search.
    import signal

    titles = [
        "城市夜经济持续升温", "山区夏收夏种忙", "滨江步道全线贯通", "老街改造焕新颜",
        "社区食堂开张", "港口吞吐量创新高", "高校毕业生就业", "乡村振兴见成效",
    ]  # fmt: skip
    paragraphs = [(NIGHT if i % 2 else VILLAGE)[i % 3] for i in range(30)]
    rows = [row for title in titles for row in (title, "")]
    rows += ["本报讯（记者王伟）"] + [row for p in paragraphs for row in (*wrap([p], 14), "")]

    def runaway(_signum: int, _frame: object) -> None:
        raise AssertionError("sharing the titles out tries without end")

    previous = signal.signal(signal.SIGALRM, runaway)
    signal.alarm(30)
    try:
        parsed = parse_text("\n".join(rows)).articles
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    text = "".join(p for article in parsed for p in article.paragraphs)
    assert all(paragraph in text for paragraph in paragraphs)


def test_a_headline_read_with_another_rows_titles_goes_over_its_lone_subtitle() -> None:
    # the village module's headline came out in the night module's run, its subtitle
    # (``——…``) alone over its body: the headline goes back over the subtitle
    rows = [
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT, 14), "",
        "——全县夏粮长势好于往年", *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.kicker, a.headline, a.subtitle, a.paragraphs) for a in parsed] == [
        ("", "城市夜经济持续升温", "", body(NIGHT)),
        ("", "山区夏收夏种忙", "全县夏粮长势好于往年", body(VILLAGE)),
    ]


def test_a_row_of_kickers_then_a_row_of_headlines_pairs_them_in_order() -> None:
    # two modules side by side, each a kicker (``…：``) over its headline: read across the
    # row twice, the kickers come first, then the headlines; a kicker announces one
    # headline, never another kicker
    rows = [
        "夜游观察：", "",
        "田间纪事：", "",
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.kicker, a.headline, a.paragraphs) for a in parsed] == [
        ("夜游观察：", "城市夜经济持续升温", body(NIGHT)),
        ("田间纪事：", "山区夏收夏种忙", body(VILLAGE)),
    ]


def test_two_title_levels_of_two_modules_read_across_the_row_pair_by_column() -> None:
    # each module a kicker over its headline, tops at one height: read across the row
    # twice, the two kickers, then the two headlines.  Only one kicker is shaped as one
    # (``…——``) and neither kicker's words are in its body, so neither shape nor words
    # pair them: four title blocks over two articles, two levels of two columns
    rows = [
        "记者蹲点调查——", "",
        "今日聚焦", "",
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    # (which level is the kicker is a matter of type size: not asked here)
    assert [({a.kicker, a.headline, a.subtitle} - {""}, a.paragraphs) for a in parsed] == [
        ({"记者蹲点调查——", "城市夜经济持续升温"}, body(NIGHT)),
        ({"今日聚焦", "山区夏收夏种忙"}, body(VILLAGE)),
    ]


def test_two_title_levels_of_three_modules_read_across_the_row_pair_by_column() -> None:
    # three modules side by side, a headline over a subtitle each: the three headlines,
    # then the three subtitles (plain, with no dash): six blocks over three articles
    rows = [
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        "滨江步道全线贯通", "",
        "商圈延长营业时间", "",
        "全县夏粮长势好于往年", "",
        "市民休闲健身有了新去处", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14), "",
        *wrap(RIVER, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    stacks = [{a.kicker, a.headline, a.subtitle} - {""} for a in parsed]
    assert stacks == [
        {"城市夜经济持续升温", "商圈延长营业时间"},
        {"山区夏收夏种忙", "全县夏粮长势好于往年"},
        {"滨江步道全线贯通", "市民休闲健身有了新去处"},
    ]
    assert [a.paragraphs for a in parsed] == [body(NIGHT), body(VILLAGE), body(RIVER)]


def test_a_row_pairing_that_would_leave_a_kicker_as_a_stacks_last_level_is_not_made() -> None:
    # four blocks over two bodies, but read by column the second stack would end on a
    # kicker (``…：``): not two stacks read across a row
    rows = [
        "城市夜经济持续升温", "",
        "今日聚焦", "",
        "记者蹲点调查", "",
        "田间纪事：", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert "田间纪事：" not in [a.kicker for a in parsed[1:]] + [a.headline for a in parsed[1:]]


def test_two_titles_read_out_of_their_bodies_order_go_to_the_bodies_using_their_words() -> None:
    # the right module's title stands higher, so the extractor reads it first, while its
    # body comes out second: shapes and counts pair the titles with the bodies in order,
    # but each title's words recur clearly in the other body, and they decide
    rows = [
        "山区夏收夏种忙", "",
        "城市夜经济持续升温", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles == {"城市夜经济持续升温": body(NIGHT), "山区夏收夏种忙": body(VILLAGE)}


def test_a_short_kicker_read_over_another_module_joins_the_lone_headline_of_its_body() -> None:
    # the village module's kicker stands higher than the night module's headline, so the
    # extractor reads the two as one stack; the kicker has only two bigrams (a name, as
    # ``徐建平：``, ``水利部——``), both in the village body and none in the other: its own
    # article's, under a lone headline
    rows = [
        "合作社——", "",
        "城市夜经济持续升温", "",
        *wrap(NIGHT, 14), "",
        "山区夏收夏种忙", *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert {(a.kicker, a.headline): a.paragraphs for a in parsed} == {
        ("", "城市夜经济持续升温"): body(NIGHT),
        ("合作社——", "山区夏收夏种忙"): body(VILLAGE),
    }


def test_two_titles_merged_line_by_line_are_split_at_their_measures() -> None:
    # two modules side by side, their titles' first lines on one baseline: the extractor
    # gives them as one line parted by a space, then the rest in the order of their
    # heights.  The left title wraps at 7 em, the right one at 10: only one cut of the
    # merged line and one sharing of the lines after it gives two titles each wrapped at
    # one measure, and the right one's words are those of the untitled body
    rows = [
        "城市夜经济持续 山区乡镇抢抓农时夏收",
        "夏种忙",
        "升温商圈延长营",
        "业时间", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles == {
        "城市夜经济持续升温商圈延长营业时间": body(NIGHT),
        "山区乡镇抢抓农时夏收夏种忙": body(VILLAGE),
    }


def test_a_spaced_title_over_its_own_body_is_not_cut_at_its_space() -> None:
    # a title parting its phrases with a space: cut there, its lines make two titles
    # wrapped at two measures (7 em, then 6 over a last line of 4), but the right piece's
    # words point at the body under the block, not at the untitled one: one title
    rows = [
        "城市夜经济持续 升温商圈延长",
        "营业时间", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles == {"城市夜经济持续 升温商圈延长营业时间": body(NIGHT), "": body(VILLAGE)}


def test_last_lines_that_fit_either_merged_title_go_by_reading_order() -> None:
    # the last lines ``真忙`` and ``正当时`` fit either title and their words stand in
    # neither body.  The bodies are set in columns of one width, so the title wrapping at
    # fewer characters (7 em against 8) is in larger type and its second line stands lower:
    # the extractor, reading by height, gives the right title's last line first
    rows = [
        "夜经济持续升温 山区乡镇抢抓农时",
        "真忙",
        "正当时", "",
        *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles == {"夜经济持续升温正当时": body(NIGHT), "山区乡镇抢抓农时真忙": body(VILLAGE)}


def test_a_run_over_no_body_of_its_own_sends_every_block_to_the_body_using_its_words() -> None:
    # a run of two modules' titles read above a photo, with the next title under the
    # photo: the run stands over no body, so none of its blocks need stay for one; the
    # kicker (a name, two bigrams) goes to the village report under its lone headline and
    # the river headline to the untitled river report
    rows = [
        "合作社——", "",
        "沿江步道陆续开放", "",
        "7月8日，市民在新建成的沿江绿地散步休闲。（本报记者 许金松 摄）", "",
        "城市夜经济持续升温", *wrap(NIGHT, 14), "",
        *wrap(RIVER, 14), "",
        "山区夏收夏种忙", *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert {(a.kicker, a.headline): a.paragraphs for a in parsed if a.kind == "article"} == {
        ("", "城市夜经济持续升温"): body(NIGHT),
        ("", "沿江步道陆续开放"): body(RIVER),
        ("合作社——", "山区夏收夏种忙"): body(VILLAGE),
    }


# The village report without its dateline: a body opening with a paragraph's first line.
VILLAGE_UNDATED = [VILLAGE[0].removeprefix("本报讯（记者李明）"), *VILLAGE[1:]]


def test_two_merged_titles_glued_over_a_body_are_split_off_and_shared_out() -> None:
    # the merged line (19 em) is far wider than the 14-em column under it: set across the
    # column, it is no line of the body, whatever punctuation it holds (a comma, and a
    # question mark on the line under it), and neither is the titles' short rest down to
    # the paragraph's first line
    rows = [
        "城市夜经济持续升温", *wrap(NIGHT, 14), "",
        "山区夏收夏种为何 沿江步道陆续开放，市民", "这么忙？", "休闲有了好去处",
        *wrap(VILLAGE_UNDATED, 14), "",
        *wrap(RIVER, 14),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles == {
        "城市夜经济持续升温": body(NIGHT),
        "山区夏收夏种为何这么忙？": body(VILLAGE_UNDATED),
        "沿江步道陆续开放，市民休闲有了好去处": body(RIVER),
    }


def test_a_merged_right_title_whose_words_lean_to_the_only_untitled_body_goes_over_it() -> None:
    # the right title holds two bigrams of the river body (骑行, 步道) and one of the night
    # body (夜游): not clearly the river's by its words alone, but the river report is the
    # page's only untitled article, and no other body holds as many of them
    rows = [
        "城市夜经济持续升温", *wrap(NIGHT, 14), "",
        "为何山区乡镇都 骑行步道通到江畔，夜游人", "在抢农时？", "气旺",
        *wrap(VILLAGE_UNDATED, 14), "",
        *wrap(RIVER, 14),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles == {
        "城市夜经济持续升温": body(NIGHT),
        "为何山区乡镇都在抢农时？": body(VILLAGE_UNDATED),
        "骑行步道通到江畔，夜游人气旺": body(RIVER),
    }


# The night report without its dateline: a body opening with a paragraph's first line.
NIGHT_UNDATED = [NIGHT[0].removeprefix("本报讯（记者王伟）"), *NIGHT[1:]]


def test_a_headline_glued_under_another_modules_title_block_is_split_off() -> None:
    # the village report's headline, wrapped at its own measure (its last line shorter),
    # is read over the night module, whose headline the extractor glued onto its body: a
    # title block is no text running on into the block under it, which opens an item
    # with its own title lines, as a page's first block does
    rows = [
        "山区夏收夏种忙农户抢", "抓农时不误农事", "",
        "城市夜经济持续升温", "商圈延长营业时间",
        *wrap(NIGHT_UNDATED, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles == {
        "城市夜经济持续升温商圈延长营业时间": body(NIGHT_UNDATED),
        "山区夏收夏种忙农户抢抓农时不误农事": body(VILLAGE),
    }


def test_two_titles_the_last_glued_to_the_body_under_them_are_one_stack() -> None:
    # the second title runs into the first body with no blank line: one flow of text, so
    # one module's kicker and headline over its own body, not titles read across a row
    # (those come out as blocks of their own, apart from the first body); the report after
    # it, on other things, has its title elsewhere on the page (neither title's words
    # tell which body it heads)
    rows = [
        "晚风里的新图景", "",
        "七月见闻", *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [({a.kicker, a.headline} - {""}, a.paragraphs) for a in parsed] == [
        ({"晚风里的新图景", "七月见闻"}, body(NIGHT)),
        (set(), body(VILLAGE)),
    ]


def test_an_untitled_body_opening_with_a_question_headline_takes_it_as_its_title() -> None:
    # where titles stand over their bodies, an article left without a title whose body
    # opens with a line shaped as a headline that asks, over more text, was given that
    # title with no blank line under it (the mirror of a question title under its body)
    from shared.parsing.articles import split_opening_question_title
    from shared.parsing.block import Block
    from shared.parsing.lines import split_lines
    from shared.parsing.units import Unit

    (lines,) = split_lines("\n".join(["城市夜经济为何持续升温？", *wrap(NIGHT_UNDATED, 14)]))
    unit = Unit(body=[Block("text", lines, "text")])
    group = split_opening_question_title(unit)
    assert group is not None
    assert [line.text for block in group.blocks for line in block.lines] == [
        "城市夜经济为何持续升温？"
    ]
    assert unit.body[0].first.text == wrap(NIGHT_UNDATED, 14)[0]
    # a body credited at its head (a byline over it) opens with its text, not its title
    (byline, *lines) = split_lines(
        "\n".join(["本报记者 王伟", "城市夜经济为何持续升温？", *wrap(NIGHT_UNDATED, 14)])
    )[0]
    credited = Unit(
        bylines=[Block("byline", [byline], "byline")], body=[Block("text", lines, "text")]
    )
    assert split_opening_question_title(credited) is None


def test_a_title_headed_by_phrases_parted_with_a_comma_joins_the_lone_title_of_its_body() -> None:
    # a headline's phrases may be parted by a comma inside its line: the village report's
    # other level is a title for all that, and goes back over its body
    rows = [
        "城市夜经济持续升温", "",
        "山区抢抓农时，夏粮长势好于往年", "",
        *wrap(NIGHT, 14), "",
        "乡镇组织夏收夏种", *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [({a.kicker, a.headline}, a.paragraphs) for a in parsed] == [
        ({"", "城市夜经济持续升温"}, body(NIGHT)),
        ({"山区抢抓农时，夏粮长势好于往年", "乡镇组织夏收夏种"}, body(VILLAGE)),
    ]


def test_a_title_joins_its_body_once_a_block_of_that_bodys_stack_has_gone_to_its_own() -> None:
    # three modules' titles read across two rows: the village report's headline stands in
    # the night report's run, and the river report's kicker in the village report's; once
    # the kicker has gone over the river report, the village report is left under a lone
    # title and takes its headline back
    rows = [
        "城市夜经济持续升温", "",
        "夏粮长势好于往年", "",
        *wrap(NIGHT, 14), "",
        "沿江新建步道绿地陆续开放", "",
        "山区夏收夏种忙", "",
        *wrap(VILLAGE, 14), "",
        "滨水空间贯通", "",
        *wrap(RIVER, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [({a.kicker, a.headline}, a.paragraphs) for a in parsed] == [
        ({"", "城市夜经济持续升温"}, body(NIGHT)),
        ({"夏粮长势好于往年", "山区夏收夏种忙"}, body(VILLAGE)),
        ({"沿江新建步道绿地陆续开放", "滨水空间贯通"}, body(RIVER)),
    ]


def test_a_title_joins_the_lone_title_of_a_body_that_opens_with_no_dateline() -> None:
    # the village report opens with neither dateline nor byline: the title over it is its
    # title all the same, and its other level, read in the night report's run, joins it
    village = [VILLAGE[0].removeprefix("本报讯（记者李明）"), *VILLAGE[1:]]
    rows = [
        "城市夜经济持续升温", "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT, 14), "",
        "夏粮长势好于往年", *wrap(village, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [({a.kicker, a.headline}, a.paragraphs) for a in parsed] == [
        ({"", "城市夜经济持续升温"}, body(NIGHT)),
        ({"山区夏收夏种忙", "夏粮长势好于往年"}, village),
    ]


def test_a_title_sharing_no_word_with_the_body_under_its_run_needs_a_lesser_lead() -> None:
    # the village report's other level shares four words with the village body, two with
    # the river report's and none with the night report's under its run: nothing holds it
    # there, so a lead of less than twice over the river report takes it over its body
    rows = [
        "城市夜经济持续升温", "",
        "农户添烘干设备 沿江修步道", "",
        *wrap(NIGHT, 14), "",
        "山区夏收夏种忙", *wrap(VILLAGE, 14), "",
        "滨水空间贯通", *wrap(RIVER, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [({a.kicker, a.headline}, a.paragraphs) for a in parsed] == [
        ({"", "城市夜经济持续升温"}, body(NIGHT)),
        ({"山区夏收夏种忙", "农户添烘干设备 沿江修步道"}, body(VILLAGE)),
        ({"", "滨水空间贯通"}, body(RIVER)),
    ]


def test_a_title_read_between_a_lead_in_kicker_and_its_headline_goes_to_its_own_body() -> None:
    # the village module's kicker ``乡村纪事：`` stands higher than the night module's
    # headline, which the extractor reads before the village headline under the kicker: a
    # lead-in closes its kicker, and the stack holds one headline, the block set over the
    # body, so the block between cannot stay.  Two of its bigrams (夜市, 门店) are in the
    # night body and none elsewhere: enough for a block its stack cannot hold
    rows = [
        "乡村纪事：", "",
        "夜市门店火爆", "",
        "汗水浇灌希望", *wrap(VILLAGE, 14), "",
        *wrap(body(NIGHT), 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.kicker, a.headline, a.paragraphs) for a in parsed] == [
        ("乡村纪事：", "汗水浇灌希望", body(VILLAGE)),
        ("", "夜市门店火爆", body(NIGHT)),
    ]


def test_a_title_its_stack_cannot_hold_goes_to_a_body_read_after_a_photo() -> None:
    # as above, the night body read after a photo's caption, opening with neither dateline
    # nor byline: the block its stack cannot hold still goes over it
    rows = [
        "乡村纪事：", "",
        "夜市门店火爆", "",
        "汗水浇灌希望", *wrap(VILLAGE, 14), "",
        "游客在老街夜市品尝特色小吃。 （本报记者 张三 摄）", "",
        *wrap(body(NIGHT), 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.kicker, a.headline) for a in parsed if a.kind == "article"] == [
        ("乡村纪事：", "汗水浇灌希望"),
        ("", "夜市门店火爆"),
    ]
    assert [a.paragraphs for a in parsed if a.headline == "夜市门店火爆"] == [body(NIGHT)]


def test_a_stack_with_a_column_tag_between_its_kicker_and_last_block_keeps_its_blocks() -> None:
    # which block is the headline is not told when the one between closes with a column
    # tag (printed only on a headline): nothing goes (``misfits``)
    from shared.parsing.block import Block
    from shared.parsing.lines import split_lines
    from shared.parsing.overfull_stacks import misfits
    from shared.parsing.units import TitleGroup

    def group(*texts: str) -> TitleGroup:
        return TitleGroup(blocks=[Block("text", split_lines(t)[0], "text") for t in texts])

    assert misfits(group("乡村纪事：", "夜市门店火爆", "汗水浇灌希望")) == {1}
    assert misfits(group("乡村纪事：", "汗水浇灌希望（乡村振兴纪事）", "夜市门店火爆")) == set()
    assert misfits(group("乡村纪事", "夜市门店火爆", "汗水浇灌希望")) == set()
    assert misfits(group("乡村纪事：", "汗水浇灌希望", "——夜市门店火爆")) == set()


def test_the_headline_a_lead_in_kicker_introduces_stays_under_it() -> None:
    # a kicker ``…：`` over one plain block is a two-level stack: the headline stays with the
    # kicker introducing it though three of its bigrams (持续, 续升, 升温) are in the night
    # body under a lone title, and none in its own (a lone ``乡村纪事：`` is no headline)
    rows = [
        "乡村纪事：", "",
        "夏收持续升温", *wrap(VILLAGE, 14), "",
        "城市夜经济", *wrap(NIGHT, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.kicker, a.headline, a.paragraphs) for a in parsed] == [
        ("乡村纪事：", "夏收持续升温", body(VILLAGE)),
        ("", "城市夜经济", body(NIGHT)),
    ]


def test_a_lone_title_read_amid_a_cut_sentence_goes_to_the_untitled_body_using_its_words() -> None:
    # a title read between a sentence a column break cut (…今年夏季) and the text going on
    # with it heads no body there: alone in its run, it goes over the untitled river
    # report whose words it uses (the line that ran on over it was given back to its body)
    night = wrap(NIGHT, 14)
    assert not night[6].endswith("。")  # the column ends in mid-sentence
    river = _block(wrap(RIVER, 14), 60)
    items: list[TitleGroup | Unit] = [
        TitleGroup([_block(["城市夜经济持续升温"], 1)]),
        Unit(body=[_block(night[:7], 2)]),
        TitleGroup([_block(["沿江步道陆续开放"], 20)]),
        Unit(body=[_block(night[7:], 30)]),
        Unit(body=[river]),
    ]
    moved = move_stray_titles(items)
    assert [type(item).__name__ for item in moved] == [
        "TitleGroup",
        "Unit",
        "Unit",
        "TitleGroup",
        "Unit",
    ]
    assert isinstance(moved[3], TitleGroup)
    assert moved[3].blocks[0].first.text == "沿江步道陆续开放"
    assert isinstance(moved[4], Unit)
    assert moved[4].body == [river]


def _block(texts: list[str], start: int) -> Block:
    return Block("text", [make_line(t, start + i, 1) for i, t in enumerate(texts)], "")


def test_a_title_under_a_text_closed_by_a_credit_note_stands_amid_no_text() -> None:
    # a body closing with a parenthetical note (参与采写) is a finished text, not a sentence
    # a column break cut: a title under it heads the body below, amid nothing
    closed = Block("text", split_lines("全市公交今起恢复运营。\n（李响、王敏参与采写）\n")[0], "t")
    title = Block("text", split_lines("社区菜场陆续开门\n")[0], "t")
    opening = Block("text", split_lines("各区菜场今天起陆续恢复营业，\n")[0], "t")
    items: list[Item] = [Unit(body=[closed]), TitleGroup(blocks=[title]), Unit(body=[opening])]
    assert not _amid_text(items, 1, 2)


def test_a_kicker_whose_words_two_reports_of_one_article_share_goes_over_the_first() -> None:
    # the flood kicker was read into the night module's run; its words (沿江, 防汛, 演练…)
    # stand in both dateline reports under the lone flood headline, as much in one as in
    # the other, so neither alone is pointed at clearly: counted as the one article they
    # are until a title parts them, they are, and the kicker joins the headline over them
    first = ["本报讯（记者赵刚）沿江各区昨天举行防汛演练，检验抢险队伍的集结速度和物资调运能力。"]
    second = ["本报讯（记者孙丽）沿江各区多个街道同步开展防汛演练，居民有序转移到临时安置点。"]
    items: list[Item] = [
        TitleGroup([_block(["沿江各区防汛演练"], 1), _block(["城市夜经济持续升温"], 3)]),
        Unit(body=[_block(wrap(NIGHT, 14), 4)]),
        TitleGroup([_block(["检验应急能力"], 40)]),
        Unit(body=[_block(wrap(first, 14), 41)]),
        Unit(body=[_block(wrap(second, 14), 50)]),
    ]
    moved = move_stray_titles(items)
    groups = [item for item in moved if isinstance(item, TitleGroup)]
    stacks = [[block.first.text for block in group.blocks] for group in groups]
    assert stacks == [["城市夜经济持续升温"], ["沿江各区防汛演练", "检验应急能力"]]


NIGHT_TITLE = "城市夜经济持续升温"
_FLOOD = ["本报讯（记者赵刚）沿江各区昨天举行防汛演练，检验抢险队伍的集结速度和物资调运能力。"]


def _stacks_after_moves(items: list[Item]) -> list[list[str]]:
    groups = [item for item in move_stray_titles(items) if isinstance(item, TitleGroup)]
    return [[block.first.text for block in group.blocks] for group in groups]


def test_a_headline_and_its_subtitle_take_the_kicker_another_run_holds() -> None:
    # the flood kicker was read into the night module's run; the flood headline and its
    # subtitle stand over the flood report, a stack with its kicker level free
    items: list[Item] = [
        TitleGroup([_block(["沿江各区防汛演练"], 1), _block(["城市夜经济持续升温"], 3)]),
        Unit(body=[_block(wrap(NIGHT, 14), 4)]),
        TitleGroup([_block(["检验应急能力"], 40), _block(["——抢险队伍集结物资调运"], 41)]),
        Unit(body=[_block(wrap(_FLOOD, 14), 42)]),
    ]
    assert _stacks_after_moves(items) == [
        ["城市夜经济持续升温"],
        ["沿江各区防汛演练", "检验应急能力", "——抢险队伍集结物资调运"],
    ]


def test_a_speakers_name_and_colon_opening_a_kicker_make_no_sentence_of_it() -> None:
    # ``赵刚：…`` names who said the words after it, as a kicker does: a title level of its
    # own, which the flood report under a lone headline takes (a colon later in a line, as
    # in a body fragment ``王先生说：“…``, still marks a sentence)
    items: list[Item] = [
        TitleGroup([_block(["赵刚：沿江各区防汛演练要抓实"], 1), _block([NIGHT_TITLE], 3)]),
        Unit(body=[_block(wrap(NIGHT, 14), 4)]),
        TitleGroup([_block(["检验应急能力"], 40)]),
        Unit(body=[_block(wrap(_FLOOD, 14), 42)]),
    ]
    assert _stacks_after_moves(items) == [
        ["城市夜经济持续升温"],
        ["赵刚：沿江各区防汛演练要抓实", "检验应急能力"],
    ]


def test_a_lone_title_over_no_body_goes_to_the_untitled_body_using_its_words() -> None:
    # the flood module's title and byline were read in one row with other modules' tops,
    # its report further down: a title over no body (a byline only) heads nothing where
    # it stands, so, alone in its run too, it goes over the untitled report its words are in
    flood = _block(wrap(_FLOOD, 14), 42)
    items: list[Item] = [
        TitleGroup([_block(["沿江各区防汛演练"], 1)]),
        Unit(bylines=[_block(["本报记者 赵刚"], 2)]),
        TitleGroup([_block([NIGHT_TITLE], 4)]),
        Unit(body=[_block(wrap(NIGHT, 14), 5)]),
        Unit(body=[flood]),
    ]
    moved = move_stray_titles(items)
    assert _stacks_after_moves(items) == [[NIGHT_TITLE], ["沿江各区防汛演练"]]
    assert isinstance(moved[-2], TitleGroup)
    assert isinstance(moved[-1], Unit)
    assert moved[-1].body == [flood]


def test_a_lone_title_over_text_read_on_from_elsewhere_goes_to_the_report_using_its_words() -> None:
    # the flood title stands over text that opens like no article (the village report read
    # on from elsewhere, after the closed night report) and shares no word with the title,
    # while its words are all in the untitled flood report: read over another module's
    # text, the title goes to head its own
    flood = _block(wrap(_FLOOD, 14), 42)
    items: list[Item] = [
        TitleGroup([_block([NIGHT_TITLE], 1)]),
        Unit(body=[_block(wrap(NIGHT, 14), 2)]),
        TitleGroup([_block(["沿江各区防汛演练"], 30)]),
        Unit(body=[_block(wrap(VILLAGE[1:], 14), 31)]),
        Unit(body=[flood]),
    ]
    moved = move_stray_titles(items)
    assert _stacks_after_moves(items) == [[NIGHT_TITLE], ["沿江各区防汛演练"]]
    assert [type(item).__name__ for item in moved] == [
        "TitleGroup",
        "Unit",
        "Unit",
        "TitleGroup",
        "Unit",
    ]
    assert isinstance(moved[-1], Unit)
    assert moved[-1].body == [flood]


def test_a_title_between_a_kicker_and_headline_of_the_body_under_them_heads_the_next_body() -> None:
    # read across a row: the flood kicker, the village module's title, the flood headline;
    # the outer two use the flood report's words, the middle one too few of any body's to
    # point at it (夏收 alone), so it is the other module's title and goes over the one
    # untitled report read under the row, which holds that word
    village = _block(wrap(VILLAGE, 14), 60)
    items: list[Item] = [
        TitleGroup(
            [
                _block(["沿江各区防汛演练"], 1),
                _block(["一年之计在于夏收"], 3),
                _block(["检验抢险队伍集结速度"], 5),
            ]
        ),
        Unit(body=[_block(wrap(_FLOOD, 14), 6)]),
        Unit(body=[village]),
    ]
    flood_stack = ["沿江各区防汛演练", "检验抢险队伍集结速度"]
    assert _stacks_after_moves(items) == [flood_stack, ["一年之计在于夏收"]]
    moved = move_stray_titles(items)
    assert isinstance(moved[-1], Unit)
    assert moved[-1].body == [village]


def test_a_title_whose_words_only_lean_on_a_body_completes_that_modules_stack() -> None:
    # two modules' titles read as one run over their two bodies: each module has a title
    # naming its subject (夜经济, 夏收夏种), and the village module's second level shares but
    # one word with its body (农户), too few to point at it clearly; it leans there, so it
    # joins that stack, wherever the row read it, instead of staying over the first body
    for run in (
        ["城市夜经济持续升温", "", "山区夏收夏种忙", "", "农户笑开颜", ""],
        ["城市夜经济持续升温", "", "农户笑开颜", "", "山区夏收夏种忙", ""],
    ):
        rows = [*run, *wrap(NIGHT, 14), "", *wrap(VILLAGE, 14)]
        parsed = parse_text("\n".join(rows)).articles
        titles = {(a.kicker, a.headline, a.subtitle): a.paragraphs for a in parsed}
        assert titles == {
            ("", "城市夜经济持续升温", ""): body(NIGHT),
            ("山区夏收夏种忙", "农户笑开颜", ""): body(VILLAGE),
        }


def test_a_leaning_title_over_two_dateline_parts_of_one_article_stays_in_its_stack() -> None:
    # one article's kicker and headline over its two dateline parts: the headline points
    # at the first part, the kicker only leans on the second (缅甸); with no title pointing
    # clearly at the second part, nothing tells it from a module of its own
    first = ["本报讯（记者王伟）" + NIGHT[0][9:], *NIGHT[1:3]]
    second = ["本报讯（记者李明）夜市摊主来自缅甸等地，" + NIGHT[3], NIGHT[4]]
    rows = ["城市夜经济持续升温", "", "缅甸客商来访", "", *wrap(first, 14), "", *wrap(second, 14)]
    assert [a.headline for a in parse_text("\n".join(rows)).articles if a.headline] == [
        "缅甸客商来访"
    ]


def test_a_lone_subtitles_headline_read_in_another_run_goes_back_on_a_lesser_lead() -> None:
    # the night report's headline was read into the village module's run, its subtitle
    # left alone over the night body: a ``——`` subtitle never stands alone, so the stack is
    # known to want a headline, and the block's words leaning there by 4 to 2 (夜市人头攒动
    # in the night body, 农户抢收 in the village body) bring it back
    rows = [
        "夜市人头攒动农户抢收", "",
        "山区夏收夏种忙", "",
        *wrap(VILLAGE, 14), "",
        "——商圈延长营业时间",
        *wrap(NIGHT, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    titles = {(a.kicker, a.headline, a.subtitle): a.paragraphs for a in parsed}
    assert titles == {
        ("", "夜市人头攒动农户抢收", "商圈延长营业时间"): body(NIGHT),
        ("", "山区夏收夏种忙", ""): body(VILLAGE),
    }


def _byline(text: str, number: int) -> Block:
    """A byline line standing apart from the titles over it (a blank line between)."""
    return Block("byline", [make_line(text, number, 1)], "", [make_line("", number - 1, 1)])


def test_a_run_gathered_over_two_bylined_modules_gives_each_its_title() -> None:
    # the night title was read amid another module's text and moved back over its own
    # body, landing in the run over the row's two modules, each opening with a byline: a
    # byline opens one module's text, never a second report of one article, so the run's
    # titles pair with the modules in order, as a run read so from the start does
    from shared.parsing.title_runs import split_gathered_runs

    night, village = wrap(body(NIGHT), 14), wrap(body(VILLAGE), 14)
    group = TitleGroup(blocks=[_block(["城市夜经济持续升温"], 1), _block(["山区夏收夏种忙"], 2)])
    first = Unit(bylines=[_byline("本报记者 王伟", 4)], body=[_block(night, 5)])
    second = Unit(bylines=[_byline("本报记者 李明", 40)], body=[_block(village, 41)])
    items: list[Item] = [group, first, second]
    split = split_gathered_runs(items)
    groups = [item for item in split if isinstance(item, TitleGroup)]
    assert [[joined_text(b.lines) for b in group.blocks] for group in groups] == [
        ["城市夜经济持续升温"],
        ["山区夏收夏种忙"],
    ]
    assert [item for item in split if isinstance(item, Unit)] == [first, second]
    # a second report of one article opening with a dateline is left under the whole stack
    dated = Unit(body=[_block(["本报讯（记者李明）" + VILLAGE[0][9:]], 40)])
    assert split_gathered_runs([group, first, dated]) == [group, first, dated]


def test_a_kicker_sharing_no_word_with_the_body_under_its_headline_goes_on_a_misfits_lead() -> None:
    # the village module's kicker is read over the night module's headline, which shares
    # many words with the body under it; the kicker shares none, and two of its bigrams
    # (田间, 收割) are in the village body, under a lone headline: read into the night run
    # from the module beside, it goes on the two a misfit needs, as the village kicker
    rows = [
        "田间收割正当时", "",
        "夜间经济持续升温", *wrap(NIGHT, 14), "",
        "山区夏收夏种忙", *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    titles = {a.paragraphs[0]: {a.kicker, a.headline} for a in parsed}
    assert len(parsed) == 2
    assert titles == {
        body(NIGHT)[0]: {"", "夜间经济持续升温"},
        body(VILLAGE)[0]: {"田间收割正当时", "山区夏收夏种忙"},
    }


def test_a_headline_sharing_no_word_with_its_body_is_no_kicker_for_a_titled_body() -> None:
    # the last block of a run stands in a headline's place: sharing no word with the night
    # body under it (its body cut short on the page), it goes on two bigrams only to a body
    # lacking a headline, never as the kicker of a body that has one
    rows = [
        "夜间经济持续升温", "",
        "田间收割正当时", *wrap(NIGHT, 14), "",
        "山区夏收夏种忙", *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [({a.kicker, a.headline}, a.paragraphs) for a in parsed] == [
        ({"夜间经济持续升温", "田间收割正当时"}, body(NIGHT)),
        ({"", "山区夏收夏种忙"}, body(VILLAGE)),
    ]


def test_a_piece_of_a_wrapped_title_is_no_foreign_level() -> None:
    # a block that goes on a phrase the block over it leaves open (``…转变和`` / ``营商…``)
    # is the rest of a wrapped title, not a level read in from another module
    from shared.parsing.stray_titles import _foreign_levels

    def group(*texts: str) -> TitleGroup:
        return TitleGroup(blocks=[Block("text", split_lines(t)[0], "text") for t in texts])

    under = frozenset({"夜间", "间经", "经济", "持续"})
    assert _foreign_levels(group("田间收割正当时", "夜间经济持续升温"), under) == {0}
    assert _foreign_levels(group("夜间经济持续升温和", "营商环境改善"), under) == set()


def test_a_lead_in_kicker_leaving_for_its_body_takes_the_headline_it_introduces() -> None:
    # ``夏收夏种：`` and the headline it introduces were read over the night body; the
    # kicker's words are the village body's (an untitled report), the headline's in no
    # body: a lead-in kicker is no title alone, so the two go over the village body together
    rows = [
        "滨水空间贯通", *wrap(RIVER, 14), "",
        "夏收夏种：", "",
        "汗水浇灌希望", *wrap(NIGHT, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.kicker, a.headline) for a in parsed if a.paragraphs == body(VILLAGE)] == [
        ("夏收夏种：", "汗水浇灌希望")
    ]
    assert [a.headline for a in parsed].count("汗水浇灌希望") == 1


def test_two_stacks_read_level_by_level_send_the_headline_after_its_leaving_kicker() -> None:
    # two modules' kicker and headline read across the row in turn (kicker, kicker,
    # headline, headline) over the first module's body; the second module's text comes out
    # after another module's, and its kicker's words send it there: its headline, two
    # blocks lower in the run and sharing no word with it, goes along
    rows = [
        "暑期消费市场观察", "",
        "连日来山区各乡镇抢抓农时", "",
        "灯火点亮不眠之城", "",
        "田野里的好光景", "",
        *wrap(NIGHT, 14), "",
        "滨江步道全线贯通", *wrap(RIVER, 14), "",
        *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.kicker, a.headline) for a in parsed] == [
        ("暑期消费市场观察", "灯火点亮不眠之城"),
        ("连日来山区各乡镇抢抓农时", "田野里的好光景"),
        ("", "滨江步道全线贯通"),
    ]


def test_a_title_run_into_the_first_body_heads_it_and_a_wider_one_heads_the_next() -> None:
    # a row's titles: the other module's headline, wider than the first body's 14-em column
    # (no title over that column is wider than it), read first; then the first module's
    # headline, running straight into its body; then the second module's bylined text
    rows = [
        "复工复产人员可以乘坐公共交通通勤", "",
        "城市夜经济持续升温", *wrap(NIGHT, 14), "",
        "本报记者 李明", *wrap([VILLAGE[0].replace("本报讯（记者李明）", ""), *VILLAGE[1:]], 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert sorted((a.kicker, a.headline, a.reporters) for a in parsed) == [
        ("", "城市夜经济持续升温", ["王伟"]),
        ("", "复工复产人员可以乘坐公共交通通勤", ["李明"]),
    ]


def test_a_title_read_amid_a_text_joins_the_lone_title_over_the_text_it_names() -> None:
    # the village module's kicker, read between two paragraphs of the night report, is no
    # subhead of it: its words are the village report's, whose headline stands alone
    rows = [
        "城市夜经济持续升温", *wrap(NIGHT[:2], 14), "",
        "山区夏收夏种忙", "",
        *wrap(NIGHT[2:], 14, indented=False), "",
        "田野里的好光景", *wrap(VILLAGE, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.kicker, a.headline, a.paragraphs) for a in parsed] == [
        ("", "城市夜经济持续升温", body(NIGHT)),
        ("山区夏收夏种忙", "田野里的好光景", body(VILLAGE)),
    ]


HERO = [
    "本报讯（记者李明）王大山是山区小学的一名教师，三十年来一直在村里教书，王大山常说，"
    "孩子们就是村子的希望。",
    "乡亲们都说，王大山把青春献给了大山里的孩子，王大山却说这是分内的事。",
]


def test_a_name_kicker_leaving_a_two_row_run_takes_the_headline_a_row_lower() -> None:
    # two modules' stacks read level by level across the row: the night report's kicker,
    # the hero's name kicker, the night report's headline, the hero's headline; the name
    # sends its kicker to the hero's text, read further on, and the block a row under it
    # is the headline it announces (its own words point nowhere)
    rows = [
        "夜间消费成为新亮点", "",
        "王大山：", "",
        "城市夜经济持续升温", "",
        "一生守护一方讲台", "",
        *wrap(NIGHT, 14), "",
        "田野里的好光景", *wrap(VILLAGE, 14), "",
        *wrap(HERO, 14),
    ]  # fmt: skip
    parsed = parse_text("\n".join(rows)).articles
    assert [(a.kicker, a.headline) for a in parsed] == [
        ("夜间消费成为新亮点", "城市夜经济持续升温"),
        ("王大山：", "一生守护一方讲台"),
        ("", "田野里的好光景"),
    ]
