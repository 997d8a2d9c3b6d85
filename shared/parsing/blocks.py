"""Lines → blocks, and the paragraph structure inside a run of body lines.

A *block* is a run of text lines with no blank line inside; byline lines, furniture lines and
standalone continuation markers are blocks of their own kind, and a line opening with a
dateline always starts a new block.  On a page whose extractor kept the paragraph indents, an
indented line after unclosed text starts one too, so that title lines glued between two
paragraphs can be split off (a paragraph ends with its sentence).  On pages with neither
blank lines nor indents, title lines glued into the body (after a closed sentence, free of
sentence punctuation) are split off when the text on their two sides speaks of different
things (:func:`lines_share_topic`); a subhead glued the same way stays in its text.

Blank lines mean two different things in an extracted page: a paragraph break, or the place
where a column (or a text box) ends in mid-sentence.  :func:`paragraph_break` decides from
the printed shape: a paragraph's last line ends a sentence and usually stops short of the
column; its first line is indented by two characters and so comes out shorter than a full
line.  A line that fills the column and does not end a sentence always runs on, unless it
ends with a colon and the next line is as short as an indented first line.  Where two
readings fit one line, the line under it decides (a first line is followed by a running
line, a paragraph's last line by the next first line); a letter-spaced line is judged by
its characters, not its stretched width; the column width is measured so that closing marks
squeezed past the column edge do not inflate it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
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


def classify_line(
    line: Line, near_edge: bool, indent: str | None = None
) -> tuple[BlockKind, str]:
    """Furniture, byline, continuation marker or text; ``indent`` is the page's kept
    paragraph indent (None when the extractor dropped indents)."""
    rule = furniture_rule(line, near_edge)
    if rule is not None:
        return "furniture", rule
    if is_byline_line(line.text) and not _carries_paragraph_indent(line, indent):
        return "byline", "byline line (role + names)"
    if is_continuation_line(line.text):
        return "continuation", "continuation marker line"
    return "text", "text line"


def group_blocks(lines: Sequence[Line]) -> list[Block]:
    """Group one page's lines into blocks (blank lines are kept as ``blanks_before``)."""
    edges = edge_line_numbers(lines)
    # On a page whose extractor kept the paragraph indents, an indented line after text that
    # is not closed opens a block: what stands between the last closed sentence and it
    # cannot be body (a paragraph ends with its sentence) and is split off as title lines.
    indent = paragraph_indent(lines)
    blocks: list[Block] = []
    blanks: list[Line] = []
    previous_kind: BlockKind | None = None
    for index, line in enumerate(lines):
        if line.is_blank:
            blanks.append(line)
            previous_kind = None
            continue
        kind, rule = classify_line(line, index in edges, indent)
        joins_previous = (
            previous_kind == kind
            and kind in ("text", "byline")
            and not (kind == "text" and starts_with_dateline(line.text))
            and not (kind == "text" and opens_continued_part(line.text))
            and not (kind == "text" and _breaks_out_of_column(line, blocks[-1]))
            and not (
                kind == "text"
                and indent is not None
                and leading_space(line) == indent
                and not _closes_text(blocks[-1].last)
            )
        ) or (kind == "byline" and previous_kind == "text" and _is_caption(blocks[-1], line))
        if joins_previous:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block(kind=kind, lines=[line], rule=rule, blanks_before=blanks))
            blanks = []
        previous_kind = kind
    return split_trailing_titles(blocks, indent)


# At most this many lines at the end of a text block can be split off as title lines.
MAX_TRAILING_TITLE_LINES = 4


def split_trailing_titles(blocks: list[Block], indent: str | None = None) -> list[Block]:
    """Split title lines off the body block they were extracted into without a blank line.

    Body text never stops in mid-sentence before a new article (a dateline, a byline) or
    the page end, so unfinished lines closing a block right after a finished sentence are
    title lines (after-layout: the title under its body; before-layout: the title over the
    next article).
    """
    out: list[Block] = []
    for index, block in enumerate(blocks):
        later = [b for b in blocks[index + 1 :] if b.kind != "furniture"]
        follower = later[0] if later else None
        head = page_top_title_run(block) if all(b.kind == "furniture" for b in out) else 0
        if head:
            out.append(Block(block.kind, block.lines[:head], TITLE_SPLIT_RULE, block.blanks_before))
            block = Block(block.kind, block.lines[head:], "body after title lines split off")
        if (
            out
            and out[-1].kind == "text"
            and (_closes_text(out[-1].last) or is_split_title(out[-1]))
            and _opens_with_foreign_titles(block, functools.partial(_text_before, out), later)
        ):
            head = _glued_title_run(block.lines, 0)
            out.append(Block(block.kind, block.lines[:head], TITLE_SPLIT_RULE, block.blanks_before))
            block = Block(block.kind, block.lines[head:], "body after title lines split off")
        anchor_follows = (
            follower is None
            or follower.kind == "byline"
            or follower.opens_with_dateline
            or (follower.kind == "text" and opens_continued_part(follower.first.text))
            or _title_shaped(follower)
            or _breaks_out_of_column(follower.first, block)
            or (
                indent is not None
                and follower.kind == "text"
                and not follower.blanks_before
                and leading_space(follower.first) == indent
            )
        )
        cut = _trailing_title_start(block) if block.kind == "text" else None
        unindented = cut is not None and unindented_after_closed_short(block.lines, cut, indent)
        if (
            cut is not None
            and not anchor_follows
            and not unindented
            and not _opens_with_foreign_titles(
                follower, functools.partial(_text_before, out, block.lines), later[1:]
            )
        ):
            cut = None
        if (
            cut is None
            and block.kind == "text"
            and follower is not None
            and _opens_article(follower)
        ):
            cut = trailing_question_title(block)
        earlier = functools.partial(_text_before, out)
        if cut is None:
            out.extend(split_glued_titles(block, earlier, later))
            continue
        out.extend(
            split_glued_titles(
                Block(block.kind, block.lines[:cut], block.rule, block.blanks_before), earlier
            )
        )
        rule = UNINDENTED_TITLE_RULE if unindented else TITLE_SPLIT_RULE
        out.append(Block(block.kind, block.lines[cut:], rule))
    return out


def page_top_title_run(block: Block) -> int:
    """How many lines opening the page's first text block are title lines glued to their
    body (0: none).

    Nothing on the page stands above the first block to run into it, so unless it carries
    a 上接 marker its first lines open an item: title-shaped lines (:func:`_glued_title_run`,
    without a paragraph's first line) that neither fill the column of the body under them
    nor sit at its indented first-line width are set at a title's own measure, not the
    body's.  A body's first line fits the column one way or the other."""
    if block.kind != "text" or block.opens_with_dateline or opens_continued_part(block.first.text):
        return 0
    lines = block.lines
    head = _body_first_line_out(lines, 0, _glued_title_run(lines, 0))
    if not 0 < head <= len(lines) - MIN_MEASURED_LINES:
        return 0
    column = column_width([line for line in lines[head:] if measures_column(line)])
    if column <= 0:
        return 0
    for line in lines[:head]:
        if abs(line.width - column) <= INDENT_MARGIN:
            return 0
        if abs(line.width - (column - INDENT)) <= INDENT_MARGIN:
            return 0
    return head


def unindented_after_closed_short(lines: Sequence[Line], cut: int, indent: str | None) -> bool:
    """On a page that keeps paragraph indents, ``lines[cut]`` follows a sentence closed
    short of the column and does not carry the indent: it cannot be body.

    The text after a sentence that stops short of the column opens a new paragraph, and
    where the extractor keeps indents every paragraph opens with the indent; a column break
    or a flush sentence end (the only ways body text goes on unindented) need a full line
    above.  So the unindented lines are title lines glued under the body.  Only where the
    text above shows the indent itself: a page may mix boxes set with and without it."""
    if indent is None or leading_space(lines[cut]) == indent or cut < MIN_MEASURED_LINES:
        return False
    if not any(leading_space(line) == indent for line in lines[:cut]):
        return False  # this text sets no indent itself (pages mix boxes with and without)
    column = column_width(lines[:cut])
    return column > 0 and lines[cut - 1].width <= column - INDENT - SHORT_MARGIN


# How much text around a possible title (in lines) is compared for its topic.
CONTEXT_LINES = 30


def _text_before(out: Sequence[Block], tail: Sequence[Line] = ()) -> list[Line]:
    """The body text right above the end of ``out`` (then ``tail``), back to the last
    title, byline or dateline (at most ``CONTEXT_LINES`` lines)."""
    lines: list[Line] = list(tail)
    for block in reversed(out):
        if block.kind != "text" or is_split_title(block):
            break
        lines[:0] = block.lines
        if block.opens_with_dateline or len(lines) >= CONTEXT_LINES:
            break
    return lines[-CONTEXT_LINES:]


def _text_after(blocks: Sequence[Block]) -> list[Line]:
    """The body text of ``blocks`` up to the next byline or dateline (at most
    ``CONTEXT_LINES`` lines)."""
    lines: list[Line] = []
    for block in blocks:
        if block.kind != "text" or block.opens_with_dateline or len(lines) >= CONTEXT_LINES:
            break
        lines.extend(block.lines)
    return lines[:CONTEXT_LINES]


# Topic continuity: the parts of one article share its vocabulary (names, places, terms),
# two articles on one page share little beyond the language's common words.  Measured as
# the cosine of the two parts' Chinese character-bigram counts: parts of one article score
# well above this, unrelated articles below it.
TOPIC_SIMILARITY = 0.07
# Text reaching past the blocks around a glued title run (across column breaks, up to
# the next title) may take in more than the two sides of the run (a profile's next
# person, a misread title's article): two texts only when the profiles are this far apart.
# (Ambiguous: a glued subhead between two parts that share almost no vocabulary still
# splits the article; measured on dev seeds, the cosine of true splits stays below 0.02
# and of a long article's parts mostly above 0.04.)
FAR_TOPIC_SIMILARITY = 0.03
# Parts shorter than this (in bigrams) say too little about their topic to judge.
MIN_TOPIC_BIGRAMS = 100
_HAN_RUN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")


@functools.lru_cache(maxsize=2048)  # a page's lines (the runs compared overlap); ~1.3 KB each
def _line_bigrams(text: str) -> tuple[str, ...]:
    # map(add, run, run[1:]) pairs each character with the next one in C
    return tuple(
        itertools.chain.from_iterable(
            map(operator.add, run, run[1:]) for run in _HAN_RUN.findall(text)
        )
    )


def _bigrams(lines: Sequence[Line]) -> Counter[str]:
    return Counter(itertools.chain.from_iterable(map(_line_bigrams, map(_TEXT, lines))))


_TEXT = operator.attrgetter("text")


def _characters(lines: Sequence[Line]) -> int:
    return sum(map(len, map(_TEXT, lines)))


def lines_share_topic(
    first: Sequence[Line], second: Sequence[Line], similarity: float = TOPIC_SIMILARITY
) -> bool:
    """Whether two runs of body lines read as one text: true unless both are long enough
    to tell and their character-bigram profiles are as far apart as two articles' are
    (cosine below ``similarity``)."""
    if _characters(first) < MIN_TOPIC_BIGRAMS or _characters(second) < MIN_TOPIC_BIGRAMS:
        return True  # fewer characters than bigrams needed: no need to count
    a, b = _bigrams(first), _bigrams(second)
    if a.total() < MIN_TOPIC_BIGRAMS or b.total() < MIN_TOPIC_BIGRAMS:
        return True
    # set operations and map run in C; the counts are small integers, so the sums are exact
    dot = sum(a[gram] * b[gram] for gram in a.keys() & b.keys())
    norm = math.sqrt(_sum_of_squares(a.values()) * _sum_of_squares(b.values()))
    return dot >= similarity * norm


def _sum_of_squares(counts: Iterable[int]) -> int:
    values = list(counts)
    return sum(map(operator.mul, values, values))


# Punctuation inside a running sentence; a title holds none of it.
_SENTENCE_INNER_MARKS = "，。、；,;"


def _glued_title_run(lines: Sequence[Line], start: int) -> int:
    """The end of a run of title-shaped lines at ``start`` (unfinished, free of sentence
    punctuation, at most ``MAX_TRAILING_TITLE_LINES``), or ``start`` when there is none."""
    end = start
    while (
        end < len(lines)
        and end - start < MAX_TRAILING_TITLE_LINES
        and not lines[end].ends_sentence
        and not lines[end].spaced_out
        and not any(mark in lines[end].text for mark in _SENTENCE_INNER_MARKS)
        and not is_byline_line(lines[end].text)
        and not find_continuations(lines[end].text)
    ):
        end += 1
    if start < end < len(lines) and _introduced_headline(lines, end):
        end += 1
    return end


def _introduced_headline(lines: Sequence[Line], index: int) -> bool:
    """``lines[index]`` is the headline that the lead-in line above it (``…——``)
    announces: a lead-in introduces a title, and a headline may hold a comma or end with ！
    (``“有你们来，才有我们的今天！”``).  Only a one-line headline, ending the block or
    stopping short of the line under it (the body's column), and never with a full stop."""
    if not lines[index - 1].text.rstrip().endswith("——") or "。" in lines[index].text:
        return False
    if index + 1 == len(lines):
        return True
    return lines[index].width < lines[index + 1].width - SHORT_MARGIN


def _body_first_line_out(lines: Sequence[Line], start: int, end: int) -> int:
    """The end of a glued title run without its last line when that line is a body
    paragraph's first line: as wide as an indented first line (a headline wraps at its own
    measure, seldom exactly there) with a full running line under it.  A first line
    without any sentence punctuation is common (a third of the corpus's paragraphs hold
    none in their first 11 characters).  The column is measured on the whole block."""
    if end - start < 2 or end >= len(lines):
        return end
    column = column_width([line for line in lines if measures_column(line)])
    last, under = lines[end - 1], lines[end]
    first_line = column - INDENT - INDENT_MARGIN <= last.width <= column - INDENT_MARGIN
    if first_line and not under.spaced_out and under.width >= column - SAME_WIDTH:
        return end - 1
    return end


TITLE_SPLIT_RULE = "title lines split off the body"
# Split off by indent geometry (:func:`unindented_after_closed_short`): cannot be body.
UNINDENTED_TITLE_RULE = "title lines split off the body: unindented after a closed short line"


def is_split_title(block: Block) -> bool:
    return block.rule in (TITLE_SPLIT_RULE, UNINDENTED_TITLE_RULE)


def _opens_with_foreign_titles(
    block: Block | None, before: Callable[[], list[Line]], later: Sequence[Block]
) -> bool:
    """The block opens with title-shaped lines over body text (its own, then ``later``
    blocks') that speaks of something other than ``before()`` (the text above it): the
    titles of another article."""
    if block is None or block.kind != "text" or block.opens_with_dateline:
        return False
    head = _glued_title_run(block.lines, 0)
    if not 0 < head < len(block.lines):
        return False
    after = [*block.lines[head:], *_text_after(later)][:CONTEXT_LINES]
    return not lines_share_topic(before(), after)


def split_glued_titles(
    block: Block,
    earlier: Callable[[], list[Line]] = list,
    later: Sequence[Block] = (),
) -> list[Block]:
    """Split a text block where the titles of the next article were extracted into it
    with no blank line: after a line that closes the text before, a short run of
    title-shaped lines, then body text that speaks of something else or is set in another
    column width (a subhead glued the same way sits between two parts of one text and
    stays).

    A column break (a blank line) cuts a text into blocks, so the text on either side may
    run on past the block: for the topic the comparison takes in the body text of the
    blocks above (``earlier()``) and below (``later``) as well, up to the next title,
    byline or dateline, and must then be further apart (``FAR_TOPIC_SIMILARITY``); the
    column widths are compared within the block only (a block of another column above or
    below says nothing of this one's)."""
    if block.kind != "text" or len(block.lines) < 4:
        return [block]
    lines = block.lines
    pieces: list[Block] = []
    begin = 0
    index = 1
    while index < len(lines) - 1:
        if not _closes_text(lines[index - 1]):
            index += 1
            continue
        end = _body_first_line_out(lines, index, _glued_title_run(lines, index))
        if index < end < len(lines) and _two_texts(
            lines[max(begin, index - CONTEXT_LINES) : index],
            lines[end : end + CONTEXT_LINES],
            functools.partial(_runs_into, earlier if not begin else list, lines[begin:index]),
            functools.partial(_runs_on, lines[end:], later),
        ):
            pieces.append(
                Block(
                    block.kind,
                    lines[begin:index],
                    block.rule,
                    block.blanks_before if not begin else [],
                )
            )
            pieces.append(Block(block.kind, lines[index:end], TITLE_SPLIT_RULE))
            begin = end
            index = end + 1
            continue
        index += 1
    if not pieces:
        return [block]
    pieces.append(Block(block.kind, lines[begin:], "body after title lines split off"))
    return pieces


def _runs_into(above: Callable[[], list[Line]], lines: Sequence[Line]) -> list[Line]:
    return [*above(), *lines][-CONTEXT_LINES:]


def _runs_on(lines: Sequence[Line], later: Sequence[Block]) -> list[Line]:
    return [*lines, *_text_after(later)][:CONTEXT_LINES]


def _two_texts(
    before: Sequence[Line],
    after: Sequence[Line],
    topic_before: Callable[[], list[Line]] | None = None,
    topic_after: Callable[[], list[Line]] | None = None,
) -> bool:
    """The body text on the two sides of a run of title lines is two texts: it speaks of
    different things, or it is set in different column widths (an article keeps its
    column, and a subhead does not change it).  ``topic_before``/``topic_after`` give
    the (longer) text to compare the topics of, when not ``before``/``after``."""
    if not lines_share_column(before, after) or not lines_share_topic(before, after):
        return True
    if topic_before is None or topic_after is None:
        return False
    return not lines_share_topic(topic_before(), topic_after(), FAR_TOPIC_SIMILARITY)


def _opens_article(block: Block) -> bool:
    return block.kind == "byline" or block.opens_with_dateline


# Inside a headline only these separate phrases; a sentence's commas and full stops never.
_HEADLINE_FORBIDDEN = frozenset("，。、；,;")


def trailing_question_title(block: Block) -> int | None:
    """A headline may end with ？ or ！: the last line of a body block directly followed by
    a byline or a dateline is that article's (or the previous one's) title when the text
    before it is closed and it holds no sentence punctuation of its own."""
    lines = block.lines
    if len(lines) < 2 or not _closes_text(lines[-2]):
        return None
    last = lines[-1].text.rstrip("”’」』》）)")
    if not last.endswith(("？", "！", "?", "!")) or any(c in _HEADLINE_FORBIDDEN for c in last):
        return None
    if is_byline_line(lines[-1].text) or find_continuations(lines[-1].text):
        return None
    return len(lines) - 1


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
        cut > 0 and not _closes_at(lines, cut - 1) and len(lines) - cut < MAX_TRAILING_TITLE_LINES
    ):
        cut -= 1
    if cut == len(lines) or cut == 0 or not _closes_at(lines, cut - 1):
        return None
    if any(find_continuations(line.text) or is_byline_line(line.text) for line in lines[cut:]):
        return None
    if match_photo_credit(" ".join(line.text for line in lines[cut:])) is not None:
        return None
    return cut


# A parenthetical note (``（陈晓霞、张旭航、李大勇参与采写）``) wraps over at most this many lines.
MAX_NOTE_LINES = 3


def _closes_at(lines: Sequence[Line], index: int) -> bool:
    """``lines[index]`` closes the text (:func:`_closes_text`), or ends a parenthetical note
    that opened at the start of one of the lines above it and wrapped (the note closes
    the text as a sentence does)."""
    if _closes_text(lines[index]):
        return True
    if lines[index].text[-1:] not in "）)":
        return False
    for start in range(index, max(-1, index - MAX_NOTE_LINES), -1):
        if lines[start].text[:1] in "（(":
            note = "".join(line.text for line in lines[start : index + 1])
            return not _unclosed_parenthesis(note) and note.count("（") + note.count("(") == 1
    return False


def _closes_text(line: Line) -> bool:
    """Ends a sentence, is a parenthetical note (``（某某参与采写）``), or hands the text over
    to another page (``…（下转第2版）``)."""
    if line.ends_sentence or (line.text[:1] in "（(" and line.text[-1:] in "）)"):
        return True
    markers = find_continuations(line.text)
    return bool(markers) and markers[-1].forward and not line.text[markers[-1].end :].strip()


# Photo captions run across the photo, wider than any body column (13–34 em).
CAPTION_MIN_WIDTH = 36.0
# A body line squeezes at most a closing mark or two past its column; a line wider than the
# column by more than this (em) is not set in it.
CAPTION_MARGIN = 4.0


def _breaks_out_of_column(line: Line, block: Block) -> bool:
    """A line far wider than the column of the lines before it cannot continue that column
    (a caption or a text box glued to a body without a blank line): at least as wide as a
    caption and wider than the column by more than squeezed closing marks make a body line
    (a caption 46 em wide under a 34 em column, where the line-start rule adds an em or two
    at most).  After a closed sentence, under a body of ``MIN_MEASURED_LINES`` lines or more
    (enough to tell its column), a narrower line that much wider than the column breaks out
    too: a title line glued under the body it does not belong to (``…会议上强调``, 33 em
    under a 21 em column).  A caption-wide line under a single narrower line breaks out as
    well (a title glued over a photo's caption): a caption's first line is as wide as the
    caption, and no column holds a line so much wider than the one above it."""
    if len(block.lines) < 2:
        return line.width >= CAPTION_MIN_WIDTH and line.width > block.last.width + CAPTION_MARGIN
    if line.width < CAPTION_MIN_WIDTH and not (
        len(block.lines) >= MIN_MEASURED_LINES and _closes_text(block.last)
    ):
        return False
    return line.width > column_width(block.lines) + CAPTION_MARGIN


def _is_caption(block: Block, credit: Line) -> bool:
    """A wide text block ending a sentence, or ending in a credit that wraps onto the next
    line (``… ■ 本报`` / ``记者 X``): the credit line right under it is its credit."""
    if not any(line.width >= CAPTION_MIN_WIDTH for line in block.lines):
        return False
    if block.ends_sentence:
        return True
    tail = block.last.text.rsplit("。", 1)[-1]
    return bool(tail.strip()) and match_photo_credit(tail + credit.text) is not None


def column_width(lines: Sequence[Line]) -> float:
    """The column width (em) a run of body lines was set in: its upper-quartile line width."""
    widths = sorted(line.width for line in lines if line.width > 0)
    if not widths:
        return 0.0
    return widths[min(len(widths) - 1, (len(widths) * 3) // 4)]


# Two pieces of body set in columns this far apart (em) are not one text.
COLUMN_TOLERANCE = 1.5
# A line this close (em) to a column's width fills it.
SAME_WIDTH = 0.5
# Fewer full lines than this say too little about a piece's column.
MIN_FULL_LINES = 2
# Fewer measuring lines than this say too little about a piece's column.
MIN_MEASURED_LINES = 3


def piece_column(lines: Sequence[Line]) -> float:
    """The column width of a piece of body, or 0 when too few lines measure it."""
    measuring = [line for line in lines if measures_column(line)]
    return column_width(measuring) if len(measuring) >= MIN_MEASURED_LINES else 0.0


def _full_lines(lines: Sequence[Line]) -> list[float]:
    """Widths of the lines that run on from the line above and on to the line under
    (inside a paragraph) and end in a character: set to the full measure, they fill the
    column, and none is wider (only a closing mark squeezed onto a line sticks out)."""
    return [
        line.width
        for above, line in itertools.pairwise(lines)
        if not above.ends_sentence
        and line.text[-1:] not in SQUEEZED_AT_LINE_END
        and measures_column(line)
    ]


def lines_share_column(first: Sequence[Line], second: Sequence[Line]) -> bool:
    """Whether two pieces of body were set in one column width (an article keeps its
    column); true when either is too short to tell.

    The column estimate (an upper quartile, :func:`piece_column`) is off for short pieces:
    it falls below the column for a piece made of short paragraphs, mostly first lines
    (indented, or two em short with the indent lost) and last lines, and above it for a
    few lines that squeeze closing marks past the edge.  So the narrower piece must have
    full lines (:func:`_full_lines`) that all stop short of the wider piece's column, and
    the wider piece's own full lines, if any, must bear its column out."""
    a, b = piece_column(first), piece_column(second)
    if a == 0 or b == 0 or abs(a - b) <= COLUMN_TOLERANCE:
        return True
    narrower, wider = (first, second) if a < b else (second, first)
    full = _full_lines(narrower)
    if len(full) < MIN_FULL_LINES or max(full) >= max(a, b) - SAME_WIDTH:
        return True
    wider_full = _full_lines(wider)
    return bool(wider_full) and max(wider_full) - max(full) <= COLUMN_TOLERANCE


COLUMN_WINDOW = 12


def local_column_widths(lines: Sequence[Line]) -> dict[int, float]:
    """Line number → the column width around that line (``COLUMN_WINDOW`` lines each side),
    so that one misjudged article spanning two column widths is still read line by line.

    The width is the upper quartile of the measuring lines in the window, or of those among
    them that end in a character when that is narrower: the line-start rule squeezes a
    closing mark onto a full line (or hangs it past the edge), so a full line ending with
    one comes out an em or two wider than the column, and where many lines do, their
    upper quartile overstates the column by an em (a full line then looks indented).

    Nor is the column narrower than the upper quartile of the running lines (those under a
    line that does not end a sentence, so no paragraph's first line; one ending in a mark
    counts an em narrower, the squeezed mark), when at least ``MIN_RUNNING_LINES`` are in
    the window: in a body of short paragraphs the indented first lines and the short last
    lines may outnumber the full lines, and the upper quartile of all then falls on a first
    line, two em short of the column.

    A line after a sentence end that is short of the window's column by the indent or more
    may be a paragraph's indented first line, and those seldom end in a mark: in a body of
    short paragraphs whose full lines mostly end in one, they would outnumber the full lines
    ending in a character and set the column two em short (every first line then looks
    full), so they do not count among the lines ending in a character."""
    measuring = [line.width > 0 and measures_column(line) for line in lines]
    overall = _sliding_upper_quartiles(
        [line.width if ok else None for line, ok in zip(lines, measuring, strict=True)]
    )
    running = _sliding_upper_quartiles(
        [
            line.width - (line.text[-1:] in SQUEEZED_AT_LINE_END)
            if ok and index and not lines[index - 1].ends_sentence
            else None
            for index, (line, ok) in enumerate(zip(lines, measuring, strict=True))
        ],
        MIN_RUNNING_LINES,
    )
    unsqueezed = _sliding_upper_quartiles(
        [
            line.width
            if ok
            and line.text[-1:] not in SQUEEZED_AT_LINE_END
            and not (
                index
                and lines[index - 1].ends_sentence
                and line.width <= overall[index] - INDENT
            )
            else None
            for index, (line, ok) in enumerate(zip(lines, measuring, strict=True))
        ],
        MIN_UNSQUEEZED_LINES,
    )
    return {
        line.number: min(max(all_lines, run), plain) if plain else max(all_lines, run)
        for line, all_lines, run, plain in zip(lines, overall, running, unsqueezed, strict=True)
    }


# Marks that may end a line past the column edge: the line-start rule squeezes (or hangs) a
# closing mark onto the line before rather than open a line with it.
SQUEEZED_AT_LINE_END = frozenset("，。、；：？！”’）》」』…,.;:?!%")
# Fewer running lines than this (a short body, a page's first lines) say too little.
MIN_RUNNING_LINES = 8
# Fewer lines ending in a character than this (a subhead, a short body) say too little.
MIN_UNSQUEEZED_LINES = 4


def _sliding_upper_quartiles(measured: Sequence[float | None], at_least: int = 1) -> list[float]:
    """The upper quartile of the widths within ``COLUMN_WINDOW`` places of each place (0.0
    where fewer than ``at_least`` are measured), as column_width() computes it, over a
    sorted sliding window."""
    count = len(measured)
    window = sorted(width for width in measured[:COLUMN_WINDOW] if width is not None)
    # Place i takes in measured[i + COLUMN_WINDOW] and lets go of measured[i - COLUMN_WINDOW
    # - 1]: both as sequences aligned with the places, padded with None where there is none.
    entering = [*measured[COLUMN_WINDOW:], *[None] * COLUMN_WINDOW][:count]
    leaving = [*[None] * (COLUMN_WINDOW + 1), *measured[: max(0, count - COLUMN_WINDOW - 1)]][
        :count
    ]
    insort, bisect_left = bisect.insort, bisect.bisect_left
    quartiles: list[float] = []
    append = quartiles.append
    for width_in, width_out in zip(entering, leaving, strict=True):
        if width_in is not None:
            insort(window, width_in)
        if width_out is not None:
            del window[bisect_left(window, width_out)]
        size = len(window)
        # (size * 3) // 4 <= size - 1 for every size >= 1
        append(window[(size * 3) // 4] if size and size >= at_least else 0.0)
    return quartiles


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


# Full-width marks the line-start rule (避头) keeps from opening a line: a typesetter squeezes
# them onto the line before or pulls a character down with them, so inside a paragraph no
# line opens with one; a paragraph's first line may (its indent stands before it).
NO_LINE_START = frozenset("，。、；：？！”’）》」』…")


def paragraph_break(
    before: Line,
    after: Line,
    blank: bool,
    column: float,
    before_opens: bool = False,
    following: Line | None = None,
    lines_above: int = 1,
    on_grid: bool = False,
    off_grid: bool = False,
    unmarked: bool = False,
) -> tuple[bool, str]:
    """Does a new paragraph start at ``after``?  Returns the decision and the rule.

    ``before_opens`` says that ``before`` is itself a paragraph's first line: it is indented,
    so it is only short when it falls short of the column minus the indent.  ``following``
    is the body line after ``after`` (None at the end of the body); the shape of the line
    under ``after`` tells whether ``after`` opened a paragraph or closed one.
    ``lines_above`` is how many lines the paragraph holding ``before`` has so far.
    ``on_grid`` says that the blank falls where the body's column depth puts a column break
    (:func:`column_grid`), ``off_grid`` that no column depth of the body puts one there.
    ``unmarked`` says that no blank line stands here although the body marks its paragraph
    breaks with blank lines (:func:`marks_breaks_with_blanks`): where the shapes leave two
    readings, the text runs on.
    """
    if before.ends_sentence and after.text[:1] in NO_LINE_START:
        return True, "a line opens with a mark no line inside a paragraph may open with"
    if not before.ends_sentence:
        if column > 0 and _far_short(before, column, before_opens):
            return True, "previous line stops far short of the column (a subhead or list item)"
        if before_opens and column > 0 and _heads_first_line(before, after, column):
            return True, "a short unfinished opening line over a paragraph's first line: a subhead"
        if before_opens and column > 0 and _heads_running_text(before, after, column, following):
            return True, "an unpunctuated opening line over short running text: a subhead"
        if (
            before_opens
            and column > 0
            # a dateline's byline wrapping onto the next line makes both lines short
            and not _unclosed_parenthesis(before.text)
            and _first_line_over_running_text(after, following, column)
        ):
            return True, "a line short by the indent over a full line opens a paragraph"
        if (
            before.text.endswith(_LEADS_IN)
            and _indented(after, column, following)
            and not _may_end_paragraph(after)
        ):
            return True, "a colon or a lead-in dash closes the line; the next opens a paragraph"
        if blank:
            return False, "blank after a line that does not end a sentence: column break"
        return False, "previous line does not end a sentence"
    full = column - INDENT if before_opens else column
    if not before.spaced_out and printed_width(before) <= full - SHORT_MARGIN:
        return True, "previous line ends a sentence short of the column"
    if blank and off_grid:
        # inside a body a blank line is a column break or a paragraph break
        return True, "blank after a sentence end off the column grid: paragraph break"
    if _indented(after, column, following) and not _may_end_paragraph(after):
        if after.spaced_out:
            return True, "justified line two characters short after a sentence end: indented"
        return True, "indented first line after a sentence end"
    if (
        not unmarked
        and _may_end_paragraph(after)
        and _opens_with_a_sentence(after, following, column)
    ):
        return True, "indented line ending a sentence, the line under it not indented"
    if (
        not unmarked
        and after.ends_sentence
        and _closing_note(before, after, following, column, lines_above)
    ):
        return True, "a one-sentence closing paragraph after a long paragraph ending flush"
    if blank and on_grid and after.ends_sentence and is_short(after, column):
        # A column break that happens to fall after a sentence end, the paragraph's last
        # line at the top of the next column.  A one-line paragraph opening that column is
        # missed: the blank would also be a column break, nothing tells them apart, and
        # the last line of a paragraph is the more common (see column_grid_starts).
        return False, "blank where the column depth ends a column, then a short line: column break"
    if (
        blank
        and after.ends_sentence
        and is_short(after, column)
        and not before.text.endswith(_RUNS_ON_AFTER)
    ):
        return True, "blank after a full sentence-final line, then a one-line paragraph"
    if blank:
        return False, "blank after a full line, next line not indented: column break"
    return False, "previous line fills the column; next line not indented"


# A sentence end after which the text runs on across a blank: a semicolon closes a clause
# of a longer sentence, so a short sentence-final line after a blank under a full line
# ending in one is that sentence's last clause at the top of the next column.
_RUNS_ON_AFTER = ("；", ";")


def _opens_with_a_sentence(after: Line, following: Line | None, column: float) -> bool:
    """After a full line ending a sentence, ``after`` ends a sentence too (or a colon that
    opens what follows) and is short by about the indent: either a paragraph's first line
    whose first sentence (or clause, ``…有以下两大特点：``) ends at the line end, or the last
    line of the paragraph before.  The line under it tells them apart: a
    first line is followed by a running line (full) or by its paragraph's last line (ending
    a sentence), a closing line by the next paragraph's indented first line.

    Wrapping the corpus articles (tests/fixtures/sample-articles.jsonl) at 13–34 em, such a
    line over a full line opened a paragraph 25 times in 25, over a running indented line it
    closed one 12 times in 12, over a short line ending a sentence it opened one 7 times in
    8.  At the end of the body nothing tells (an even split), and the text runs on as
    before.  A sentence-final line far shorter than an indented full line after a flush
    sentence end is a paragraph's last line about three times in four (71 against 23), so
    it runs on too, whatever is under it; the one-line paragraph this misses is the
    ambiguity that stays."""
    if following is None or not _indented(after, column):
        return False
    if printed_width(after) < column - INDENT - INDENT_MARGIN:
        return False  # far shorter than an indented full line: a paragraph's last line
    return following.ends_sentence or not _indented(following, column)


# A paragraph holding this many lines above a flush sentence end is long enough that a short
# sentence-final line closing the body under it is more likely a paragraph of its own.
CLOSING_NOTE_MIN_LINES = 4
_CLOSING_QUOTES = frozenset("”’」』\"'")


def _closing_note(
    before: Line, after: Line, following: Line | None, column: float, lines_above: int
) -> bool:
    """``after`` closes the body (nothing under it), ends a sentence and is far shorter than
    an indented full line, and ``before`` ended a sentence flush with the column after a
    paragraph of ``CLOSING_NOTE_MIN_LINES`` lines or more: a one-sentence closing paragraph
    (``市领导某某参加检查。``, ``同日，某某还会见了某某。``), as news reports often end.  Not
    when ``before`` closes a quotation: the speaker follows it (``…资金。”`` / ``王波表示。``).

    Wrapping the corpus articles (/work/shared/corpus/articles.jsonl, 113 articles) at
    13–34 em, such a last line opened a paragraph of its own 24 times in 26 under a
    paragraph of four lines or more ending outside quotes, never (0 in 6) under a shorter
    one (a paragraph short enough to be its last line's seldom has a sentence ending flush
    in its middle) and never (0 in 17) after a closing quote.  Anywhere but at the end of
    the body the line under it decides (:func:`_opens_with_a_sentence`)."""
    return (
        following is None
        and lines_above >= CLOSING_NOTE_MIN_LINES
        and before.text[-1:] not in _CLOSING_QUOTES
        and not after.spaced_out
        and printed_width(after) < column - INDENT - INDENT_MARGIN
    )


# Punctuation inside a running sentence; a subhead, like a headline, holds none.
_SENTENCE_INNER = frozenset("，。、；,;")


def _may_head(before: Line, after: Line) -> bool:
    """``before`` has a subhead's shape (no dateline, no sentence punctuation, not spaced
    out) and ``after`` runs on from it without ending a sentence."""
    return (
        not before.spaced_out
        and not after.spaced_out
        and not after.ends_sentence
        and not starts_with_dateline(before.text)
        and not any(c in _SENTENCE_INNER for c in before.text)
    )


def _heads_first_line(before: Line, after: Line, column: float) -> bool:
    """``before`` opens a paragraph without ending a sentence and ``after`` has the shape of
    a paragraph's first line (short by the indent, running on) while ``before`` is shorter
    than any indented first line: a paragraph's first line is never followed by another
    first line, so ``before``, when it holds no sentence punctuation, is a subhead (小标题)
    with the paragraph glued under it."""
    return (
        _may_head(before, after)
        and before.width <= column - INDENT - SHORT_MARGIN
        and before.width < after.width - INDENT_MARGIN
        and printed_width(after) <= column - INDENT_MARGIN
    )


def _heads_running_text(
    before: Line, after: Line, column: float, following: Line | None = None
) -> bool:
    """``before`` opens a paragraph, holds no sentence punctuation and does not end a
    sentence; ``after`` is running text that does not end a sentence, yet stops far short
    of the column.  A paragraph's second line is full unless it ends the paragraph, and
    running text does not end a paragraph in mid-sentence, so ``after`` is the indented
    first line of a new paragraph and ``before`` a subhead as wide as a first line
    (``让不文明行为“处处难行”`` over ``2019年，各地以精神文明创建``).

    ``after`` is running text when it holds sentence punctuation or when the line under it
    runs on at full width; otherwise the two lines may be one subhead wrapped (the line
    under a subhead is an indented first line): left alone."""
    return (
        _may_head(before, after)
        and _far_short(after, column, opens=False)
        and (
            any(c in _SENTENCE_INNER for c in after.text)
            or (following is not None and not _indented(following, column))
        )
    )


def _first_line_over_running_text(after: Line, following: Line | None, column: float) -> bool:
    """``after`` is as wide as an indented first line (at most an em short of the column
    minus the indent) yet shorter than any running line can be (:func:`_far_short`), runs
    on without ending a sentence, and the line under it fills the column: ``after`` opens
    a paragraph.

    A running line inside a paragraph fills the column (within the margin that punctuation
    compression leaves, which grows with the column; a Latin word or number pushed down
    stretches it), and a paragraph's last line is followed by the next paragraph's indented
    first line, not by a full one; so the opening line above ``after`` that does not end a
    sentence ended its paragraph anyway (a subhead, with or without a comma:
    ``法治思维，让信“访”变信“法”``).  In wide columns, where running lines vary by more
    than the indent, no line is both."""
    if following is None or after.spaced_out or after.ends_sentence or following.spaced_out:
        return False
    if printed_width(after) < column - INDENT - INDENT_MARGIN:
        return False
    return (
        _far_short(after, column, opens=False)
        and not _indented(following, column)
        and not _pushed_down(after, following, column)
    )


# Marks that close a lead-in to what follows: a colon, or a dash closing a run-in subhead
# (``政策赋能，解开束缚转化的“细绳子”——`` over its paragraph's indented first line).
_LEADS_IN = ("：", ":", "——")


def _may_end_paragraph(line: Line) -> bool:
    """Ends a sentence, or a colon that introduces what follows (a list, a quote)."""
    return line.ends_sentence or line.text.endswith(("：", ":"))


def printed_width(line: Line) -> float:
    """The line's width, counting the spaces of a dateline (``本报讯（记者 X） 正文``) that
    take room in print (half an em each)."""
    if starts_with_dateline(line.text):
        return line.width + 0.5 * len(re.findall(r"\s+", line.text))
    return line.width


def _indented(line: Line, column: float, following: Line | None = None) -> bool:
    """Short by about the two-character indent of a paragraph's first line.

    A justified (letter-spaced) line is stretched to the full measure, so only its
    characters tell: a running line is stretched when a character had to move down (the
    line-start rule) and holds about one em less than the column, an indented first line
    two or more.  A line stretched because the Latin word or number opening ``following``
    did not fit is a running line whatever it holds."""
    if line.spaced_out:
        if line.width > column - INDENT + SPACED_INDENT_SLACK:
            return False
        return following is None or not _pushed_down(line, following, column)
    return printed_width(line) <= column - INDENT_MARGIN


# A letter-spaced first line may hold half an em more than the column minus the indent (a
# half-width character, a squeezed mark) and still be told from a running line (one em
# short of the column).
SPACED_INDENT_SLACK = 0.5
_LEADING_HALF_WIDTH = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%+\-/]*")


def _pushed_down(line: Line, following: Line, column: float) -> bool:
    """``following`` opens with a half-width run (a Latin word, a number) too wide for the
    room left on ``line``: the typesetter stretched ``line`` because the run moved down."""
    match = _LEADING_HALF_WIDTH.match(following.text)
    return match is not None and line.width + 0.5 * len(match.group()) > column


def _far_short(line: Line, column: float, opens: bool) -> bool:
    """Shorter than a running line could be, even allowing for an indent.

    Wide columns vary more (punctuation compression), so the margin grows with the column.
    A line opening with a dateline counts its spaces (they take room in print); it is exempt
    while its byline's parentheses are still open (the byline wraps onto the next line).
    """
    if line.spaced_out:
        return False
    if opens and starts_with_dateline(line.text):
        if _unclosed_parenthesis(line.text):
            return False
        width = printed_width(line)
    else:
        width = line.width
    margin = max(SHORT_MARGIN, FAR_SHORT_SHARE * column)
    full = column - INDENT - 0.5 if opens else column
    return width <= full - margin


def _unclosed_parenthesis(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


# Leading spaces (two spaces or full-width spaces) that mark a kept paragraph indent.
KEPT_INDENT = 2


def _dateline_tail(lines: Sequence[Line]) -> Line | None:
    """The second line when the first opens with a dateline whose byline wraps onto it
    (its spaces and brackets make it look short)."""
    if len(lines) < 2 or not starts_with_dateline(lines[0].text):
        return None
    return lines[1] if _unclosed_parenthesis(lines[0].text) else None


def keeps_indentation(lines: Sequence[Line]) -> bool:
    """The extractor kept paragraph indents: several lines start indented, and (nearly) all
    of them right after a sentence ends, as paragraph first lines do."""
    indented = [i for i, line in enumerate(lines) if line.indent >= KEPT_INDENT]
    if len(indented) < 2:
        return False
    after_sentence = sum(1 for i in indented if i == 0 or lines[i - 1].ends_sentence)
    return after_sentence >= 0.8 * len(indented)


def _carries_paragraph_indent(line: Line, indent: str | None) -> bool:
    """A line set with the body's paragraph indent opens a paragraph of running text.

    A byline is set apart from the text it credits (flush, centred or right-aligned, the
    names spaced out), never indented like a paragraph; a role-shaped line that does carry
    the paragraph indent is a section label inside the body (``■记者手记``, ``■编者按``),
    which belongs to the text.  Only decided where the extractor kept indents."""
    return indent is not None and leading_space(line) == indent


def leading_space(line: Line) -> str:
    return line.raw[: line.indent]


def paragraph_indent(lines: Sequence[Line]) -> str | None:
    """The leading whitespace the extractor kept on paragraph first lines (the most common
    one among indented lines), or None when the page does not keep indents.

    ``lines`` are a page's lines, blank ones included.  The indents are paragraph indents
    when (nearly) every indented line opens something: the page, a block after a blank, a
    paragraph after a sentence end, or text after a shorter line (a title glued above it);
    an indented line right after running text in mid-sentence says they are not."""
    indented = [i for i, line in enumerate(lines) if line.indent >= KEPT_INDENT and line.text]
    if len(indented) < 2:
        return None
    opening = 0
    for i in indented:
        before = lines[i - 1] if i else None
        if (
            before is None
            or before.is_blank
            or before.ends_sentence
            or before.width < lines[i].width
        ):
            opening += 1
    if opening < 0.8 * len(indented):
        return None
    indents = Counter(leading_space(lines[i]) for i in indented)
    return indents.most_common(1)[0][0]


def page_lines(blocks: Sequence[Block]) -> list[Line]:
    """The lines of text blocks with the blank lines before them, in page order."""
    return [
        line
        for block in blocks
        if block.kind == "text"
        for line in (*block.blanks_before, *block.lines)
    ]


@dataclass
class Paragraphs:
    """Body lines split into paragraphs, with the rule for every decision."""

    groups: list[list[Line]]
    line_rules: dict[int, str]  # line number → rule that placed it
    blank_roles: dict[int, tuple[str, str]]  # blank line number → role, rule


def split_paragraphs(blocks: Sequence[Block], standalone: Set[int] = frozenset()) -> Paragraphs:
    """Split the lines of consecutive body blocks into paragraphs.

    A block whose first line number is in ``standalone`` (a subhead) is a paragraph of its
    own, unless a column break cut a paragraph there (:func:`_runs_across_subhead_break`)."""
    lines = [line for block in blocks for line in block.lines]
    following: dict[int, Line] = {a.number: b for a, b in itertools.pairwise(lines)}
    columns = local_column_widths(lines)
    kept_indent = keeps_indentation(lines)
    dateline_tail = _dateline_tail(lines)
    grid = column_grid(blocks, columns)
    blank_marked = marks_breaks_with_blanks(blocks, columns)
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
                if _runs_across_subhead_break(
                    previous, line, columns[line.number], previous_opens, both=alone
                ):
                    new, rule = False, "a full unfinished line runs on across a column break"
                else:
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
                new, rule = paragraph_break(
                    previous,
                    line,
                    bool(blanks),
                    column,
                    previous_opens,
                    following.get(line.number),
                    len(groups[-1]),
                    line.number in grid.starts,
                    line.number in grid.off,
                    blank_marked and not blanks,
                )
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


# Column breaks certain enough to measure the column depth from: at least this many, this
# many lines apart or more.
GRID_MIN_BREAKS = 2
GRID_MIN_DEPTH = 3


# Paragraph breaks certain from their shape needed to tell how a body marks its breaks, and
# the share of them that must come with a blank line.
MARKED_MIN_BREAKS = 3
MARKED_SHARE = 1.0


def marks_breaks_with_blanks(blocks: Sequence[Block], columns: Mapping[int, float]) -> bool:
    """Whether the body sets a blank line at its paragraph breaks (some extractors and
    layouts do, others never): at least ``MARKED_MIN_BREAKS`` certain breaks (a sentence
    ending short of the column, then more text), ``MARKED_SHARE`` of them with a blank."""
    certain = marked = 0
    previous: Line | None = None
    for block in blocks:
        for position, line in enumerate(block.lines):
            if (
                previous is not None
                and previous.page == line.page
                and previous.ends_sentence
                and is_short(previous, columns[previous.number])
            ):
                certain += 1
                marked += position == 0 and bool(block.blanks_before)
            previous = line
    return certain >= MARKED_MIN_BREAKS and marked >= MARKED_SHARE * certain


@dataclass(frozen=True)
class ColumnGrid:
    """Where a body's column depth puts its column breaks: ``starts`` are the lines after a
    blank that open a column by it, ``off`` the lines after a blank that no column depth
    agreeing with the certain breaks can put at a column's top."""

    starts: frozenset[int] = frozenset()
    off: frozenset[int] = frozenset()


def column_grid_starts(blocks: Sequence[Block], columns: Mapping[int, float]) -> set[int]:
    """Numbers of the lines after a blank that open a column by the body's column depth
    (:func:`column_grid`)."""
    return set(column_grid(blocks, columns).starts)


def column_grid(blocks: Sequence[Block], columns: Mapping[int, float]) -> ColumnGrid:
    """The column grid of a body's blank lines.

    An article's columns are all equally deep (the page grid or the article's own box), so
    its column breaks fall every ``depth`` text lines (blank lines take no line of the
    column).  A blank after a full line that does not end a sentence is certainly a column
    break; two or more of them on one page, their distances all multiples of the smallest,
    give the depth and the phase.  Every other blank of that page on the grid is then a
    column break too (perhaps also a paragraph break: a break falling at a column's end
    gets one blank only).  Without such breaks, or when they disagree (a box of another
    depth), nothing is known and both sets are empty.

    A blank off the grid is not a column break, unless the true depth is a divisor of the
    measured one (a column break between two certain ones that happened to fall after a
    sentence end): only a blank whose distance from the certain breaks shares no divisor
    of at least ``GRID_MIN_DEPTH`` lines with the depth is certainly off the grid."""
    starts: list[tuple[int, Line]] = []
    certain: dict[int, list[int]] = {}
    index = 0
    previous: Line | None = None
    for block in blocks:
        for position, line in enumerate(block.lines):
            if (
                position == 0
                and block.blanks_before
                and previous is not None
                and previous.page == line.page
            ):
                starts.append((index, line))
                if not previous.ends_sentence and not is_short(previous, columns[previous.number]):
                    certain.setdefault(line.page, []).append(index)
            index += 1
            previous = line
    on_grid: set[int] = set()
    off_grid: set[int] = set()
    for page, breaks in certain.items():
        if len(breaks) < GRID_MIN_BREAKS:
            continue
        gaps = [b - a for a, b in itertools.pairwise(breaks)]
        depth = min(gaps)
        if depth < GRID_MIN_DEPTH or any(gap % depth for gap in gaps):
            continue
        for at, line in starts:
            if line.page != page:
                continue
            offset = (at - breaks[0]) % depth
            if offset == 0:
                on_grid.add(line.number)
            elif math.gcd(depth, offset) < GRID_MIN_DEPTH:
                off_grid.add(line.number)
    return ColumnGrid(frozenset(on_grid), frozenset(off_grid))


def _runs_across_subhead_break(
    before: Line, after: Line, column: float, before_opens: bool, both: bool
) -> bool:
    """A block taken for a subhead meets the body (or another such block) at a column break,
    and the line before the break fills the column (the column minus the indent when it
    opens a paragraph) without ending a sentence: a column ended in mid-paragraph, so the
    text runs on (a subhead is shorter than a first line, and a body line does not stop in
    mid-sentence before a subhead).  When only the line before the break is such a block,
    the line after must not look like an indented first line (a subhead as wide as a first
    line, over its paragraph)."""
    if column <= 0 or before.ends_sentence or _closes_text(before):
        return False
    full = column - INDENT if before_opens else column
    if not before.spaced_out and printed_width(before) <= full - SHORT_MARGIN:
        return False
    return both or after.ends_sentence or not _indented(after, column)
