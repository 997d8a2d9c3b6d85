"""Lines → blocks, and the paragraph structure inside a run of body lines.

A *block* is a run of text lines with no blank line inside; byline lines, furniture lines and
standalone continuation markers are blocks of their own kind, and a line opening with a
dateline always starts a new block.

Blank lines mean two different things in an extracted page: a paragraph break, or the place
where a column (or a text box) ends in mid-sentence.  :func:`paragraph_break` decides from
the printed shape: a paragraph's last line ends a sentence and usually stops short of the
column; its first line is indented by two characters and so comes out shorter than a full
line.  A line that fills the column and does not end a sentence always runs on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from typing import Literal

from shared.parsing.fields import (
    find_continuations,
    is_byline_line,
    is_continuation_line,
    match_photo_credit,
    opens_continued_part,
    starts_with_dateline,
)
from shared.parsing.furniture import edge_line_numbers, furniture_rule
from shared.parsing.lines import Line

BlockKind = Literal["text", "byline", "furniture", "continuation"]

# A line at least this much (in em) shorter than the column is short: a paragraph's last
# line, or its first line indented by two characters.  Punctuation compression makes full
# lines vary by about one em, so the margin sits between one and two.
SHORT_MARGIN = 1.5


@dataclass
class Block:
    kind: BlockKind
    lines: list[Line]
    rule: str
    blanks_before: list[Line] = field(default_factory=list)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def ends_sentence(self) -> bool:
        return self.last.ends_sentence

    @property
    def opens_with_dateline(self) -> bool:
        return self.kind == "text" and starts_with_dateline(self.first.text)


def classify_line(line: Line, near_edge: bool) -> tuple[BlockKind, str]:
    rule = furniture_rule(line, near_edge)
    if rule is not None:
        return "furniture", rule
    if is_byline_line(line.text):
        return "byline", "byline line (role + names)"
    if is_continuation_line(line.text):
        return "continuation", "continuation marker line"
    return "text", "text line"


def group_blocks(lines: Sequence[Line]) -> list[Block]:
    """Group one page's lines into blocks (blank lines are kept as ``blanks_before``)."""
    edges = edge_line_numbers(lines)
    blocks: list[Block] = []
    blanks: list[Line] = []
    previous_kind: BlockKind | None = None
    for index, line in enumerate(lines):
        if line.is_blank:
            blanks.append(line)
            previous_kind = None
            continue
        kind, rule = classify_line(line, index in edges)
        joins_previous = (
            previous_kind == kind
            and kind in ("text", "byline")
            and not (kind == "text" and starts_with_dateline(line.text))
            and not (kind == "text" and opens_continued_part(line.text))
            and not (kind == "text" and _breaks_out_of_column(line, blocks[-1]))
        ) or (kind == "byline" and previous_kind == "text" and _is_caption(blocks[-1]))
        if joins_previous:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block(kind=kind, lines=[line], rule=rule, blanks_before=blanks))
            blanks = []
        previous_kind = kind
    return split_trailing_titles(blocks)


# At most this many lines at the end of a text block can be split off as title lines.
MAX_TRAILING_TITLE_LINES = 4


def split_trailing_titles(blocks: list[Block]) -> list[Block]:
    """Split title lines off the body block they were extracted into without a blank line.

    Body text never stops in mid-sentence before a new article (a dateline, a byline) or
    the page end, so unfinished lines closing a block right after a finished sentence are
    title lines (after-layout: the title under its body; before-layout: the title over the
    next article).
    """
    out: list[Block] = []
    for index, block in enumerate(blocks):
        follower = next((b for b in blocks[index + 1 :] if b.kind != "furniture"), None)
        anchor_follows = (
            follower is None
            or follower.kind == "byline"
            or follower.opens_with_dateline
            or (follower.kind == "text" and opens_continued_part(follower.first.text))
            or _title_shaped(follower)
            or _breaks_out_of_column(follower.first, block)
        )
        cut = _trailing_title_start(block) if block.kind == "text" and anchor_follows else None
        if cut is None:
            out.append(block)
            continue
        out.append(Block(block.kind, block.lines[:cut], block.rule, block.blanks_before))
        out.append(Block(block.kind, block.lines[cut:], "title lines split off the body"))
    return out


def _title_shaped(block: Block) -> bool:
    """A short block of unfinished lines set apart by blank lines: a title (or a fragment)."""
    return (
        block.kind == "text"
        and bool(block.blanks_before)
        and len(block.lines) <= 2
        and not any(line.ends_sentence for line in block.lines)
        and not block.opens_with_dateline
    )


def _trailing_title_start(block: Block) -> int | None:
    lines = block.lines
    cut = len(lines)
    while (
        cut > 0 and not _closes_text(lines[cut - 1]) and len(lines) - cut < MAX_TRAILING_TITLE_LINES
    ):
        cut -= 1
    if cut == len(lines) or cut == 0 or not _closes_text(lines[cut - 1]):
        return None
    if any(find_continuations(line.text) or is_byline_line(line.text) for line in lines[cut:]):
        return None
    if match_photo_credit(" ".join(line.text for line in lines[cut:])) is not None:
        return None
    return cut


def _closes_text(line: Line) -> bool:
    """Ends a sentence, is a parenthetical note (``（某某参与采写）``), or hands the text over
    to another page (``…（下转第2版）``)."""
    if line.ends_sentence or (line.text[:1] in "（(" and line.text[-1:] in "）)"):
        return True
    markers = find_continuations(line.text)
    return bool(markers) and markers[-1].forward and not line.text[markers[-1].end :].strip()


# Photo captions run across the photo, wider than any body column (13–34 em).
CAPTION_MIN_WIDTH = 36.0


def _breaks_out_of_column(line: Line, block: Block) -> bool:
    """A line far wider than the column of the lines before it cannot continue that column
    (a caption or a text box glued to a body without a blank line)."""
    if line.width < CAPTION_MIN_WIDTH or len(block.lines) < 2:
        return False
    return line.width > 1.6 * column_width(block.lines)


def _is_caption(block: Block) -> bool:
    """A wide text block ending a sentence: a credit line right under it is its credit."""
    return block.ends_sentence and any(line.width >= CAPTION_MIN_WIDTH for line in block.lines)


def column_width(lines: Sequence[Line]) -> float:
    """The column width (em) a run of body lines was set in: its upper-quartile line width."""
    widths = sorted(line.width for line in lines if line.width > 0)
    if not widths:
        return 0.0
    return widths[min(len(widths) - 1, (len(widths) * 3) // 4)]


COLUMN_WINDOW = 12


def local_column_widths(lines: Sequence[Line]) -> dict[int, float]:
    """Line number → the column width around that line (``COLUMN_WINDOW`` lines each side),
    so that one misjudged article spanning two column widths is still read line by line."""
    measured = [measures_column(line) for line in lines]
    widths: dict[int, float] = {}
    for index, line in enumerate(lines):
        low, high = max(0, index - COLUMN_WINDOW), index + COLUMN_WINDOW + 1
        window = [w for w, ok in zip(lines[low:high], measured[low:high], strict=True) if ok]
        widths[line.number] = column_width(window)
    return widths


def measures_column(line: Line) -> bool:
    """Whether a line's width tells the column width: not letter-spaced, not opening with a
    dateline (its spaces take room) and not carrying a continuation marker."""
    return not (line.spaced_out or starts_with_dateline(line.text) or find_continuations(line.text))


def is_short(line: Line, column: float) -> bool:
    """Stops short of the column.  A spaced-out (letter-spaced) line is full by definition."""
    return not line.spaced_out and line.width <= column - SHORT_MARGIN


INDENT = 2.0
# After a full line that ends a sentence, the next line is an indented first line when it
# falls at least this short of the column (an indented line squeezing in one more
# punctuation mark comes out one em short).
INDENT_MARGIN = 1.0
# A line that does not end a sentence yet stops far short of the column ends its paragraph
# anyway (a subhead, a list item, a paragraph ending in a name or a number).  The margin is
# this share of the column (at least SHORT_MARGIN): wide columns vary by several em.
FAR_SHORT_SHARE = 0.1


def paragraph_break(
    before: Line, after: Line, blank: bool, column: float, before_opens: bool = False
) -> tuple[bool, str]:
    """Does a new paragraph start at ``after``?  Returns the decision and the rule.

    ``before_opens`` says that ``before`` is itself a paragraph's first line: it is indented,
    so it is only short when it falls short of the column minus the indent.
    """
    if not before.ends_sentence:
        if column > 0 and _far_short(before, column, before_opens):
            return True, "previous line stops far short of the column (a subhead or list item)"
        if blank:
            return False, "blank after a line that does not end a sentence: column break"
        return False, "previous line does not end a sentence"
    full = column - INDENT if before_opens else column
    if not before.spaced_out and printed_width(before) <= full - SHORT_MARGIN:
        return True, "previous line ends a sentence short of the column"
    if _indented(after, column) and not _may_end_paragraph(after):
        return True, "indented first line after a sentence end"
    if blank and after.ends_sentence and is_short(after, column):
        return True, "blank after a full sentence-final line, then a one-line paragraph"
    if blank:
        return False, "blank after a full line, next line not indented: column break"
    return False, "previous line fills the column; next line not indented"


def _may_end_paragraph(line: Line) -> bool:
    """Ends a sentence, or a colon that introduces what follows (a list, a quote)."""
    return line.ends_sentence or line.text.endswith(("：", ":"))


def printed_width(line: Line) -> float:
    """The line's width, counting the spaces of a dateline (``本报讯（记者 X） 正文``) that
    take room in print (half an em each)."""
    if starts_with_dateline(line.text):
        return line.width + 0.5 * len(re.findall(r"\s+", line.text))
    return line.width


def _indented(line: Line, column: float) -> bool:
    """Short by about the two-character indent of a paragraph's first line."""
    return not line.spaced_out and printed_width(line) <= column - INDENT_MARGIN


def _far_short(line: Line, column: float, opens: bool) -> bool:
    """Shorter than a running line could be, even allowing for an indent.

    Wide columns vary more (punctuation compression), so the margin grows with the column.
    A line opening with a dateline is exempt: its spaces take room the width leaves out.
    """
    if line.spaced_out or (opens and starts_with_dateline(line.text)):
        return False
    margin = max(SHORT_MARGIN, FAR_SHORT_SHARE * column)
    full = column - INDENT - 0.5 if opens else column
    return line.width <= full - margin


# Leading spaces (two spaces or full-width spaces) that mark a kept paragraph indent.
KEPT_INDENT = 2


def _dateline_tail(lines: Sequence[Line]) -> Line | None:
    """The second line when the first opens with a dateline whose byline wraps onto it
    (its spaces and brackets make it look short)."""
    if len(lines) < 2 or not starts_with_dateline(lines[0].text):
        return None
    first = lines[0].text
    return (
        lines[1]
        if first.count("（") + first.count("(") > first.count("）") + first.count(")")
        else None
    )


def keeps_indentation(lines: Sequence[Line]) -> bool:
    """The extractor kept paragraph indents: several lines start indented, and (nearly) all
    of them right after a sentence ends, as paragraph first lines do."""
    indented = [i for i, line in enumerate(lines) if line.indent >= KEPT_INDENT]
    if len(indented) < 2:
        return False
    after_sentence = sum(1 for i in indented if i == 0 or lines[i - 1].ends_sentence)
    return after_sentence >= 0.8 * len(indented)


@dataclass
class Paragraphs:
    """Body lines split into paragraphs, with the rule for every decision."""

    groups: list[list[Line]]
    line_rules: dict[int, str]  # line number → rule that placed it
    blank_roles: dict[int, tuple[str, str]]  # blank line number → role, rule


def split_paragraphs(blocks: Sequence[Block], standalone: Set[int] = frozenset()) -> Paragraphs:
    """Split the lines of consecutive body blocks into paragraphs.

    A block whose first line number is in ``standalone`` (a subhead) is a paragraph of its
    own."""
    lines = [line for block in blocks for line in block.lines]
    columns = local_column_widths(lines)
    kept_indent = keeps_indentation(lines)
    dateline_tail = _dateline_tail(lines)
    groups: list[list[Line]] = []
    line_rules: dict[int, str] = {}
    blank_roles: dict[int, tuple[str, str]] = {}
    previous: Line | None = None
    previous_opens = False
    previous_alone = False
    for block in blocks:
        alone = block.first.number in standalone
        for position, line in enumerate(block.lines):
            blanks = block.blanks_before if position == 0 else []
            if previous is None:
                groups.append([line])
                line_rules[line.number] = "first line of the body"
                previous = line
                previous_opens = True
                continue
            if position == 0 and (alone or previous_alone):
                new, rule = True, "a subhead is a paragraph of its own"
            elif position == 0 and block.opens_with_dateline:
                new, rule = True, "a dateline opens a paragraph"
            elif alone:
                new, rule = False, "a subhead wrapped over lines"
            elif previous is dateline_tail and not previous.ends_sentence:
                new, rule = False, "the dateline's byline wrapped onto the line before"
            elif kept_indent and line.indent >= KEPT_INDENT:
                new, rule = True, "indented line (the extractor kept the indent)"
            elif kept_indent and not _far_short(previous, columns[line.number], previous_opens):
                new, rule = False, "not indented (the extractor kept the indents)"
            else:
                column = columns[line.number]
                new, rule = paragraph_break(previous, line, bool(blanks), column, previous_opens)
            for blank in blanks:
                role = "blank-paragraph" if new else "blank-column-break"
                blank_roles[blank.number] = (role, rule)
            if new:
                groups.append([line])
                line_rules[line.number] = "new paragraph: " + rule
            else:
                groups[-1].append(line)
                line_rules[line.number] = "continues: " + rule
            previous = line
            previous_opens = new
        previous_alone = alone
    return Paragraphs(groups=groups, line_rules=line_rules, blank_roles=blank_roles)
