"""Stages 4–5: blocks by type size, title roles by size, paragraphs by indentation."""

from __future__ import annotations

from shared.pdf.articles import Draft, build_article, group_blocks, title_roles
from shared.pdf.blocks import build_blocks
from shared.pdf.columns import reading_order
from shared.pdf.types import Block, Region, TextLine


def _line(text: str, x: float, top: float, size: float = 9.0) -> TextLine:
    return TextLine(text, x, top, x + len(text) * size, top + size, size, 1)


def _title(*lines: TextLine) -> Block:
    return Block("title", [Region(tuple(lines), 0, 600, 0)])


def test_the_largest_type_is_the_headline_even_when_a_longer_line_is_smaller() -> None:
    # A text layer would call the shorter line the headline; the sizes say otherwise.
    block = _title(
        _line("短引题", 100, 40, 13),
        _line("比引题长得多的主标题", 60, 60, 22),
        _line("——副题在下", 90, 90, 13),
    )
    roles = title_roles(block)
    assert (roles.kicker, roles.headline, roles.subtitle) == (
        "短引题",
        "比引题长得多的主标题",
        "副题在下",
    )


def test_a_wrapped_headline_is_one_and_smaller_type_below_it_is_the_subtitle() -> None:
    block = _title(
        _line("我市两课程入选", 100, 40, 20),
        _line("全国基层干部培训优秀网络课程", 60, 66, 20),
        _line("五部作品入选", 100, 94, 12),
    )
    roles = title_roles(block)
    assert (roles.kicker, roles.headline, roles.subtitle) == (
        "",
        "我市两课程入选全国基层干部培训优秀网络课程",
        "五部作品入选",
    )


def _blocks(lines: list[TextLine]) -> list[Block]:
    return build_blocks(reading_order(lines, 600, 9.0), 9.0, 800)


def test_paragraphs_start_at_indented_lines_across_column_breaks() -> None:
    column = 14 * 9.0
    lines = [
        _line("大标题", 60, 200, 20),
        _line("本报讯（记者 张三）今", 58, 240),  # indented two characters
        _line("天召开会议，会议指出", 40, 253.5),
        _line("了方向。", 40, 267),
        _line("会议要求，各地要抓", 58, 280.5),  # a new paragraph
        _line("好落实，切实把各项工", 40 + column + 12, 240),  # next column: runs on
        _line("作做细做实。", 40 + column + 12, 253.5),
    ]
    blocks = _blocks(lines)
    assert [block.role for block in blocks] == ["title", "body", "body"]
    [draft] = group_blocks(blocks)
    article = build_article(draft, page=3)
    assert article.page == 3
    assert article.headline == "大标题"
    assert article.dateline == "本报讯"
    assert article.reporters == ["张三"]
    assert article.paragraphs == [
        "今天召开会议，会议指出了方向。",
        "会议要求，各地要抓好落实，切实把各项工作做细做实。",
    ]


def test_a_caption_with_a_credit_is_a_photo_and_bylines_leave_the_body() -> None:
    lines = [
        _line("标题在这里", 260, 200, 20),
        _line("■ 本报记者 王培源 李政哲", 240, 236),
        _line("正文第一段写在这里。", 258, 260),
        _line("图为车间。 ■ 本报记者 许金松", 40, 300, 8),
        *[_line("填充正文填充正文填充正文填充", 240, 400 + i * 13.5) for i in range(6)],
    ]
    drafts = group_blocks(_blocks(lines))
    articles = [build_article(draft, 1) for draft in drafts]
    photo = next(a for a in articles if a.kind == "photo")
    assert (photo.paragraphs, photo.reporters, photo.headline) == (["图为车间。"], ["许金松"], "")
    story = next(a for a in articles if a.kind == "article")
    assert story.reporters == ["王培源", "李政哲"]
    assert story.paragraphs[0] == "正文第一段写在这里。"


def test_body_text_with_no_title_above_is_an_untitled_article() -> None:
    body = Block("body", [Region((_line("（上接第1版）接着写。", 40, 60),), 0, 600, 0)])
    [draft] = group_blocks([body])
    assert draft == Draft(bodies=[body])
    article = build_article(draft, 2)
    assert (article.headline, article.continued_from, article.paragraphs) == (
        "",
        "上接第1版",
        ["接着写。"],
    )


def test_a_continued_part_under_another_articles_text_stays_apart() -> None:
    lines = [
        _line("大标题", 60, 200, 20),
        _line("本报讯 这是一篇文章的正文。", 58, 240),
        _line("（上接第1版）前一版的文章在", 40, 300),
        _line("这里接着写完。", 40, 313.5),
    ]
    articles = [build_article(draft, 2) for draft in group_blocks(_blocks(lines))]
    assert [(a.headline, a.continued_from, a.paragraphs) for a in articles] == [
        ("大标题", "", ["这是一篇文章的正文。"]),
        ("", "上接第1版", ["前一版的文章在这里接着写完。"]),
    ]


def test_a_subtitle_set_in_text_type_below_the_headline_stays_with_it() -> None:
    lines = [
        _line("主标题在上", 100, 40, 20),
        _line("——副题用正文字号排", 100, 72),
        _line("本报讯 正文在这里。", 58, 100),
    ]
    blocks = _blocks(lines)
    assert [block.role for block in blocks] == ["title", "body"]
    [article] = [build_article(draft, 1) for draft in group_blocks(blocks)]
    assert (article.headline, article.subtitle, article.paragraphs) == (
        "主标题在上",
        "副题用正文字号排",
        ["正文在这里。"],
    )


def _photos(lines: list[TextLine]) -> list[tuple[list[str], list[str]]]:
    articles = [build_article(draft, 1) for draft in group_blocks(_blocks(lines))]
    return [(a.paragraphs, a.reporters) for a in articles if a.kind == "photo"]


def test_a_credit_set_after_a_space_on_the_captions_line_closes_the_caption() -> None:
    # one em between caption and credit: the cut reads the credit as a column of its own
    lines = [
        _line("相关市领导出席会议。", 383.5, 469.8, 8),
        _line("（本报记者 杨博军 摄）", 471.5, 469.8, 8),
    ]
    assert _photos(lines) == [(["相关市领导出席会议。"], ["杨博军"])]


def test_a_credit_opening_on_the_captions_line_and_wrapped_under_it() -> None:
    lines = [
        _line("图为工人们在车间里忙碌。", 40, 300, 8),  # ends at 136
        _line("（本报记", 146, 300, 8),
        _line("者 许金松 摄）", 40, 312, 8),
    ]
    assert _photos(lines) == [(["图为工人们在车间里忙碌。"], ["许金松"])]


def test_a_line_beside_text_that_completes_no_credit_stays_apart() -> None:
    lines = [
        _line("正文一行写完了。", 40, 300, 8),
        _line("（下转第2版）", 114, 300, 8),
    ]
    blocks = _blocks(lines)
    assert [block.role for block in blocks] == ["body", "body"]


def test_a_full_line_ending_a_sentence_goes_on_under_a_byline_wider_than_its_column() -> None:
    # the byline runs wider than the 10-character column: the column's measure is where
    # most of its lines end, so the full line ending a sentence is not short of it
    lines = [
        _line("大标题", 60, 200, 20),
        _line("本报记者 潘高峰 / 特约通讯员 忻文轲", 40, 236),
        _line("当工作人员多次上门提醒", 58, 252),
        _line("后，颜某才来到现场，严", 40, 265.5),
        _line("重影响检测工作的开展。", 40, 279),
        _line("接到报警后，民警赶赴现", 40, 292.5),
        _line("场处置。", 40, 306),
        _line("日前依法对其作出处罚。", 58, 319.5),
    ]
    [draft] = group_blocks(_blocks(lines))
    article = build_article(draft, page=1)
    assert article.reporters == ["潘高峰"]
    assert article.paragraphs == [
        "当工作人员多次上门提醒后，颜某才来到现场，严重影响检测工作的开展。接到报警后，民警赶赴现场处置。",
        "日前依法对其作出处罚。",
    ]


def test_a_byline_goes_with_the_column_it_heads_not_the_nearer_title() -> None:
    # The left headline runs to 331 pt, the right one starts at 451: the cut between them
    # falls at 391, right of where the right module starts (339.5, its byline's column)
    column = 16 * 9.0

    def body(name: str, x: float) -> list[TextLine]:
        return [_line(name * 7, x, 810 + i * 13.5) for i in range(4)]

    lines = [
        _line("上市公司批量调整锁价定增方案", 42.9, 738, 20),  # 14 x 20 pt: to 322.9
        _line("揽事民警跨江配药", 450.7, 738, 24),
        _line("本报记者 吴晓璐", 40, 790),
        _line("首席记者 潘高峰", 339.5, 790),
        *body("左栏", 40),
        *body("左二", 40 + column + 12),
        *body("右栏", 339.5),
        *body("右二", 339.5 + column + 12),
    ]
    blocks = build_blocks(reading_order(lines, 842, 9.0), 9.0, 1191)
    articles = [build_article(draft, 1) for draft in group_blocks(blocks)]
    assert [(a.headline, a.reporters) for a in articles if a.headline] == [
        ("上市公司批量调整锁价定增方案", ["吴晓璐"]),
        ("揽事民警跨江配药", ["潘高峰"]),
    ]
