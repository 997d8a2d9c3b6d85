"""Typeset known articles as newspaper PDF pages, for the PDF parser's tests.

reportlab's built-in ``STSong-Light`` CID font needs no font file.  A page is a list of rows;
a row is a list of modules side by side; a module is one story: a title stack (kicker,
headline, subtitle in three sizes, centred), byline lines, and the body in 2–4 balanced
columns with paragraphs indented by two characters — or a photo with its caption.  Parts of a
story can be set on different pages with ``（下转第N版）`` / ``（上接第N版）`` markers.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.pagesizes import A3
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PAGE_WIDTH, PAGE_HEIGHT = A3
MARGIN = 40.0
BODY = 9.0
LEADING = 1.5
GUTTER = 12.0
MODULE_GAP = 20.0
ROW_GAP = 22.0
CAPTION = 8.0
_NO_LINE_START = "，。、；：！？）》”’」』】"


@dataclass
class Story:
    headline: str = ""
    kicker: str = ""
    subtitle: str = ""
    byline_lines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # the first carries the dateline
    credit: str = ""  # a photo's credit, printed after its caption
    kind: str = "article"


@dataclass
class Module:
    story: Story
    columns: int = 2
    share: float = 1.0  # the module's share of its row's width
    sizes: tuple[float, float, float] = (13.0, 20.0, 13.0)  # kicker, headline, subtitle
    start: tuple[int, int] = (0, 0)  # (paragraph, character) where this part starts
    stop: tuple[int, int] | None = None  # where it stops (None: the story's end)
    continued_to: str = ""  # e.g. "下转第2版"
    continued_from: str = ""  # e.g. "上接第1版"
    jump_title: bool = False  # a continued part repeats the headline, smaller
    photo_height: float = 150.0


Row = list[Module]


# STSong-Light's UCS-2 CMap has no glyph for these: set them in a Latin font, as papers do.
LATIN = "Helvetica"
_LATIN_CHARS = frozenset("·")


def _font(char: str) -> str:
    return LATIN if char in _LATIN_CHARS else FONT


def width_of(text: str, size: float) -> float:
    return sum(float(pdfmetrics.stringWidth(c, _font(c), size)) for c in text)


def _draw(pdf: canvas.Canvas, text: str, x: float, y: float, size: float) -> None:
    run = ""
    for char in [*text, ""]:
        if run and (not char or _font(char) != _font(run[0])):
            pdf.setFont(_font(run[0]), size)
            pdf.drawString(x, y, run)
            x += width_of(run, size)
            run = ""
        run += char


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Greedy line breaking; never at a space (it would be lost) or inside a Latin word,
    never before a closer
    (the character before it moves down with it, as a compositor would do)."""
    lines: list[str] = []
    start = 0
    first = True
    while start < len(text):
        room = width - (indent if first else 0.0)
        end = start
        used = 0.0
        while end < len(text) and used + width_of(text[end], size) <= room + 0.01:
            used += width_of(text[end], size)
            end += 1
        if end < len(text):
            while end - 1 > start and (
                text[end] == " " or text[end - 1] == " " or _inside_word(text, end)
            ):
                end -= 1
            while end - 1 > start and text[end] in _NO_LINE_START:
                end -= 1
        lines.append(text[start:end])
        start = end
        first = False
    return lines


def _inside_word(text: str, end: int) -> bool:
    """Between two letters of a Latin word (a wrap there would read as a word space)."""
    before, after = text[end - 1], text[end]
    return before.isascii() and before.isalpha() and after.isascii() and after.isalpha()


@dataclass
class Placed:
    text: str
    x: float
    top: float
    size: float


def _part_paragraphs(module: Module) -> list[tuple[str, bool]]:
    """(text, indented) of the paragraphs in this part of the story."""
    paragraphs = module.story.paragraphs
    stop = module.stop or (len(paragraphs) - 1, len(paragraphs[-1]))
    out: list[tuple[str, bool]] = []
    for index in range(module.start[0], stop[0] + 1):
        text = paragraphs[index]
        begin = module.start[1] if index == module.start[0] else 0
        end = stop[1] if index == stop[0] else len(text)
        if end > begin:
            out.append((text[begin:end], begin == 0))
    return out


def layout_module(module: Module, x: float, top: float, width: float) -> tuple[list[Placed], float]:
    """Place one module; returns the placed lines and the module's height."""
    placed: list[Placed] = []
    cursor = top
    story = module.story
    kicker_size, headline_size, subtitle_size = module.sizes
    if story.kind == "photo":
        cursor += module.photo_height + 6
        caption = f"{story.paragraphs[0]}　{story.credit}" if story.credit else story.paragraphs[0]
        for line in wrap(caption, width, CAPTION):
            placed.append(Placed(line, x, cursor, CAPTION))
            cursor += CAPTION * LEADING
        return placed, cursor - top
    titles: list[tuple[str, float]] = []
    if module.jump_title:
        titles.append((story.headline, headline_size * 0.75))
    else:
        if story.kicker:
            titles.append((story.kicker, kicker_size))
        if story.headline:
            titles.append((story.headline, headline_size))
        if story.subtitle:
            titles.append(("——" + story.subtitle, subtitle_size))
    for text, size in titles:
        for line in wrap(text, width, size):
            placed.append(Placed(line, x + (width - width_of(line, size)) / 2, cursor, size))
            cursor += size * 1.35
    if titles:
        cursor += 8
    if module.start == (0, 0):
        for line in story.byline_lines:
            placed.append(Placed(line, x, cursor, BODY))
            cursor += BODY * LEADING
        if story.byline_lines:
            cursor += 6
    column_width = (width - GUTTER * (module.columns - 1)) / module.columns
    body: list[tuple[str, float]] = []  # (text, indent)
    if module.continued_from:
        body.append((f"（{module.continued_from}）", 0.0))
    for text, indented in _part_paragraphs(module):
        indent = 2 * BODY if indented else 0.0
        for position, line in enumerate(wrap(text, column_width, BODY, indent)):
            body.append((line, indent if position == 0 else 0.0))
    if module.continued_to:
        marker = f"（{module.continued_to}）"
        body.append((marker, column_width - width_of(marker, BODY)))
    per_column = math.ceil(len(body) / module.columns)
    for index, (text, indent) in enumerate(body):
        column, row = divmod(index, per_column)
        placed.append(
            Placed(
                text,
                x + column * (column_width + GUTTER) + indent,
                cursor + row * BODY * LEADING,
                BODY,
            )
        )
    cursor += per_column * BODY * LEADING
    return placed, cursor - top


def _photo_boxes(module: Module, x: float, top: float, width: float) -> list[tuple[float, ...]]:
    if module.story.kind != "photo":
        return []
    return [(x, top, width, module.photo_height)]


def typeset(
    pages: Sequence[Sequence[Row]], *, paper: str = "聊城日报", date: str = "2024年7月12日"
) -> bytes:
    """The PDF of ``pages`` (each a list of rows), with a running header and an editor line."""
    from PIL import Image

    photo = io.BytesIO()
    Image.new("RGB", (40, 30), (150, 150, 150)).save(photo, format="PNG")
    photo.seek(0)
    from reportlab.lib.utils import ImageReader

    picture: Any = ImageReader(photo)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    content_width = PAGE_WIDTH - 2 * MARGIN
    for number, rows in enumerate(pages, start=1):
        placed = [Placed(f"{paper} {date} 星期五 第{number}版 要闻", MARGIN, MARGIN - 14, BODY)]
        pdf.line(MARGIN, PAGE_HEIGHT - MARGIN, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN)
        top = MARGIN + 12
        for row in rows:
            total = sum(module.share for module in row)
            available = content_width - MODULE_GAP * (len(row) - 1)
            x = MARGIN
            height = 0.0
            for module in row:
                width = available * module.share / total
                lines, used = layout_module(module, x, top, width)
                placed.extend(lines)
                for bx, btop, bw, bh in _photo_boxes(module, x, top, width):
                    pdf.drawImage(picture, bx, PAGE_HEIGHT - btop - bh, bw, bh)
                height = max(height, used)
                x += width + MODULE_GAP
            top += height + ROW_GAP
        if top - ROW_GAP > PAGE_HEIGHT - MARGIN:
            raise ValueError(f"page {number} overflows: {top - ROW_GAP:.0f} pt of type")
        placed.append(Placed("责任编辑：张三  美编：李四", MARGIN, PAGE_HEIGHT - MARGIN + 6, BODY))
        for item in placed:
            _draw(pdf, item.text, item.x, PAGE_HEIGHT - item.top - item.size * 0.88, item.size)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def story_from_gold(article: dict[str, Any]) -> Story:
    """A story from a gold article (fields as in tests/fixtures/*.gold.json)."""
    paragraphs = list(article["paragraphs"])
    reporters = " ".join(article.get("reporters") or [])
    correspondents = " ".join(article.get("correspondents") or [])
    byline_lines: list[str] = []
    credit = ""
    if article.get("kind") == "photo":
        credit = f"■ 本报记者 {reporters}"
    elif article.get("dateline"):
        names = f"记者 {reporters}" + (f" 通讯员 {correspondents}" if correspondents else "")
        paragraphs[0] = f"{article['dateline']}（{names}） {paragraphs[0]}"
    else:
        if reporters:
            byline_lines.append(f"■ 本报记者 {reporters}")
        if correspondents:
            byline_lines.append(f"本报通讯员 {correspondents}")
    return Story(
        headline=article.get("headline", ""),
        kicker=article.get("kicker", ""),
        subtitle=article.get("subtitle", ""),
        byline_lines=byline_lines,
        paragraphs=paragraphs,
        credit=credit,
        kind=article.get("kind", "article"),
    )


def story_from_corpus(row: dict[str, Any]) -> Story:
    """A story from a corpus article (tests/fixtures/pdf-articles.jsonl)."""
    paragraphs = list(row["paragraphs"])
    if row.get("dateline_text"):
        paragraphs[0] = row["dateline_text"] + paragraphs[0]
    return Story(
        headline=row["title"],
        kicker=row.get("kicker", ""),
        subtitle=row.get("subtitle", ""),
        byline_lines=[row["byline_text"]] if row.get("byline_text") else [],
        paragraphs=paragraphs,
    )


def _one_page(encrypt: str | None = None, text: str | None = "本报讯 一篇短稿。") -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), encrypt=encrypt)
    if text:
        _draw(pdf, text, MARGIN, PAGE_HEIGHT - 100, BODY)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def scan_pdf() -> bytes:
    """A scanned page: a picture and no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = io.BytesIO()
    Image.new("L", (60, 80), 200).save(image, format="PNG")
    image.seek(0)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    pdf.drawImage(ImageReader(image), 0, 0, PAGE_WIDTH, PAGE_HEIGHT)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def encrypted_pdf() -> bytes:
    """A page that opens only with a password."""
    return _one_page(encrypt="secret")


def truncated_pdf() -> bytes:
    """A good page cut off in the middle (an interrupted download)."""
    whole = _one_page()
    return whole[: len(whole) // 2]


def pages_pdf(count: int) -> bytes:
    """``count`` pages of one short article each."""
    pages = [
        [[Module(Story(headline=f"第{n}版的消息", paragraphs=[f"本报讯 第{n}版的正文。"]))]]
        for n in range(1, count + 1)
    ]
    return typeset(pages)


def reference_issue(gold: dict[str, Any]) -> bytes:
    """The reference page's eight gold articles typeset as a three-page issue.

    Page 1: article 1 over three columns, article 2 over four columns, continued on page 2
    in mid-paragraph; page 2: the rest of article 2 (a jump title and ``（上接第1版）``),
    articles 3 and 4 side by side in two columns each (their titles on one line, so the
    cut between titles and bodies runs across both), article 5 over three columns; page 3:
    the photo beside article 7, article 8 over four columns.
    """
    s = [story_from_gold(article) for article in gold["articles"]]
    split = (3, 40)
    pages = [
        [
            [Module(s[0], columns=3)],
            [Module(s[1], columns=4, stop=split, continued_to="下转第2版")],
        ],
        [
            [Module(s[1], columns=3, start=split, continued_from="上接第1版", jump_title=True)],
            [Module(s[2], columns=2), Module(s[3], columns=2)],
            [Module(s[4], columns=3)],
        ],
        [[Module(s[5]), Module(s[6], columns=2, share=1.4)], [Module(s[7], columns=4)]],
    ]
    return typeset(pages)


REFERENCE_ISSUE_PAGES = [1, 1, 2, 2, 2, 3, 3, 3]
