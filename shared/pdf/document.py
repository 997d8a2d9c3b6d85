"""Orchestration: pages of glyphs → lines → regions → blocks → articles, then the parts of
articles continued across pages joined with the text parser's own rule."""

from __future__ import annotations

from collections.abc import Sequence

from shared.parsing.continuations import join_continued
from shared.parsing.furniture import describe_furniture
from shared.parsing.lines import make_line
from shared.parsing.normalise import normalise_chars
from shared.parsing.types import ParsedArticle, ParsedDocument, ParsedPage
from shared.pdf.articles import assemble_page
from shared.pdf.blocks import build_blocks
from shared.pdf.columns import reading_order
from shared.pdf.extract import extract_pages
from shared.pdf.lines import body_size, build_lines
from shared.pdf.types import Block, PageChars


def page_blocks(page: PageChars) -> list[Block]:
    """One page's blocks in reading order (used by the parser and by explanations)."""
    text_size = body_size(page.chars)
    lines = build_lines(page)
    regions = reading_order(lines, page.width, text_size, page.pictures)
    return build_blocks(regions, text_size, page.height)


def parse_pages(pages: Sequence[PageChars]) -> ParsedDocument:
    articles: list[ParsedArticle] = []
    parsed_pages: list[ParsedPage] = []
    for page in pages:
        blocks = page_blocks(page)
        articles.extend(assemble_page(blocks, page.number))
        furniture_lines = [
            make_line(normalise_chars(line.text), 0, page.number)
            for block in blocks
            if block.role == "furniture"
            for line in block.lines
        ]
        parsed_pages.append(
            ParsedPage(number=page.number, furniture=describe_furniture(furniture_lines))
        )
    kept = [a for a in articles if a.paragraphs or a.headline]
    return ParsedDocument(articles=join_continued(kept), pages=parsed_pages)


def parse_pdf(data: bytes, max_pages: int) -> ParsedDocument:
    """Parse a PDF in this process (no limits on time or memory: see :mod:`.isolation`)."""
    return parse_pages(extract_pages(data, max_pages))
