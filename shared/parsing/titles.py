"""Decide which text blocks are titles, which are body and which are photo captions.

A title is short, stands in a block of its own and does not end a sentence, but so does a
body fragment cut off by a column break.  The decision uses the text's continuity:

* a block that follows body text ending in mid-sentence continues that sentence → body;
* a body block that does not end a sentence must be followed by more body (an article never
  stops in mid-sentence unless a continuation marker says so) → a run of candidates
  followed by a dateline, a byline, a caption, another title or the page end is all titles;
* otherwise (a candidate between a closed paragraph and more body) the block's shape
  decides: a line that fits neither the column width nor the indented first-line width,
  no sentence punctuation, and a following block that opens with an indented line speak
  for a title.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from shared.parsing.amid_titles import points_elsewhere, stands_across_a_sentence
from shared.parsing.block import Block
from shared.parsing.blocks import page_lines
from shared.parsing.columns import (
    INDENT,
    INDENT_MARGIN,
    SHORT_MARGIN,
    column_width,
    is_short,
    lines_share_column,
    piece_column,
    short_by_indent,
)
from shared.parsing.glued_titles import (
    MEASURE_TITLE_RULE,
    QUESTION_TITLE_RULE,
    QUOTED_TITLE_RULE,
    SHORT_ENDED_TITLE_RULE,
    UNDER_TITLE_LINE_RULE,
    UNINDENTED_TITLE_RULE,
    WIDE_TITLE_RULE,
)
from shared.parsing.indentation import leading_space, paragraph_indent
from shared.parsing.lead_ins import points_on
from shared.parsing.lines import Line, joined_text, opens_interview_turn
from shared.parsing.normalise import join_wrapped, remove_layout_spaces
from shared.parsing.paragraph_openings import opens_paragraph_over
from shared.parsing.photo_credits import (
    match_credit_alone,
    match_photo_credit,
    may_hold_photo_credit,
)
from shared.parsing.text_ends import LEADS_IN
from shared.parsing.title_roles import (
    MAX_PART_LINES,
    ends_with_column_tag,
    fits_title_stack,
    is_kicker_shaped,
    is_subtitle,
)

Role = Literal["body", "title", "caption", "byline", "furniture", "continuation"]

_INNER_PUNCTUATION = frozenset("，。、；,;")
_TITLE_ENDS_FORBIDDEN = frozenset("。，、；,;")
# A headline holds phrases set apart by these, and one wrapped over lines may break after
# one (``中国医疗专家组完成沙特、`` / ``科威特抗疫任务回国``); its last line never ends so,
# and a block so wrapped with a sentence mark (``？`` too) on a line reads as sentences.
_TITLE_PAUSES = frozenset("，、")
_MAX_EXACT_RUN = 10
_VIOLATION = 10.0


@dataclass(frozen=True)
class BlockRole:
    role: Role
    rule: str
    # a title set between a sentence cut by a column break and the text that goes on
    # with it: that text joins the body above (:func:`.units.build_items`)
    interrupts: bool = False


def has_forward_marker(block: Block) -> bool:
    return any(c.forward for c in block.last.continuations)


def is_closed(block: Block) -> bool:
    """Body text that ends a sentence, hands over to another page, or is a parenthetical
    note such as ``（陈晓霞、张旭航参与采写）``."""
    whole = "".join(line.text for line in block.lines)
    note = whole[:1] in "（(" and whole[-1:] in "）)"
    return block.ends_sentence or has_forward_marker(block) or note


def title_candidate_reason(block: Block) -> str | None:
    """Why a text block cannot be a title, or None when it can."""
    if not fits_title_stack([line.text for line in block.lines]):
        return f"more than {MAX_PART_LINES} lines (to a part of a title stack)"
    if block.opens_with_dateline:
        return "opens with a dateline"
    if opens_interview_turn(block.first.text):
        return "opens an interview's question or answer (问：/答：)"
    whole = "".join(line.text for line in block.lines)
    if not _two_alnum(whole):
        return "fewer than two letters or characters"
    if whole[:1] in "（(" and whole[-1:] in "）)":
        return "a parenthetical note"
    for position, line in enumerate(block.lines):
        text = line.text
        wraps_at_pause = (
            position < len(block.lines) - 1
            and text[-1] in _TITLE_PAUSES
            # with a sentence end on any line it reads as sentences
            and not any(other.ends_sentence for other in block.lines)
        )
        if text[-1] in _TITLE_ENDS_FORBIDDEN and not wraps_at_pause:
            return "a line ends with sentence punctuation"
        if "。" in text:
            return "a line holds a full stop"
        if text[-1] in "：:" and line.width > 12:
            return "a long line ends with a colon"
        if line.continuations:
            return "carries a continuation marker"
        if points_on(text):
            return "a line ends with an arrow pointing on"
    if whole.rstrip()[-1:] in ("：", ":") and sum(line.width for line in block.lines) > 12:
        return "a long text wrapped over lines ends with a colon"
    return None


# Marks that open a quotation, a title or an aside: the text they open comes after them.
_OPENING_MARKS = frozenset("“‘《（〈「『【([")


def ends_on_opening_mark(text: str) -> bool:
    """The text ends on an opening quote or bracket (``…真正做到更加有效地“``): what it
    opens goes on after it, so it is a sentence cut off (by a column's foot), never a
    headline, kicker or subtitle, which close on their last word or mark."""
    return text.rstrip()[-1:] in _OPENING_MARKS


# A line ending in an arrow points the reader on to the text below it: the lead-in of a
# reader's letter or a help column (``浦东新区……  张先生`` / ``帮忙>>>`` between the letter
# and the reporter's text), set apart like a title but part of the body.  A headline points
# nowhere.  (Ambiguous: a section tag such as ``求助>>>`` over a column's first title would
# also be read as body; none is in the corpus, and a body line misread as a title costs
# more, splitting the article in two; :mod:`.lead_ins`.)


def _two_alnum(text: str) -> bool:
    """At least two letters, digits or characters (stops at the second)."""
    found = 0
    for char in text:
        if char.isalnum():
            found += 1
            if found == 2:
                return True
    return False


def title_score(
    block: Block,
    column: float,
    after_byline: bool,
    next_block: Block | None,
    amid_body: bool = False,
) -> float:
    """Evidence (positive: title, negative: body fragment) from the block's own shape."""
    score = 1.0
    texts = [remove_layout_spaces(line.text, line.spaced_out) for line in block.lines]
    if any(is_subtitle(t) for t in texts) or any(is_kicker_shaped(t) for t in texts):
        score += 3.0
    for position, text in enumerate(texts):
        # a wrapped line's last mark is inside the title: it counts as well
        inner = text if position < len(texts) - 1 else text[:-1]
        score -= sum(1 for c in inner if c in _INNER_PUNCTUATION)
    if block.ends_sentence and amid_body:
        score -= 2.5  # amid body, a line ending with ？/！ is a quoted question, not a title
    if ends_with_column_tag(join_wrapped(texts)):
        score += _COLUMN_TAG
    if all(line.heads_columns for line in block.lines):
        score += _HEADS_COLUMNS
    if column > 0:
        for position, line in enumerate(block.lines):
            fits_full = abs(line.width - column) <= 1.0
            fits_indent = position == 0 and abs(line.width - (column - 2)) <= 1.0
            if fits_full or fits_indent:
                score -= 0.75
            elif not _paragraph_end(block, position, column):
                score += 1.5
        if next_block is not None and len(next_block.lines) > 1:
            opening = next_block.first
            if opening.width <= column - SHORT_MARGIN and not opening.ends_sentence:
                score += 1.0  # the next block opens a paragraph
            elif opening.width >= column - 1.0:
                score -= 1.0  # the next block runs on from a cut-off line
    if after_byline:
        score -= 6.0  # a byline is followed by its body in either title position
    return score


# Evidence that a block ending with a column tag in parentheses is a title.
_COLUMN_TAG = 3.0
# Evidence that a block is a title from a layout page's geometry: its lines stand over the
# columns below them, set in from their text farther than a paragraph's indent or centred on
# them (``Line.heads_columns``), as a title stands and no line of a column's text does (on the
# extracted dev pages, 317 lines parted so by the head cut and 101 spanning lines set in were
# titles and subtitles, none body), whatever its words (a question,
# ``商圈如何接住世界杯流量？``, ends as a sentence does).
_HEADS_COLUMNS = 3.0


def _paragraph_end(block: Block, position: int, column: float) -> bool:
    """The line is the short last line of a block whose other lines all fit the column
    (full, or the indented first line): a paragraph wrapped at the body's measure, whose
    last line is short by nature.  Its shortness is no sign of a title's own measure
    (``还是那句话：冬天已到，春天还会`` / ``远吗？`` closing a body of that column)."""
    if position == 0 or position < len(block.lines) - 1:
        return False
    return all(
        abs(line.width - column) <= 1.0 or (index == 0 and abs(line.width - (column - 2)) <= 1.0)
        for index, line in enumerate(block.lines[:-1])
    )


def label_blocks(blocks: Sequence[Block]) -> list[BlockRole]:
    """One :class:`BlockRole` per block."""
    indent = paragraph_indent(page_lines(blocks))
    roles: list[BlockRole | None] = []
    for block in blocks:
        roles.append(_fixed_role(block, indent))
    index = 0
    while index < len(blocks):
        if roles[index] is not None:
            index += 1
            continue
        run = [index]
        scan = index + 1
        while scan < len(blocks) and (roles[scan] is None or blocks[scan].kind == "furniture"):
            if roles[scan] is None:
                run.append(scan)
            scan += 1
        _resolve_run(blocks, roles, run, indent)
        index = scan
    return [role if role is not None else BlockRole("body", "text") for role in roles]


def _fixed_role(block: Block, indent: str | None = None) -> BlockRole | None:
    """``indent``: the paragraph indent the extractor kept on this page, if it kept one.  A
    block opening with exactly that indent is set as a paragraph (a subhead at most); a
    title stands in a box of its own, without it."""
    if block.kind != "text":
        return BlockRole(block.kind, block.rule)
    if indent is not None and leading_space(block.first) == indent:
        return BlockRole("body", "not a title: opens with the paragraph indent")
    last_lines = block.lines[-3:]
    tail = (
        joined_text(last_lines)
        if any(may_hold_photo_credit(line.text) for line in last_lines)
        else ""
    )
    if tail and match_photo_credit(tail) is not None and not _opens_with_credit(block.last, indent):
        return BlockRole("caption", "ends with a photo credit")
    reason = title_candidate_reason(block)
    if reason is not None:
        return BlockRole("body", "not a title: " + reason)
    if block.rule in (
        UNINDENTED_TITLE_RULE,
        SHORT_ENDED_TITLE_RULE,
        UNDER_TITLE_LINE_RULE,
        QUESTION_TITLE_RULE,
        QUOTED_TITLE_RULE,
        WIDE_TITLE_RULE,
        MEASURE_TITLE_RULE,
    ):
        return BlockRole("title", block.rule)
    return None


def _opens_with_credit(line: Line, indent: str | None) -> bool:
    """The line carries the paragraph indent and holds nothing but a credit.

    A photo credit closes its caption on the caption's last line or wraps onto a line of
    its own, never indented; a credit-shaped line set with the paragraph indent opens a
    paragraph (a label such as ``■记者手记``), so the block is body, not a caption."""
    if indent is None or leading_space(line) != indent:
        return False
    return match_credit_alone(line.text) is not None


def _neighbour(
    blocks: Sequence[Block], roles: Sequence[BlockRole | None], start: int, step: int
) -> int | None:
    index = start + step
    while 0 <= index < len(blocks):
        if blocks[index].kind != "furniture":
            return index
        index += step
    return None


# Evidence that a short block opening the page is a title: nothing above runs into it, so
# it opens an item, and an item opens with its title unless its body comes first (then
# the block is a body's first lines, and a body seldom opens with a short closed block).
_OPENS_PAGE = 1.0
def _opens_page_off_column(block: Block, column: float) -> bool:
    """The block opens the page (no 上接 marker) and none of its lines fits the column of
    the body under it, full or indented: not a body's first lines (a body continued from
    the page before runs at its column).  With no body under it to measure, a block of
    three or more lines is measured on its own lines (wrapped at one measure: column
    text, as a title seldom runs that long); a shorter one has nothing that speaks for body.
    """
    if block.opens_continued_part:
        return False
    if column <= 0 and len(block.lines) >= 3:
        column = column_width(block.lines)
    return all(
        abs(line.width - column) > 1.0 and abs(line.width - (column - 2.0)) > 1.0
        for line in block.lines
    )


# Evidence that a short sentence-final block under a body that sets no blank line at its
# paragraph breaks is a title (see ``_breaks_unmarked_above``).
_BOX_END = 2.0
# How far up the body is read, and how many certain paragraph breaks it must show.
_MARKING_LINES = 80
_MARKING_MIN_BREAKS = 3


def _breaks_unmarked_above(
    blocks: Sequence[Block], roles: Sequence[BlockRole | None], index: int
) -> bool:
    """The stretch of body ending at ``blocks[index]`` sets no blank line at any of its
    certain paragraph breaks (a sentence ending short of the column, then more text), and
    shows at least ``_MARKING_MIN_BREAKS`` of them.

    A blank line under such a body after a sentence end is no paragraph break: it ends the
    body's box (or falls where a column ends), and a short sentence-final block standing
    apart under it is more likely a title (a headline after its body, a question kicker)
    than the body's closing paragraph.  The converse does not hold: where the body marks
    every break with a blank, a kicker set apart by a blank looks the same as a closing
    paragraph, so nothing is concluded there."""
    lines: list[Line] = []
    starts: set[int] = set()
    scan = index
    while scan >= 0 and len(lines) < _MARKING_LINES:
        block = blocks[scan]
        role = roles[scan]
        scan -= 1
        if block.kind == "furniture":
            continue
        if role is None or role.role != "body":
            break
        if block.blanks_before:
            starts.add(block.first.number)
        lines[:0] = block.lines
    column = column_width(lines) if len(lines) >= 3 else 0.0
    if column <= 0:
        return False
    certain = marked = 0
    for previous, line in itertools.pairwise(lines):
        if previous.page == line.page and previous.ends_sentence and is_short(previous, column):
            certain += 1
            marked += line.number in starts
    return certain >= _MARKING_MIN_BREAKS and marked == 0


# Evidence that a block opening no paragraph (see ``_opens_no_paragraph``) is a title.
_UNINDENTED_AFTER_CLOSED = 3.0


def _opens_no_paragraph(block: Block, before: Block, indent: str | None) -> bool:
    """On a page that keeps paragraph indents, a block after a sentence closed short of the
    column that does not carry the indent opens no paragraph: every paragraph there opens
    with the indent, and body text goes on unindented only after a full line (a column
    break, or a sentence that ends flush with the column and runs on in the same paragraph).
    Only where the text above shows the indent itself (pages mix boxes set with and
    without)."""
    if indent is None or leading_space(block.first) == indent or not is_closed(before):
        return False
    if not any(leading_space(line) == indent for line in before.lines):
        return False
    column = column_width(before.lines)
    return column > 0 and before.last.width <= column - SHORT_MARGIN


# Evidence that a run between body set in two column widths holds a title.
_COLUMN_CHANGE = 2.0
# How many lines of body each side of a run measure its column.
_COLUMN_CONTEXT = 12


def _changed_column(
    blocks: Sequence[Block],
    roles: Sequence[BlockRole | None],
    before: int | None,
    after: int | None,
) -> float:
    """The column width of the body under the run when the body above it was set in a
    different one, else 0.

    An article keeps its column (a subhead or a column break does not change it), so text
    under a run that runs at another width than the text above it is another article's,
    and the run between them holds its title, unless the run's block is the first piece of
    that text (it fits that column).  The body is read back from ``before`` and on from
    ``after`` (text blocks not yet labelled or labelled body, up to ``_COLUMN_CONTEXT``
    lines each side); too few lines to measure say nothing."""
    if before is None or after is None:
        return 0.0
    above: list[Line] = []
    scan = before
    while scan >= 0 and len(above) < _COLUMN_CONTEXT:
        role = roles[scan]
        if blocks[scan].kind != "furniture":
            if role is None or role.role != "body":
                break
            above[:0] = blocks[scan].lines
        scan -= 1
    under: list[Line] = []
    scan = after
    while scan < len(blocks) and len(under) < _COLUMN_CONTEXT:
        block, role = blocks[scan], roles[scan]
        if block.kind != "furniture":
            if block.kind != "text" or (role is not None and role.role != "body"):
                break
            under.extend(block.lines)
        scan += 1
    under = under[:_COLUMN_CONTEXT]
    if lines_share_column(above[-_COLUMN_CONTEXT:], under):
        return 0.0
    return piece_column(under)


def _fits_column(block: Block, column: float) -> bool:
    """A line of the block fills the column or its indented first-line width."""
    return any(
        abs(line.width - column) <= 1.0 or abs(line.width - (column - 2.0)) <= 1.0
        for line in block.lines
    )


def _stands_over_opening(block: Block, next_block: Block | None, column: float) -> bool:
    """A block that fits the ``column`` under it only at an indented first line's width,
    closing no sentence, over a block that opens a paragraph there (its first line short of
    the column by the indent, with a longer line under it): no first piece of that text, for a
    paragraph's first line runs on into a full line, and a paragraph ends with its sentence
    (``发扬英模精神，助力打赢大上海保卫战`` at 17 em over ``奋战抗疫一线，筑牢防控屏障；剑指违法``
    in a 20-em column)."""
    if next_block is None or len(next_block.lines) < 2 or is_closed(block):
        return False
    last, opening = block.last, next_block.first
    if abs(last.width - column) <= 1.0:
        return False  # a full line may run on into the block under it
    return (
        short_by_indent(opening, column)
        and is_short(opening, column)  # (not a full line squeezing a mark)
        and next_block.lines[1].width > opening.width
    )


# Evidence that the first of two sentence-final blocks in a run is body (see ``_asks_twice``).
_SECOND_SENTENCE_END = 3.0


def _asks_twice(blocks: Sequence[Block], run: Sequence[int]) -> bool:
    """The run's first block ends a sentence (``？``/``！``: a candidate holds no ``。``) and
    so does a later block of the run.

    A title stack asks or exclaims once at most: a kicker may pose the question
    (``成人感染被转运，孩子谁来照顾？``) or the headline exclaim (``不必恐慌，春天临近了！``),
    never both in the corpus's papers.  Of two such blocks under a closed body, the first,
    next to that body, is its closing paragraph (``还是那句话：冬天已到，春天还会远吗？``
    above its own titles on a page that sets titles after the body)."""
    return (
        len(run) >= 2
        and blocks[run[0]].ends_sentence
        and any(blocks[i].ends_sentence for i in run[1:])
    )


# Evidence that a one-line question or exclamation over the rest of a title run is a title:
# in the corpus articles (the reference kit's corpus/articles.jsonl, 113) five titles ask or
# exclaim (``成人感染被转运，孩子谁来照顾？``, ``不必恐慌，春天临近了！``), and one closing
# paragraph of a line or so does (``还是那句话：冬天已到，春天还会远吗？``).
_ASKS_OVER_TITLE = 1.0
# Evidence that such a block is the closing line of the body above (``_closes_body_above``).
_CLOSES_BODY_ABOVE = 2.0


# How much body text (in characters) on either side of a run its words are compared with.
_NEIGHBOUR_TEXT = 400


def _body_text(
    blocks: Sequence[Block], roles: Sequence[BlockRole | None], start: int, step: int
) -> str:
    """Up to ``_NEIGHBOUR_TEXT`` characters of the body blocks from ``start`` on in the
    direction ``step``, stopping at the first block that is not body."""
    texts: list[str] = []
    size = 0
    index = start
    while 0 <= index < len(blocks) and size < _NEIGHBOUR_TEXT:
        role = roles[index]
        if role is None or role.role != "body":
            break
        text = "".join(line.text for line in blocks[index].lines)
        texts.append(text)
        size += len(text)
        index += step
    return "".join(texts if step > 0 else reversed(texts))


def _closes_body_above(
    blocks: Sequence[Block], roles: Sequence[BlockRole | None], run: Sequence[int]
) -> bool:
    """The rest of the run shares its words with the body under it, and its first block
    with the body above: the rest is the next article's title and the first block the
    closing line of the article above (``还是那句话：冬天已到，春天还会远吗？`` over
    ``更高效统筹疫情防控和经济社会发展`` and a report on epidemic control)."""
    above = _body_text(blocks, roles, run[0] - 1, -1)
    below = _body_text(blocks, roles, run[-1] + 1, +1)
    first = "".join(line.text for line in blocks[run[0]].lines)
    rest = "".join(line.text for i in run[1:] for line in blocks[i].lines)
    return _leaning(rest, above, below) > 0 and _leaning(first, above, below) < 0


def _leaning(text: str, above: str, below: str) -> int:
    """Which neighbour ``text`` shares more two-character words with: +1 the text below,
    -1 the text above, 0 neither."""
    pairs = {text[i : i + 2] for i in range(len(text) - 1) if text[i : i + 2].isalnum()}
    shared_above = sum(1 for pair in pairs if pair in above)
    shared_below = sum(1 for pair in pairs if pair in below)
    return (shared_below > shared_above) - (shared_above > shared_below)


def _run_column(
    blocks: Sequence[Block],
    roles: Sequence[BlockRole | None],
    run: Sequence[int],
    before: int | None,
    after: int | None,
) -> float:
    """The column a run's blocks are measured against: that of the body blocks right above
    (``before``) and under the run (``after``, the body going on under it, if any) together,
    or 0 when fewer than three lines measure it.

    Where the run's last block is the first lines of the paragraph under it
    (:func:`.paragraph_openings.opens_paragraph_over`), that paragraph's lines alone measure
    it, when they are enough: the body above may be another article's, set in a wider
    column, and measured against both a narrow column's indented first line fits neither
    width and reads as a title (``瑶海区委组织部副部`` at 9 em over ``长袁乃玉介绍，以各级党``
    in an 11-em column, under a story set at 21 em)."""
    lines: list[Line] = []
    if after is not None and _is_body(roles[after]):
        lines.extend(blocks[after].lines)
        if len(lines) >= 3 and opens_paragraph_over(blocks[run[-1]], blocks[after]):
            return column_width(lines)
    if before is not None and _is_body(roles[before]):
        lines.extend(blocks[before].lines)
    return column_width(lines) if len(lines) >= 3 else 0.0


def _is_body(role: BlockRole | None) -> bool:
    return role is not None and role.role == "body"


def _resolve_run(
    blocks: Sequence[Block], roles: list[BlockRole | None], run: list[int], indent: str | None
) -> None:
    before = _neighbour(blocks, roles, run[0], -1)
    after = _neighbour(blocks, roles, run[-1], +1)
    previous_role = roles[before] if before is not None else None
    previous_open = (
        before is not None
        and previous_role is not None
        and previous_role.role == "body"
        and not is_closed(blocks[before])
    )
    # A byline is followed by its body, unless the run under it stands over a dateline or
    # another byline: that article is credited there, and the byline closes the one above.
    after_byline = (
        previous_role is not None
        and previous_role.role == "byline"
        and not (
            after is not None
            and (blocks[after].opens_with_dateline or blocks[after].kind == "byline")
        )
    )
    next_role = roles[after] if after is not None else None
    next_continues = (
        after is not None
        and next_role is not None
        and (
            (
                next_role.role == "body"
                and not blocks[after].opens_with_dateline
                and not blocks[after].opens_continued_part
            )
            or (next_role.role == "continuation" and has_forward_marker(blocks[after]))
        )
    )
    next_block = blocks[after] if next_continues and after is not None else None
    column = _run_column(blocks, roles, run, before, after if next_continues else None)
    scores = [
        title_score(
            blocks[i],
            column,
            after_byline and position == 0,
            next_block if position == len(run) - 1 else None,
            next_continues,
        )
        for position, i in enumerate(run)
    ]
    if (
        before is not None
        and previous_role is not None
        and previous_role.role == "body"
        and _opens_no_paragraph(blocks[run[0]], blocks[before], indent)
    ):
        scores[0] += _UNINDENTED_AFTER_CLOSED
    if max(scores) <= 0 and next_continues:
        likeliest = scores.index(max(scores))
        under = _changed_column(blocks, roles, before, after)
        if under > 0 and (
            not _fits_column(blocks[run[likeliest]], under)
            or _stands_over_opening(blocks[run[likeliest]], next_block, under)
        ):
            scores[likeliest] += _COLUMN_CHANGE  # the run holds a title: the likeliest block
    if before is None and _opens_page_off_column(blocks[run[0]], column):
        scores[0] += _OPENS_PAGE
    if (
        before is not None
        and previous_role is not None
        and previous_role.role == "body"
        and not previous_open
        and blocks[run[0]].ends_sentence
        and len(blocks[run[0]].lines) <= 2
        and _breaks_unmarked_above(blocks, roles, before)
    ):
        scores[0] += _BOX_END
    if (
        previous_role is not None
        and previous_role.role == "body"
        and not previous_open
        and _asks_twice(blocks, run)
    ):
        scores[0] -= _SECOND_SENTENCE_END
    elif (
        previous_role is not None
        and previous_role.role == "body"
        and not previous_open
        and len(run) >= 2
        and blocks[run[0]].ends_sentence
    ):
        if _closes_body_above(blocks, roles, run):
            scores[0] -= _CLOSES_BODY_ABOVE
        elif len(blocks[run[0]].lines) == 1:
            scores[0] += _ASKS_OVER_TITLE
    title_before = previous_role is not None and previous_role.role == "title"
    # the page end counts as an article's opening: nothing runs on past it
    dateline_after = after is None or (
        blocks[after].opens_with_dateline or blocks[after].kind == "byline"
    )
    # body blocks next to each other share a column: the run's widest line measures it
    # where no body around it does
    measure = column or max(line.width for i in run for line in blocks[i].lines)
    # the text above was cut by a column break: unfinished on a full line that announces
    # nothing (a colon or a lead-in dash closes a lead-in: a list, a clause opens under it)
    cut_above = (
        previous_open
        and before is not None
        and not is_short(blocks[before].last, measure)
        and not blocks[before].last.text.rstrip().endswith(LEADS_IN)
    )
    # a block whose words point at another article's body is no more of the cut sentence
    amid = (
        previous_open
        and before is not None
        and points_elsewhere(blocks, roles, run[0], before, after, next_continues)
    )
    if amid:
        scores[0] += _POINTS_ELSEWHERE
    # a block standing across a sentence cut above it and going on under it (the text under
    # it opens in mid-clause) is no piece of it, whatever its words: a title read there
    across = (
        not amid
        and previous_open
        and before is not None
        and len(run) == 1
        and after is not None
        and next_block is not None
        and stands_across_a_sentence(blocks, run[0], before, after, measure)
    )
    if across:
        amid = True
        scores[0] += _POINTS_ELSEWHERE
    labels = _best_labels(
        [blocks[i] for i in run],
        scores,
        previous_open and not amid,
        next_continues,
        title_before,
        dateline_after,
        body_before=previous_role is not None and previous_role.role == "body",
        stops_short=[_stops_short_unfinished(blocks[i], measure) for i in run],
        cut_short=[
            cut_above
            and _cut_short(blocks[i], measure, position > 0)
            and _blank_under(blocks, run, position, after)
            for position, i in enumerate(run)
        ],
    )
    # a block ending on an opening mark is body going on, whatever its shape and place say
    # (left in the run, not fixed beforehand, so that runs resolved before it see the page
    # as they did)
    labels = [
        label and not ends_on_opening_mark(blocks[i].last.text)
        for label, i in zip(labels, run, strict=True)
    ]
    # titles between a cut sentence and a block that goes on with it, opening on a full
    # line (a paragraph's first line, short by the indent, opens the titles' own body) or
    # in mid-clause (``across``)
    interrupts = all(labels) and (
        across
        or (
            cut_above
            and next_block is not None
            and next_block.first.width > measure - INDENT + INDENT_MARGIN
        )
    )
    for position, i in enumerate(run):
        is_title = labels[position]
        if is_title:
            rule = f"title: short, no sentence end (evidence {scores[position]:+.1f})"
            if not next_continues:
                rule = "title: nothing continues it (next is a new article or page end)"
            elif interrupts:
                rule = INTERRUPTING_TITLE_RULE
            roles[i] = BlockRole("title", rule, interrupts)
        else:
            rule = f"body: shaped like a column fragment (evidence {scores[position]:+.1f})"
            if position == 0 and previous_open:
                rule = "body: continues the sentence of the previous block"
            roles[i] = BlockRole("body", rule)


# Evidence that a block after a cut sentence whose words point at another body is a title
# (:mod:`.amid_titles`): more than any shape speaks for a column fragment.
_POINTS_ELSEWHERE = 5.0


INTERRUPTING_TITLE_RULE = (
    "title: short of the column in mid-sentence, between a cut sentence and its continuation"
)


# Body text that stops in mid-sentence short of its column, with no more body under it,
# breaks the constraint twice over: a column break cuts running text only where a line is
# full, so a sentence cut there may go on anywhere (another column, another page), while a
# short unfinished line is no cut at all.  Such a block is rather title lines wrapped at
# their own measure (``李强：坚定信心、毫不松懈，…更迅速、`` / ``举措要更严密、服务要更周全``
# over another title, after a column break), and the text above it, cut at a full line,
# goes on elsewhere.
_SHORT_UNFINISHED_END = 1.0


# An unfinished body block short of its column, over more body across a blank line: a
# column break cuts running text only where a line is full, so the sentence cannot have
# been cut there.
_SHORT_CUT = 1.0


def _cut_short(block: Block, column: float, may_open_paragraph: bool) -> bool:
    """The block ends in mid-sentence on a line short of the ``column`` (and short of a
    paragraph's indented first line too, where the block may open a paragraph), and holds
    no mark that pauses a running sentence (a title's line, not a layout's odd fragment)."""
    margin = INDENT + SHORT_MARGIN if may_open_paragraph else SHORT_MARGIN
    last = block.last
    return (
        not is_closed(block)
        and not last.spaced_out
        # a closing mark may end the cut sentence's last clause (``可能的”``), and a colon
        # announces the text under it (``比较普遍：``)
        and last.text.rstrip()[-1:] not in _READS_ON_ENDS
        and last.width <= column - margin
        and not any(mark in line.text for line in block.lines for mark in _CUT_SHORT_MARKS)
    )


def _blank_under(
    blocks: Sequence[Block], run: Sequence[int], position: int, after: int | None
) -> bool:
    """A blank line parts the run's block at ``position`` from the block under it."""
    below = run[position + 1] if position + 1 < len(run) else after
    return below is not None and bool(blocks[below].blanks_before)


_CUT_SHORT_MARKS = frozenset("，、；。,;")
_READS_ON_ENDS = frozenset("”’」』）》)：:")


def _stops_short_unfinished(block: Block, column: float) -> bool:
    """The block ends in mid-sentence on a line short of the ``column``.

    A block of enough lines to measure its own column (:func:`.columns.piece_column`) is
    measured by it rather than by ``column``, which where no body around the run tells
    the column is the run's widest line, maybe a title's or a subtitle's set wider than
    the body: a paragraph broken off at the full width of its own lines stops at a column
    break, not short (``…明确方向、稳扎`` over the next article's title and its
    ``——`` subtitle, its ``稳打，…`` read under them)."""
    if is_closed(block):
        return False
    own = piece_column(block.lines)
    return is_short(block.last, min(column, own) if own > 0 else column)


# Cost of a run between a body and a dateline (or byline) left without any title: less
# than a broken constraint (a second dateline may open a paragraph inside one article).
_UNTITLED_BETWEEN = 3.0


# Cost of a stretch of body blocks standing alone between titles (see
# ``_bodies_between_titles``): less than a broken constraint, more than a block's shape says
# for body where no column around the run measures it.
_LONE_BETWEEN_TITLES = 2.0


def _bodies_between_titles(
    labels: Sequence[bool], title_before: bool, dateline_after: bool
) -> int:
    """How many stretches of body blocks (False) stand with a title right over them
    (``labels`` or, at the run's top, ``title_before``) and a title or a dateline right under
    them (``labels`` or, at the run's end, ``dateline_after``).

    A run's blocks are a few short lines each (a title stack's part at most), and a title
    or a dateline opens another article's text: body there would be an article of that
    stretch alone, between its title and the next article's opening (titles over their
    body), or under the last article's title with a title of its own under it (titles
    under their body).  No article is so short; a kicker or a headline that asks or
    exclaims (``不必恐慌，春天临近了！``), or holds a comma, between the titles of a stack,
    stands so, its shape saying nothing where no body around the run measures the column."""
    kinds = [is_title for is_title, _ in itertools.groupby(labels)]  # alternating stretches
    last = len(kinds) - 1
    return sum(
        1
        for place, is_title in enumerate(kinds)
        if not is_title and (place > 0 or title_before) and (place < last or dateline_after)
    )


def _best_labels(
    run: Sequence[Block],
    scores: Sequence[float],
    previous_open: bool,
    next_continues: bool,
    title_before: bool = False,
    dateline_after: bool = False,
    body_before: bool = False,
    stops_short: Sequence[bool] = (),
    cut_short: Sequence[bool] = (),
) -> list[bool]:
    """True = title.  Minimise constraint violations, then maximise agreement with scores.

    Constraints: body text that stops in mid-sentence goes on in the next block; and text
    standing between a title and a dateline is a title (``title_before``: the block before
    the run is one; ``dateline_after``: the block after the run opens with a dateline or is
    a byline, or the run ends the page).  A dateline or a byline opens its article's body,
    so nothing of that body comes before it, and the previous article's body ends above its
    titles or above the titles it shares a column with: between a title and a dateline (or
    byline) only more title lines stand (a kicker over a headline set as separate boxes).
    So at the page end: a short block under a title there would be a whole article's body
    (titles over their body) or a piece of body left without a title (titles under it),
    while a kicker set in a box under its headline ends the page often.

    An unfinished body block whose last line stops short of the column (``stops_short``)
    breaks the first constraint twice (``_SHORT_UNFINISHED_END``); under a sentence cut by
    a column break, one short of the column in mid-sentence with body going on under it
    across a blank line (``cut_short``) breaks it too (``_SHORT_CUT``): a column break
    cuts running text only on a full line, so it is a title the extractor read between
    the cut sentence and its continuation, not more of that sentence.

    A run between body text (``body_before``) and a dateline or byline that holds an
    unfinished line is better not left without a title (``_UNTITLED_BETWEEN``): where
    titles stand over their body the article opening there has its title in the run, and
    where they stand under it the article above has; either way the run holds one, unless
    the dateline is a second one inside an article.  (A run of closed blocks only may be
    the body's closing paragraphs on a page that marks its breaks with blank lines; with
    an unfinished line, body would be a sentence cut by a column break right above the
    next article.)"""
    if len(run) > _MAX_EXACT_RUN:
        return [s > 0 for s in scores]
    best: tuple[float, list[bool]] | None = None
    for combo in itertools.product((False, True), repeat=len(run)):
        labels = list(combo)
        violations = 0.0
        if previous_open and labels[0]:
            violations += 1
        for position, is_title in enumerate(labels):
            if is_title or is_closed(run[position]):
                continue
            follower_is_body = (
                not labels[position + 1] if position + 1 < len(labels) else next_continues
            )
            short = position < len(stops_short) and stops_short[position]
            if not follower_is_body:
                violations += 1
                if short:
                    violations += _SHORT_UNFINISHED_END
            elif position < len(cut_short) and cut_short[position]:
                violations += _SHORT_CUT
        if dateline_after and not labels[-1]:
            before_last = labels[-2] if len(labels) > 1 else title_before
            violations += int(before_last)
        cost = 0.0
        cost += _LONE_BETWEEN_TITLES * _bodies_between_titles(labels, title_before, dateline_after)
        if dateline_after and body_before and not any(labels) and not all(map(is_closed, run)):
            cost += _UNTITLED_BETWEEN
        agreement = sum(s if t else -s for s, t in zip(scores, labels, strict=True))
        cost += violations * _VIOLATION - agreement
        if best is None or cost < best[0]:
            best = (cost, labels)
    assert best is not None
    return best[1]
