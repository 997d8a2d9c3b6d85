"""Columns told apart to the em by the width their full lines settle on
(shared/parsing/modal_measures.py), and the parser steps that ask it: two modules set an
em apart (a 12-em column beside an 11-em one) are two articles, though their columns differ
by less than ``COLUMN_TOLERANCE``."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.block import Block
from shared.parsing.column_bands import _same_width
from shared.parsing.columns import COLUMN_TOLERANCE, full_lines_apart, lines_share_column
from shared.parsing.lines import Line, split_lines
from shared.parsing.modal_measures import runs_wider, settled_apart, settled_measure
from shared.parsing.stray_moves import _columns_apart
from shared.parsing.stray_pieces import shared_column
from shared.parsing.topic import TOPIC_SIMILARITY, similarity
from tests.support.extracted_lines import set_in_measure

HEADER = "上海日报 2024年4月8日 星期一 第2版 社会"

BUSES = [
    "记者昨天从市交通委获悉，本市公交线路今起逐步恢复运营，首批恢复的线路共有八十多条，"
    "覆盖主要居住区、医院和地铁站点。恢复运营的公交车辆每天都将进行全面消毒，乘客须佩戴口罩，"
    "扫码乘车。",
    "市交通委同时提醒，市民出行前可通过手机查询公交线路恢复情况和实时到站信息，合理安排出行"
    "时间，尽量错峰出行，减少在公交站点等候的时间。各公交企业已组织驾驶员完成核酸检测。",
]
NIGHT_BUSES = [
    "本市夜间公交线路今起也逐步恢复运营，首批恢复的夜间线路共有十多条，覆盖主要居住区和医院。"
    "恢复运营的夜间公交车辆每天都将进行全面消毒，乘客须佩戴口罩，扫码乘车。",
    "市交通委提醒，市民夜间出行前可通过手机查询公交线路恢复情况和实时到站信息，合理安排出行"
    "时间，减少在公交站点等候的时间。",
]


def _lines(texts: list[str]) -> list[Line]:
    return split_lines("\n".join(texts) + "\n")[0]


def _set(paragraphs: list[str], measure: int) -> list[str]:
    return [line for paragraph in paragraphs for line in set_in_measure(paragraph, measure)]


def _columns(paragraphs: list[str], height: int, measure: int) -> list[str]:
    lines = _set(paragraphs, measure)
    return ["\n".join(lines[start : start + height]) for start in range(0, len(lines), height)]


def test_full_lines_settle_on_the_measure_a_digit_half_an_em_past_it() -> None:
    # 12-em lines, one with a digit (12.5 em), one taken short by a pulled-down mark
    widths = [12.0, 12.0, 12.5, 11.0, 12.0, 12.0]
    assert settled_measure(widths) == 12.0
    assert settled_measure([12.0, 12.0]) == 0.0  # too few lines to tell
    assert settled_measure([12.0, 12.0, 12.0, 12.0, 13.0]) == 0.0  # one runs an em past


def test_a_piece_running_an_em_past_a_settled_measure_is_set_apart() -> None:
    eleven = [11.0] * 8
    twelve = [11.0, 12.0, 12.0, 11.0, 12.5, 12.0, 12.0, 10.0]
    assert runs_wider(twelve, 11.0)
    assert settled_apart(eleven, twelve)
    assert settled_apart(twelve, eleven)
    assert not settled_apart(twelve, [12.0, 12.0, 11.0, 12.0, 12.0])  # one column


def test_columns_an_em_apart_share_no_measure_though_within_the_tolerance() -> None:
    above = _lines(_set(BUSES, 18))
    below = _lines(_set(NIGHT_BUSES, 17))
    assert COLUMN_TOLERANCE > 1.0
    assert lines_share_column(above, below)  # the tolerance cannot tell them apart
    assert full_lines_apart(above, below)
    assert not full_lines_apart(above, _lines(_set(BUSES[::-1], 18)))


RUNNING = "这是一段用来测试栏宽的正文文字内容没有任何标点符号可以断开句子的地方"


def _block(widths: list[float]) -> Block:
    """A block of unfinished lines of the given widths (a half em: a digit), closed by a
    sentence's last line."""
    texts = [RUNNING[: int(width)] + ("1" if width % 1 else "") for width in widths]
    return Block("text", _lines([*texts, "结束。"]), "text line")


def test_blocks_set_an_em_apart_share_no_column_for_a_stray_piece() -> None:
    # a 12-em column whose lines hold digits (12.5 em) and marks pulled down (11, 10 em):
    # no width fills most of its lines, but none runs an em past 12, and the 11-em block's
    # lines never reach it
    twelve = _block([12, 12.5, 11, 12, 12.5, 11, 12, 10, 12])
    eleven = _block([11] * 9)
    assert shared_column(twelve, eleven) is None
    assert _columns_apart(twelve.lines, eleven.lines)  # (runs of lines, as stray moves ask)
    assert shared_column(twelve, _block([12, 12, 12.5, 12, 11, 12, 12])) is not None


def test_a_text_an_em_narrower_after_a_sentence_end_is_another_article() -> None:
    # the night-bus report speaks of what the bus report does, as much as two parts of
    # one article do, and its column is only an em narrower: the full lines of each settle
    # on its own measure, and an article keeps its column
    above, below = _lines(_set(BUSES, 18)), _lines(_set(NIGHT_BUSES, 17))
    assert similarity(above, below) >= TOPIC_SIMILARITY
    head = [HEADER, "", "公交线路今起逐步恢复运营", "本报记者 王敏"]
    columns = _columns(BUSES, 6, 18) + _columns(NIGHT_BUSES, 8, 17)
    articles = parse_text("\n".join(head) + "\n" + "\n\n".join(columns) + "\n").articles
    assert ["".join(a.paragraphs) for a in articles] == ["".join(BUSES), "".join(NIGHT_BUSES)]


def test_a_long_articles_columns_stay_one_article() -> None:
    head = [HEADER, "", "公交线路今起逐步恢复运营", "本报记者 王敏"]
    columns = _columns(BUSES + NIGHT_BUSES, 6, 18)
    articles = parse_text("\n".join(head) + "\n" + "\n\n".join(columns) + "\n").articles
    assert ["".join(a.paragraphs) for a in articles] == ["".join(BUSES + NIGHT_BUSES)]


DRIVERS = [
    "“咱们车队再次并肩作战，一定能打赢这一仗！”二月八日，巴士一公司的驾驶员张建国在朋友圈写下"
    "这句话，随后和四名同事一起报名参加了医护人员接送车队。",
    "接送任务开始后，张建国和同事们每天凌晨四点出车，把医护人员从住地送到医院，深夜再把他们"
    "接回来，公交车厢每天消毒两次，他们却没有一个人叫苦叫累。",
]


def _indented(paragraphs: list[str], measure: int) -> list[str]:
    """The paragraphs' lines where the page indents first lines: each first line is two
    characters short of the measure."""
    lines: list[str] = []
    for paragraph in paragraphs:
        first = paragraph[: measure - 2]
        lines += [first, *set_in_measure(paragraph[len(first) :], measure)]
    return lines


def test_a_short_ended_title_over_text_in_another_measure_opens_another_article() -> None:
    # the bus report breaks off at a column's foot; under a blank line come two unfinished
    # lines, the second stopping short, over a paragraph's indented first line: a title
    # or a subhead.  The text under it shares words with the bus report (公交, 消毒…), but
    # is set two ems narrower, and a subhead does not change its article's column
    bus = _indented(BUSES, 18)
    drivers = _indented(DRIVERS, 16)
    title = ["巴士驾驶员组成医护人员", "接送车队"]
    head = [HEADER, "", "公交线路今起逐步恢复运营", "本报记者 王敏"]
    pieces = ["\n".join(bus[:7]), "\n".join(title + drivers), "\n".join(bus[7:])]
    articles = parse_text("\n".join(head) + "\n" + "\n\n".join(pieces) + "\n").articles
    headlines = ["公交线路今起逐步恢复运营", "巴士驾驶员组成医护人员接送车队"]
    assert [a.headline for a in articles] == headlines
    assert articles[1].paragraphs[:2] == DRIVERS


def test_blocks_set_an_em_apart_make_no_run_of_one_column() -> None:
    # column bands join blocks measured alike into one column's run; the tolerance takes a
    # 12-em and an 11-em block for one column, their full lines do not
    twelve = _block([12, 12.5, 11, 12, 12.5, 11, 12, 10, 12])
    assert not _same_width(twelve, _block([11] * 9))
    assert _same_width(twelve, _block([12, 12, 12.5, 12, 11, 12, 12]))
