"""Columns an extractor read in two bands (the upper part of every column, then the lower
parts): the article is read column by column again (shared/parsing/column_bands.py)."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.blocks import group_blocks
from shared.parsing.column_bands import reorder_bands
from shared.parsing.lines import split_lines
from shared.parsing.normalise import join_wrapped
from tests.support.extracted_lines import page_under_title, set_in_measure

MEASURE = 18  # characters a line

PARAGRAPHS = [
    "“实在是太感谢了，你帮了我们大忙，还要你垫钱。我们实在不好意思。”这是家住东方路临沂大楼的"
    "董阿姨第三次向林为彬道谢。但她塞过去的钱，还是被推了回来。",
    "林为彬是浦东新区公安分局南码头路派出所的一名社区民警。疫情发生以来，一直奋战在抗疫一线。"
    "到昨天为止，他已经十多天没有回家。小葛是一名在册精神病人，每个月父母都要带他到浦西的精神"
    "卫生中心看病配药，病情一直控制得很好。但这次疫情以来，因为连续被封控在家，药已经吃完很久。",
    "“你们先做核酸，回头医保卡给我，我来想办法。”林为彬一面安慰，一面马上向派出所汇报。征得"
    "分局同意后，林为彬决定跑一趟浦西，帮小葛配药。在市商委一位志愿者的帮助下，他与院方取得了联系，"
    "林为彬还自掏腰包垫了钱，帮小葛配好了药。",
]


def _wrap(paragraph: str) -> list[str]:
    return set_in_measure(paragraph, MEASURE)


def _columns(height: int) -> list[list[str]]:
    lines = [line for paragraph in PARAGRAPHS for line in _wrap(paragraph)]
    return [lines[start : start + height] for start in range(0, len(lines), height)]


def _page(columns: list[list[str]], band: int | None) -> str:
    if band is None:
        return _page_of_parts(columns)
    # the extractor reads every column's upper part, then the lower parts
    parts = [column[:band] for column in columns]
    parts += [column[band:] for column in columns if column[band:]]
    return _page_of_parts(parts)


def _page_of_parts(parts: list[list[str]], byline: str = "首席记者 潘高峰") -> str:
    """The page an extractor gives that reads ``parts`` (their lines) one after another, a
    blank line between two, under the paper's head line, the title and ``byline``."""
    head = ["上海日报 2024年4月8日 星期一 第2版 社会", "", "“揽事民警”跨江配药", byline]
    return "\n".join(head) + "\n" + "\n\n".join("\n".join(part) for part in parts) + "\n"


def _read_in_bands(parts: list[list[str]]) -> tuple[list[int], list[str]]:
    """How many lines each block holds of ``parts`` read one after another (a blank line
    between two), and the first line of each block once :func:`reorder_bands` has read the
    bands column by column (on a page that indents its first lines)."""
    text = "\n\n".join("\n".join(part) for part in parts) + "\n"
    blocks = group_blocks(split_lines(text)[0])
    sizes = [len(block.lines) for block in blocks]
    ordered = reorder_bands(blocks, indents=True)
    return sizes, [block.first.text for block in ordered]


def _body(text: str) -> list[str]:
    articles = parse_text(text).articles
    assert len(articles) == 1
    return [join_wrapped([p]) for p in articles[0].paragraphs]


def test_columns_read_in_two_bands_are_read_column_by_column() -> None:
    columns = _columns(5)
    assert [len(column) for column in columns] == [5, 5, 5, 5]
    assert _body(_page(columns, band=2)) == PARAGRAPHS


def test_columns_read_in_three_bands_are_read_column_by_column() -> None:
    # two things cut across the columns: every column's first two lines, then every
    # column's third line, then the rest (one paragraph: no short line among the parts)
    text = "".join(PARAGRAPHS)
    lines = _wrap(text)
    columns = [lines[start : start + 6] for start in range(0, len(lines), 6)]
    assert [len(column) for column in columns] == [6, 6, 6]
    parts = [c[a:b] for a, b in ((0, 2), (2, 3), (3, 6)) for c in columns]
    assert "".join(_body(_page_of_parts(parts))) == text


def test_columns_read_in_one_band_keep_their_order() -> None:
    assert _body(_page(_columns(5), band=None)) == PARAGRAPHS


BLANK_PARTED = [
    "记者昨天从市交通委获悉，本市公交线路今起逐步恢复运营，首批恢复的线路共有八十多条，"
    "覆盖主要居住区。",
    "市交通委有关负责人介绍，恢复运营的公交车辆每天都将进行全面消毒，乘客须佩戴口罩，扫码乘车。",
    "据介绍，首批恢复的线路以连接大型居住区、医院和主要地铁站点的线路为主，"
    "发车间隔根据客流情况灵活调整，高峰时段将适当加密班次，方便市民出行。"
    "各公交企业已组织驾驶员完成核酸检测。",
    "市交通委同时提醒，市民出行前可通过手机查询线路恢复情况和实时到站信息，"
    "合理安排出行时间，尽量错峰出行，减少在站点等候的时间。",
]


def test_blocks_of_a_page_that_parts_paragraphs_with_blank_lines_stay_in_order() -> None:
    # paragraphs of 3, 3, 5 and 4 lines, a blank line after each: the shape of two bands
    # of two columns, but the blank lines part paragraphs, not columns
    assert [len(_wrap(p)) for p in BLANK_PARTED] == [3, 3, 5, 4]
    pieces = ["\n".join(_wrap(p)) for p in BLANK_PARTED]
    assert _body(page_under_title(pieces)) == BLANK_PARTED


def test_a_lower_band_of_short_feet_of_unlike_widths_is_read_column_by_column() -> None:
    # something cuts across two columns above their last lines: the lower band is two
    # lines (one a paragraph's short last line) under the first column and the text's last
    # line under the second; neither foot measures a column alone, only the upper band's
    # blocks tell that all four are set in one column
    paragraphs = PARAGRAPHS[1:]
    lines = [line for paragraph in paragraphs for line in _wrap(paragraph)]
    columns = [lines[:8], lines[8:]]
    assert [len(column[6:]) for column in columns] == [2, 1]
    assert [len(line) for line in columns[0][6:] + columns[1][6:]] == [18, 6, 2]
    assert _body(_page(columns, band=6)) == paragraphs


def test_a_block_set_wider_than_the_run_after_its_short_feet_ends_the_run() -> None:
    # the same two bands, then the article goes on in a wider measure: the wide block is
    # no column of the bands (though wider than the last foot), so the bands still read
    paragraphs = PARAGRAPHS[1:]
    lines = [line for paragraph in paragraphs for line in _wrap(paragraph)]
    columns = [lines[:8], lines[8:]]
    wide = (
        "林为彬又风驰电掣赶了回来，打听到另两位病人平时都是在浦东源东精神卫生中心看病，"
        "又匆匆驾车赶过去，配完药，一一送上门。事情得到解决，林为彬松了一口气。"
    )
    wide_lines = [wide[start : start + 26] for start in range(0, len(wide), 26)]
    text = _page(columns, band=6) + "\n" + "\n".join(wide_lines) + "\n"
    assert _body(text) == [*paragraphs, wide]


def test_feet_that_carry_a_run_into_no_bands_still_end_the_bands_before_them() -> None:
    # two bands, then a one-line paragraph and another set on in the same column after
    # blank lines: carried on through the narrow blocks, the run reads as no bands; the
    # bands the narrow line parts off still read
    paragraphs = PARAGRAPHS[1:]
    lines = [line for paragraph in paragraphs for line in _wrap(paragraph)]
    columns = [lines[:8], lines[8:]]
    assert [len(line) for line in columns[1][5:]] == [18, 2]
    short = "事情得到解决。"
    more = (
        "林为彬又风驰电掣赶了回来，打听到另两位病人平时都是在浦东源东精神卫生中心看病，"
        "又匆匆驾车赶过去，配完药，一一送上门。"
    )
    tail = f"{short}\n\n" + "\n".join(_wrap(more))
    text = _page(columns, band=5) + "\n" + tail + "\n"
    assert _body(text) == [*paragraphs, short, more]


def test_bands_followed_by_a_block_in_their_measure_are_still_read_column_by_column() -> None:
    # two bands of two columns, then a paragraph set on after a blank line in the same
    # measure (the text the extractor reads after the cut): the run of five blocks reads
    # as no bands, but its first four do
    paragraphs = PARAGRAPHS[1:]
    lines = [line for paragraph in paragraphs for line in _wrap(paragraph)]
    columns = [lines[:8], lines[8:]]
    assert [len(column[6:]) for column in columns] == [2, 1]
    more = (
        "林为彬又风驰电掣赶了回来，打听到另两位病人平时都是在浦东源东精神卫生中心看病，"
        "又匆匆驾车赶过去，配完药，一一送上门。事情得到解决，林为彬松了一口气。"
    )
    text = _page(columns, band=6) + "\n" + "\n".join(_wrap(more)) + "\n"
    assert _body(text) == [*paragraphs, more]


def test_three_bands_whose_last_is_a_block_short_are_read_column_by_column() -> None:
    # two columns cut across twice: three lines of each, then the rest of each but the
    # first column's last line, then that line alone (the text ended in the second band,
    # in the last, shorter column): the lone foot goes under the first column
    text = "".join(PARAGRAPHS)
    lines = _wrap(text)
    height = (len(lines) + 2) // 2
    first, second = lines[:height], lines[height:]
    assert len(second) in (height - 1, height - 2)
    parts = [first[:3], second[:3], first[3:-1], second[3:], first[-1:]]
    assert "".join(_body(_page_of_parts(parts))) == text


def test_a_lower_part_an_em_short_under_a_column_with_wider_digit_lines_reads_on() -> None:
    # two columns of 12 em read in two bands on a page that indents its first lines; two
    # of the second column's upper lines hold a half-width digit and measure 12.5 em, and
    # its lower part opens with a running line an em short (a character taken down): short
    # of the 12 em most lines fill by less than the indent, it goes on from the upper part
    upper_first = [
        "记者昨天从市交通委获",
        "悉，本市公交线路今起逐步",
        "恢复运营，首批恢复的线路",
        "共有八十多条，覆盖主要居",
        "住区。市交通委有关负责人",
        "介绍，恢复运营的公交车辆",
    ]
    upper_second = [
        "线路以连接大型居住区、医",
        "院和主要地铁站点的线路为",
        "主，发车间隔根据客流情况",
        "灵活调整，高峰时段将在7时",
        "至9时适当加密班次，各公交",
        "企业已组织驾驶员完成核酸",
    ]
    lower_first = ["每天都将进行全面消毒，乘", "客须佩戴口罩，扫码乘车。", "据介绍，首批恢复的"]
    lower_second = ["检测，市民出行前可查询", "实时到站信息。"]
    sizes, order = _read_in_bands([upper_first, upper_second, lower_first, lower_second])
    assert sizes == [6, 6, 3, 2]
    assert order == [upper_first[0], lower_first[0], upper_second[0], lower_second[0]]


def test_a_first_column_a_line_short_under_a_continuation_marker_reads_in_bands() -> None:
    # the article goes on from another page: its continuation marker stands over the first
    # column and takes a line's room there, so that column holds a line fewer; read in two
    # bands its upper part is a line short of the others' (2, 3, 3 over 2, 2, 2)
    text = "".join(PARAGRAPHS[1:])
    lines = _wrap(text)
    columns = [lines[:4], lines[4:9], lines[9:14]]
    assert [len(column) for column in columns] == [4, 5, 5]
    cuts = [2, 3, 3]
    parts = [column[:cut] for column, cut in zip(columns, cuts, strict=True)]
    parts += [column[cut:] for column, cut in zip(columns, cuts, strict=True)]
    page = _page_of_parts(parts, byline="（上接第1版）")
    assert "".join(_body(page)).startswith(text[: len("".join(lines[:14]))])


def test_an_upper_part_ending_on_a_short_line_may_go_on_into_an_indented_lower_part() -> None:
    # two columns of 12 em read in two bands on a page that indents its first lines; the
    # first column's upper part ends on a short line without a sentence end (a subhead),
    # which closes its paragraph as a short line does, so the lower part under it may well
    # open the next paragraph with an indented line: the two still read as one column
    upper_first = [
        "记者昨天从市交通委获",
        "悉，本市公交线路今起逐步",
        "恢复运营，首批恢复的线路",
        "共有八十多条，覆盖主要居",
        "住区和大型医院。",
        "公交企业全力保障",
    ]
    lower_first = ["各公交企业已组织驾驶", "员完成核酸检测，车辆每天", "都将进行全面消毒，乘客须"]
    upper_second = [
        "佩戴口罩，扫码乘车，发车",
        "间隔根据客流情况灵活调整，",
        "高峰时段将适当加密班次。",
        "市民出行前可通过手机查询",
        "实时到站信息，合理安排出",
        "行时间，避免在站台长时间",
    ]
    lower_second = ["聚集等候，错峰出行。"]
    sizes, order = _read_in_bands([upper_first, upper_second, lower_first, lower_second])
    assert sizes == [6, 6, 3, 1]
    assert order == [upper_first[0], lower_first[0], upper_second[0], lower_second[0]]


def test_a_lower_part_short_only_by_characters_taken_down_reads_on() -> None:
    # two columns of 12 em read in two bands on a page that indents its first lines; the
    # second column's lower part opens with a running line two em short, because the
    # line-start rule took its last character down with the two closing marks after it
    # (``好。”``): as short as an indented first line, it still goes on from the upper part
    upper_first = [
        "记者昨天从市交通委获",
        "悉，本市公交线路今起逐步",
        "恢复运营，首批恢复的线路",
        "共有八十多条，覆盖主要居",
        "住区和大型医院，各公交企",
        "业已组织驾驶员完成核酸检",
    ]
    lower_first = [
        "测，车辆每天都将进行全面",
        "消毒，乘客须佩戴口罩，扫",
        "码乘车，发车间隔根据客流",
    ]
    upper_second = [
        "情况灵活调整，高峰时段将",
        "适当加密班次。市民出行前",
        "可通过手机查询实时到站信",
        "息，合理安排出行时间，避",
        "免在站台长时间聚集等候，",
        "记者在站台采访时，乘客们",
    ]
    lower_second = ["纷纷表示这样安排很", "好。”据介绍，其余线路将"]
    sizes, order = _read_in_bands([upper_first, upper_second, lower_first, lower_second])
    assert sizes == [6, 6, 3, 2]
    assert order == [upper_first[0], lower_first[0], upper_second[0], lower_second[0]]


def test_bands_of_parts_all_as_tall_are_read_column_by_column_where_the_words_tell() -> None:
    # three columns of six lines cut at mid-height: upper parts of three lines, lower parts
    # of three, so the counts read as well as one row of six columns; read band by band,
    # more of the joins run a bigram the page prints across (``为彬``, ``葛配``) than read as
    # the blocks come
    text = "".join(PARAGRAPHS)
    lines = _wrap(text)
    columns = [lines[start : start + 6] for start in range(0, len(lines), 6)][:3]
    assert [len(column) for column in columns] == [6, 6, 6]
    assert "".join(_body(_page(columns, band=3))) == "".join(lines[:18])


def test_upper_parts_of_a_line_under_an_indented_first_line_read_in_bands() -> None:
    # two columns of 12 em cut under their first line, on a page that indents its first
    # lines: the upper parts are a line each, measuring no column, and the first is a
    # paragraph's indented first line, two em narrower than the second's running line;
    # the lower parts under them measure the column both lines fit, so the four are one run
    # of two bands
    upper_first = ["记者昨天从市交通委获"]
    upper_second = ["共有八十多条，覆盖主要居"]
    lower_first = [
        "悉，本市公交线路今起逐步",
        "恢复运营，首批恢复的线路",
        "以连接大型居住区、医院和",
        "主要地铁站点的线路为主，",
        "发车间隔根据客流情况灵活",
    ]
    lower_second = [
        "住区和大型医院，各公交企",
        "业已组织驾驶员完成核酸检",
        "测，车辆每天都将进行全面",
        "消毒，乘客须佩戴口罩。",
    ]
    sizes, order = _read_in_bands([upper_first, upper_second, lower_first, lower_second])
    assert sizes == [1, 1, 5, 4]
    assert order == [upper_first[0], lower_first[0], upper_second[0], lower_second[0]]


def test_a_column_whose_widest_line_holds_close_set_marks_is_measured_by_running_lines() -> None:
    # two columns of 12 em read in two bands; a line of the second column's upper part
    # holds six marks set closer than full width (``《长生殿·定情》《虎囊弹》``), so it
    # counts two em past the column, more than half-width characters ever widen a line:
    # most of the part's running lines still fill 12 em, the first column's measure
    upper_first = [
        "春日特辑每天推出一部经典",
        "折子戏，戏迷可在线上点播",
        "观看，也可以回看往期节目",
        "和名家访谈，上海昆剧团还",
    ]
    lower_first = ["推出了云上观雅韵之春日特", "辑，精选多部昆剧经典折子"]
    upper_second = [
        "戏，其中有不少难得一见的",
        "老戏和新编的昆剧经典，如",
        "剧《长生殿·定情》《虎囊弹》选",
        "段，每天轮番上线供戏迷点",
    ]
    lower_second = ["播观看。"]
    sizes, order = _read_in_bands([upper_first, upper_second, lower_first, lower_second])
    assert sizes == [4, 4, 2, 1]
    assert order == [upper_first[0], lower_first[0], upper_second[0], lower_second[0]]


def test_a_first_column_a_line_short_under_a_marker_may_end_on_a_full_sentence_end() -> None:
    # the continuation marker takes a line's room over the first column; that column's
    # upper part ends a sentence at the column's full width, which closes no paragraph
    # (the sentence after it goes on in the lower part): the bands still read (2, 3, 3
    # over 2, 2, 2)
    opening = "林为彬是浦东新区公安分局南码头路派出所的一名社区民警，也是居民的贴心人。"
    text = opening + PARAGRAPHS[1][PARAGRAPHS[1].index("疫情") :] + PARAGRAPHS[2]
    lines = _wrap(text)
    assert lines[1].endswith("。")
    assert len(lines[1]) == MEASURE
    columns = [lines[:4], lines[4:9], lines[9:14]]
    cuts = [2, 3, 3]
    parts = [column[:cut] for column, cut in zip(columns, cuts, strict=True)]
    parts += [column[cut:] for column, cut in zip(columns, cuts, strict=True)]
    page = _page_of_parts(parts, byline="（上接第1版）")
    assert "".join(_body(page)).startswith(text[: len("".join(lines[:14]))])
