"""Untitled pieces of body put back after the one text they continue
(shared/parsing/untitled_pieces.py)."""

from __future__ import annotations

from shared.parsing.block import Block
from shared.parsing.blocks import group_blocks
from shared.parsing.continuation_markers import Continuation
from shared.parsing.lines import split_lines
from shared.parsing.stray_pieces import BodyShape
from shared.parsing.units import Item, Unit
from shared.parsing.untitled_pieces import place_untitled_pieces

INDENTING = BodyShape(indents=True, blank_paragraphs=False)

# a column of 12 em breaking off on a paragraph's indented first line
HANGING = [
    "记者昨天从市交通委获",
    "悉，本市公交线路今起逐步",
    "恢复运营，首批恢复的线路",
    "共有八十多条，覆盖主要居",
    "住区和大型医院。",
    "与此同时，全市公交车",
]
# a closed text in a column of 18 em
CLOSED = [
    "记者从市民政局获悉，今年本市计划新",
    "建养老床位三千张，改建认知障碍照护床",
    "位一千张，新增社区综合为老服务中心二",
    "十家，老年助餐服务点一百个。",
]
# the rest of the 12 em text, opening on a full line: no paragraph opens so on this page
PIECE = [
    "辆每天都将在收车后进行全",
    "面消毒，司乘人员须佩戴口",
    "罩上岗，乘客须扫码乘车。",
]


def _block(lines: list[str]) -> Block:
    blocks = group_blocks(split_lines("\n".join(lines) + "\n")[0])
    assert len(blocks) == 1
    return blocks[0]


def test_an_untitled_piece_goes_after_the_one_text_hanging_in_its_column() -> None:
    hanging, closed, piece = _block(HANGING), _block(CLOSED), _block(PIECE)
    items: list[Item] = [Unit(body=[hanging]), Unit(body=[closed]), Unit(body=[piece])]
    assert place_untitled_pieces(items, [2], [0, 1], INDENTING) == {2}
    host = items[0]
    assert isinstance(host, Unit)
    assert host.body == [hanging, piece]


def test_an_untitled_piece_two_texts_could_take_stays_apart() -> None:
    first, second, piece = _block(HANGING), _block(HANGING), _block(PIECE)
    items: list[Item] = [Unit(body=[first]), Unit(body=[second]), Unit(body=[piece])]
    assert place_untitled_pieces(items, [2], [0, 1], INDENTING) == set()


def test_an_untitled_unit_opening_on_an_indented_line_is_an_article() -> None:
    # its first line is an indented first line: it may open an article whose title stands
    # elsewhere, so it goes nowhere
    opening = _block(["机场快线今起恢复运", *PIECE[1:]])
    items: list[Item] = [Unit(body=[_block(HANGING)]), Unit(body=[opening])]
    assert place_untitled_pieces(items, [1], [0], INDENTING) == set()


def test_an_untitled_piece_read_before_the_text_hanging_in_its_column_stays_apart() -> None:
    # read before the text it would continue, a flush full first line may as well open a
    # text whose title was lost
    piece, hanging = _block(PIECE), _block(HANGING)
    items: list[Item] = [Unit(body=[piece]), Unit(body=[hanging])]
    assert place_untitled_pieces(items, [0], [1], INDENTING) == set()


def test_an_untitled_piece_hands_its_jump_marker_to_the_text_it_continues() -> None:
    # the piece ends the text on this page and hands it over to another (下转第2版): the
    # text it goes after is continued there, not the piece, which is no article
    jump = Continuation(marker="下转第2版", forward=True, start=0, end=7)
    hanging, piece = _block(HANGING), _block(PIECE)
    items: list[Item] = [Unit(body=[hanging]), Unit(body=[piece], markers=[jump])]
    assert place_untitled_pieces(items, [1], [0], INDENTING) == {1}
    host = items[0]
    assert isinstance(host, Unit)
    assert host.markers == [jump]


FLUSH = BodyShape(indents=False, blank_paragraphs=False)
# a 12 em column breaking off in mid-sentence at its full width, on a page that sets its
# paragraphs' first lines flush
BROKEN_OFF = [
    "记者昨天从市交通委获悉，本",
    "市公交线路今起逐步恢复运营",
    "，首批恢复的线路共有八十多",
    "条，覆盖主要居住区和大型医",
    "院。恢复运营的公交车辆每天",
    "都将在收车后进行全面消毒，",
    "司乘人员须佩戴口罩上岗，乘",
]
# the rest of it: the carried paragraph's last words, closing its sentence far short of
# the column, then a paragraph of its own
CARRIED = [
    "客须扫码乘车。",
    "市交通委同时提醒，市民出行",
    "前可通过手机查询公交线路恢",
    "复情况和实时到站信息，合理",
    "安排出行时间，错峰出行。",
]


def test_an_untitled_piece_closing_a_carried_paragraph_goes_after_the_text_it_ends() -> None:
    # a first line that closes a sentence far short of the column, with more text under
    # it, is the end of a paragraph carried over from a column that broke off, though a
    # flush full line may open a paragraph on this page
    hanging, closed, piece = _block(BROKEN_OFF), _block(CLOSED), _block(CARRIED)
    items: list[Item] = [Unit(body=[hanging]), Unit(body=[closed]), Unit(body=[piece])]
    assert place_untitled_pieces(items, [2], [0, 1], FLUSH) == {2}
    host = items[0]
    assert isinstance(host, Unit)
    assert host.body == [hanging, piece]
