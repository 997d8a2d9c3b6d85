"""Text that is not hard-wrapped: a paragraph a line.

PDF text extractors give a page's text wrapped at the printed measure (13–34 em in body
columns, 40–65 em in wide captions), and the rest of the pipeline reads paragraphs and titles
from that geometry.  Digital archive exports and text copied from a paper's website set each
paragraph on one line instead (with or without the ``　　`` indent, with or without blank
lines between paragraphs), and each title part on a line of its own.  Such a page is told by
its lines (:func:`is_unwrapped`): some are wider than any printed measure, and most of its
text stands on lines that end where a paragraph does.  On it

* every line break inside body text is a paragraph break (:func:`paragraph_a_line`);
* lines are grouped into blocks by their kind and shape, not their widths
  (:func:`unwrapped_blocks`): a run of title-shaped lines (short, unfinished) is set apart
  from the paragraphs it is glued to, and a photo caption (a line closing with a credit)
  stands alone;
* title lines are never joined as one wrapped title: each is its own part, in printed order
  (:func:`~shared.parsing.title_roles.unwrapped_title_roles`).

Datelines, bylines, furniture, continuation markers and photos are read as on any page.
The article assembly is told which way a page is laid out by one value, :class:`Layout`.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from typing import Literal

from shared.parsing.block import Block, BlockKind
from shared.parsing.blocks import classify_line
from shared.parsing.continuation_markers import opens_continued_part
from shared.parsing.furniture import edge_line_numbers
from shared.parsing.indentation import leading_space, paragraph_indent
from shared.parsing.lines import Line
from shared.parsing.paragraphs import Paragraphs, split_paragraphs
from shared.parsing.photo_credits import match_photo_credit
from shared.parsing.text_ends import asks_or_exclaims
from shared.parsing.title_roles import is_kicker_shaped
from shared.parsing.titles import BlockRole, title_candidate_reason

# No printed column or caption is this wide (em): body columns run 13–34 em, captions across
# a photo 40–65 em.  A line wider than this was never wrapped at a measure.
UNWRAPPED_MIN_WIDTH = 66.0
# Share of a page's printed width that must stand on lines ending where a paragraph ends
# (wider than any measure, or closing a sentence), with at least one line wider than any
# measure.  Unwrapped, a line is a paragraph and so ends a sentence: laid out a paragraph a
# line, every corpus article puts 80% of its width or more on such lines.  Hard-wrapped,
# most lines stop where the measure ends, in mid-sentence: 8% on the reference page, 23% at
# most on 900 simulated pages (seeds 40000, 100000, 210000 and 300000, 150 each), and no
# line there is wider than 66 em.  A stray wide line (a garbled extraction, columns run
# together) does not make a page unwrapped, nor does a page of short paragraphs that never
# leaves the measure (nothing tells it from a hard-wrapped one).
UNWRAPPED_SHARE = 0.5

PARAGRAPH_RULE = "unwrapped text: a paragraph a line"
TITLE_RUN_RULE = "unwrapped text: title-shaped lines set apart from the paragraphs"
CAPTION_RULE = "unwrapped text: a line closing with a photo credit stands alone"

# A title line never ends with these (a headline may end with ？ or ！, never with a comma).
_TITLE_ENDS_FORBIDDEN = frozenset("。，、；,;")

Shape = Literal["title", "paragraph", "caption"]


def is_unwrapped(lines: Sequence[Line]) -> bool:
    """The page's text is not hard-wrapped: some line is wider than ``UNWRAPPED_MIN_WIDTH``,
    and such lines with those ending a sentence carry at least ``UNWRAPPED_SHARE`` of its
    printed width (a paragraph of 60 characters is as unwrapped as one of 200)."""
    wide, ending = _paragraph_ends(lines)
    return wide and ending >= UNWRAPPED_SHARE


def unwrapped_pages(pages: Sequence[Sequence[Line]]) -> list[bool]:
    """Which pages of one document are unwrapped: those that are so on their own
    (:func:`is_unwrapped`), and, in a document that is so as a whole, those whose lines
    end where paragraphs do although none leaves the measure (a page of short items, the
    rest of an article continued from the page before): one file comes from one exporter."""
    if len(pages) == 1:
        return [is_unwrapped(pages[0])]  # (a page is the whole of a one-page document)
    whole = is_unwrapped([line for page in pages for line in page])
    return [
        is_unwrapped(page) or (whole and _paragraph_ends(page)[1] >= UNWRAPPED_SHARE)
        for page in pages
    ]


def _paragraph_ends(lines: Sequence[Line]) -> tuple[bool, float]:
    """Whether a line is wider than ``UNWRAPPED_MIN_WIDTH``, and the share of the printed
    width on such lines and on lines ending a sentence."""
    total = ending = 0.0
    wide = False
    for line in lines:
        total += line.width
        if line.width > UNWRAPPED_MIN_WIDTH:
            wide = True
            ending += line.width
        elif line.ends_sentence:
            ending += line.width
    return wide, ending / total if total else 0.0


def line_shape(line: Line, previous: Line | None, indent: str | None) -> Shape:
    """How an unwrapped text line reads: a title part, a paragraph or a photo caption.

    A title line is short (no wider than a printed measure), does not end a sentence or a
    clause, holds no full stop and opens no dateline; nor does it carry the page's kept
    paragraph indent (a line that does is a paragraph, a subhead at most).  A headline may
    end with ？ or ！ (``“有你们来，才有我们的今天！”``) when a lead-in line (``…——``,
    ``…：``) right above it announces it, or in a stack of title lines set apart from the
    body (:func:`_set_apart_stacks`); elsewhere such a line is a sentence of the body (a
    quoted question under a subhead, say)."""
    shape = _shape_alone(line, indent)
    if shape == "asking":
        announced = previous is not None and is_kicker_shaped(previous.text)
        return "title" if announced else "paragraph"
    return shape


def _shape_alone(line: Line, indent: str | None) -> Shape | Literal["asking"]:
    """:func:`line_shape` without the lines around: ``asking`` is a title line but for
    ending with ？ or ！."""
    text = line.text
    if match_photo_credit(text) is not None:
        return "caption"
    if (
        line.width > UNWRAPPED_MIN_WIDTH
        or "。" in text
        or text[-1:] in _TITLE_ENDS_FORBIDDEN
        or line.opens_dateline
        or (indent is not None and leading_space(line) == indent)
    ):
        return "paragraph"
    if line.ends_sentence:
        return "asking" if asks_or_exclaims(text) else "paragraph"
    return "title"


# A title stack holds at most this many lines (kicker, headline, subtitle and one more).
MAX_STACK_LINES = 4


def _set_apart_stacks(
    lines: Sequence[Line],
    kinds: Sequence[BlockKind],
    shapes: list[Shape | None],
    indent: str | None,
) -> None:
    """Make title lines of the question or exclamation lines (``？``/``！``) in a stack of
    title lines that the page sets apart from its body: a run of at most
    ``MAX_STACK_LINES`` short lines holding a plain title line, with a blank line, the page
    top or furniture above it and a blank line, the page end, a byline or a dateline under
    it (``成人感染被转运，孩子谁来照顾？`` over its headline, ``不必恐慌，春天临近了！``
    under one).  A subhead stands in the flow of the paragraphs, glued to the one above, so
    a question under it stays a sentence of the body."""
    start = 0
    while start < len(lines):
        end = start
        while (
            end < len(lines)
            and kinds[end] == "text"
            and shapes[end] in ("title", "paragraph")
            and _shape_alone(lines[end], indent) in ("title", "asking")
        ):
            end += 1
        if end == start:
            start += 1
            continue
        opens = start == 0 or lines[start - 1].is_blank or kinds[start - 1] == "furniture"
        closes = (
            end == len(lines)
            or lines[end].is_blank
            or kinds[end] == "byline"
            or (kinds[end] == "text" and lines[end].opens_dateline)
        )
        if opens and closes and end - start <= MAX_STACK_LINES and "title" in shapes[start:end]:
            for index in range(start, end):
                shapes[index] = "title"
        start = end


def unwrapped_blocks(lines: Sequence[Line]) -> list[Block]:
    """Group an unwrapped page's lines into blocks (blank lines kept as ``blanks_before``).

    Bylines, furniture and continuation markers are blocks of their own kind as on any page
    (:func:`classify_line`).  Text lines join the block above when they have its shape
    (:func:`line_shape`): a run of title lines, or of paragraphs; a dateline or a ``上接``
    marker opens a new block, and a caption line stands alone."""
    edges = edge_line_numbers(lines)
    indent = paragraph_indent(lines)
    kinds: list[BlockKind] = []
    rules: list[str] = []
    shapes: list[Shape | None] = []
    above: Line | None = None  # the text line right above (no blank between)
    for index, line in enumerate(lines):
        kind, rule = classify_line(line, index in edges, indent)
        kinds.append(kind)
        rules.append(rule)
        text = kind == "text" and not line.is_blank
        shapes.append(line_shape(line, above, indent) if text else None)
        above = line if text else None
    _set_apart_stacks(lines, kinds, shapes, indent)
    blocks: list[Block] = []
    blanks: list[Line] = []
    previous: tuple[BlockKind, Shape | None] | None = None
    for line, kind, rule, shape in zip(lines, kinds, rules, shapes, strict=True):
        if line.is_blank:
            blanks.append(line)
            previous = None
            continue
        if shape is not None:
            rule = {"title": TITLE_RUN_RULE, "paragraph": PARAGRAPH_RULE}.get(shape, CAPTION_RULE)
        joins = (
            previous == (kind, shape)
            and kind in ("text", "byline")
            and shape != "caption"
            and not (kind == "text" and line.opens_dateline)
            and not (kind == "text" and opens_continued_part(line.text, line.continuations))
        )
        if joins:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block(kind=kind, lines=[line], rule=rule, blanks_before=blanks))
            blanks = []
        previous = (kind, shape)
    return blocks


def settle_roles(blocks: Sequence[Block], roles: Sequence[BlockRole]) -> list[BlockRole]:
    """What the block rules (:func:`~shared.parsing.titles.label_blocks`) left as body on an
    unwrapped page, read by its shape instead.

    A run of title-shaped lines is a title.  On a hard-wrapped page a short unfinished block
    may be a column's last lines cut off in mid-sentence, and its width against the column
    tells; on an unwrapped page nothing is cut (every line ends its paragraph) and there is
    no column to measure, so a short line without a sentence end, standing apart from the
    paragraphs, is a title or a subhead, and :func:`~shared.parsing.articles.fold_intertitles`
    keeps the subheads in their text.  A block that cannot be a title at all
    (:func:`title_candidate_reason`) stays body, and so does one right under a byline: a
    byline is followed by its body, whichever side of it the titles stand (under
    ``■记者手记`` the lines are the note's own).

    A line of caption text closing with a photo credit is a photo's caption, even where it
    carries the paragraph indent as every line of the text does (a web copy indents its
    captions like its paragraphs); a credit alone on an indented line stays body (a label
    such as ``■记者手记``)."""
    settled: list[BlockRole] = []
    above: Block | None = None
    for block, role in zip(blocks, roles, strict=True):
        if role.role != "body":
            pass
        elif (
            block.rule == TITLE_RUN_RULE
            and (above is None or above.kind != "byline")
            and title_candidate_reason(block) is None
        ):
            role = BlockRole("title", "title: " + TITLE_RUN_RULE)
        elif block.rule == CAPTION_RULE and _captioned(block.first):
            role = BlockRole("caption", "ends with a photo credit: " + CAPTION_RULE)
        settled.append(role)
        if block.kind != "furniture":
            above = block
    return settled


def _captioned(line: Line) -> bool:
    credit = match_photo_credit(line.text)
    return credit is not None and bool(credit.caption.strip())


def set_apart(title: Sequence[Block], host: Sequence[Block], follower: Sequence[Block]) -> bool:
    """A title group between two pieces of unwrapped body stands after (or before) more
    blank lines than any paragraph break of that body: it is no subhead of it, which is set
    in the flow of the paragraphs, but the title of the article under it.  (A text with
    blank lines between paragraphs sets more between articles; one without sets at least
    one.)"""
    body = [*host, *follower[1:]]
    breaks = max((len(block.blanks_before) for block in body[1:]), default=0)
    around = max(len(title[0].blanks_before), len(follower[0].blanks_before) if follower else 0)
    return around > breaks


def paragraph_a_line(blocks: Sequence[Block], standalone: Set[int] = frozenset()) -> Paragraphs:
    """Every line of an unwrapped body is a paragraph of its own (``standalone``, the first
    lines of subheads, are paragraphs like any other line)."""
    groups: list[list[Line]] = []
    line_rules: dict[int, str] = {}
    blank_roles: dict[int, tuple[str, str]] = {}
    for block in blocks:
        for blank in block.blanks_before if groups else []:
            blank_roles[blank.number] = ("blank-paragraph", PARAGRAPH_RULE)
        for line in block.lines:
            groups.append([line])
            line_rules[line.number] = (
                "first line of the body" if len(groups) == 1 else "new paragraph: " + PARAGRAPH_RULE
            )
    return Paragraphs(groups=groups, line_rules=line_rules, blank_roles=blank_roles)


@dataclass(frozen=True)
class Layout:
    """How one page's text is laid out, read once a page and passed to the article
    assembly: hard-wrapped at its columns' measures, or ``unwrapped``, a paragraph a line
    (:func:`is_unwrapped`); the paragraph ``indent`` its extractor kept, if any
    (:func:`~shared.parsing.indentation.paragraph_indent`); and whether its extractor left
    no blank line at all (``sets_nothing_apart``)."""

    unwrapped: bool = False
    indent: str | None = None
    # no blank line anywhere on the page (:attr:`.line_adjacency.LineOrder.sets_nothing_apart`)
    sets_nothing_apart: bool = False
    # the running text of the page's bodies without spaces (a block a line), read only where
    # nothing sets lines apart: the words the page writes whole
    page_text: str = ""

    @property
    def subhead_indent(self) -> str | None:
        """The indent that tells a subhead (set as a paragraph of the body, indented) from
        a title (set in a box of its own, flush): the kept indent of a hard-wrapped page.
        None on an unwrapped page: a web copy indents its paragraphs but may set its
        subheads flush, like titles."""
        return None if self.unwrapped else self.indent

    def paragraphs(self, blocks: Sequence[Block], standalone: Set[int]) -> Paragraphs:
        """A body's paragraphs: read from the wrap geometry of a hard-wrapped page
        (:func:`~shared.parsing.paragraphs.split_paragraphs`), a line each on an unwrapped
        one (:func:`paragraph_a_line`)."""
        if self.unwrapped:
            return paragraph_a_line(blocks, standalone)
        return split_paragraphs(blocks, standalone)

    def sets_apart(
        self, title: Sequence[Block], host: Sequence[Block], follower: Sequence[Block]
    ) -> bool:
        """Blank lines set the title group apart from the body around it as an article's
        title (:func:`set_apart`): read in unwrapped text only, a hard-wrapped page's blank
        lines are not read this way."""
        return self.unwrapped and set_apart(title, host, follower)


HARD_WRAPPED = Layout()  # wrapped at its measures, no paragraph indent kept
