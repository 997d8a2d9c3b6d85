"""Pages extracted in layout mode: columns side by side on one line, read back column by column."""

from __future__ import annotations

import pytest

from shared.parsing import explain_text, parse_text
from shared.parsing.layout_columns import LAYOUT_RULE, read_layout_columns
from shared.parsing.layout_grid import is_layout_page
from shared.parsing.lines import split_lines
from tests.support.page_simulator import PageSimulator, load_sample_articles

HEADER = "上海日报 2024年4月8日 星期一 第2版 社会"

COLUMN_1 = [
    "  本报讯 昨天，全市公交线路",
    "逐步恢复运营，首批恢复的线",
    "路有二百多条，覆盖中心城区",
    "和五个新城，市民可以凭核酸",
    "证明乘车，车上限载一半。",
    "  交通部门提醒，市民出行要",
]
COLUMN_2 = [
    "戴好口罩，扫码乘车，配合驾",
    "驶员做好防护工作，保持距离。",
    "  据了解，地铁线路将于下周",
    "陆续恢复，具体安排另行通知",
    "，市民可以关注官方网站获取",
    "最新的运营信息。",
]
COLUMN_3 = [
    "  各区也在加快恢复社区菜场",
    "和便利店，保障市民生活所需",
    "，首批开放的门店有五百多家",
    "，营业时间为早七点到晚七点",
    "，部分门店提供送货上门服务",
    "。",
]


def _side_by_side(*columns: list[str], width: int = 14, gutter: int = 4) -> list[str]:
    """Columns set side by side as a layout-mode extractor writes them: each line of a column
    padded to ``width`` cells (one a character), ``gutter`` spaces between columns."""
    rows = max(len(column) for column in columns)
    lines = []
    for row in range(rows):
        cells = [column[row] if row < len(column) else "" for column in columns]
        line = (" " * gutter).join(cell.ljust(width, " ") for cell in cells)
        lines.append(line.rstrip())
    return lines


def _read(lines: list[str]) -> list[str]:
    page = split_lines("\n".join(lines))[0]
    return [line.raw for line in read_layout_columns(page)]


def _stripped(column: list[str]) -> list[str]:
    return [line.strip() for line in column]


def test_two_columns_side_by_side_are_read_one_after_the_other() -> None:
    page = [HEADER, "", *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page) == [HEADER, "", *_stripped(COLUMN_1), "", *_stripped(COLUMN_2)]


def test_a_headline_spanning_three_columns_is_read_before_them() -> None:
    title = "      公交线路今起逐步恢复运营"
    page = [HEADER, "", title, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)]
    assert _read(page) == [
        HEADER,
        "",
        title.strip(),
        "",
        *_stripped(COLUMN_1),
        "",
        *_stripped(COLUMN_2),
        "",
        *_stripped(COLUMN_3),
    ]


def test_bands_of_different_columns_are_read_band_by_band() -> None:
    # three columns, then (below a headline spanning the page) two wider ones
    wide_1 = ["  市文旅局昨天发布消息，全市三十个", "景区本周末起有序开放，游客需要预约"]
    wide_2 = ["入园，景区接待量不超过最大承载量的", "一半，室内场馆暂不开放。"]
    page = [
        HEADER,
        "",
        *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3),
        "",
        "            景区本周末起有序开放",
        *_side_by_side(wide_1, wide_2, width=18, gutter=5),
    ]
    assert _read(page) == [
        HEADER,
        "",
        *_stripped(COLUMN_1),
        "",
        *_stripped(COLUMN_2),
        "",
        *_stripped(COLUMN_3),
        "",
        "景区本周末起有序开放",
        "",
        *_stripped(wide_1),
        "",
        *_stripped(wide_2),
    ]


def test_a_line_of_its_own_beside_the_columns_is_no_gap_in_them() -> None:
    # The byline of the article on the right sits between the baselines of the columns on
    # the left: the extractor gives it a line of its own, blank in those columns.
    left_1, left_2 = COLUMN_1, COLUMN_2
    right = ["地铁恢复运营", "下周起陆续恢复", "本报记者 王敏", "  本报讯 下周"]
    right += ["起地铁陆续恢", "复运营，首批", "恢复十条线路"]
    rows = _side_by_side(left_1, left_2, width=14)
    rows.insert(2, "")
    page = [
        HEADER,
        "",
        *(f"{row:<36}{other}" for row, other in zip(rows, right, strict=True)),
    ]
    assert _read(page)[2:] == [
        *_stripped(left_1),
        "",
        *_stripped(left_2),
        "",
        *_stripped(right),
    ]


def test_a_title_above_its_byline_is_no_pair_of_columns() -> None:
    # a headline to the right above bylines to the left: one above the other, not side by side
    page = [
        HEADER,
        "",
        "                       复工复产人员可以通过公交通勤",
        "记者 董平",
        "本报通讯员 薛丽",
        "",
        *_side_by_side(COLUMN_1, COLUMN_2),
    ]
    assert _read(page)[2:5] == ["复工复产人员可以通过公交通勤", "记者 董平", "本报通讯员 薛丽"]


def test_wide_characters_counted_two_cells_are_measured_so() -> None:
    # a tool padding by display width (a wide character two cells): columns still found
    def padded(line: str) -> str:
        return line + " " * (28 - sum(2 if ord(c) > 0x2000 else 1 for c in line))

    rows = [padded(a) + "    " + b for a, b in zip(COLUMN_1, COLUMN_2, strict=True)]
    assert _read([HEADER, "", *rows]) == [
        HEADER,
        "",
        *_stripped(COLUMN_1),
        "",
        *_stripped(COLUMN_2),
    ]


def test_pdftotexts_grid_is_kept_where_display_width_lines_up_no_more_pieces() -> None:
    # Two modules side by side, their lines interleaved (set at pitches of their own), as
    # pdftotext sets them on its grid (a character a cell; dev page 800033).  Counted by
    # display width, each line's later pieces shift by the wide characters before them, so
    # that the left module's second column runs into the right module's: one line more holds
    # a piece starting near another's (within the slack), but no piece starts in the very cell
    # of another's, where on pdftotext's grid the columns' pieces do.  The page is read on
    # pdftotext's grid: 教。 ends the left module's second column, not the right's first.
    rows = [
        " " * 2 + "本报北京1月4日电（记者姜洁）日",
        "前，经中共中央批准，中央纪委国家监委",
        " " * 29 + "营、工程项目承揽等方面利用职务上的便",
        " " * 29 + "利为他人谋利，并非法收受巨额财物；道",
        " " * 53 + "见德国总理默克尔等欧方领导人",
        "对全国人大原内务司法委员会副主任委" + " " * 12 + "德败坏，家风不正，对家人、亲属失管失",
        " " * 54
        + "本报柏林1月19日电（记者李强、花放）1月1"
        + " " * 3
        + "个重要国家，应该相互尊重，加强合作，共同践",
        "员、陕西省委原书记赵正永严重违纪违法" + " " * 11 + "教。",
        " " * 51
        + "9日，习近平主席特别代表、中共中央政治局委"
        + " " * 7
        + "行多边主义，携手应对全球性挑战，推动双边关",
        "问题进行了立案审查调查。" + " " * 20 + "赵正永严重违反党的政治纪律、组织",
        " " * 51
        + "员、中央外事工作委员会办公室主任杨洁篪在德"
        + " " * 7
        + "系不断健康稳定向前发展。中方愿同德方保持密",
        " " * 2 + "经查，赵正永严重背弃初心使命，对" + " " * 11 + "纪律、廉洁纪律和生活纪律",
    ]
    out = _read([HEADER, "", *rows])
    column = ["德败坏，家风不正，对家人、亲属失管失", "教。", "赵正永严重违反党的政治纪律、组织"]
    start = out.index(column[0])
    assert out[start : start + 3] == column
    start = out.index("本报柏林1月19日电（记者李强、花放）1月1")
    assert out[start + 1] == "9日，习近平主席特别代表、中共中央政治局委"


def test_a_layout_page_parses_as_its_columns_do() -> None:
    title = "      公交线路今起逐步恢复运营"
    laid_out = "\n".join([HEADER, "", title, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)])
    plain = "\n".join([HEADER, "", title.strip(), *COLUMN_1, "", *COLUMN_2, "", *COLUMN_3])
    assert [a.to_dict() for a in parse_text(laid_out).articles] == [
        a.to_dict() for a in parse_text(plain).articles
    ]


ORDINARY = [
    HEADER,
    "",
    "公交线路今起逐步恢复运营",
    "本报记者 王敏",
    "  本报讯（记者 王敏） 4月7日 ，全市",
    "公 交 线 路 逐 步 恢 复 运 营 ， 首",
    "批恢复的线路有二百多条，项目 40 个",
    "覆盖中心城区和五个新城。",
    "",
    "  交通部门提醒，市民出行要戴好口罩",
]


def test_ordinary_text_is_left_as_it_is(reference_page: bytes) -> None:
    for text in (reference_page.decode("utf-8"), "\n".join(ORDINARY)):
        for page in split_lines(text):
            assert not is_layout_page(page)
            assert read_layout_columns(page) == page


@pytest.mark.parametrize("seed", range(12))
def test_simulated_pages_are_not_read_as_laid_out(seed: int) -> None:
    document = PageSimulator(load_sample_articles(), seed=9300 + seed).document(pages=1 + seed % 2)
    for page in split_lines(document.text):
        assert not is_layout_page(page)


def test_no_character_is_lost_or_doubled() -> None:
    title = "      公交线路今起逐步恢复运营"
    page = [HEADER, "", title, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)]
    out = _read(page)
    assert sorted("".join("".join(page).split())) == sorted("".join("".join(out).split()))


def test_a_short_headline_centred_over_the_columns_is_read_before_them() -> None:
    # the headline and its subtitle stand within the middle column's cells, crossing no gutter
    title, subtitle = "                    恢复运营", "                    ——首批二百条"
    page = [HEADER, "", title, subtitle, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)]
    # (the two are of different widths: parted as titles of their own)
    assert _read(page)[2:7] == ["恢复运营", "", "——首批二百条", "", COLUMN_1[0].strip()]


def test_a_column_starting_higher_than_the_others_is_no_headline() -> None:
    # the first column's first line stands higher, at its left: the top of that column
    rows = _side_by_side(COLUMN_1[1:], COLUMN_2[1:], COLUMN_3[1:])
    page = [HEADER, "", COLUMN_1[0], *rows]
    assert _read(page)[2:4] == [COLUMN_1[0].strip(), COLUMN_1[1].strip()]


def test_a_headline_set_in_from_its_column_off_the_centre_is_read_before_the_columns() -> None:
    # the extractor's grid widened the columns' text more than the headline's: the headline
    # stands left of the columns' centre, but set in from the first column's edge
    title = "       公交线路恢复运营"
    page = [HEADER, "", title, *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page)[2:5] == ["公交线路恢复运营", "", COLUMN_1[0].strip()]


def test_a_last_line_of_two_columns_standing_alone_is_cut_at_its_gutter() -> None:
    # the columns' last lines set apart by more than a line: a band of one line, its gutter
    # wider than any space inside a line
    left = _side_by_side(COLUMN_1[:5], COLUMN_2[:5], gutter=6)
    last = _side_by_side(COLUMN_1[5:], COLUMN_2[5:], gutter=6)
    page = [HEADER, "", *left, "", "", *last]
    out = _read(page)
    assert out[-3:] == [COLUMN_1[5].strip(), "", COLUMN_2[5].strip()]


def test_columns_going_on_past_a_blank_line_are_read_whole() -> None:
    # a line blank across the page between lines of the same columns: no band of its own
    above = _side_by_side(COLUMN_1[:3], COLUMN_2[:3])
    below = _side_by_side(COLUMN_1[3:], COLUMN_2[3:])
    out = _read([HEADER, "", *above, "", *below])
    assert out[2:] == [*_stripped(COLUMN_1), "", *_stripped(COLUMN_2)]


def test_two_spaces_in_a_line_of_its_own_are_no_gutter() -> None:
    rows = _side_by_side(COLUMN_1, COLUMN_2)
    page = [HEADER, "", "本报记者  王敏", "", *rows]
    assert _read(page)[2] == "本报记者  王敏"


def test_a_line_blank_in_a_column_but_not_across_the_page_is_no_gap() -> None:
    # A two-line headline set larger than the text beside it: the extractor gives the line
    # between its baselines to the text beside, and the headline's lines stay together.
    right = [
        "国防部举行新春招待会",
        "——魏凤和出席",
        "  新华社北京1月17日电",
        "（记者梅常伟）国防部",
        "17日晚在八一大楼举行",
        "新春招待会，来自80多",
        "个国家的驻华武官出席",
    ]
    left = ["助企纾困，加快恢复", "", "经济社会发展活力", *_stripped(COLUMN_1[:4])]
    page = [HEADER, "", *(f"{a:<20}{b}" for a, b in zip(left, right, strict=True))]
    assert _read(page)[2:5] == ["助企纾困，加快恢复", "经济社会发展活力", COLUMN_1[0].strip()]


def test_the_explanation_lists_a_layout_page_in_reading_order() -> None:
    page = [HEADER, "", *_side_by_side(COLUMN_1, COLUMN_2)]
    rows = explain_text("\n".join(page)).split("\n")
    assert all(LAYOUT_RULE in row for row in rows)
    texts = [row.split(" | ", 1)[1] for row in rows]
    assert texts == [HEADER, "", *_stripped(COLUMN_1), "", *_stripped(COLUMN_2)]
    numbers = [int(row.split()[0]) for row in rows]
    assert numbers == list(range(len(page) + 1, len(page) + 1 + len(rows)))


def test_ideographic_spaces_in_a_layout_page_are_measured_in_place() -> None:
    column = [
        line.replace("  ", "\u3000", 1) if line.startswith("  ") else line for line in COLUMN_1
    ]
    rows = _side_by_side(column, COLUMN_2, width=14)
    assert _read([HEADER, "", *rows]) == [
        HEADER,
        "",
        *_stripped(COLUMN_1),
        "",
        *_stripped(COLUMN_2),
    ]


def test_the_running_header_stays_whole_whatever_gutter_runs_through_it() -> None:
    header = f"{'上海日报 4月8日':<18}星期一 第2版 社会"
    page = [header, "", *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page)[:3] == [header, "", COLUMN_1[0].strip()]


def test_a_headline_of_three_lines_over_short_columns_is_read_before_them() -> None:
    title = [
        "   恢复小区出入公交运营机动车通行",
        "   市民出行有序，首批恢复二百多条",
        "   线路覆盖中心城区和五个新城区域",
    ]
    page = [
        HEADER,
        "",
        *title,
        *_side_by_side(COLUMN_1[:4], COLUMN_2[:4]),
        "",
        "",
        *_side_by_side(COLUMN_3, COLUMN_2),
    ]
    assert _read(page)[2:7] == [*_stripped(title), "", COLUMN_1[0].strip()]


def test_two_line_titles_side_by_side_are_read_title_by_title() -> None:
    # Three articles side by side, their headlines of two lines each; a line blank across
    # the page parts each headline's two lines (they are set larger than the text), and the
    # lines of one headline are read together.
    rows = _side_by_side(
        ["公交线路今起", "", "逐步恢复运营", *_stripped(COLUMN_1)],
        ["地铁线路下周", "", "陆续恢复运营", *_stripped(COLUMN_2)],
        ["社区菜场有序", "", "开门迎接市民", *_stripped(COLUMN_3)],
    )
    out = _read([HEADER, "", *rows])
    assert out[2:4] == ["公交线路今起", "逐步恢复运营"]
    assert out[4 : 4 + 6] == _stripped(COLUMN_1)
    assert out[11:13] == ["地铁线路下周", "陆续恢复运营"]


def test_a_byline_under_a_centred_headline_heads_the_first_column() -> None:
    # the headline stands within the middle column's cells, the byline at the first's left
    title = "                     公交线路恢复运营"
    page = [HEADER, "", title, "本报记者 王敏", *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)]
    assert _read(page)[2:6] == ["公交线路恢复运营", "", "本报记者 王敏", COLUMN_1[0].strip()]


COLUMN_4 = [
    "  社区菜场今起有序开门，首批",
    "开放的门店有五百多家，营业",
    "时间为早七点到晚七点。",
]


def test_modules_side_by_side_are_read_under_their_own_titles() -> None:
    # Two modules of two columns each; the right one's kicker stands higher than the left
    # one's headline, its headline lower (titles of different sizes, off each other's
    # baselines).  Each module is read whole under its own titles.
    kicker = " " * 44 + "本报评论员"
    left_title = " " * 6 + "公交线路今起逐步恢复"
    right_title = " " * 42 + "菜场有序开门迎客"
    rows = _side_by_side(COLUMN_1, COLUMN_2, COLUMN_3, COLUMN_4)
    out = _read([HEADER, "", kicker, left_title, right_title, *rows])
    assert out[2:5] == [left_title.strip(), "", COLUMN_1[0].strip()]
    right = out.index(kicker.strip())
    assert out[right:] == [
        kicker.strip(),
        "",
        right_title.strip(),
        "",
        *_stripped(COLUMN_3),
        "",
        *_stripped(COLUMN_4),
    ]


def test_stacked_titles_of_different_widths_are_parted() -> None:
    # A kicker over its headline over a subtitle, each of a width of its own (set in sizes of
    # their own): parted by blank lines as plain extraction parts them.  The two lines of a
    # headline of one width stay together, and so does a headline's last character wrapped.
    kicker = "        上海警方提示：市民应配合"
    headline = ["          应检未检将被依法处理", "          首批检测点今起开放"]
    wrapped = "          运"
    subtitle = "          ——首批二百条"
    page = [HEADER, "", kicker, *headline, wrapped, subtitle]
    page += _side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)
    assert _read(page)[2:12] == [
        kicker.strip(),
        "",
        *_stripped(headline),
        wrapped.strip(),
        "",
        subtitle.strip(),
        "",
        COLUMN_1[0].strip(),
        COLUMN_1[1].strip(),
    ]


def test_stacked_titles_centred_over_a_byline_are_parted() -> None:
    # a kicker and its headline centred over the page, a byline at the left, a blank line
    # between them and the columns: the titles are parted, the byline stays under them
    kicker = "              世博方舱医院今天起分批送走出院者"
    headline = "                  “我战胜了病毒！”"
    byline = "本报记者 左妍"
    page = [HEADER, "", kicker, headline, byline, "", *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page)[2:7] == [kicker.strip(), "", headline.strip(), byline, ""]


def test_a_wrapped_line_set_in_like_a_title_is_not_parted() -> None:
    # a caption set in from the left, wrapped: its lines start in the same cell, the last
    # shorter; they are no titles of different sizes centred one over the other
    caption = ["          图为市民在公交站排队候车，车上限载一半", "          （本报记者 王敏 摄）"]
    byline = "本报记者 左妍"
    page = [HEADER, "", *caption, byline, "", *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page)[2:6] == [*_stripped(caption), byline, ""]


def test_titles_of_one_width_set_off_each_other_are_parted() -> None:
    # a kicker and its headline of the same width, the one set off the other: titles of
    # sizes of their own, not the lines of one headline
    kicker, headline = "                    奥运会选拔赛推迟", "                竞走运动员积极训练"
    page = [HEADER, "", kicker, headline, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)]
    assert _read(page)[2:7] == [kicker.strip(), "", headline.strip(), "", COLUMN_1[0].strip()]


def test_titles_flush_with_each_other_short_of_the_measure_are_parted() -> None:
    # a kicker and its headline set in from the left, flush with each other, over a longer
    # byline: the kicker ends short of the lines' measure, so the headline is no line of it
    # wrapped
    kicker, headline = "      私家车送物资 一个月未归家", "      奔跑乐手 月行万里"
    byline = "本报记者 吴翔 通讯员 李华 王明明 摄影 赵六"
    page = [HEADER, "", kicker, headline, byline, "", *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page)[2:7] == [kicker.strip(), "", headline.strip(), byline, ""]


def test_the_rest_of_a_centred_headline_wrapped_stays_with_it() -> None:
    # A headline centred over two columns fills their measure (it starts at their left edge,
    # crossing the gutter): it goes on below, its rest centred under it within one column's
    # cells.  That rest is no title of its own over the columns; the headline under it is.
    wrapped = "闭环防疫措施环环相扣 紧急手术挽救同胞"
    rest = " " * 9 + "眼睛"
    headline = " " * 5 + "超过万里的“光明接力”"
    page = [HEADER, "", wrapped, rest, headline, *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page)[2:6] == [wrapped, rest.strip(), "", headline.strip()]
    article = parse_text("\n".join(page)).articles[0]
    assert (article.kicker, article.headline) == (wrapped + rest.strip(), headline.strip())


def test_the_rest_of_a_centred_headline_set_in_less_than_a_title_stays_with_it() -> None:
    # The grid places a wide headline's start off where it stands: filling the measure of the
    # columns under it, it starts four cells in from their edge, less than a title set in
    # stands (HEAD_INSET).  Its rest centred under it is still its rest.
    wrapped = " " * 4 + "赤胆忠心 疾恶如仇（为了民族复兴·英雄"
    rest = " " * 12 + "烈士谱）"
    page = [HEADER, "", wrapped, rest, *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page)[2:5] == [wrapped.strip(), rest.strip(), ""]


def test_stacked_titles_crossing_a_gutter_are_parted() -> None:
    # A kicker and its headline over two columns, both crossing the gutter, centred and set
    # in from the columns' left edge (neither fills the measure): titles of their own.
    kicker = " " * 10 + "多地降雪量突破历史极值"
    headline = " " * 11 + "暴雪预警升级为黄色"
    page = [HEADER, "", kicker, headline, *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page)[2:6] == [kicker.strip(), "", headline.strip(), ""]
    article = parse_text("\n".join(page)).articles[0]
    assert (article.kicker, article.headline) == (kicker.strip(), headline.strip())


def test_a_centred_headline_filling_the_measure_is_not_parted_from_its_rest() -> None:
    # under a kicker, a headline starting at the columns' left edge, both its lines crossing
    # the gutter, the second shorter and centred under the first (set in half of the 8 em
    # it lacks, as pdftotext sets it): one headline wrapped
    kicker = " " * 10 + "多地降雪量突破历史极值"
    headline = ["杨洁篪出席利比亚问题柏林峰会并会见德国", "    总理默克尔等欧方领导人"]
    page = [HEADER, "", kicker, *headline, *_side_by_side(COLUMN_1, COLUMN_2)]
    assert _read(page)[2:7] == [kicker.strip(), "", *_stripped(headline), ""]


def test_the_rest_of_a_centred_headline_stays_with_it_across_blank_lines_of_its_column() -> None:
    # A module beside another: its headline, set larger than the text, fills its measure
    # (it starts at its columns' left edge); its rest, centred under it, stands lines of the
    # other module's text lower, lines its own column leaves blank.  It is no part of its own.
    left = _side_by_side(COLUMN_1, COLUMN_2)
    headline, rest = "在“控得住”前提下加快经", "    恢复重振"
    right = [headline, "", "", rest, *_side_by_side(COLUMN_3, COLUMN_1)]
    rows = []
    for k, line in enumerate(right):
        rows.append(((left[k] if k < len(left) else "").ljust(36) + line).rstrip())
    out = _read([HEADER, "", *rows])
    start = out.index(headline)
    assert out[start : start + 3] == [headline, rest.strip(), COLUMN_3[0].strip()]


def test_a_headline_over_three_lines_stays_whole_across_blank_lines_of_its_column() -> None:
    # The same with a headline over three lines: its second line, lines of the other
    # module's text lower, starts in the cell its first starts in and fills the measure again
    # (a title's next line, not a title of its own); its rest is centred under it.
    left = _side_by_side(COLUMN_1, COLUMN_2)
    first, second, rest = "中央军委举行慰问驻京", "部队老干部迎新春文艺", "  演出"
    right = [first, "", "", second, "", rest, *_side_by_side(COLUMN_3, COLUMN_1)]
    rows = []
    for k, line in enumerate(right):
        rows.append(((left[k] if k < len(left) else "").ljust(36) + line).rstrip())
    out = _read([HEADER, "", *rows])
    start = out.index(first)
    assert out[start : start + 4] == [first, second, rest.strip(), COLUMN_3[0].strip()]


def test_the_rest_of_a_centred_headline_under_its_kicker_stays_with_it() -> None:
    # The same, with the module's kicker set in over the headline (centred, a title: no text
    # line stands so far in from its column's edge): the headline is still the line its rest
    # goes on from, not a title standing alone.
    left = _side_by_side(COLUMN_1, COLUMN_2)
    kicker, headline, rest = "        王光生：", "在“控得住”前提下加快经", "    恢复重振"
    right = [kicker, headline, "", "", rest, *_side_by_side(COLUMN_3, COLUMN_1)]
    rows = []
    for k, line in enumerate(right):
        rows.append(((left[k] if k < len(left) else "").ljust(36) + line).rstrip())
    out = _read([HEADER, "", *rows])
    start = out.index(kicker.strip())
    assert out[start : start + 4] == [kicker.strip(), headline, rest.strip(), COLUMN_3[0].strip()]


def test_a_module_title_standing_higher_than_the_titles_beside_it_heads_its_own_module() -> None:
    # Two modules of two columns each; only the right one's kicker is set in from its
    # column's text, standing higher than both headlines (flush with their columns).  It
    # heads the module under it, not a headline over all four columns.
    kicker = " " * 44 + "本报评论员"
    left_title = "公交线路今起逐步恢复"
    right_title = " " * 36 + "菜场有序开门迎客"
    rows = _side_by_side(COLUMN_1, COLUMN_2, COLUMN_3, COLUMN_4)
    out = _read([HEADER, "", kicker, left_title, right_title, *rows])
    assert out[2:4] == [left_title, COLUMN_1[0].strip()]
    right = out.index(kicker.strip())
    assert out[right - 2 : right] == [COLUMN_2[-1].strip(), ""]
    assert out[right:] == [
        kicker.strip(),
        "",
        right_title.strip(),
        *_stripped(COLUMN_3),
        "",
        *_stripped(COLUMN_4),
    ]


def test_a_title_centred_on_the_columns_in_a_later_column_heads_them_all() -> None:
    # a headline over three columns centred on them stands within the middle column's cells,
    # set in from its text: it heads all three, not a module of the middle column
    title = " " * 24 + "公交线路恢复运营"
    page = [HEADER, "", title, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)]
    assert _read(page)[2:5] == [title.strip(), "", COLUMN_1[0].strip()]


def test_a_title_centred_by_coincidence_over_titles_beside_it_heads_its_own_column() -> None:
    # Three one-column modules; the middle one's headline, flush with its column, stands a
    # line higher than the titles beside it and happens to be centred on the region.  The
    # line under it holds those titles, in columns apart: the columns start at heights of
    # their own, under no common headline, and each title heads its own column.
    middle = " " * 18 + "地铁下周恢复"
    titles = "公交线路恢复" + " " * 30 + "菜场有序开门"
    out = _read([HEADER, "", middle, titles, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)])
    assert out[2:] == [
        "公交线路恢复",
        *_stripped(COLUMN_1),
        "",
        middle.strip(),
        *_stripped(COLUMN_2),
        "",
        "菜场有序开门",
        *_stripped(COLUMN_3),
    ]


def test_a_headline_off_the_centre_of_columns_starting_together_heads_them_all() -> None:
    # The headline stands set in from the middle column's text and off the columns' centre
    # (a grid narrowing its wide characters), but the columns under it start together on
    # one line: one module under it, not a module of its own from the middle column.
    title = " " * 24 + "公交线路今起全面逐步恢复运营"
    page = [HEADER, "", title, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)]
    assert _read(page)[2:5] == [title.strip(), "", COLUMN_1[0].strip()]


def test_a_kicker_standing_in_a_gutter_heads_the_columns_beside_it() -> None:
    # The kicker, centred over two columns, stands in the gutter between them: a column of
    # its own in the region's cells, but no column of the text below, which starts together.
    kicker = " " * 17 + "评论员："
    page = [HEADER, "", kicker, *_side_by_side(COLUMN_1, COLUMN_2, gutter=10)]
    assert _read(page)[2:5] == [kicker.strip(), "", COLUMN_1[0].strip()]


def test_a_headline_flush_with_a_later_column_over_columns_starting_under_it_heads_them() -> None:
    # The headline's wide characters narrowed by the grid, it stands flush with the second
    # column's text, off the centre of the four columns; but it is the only line above them
    # and every column starts on the line under it: it heads them all, not the second column.
    title = " " * 18 + "公交线路恢复运营"
    page = [HEADER, "", "", title, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3, COLUMN_4)]
    assert _read(page)[2:5] == [title.strip(), "", COLUMN_1[0].strip()]


def test_a_headline_flush_with_a_later_column_heads_the_columns_starting_under_it() -> None:
    # The same over three columns starting under it, beside a fourth starting lines lower
    # (another module's, which starts under no title here): the headline heads the columns
    # that start together under it, not the second column.
    title = " " * 18 + "公交线路恢复运营"
    columns = _side_by_side(COLUMN_1, COLUMN_2, COLUMN_3, ["", "", *COLUMN_4])
    page = [HEADER, "", "", title, *columns]
    assert _read(page)[2:5] == [title.strip(), "", COLUMN_1[0].strip()]


def test_a_title_flush_with_a_later_column_among_titles_left_of_it_heads_its_own_module() -> None:
    # Over columns starting together, a title flush with the last column's text stands
    # between a kicker and a headline over the first: two modules side by side (titles set
    # in sizes of their own stand off each other's baselines), the right one's title heading
    # its own column, not a headline over all of them.
    kicker = " " * 6 + "公交线路恢复"
    right_title = " " * 54 + "菜场有序开门"
    headline = " " * 4 + "首批线路二百多条"
    rows = _side_by_side(COLUMN_1, COLUMN_2, COLUMN_3, COLUMN_4)
    out = _read([HEADER, "", kicker, right_title, headline, *rows])
    right = out.index(right_title.strip())
    assert out[right - 1 : right + 2] == ["", right_title.strip(), COLUMN_4[0].strip()]


def test_titles_of_modules_side_by_side_on_the_first_line_head_their_own_modules() -> None:
    # Two modules of two columns each, their titles side by side on the region's first line
    # (its head band).  The right title stands set in from its column's text farther than a
    # paragraph's indent: it heads a module from that column, parted from its text as a
    # headline over the module's columns, not read as the top line of the column it stands
    # in.  (The left one, flush with its column, may be a byline: it stays the column's top.)
    titles = "公交线路恢复" + " " * 36 + "菜场有序开门"
    rows = _side_by_side(COLUMN_1, COLUMN_2, COLUMN_3, COLUMN_4)
    out = _read([HEADER, "", titles, *rows])
    assert out[2:] == [
        "公交线路恢复",
        *_stripped(COLUMN_1),
        "",
        *_stripped(COLUMN_2),
        "",
        "菜场有序开门",
        "",
        *_stripped(COLUMN_3),
        "",
        *_stripped(COLUMN_4),
    ]


def _beside_two_columns(right: list[str]) -> list[str]:
    """A module of one column (``right``) beside a module of two columns."""
    left = _side_by_side(COLUMN_1, COLUMN_2)
    rows = [
        ((left[k] if k < len(left) else "").ljust(36) + line).rstrip()
        for k, line in enumerate(right)
    ]
    return [HEADER, "", *rows, *left[len(right) :]]


def test_a_headline_under_a_longer_kicker_reaching_farther_left_is_parted_from_it() -> None:
    # Neither title is set in from the column as far as a title is: the kicker, more
    # characters, starts three cells in and runs past the column's text; the headline, fewer
    # characters, starts left of it, so its characters are wider (set larger).  One headline
    # wrapped would have its shorter line start right of (centred) or at (flush) the longer's.
    kicker, headline = "   上海戏曲艺术中心云上放送经典", "每天都有好戏等你解锁"
    page = _beside_two_columns([kicker, headline, "本报记者 赵玥", *_side_by_side(COLUMN_3)])
    out = _read(page)
    start = out.index(kicker.strip())
    assert out[start : start + 4] == [kicker.strip(), "", headline, "本报记者 赵玥"]
    article = parse_text("\n".join(page)).articles[-1]
    assert (article.kicker, article.headline) == (kicker.strip(), headline)


def test_the_rest_of_a_title_centred_under_it_in_its_column_opens_no_paragraph() -> None:
    # A headline filling its column's measure, its rest centred under it, set in from both
    # its ends: no paragraph's first line set in by its indent (none opens in mid-sentence,
    # and a first line set in by its indent ends where the line above ends).  The paragraph
    # under it is.
    title, rest = "公交线路今起逐步恢复运营", "    首批线路"
    page = _beside_two_columns([title, rest, *_side_by_side(COLUMN_3 + COLUMN_1[1:])])
    lines = read_layout_columns(split_lines("\n".join(page))[0])
    marks = {line.raw: line.set_in for line in lines}
    assert marks[rest.strip()] is None
    assert marks[COLUMN_3[0].strip()] is True


def test_a_paragraph_set_in_over_its_shorter_last_line_is_not_parted() -> None:
    # the same shape in the column's text: a paragraph's first line set in by its indent ends
    # at the column's edge, where its running lines end
    column = ["  各区也在加快恢复社区菜场", "和便利店。", *COLUMN_3[1:], *COLUMN_1[1:]]
    out = _read(_beside_two_columns(column))
    start = out.index(column[0].strip())
    assert out[start : start + 3] == _stripped(column[:3])


def test_a_headline_set_in_from_its_kicker_less_than_one_size_would_set_it_is_parted() -> None:
    # The kicker, 17 em, over the headline, 10 em, set in two cells: centred in the kicker's
    # size, the headline would start half of what it lacks (3.5 em, a cell or more each) in,
    # so its characters are wider (set larger): a title of its own.
    kicker, headline = "   十多天没回家，每天工作超过十二小时", "     “揽事民警”跨江配药"
    page = _beside_two_columns([kicker, headline, "首席记者 潘高峰", *_side_by_side(COLUMN_3)])
    out = _read(page)
    start = out.index(kicker.strip())
    assert out[start : start + 4] == [kicker.strip(), "", headline.strip(), "首席记者 潘高峰"]
    article = parse_text("\n".join(page)).articles[-1]
    assert (article.kicker, article.headline) == (kicker.strip(), headline.strip())


def test_the_rest_of_a_headline_centred_under_it_is_not_parted() -> None:
    # one size: the rest of a wrapped headline, centred, is set in half of what it lacks
    wrapped, rest = "   A股指数体系迈向精细化 年内新增374", "          条指数"
    page = _beside_two_columns([wrapped, rest, "本报记者 王杰", *_side_by_side(COLUMN_3)])
    out = _read(page)
    start = out.index(wrapped.strip())
    assert out[start : start + 3] == [wrapped.strip(), rest.strip(), "本报记者 王杰"]


COLUMN_5 = [
    "  市场监管部门将加强巡查，",
    "对哄抬物价的行为依法查处，",
    "保障市民买得到、买得起。",
]


def test_titles_centred_over_a_module_standing_in_its_middle_column_head_the_module() -> None:
    # A module of two columns beside a module of three, whose kicker and headline are centred
    # over its three columns; the grid gives each of their larger characters one cell, so
    # that they stand within the cells of its middle column, flush with its text.  They head
    # the module (read before its first column), not the middle column after the first.
    module = _side_by_side(COLUMN_3, COLUMN_4, COLUMN_5)
    left = _side_by_side(COLUMN_1, COLUMN_2)
    rows = [
        (left[k] if k < len(left) else "").ljust(36) + (module[k] if k < len(module) else "")
        for k in range(max(len(left), len(module)))
    ]
    page = [HEADER, "", " " * 54 + "菜场超市有序恢复营业", " " * 55 + "保障市民生活", *rows]
    out = _read([line.rstrip() for line in page])
    assert out[2:] == [
        *_stripped(COLUMN_1),
        "",
        *_stripped(COLUMN_2),
        "",
        "菜场超市有序恢复营业",
        "",
        "保障市民生活",
        "",
        *_stripped(COLUMN_3),
        "",
        *_stripped(COLUMN_4),
        "",
        *_stripped(COLUMN_5),
    ]


def test_a_title_centred_over_its_module_from_a_later_column_heads_the_module() -> None:
    # Titles of two modules side by side on the region's first line: the left module's title,
    # centred over its three columns, stands within the cells of its middle column; the right
    # module's headline, as wide as its module, starts flush with its text and straddles
    # the gutter between its columns.  Each heads its own module, read before its columns.
    left = _side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)
    right = _side_by_side(COLUMN_4, COLUMN_5)
    rows = [
        (left[k] if k < len(left) else "").ljust(56) + (right[k] if k < len(right) else "")
        for k in range(max(len(left), len(right)))
    ]
    right_title = "社区菜场今起有序开门保障市民买得到买得起"
    titles = " " * 19 + "公交线路今起恢复运营" + " " * 27 + right_title
    out = _read([HEADER, "", titles, *[row.rstrip() for row in rows]])
    assert out[2:] == [
        "公交线路今起恢复运营",
        "",
        *_stripped(COLUMN_1),
        "",
        *_stripped(COLUMN_2),
        "",
        *_stripped(COLUMN_3),
        "",
        right_title,
        "",
        *_stripped(COLUMN_4),
        "",
        *_stripped(COLUMN_5),
    ]


def test_a_headline_read_before_the_columns_is_marked_as_heading_them() -> None:
    # set within the first column's cells, set in from its text: parted by the head cut
    title = "       公交线路恢复运营"
    page = split_lines("\n".join([HEADER, "", title, *_side_by_side(COLUMN_1, COLUMN_2)]))[0]
    heading = [line.text for line in read_layout_columns(page) if line.heads_columns]
    assert heading == [title.strip()]


def test_a_headline_spanning_the_gutter_set_in_is_marked_as_heading_the_columns() -> None:
    # crossing the gutter of the columns under it (read by the spanning cut), set in from
    # their left edge as a title is; the columns' lines are not marked
    title = "          公交线路今起逐步恢复运营"
    page = split_lines("\n".join([HEADER, "", title, *_side_by_side(COLUMN_1, COLUMN_2)]))[0]
    heading = [line.text for line in read_layout_columns(page) if line.heads_columns]
    assert heading == [title.strip()]


def test_a_title_centred_on_the_page_by_chance_heads_only_the_columns_starting_under_it() -> None:
    # the kicker stands set in over the module's first column, centred on the region only
    # because a caption column beside the module, starting lower, widens it: it heads the
    # module, not the caption, which is read on its own before it
    kicker = " " * 31 + "离京出访缅甸"
    caption = ["", "", "", "图为市民在公交站台候车。", "（本报记者 王敏 摄）"]
    columns = _side_by_side(
        caption, ["   公交恢复运营", *COLUMN_1], ["首批二百多条", *COLUMN_2], width=20
    )
    assert _read([HEADER, "", kicker, *columns])[2:8] == [
        caption[3],
        caption[4],
        "",
        kicker.strip(),
        "",
        "公交恢复运营",
    ]


def test_titles_of_modules_side_by_side_run_together_are_read_each_with_its_module() -> None:
    # The grid narrows two titles set larger than the text until a single space parts them;
    # each goes on, wrapped, under its own half: the right one heads the module right of the
    # left one's, whose text starts below it.
    titles = ["公交线路今起逐步恢复 各区加快恢复社区菜场", "运营首批二百多条线路   和便利店"]
    page = [HEADER, "", *titles, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)]
    assert _read(page) == [
        HEADER,
        "",
        "公交线路今起逐步恢复",
        "运营首批二百多条线路",
        *_stripped(COLUMN_1),
        "",
        *_stripped(COLUMN_2),
        "",
        "各区加快恢复社区菜场",
        "和便利店",
        *_stripped(COLUMN_3),
    ]


def test_a_title_with_a_space_over_its_columns_stays_one_line() -> None:
    # the columns' first line stands under the title's space, but not as a run under each
    # half of it: no two titles
    title = "公交线路 今起恢复运营"
    page = [HEADER, "", title, *_side_by_side(COLUMN_1, COLUMN_2)]
    assert title in _read(page)


def test_a_title_moved_over_a_narrower_module_reads_no_text_of_the_module_beside_it() -> None:
    # The right title of a pair run together, moved over the module right of the left one's,
    # reaches past that module's column into the next one's cells: the module's parts (its
    # titles, its text starting two lines lower) read none of the next column's pieces.
    column_4 = ["  文化场馆也将", "分批有序开放，", "实行预约限流。"] * 2
    titles = [
        "公交线路今起逐步恢复 各区加快恢复社区菜场和便利店首批开放门店",
        "运营首批二百多条线路   五百多家门店",
    ]
    columns = _side_by_side(COLUMN_1, COLUMN_2, ["", "", *COLUMN_3], ["", "", *column_4])
    out = _read([HEADER, "", *titles, *columns])
    assert out[-len(column_4) :] == _stripped(column_4)
    assert "各区加快恢复社区菜场和便利店首批开放门店" in out


def test_titles_run_together_beside_a_column_are_parted_at_the_rest_lines_down() -> None:
    # The lines of a column beside the titles, set at baselines of their own, stand between
    # the titles' line and the line of their rests, wrapped, under each half: the line is
    # parted still, each title reading with its own module.
    side = ["  文化场馆也将", "分批有序开放，", "实行预约限流，", "游客须提前在"]
    side += ["网上登记，进", "馆时出示健康", "码，全程佩戴", "口罩。"]
    titles = ["公交线路今起逐步恢复 各区加快恢复社区菜场", "", ""]
    titles += ["运营首批二百多条线路   和便利店"]
    module = titles + _side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)
    page = [HEADER, ""]
    page += [
        (a.ljust(14) + " " * 4 + b).rstrip()
        for a, b in zip(side + [""] * 2, module, strict=True)
    ]
    out = _read(page)
    assert out[out.index("公交线路今起逐步恢复") + 1] == "运营首批二百多条线路"
    assert out[out.index("各区加快恢复社区菜场") + 1 :][:2] == ["和便利店", COLUMN_3[0].strip()]


def test_a_title_standing_right_of_a_caption_is_read_with_its_columns() -> None:
    # A module's title over its columns, a blank line under it, and a photo's caption left of
    # the columns, nothing above it: the title heads the columns right of the caption's
    # gutter, read after the caption, not parted from its text by it.
    caption = ["", "", "", "市民在站台排队候车", "（本报记者 摄）", ""]
    columns = _side_by_side(COLUMN_1, COLUMN_2)
    title = " " * 34 + "公交线路今起逐步恢复运营"
    page = [HEADER, "", title, ""]
    page += [(a.ljust(20) + " " * 6 + b).rstrip() for a, b in zip(caption, columns, strict=True)]
    out = _read(page)
    assert out.index("（本报记者 摄）") < out.index(title.strip())
    assert out[out.index(title.strip()) :][:3] == [title.strip(), "", COLUMN_1[0].strip()]
    # the columns going on past a blank line under them are read, too
    page = [*page, "", *_side_by_side(COLUMN_3, COLUMN_3)]
    assert _read(page)[-len(COLUMN_3) :] == _stripped(COLUMN_3)


def test_a_title_centred_over_columns_right_of_a_narrow_ones_gutter_heads_them_all() -> None:
    # The title stands right of the first column's gutter (its text is short), but centred
    # on all the columns: it heads them all, read before the first.
    narrow = ["  本报讯", "昨天，全市", "公交线路逐", "步恢复运营", "，首批二百", "多条。"]
    title = " " * 19 + "公交线路今起逐步恢复运营"
    out = _read([HEADER, "", title, "", *_side_by_side(narrow, COLUMN_2, COLUMN_3)])
    assert out[2:5] == [title.strip(), "", narrow[0].strip()]


def test_the_tail_of_a_column_over_a_caption_heads_no_columns() -> None:
    # Lines ending a sentence right of the caption's gutter, over the blank line: the tail of
    # a column's text, read where it stands, not after the caption as titles over columns.
    tail = [" " * 44 + "，市民可以关注官方网站获取", " " * 44 + "最新的运营信息。"]
    caption = ["", "", "", "市民在站台排队候车", "（本报记者 摄）", ""]
    columns = _side_by_side(COLUMN_1, COLUMN_2)
    page = [HEADER, "", *tail, ""]
    page += [(a.ljust(20) + " " * 6 + b).rstrip() for a, b in zip(caption, columns, strict=True)]
    out = _read(page)
    assert out.index(tail[-1].strip()) < out.index("市民在站台排队候车")


def test_a_kicker_over_the_last_column_heads_no_column_but_under_its_headline() -> None:
    # A kicker right of the last column's gutter over a blank line, its headline under it
    # over the first column: the columns under the kicker do not start under it (the
    # headline stands first), so it heads the module with its headline.
    kicker = " " * 38 + "全市交通逐步恢复——"
    headline = " " * 8 + "公交线路今起逐步恢复运营"
    page = [HEADER, "", kicker, "", headline, *_side_by_side(COLUMN_1, COLUMN_2, COLUMN_3)]
    out = _read(page)
    assert out[2:5] == [kicker.strip(), "", headline.strip()]



def test_the_rest_of_a_title_beside_a_column_ending_a_sentence_opens_no_paragraph() -> None:
    # The same title beside a column whose text on its line ends a sentence: the title's
    # text in its own column ends none, so the line under it is its rest still.
    title, rest = "公交线路今起逐步恢复运营", "    首批线路"
    module = [title, rest, *_side_by_side(COLUMN_3 + COLUMN_1[1:])]
    beside = ["证明乘车，车上限载一半。", *COLUMN_2]
    beside += [""] * (len(module) - len(beside))
    rows = [(line.ljust(20) + text).rstrip() for line, text in zip(module, beside, strict=True)]
    lines = read_layout_columns(split_lines("\n".join([HEADER, "", *rows]))[0])
    marks = {line.raw: line.set_in for line in lines}
    assert marks[rest.strip()] is None
    assert marks[COLUMN_3[0].strip()] is True


MODULE_4 = ["  文化场馆也将分批有序", "开放，实行预约限流，游", "客须提前在网上登记。"]
MODULE_5 = ["进馆时出示健康码，全程", "佩戴口罩，保持距离。"]


def test_a_title_centred_on_its_modules_columns_in_a_title_row_heads_them_from_the_first() -> None:
    # Titles of two modules side by side on the first line; the right one, centred on the
    # three columns of its module, stands in the cells of the middle one, set in from it
    # less than a title: it heads its module from its first column, whose text opens a
    # paragraph (set in by the indent), not the middle column alone.
    titles = "     公交线路今起恢复".ljust(57) + "全市交通逐步恢复"
    columns = _side_by_side(COLUMN_1, COLUMN_2, COLUMN_3, MODULE_4, MODULE_5)
    out = _read([HEADER, "", titles, *columns])
    assert out.index("全市交通逐步恢复") < out.index(COLUMN_3[0].strip())


def test_a_title_in_a_title_row_heads_no_column_going_on_from_the_one_left_of_it() -> None:
    # The same, but the column left of the title's starts flush: it goes on with the text
    # of the column left of it (the left module's), under no title of its own.
    titles = "     公交线路今起恢复".ljust(57) + "全市交通逐步恢复"
    going_on = [COLUMN_3[0].strip() + "，", *COLUMN_3[1:]]
    columns = _side_by_side(COLUMN_1, COLUMN_2, going_on, MODULE_4, MODULE_5)
    out = _read([HEADER, "", titles, *columns])
    assert out.index(going_on[0]) < out.index("全市交通逐步恢复")


def test_a_headline_flush_over_columns_running_past_its_column_is_read_before_them() -> None:
    # A headline over three columns standing flush at the first one's left, its rest
    # centred under it: the grid narrows its wide characters, but it still runs past the
    # first column's text (into its gutter), as no line of the column does.  It and its
    # rest head the columns, not the first one's text.
    first = ["  奋战抗疫一线，", "筑牢防控屏障；剑", "指违法犯罪，守护", "一方平安；深化放"]
    first += ["管服，用心为民解", "忧。"]
    title = [" 发扬英模精神，助力打赢大上海", "      保卫战"]
    columns = _side_by_side(first, COLUMN_2, COLUMN_3, width=10, gutter=7)
    out = _read([HEADER, "", *title, *columns])
    assert out[2:6] == [title[0].strip(), title[1].strip(), "", first[0].strip()]


def test_the_line_of_a_headline_over_its_columns_marks_no_side_columns_text() -> None:
    # A headline read before its module's columns shares its line with the top of a column
    # beside the module (read in a region of its own): only the headline heads columns.
    title = "      公交线路今起逐步恢复运营"
    module = [title, *_side_by_side(COLUMN_1, COLUMN_2)]
    side = [line.strip() for line in COLUMN_3] + ["各区还将陆续开放公园绿地"]
    rows = [(left.ljust(36) + right).rstrip() for left, right in zip(module, side, strict=True)]
    lines = read_layout_columns(split_lines("\n".join([HEADER, "", *rows]))[0])
    assert [line.raw for line in lines if line.heads_columns] == [title.strip()]
