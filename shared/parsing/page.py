"""Orchestration: text → pages → lines → blocks → roles → articles (the public parse API).

A page's lines are grouped into blocks as they are, unless the page is unwrapped (a paragraph
a line: :mod:`wrapping`), letter spaced as a whole (:mod:`letter_spacing`) or double spaced
(a blank line after every line: :mod:`line_spacing`).
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.parsing.articles import Trace, assemble_page
from shared.parsing.block import Block
from shared.parsing.blocks import group_blocks
from shared.parsing.continuations import join_continued
from shared.parsing.decode import decode_bytes, normalise_newlines
from shared.parsing.furniture import describe_furniture
from shared.parsing.layout_columns import read_layout_pages
from shared.parsing.letter_spacing import close_letter_spacing
from shared.parsing.line_spacing import close_line_spacing
from shared.parsing.lines import Line, split_lines
from shared.parsing.parse_cache import end_parse
from shared.parsing.split_credits import rejoin_split_credits
from shared.parsing.titles import BlockRole, label_blocks
from shared.parsing.types import ParsedArticle, ParsedDocument, ParsedPage, ParseError
from shared.parsing.wrapping import settle_roles, unwrapped_blocks, unwrapped_pages

SPACING_RULE = "line spacing: the extractor put a blank line between (nearly) all lines"


@dataclass
class Analysis:
    """A parsed document together with every line and the role/rule trace per line."""

    document: ParsedDocument
    lines: list[Line]
    trace: Trace


def analyse_text(text: str, *, keep_trace: bool = True) -> Analysis:
    """Parse ``text`` and keep the per-line decisions (used by :mod:`explain`).

    ``keep_trace=False`` (what :func:`parse_text` asks for) leaves ``lines`` and ``trace``
    empty: merging every line's role and rule is for explanations, not for the pipeline.
    The answers cached during the parse are forgotten at its end (:mod:`.parse_cache`).
    """
    try:
        return _analyse(text, keep_trace=keep_trace)
    finally:
        end_parse()


def _analyse(text: str, *, keep_trace: bool) -> Analysis:
    pages = read_layout_pages(split_lines(normalise_newlines(text)))
    articles: list[ParsedArticle] = []
    parsed_pages: list[ParsedPage] = []
    trace: Trace = {}
    all_lines: list[Line] = []
    unwrapped_flags = unwrapped_pages(pages)
    for number, page_lines in enumerate(pages, start=1):
        unwrapped = unwrapped_flags[number - 1]
        spacing: list[Line] = []
        if unwrapped:
            blocks = unwrapped_blocks(page_lines)
        else:
            text_lines, spacing = close_line_spacing(close_letter_spacing(page_lines))
            blocks = group_blocks(rejoin_split_credits(text_lines))
        roles = label_blocks(blocks)
        if unwrapped:
            roles = settle_roles(blocks, roles)
        furniture_lines = [
            line
            for block, role in zip(blocks, roles, strict=True)
            if role.role == "furniture"
            for line in block.lines
        ]
        page_articles, page_trace = assemble_page(blocks, roles, number, unwrapped)
        if keep_trace:
            all_lines.extend(page_lines)
            _merge_trace(trace, blocks, roles, page_trace)
            for line in spacing:
                trace[line.number] = ("blank-line-spacing", SPACING_RULE)
        articles.extend(page_articles)
        furniture = describe_furniture(furniture_lines)
        parsed_pages.append(ParsedPage(number=number, furniture=furniture))
    document = ParsedDocument(articles=join_continued(articles), pages=parsed_pages)
    return Analysis(document=document, lines=all_lines, trace=trace)


def _merge_trace(
    trace: Trace, blocks: list[Block], roles: list[BlockRole], page_trace: Trace
) -> None:
    """Each line's final role and rule: the article stage's where it decided, else the block's
    (a title or body rule overridden later is shown in brackets)."""
    for block, role in zip(blocks, roles, strict=True):
        for line in block.lines:
            final_role, final_rule = page_trace.get(line.number, (role.role, role.rule))
            if (role.role == "title" or role.rule.startswith("body:")) and (
                final_rule != role.rule
            ):
                final_rule = f"{final_rule} [{role.rule}]"
            trace[line.number] = (final_role, final_rule)
    trace.update({n: r for n, r in page_trace.items() if n not in trace})


def parse_text(text: object) -> ParsedDocument:
    """Split a page text layer (pages separated by form feeds) into articles.

    Typed ``object``: anything but text is refused with :class:`ParseError`, also where the
    parser runs compiled (which would otherwise refuse it with its own ``TypeError``)."""
    if not isinstance(text, str):
        raise ParseError("invalid-input", f"expected text, got {type(text).__name__}")
    try:
        return analyse_text(text, keep_trace=False).document
    except ParseError:
        raise
    except Exception as exc:  # a parser bug must not take the caller down with it
        raise ParseError("internal", f"the parser failed on this input: {exc!r}") from exc


def parse_bytes(data: object) -> ParsedDocument:
    """Decode an uploaded text layer (UTF-8/UTF-16/GB18030) and parse it (anything but bytes
    is refused with :class:`ParseError`)."""
    return parse_text(decode_bytes(data))  # (decode_bytes refuses anything but bytes)
