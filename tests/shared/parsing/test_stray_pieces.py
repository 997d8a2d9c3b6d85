"""Pieces of body the extractor set down away from their article (pdftotext follows a
module's columns down the page, so a module's last column can come out after the next
row's article): the piece opens in mid-sentence with no title, the article it belongs to
hangs in mid-sentence earlier on the page, and text continuity puts the piece back.

The pages are written as pdftotext gives them: no blank line between a title and its body
or between paragraphs, a paragraph's first line two em short of the column (its indent
lost), a blank line where a column ends."""

from __future__ import annotations

import re

from shared.parsing import parse_text
from shared.parsing.blank_lines import marks_most_breaks_with_blanks
from shared.parsing.block import Block
from shared.parsing.blocks import group_blocks
from shared.parsing.columns import local_column_widths
from shared.parsing.lines import Line, split_lines
from shared.parsing.paragraphs import NO_LINE_START
from shared.parsing.stray_moves import reattach_stray_pieces
from shared.parsing.stray_pieces import (
    hangs,
    leads_into,
    opens_loose,
    opens_mid_clause,
    running_apart,
    running_width,
    shared_column,
    takes,
)
from shared.parsing.text_ends import closes_text
from shared.parsing.titles import label_blocks
from shared.parsing.units import TitleGroup, Unit, build_items

NIGHT = [
    "本报讯（记者王伟）入夏以来，本市夜间经济持续升温，各大商圈延长营业时间，夜市摊位"
    "人头攒动，餐饮门店订单稳步上升，夜游项目一票难求，消费市场呈现出蓬勃的活力。",
    "据市商务委介绍，今年夏季夜间消费额同比增长明显，其中餐饮和文旅消费增幅居前。",
    "不少商圈推出的夜间主题活动吸引了大批年轻消费者，带动了周边零售和交通的客流，"
    "一些老街区借助灯光改造和特色小店重新焕发了生机，成为市民和游客夜晚打卡的去处。",
    "业内人士认为，夜间经济的繁荣离不开公共服务的配套，地铁延时运营、公交夜班线路和"
    "停车场错峰开放等措施为市民夜间出行提供了便利，也让商圈的夜晚更加安全有序。",
    "市商务委表示，下一步将继续优化夜间经济的营商环境，支持商圈和夜市举办特色活动，"
    "鼓励餐饮门店延长营业时间，让夜间消费成为城市消费增长的新亮点。",
]
VILLAGE = [
    "本报讯（记者李明）连日来，山区各乡镇抢抓农时，组织农户开展夏收夏种，田间地头一派"
    "忙碌景象。",
    "当地农业部门派出技术人员深入村组，指导农户科学管理，确保粮食丰收。",
    "不少合作社还引进了收割机和烘干设备，大大减轻了农户的劳动强度。",
    "镇里还组织志愿者帮助缺少劳力的家庭抢收，让每一块田都不误农时。",
    "据了解，今年全县夏粮面积稳中有增，长势总体好于往年。",
]
RIVER = [
    "本报讯（记者赵刚）今年以来，沿江各区加快推进滨水空间贯通工程，新建步道和绿地陆续"
    "开放，市民休闲健身有了更多好去处，周末前来散步骑行的游客络绎不绝，沿线商铺生意兴隆。",
]


def wrap(paragraphs: list[str], column: int, indented: bool = True) -> list[str]:
    """Lines of ``column`` characters, a first line ``column - 2`` (the indent lost) where
    the page indents; a mark no line opens with stays on the line above (避头)."""
    lines: list[str] = []
    for paragraph in paragraphs:
        rest = paragraph
        width = column - 2 if indented else column
        while rest:
            cut = width
            if cut < len(rest) and rest[cut] in NO_LINE_START:
                cut += 1
            lines.append(rest[:cut])
            rest = rest[cut:]
            width = column
    return lines


def body(paragraphs: list[str]) -> list[str]:
    """The paragraphs as parsed: the dateline (``本报讯（记者王伟）``) is a field of its own."""
    return [re.sub(r"^本报讯（记者..）", "", paragraphs[0]), *paragraphs[1:]]


def _articles(rows: list[str]) -> dict[str, list[str]]:
    parsed = parse_text("\n".join(rows)).articles
    return {a.headline: a.paragraphs for a in parsed}


def test_a_column_set_down_after_the_next_article_goes_back_to_the_article_it_continues() -> None:
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    cut = 12  # a full line in mid-sentence: the module's first column ends there
    assert len(night[cut - 1]) == 16
    assert not night[cut - 1].endswith("。")
    rows = ["城市夜经济持续升温", *night[:cut], "", "山区夏收夏种忙", *village, "", *night[cut:]]
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_piece_opening_with_a_mark_no_line_opens_with_continues_on_an_unindented_page() -> None:
    # the page sets its first lines flush: only the comma opening the piece says that it
    # goes on with a sentence
    night = wrap(NIGHT[:2], 16, indented=False)
    village = wrap(VILLAGE, 12, indented=False)
    cut = 4  # after ``店订单稳步上升，夜游项目一票难求，``
    assert night[cut - 1].endswith("，")
    first, rest = night[:cut], night[cut:]
    first[-1], rest[0] = first[-1][:-1], "，" + rest[0]  # a typesetter without 避头
    rows = ["城市夜经济持续升温", *first, "", "山区夏收夏种忙", *village, "", *rest]
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT[:2])
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_piece_opening_with_the_short_end_of_a_paragraph_goes_back_to_the_hanging_one() -> None:
    # the piece opens with the last, short line of the paragraph the article breaks
    # off in (``和游客夜晚打卡的去处。``): a line that closes a sentence well short of
    # the column, as a one-line paragraph could, yet with a full line left in
    # mid-sentence before it on the page and nothing else going on from there
    night = wrap(NIGHT, 17)
    village = wrap(VILLAGE, 12)
    cut = 12  # after ``和特色小店重新焕发了生机，成为市民``
    assert len(night[cut - 1]) == 17
    assert not night[cut - 1].endswith("。")
    assert night[cut].endswith("。")
    assert len(night[cut]) < 17 - 2 - 1
    rows = ["城市夜经济持续升温", *night[:cut], "", "山区夏收夏种忙", *village, "", *night[cut:]]
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_piece_opening_with_a_line_as_wide_as_an_indented_one_stays() -> None:
    # a line ending a sentence at the indented measure may as well be a one-line
    # paragraph opening the block: nothing tells it from the tail of the hanging one
    # (the village article set in the night article's 16 em column: a piece in another
    # column than the text it came out in goes to the article hanging in that column)
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 16)
    cut = 17  # after ``等措施为市民夜间出行提供了便利，``, before ``也让商圈的夜晚更加安全有序。``
    assert len(night[cut]) == 16 - 2
    rows = ["城市夜经济持续升温", *night[:cut], "", "山区夏收夏种忙", *village, "", *night[cut:]]
    articles = _articles(rows)
    assert "".join(articles["城市夜经济持续升温"]).endswith("提供了便利，")


def test_a_piece_whose_shape_cannot_tell_goes_back_where_its_join_makes_a_printed_word() -> None:
    # the piece opens with a paragraph's last line as wide as an indented first line: by
    # its shape it may as well open a one-line paragraph (the test above).  But the page
    # indents its first lines, the line does not plainly open one, and ``…商圈的夜`` +
    # ``间经济…`` makes ``夜间``, printed on the page (``本市夜间经济``): it goes back
    first = [
        "本报讯（记者王伟）入夏以来，",
        "本市夜间经济持续升温，各大商圈延",
        "长营业时间，夜市摊位人头攒动，餐",
        "饮门店订单稳步上升，夜游项目一票",
        "难求，消费市场呈现出蓬勃的活力。",
        "据市商务委介绍，今年夏季夜间",
        "消费额同比增长明显，也让商圈的夜",
    ]
    rest = [
        "间经济成为城市新的增长亮点。",
        "市商务委表示，下一步将继续优",
        "化夜间经济的营商环境，让夜间消费",
        "成为城市消费增长的新亮点。",
    ]
    rows = ["城市夜经济持续升温", *first, "", "山区夏收夏种忙", *wrap(VILLAGE, 12), "", *rest]
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"][1].endswith("也让商圈的夜间经济成为城市新的增长亮点。")
    assert len(articles["城市夜经济持续升温"]) == 3
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_piece_two_hanging_articles_could_take_goes_to_the_one_sharing_its_words() -> None:
    # two articles in one column width both hang, and the piece fits either by shape; its
    # words are the night article's (夜间, 商圈, 消费), many times nearer its text than the
    # river article's: it goes back there, and the river article is left hanging
    night = wrap(NIGHT, 16)
    river = wrap(RIVER, 16)
    village = wrap(VILLAGE, 12)
    rows = [
        "城市夜经济持续升温", *night[:12], "",
        "滨江步道全线贯通", *river[:5], "",
        "山区夏收夏种忙", *village, "", *night[12:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["滨江步道全线贯通"] != body(RIVER)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_piece_stays_where_another_tail_of_the_article_could_go_either_way_round() -> None:
    # the module's columns came out as: the first hanging in mid-sentence (…带动了周边零),
    # the top of the last paragraph (业内人士认为…), the rest of the third paragraph
    # (售和交通的客流…), the next row's article, and the rest of the last paragraph
    # (等措施为…).  By shape the last piece continues the first column as well as the
    # second, whose own tail is as stray-shaped: only the words tell which goes where
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    rows = [
        "城市夜经济持续升温", *night[:10], "", *night[13:16], "", *night[10:13], "",
        "山区夏收夏种忙", *village, "", *night[16:],
    ]  # fmt: skip
    articles = _articles(rows)
    wrong = night[9] + night[16]  # …带动了周边零 + 等措施为…
    assert not any(wrong in paragraph for paragraph in articles["城市夜经济持续升温"])


def test_of_two_hanging_articles_the_piece_goes_to_the_one_its_join_makes_a_word_with() -> None:
    # as above, two articles in one column width hang and the piece fits either by shape;
    # but ``…让夜`` + ``间消费…`` makes ``夜间``, printed on the page (``夜间经济``), and
    # ``…更多好`` + ``间…`` makes nothing printed: the words tell which it continues
    night = wrap(NIGHT, 14)
    river = wrap(RIVER, 14)
    village = wrap(VILLAGE, 12)
    assert night[24].endswith("让夜")
    assert river[3].endswith("更多好")
    rows = [
        "城市夜经济持续升温", *night[:25], "",
        "滨江步道全线贯通", *river[:4], "",
        "山区夏收夏种忙", *village, "", *night[25:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_piece_goes_back_where_the_page_prints_the_word_its_join_makes() -> None:
    # the module came out in order but for its last column, set down after the next row's
    # article.  By shape that piece (``间消费成为…``) could go on from the first column
    # (``…和特色小店``) as well as from the hanging third (``…让夜``), whose follower the
    # first column's own ``重新焕发了生机…。`` could be; but ``夜间`` is printed on the page
    # (``夜间经济``, ``夜间消费``) and ``店间`` is not: the words tell the order
    night = wrap(NIGHT, 14)
    village = wrap(VILLAGE, 12)
    assert night[24].endswith("让夜")
    assert night[25].startswith("间消费")
    rows = [
        "城市夜经济持续升温", *night[:13], "", *night[13:15], "", *night[15:25], "",
        "山区夏收夏种忙", *village, "", *night[25:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


STREET = [
    "本报讯（记者周敏）老城区街巷整治工程近日全面完工，沿街建筑外立面经过统一修缮，"
    "杂乱的架空线缆全部入地，破损的路面重新铺设，街角新增了口袋公园和休憩座椅，"
    "附近居民纷纷走出家门散步聊天，不少老街坊感慨街巷又找回了当年的烟火气和人情味，"
    "周边的小吃店和手工艺铺子也迎来了更多慕名而来的游客。",
    "街道负责人表示，下一步将继续完善长效管理。",
]


def test_the_block_after_a_hanging_one_stands_apart_from_the_piece_put_before_it() -> None:
    # the first column hangs; what the extractor set after it (the closing paragraph's two
    # lines) did not go on with it, so once the next column is put back before them they
    # still do not close it: the column after that is still wanted, and comes back too
    street = wrap(STREET, 16)
    village = wrap(VILLAGE, 15)
    closing = len(street) - 2
    rows = [
        "老城街巷焕新颜", *street[:4], "", *street[closing:], "",
        "山区夏收夏种忙", *village, "", *street[4:6], "", *street[6:closing],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["老城街巷焕新颜"] == body(STREET)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_paragraphs_in_another_column_inside_an_article_go_back_to_the_one_closing_in_it() -> None:
    # the night module's second column (whole paragraphs) came out amid the village
    # article, set in its own 16 em column between two 12 em pieces
    night = wrap(NIGHT, 16)
    first_village = wrap(VILLAGE[:3], 12)
    rest_village = wrap(VILLAGE[3:], 12)
    rows = [
        "城市夜经济持续升温", *night[:8], "",
        "山区夏收夏种忙", *first_village, "", *night[8:], "", *rest_village,
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_piece_continuing_paragraphs_that_went_back_to_their_article_follows_them() -> None:
    # the night module's second column came out amid the village article and stops in
    # mid-sentence; its third column came out after the village article's second piece
    night = wrap(NIGHT, 16)
    first_village = wrap(VILLAGE[:4], 12)
    rest_village = wrap(VILLAGE[4:], 12)
    rows = [
        "城市夜经济持续升温", *night[:5], "",
        "山区夏收夏种忙", *first_village, "", *night[5:12], "", *rest_village, "", *night[12:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_paragraphs_in_another_column_after_a_short_tail_go_back_by_the_text_above_it() -> None:
    # the night module's second column (whole paragraphs) came out amid the village
    # article right after a one-line tail closing a paragraph at a column's foot
    # (``学管理，确保粮食丰收。``): too short to tell its own column, so the village
    # text up to it tells the 12 em column the 16 em paragraphs are set apart from
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    rows = [
        "城市夜经济持续升温", *night[:8], "",
        "山区夏收夏种忙", *village[:6], "", village[6], "", *night[8:], "", *village[7:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_paragraphs_in_another_column_opening_with_a_lone_line_go_back_as_one_text() -> None:
    # the night module's last column came out at the end of the village article, after
    # its one-line tail (``于往年。``), and its opening line stands as a block of its own
    # (``不少商圈推出的夜间主题活动吸``): the line and the blocks that go on from it are
    # one text, set in the night article's column, and go back together
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    rows = [
        "城市夜经济持续升温", *night[:8], "",
        "山区夏收夏种忙", *village[:15], "", village[15], "", *night[8:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_column_in_another_measure_goes_back_to_an_article_hanging_in_it() -> None:
    # the night module's first column breaks off in mid-sentence at a full line; its
    # next column came out after the village article, in its own 16 em column, and
    # opens with a line as short as an indented first line (``光改造和特色小店重新焕发了生``),
    # so it is not stray by its shape; the one article hanging in that column takes it
    night = wrap(NIGHT, 16)
    rest = NIGHT[2][len("".join(night[8:11])) :]
    tail = [rest[:14], *wrap([rest[14:]], 16, indented=False), *wrap(NIGHT[3:], 16)]
    rows = [
        "城市夜经济持续升温", *night[:11], "",
        "山区夏收夏种忙", *wrap(VILLAGE, 12), "", *tail,
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_titled_piece_in_another_measure_goes_to_no_hanging_article() -> None:
    # a piece in the night article's column opens with a short open line over an indented
    # first line (``夜间出行更便利``): a title read into the text, which goes on with no
    # sentence broken off elsewhere, so the hanging night article does not take it
    night = wrap(NIGHT, 16)
    other = [
        "相关部门表示，将进一步完善夜间公共交通和停车服务，为市民夜间出行提供更多便利，"
        "让城市的夜晚更加安全有序。",
        "业内人士认为，夜间消费的持续升温带动了周边零售和交通的客流，也为城市消费增长注入了"
        "新的活力。",
    ]
    rows = [
        "城市夜经济持续升温", *night[:11], "",
        "山区夏收夏种忙", *wrap(VILLAGE, 12), "", "夜间出行更便利", *wrap(other, 16),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"][-1].endswith("老街区借助灯")


def test_a_last_paragraph_too_short_to_tell_its_topic_alone_goes_back_by_its_vocabulary() -> None:
    # the night module's last column holds one short paragraph, set down at the end of
    # the village article in its own 16 em column: too short to tell its topic by itself,
    # but it speaks of the night article's things, not of the village's
    rows = [
        "城市夜经济持续升温", *wrap(NIGHT[:4], 16), "",
        "山区夏收夏种忙", *wrap(VILLAGE, 12), "", *wrap(NIGHT[4:], 16),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_short_paragraph_in_another_column_on_its_own_articles_things_stays() -> None:
    # a short paragraph set wider at the end of the village article speaks of the
    # village's things: the night article closing in that column does not take it
    box = (
        "镇里还组织农技人员走进田间地头，帮助农户抢收抢种，确保夏粮颗粒归仓，"
        "合作社的收割机和烘干设备也都派上了用场。"
    )
    rows = [
        "城市夜经济持续升温", *wrap(NIGHT, 16), "",
        "山区夏收夏种忙", *wrap(VILLAGE, 12), "", *wrap([box], 16),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"][-1] == box


def _items_with_tail_apart(rows: list[str], tail: int) -> list[TitleGroup | Unit]:
    """The page's items with the last ``tail`` lines of the first article's body a block of
    their own, with no blank line before it: as when the title stage split hanging lines off
    as title lines and gave them back as body (a split the title stage now mostly avoids,
    which the stray-piece rules must still handle)."""
    lines = split_lines("\n".join(rows))[0]
    blocks = group_blocks(lines)
    items = build_items(blocks, label_blocks(blocks))
    host = items[1]
    assert isinstance(host, Unit)
    last = host.body[-1]
    host.body[-1:] = [
        Block(last.kind, last.lines[:-tail], last.rule, last.blanks_before),
        Block(last.kind, last.lines[-tail:], last.rule),
    ]
    return items


def test_a_tail_read_straight_on_into_the_hanging_block_is_no_rival() -> None:
    # the module's second column came out whole: the end of the third paragraph (售和交通…),
    # then, with no blank line between, the top of the last one (业内人士认为…) hanging at the
    # column's foot, split off as a block of its own (as title lines are, before a title
    # group).  The piece set down after the next article (等措施为…) could by shape also go
    # on from the first column, whose follower ends a sentence; but that follower runs
    # straight on into the hanging block in one column, so it cannot go after it: the piece
    # continues the hanging block
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    rows = [
        "城市夜经济持续升温", *night[:10], "", *night[10:16], "",
        "山区夏收夏种忙", *village, "", *night[16:],
    ]  # fmt: skip
    items = _items_with_tail_apart(rows, tail=3)
    tail = items[1].body[-1]
    assert [line.text for line in tail.lines] == night[13:16]
    moved = reattach_stray_pieces(items)
    night_unit = moved[1]
    assert isinstance(night_unit, Unit)
    assert [line.text for block in night_unit.body for line in block.lines] == night


BRIDGE = [
    "本报讯（记者孙涛）横跨城东两岸的新大桥昨日正式通车，大桥全长一千二百米，双向六车道，"
    "设计时速六十公里，通车后两岸居民往返的路程由原来的四十分钟缩短到十分钟以内。",
    "据建设单位介绍，大桥主跨采用钢箱梁结构，施工期间克服了汛期水位高、河床地质复杂等困难，"
    "桥面铺装和照明、排水等配套工程同步完工，桥头两侧还新建了停车场和公交换乘站。",
    "交通管理部门提醒，通车初期大桥车流量较大，驾驶人应按照标志标线通行，注意控制车速。",
]


def _night_column_under_the_bridge(k: int) -> None:
    """The night module's second column (from line 12) read under the bridge article's
    first ``k`` lines, which stop in mid-sentence in the same 16-em column, and the bridge's
    own next column after it: each article gets its own text back."""
    night = wrap(NIGHT, 16)
    bridge = wrap(BRIDGE, 16)
    cut = 12
    assert len(night[cut - 1]) == 16
    assert not bridge[k - 1].endswith("。")
    rows = [
        "城市夜经济持续升温", *night[:cut], "",
        "城东新大桥建成通车", *bridge[:k], "", *night[cut:], "", *bridge[k:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["城东新大桥建成通车"] == body(BRIDGE)


def test_a_column_that_fits_another_article_by_shape_goes_back_to_the_one_it_speaks_of() -> None:
    # by shape the night column goes on with the bridge, by its words with the night
    # article hanging above
    _night_column_under_the_bridge(10)


def test_a_column_fitting_a_short_column_by_shape_goes_back_to_the_article_it_speaks_of() -> None:
    # the bridge article's first column is a few lines, too short to tell its topic: the
    # night column, long enough to tell its own, shares the night article's words and
    # clearly more of them than the bridge's few lines
    _night_column_under_the_bridge(5)


def test_a_tail_that_a_piece_put_back_went_on_from_is_no_rival_for_the_next_piece() -> None:
    # as above, the second column's tail hangs as a block of its own; the next article's
    # body is followed by the night module's third column (等措施为…, hanging again) and,
    # after a blank line, its fourth (夜市举办…).  The third goes back after the tail;
    # then the fourth goes after the third: the first column's follower runs on into the
    # tail and on into the third column put back after it, so it is no rival
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    assert len(night[19]) == 16
    rows = [
        "城市夜经济持续升温", *night[:10], "", *night[10:16], "",
        "山区夏收夏种忙", *village, "", *night[16:20], "", *night[20:],
    ]  # fmt: skip
    moved = reattach_stray_pieces(_items_with_tail_apart(rows, tail=3))
    night_unit, village_unit = moved[1], moved[3]
    assert isinstance(night_unit, Unit)
    assert isinstance(village_unit, Unit)
    assert [line.text for block in night_unit.body for line in block.lines] == night
    assert [line.text for block in village_unit.body for line in block.lines] == village


def test_whole_paragraphs_in_the_same_column_go_back_to_the_article_they_speak_of() -> None:
    # the night module's first column closes its second paragraph at the column foot; its
    # next column (whole paragraphs, set in the same width) came out after the bridge
    # article's first column, which hangs: it opens a paragraph, so it does not go on with
    # the bridge by shape, and its words are the night article's, which closes in that
    # column.  The bridge's next column, after it, then goes back to the bridge
    night = wrap(NIGHT, 16)
    bridge = wrap(BRIDGE, 16)
    cut, k = 8, 10
    assert night[cut - 1].endswith("。")
    rows = [
        "城市夜经济持续升温", *night[:cut], "",
        "城东新大桥建成通车", *bridge[:k], "", *night[cut:], "", *bridge[k:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["城东新大桥建成通车"] == body(BRIDGE)


def test_a_page_parting_its_paragraphs_with_blank_lines_is_told_from_one_breaking_columns() -> None:
    # a blank line under a closed sentence parts two paragraphs of one text on a page that
    # sets one at its paragraph breaks (whose topic may drift), and ends a column on a page
    # whose blank lines all stand at column ends (a column may end with a paragraph)
    paragraphs = [*NIGHT, *BRIDGE]
    joined = wrap(paragraphs, 16)
    parted: list[str] = []
    for paragraph in paragraphs:
        parted += [*wrap([paragraph], 16), ""]
    for rows, parts in (([*joined[:8], "", *joined[8:]], False), (parted, True)):
        blocks = group_blocks(split_lines("\n".join(rows))[0])
        lines = [line for block in blocks for line in block.lines]
        assert marks_most_breaks_with_blanks(blocks, local_column_widths(lines)) == parts


def test_a_column_ending_on_a_paragraphs_first_line_hangs() -> None:
    # the night module's first column ends on the first line of its fourth paragraph
    # (业内人士认为，夜间经济的繁荣: two em short, under a sentence end, unfinished): it
    # hangs, and the rest of the paragraph that a later piece brings goes on from it; a
    # column ending on a shorter unfinished line (a subhead) does not hang
    night = wrap(NIGHT, 16)
    cut = 14
    assert len(night[cut - 1]) == 14
    assert night[cut - 2].endswith("。")
    column, subhead = (
        Block("text", split_lines("\n".join([*night[: cut - 1], last]))[0], "text line")
        for last in (night[cut - 1], "业内人士认为")
    )
    assert hangs(column, None, True, lambda: 0.0)
    assert not hangs(subhead, None, True, lambda: 0.0)
    rest = Block("text", split_lines("\n".join(night[cut:]))[0], "text line")
    assert takes(column, rest, True)


def test_a_column_ending_on_a_paragraphs_first_line_under_a_subhead_hangs() -> None:
    # the fourth paragraph opens under a one-line subhead (夜间出行更便利: short, ending no
    # sentence, under a sentence end) and the column ends on its first line: a paragraph
    # opens under a subhead as under a sentence end, so the column hangs; under a running
    # line that ends no sentence, a line as short is the paragraph's tail, and does not
    night = wrap(NIGHT, 16)
    cut = 14
    assert night[cut - 2].endswith("。")
    under_subhead, under_running = (
        Block("text", split_lines("\n".join([*night[: cut - 1], above, night[cut - 1]]))[0], "")
        for above in ("夜间出行更便利", night[cut])
    )
    assert hangs(under_subhead, None, True, lambda: 0.0)
    assert not hangs(under_running, None, True, lambda: 0.0)
    rest = Block("text", split_lines("\n".join(night[cut:]))[0], "text line")
    assert takes(under_subhead, rest, True)


def test_a_paragraphs_first_line_split_off_at_a_columns_foot_hangs_under_its_line() -> None:
    # the same first line, split off the text it came out under as a block of its own
    # (as title lines are): the line over it closes a sentence, so it opens a paragraph,
    # and hangs; with nothing over it, it may as well be a one-line title or caption
    night = wrap(NIGHT, 16)
    lines = split_lines("\n".join(night[:14]))[0]
    first_line = Block("text", lines[-1:], "title lines, taken back as body")
    assert hangs(first_line, None, True, lambda: 16.0, lines[-2])
    assert not hangs(first_line, None, True, lambda: 16.0)


def test_a_piece_that_two_hanging_blocks_of_one_article_could_take_goes_to_the_later() -> None:
    # the night module's first column hangs (…带动了周边零) and so does its next one, read
    # after it (业内人士认为…错峰开放: it opens a paragraph, so it does not go on with the
    # first); the piece after the next article (等措施为…) fits both by shape and words.
    # Either way it is the night article's: it goes after the later of the two, the one
    # read just before the module broke off
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    rows = [
        "城市夜经济持续升温", *night[:10], "", *night[13:16], "",
        "山区夏收夏种忙", *village, "", *night[16:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert night[15] + night[16] in "".join(articles["城市夜经济持续升温"])


def test_a_piece_goes_back_to_an_article_that_breaks_off_in_a_paragraphs_first_line() -> None:
    # the module's first column ends right after a paragraph's first line (short of the
    # column by the indent, unfinished, under a closed sentence): the paragraph does not
    # end there, it hangs as a full line does, and the piece set down after the next
    # article goes on with it; the comma inside says that the line is running text, not a
    # title glued under the body
    night = wrap(NIGHT, 16)
    cut = next(i for i, line in enumerate(night) if line.startswith("业内人士认为，")) + 1
    assert len(night[cut - 1]) == 14
    assert night[cut - 2].endswith("。")
    assert not night[cut - 1].endswith("。")
    village = wrap(VILLAGE, 12)
    rows = ["城市夜经济持续升温", *night[:cut], "", "山区夏收夏种忙", *village, "", *night[cut:]]
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_subhead_under_a_short_paragraph_does_not_hang_as_a_paragraphs_first_line() -> None:
    # a column break leaves a short block: a paragraph's indented first line, its short last
    # line, and a subhead under it, two ems shorter than a first line.  Measured by its own
    # lines the block's column is the first line's width and the subhead looks like a first
    # line cut at the column's foot; the text above (context) measures the column, and the
    # subhead is no first line of it
    rows = ["会议要求，各区部门要紧盯全年目标不放", "松，一项一项抓好落实。"]
    lines = split_lines("\n".join([*rows, "压实各方责任全力抓好重点项目建设"]))[0]
    block = Block("text", lines, "body")
    assert [line.width for line in block.lines] == [18.0, 11.0, 16.0]
    assert not hangs(block, None, indents=True, context=lambda: 20.0)
    assert hangs(block, None, indents=True, context=lambda: 18.0)  # a column of 18: it hangs


def test_a_piece_set_under_another_articles_byline_after_a_blank_goes_back() -> None:
    # the extractor read the night article's next column straight under the village
    # article's title and byline, a blank line between: its first line fills the column on
    # a page that indents first lines, so no article opens with it
    night = wrap(NIGHT, 16)
    village_text = [VILLAGE[0].removeprefix("本报讯（记者李明）"), *VILLAGE[1:]]
    village = wrap(village_text, 16)
    cut = 10  # full lines in mid-sentence either side: the module's first column ends there
    assert len(night[cut - 1]) == len(night[cut]) == 16
    rows = [
        "城市夜经济持续升温",
        *night[:cut],
        "",
        "山区夏收夏种忙",
        "本报记者 李明",
        "",
        *night[cut:],
        "",
        *village,
    ]
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == village_text


def test_a_last_column_read_before_its_article_goes_back_after_the_column_it_continues() -> None:
    # the extractor read the night module's last column (营、公交夜班线路…) before the module
    # itself, after the village article: it opens with the tail of a clause broken at the
    # foot of the column before (``营、``), and the one text hanging in mid-sentence in its
    # column stands later on the page, so it goes back there
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    cut = 15
    assert len(night[cut - 1]) == 16
    assert night[cut].startswith("营、")
    rows = ["山区夏收夏种忙", *village, "", *night[cut:], "", "城市夜经济持续升温", *night[:cut]]
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_loose_piece_read_before_a_hanging_article_goes_back_in_its_column_and_words() -> None:
    # the same, but the piece opens with a full line whose first clause runs on
    # (光改造和特色小店重新焕发了生机，): no clause tail, but a line that cannot open a
    # paragraph on a page that indents, after a text closed in another column; the one text
    # hanging in its column later on the page measures its column as the piece does and
    # shares its words as the parts of one article do, and the text above it does not
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    cut = 11
    assert len(night[cut - 1]) == 16
    rows = ["山区夏收夏种忙", *village, "", *night[cut:], "", "城市夜经济持续升温", *night[:cut]]
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_flush_opening_of_another_topic_stays_before_a_hanging_article_in_its_column() -> None:
    # a text whose first line the page did not indent (its title lost elsewhere) looks
    # like a loose piece, and the night article hangs in its column later on the page;
    # but it speaks of other things, and stays where it is
    probe = wrap(PROBE[1:], 16, indented=False)
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    cut = 11
    rows = ["山区夏收夏种忙", *village, "", *probe, "", "城市夜经济持续升温", *night[:cut]]
    articles = _articles(rows)
    assert not any("耐压舱" in p for p in articles["城市夜经济持续升温"])
    assert not any("耐压舱" in p for p in articles["山区夏收夏种忙"])


def test_a_clause_tail_opens_a_line_in_mid_sentence() -> None:
    def first(text: str) -> Line:
        return split_lines(text)[0][0]

    assert opens_mid_clause(first("难。要支持企业加快复工复产，相关部门、产"))
    assert opens_mid_clause(first("个；市、区两级文化馆24个，社区"))
    assert not opens_mid_clause(first("李强：坚定信心、毫不松懈，态度要"))
    assert not opens_mid_clause(first("长江黄金水道扩能带来新机遇"))
    assert opens_mid_clause(first("。”他说。会议要求，各单位"))
    assert opens_mid_clause(first("伐，以刻不容缓的紧迫感推进"))
    # two characters and a comma open many paragraphs; words left out open one
    assert not opens_mid_clause(first("目前，变量施肥技术体系在吉林"))
    assert not opens_mid_clause(first("……"))
    assert not opens_mid_clause(first("……据了解，该项目已进入"))


PROBE = [
    "本报讯（记者周敏）我国自主研制的深海探测器日前完成万米级海试，探测器在马里亚纳海沟"
    "下潜至一万零九百米，采集了沉积物、岩石和深海生物样品，并拍摄了海底高清影像。",
    "科研团队介绍，探测器的耐压舱采用新型钛合金材料，能够承受万米深海的巨大水压，"
    "其自主导航系统可在复杂海底地形中精确定位，为深渊科学研究提供了有力的技术支撑。",
    "据悉，探测器搭载的机械手可以在海底完成精细的取样作业，声学通信系统让母船上的科研"
    "人员实时掌握下潜状态，深海照明和摄像设备则记录下了海沟底部罕见的生物群落。",
]


def test_a_piece_read_early_passes_a_hanging_text_of_another_topic_before_it() -> None:
    # the night module's columns after its first came out before it, after the village
    # article (升，夜游项目…: a clause tail), and the probe article, read first, hangs in
    # the same column (its next column is lost to another page): by shape they could go
    # on with it, but they speak of something else, and the hanging night article later
    # on the page is the one they continue
    night = wrap(NIGHT, 14)
    probe = wrap(PROBE, 14)
    village = wrap(VILLAGE, 12)
    cut, k = 4, 16
    assert len(probe[k - 1]) == len(night[cut - 1]) == 14
    assert not probe[k - 1].endswith("。")
    assert night[cut].startswith("升，")
    rows = [
        "深海探测器完成万米海试", *probe[:k], "",
        "山区夏收夏种忙", *village, "", *night[cut:], "",
        "城市夜经济持续升温", *night[:cut],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


SHOPS = [
    "本报讯（记者赵刚）沿江各区加快推进滨水空间贯通工程，新建步道和绿地陆续开放，沿线零售"
    "商铺生意兴隆，迎接周末前来散步骑行的市民。",
]


def test_a_loose_piece_goes_to_the_later_hanging_block_its_join_makes_a_printed_word() -> None:
    # the extractor read the night module's columns in alternation with other modules':
    # its first column, then (after the village article) its third, then (after the
    # riverside article) its second.  The third column (售和交通的客流…) fits the first
    # column's unfinished last line by shape and topic, but it goes on from the second's
    # (…带动了周边零 + 售: ``零售``, printed in the riverside article), which the first
    # column's does not make a word with (…一票 + 售); the second then goes on from the first
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    first, second = 4, 10
    assert night[second - 1].endswith("零")
    assert night[second].startswith("售")
    rows = [
        "城市夜经济持续升温", *night[:first], "",
        "山区夏收夏种忙", *village, "", *night[second:], "",
        "滨江步道全线贯通", *wrap(SHOPS, 14), "", *night[first:second],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)
    assert articles["滨江步道全线贯通"] == body(SHOPS)


def test_a_loose_piece_has_nothing_before_it_that_it_could_go_on_from() -> None:
    # a full first line on a page that indents cannot open a paragraph: under a paragraph's
    # short last line in the same column, or under text in another column, it opens a loose
    # piece; under a sentence end at the column's full width it may go on from there (the
    # paragraph runs on past a sentence that ended with its line), and it is not loose
    night = wrap(NIGHT, 16)
    piece = _block(night[11:15])
    assert opens_loose(None, piece, indents=True)
    assert not opens_loose(None, piece, indents=False)  # (a flush line may open one there)
    short_end = _block(wrap(NIGHT[1:2], 16))
    assert len(short_end.last.text) < 12
    assert short_end.last.text.endswith("。")
    assert opens_loose(short_end, piece, indents=True)
    assert opens_loose(_block(wrap(VILLAGE, 12)), piece, indents=True)
    full_end = _block([*night[:2], "零售和交通的客流量明显上升了。"])
    assert len(full_end.last.text) == 15
    assert full_end.last.text.endswith("。")
    assert not opens_loose(full_end, piece, indents=True)
    # a title line read into the body over the text is wider than the column under it
    titled = _block(["城市夜经济持续升温繁荣夜市带动消费增长", *night[11:14]])
    assert not opens_loose(None, titled, indents=True)


def test_a_full_first_line_read_straight_under_a_title_is_that_titles_text() -> None:
    # the same piece, but read straight under a title of its own (no blank line between):
    # it is that title's text, opening flush, and stays there though the night article
    # hangs in its column and speaks of its things
    night = wrap(NIGHT, 16)
    village = wrap(VILLAGE, 12)
    cut = 11
    rows = [
        "山区夏收夏种忙", *village, "",
        "夜间消费成新亮点", *night[cut:], "",
        "城市夜经济持续升温", *night[:cut],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["夜间消费成新亮点"][0].startswith("光改造和特色小店")
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def _block(lines: list[str]) -> Block:
    return Block("text", split_lines("\n".join(lines))[0], "text line")


def test_columns_whose_running_lines_fill_measures_a_character_apart_are_two_columns() -> None:
    # one module set 16 characters wide, another 17: their widest lines differ by less
    # than the tolerance half-width characters need, but their running lines fill their
    # measures to the character, so the wider column does not go on with the narrower
    # one's unfinished last line; two parts of one column do
    night = wrap(NIGHT, 16, indented=False)
    wider = wrap(NIGHT[1:], 17, indented=False)
    upper, lower, other = _block(night[8:12]), _block(night[12:17]), _block(wider[4:7])
    assert not closes_text(upper.last)
    assert not closes_text(other.last)
    assert running_width(upper) == 16.0
    assert running_width(other) == 17.0
    assert running_apart(upper, other)
    assert shared_column(upper, other) is None
    assert not leads_into(upper, other, False)
    assert leads_into(upper, lower, False)
    assert not running_apart(upper, lower)


def test_a_column_of_short_paragraphs_is_measured_on_the_lines_that_run_on() -> None:
    # a column of short paragraphs (most of its lines a paragraph's first or last line)
    # shares no width among most of its lines, but the lines that run on inside a
    # paragraph fill its measure: 13 characters, a character apart from a 14-wide column
    # whose unfinished last line it must not go on from
    short = wrap(VILLAGE[1:], 13)
    assert sum(len(line) == 13 for line in short) * 2 <= len(short)
    wider = _block(wrap(NIGHT[2:], 14)[1:5])
    narrow = _block(short)
    assert running_width(narrow) == 13.0
    assert running_width(wider) == 14.0
    assert running_apart(wider, narrow)
    assert not leads_into(wider, narrow, True)


def test_a_datelines_line_is_a_first_line_not_a_running_one() -> None:
    # a block opening an article: its dateline line opens the first paragraph (short by the
    # indent), and a line holding half-width digits stands half an em off the measure; the
    # running lines under them still tell it
    dated = _block([
        "本报讯（记者王伟）本市夜", "间经济在7月份持续升温，各大",
        "商圈普遍延长营业时间和夜市摊", "位的开放时段，不少餐饮门店也",
    ])  # fmt: skip
    assert dated.opens_with_dateline
    assert [line.width for line in dated.lines] == [12.0, 13.5, 14.0, 14.0]
    assert running_width(dated) == 14.0


def test_a_running_width_every_line_of_which_ends_in_a_squeezed_mark_tells_no_column() -> None:
    # two of three lines a character wider than the column, each ending in a 、 the
    # typesetter squeezed past the edge: the block's width is not its column's
    squeezed = [
        "稳妥推进，已在深圳、苏州、雄安新区、",
        "成都、上海、海南、长沙、西安、青岛、",
        "大连等地开展试点",
    ]
    assert running_width(_block(squeezed)) == 0.0
    # nor do a paragraph's last line and an indented first line of one width by chance,
    # under a running line two characters wider
    chance = [
        "向他们表达了最诚挚的欢迎了。",
        "车队离机场前往市区，机场大门",
        "上方悬挂着写有热烈欢迎中国国家主",
    ]
    assert running_width(_block(chance)) == 0.0
    assert running_width(_block([*chance[:2], chance[1]])) == 14.0


def test_a_running_line_short_only_by_what_the_line_start_rule_took_down_goes_on() -> None:
    # on a page that indents its first lines, the piece under a column left in
    # mid-sentence opens with a running line two em short: the line-start rule took its
    # last character down with the two closing marks after it (``初`` over ``心》、``), so
    # it is as short as an indented first line, yet it goes on with the sentence above
    upper = _block([
        "《我用生命守护你》，展现了三军将士保卫祖",
        "国、寸土不让的铮铮誓言。战斗歌曲《中国人",
        "民志愿军战歌》，呈现了传承红色的血脉、矢",
    ])  # fmt: skip
    lower = _block([
        "志强军打赢的昂扬斗志。表演唱《不忘初",
        "心》、《钢铁的支部英雄的兵》，反映了弘扬",
        "优良传统、永葆宗旨本色的新风新貌。《我的",
    ])  # fmt: skip
    assert upper.last.width == 20.0
    assert lower.first.width == 18.0
    assert leads_into(upper, lower, True)


POLICE = [
    "本报讯（记者王伟）社区民警林为彬在核酸检测点维护秩序，看到排在队伍后面的一位老人神情"
    "焦急，手里攥着一张医院的单子，一直向身边的人打听着什么，他便走上前去询问。",
    "老人告诉他，儿子患有慢性病，每个月都要到市区的专科医院配药，这次因为封控出不了门，"
    "药已经断了半个多月。",
    "第二天一早，林为彬骑车跑了二十多公里，排了三个小时的队，终于把药配齐送到了老人家中。",
    "如今，这样的上门配药服务已经在辖区推广开来，志愿者们每周集中收集居民的需求，统一跑腿。",
]


def test_text_set_right_under_a_stray_piece_goes_back_with_it() -> None:
    # the police module's second column came out after the village article; an earlier
    # stage split it after its first sentence end and after the next paragraph's first
    # line (no blank line between: pdftotext sets one column's lines straight on): the
    # paragraphs under the piece are the rest of its column and go back with it, though
    # they speak of other things than the column it continues
    police = wrap(POLICE, 16)
    village = wrap(VILLAGE, 12)
    cut = 7  # after ``这次因为封控出不了门，药已经断了``: the module's first column ends there
    assert len(police[cut - 1]) == 16
    rows = ["社区民警跑腿配药", *police[:cut], "", "山区夏收夏种忙", *village, "", *police[cut:]]
    blocks = group_blocks(split_lines("\n".join(rows))[0])
    items = build_items(blocks, label_blocks(blocks))
    village_unit = items[3]
    assert isinstance(village_unit, Unit)
    piece = village_unit.body[-1]
    assert [line.text for line in piece.lines] == police[cut:]
    end = next(i for i, line in enumerate(piece.lines) if line.text.endswith("。")) + 1
    village_unit.body[-1:] = [
        Block(piece.kind, piece.lines[:end], piece.rule, piece.blanks_before),
        Block(piece.kind, piece.lines[end : end + 1], piece.rule),
        Block(piece.kind, piece.lines[end + 1 :], piece.rule),
    ]
    moved = reattach_stray_pieces(items)
    texts = [
        [line.text for block in item.body for line in block.lines]
        for item in moved
        if isinstance(item, Unit)
    ]
    assert texts == [police, village]


def test_a_short_paragraph_too_wide_for_the_column_it_came_out_in_follows_the_stray_piece() -> None:
    # the police module's column came out amid the village article: a stray tail
    # (``这次因为封控…半个多月。``) and, after a blank line, a two-line paragraph too short
    # to tell its own column, yet with a line four em wider than the village's 12 em
    # column: it cannot be set in that column, fits the police one, and goes back with
    # the piece before it
    paragraphs = [*POLICE[:2], "第二天一早，林为彬骑车跑了二十多公里，终于把药送到了老人家中。"]
    police = wrap(paragraphs, 16)
    village = wrap(VILLAGE, 12)
    assert len(police) == 11
    assert [len(line) for line in police[9:]] == [14, 17]
    rows = [
        "社区民警跑腿配药", *police[:7], "",
        "山区夏收夏种忙", *village[:6], "", *police[7:9], "", *police[9:], "", *village[6:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["社区民警跑腿配药"] == body(paragraphs)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_lone_closing_line_sticking_out_of_the_column_goes_to_the_article_hanging() -> None:
    # the night article's first column breaks off in mid-sentence at a full line
    # (``光改造和特色小店重新焕发了生机，``); its closing line (``成为市民和游客夜晚打卡的
    # 去处。``, 15 em) came out alone amid the 12 em village article, after a sentence end:
    # a line cannot stick out of its column, so it is no part of the village text
    night = wrap(NIGHT[:3], 16)
    village = wrap(VILLAGE, 12)
    rows = [
        "城市夜经济持续升温", *night[:-1], "",
        "山区夏收夏种忙", *village[:7], "", night[-1], "", *village[7:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT[:3])
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_two_line_paragraph_sticking_out_of_its_column_goes_to_the_article_holding_it() -> None:
    # the night article's last paragraph, two lines in its 16 em column (a 14 em
    # indented first line), came out amid the 12 em village article after a sentence
    # end: too short to tell its column or its topic, but wider than the village column,
    # and the night article is the only one closing in a column that holds it
    last = "夜市摊主们表示，今年的生意比往年好了不少。"
    night = [*NIGHT[:2], last]
    village = wrap(VILLAGE, 12)
    rows = [
        "城市夜经济持续升温", *wrap(NIGHT[:2], 16), "",
        "山区夏收夏种忙", *village[:7], "", *wrap([last], 16), "", *village[7:],
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(night)
    assert articles["山区夏收夏种忙"] == body(VILLAGE)


def test_a_short_paragraph_sticking_out_only_by_a_squeezed_closing_mark_stays() -> None:
    # a quoted paragraph of the village article whose last line carries its closing marks
    # squeezed past the 12 em column's edge (``…的活。”``, 14 em with them): its text fills
    # the column and no more, so it is the village's own, not the night article's
    quote = ["“有了这些机器，我们就能", "腾出手来，干更多更累的活。”"]
    rows = [
        "城市夜经济持续升温", *wrap(NIGHT[:2], 16), "",
        "山区夏收夏种忙", *wrap(VILLAGE[:2], 12), "", *quote, "", *wrap(VILLAGE[2:], 12),
    ]  # fmt: skip
    articles = _articles(rows)
    assert articles["城市夜经济持续升温"] == body(NIGHT[:2])
    assert "".join(quote) in articles["山区夏收夏种忙"]
