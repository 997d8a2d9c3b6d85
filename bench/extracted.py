"""How well the parser splits typeset pages as pdftotext extracts them: metrics averaged over seeds.

    python -m bench.extracted [--first-seed 400000] [--pages 100] [--articles FILE.jsonl]
                              [--json] [--save DIR] [--layout | --pymupdf | --pdf]

A second source of realistic pages besides the simulator (bench/parsing.py), which models
extraction by assumption.  For each seed, corpus articles (the fixtures' by default, or any
JSON Lines file in the corpus format) are laid out on an A3 page the way Chinese dailies set
them — 2–4 rows of 1–3 modules, each module a title stack over a body of 2–4 columns, with
random shares of the row, title sizes, byline lines and photos with captions — typeset as a PDF
by the test suite's typesetter (tests/support/pdf_typesetter.py, reportlab), and its text layer
extracted with poppler's ``pdftotext -enc UTF-8 FILE -``.  Odd seeds make two-page issues, most
with an article continued from page 1 to page 2 (``（下转第2版）`` / ``（上接第1版）``, sometimes a
smaller jump title).  The text is parsed with ``shared.parsing.parse_text`` and scored with
tests/support/score.py against the gold derived from the stories (fields as in the corpus
README).  A layout that overflows the page loses paragraphs from its longest article, then its
last row, until it fits: the same seed always gives the same issue.

``--layout`` extracts with ``pdftotext -layout`` instead: the page's geometry kept, the columns
of a row side by side on each text line (shared/parsing/layout_columns.py reads them back column
by column).  ``--pymupdf`` extracts with PyMuPDF's ``page.get_text()`` instead: the text in
the order the PDF draws it (here each module's title lines, then its byline and columns), and
no blank line anywhere, as many other tools give a text layer; PyMuPDF is not among the
project's dependencies (``pip install pymupdf`` to run this).  ``--pdf`` extracts nothing: it
parses the PDF itself with ``shared.pdf`` (glyph positions and type sizes), as an uploaded PDF is
parsed.  ``--save DIR`` writes each seed's text (or PDF) and gold (``SEED.txt`` or ``SEED.pdf``,
``SEED.gold.json``).  It prints figures, never asserts
them.  It needs pdftotext (poppler-utils) and reportlab.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.parsing import METRICS, read_articles, report  # noqa: E402
from shared.parsing import parse_text  # noqa: E402
from shared.pdf.document import parse_pdf  # noqa: E402
from tests.support.page_simulator import random_name  # noqa: E402
from tests.support.score import score  # noqa: E402

CONTENT_WIDTH = 762.0  # A3 less two 40 pt margins
MIN_COLUMN, MAX_COLUMN = 100.0, 260.0  # 11–29 characters of 9 pt body type


@dataclass
class Item:
    """One story on the issue: its source and how much of it is set."""

    source: dict[str, Any]
    paragraphs: int  # how many of the source's paragraphs are set
    kind: str = "article"
    caption: str = ""
    credit: str = ""
    photographer: str = ""
    dateline_text: str = ""  # the dateline as printed (the corpus's, or one made up)
    byline_lines: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)


@dataclass
class Slot:
    """One module's place: the item it sets and the module's look."""

    item: Item
    columns: int
    share: float
    sizes: tuple[float, float, float]
    part: str = "whole"  # "whole", "head" (continued to page 2) or "tail" (continued from 1)
    jump_title: bool = False


def gold_dateline(dateline_text: str) -> str:
    """The gold ``dateline`` as the simulator gives it: the place and date, without names."""
    place = re.sub(r"[（(].*$", "", dateline_text).strip()
    return "本报讯" if place.startswith("本报讯") else place


def _credits(
    source: dict[str, Any], rng: random.Random
) -> tuple[str, list[str], list[str], list[str]]:
    """(dateline text, byline lines, reporters, correspondents) of an article.

    The corpus's own dateline or byline when it has one; papers credit nearly every article,
    so most of the others get a made-up byline line or ``本报讯（记者 …）``."""
    reporters = list(source.get("reporters") or [])
    correspondents = list(source.get("correspondents") or [])
    if source.get("dateline_text"):
        return source["dateline_text"], [], reporters, correspondents
    if source.get("byline_text"):
        return "", [source["byline_text"]], reporters, correspondents
    if reporters or correspondents or rng.random() < 0.3:
        return "", [], reporters, correspondents
    reporters = [random_name(rng) for _ in range(rng.choice((1, 1, 2)))]
    if rng.random() < 0.3:
        correspondents = [random_name(rng)]
    if rng.random() < 0.4:
        names = "记者 " + " ".join(reporters)
        if correspondents:
            names += " 通讯员 " + " ".join(correspondents)
        return f"本报讯（{names}）", [], reporters, correspondents
    lines = [rng.choice(("■ 本报记者 ", "本报记者 ", "记者 ")) + "  ".join(reporters)]
    if correspondents:
        lines.append(rng.choice(("本报通讯员 ", "通讯员 ")) + " ".join(correspondents))
    return "", lines, reporters, correspondents


def _article(source: dict[str, Any], rng: random.Random) -> Item:
    paragraphs = [p for p in source["paragraphs"] if p.strip()]
    # about 300–1400 characters: a page holds four to eight stories
    budget = rng.randint(300, 1400)
    count, used = 0, 0
    while count < len(paragraphs) and (count < 1 or used + len(paragraphs[count]) <= budget):
        used += len(paragraphs[count])
        count += 1
    dateline_text, byline_lines, reporters, correspondents = _credits(source, rng)
    return Item(source, count, dateline_text=dateline_text, byline_lines=byline_lines,
                reporters=reporters, correspondents=correspondents)


def _photo(source: dict[str, Any], rng: random.Random) -> Item:
    sentences = re.findall(r"[^。！？]+[。！？]", "".join(source["paragraphs"]))
    start = rng.randrange(max(1, len(sentences)))
    caption = ""
    for sentence in sentences[start:]:
        if len(caption) > 50:
            break
        caption += sentence
    caption = caption or "7月8日，工人在生产车间进行设备巡检。"
    name = random_name(rng)
    credit = rng.choice((f"■ 本报记者 {name}", f"（本报记者 {name} 摄）"))
    return Item(source, 1, kind="photo", caption=caption, credit=credit, photographer=name)


def _columns(width: float, rng: random.Random) -> int:
    """2–4 columns, each 11–29 characters wide (fewer when the module is narrow)."""
    fitting = [n for n in (2, 3, 4) if MIN_COLUMN <= (width - 12.0 * (n - 1)) / n <= MAX_COLUMN]
    return rng.choice(fitting) if fitting else 2


def _sizes(rng: random.Random) -> tuple[float, float, float]:
    headline = rng.choice((16.0, 18.0, 20.0, 22.0, 24.0))
    return (rng.choice((11.0, 12.0, 13.0)), headline, rng.choice((11.0, 12.0, 13.0)))


def _row(items: list[Item], rng: random.Random) -> list[Slot]:
    shares = [rng.uniform(0.7, 1.4) for _ in items]
    available = CONTENT_WIDTH - 20.0 * (len(items) - 1)
    narrowest = 2 * MIN_COLUMN + 12.0  # two columns of the narrowest width
    if min(available * share / sum(shares) for share in shares) < narrowest:
        shares = [1.0 for _ in items]  # three modules in a row share it evenly
    slots = []
    for item, share in zip(items, shares, strict=True):
        width = available * share / sum(shares)
        slots.append(Slot(item, _columns(width, rng), share, _sizes(rng)))
    return slots


def plan_issue(articles: list[dict[str, Any]], seed: int) -> list[list[list[Slot]]]:
    """Pages of rows of slots for ``seed``: odd seeds give two pages."""
    rng = random.Random(seed)
    pool = list(articles)
    rng.shuffle(pool)
    pages: list[list[list[Slot]]] = []
    for _ in range(1 + seed % 2):
        rows: list[list[Slot]] = []
        for _ in range(rng.randint(2, 4)):
            count = rng.choice((1, 1, 2, 2, 2, 3))
            items: list[Item] = []
            for _ in range(count):
                if count > 1 and not any(i.kind == "photo" for i in items) and rng.random() < 0.15:
                    items.append(_photo(rng.choice(articles), rng))
                elif pool:
                    items.append(_article(pool.pop(), rng))
            if items:
                rows.append(_row(items, rng))
        pages.append(rows)
    if len(pages) == 2 and rng.random() < 0.75:
        _continue(pages, rng)
    return pages


def _continue(pages: list[list[list[Slot]]], rng: random.Random) -> None:
    """Carry the last article of page 1 over to the top of page 2 (its own full-width row)."""
    candidates = [s for s in pages[0][-1] if s.item.kind == "article" and s.item.paragraphs >= 2]
    if not candidates:
        return
    head = candidates[-1]
    head.part = "head"
    tail = Slot(head.item, rng.choice((3, 4)), 1.0, head.sizes, part="tail",
                jump_title=rng.random() < 0.5)
    pages[1].insert(0, [tail])


def set_paragraphs(item: Item) -> list[str]:
    """The paragraphs of ``item`` that are set: its first ``paragraphs``, less the subheads
    that would close it (an article cut short ends with text, never with a subhead)."""
    paragraphs = [p.strip() for p in item.source["paragraphs"] if p.strip()][: item.paragraphs]
    while len(paragraphs) > 1 and not re.search(r"[。！？…”’）)]$", paragraphs[-1]):
        paragraphs.pop()
    return paragraphs


def _story_paragraphs(item: Item) -> list[str]:
    paragraphs = set_paragraphs(item)
    if item.dateline_text:
        paragraphs[0] = item.dateline_text + paragraphs[0]
    return paragraphs


def to_modules(pages: list[list[list[Slot]]]) -> list[list[list[Any]]]:
    """The typesetter's pages of rows of modules."""
    from tests.support.pdf_typesetter import Module, Story

    out = []
    for number, rows in enumerate(pages, start=1):
        page = []
        for row in rows:
            modules = []
            for slot in row:
                item = slot.item
                if item.kind == "photo":
                    story = Story(paragraphs=[item.caption], credit=item.credit, kind="photo")
                    modules.append(Module(story, share=slot.share, photo_height=110.0))
                    continue
                source = item.source
                story = Story(
                    headline=source["title"], kicker=source.get("kicker", ""),
                    subtitle=source.get("subtitle", "").lstrip("—"),
                    byline_lines=list(item.byline_lines), paragraphs=_story_paragraphs(item),
                )
                module = Module(story, columns=slot.columns, share=slot.share, sizes=slot.sizes)
                if slot.part != "whole":
                    head = next(
                        (r, h) for r in pages[number - 1 if slot.part == "head" else number - 2]
                        for h in r if h.item is item and h.part == "head"
                    )
                    split = _split(story.paragraphs, _column_width(*head))
                    if slot.part == "head":
                        module.stop = split
                        module.continued_to = f"下转第{number + 1}版"
                    else:
                        module.start = split
                        module.continued_from = f"上接第{number - 1}版"
                        module.jump_title = slot.jump_title
                        if not slot.jump_title:
                            module.story = Story(paragraphs=story.paragraphs)
                modules.append(module)
            page.append(modules)
        out.append(page)
    return out


def _split(paragraphs: list[str], column_width: float) -> tuple[int, int]:
    """Where a continued article breaks: about half way through, in mid-paragraph at the end
    of a full line (a jump cuts where the column ends, so the part's last line is full)."""
    from tests.support.pdf_typesetter import BODY, wrap

    total = sum(len(p) for p in paragraphs)
    seen = 0
    for index, text in enumerate(paragraphs):
        if seen + len(text) >= total // 2 and index > 0:
            lines = wrap(text, column_width, BODY, 2 * BODY)
            if len(lines) >= 3:  # after a running line, not the indented first
                cut = sum(len(line) for line in lines[: max(2, len(lines) // 2)])
                return index, cut
        seen += len(text)
    last = paragraphs[-1]
    lines = wrap(last, column_width, BODY, 2 * BODY)
    return len(paragraphs) - 1, max(1, sum(len(line) for line in lines[: max(1, len(lines) // 2)]))


def _column_width(row: list[Slot], slot: Slot) -> float:
    """The body column width (pt) of ``slot``'s module, as the typesetter sets it."""
    from tests.support.pdf_typesetter import GUTTER, MODULE_GAP

    available = CONTENT_WIDTH - MODULE_GAP * (len(row) - 1)
    width = available * slot.share / sum(s.share for s in row)
    return (width - GUTTER * (slot.columns - 1)) / slot.columns


def gold_of(pages: list[list[list[Slot]]]) -> dict[str, Any]:
    """The gold articles: each item once, in the order it first appears."""
    articles: list[dict[str, Any]] = []
    seen: set[int] = set()
    for rows in pages:
        for row in rows:
            for slot in row:
                item = slot.item
                if id(item) in seen:
                    continue
                seen.add(id(item))
                if item.kind == "photo":
                    articles.append({
                        "kind": "photo", "headline": "", "kicker": "", "subtitle": "",
                        "dateline": "", "reporters": [item.photographer],
                        "correspondents": [], "paragraphs": [item.caption],
                    })
                    continue
                source = item.source
                articles.append({
                    "kind": "article",
                    "headline": source["title"],
                    "kicker": source.get("kicker", ""),
                    "subtitle": source.get("subtitle", "").lstrip("—"),
                    "dateline": gold_dateline(item.dateline_text),
                    "reporters": item.reporters,
                    "correspondents": item.correspondents,
                    "paragraphs": set_paragraphs(item),
                })
    return {"articles": articles}


def _shrink(pages: list[list[list[Slot]]], page: int) -> bool:
    """Make ``page`` shorter: a paragraph less of its longest whole article, else its last row
    (never the continued article's rows).  False when nothing can go."""
    rows = pages[page]
    whole = [s for row in rows for s in row if s.part == "whole" and s.item.paragraphs > 1]
    if whole:
        longest = max(whole, key=lambda s: sum(map(len, _story_paragraphs(s.item))))
        longest.item.paragraphs -= 1
        return True
    for index in range(len(rows) - 1, -1, -1):
        if all(s.part == "whole" for s in rows[index]) and len(rows) > 1:
            del rows[index]
            return True
    return False


def typeset_issue(articles: list[dict[str, Any]], seed: int) -> tuple[bytes, dict[str, Any]]:
    """The PDF of ``seed``'s issue, shrunk until it fits, and its gold."""
    from tests.support.pdf_typesetter import typeset

    pages = plan_issue(articles, seed)
    while True:
        try:
            return typeset(to_modules(pages)), gold_of(pages)
        except ValueError as error:
            match = re.search(r"page (\d+) overflows", str(error))
            if not match or not _shrink(pages, int(match.group(1)) - 1):
                raise


# How a page's text layer is extracted: pdftotext's default, pdftotext -layout, or PyMuPDF;
# "pdf" parses the PDF itself (shared/pdf: glyph positions and type sizes), as an upload is
Extractor = Literal["pdftotext", "layout", "pymupdf", "pdf"]
_EXTRACTOR_NAMES = {
    "pdftotext": "pdftotext",
    "layout": "pdftotext -layout",
    "pymupdf": "PyMuPDF",
    "pdf": "baokan's PDF reader",
}


def extract(pdf: bytes, *, extractor: Extractor = "pdftotext") -> str:
    """The text layer as ``pdftotext -enc UTF-8`` gives it (pages split by form feeds); with
    ``extractor="layout"``, as ``pdftotext -layout`` gives it (columns side by side on each
    line); with ``"pymupdf"``, as PyMuPDF's ``page.get_text()`` gives it (the order the PDF
    draws the text, no blank lines), pages joined by form feeds."""
    if extractor == "pymupdf":
        import pymupdf

        with pymupdf.open(stream=pdf, filetype="pdf") as document:
            return "\f".join(page.get_text() for page in document)
    options = ["-layout"] if extractor == "layout" else []
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *options, handle.name, "-"],
            check=True, capture_output=True, text=True,
        ).stdout


def extracted_page(
    articles: list[dict[str, Any]], seed: int, *, extractor: Extractor = "pdftotext"
) -> tuple[str, dict[str, Any]]:
    """(extracted text, gold) of ``seed``'s issue, extracted by ``extractor``
    (:data:`Extractor`)."""
    pdf, gold = typeset_issue(articles, seed)
    return extract(pdf, extractor=extractor), gold


def average_scores(
    articles: list[dict[str, Any]],
    first_seed: int,
    pages: int,
    save: Path | None = None,
    *,
    extractor: Extractor = "pdftotext",
) -> tuple[dict[str, float], float]:
    """The metrics averaged over ``pages`` issues, and parse ms per issue."""
    totals = dict.fromkeys(METRICS, 0.0)
    parsing = 0.0
    for seed in range(first_seed, first_seed + pages):
        if extractor == "pdf":
            pdf, gold = typeset_issue(articles, seed)
        else:
            text, gold = extracted_page(articles, seed, extractor=extractor)
        if save is not None:
            if extractor == "pdf":
                (save / f"{seed}.pdf").write_bytes(pdf)
            else:
                (save / f"{seed}.txt").write_text(text, encoding="utf-8")
            (save / f"{seed}.gold.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
            )
        started = time.perf_counter()
        parsed = parse_pdf(pdf, max_pages=10) if extractor == "pdf" else parse_text(text)
        parsing += time.perf_counter() - started
        result = score(gold, {"articles": [a.to_dict() for a in parsed.articles]})
        for metric in METRICS:
            totals[metric] += result[metric]
    return {m: total / pages for m, total in totals.items()}, parsing / pages * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--first-seed", type=int, default=400000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--articles", type=Path, help="JSON Lines of articles (corpus format)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--save", type=Path, help="write each seed's text and gold here")
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--layout", action="store_const", dest="extractor", const="layout",
        default="pdftotext", help="extract with pdftotext -layout (columns side by side)",
    )
    how.add_argument(
        "--pymupdf", action="store_const", dest="extractor", const="pymupdf",
        help="extract with PyMuPDF (drawing order, no blank lines; pip install pymupdf)",
    )
    how.add_argument(
        "--pdf", action="store_const", dest="extractor", const="pdf",
        help="parse the PDF itself, as an uploaded PDF is (shared/pdf)",
    )
    args = parser.parse_args()
    if args.extractor == "pymupdf":
        if importlib.util.find_spec("pymupdf") is None:
            sys.exit("bench.extracted --pymupdf needs PyMuPDF (pip install pymupdf)")
    elif args.extractor != "pdf" and shutil.which("pdftotext") is None:
        sys.exit("bench.extracted needs poppler's pdftotext (apt-get install poppler-utils)")
    articles = read_articles(args.articles)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
    figures, ms = average_scores(
        articles, args.first_seed, args.pages, args.save, extractor=args.extractor
    )
    heading = (
        f"{args.pages} issues extracted by {_EXTRACTOR_NAMES[args.extractor]} "
        f"from {len(articles)} articles, "
        f"seeds {args.first_seed}–{args.first_seed + args.pages - 1}"
    )
    report(figures, ms, heading, args.json)


if __name__ == "__main__":
    main()
