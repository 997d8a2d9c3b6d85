"""Lay out known articles as a PDF text extractor would emit a newspaper page.

Given clean articles (``tests/fixtures/sample-articles.jsonl``) and a seeded ``random.Random``
this produces page text (pages split by form feeds) and the gold articles the parser should
recover, in the scorer's format.  What varies, page by page or article by article:

* column width 13–34 em (half-width characters count 0.5), hard wrapping with the
  line-start rule (a closing punctuation mark is squeezed onto the line before, so full
  lines vary by about one em; where more marks pile up than two em take, the last
  character goes down with them, so no line opens with one), a first-line indent that is
  lost or kept as spaces;
* column breaks: a blank line wherever a column ends, usually in mid-sentence; an article's
  columns are as deep as the page grid's or as its own box (3–40 lines);
* paragraph breaks as blank lines or not (on some pages with blank lines, a few breaks
  without one, as on the reference page);
* titles before or after their body, kicker/headline extraction order, headlines wrapped over
  two lines, subtitles (``——…``), kickers ending with ``——`` or ``：``;
* byline forms: datelines (``本报讯（记者 X 通讯员 Y）``, ``本报北京1月16日电（记者X）``,
  ``新华社…电``), ``■ 本报记者 X Y`` lines (the role sometimes spaced out), correspondents
  and interns (实习生, counted as reporters) on their own lines;
* justified lines spaced out character by character (also every line stretched because a
  Latin word or a number did not fit at its end); spaces around half-width runs;
* photos with captions 40–65 em wide and an inline credit;
* running headers and 责任编辑 lines; continuations across pages (下转/上接).
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE_ARTICLES = FIXTURES / "sample-articles.jsonl"

_NO_LINE_START = set("，。、；：？！”’）》」』…,.;:?!%")
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9.%+\-/]+")
_PAPERS = ("聊城日报", "江城晚报", "东方日报", "滨海时报", "南岭日报", "北方晨报")
_SECTIONS = ("要闻", "综合", "时政", "经济", "社会", "城市", "民生")
_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然凯博文斌海波涛"
    "鑫晨欣怡佳琪雪梅建国志宏俊峰"
)


def load_sample_articles(path: Path = SAMPLE_ARTICLES) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def char_width(char: str) -> float:
    if char.isascii():
        return 0.5
    return 1.0


def text_width(text: str) -> float:
    return sum(char_width(c) for c in text if not c.isspace())


def _tokens(text: str) -> list[str]:
    """Characters, except that an ASCII run (number, Latin word) stays whole."""
    tokens: list[str] = []
    pos = 0
    for match in _ASCII_TOKEN.finditer(text):
        tokens.extend(text[pos : match.start()])
        tokens.append(match.group())
        pos = match.end()
    tokens.extend(text[pos:])
    return tokens


def wrap(text: str, width: float, first_indent: float = 2.0) -> list[str]:
    """Hard-wrap ``text`` to ``width`` em; the first line is ``first_indent`` em shorter."""
    lines: list[str] = []
    current = ""
    used = 0.0
    limit = width - first_indent
    tokens = _tokens(text)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        token_width = text_width(token) if not token.isspace() else 0.5
        if used + token_width > limit and current:
            squeezed = False
            while (
                index < len(tokens)
                and tokens[index][0] in _NO_LINE_START
                and used + text_width(tokens[index]) <= limit + 2.0
            ):
                current += tokens[index]  # squeezed in: punctuation never starts a line
                used += text_width(tokens[index])
                index += 1
                squeezed = True
            if index < len(tokens) and tokens[index][0] in _NO_LINE_START:
                # more closing marks than fit past the measure: the typesetter takes the
                # last character down with them rather than open a line with a mark
                cut = _pull_down_start(current)
                if cut > 0:
                    lines.append(current[:cut].rstrip(" "))
                    current = current[cut:]
                    used, limit = text_width(current), width
                    continue
            if squeezed:
                token = ""
            lines.append(current.rstrip(" "))
            current, used, limit = "", 0.0, width
            if not token:
                continue
            if token == " ":
                index += 1
                continue
        current += token
        used += token_width
        index += 1
    if current.strip():
        lines.append(current.rstrip(" "))
    return lines


def _pull_down_start(line: str) -> int:
    """Where the tail that goes down to the next line starts: the last character before the
    closing marks (a Latin word or number whole), or 0 when there is none."""
    end = len(line)
    while end > 0 and (line[end - 1] in _NO_LINE_START or line[end - 1] == " "):
        end -= 1
    if end == 0:
        return 0
    start = end - 1
    while start > 0 and _is_ascii_alnum(line[start]) and _is_ascii_alnum(line[start - 1]):
        start -= 1
    return start


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def random_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


@dataclass
class LaidOutArticle:
    gold: dict[str, Any]
    title_lines: list[list[str]]  # title blocks (a blank line between blocks)
    byline_lines: list[str]
    body: list[list[str]]  # wrapped paragraphs
    kind: str = "article"
    continued: bool = False


@dataclass
class PageStyle:
    titles_after: bool
    blank_paragraphs: bool
    keep_indent: bool
    column_height: int  # the page grid's column depth in lines; many articles use it
    half_width_spaces: float
    spaced_out_rate: float
    header: bool
    editor_line: bool
    column: int  # the page grid's column width; most articles use it
    # some extractors emit no blank line between titles, bylines and the body
    blank_around_titles: bool
    # on pages with blank lines between paragraphs, the share of paragraph breaks that get
    # one (the reference page sets most, not all: its line 200 → 201 has none)
    paragraph_blank_rate: float = 1.0


@dataclass
class SimulatedDocument:
    text: str
    gold: dict[str, Any] = field(default_factory=dict)


class PageSimulator:
    def __init__(self, articles: list[dict[str, Any]], seed: int) -> None:
        self.articles = articles
        self.rng = random.Random(seed)

    # ---- one article -------------------------------------------------------------------
    def _credits(self, source: dict[str, Any]) -> tuple[list[str], list[str]]:
        reporters = list(source["reporters"])
        correspondents = list(source["correspondents"])
        return reporters, correspondents

    def _byline_form(
        self, source: dict[str, Any]
    ) -> tuple[str, list[str], list[str], list[str], str]:
        """(dateline text opening the body, byline lines, reporters, correspondents, gold
        dateline)."""
        rng = self.rng
        reporters, correspondents = self._credits(source)
        dateline_text = source["dateline_text"]
        if dateline_text:
            place = re.sub(r"[（(].*$", "", dateline_text).strip()
            if place.startswith("本报讯"):
                place = "本报讯"
            return dateline_text, [], reporters, correspondents, place
        # Printed pages credit nearly every article; the corpus often lacks the byline.
        if not reporters and not correspondents and rng.random() < 0.85:
            reporters = [random_name(rng) for _ in range(rng.choice((1, 1, 2)))]
            if rng.random() < 0.4:
                correspondents = [random_name(rng)]
        if not reporters and not correspondents:
            return "", [], [], [], ""
        form = rng.random()
        if form < 0.35:
            parts = []
            if reporters:
                parts.append("记者 " + " ".join(reporters))
            if correspondents:
                parts.append("通讯员 " + " ".join(correspondents))
            return f"本报讯（{' '.join(parts)}）", [], reporters, correspondents, "本报讯"
        lines = []
        if reporters:
            role = rng.choice(("本报记者", "本 报 记 者", "记者", "首席记者"))
            bullet = rng.choice(("■ ", "", "● "))
            names = rng.choice((" ", "  ")).join(reporters)
            lines.append(f"{bullet}{role} {names}")
        if correspondents:
            lines.append(
                rng.choice(("本报通讯员 ", "通讯员 ", "特约通讯员 ")) + " ".join(correspondents)
            )
        if rng.random() < 0.1:
            intern = random_name(rng)
            lines.append("实习生 " + intern)
            reporters = [*reporters, intern]
        return "", lines, reporters, correspondents, ""

    def _titles(self, source: dict[str, Any], titles_after: bool) -> list[list[str]]:
        rng = self.rng
        headline = source["title"]
        kicker = source["kicker"]
        subtitle = source["subtitle"].lstrip("—")
        title_width = rng.randint(12, 24)
        head_lines = (
            wrap(headline, title_width, 0) if text_width(headline) > title_width else [headline]
        )
        head_block = list(head_lines)
        if subtitle:
            head_block.append("——" + subtitle)
        blocks = [head_block]
        if kicker:
            if kicker.endswith(("——", "：")):
                blocks = [[kicker, *head_block]]
            elif rng.random() < 0.5:
                blocks = [[kicker], head_block]
            else:
                blocks = [head_block, [kicker]]
        return blocks

    def layout_article(self, source: dict[str, Any], style: PageStyle) -> LaidOutArticle:
        rng = self.rng
        width = style.column if rng.random() < 0.6 else rng.randint(13, 34)
        dateline, byline_lines, reporters, correspondents, gold_dateline = self._byline_form(source)
        paragraphs = [p.strip() for p in source["paragraphs"] if p.strip()]
        printed = list(paragraphs)
        if dateline:
            printed[0] = dateline + rng.choice(("", " ")) + printed[0]
        body = [self._wrap_paragraph(p, width, style) for p in printed]
        gold = {
            "kind": "article",
            "headline": source["title"],
            "kicker": source["kicker"],
            "subtitle": source["subtitle"].lstrip("—"),
            "dateline": gold_dateline,
            "reporters": reporters,
            "correspondents": correspondents,
            "paragraphs": paragraphs,
        }
        return LaidOutArticle(
            gold=gold,
            title_lines=self._titles(source, style.titles_after),
            byline_lines=byline_lines,
            body=body,
        )

    def _wrap_paragraph(self, text: str, width: int, style: PageStyle) -> list[str]:
        lines = wrap(text, width)
        out = []
        for position, line in enumerate(lines):
            is_last = position == len(lines) - 1
            limit = width - 2 if position == 0 else width
            if not is_last and text_width(line) < limit - 0.75 and " " not in line:
                # a Latin word or number that did not fit was pushed to the next line; the
                # typesetter stretched this line and the extractor shows the gaps as spaces
                line = " ".join(_tokens(line))
            elif (
                not is_last
                and " " not in line
                and rng_bool(self.rng, style.spaced_out_rate)
                and not re.search(r"[A-Za-z0-9]", line)
                # a line that squeezed a closing mark past its measure was compressed, not
                # stretched: it is never letter-spaced (tested last: the draw above is
                # made either way, so every seed keeps its layout)
                and text_width(line) <= limit
            ):
                line = " ".join(line)
            elif style.half_width_spaces and rng_bool(self.rng, style.half_width_spaces):
                line = re.sub(r"(?<=[\u4e00-\u9fff])([0-9A-Za-z][0-9A-Za-z.%]*)", r" \1", line)
                line = re.sub(r"([0-9A-Za-z][0-9A-Za-z.%]*)(?=[\u4e00-\u9fff])", r"\1 ", line)
            if position == 0 and style.keep_indent:
                line = "　　" + line
            out.append(line)
        return out

    def layout_photo(self, style: PageStyle) -> LaidOutArticle:
        rng = self.rng
        source = rng.choice(self.articles)
        sentences = re.findall(r"[^。！？]+[。！？]", "".join(source["paragraphs"]))
        caption = ""
        start = rng.randrange(max(1, len(sentences)))
        for sentence in sentences[start:]:
            if len(caption) > 60:
                break
            caption += sentence
        if not caption:
            caption = "7月8日，工人在生产车间进行设备巡检。"
        name = random_name(rng)
        form = rng.random()
        if form < 0.45:
            credit = f" ■ 本报记者 {name}"
        elif form < 0.8:
            credit = f"（本报记者 {name} 摄）"
        else:
            credit = f" 新华社记者 {name} 摄"
        width = rng.randint(40, 65)
        lines = wrap(caption + credit, width, 0)
        gold = {
            "kind": "photo",
            "headline": "",
            "kicker": "",
            "subtitle": "",
            "dateline": "",
            "reporters": [name],
            "correspondents": [],
            "paragraphs": [caption],
        }
        return LaidOutArticle(
            gold=gold, title_lines=[], byline_lines=[], body=[lines], kind="photo"
        )

    # ---- pages ---------------------------------------------------------------------------
    def page_style(self) -> PageStyle:
        rng = self.rng
        return PageStyle(
            titles_after=rng.random() < 0.5,
            blank_paragraphs=rng.random() < 0.6,
            keep_indent=rng.random() < 0.2,
            column_height=rng.randint(8, 40),
            half_width_spaces=rng.choice((0.0, 0.3, 0.8)),
            spaced_out_rate=rng.choice((0.0, 0.02, 0.05)),
            header=rng.random() < 0.8,
            editor_line=rng.random() < 0.6,
            column=rng.randint(13, 34),
            blank_around_titles=rng.random() < 0.9,
            paragraph_blank_rate=rng.choice((1.0, 1.0, 0.85)),
        )

    def header_line(self, page: int) -> str:
        rng = self.rng
        paper = rng.choice(_PAPERS)
        date = f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        weekday = "星期" + rng.choice("一二三四五六日")
        label = rng.choice((f"第{page}版", f"A{page}", f"{page:02d}版"))
        section = rng.choice(_SECTIONS)
        parts = rng.choice(
            (
                [date, weekday, paper, section, label],
                [paper, date, weekday, label, section],
                [label, section, paper, date],
            )
        )
        return rng.choice(("  ", " ", "   ")).join(parts)

    def render_page(
        self,
        items: list[LaidOutArticle],
        style: PageStyle,
        page: int,
        continued_to: int | None = None,
        continued_from: int | None = None,
    ) -> str:
        rng = self.rng
        out: list[str] = []
        if style.header:
            out += [self.header_line(page), ""]
        if style.editor_line and rng.random() < 0.3:
            out += [f"责任编辑：{random_name(rng)}", ""]
        for index, item in enumerate(items):
            body_lines = self._body_lines(item, style)
            if continued_from is not None and index == 0:
                marker = f"（上接第{continued_from}版）"
                if rng.random() < 0.5:
                    body_lines.insert(0, marker)
                else:
                    body_lines[0] = marker + body_lines[0]
            if continued_to is not None and index == len(items) - 1:
                marker = f"（下转第{continued_to}版）"
                if rng.random() < 0.5:
                    body_lines.append(marker)
                else:
                    body_lines[-1] = body_lines[-1] + marker
            gap = [""] if style.blank_around_titles else []
            titles: list[str] = []
            for position, block in enumerate(item.title_lines):
                # title levels are separate text boxes: a blank line between them always
                titles += [*([""] if position else []), *block]
            titles += gap
            byline = [*item.byline_lines, *gap] if item.byline_lines else []
            if item.kind == "photo":
                out += [*body_lines, ""]
            elif style.titles_after:
                out += byline + body_lines + gap + titles
            else:
                out += titles + byline + body_lines + gap
        if style.editor_line and rng.random() < 0.7:
            out += [
                f"责任编辑：{random_name(rng)}" + rng.choice(("", f"  美编：{random_name(rng)}"))
            ]
        return "\n".join(out)

    def _body_lines(self, item: LaidOutArticle, style: PageStyle) -> list[str]:
        lines: list[str] = []
        rng = self.rng
        # Articles sit in boxes of their own depth (the reference page breaks its columns
        # after 2 to 9 lines); about half follow the page grid.
        height = style.column_height if rng.random() < 0.5 else rng.randint(3, 40)
        in_column = rng.randrange(height)
        for p_index, paragraph in enumerate(item.body):
            if (
                p_index > 0
                and style.blank_paragraphs
                and item.kind != "photo"
                and (not lines or lines[-1] != "")
                and rng_bool(rng, style.paragraph_blank_rate)
            ):
                lines.append("")
            for line in paragraph:
                if in_column >= height and item.kind != "photo":
                    if lines and lines[-1] != "":
                        lines.append("")
                    in_column = 0
                lines.append(line)
                in_column += 1
        return lines

    def document(
        self, pages: int = 1, articles_per_page: tuple[int, int] = (3, 6)
    ) -> SimulatedDocument:
        rng = self.rng
        gold: list[dict[str, Any]] = []
        rendered: list[str] = []
        carry: LaidOutArticle | None = None
        used: set[str] = set()
        for page in range(1, pages + 1):
            style = self.page_style()
            items: list[LaidOutArticle] = []
            if carry is not None:
                items.append(carry)
                carry = None
            # each source article at most once per document: two copies of one body could
            # not be told apart by the scorer's matching
            fresh = [a for a in self.articles if a["id"] not in used]
            for source in rng.sample(fresh, min(len(fresh), rng.randint(*articles_per_page))):
                used.add(source["id"])
                article = self.layout_article(source, style)
                items.append(article)
                gold.append(article.gold)
            if rng.random() < 0.35:
                photo = self.layout_photo(style)
                first = 1 if items and items[0].continued else 0
                items.insert(rng.randint(first, len(items)), photo)
                gold.append(photo.gold)
            continued_to = None
            continued_from = page - 1 if page > 1 and items and items[0].continued else None
            last = items[-1]
            if (
                page < pages
                and last.kind == "article"
                and len(last.body) >= 2
                and rng.random() < 0.7
            ):
                split = rng.randrange(1, len(last.body))
                second = LaidOutArticle(
                    gold=last.gold,
                    title_lines=[] if rng.random() < 0.5 else [[last.gold["headline"]]],
                    byline_lines=[],
                    body=last.body[split:],
                    continued=True,
                )
                last.body = last.body[:split]
                continued_to = page + 1
                carry = second
            rendered.append(self.render_page(items, style, page, continued_to, continued_from))
        return SimulatedDocument(text="\f".join(rendered), gold={"articles": gold})


def rng_bool(rng: random.Random, probability: float) -> bool:
    return probability > 0 and rng.random() < probability
