"""Stage 5: blocks → articles.

Every body block belongs to the nearest title stack above it whose cell (the width of the
columns it was cut with) covers the block's centre; body text with no title above it forms an
untitled article (a continued part, a brief), a caption a photo.  The title stack's roles come
from type sizes: the headline is the largest type of the stack (its lines joined as one wrapped
title), lines above it in smaller type are the kicker, lines below it the subtitle (its leading
``——`` dropped).  Paragraphs start at indented lines (the PDF shows indentation, which the text
layer loses) or after a line that ends a sentence short of the column.  Datelines, bylines,
photo credits and continuation markers are read with the text parser's field rules
(:mod:`shared.parsing.fields`) and the text normalised with :mod:`shared.parsing.normalise`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from shared.parsing.bylines import is_byline_line
from shared.parsing.continuation_markers import (
    Continuation,
    find_continuations,
    is_continuation_line,
    strip_continuations,
)
from shared.parsing.credits import Credits, parse_credits
from shared.parsing.datelines import starts_with_dateline
from shared.parsing.fields import apply_body_fields
from shared.parsing.lines import ends_sentence
from shared.parsing.normalise import join_wrapped
from shared.parsing.types import ArticleKind, ParsedArticle
from shared.pdf.blocks import clean_text
from shared.pdf.types import Block, TextLine

HEADLINE_SHARE = 0.92  # lines within 8 % of the largest size are the headline
INDENT = 1.0  # em: a line starting this far right of its column opens a paragraph
SHORT = 1.5  # em: a sentence-final line this far short of its column ends a paragraph
_SAME_COLUMN = 3.0  # em: lines whose left edges are this close share a column


@dataclass
class Draft:
    kind: ArticleKind = "article"
    title: Block | None = None
    bodies: list[Block] = field(default_factory=list)

    @property
    def position(self) -> tuple[int, float]:
        first = self.title or self.bodies[0]
        return (first.order, first.top)


@dataclass(frozen=True)
class Titles:
    kicker: str = ""
    headline: str = ""
    subtitle: str = ""


def title_roles(block: Block) -> Titles:
    """Kicker, headline and subtitle of a title stack, told apart by type size."""
    lines = sorted(block.lines, key=lambda line: (line.top, line.x0))
    largest = max(line.size for line in lines)
    first = next(i for i, line in enumerate(lines) if line.size >= HEADLINE_SHARE * largest)
    end = first
    while end < len(lines) and lines[end].size >= HEADLINE_SHARE * largest:
        end += 1
    texts = [clean_text(line) for line in lines]
    subtitle = join_wrapped(texts[end:])
    return Titles(
        kicker=join_wrapped(texts[:first]),
        headline=join_wrapped(texts[first:end]),
        subtitle=subtitle.lstrip("—-").strip(),
    )


def _all_bylines(block: Block) -> bool:
    return all(is_byline_line(clean_text(line)) for line in block.lines)


def _column_under(block: Block, blocks: Sequence[Block]) -> Block | None:
    """The body block right under ``block`` that starts at its left edge: the column a byline
    heads (a byline stands over its module's first column)."""
    x0 = min(line.x0 for line in block.lines)
    size = max(line.size for line in block.lines)
    under = [
        other
        for other in blocks
        if other is not block
        and other.role == "body"
        and other.top >= block.bottom - 0.5 * size
        and other.top - block.bottom <= 3 * size
        and abs(min(line.x0 for line in other.lines) - x0) <= _SAME_COLUMN * size
        and not _all_bylines(other)
    ]
    return min(under, key=lambda other: other.top) if under else None


def _owner(block: Block, titles: Sequence[Block]) -> Block | None:
    """The nearest title stack above ``block`` whose cell covers the block's centre."""
    centre = sum((line.x0 + line.x1) / 2 for line in block.lines) / len(block.lines)
    size = max(line.size for line in block.lines)
    above = [
        title
        for title in titles
        if title.bottom <= block.top + 0.5 * size and title.cell_x0 <= centre <= title.cell_x1
    ]
    return max(above, key=lambda title: title.bottom) if above else None


def _opens_backward(block: Block) -> bool:
    text = clean_text(block.lines[0])
    return any(not c.forward and not text[: c.start].strip() for c in find_continuations(text))


def group_blocks(blocks: Sequence[Block]) -> list[Draft]:
    """Blocks → article drafts in page order."""
    titles = [block for block in blocks if block.role == "title"]
    drafts: dict[int, Draft] = {id(title): Draft(title=title) for title in titles}
    loose: list[Draft] = []
    current: Draft | None = None
    for block in blocks:
        if block.role == "caption":
            loose.append(Draft(kind="photo", bodies=[block]))
            current = None
        elif block.role == "title":
            current = None
        elif block.role == "body":
            owner = _owner(block, titles)
            if _all_bylines(block):
                # a title's cell is cut halfway between titles side by side, which need not
                # be where their modules part: a byline goes with the column it heads
                column = _column_under(block, blocks)
                if column is not None:
                    owner = _owner(column, titles) or owner
            if owner is not None and not (_opens_backward(block) and drafts[id(owner)].bodies):
                # A part that opens with （上接第N版） under another article's text is a
                # continued part of its own; under its jump title it belongs to that title.
                drafts[id(owner)].bodies.append(block)
                current = None
                continue
            opens = starts_with_dateline(clean_text(block.lines[0]))
            if current is None or (opens and current.bodies):
                current = Draft()
                loose.append(current)
            current.bodies.append(block)
    everything = [*drafts.values(), *loose]
    return sorted(everything, key=lambda draft: draft.position)


def _column_edges(line: TextLine, lines: Sequence[TextLine]) -> tuple[float, float]:
    """The left and right edges of ``line``'s column: where its lines start, and where most
    of them end (the measure), not the widest of them: a byline or a caption set from the
    column's edge may run wider than the column."""
    same = [other for other in lines if abs(other.x0 - line.x0) <= _SAME_COLUMN * line.size]
    ends = Counter(round(other.x1) for other in same)
    measure = max(ends.items(), key=lambda item: (item[1], item[0]))[0]
    return min(other.x0 for other in same), float(measure)


def opens_paragraph(line: TextLine, previous: TextLine, lines: Sequence[TextLine]) -> bool:
    left, _ = _column_edges(line, lines)
    if line.x0 - left >= INDENT * line.size:
        return True
    _, right = _column_edges(previous, lines)
    return ends_sentence(clean_text(previous)) and right - previous.x1 >= SHORT * previous.size


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    credits: Credits = field(default_factory=Credits)
    markers: list[Continuation] = field(default_factory=list)


def read_body(blocks: Sequence[Block]) -> Body:
    """Paragraphs, byline lines and continuation markers of an article's body blocks."""
    body = Body()
    lines = [line for block in blocks for line in block.lines]
    groups: list[list[str]] = []
    previous: TextLine | None = None
    for block in blocks:
        all_bylines = _all_bylines(block)
        for line in block.lines:
            text = clean_text(line)
            if is_byline_line(text) and (all_bylines or not groups):
                body.bylines.append(text)
                body.credits.extend(parse_credits(text))
                continue
            if is_continuation_line(text):
                body.markers.extend(strip_continuations(text)[1])
                continue
            text, markers = strip_continuations(text)
            body.markers.extend(markers)
            if not text:
                continue
            if previous is None or not groups or opens_paragraph(line, previous, lines):
                groups.append([text])
            else:
                groups[-1].append(text)
            previous = line
    body.paragraphs = [join_wrapped(group) for group in groups]
    return body


def build_article(draft: Draft, page: int) -> ParsedArticle:
    article = ParsedArticle(kind=draft.kind, page=page)
    if draft.title is not None:
        titles = title_roles(draft.title)
        article.kicker, article.headline, article.subtitle = (
            titles.kicker,
            titles.headline,
            titles.subtitle,
        )
    body = read_body(draft.bodies)
    paragraphs = body.paragraphs
    bylines = list(body.bylines)
    credits = body.credits
    apply_body_fields(article, paragraphs, body.markers, bylines, credits)
    article.reporters = credits.reporters
    article.correspondents = credits.correspondents
    article.byline = "\n".join(bylines)
    return article


def assemble_page(blocks: Sequence[Block], page: int) -> list[ParsedArticle]:
    """The page's articles in reading order; empty drafts (a lone title) are kept as titles."""
    return [build_article(draft, page) for draft in group_blocks(blocks)]
