"""A caption read with title lines glued over it (no blank line between) sheds them: the
caption starts where lines at its own measure start (``caption_titles.py``)."""

from __future__ import annotations

from shared.parsing import ParsedArticle, parse_text
from shared.parsing.block import Block
from shared.parsing.caption_titles import _caption_start
from shared.parsing.lines import make_line
from tests.support.extracted_lines import set_in_measure

OTHER = [
    "公交线路今起逐步恢复运营",
    "本报记者 王敏",
    *set_in_measure(
        "记者昨天从市交通委获悉，本市公交线路今起逐步恢复运营，首批恢复的线路覆盖"
        "主要交通枢纽和大型居住社区，乘客须佩戴口罩并配合测温。",
        12,
    ),
]
TITLE = ["社区食堂开进", "老小区"]
CAPTION = [
    "居民在新开张的社区食堂里挑选午餐，窗口前排起了长队，工作人",
    "员忙着为老人们打菜盛汤，饭菜价格比市面上低三成左右。",
]
CREDIT = "（本报记者 李响 摄）"
BODY = [
    "本报讯（记者 张明远）城东新",
    *set_in_measure(
        "建的社区食堂上周开门迎客，每天中午都有两百多位老人前来用餐。街道还打算在食堂旁"
        "开设阅览室和棋牌室，让老人们吃完饭有地方坐一坐、聊一聊。",
        12,
    ),
]


def parse(*lines: str) -> list[ParsedArticle]:
    return parse_text("\n".join(lines)).articles


def _photo(articles: list[ParsedArticle]) -> ParsedArticle:
    photos = [a for a in articles if a.kind == "photo"]
    assert len(photos) == 1
    return photos[0]


def test_title_lines_glued_over_a_caption_closed_by_its_credit_leave_it() -> None:
    caption = [*CAPTION[:-1], CAPTION[-1] + "　" + CREDIT]
    photo = _photo(parse(*OTHER, "", *TITLE, *caption, "", *BODY))
    assert photo.paragraphs == ["".join(CAPTION)]
    assert photo.reporters == ["李响"]


def test_title_lines_glued_over_a_caption_with_its_credit_on_a_line_of_its_own() -> None:
    photo = _photo(parse(*OTHER, "", *TITLE, *CAPTION, CREDIT, "", *BODY))
    assert photo.paragraphs == ["".join(CAPTION)]
    assert photo.reporters == ["李响"]


def test_lines_ending_a_sentence_over_a_caption_are_not_split_off_as_titles() -> None:
    # a title ends no sentence: a body's lines that do are left to the other rules
    rows = ["记者昨天获悉，本市", "公交线路今起恢复。", *CAPTION[:-1], CAPTION[-1] + "　" + CREDIT]
    lines = [make_line(row, number, 1) for number, row in enumerate(rows, start=1)]
    assert _caption_start(Block("text", lines, "test"), None) == 0
    titled = [make_line(row, number, 1) for number, row in enumerate([*TITLE, *rows[2:]], 1)]
    assert _caption_start(Block("text", titled, "test"), None) == len(TITLE)
