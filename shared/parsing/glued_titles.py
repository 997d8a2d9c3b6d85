"""Title lines extracted into a body block without a blank line, split off.

Body text never stops in mid-sentence before a new article, so unfinished lines closing a
block after a finished sentence are title lines (:func:`split_trailing_titles`); a page's
first block may open with its item's title lines (:func:`page_top_title_run`), and so may
a block under a kicker, a photo's caption or a title block.  On pages
with neither blank lines nor indents, title lines glued into the body (after a closed
sentence, free of sentence punctuation) are split off when the text on their two sides
speaks of different things or is set in different column widths
(:func:`split_glued_titles`); a subhead glued the same way stays in its text.  A line far
wider than the column above it breaks out of that column (a caption, a text box, a title).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence

from shared.parsing.block import Block
from shared.parsing.bylines import is_byline_line
from shared.parsing.columns import (
    COLUMN_WINDOW,
    INDENT,
    INDENT_MARGIN,
    MIN_MEASURED_LINES,
    SAME_WIDTH,
    SHORT_MARGIN,
    SQUEEZED_AT_LINE_END,
    at_body_measure,
    column_width,
    lines_share_column,
    lines_share_measure,
)
from shared.parsing.indentation import leading_space
from shared.parsing.lines import Line, joined_text, opens_interview_turn
from shared.parsing.off_measure_titles import off_measure_title_start, question_over_titles
from shared.parsing.paragraphs import full_but_for_pull_down
from shared.parsing.photo_credits import match_photo_credit
from shared.parsing.text_ends import (
    CLOSING_QUOTES,
    FULL_STOPS,
    LEADS_IN,
    MAX_NOTE_LINES,
    asks_or_exclaims,
    closes_text,
    unclosed_parenthesis,
)
from shared.parsing.title_measures import measure_title_line, squeeze_allowance
from shared.parsing.title_roles import is_subtitle
from shared.parsing.topic import FAR_TOPIC_SIMILARITY, lines_share_topic, tells_topic

# At most this many lines at the end of a text block can be split off as title lines.
MAX_TRAILING_TITLE_LINES = 4


def split_trailing_titles(
    blocks: list[Block], indent: str | None = None, nothing_apart: bool = False
) -> list[Block]:
    """Split title lines off the body block they were extracted into without a blank line
    (``nothing_apart``: on a page that sets no blank line anywhere, see
    :func:`split_glued_titles`).

    Body text never stops in mid-sentence before a new article (a dateline, a byline) or
    the page end, so unfinished lines closing a block right after a finished sentence are
    title lines (after-layout: the title under its body; before-layout: the title over the
    next article).
    """
    out: list[Block] = []
    # The non-furniture blocks after each block, as a suffix of one list (``later`` built
    # once per page, not once per block), and whether only furniture was put out so far
    # (``out`` only ever grows, so once it holds another kind it always does).
    others = [b for b in blocks if b.kind != "furniture"]
    others_up_to = list(itertools.accumulate(int(b.kind != "furniture") for b in blocks))
    only_furniture_out = True
    for index, block in enumerate(blocks):
        later = others[others_up_to[index] :]
        follower = later[0] if later else None
        only_furniture_out = only_furniture_out and all(b.kind == "furniture" for b in out)
        lead_in = _lead_in(out)
        opens_item = only_furniture_out or lead_in or _closes_a_photo(out) or _under_title(out)
        head = page_top_title_run(block) if opens_item else 0
        # a run ending full over a paragraph's first line is a title by its measure
        rule = MEASURE_TITLE_RULE if _ends_full_over_first_line(block, head) else TITLE_SPLIT_RULE
        if not opens_item and _under_one_line_title(out, block):
            head = page_top_title_run(block)
            # none of the lines at the body's measure: a subhead set apart has a paragraph
            # under it, opening on its indented first line
            head = head if _apart_from_body(block.lines, head) else 0
            rule = UNDER_TITLE_LINE_RULE
        if not head and lead_in:
            head = _announced_headline(out[-1], block)
            if head and block.kind == "text" and _announced_quotation(block.lines):
                rule = QUOTED_TITLE_RULE
        if head:
            head = with_closing_rest(block.lines, head)
            out.append(Block(block.kind, block.lines[:head], rule, block.blanks_before))
            block = Block(block.kind, block.lines[head:], "body after title lines split off")
        text_above = bool(out) and out[-1].kind == "text"
        closed_above = text_above and (closes_text(out[-1].last) or is_split_title(out[-1]))
        # the titles of another article glued on top of the block (found once: how many
        # lines, and by which rule)
        head, rule = (
            _foreign_title_run(
                block,
                functools.partial(_text_before, out),
                later,
                functools.partial(_opening_title_run, nothing_apart=nothing_apart),
            )
            if closed_above
            else (0, "")
        )
        if (
            not head
            and text_above
            and block.blanks_before
            # text ending in a colon announces what follows it (a list, a cited clause)
            and not out[-1].last.text.rstrip().endswith(("：", ":"))
        ):
            head, rule = _foreign_title_run(
                block,
                functools.partial(_text_before, out),
                later,
                _measured_title_run,
            )
        if head:
            head = with_closing_rest(block.lines, head)
            out.append(Block(block.kind, block.lines[:head], rule, block.blanks_before))
            block = Block(block.kind, block.lines[head:], "body after title lines split off")
        opens_next = follower is not None and _opens_article(follower)
        anchor_follows = (
            follower is None
            or opens_next
            or (follower.kind == "text" and follower.opens_continued_part)
            or _title_shaped(follower)
            or _question_title_before_article(follower, later[1:2])
            or _breaks_out_of_column(follower.first, block)
            or (
                indent is not None
                and follower.kind == "text"
                and not follower.blanks_before
                and leading_space(follower.first) == indent
            )
        )
        cut = _trailing_title_start(block, opens_next) if block.kind == "text" else None
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
        # a question headline closing the block over an article's opening, or over text set
        # far wider than the block's column (which no line of that column runs into)
        if (
            cut is None
            and block.kind == "text"
            and (
                _article_after_titles(later)
                or (follower is not None and _breaks_out_of_column(follower.first, block))
            )
        ):
            cut = trailing_question_title(block)
        if block.kind == "text" and opens_next:
            # titles with commas or ending ？/！ above the lines split so far (if any)
            start = off_measure_title_start(block.lines)
            cut = start if start is not None and (cut is None or start < cut) else cut
            if cut is not None and question_over_titles(block.lines, cut):
                cut -= 1  # a kicker that asks, over the titles split off
        earlier = functools.partial(_text_before, out)
        if cut is None:
            out.extend(split_glued_titles(block, earlier, later, nothing_apart))
            continue
        out.extend(
            split_glued_titles(
                Block(block.kind, block.lines[:cut], block.rule, block.blanks_before),
                earlier,
                nothing_apart=nothing_apart,
            )
        )
        rule = UNINDENTED_TITLE_RULE if unindented else TITLE_SPLIT_RULE
        out.append(Block(block.kind, block.lines[cut:], rule))
    return out


def with_closing_rest(lines: Sequence[Line], head: int) -> int:
    """``head`` title lines opening ``lines``, and the line under them when they leave a
    bracket or a quotation open and that line, holding no sentence punctuation inside,
    closes it (``“五朵金花”绽放一线（向奋战在`` / ``一线的医务人员致敬）``): a title never
    leaves one open, so the line closing it is the title's wrapped rest, not the body's
    first line."""
    if head >= len(lines) - 1:
        return head
    text = joined_text(lines[:head])
    rest = lines[head].text
    for opener, closer in (("（", "）"), ("“", "”")):
        if (
            text.count(opener) > text.count(closer)
            and rest.count(closer) > rest.count(opener)
            and rest.rstrip().endswith(closer)
            and _SENTENCE_INNER_MARKS.isdisjoint(rest)
        ):
            return head + 1
    return head


def page_top_title_run(block: Block) -> int:
    """How many lines opening the page's first text block are title lines glued to their
    body (0: none).

    Nothing on the page stands above the first block to run into it, so unless it carries
    a 上接 marker its first lines open an item: title-shaped lines (:func:`_glued_title_run`,
    without a paragraph's first line) that neither fill the column of the body under them
    nor sit at its indented first-line width are set at a title's own measure, not the
    body's.  A body's first line fits the column one way or the other: the run stops at the
    first line after the first that does (:func:`_trim_at_body_measure`), before the run is
    weighed against the lines left in the block (a column break may follow soon).  A run
    with a line at the body's measure by chance (``金刚石散热：“概念炒`` / ``作”还是“量产前夜”``,
    10 em over a 12-em column) or with commas is a title still when it ends short over a
    paragraph's first line (:func:`_short_ended_title_run`), or ends on a full line over
    one (``金刚石散热：“概念炒作”还是“量产前夜”``, 20 em over an 18-em first line:
    :func:`_full_over_first_line`)."""
    if block.kind != "text" or block.opens_with_dateline or block.opens_continued_part:
        return 0
    lines = block.lines
    head = _trim_at_body_measure(lines, _body_first_line_out(lines, 0, _glued_title_run(lines, 0)))
    if head and _apart_from_body(lines, head):
        return head
    # a headline with commas, or one at the body's measure by chance, ending short over a
    # paragraph's first line; not in a photo's caption (its credit closes the block),
    # which runs at its own measure
    tail = " ".join(line.text for line in lines[-MAX_NOTE_LINES:])
    if match_photo_credit(tail) is not None:
        return 0
    if not head:
        return _short_ended_title_run(lines, opens_item=True)
    column = _plain_column(lines[head:])
    return _short_ended_title_run(lines, column, opens_item=True) if column > 0 else 0


def _plain_column(lines: Sequence[Line]) -> float:
    """The column measured on the lines that end in a character (0: fewer than
    ``MIN_MEASURED_LINES`` do).  The line-start rule squeezes a closing mark onto a full
    line, so in a short block the lines ending in one may make the column look wider than
    it is, and its full lines short of it; title-shaped lines at the body's measure are
    weighed against the column those lines do not stretch."""
    plain = [
        line
        for line in lines
        if line.measures_column and line.text[-1:] not in SQUEEZED_AT_LINE_END
    ]
    return column_width(plain) if len(plain) >= MIN_MEASURED_LINES else 0.0


def _apart_from_body(lines: Sequence[Line], head: int) -> bool:
    """The ``head`` lines opening ``lines`` leave enough lines to measure the column under
    them, and none of them is at that column's measure (full, or an indented first line)."""
    if not 0 < head <= len(lines) - MIN_MEASURED_LINES:
        return False
    column = column_width([line for line in lines[head:] if line.measures_column])
    return column > 0 and not any(at_body_measure(line, column) for line in lines[:head])


def _under_title(out: Sequence[Block]) -> bool:
    """The block put out last is a title: two to ``MAX_TRAILING_TITLE_LINES``
    title-shaped lines (:func:`_plain_title_line`) wrapped at their own measure, the last
    shorter than the one above it (``韩正出席达沃斯世界经`` / ``济论坛2020年年会并致`` /
    ``辞``).  Running text cut by a column break ends at the full column, and a paragraph
    ends with a sentence: such a block is no text that runs on into the next, which opens
    an item under it, with its own title lines first if it has any (as a page's first
    block does)."""
    if not out or out[-1].kind != "text":
        return False
    lines = out[-1].lines
    return (
        2 <= len(lines) <= MAX_TRAILING_TITLE_LINES
        and all(_plain_title_line(line) for line in lines)
        and lines[-1].width < lines[-2].width - SHORT_MARGIN
    )


def _under_one_line_title(out: Sequence[Block], block: Block) -> bool:
    """The block put out last is one line set apart, over ``block`` after a blank line: a
    line ending no sentence and holding no full stop (a headline may part its phrases with
    a comma: ``安徽合肥瑶海区加强基层党建，引领社会治理``), with no marker or byline, at the page
    top (only furniture above it) or after a blank line under text that closed a sentence
    (or under title lines split off).  Text does not stop short in mid-sentence and go on
    after a blank line under a finished sentence: the line is a title, and the block
    under it opens an item, its own title lines first as a page's first block does (the
    headline ``抖抖问题清单 找找资源清单`` glued over its body under that kicker), when none
    of them is at the body's measure (a subhead set apart so has a paragraph under it, its
    indented first line at the body's measure).  Text cut by a column break (a line in
    mid-sentence under another in mid-sentence) is not set apart so."""
    if not out or out[-1].kind != "text" or len(out[-1].lines) != 1 or not block.blanks_before:
        return False
    line = out[-1].lines[0]
    if (
        line.ends_sentence
        or not FULL_STOPS.isdisjoint(line.text)
        or line.continuations
        or is_byline_line(line.text)
    ):
        return False
    if all(b.kind == "furniture" for b in out[:-1]):
        return True
    above = out[-2]
    return (
        bool(out[-1].blanks_before)
        and above.kind == "text"
        and (closes_text(above.last) or is_split_title(above))
    )


# A kicker set apart (``陆军军医大学护士——``) is a line or two at most.
MAX_LEAD_IN_LINES = 2


def _lead_in(out: Sequence[Block]) -> bool:
    """The block put out last is a kicker set apart by itself: a line or two ending as a
    lead-in ends (``——``, ``：``) with no full stop.  A kicker announces its headline, so
    the block under it opens with that headline as a page's first block opens with its
    item's title (:func:`page_top_title_run`), though the extractor glued the body under
    it (``“五朵金花”绽放一线（向奋战在一线的医务人员致`` / ``敬）`` over the first paragraph)."""
    if not out or out[-1].kind != "text" or len(out[-1].lines) > MAX_LEAD_IN_LINES:
        return False
    text = joined_text(out[-1].lines).rstrip()
    return text.endswith(LEADS_IN) and "。" not in text


def _announced_headline(kicker: Block, block: Block) -> int:
    """How many lines opening the block are the headline that the ``kicker`` set apart
    above it (:func:`_lead_in`) announces (0: none).  A kicker ending with ``——``
    (``陆军军医大学护士——``) announces the line after it: the block's first line, free of
    sentence marks and unfinished, is that headline glued over the body whatever its width
    (``“五朵金花”绽放一线（向奋战在一线的医务``), and so are the lines under it that wrap it at
    its own, narrower measure (``人员致敬）``)."""
    if not joined_text(kicker.lines).rstrip().endswith("——"):
        return 0
    if block.kind != "text" or block.opens_with_dateline:
        return 0
    lines = block.lines
    if _announced_quotation(lines):
        return 1
    head = 0
    while (
        head < MAX_TRAILING_TITLE_LINES
        and len(lines) - head > MIN_MEASURED_LINES
        and _plain_title_line(lines[head])
        and (head == 0 or lines[head].width < lines[head - 1].width - SHORT_MARGIN)
    ):
        head += 1
    return head


def _announced_quotation(lines: Sequence[Line]) -> bool:
    """The first of ``lines`` is a whole quotation on a line of its own (``“有你们来，才有我们
    的今天！”``: its one closing quote ends it), set at its own measure (short of the column
    the lines under it measure, or past it by more than the marks squeezed into a body
    line), over a paragraph's indented first line: a headline that quotes, which the
    kicker's dash announces (body text under a dash would run on from it, not open with
    a quotation closed off the column's measure)."""
    if len(lines) <= MIN_MEASURED_LINES + 1:
        return False
    first, under = lines[0], lines[1]
    text = first.text.strip()
    if not (text.startswith("“") and text.endswith("”") and text.count("”") == 1):
        return False
    column = column_width([line for line in lines[1:] if line.measures_column])
    own_measure = first.width <= column - SHORT_MARGIN or first.width > column + (
        squeeze_allowance(first)
    )
    return column > 0 and own_measure and abs(under.width - (column - INDENT)) <= INDENT_MARGIN


def _plain_title_line(line: Line) -> bool:
    """Unfinished, free of sentence marks, carrying no marker and no byline."""
    return (
        not line.ends_sentence
        and _SENTENCE_INNER_MARKS.isdisjoint(line.text)
        and not line.continuations
        and not is_byline_line(line.text)
    )


def _closes_a_photo(out: Sequence[Block]) -> bool:
    """The block put out last is a photo's caption, closed by its credit (``■ 本报记者 …``,
    ``（… 摄）``) and set apart: a photo is an item of its own, so the block under it opens
    another item, with its title lines first as at the page top."""
    if not out or out[-1].kind != "text":
        return False
    tail = " ".join(line.text for line in out[-1].lines[-MAX_NOTE_LINES:])
    return match_photo_credit(tail) is not None


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


# Punctuation inside a running sentence; a title holds none of it.
_SENTENCE_INNER_MARKS = frozenset("，。、；,;")


def _glued_title_run(lines: Sequence[Line], start: int, nothing_apart: bool = False) -> int:
    """The end of a run of title-shaped lines at ``start`` (unfinished, free of sentence
    punctuation, at most ``MAX_TRAILING_TITLE_LINES``), or ``start`` when there is none.
    On a page that sets no blank line anywhere (``nothing_apart``) the run stops over a
    line that opens a sentence going on under it (:func:`_opens_sentence_under`); where
    blank lines part blocks that was not borne out on every page (pdftotext's plain text),
    so it stays with the pages it was measured on."""
    end = start
    while (
        end < len(lines)
        and end - start < MAX_TRAILING_TITLE_LINES
        and not lines[end].ends_sentence
        and not lines[end].spaced_out
        and _SENTENCE_INNER_MARKS.isdisjoint(lines[end].text)
        and not is_byline_line(lines[end].text)
        and not lines[end].continuations
    ):
        end += 1
    if start < end < len(lines) and _introduced_headline(lines, end):
        end += 1
    if (
        nothing_apart
        and start < end < len(lines)
        and _opens_sentence_under(lines[start:end], lines[end])
    ):
        end -= 1
    return end


def _opens_sentence_under(run: Sequence[Line], under: Line) -> bool:
    """The run's lines leave a quotation or bracket open that the line ``under`` them closes
    and then goes on past with a sentence's marks (``A股指数体系将批量“焕`` over ``新”。根据
    中证指数…``): a title never leaves one open for its body to close (the rest of a title
    wrapped closes it and nothing more: :func:`with_closing_rest`), so the run's last line
    opens the sentence that goes on under it, the body's first line."""
    text = joined_text(run)
    rest = under.text
    return any(
        text.count(opener) > text.count(closer)
        and rest.count(closer) > rest.count(opener)
        and not _SENTENCE_INNER_MARKS.isdisjoint(rest[rest.find(closer) :])
        for opener, closer in (("（", "）"), ("“", "”"))
    )


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


def _body_first_line_out(
    lines: Sequence[Line],
    start: int,
    end: int,
    measured: Sequence[Line] | None = None,
    from_start: bool = False,
) -> int:
    """The end of a glued title run without its last line when that line is body: a line
    filling the column whose sentence ends in the short line under it (a question wrapped
    as ``这给管理和运营上带来哪些困难和`` / ``挑战？``); or the run cut above a paragraph's
    first line, as wide as an indented first line with a full running line under it, at the
    run's end or inside it, and with ``from_start`` (a run glued inside a body, under a
    closed sentence) at its start too, leaving no run (``沪剧经典剧目《大雷雨》的播`` over
    ``出，让戏迷对…``: a paragraph's opening, whatever the topics on its two sides) (a
    first line and the line under it that hold no punctuation read
    as title lines too: ``将心比心 和群众以心换`` / ``心`` / ``嘉定区江桥镇信访办主`` /
    ``任唐月华从4月4日起就奋战``, and a title never holds a paragraph's opening).  A
    headline wraps at its own measure, seldom exactly at the column's.  A first line without
    any sentence punctuation is common (a third of the corpus's paragraphs hold none in their
    first 11 characters).
    The column is measured on the whole block, or on ``measured`` where given.  No run
    (``end`` at ``start``) has no line to give back."""
    if end <= start or end >= len(lines):
        return end
    measured = lines if measured is None else measured
    column = column_width([line for line in measured if line.measures_column])
    last, under = lines[end - 1], lines[end]
    if (
        abs(last.width - column) <= SAME_WIDTH
        and not last.ends_sentence
        and under.ends_sentence
        and under.width < column - SHORT_MARGIN
    ):
        return end - 1  # a running line filling the column, its sentence ending under it
    for index in range(start if from_start else start + 1, end):
        line, below = lines[index], lines[index + 1]
        first_line = column - INDENT - INDENT_MARGIN <= line.width <= column - INDENT_MARGIN
        if first_line and not below.spaced_out and _runs_full(lines, index + 1, column):
            return index
    return end


# The width (em) of the one character the line-start rule takes down.
TAKEN_DOWN_CHARACTER = 1.0


def _runs_full(lines: Sequence[Line], index: int, column: float) -> bool:
    """``lines[index]`` is a full running line: it fills the column, or falls short of it
    by the one character the line-start rule took down onto the line under it with the
    mark after it (:func:`.paragraphs.full_but_for_pull_down`: ``引发数学界关注的研究进``
    over ``展：其人工智能…``).  The character went down because the mark after it had
    no room, so the line lost that character alone: a line two ems short is more likely
    set in a narrower measure than the column's."""
    line = lines[index]
    if line.width >= column - SAME_WIDTH:
        return True
    return (
        index + 1 < len(lines)
        and column - line.width <= TAKEN_DOWN_CHARACTER + SAME_WIDTH
        and full_but_for_pull_down(line, lines[index + 1], column)
    )


TITLE_SPLIT_RULE = "title lines split off the body"
# Split off by indent geometry (:func:`unindented_after_closed_short`): cannot be body.
UNINDENTED_TITLE_RULE = "title lines split off the body: unindented after a closed short line"


# Split off as a short-ended run over another text (:func:`_short_ended_title_run`): a
# title, though it may hold commas.
SHORT_ENDED_TITLE_RULE = "title lines split off the body: short-ended, over another text"


# Split off as a page's first block's titles are, under a title line set apart
# (:func:`_under_one_line_title`): the headline under its kicker, glued over its body.
UNDER_TITLE_LINE_RULE = "title lines split off the body: under a title line set apart"


# Split off as a headline that asks or exclaims (:func:`_question_title_shaped`) opening a
# block over another text: a title, though it ends with a sentence mark.
QUESTION_TITLE_RULE = "title lines split off the body: a question over another text"


# Split off as a whole quotation on a line of its own under a kicker's dash
# (:func:`_announced_quotation`): a headline that quotes, though it ends a sentence.
QUOTED_TITLE_RULE = "title lines split off the body: a quotation announced by a kicker's dash"


# Split off as a run opening with a line far wider than the column under it
# (:func:`_wide_title_run`): set across the column, a title whatever it holds.
WIDE_TITLE_RULE = "title lines split off the body: wider than the column under them"


# Split off as a line past the body's column, or filling it over a paragraph's first line
# (:func:`.title_measures.measure_title_line`).
MEASURE_TITLE_RULE = "title lines split off the body: past the column, or full over a first line"


def is_split_title(block: Block) -> bool:
    return block.rule in (
        TITLE_SPLIT_RULE,
        UNINDENTED_TITLE_RULE,
        SHORT_ENDED_TITLE_RULE,
        UNDER_TITLE_LINE_RULE,
        QUESTION_TITLE_RULE,
        QUOTED_TITLE_RULE,
        WIDE_TITLE_RULE,
        MEASURE_TITLE_RULE,
    )


def _opens_with_foreign_titles(
    block: Block | None, before: Callable[[], list[Line]], later: Sequence[Block]
) -> bool:
    """The block opens with title-shaped lines over body text (its own, then ``later``
    blocks') that speaks of something other than ``before()`` (the text above it): the
    titles of another article."""
    return _foreign_title_run(block, before, later)[0] > 0


def _foreign_title_run(
    block: Block | None,
    before: Callable[[], list[Line]],
    later: Sequence[Block],
    find: Callable[[Sequence[Line]], tuple[int, str]] | None = None,
) -> tuple[int, str]:
    """How many lines open the block as another article's titles
    (:func:`_opens_with_foreign_titles`) and the rule that split them off, or ``(0, "")``;
    ``find`` finds the title lines (by default :func:`_opening_title_run`).

    A title line told by its measure (:data:`MEASURE_TITLE_RULE`: past the column under it,
    or full in mid-sentence over a paragraph's indented first line) is no line of that
    column by its shape alone; the topic only vetoes it when the text above is long enough
    to tell one and shares it.  Text above too short to tell (a few lines broken off by a
    column break: ``本报北京1月4日电（记者`` … ``准，中央纪委国家监委对全国`` over
    ``复工复产人员可以通过公交通勤``, 14 em over a 13-em column) gives no evidence against the
    shape."""
    if block is None or block.kind != "text" or block.opens_with_dateline:
        return 0, ""
    head, rule = (find or _opening_title_run)(block.lines)
    if not 0 < head < len(block.lines):
        return 0, ""
    above = before()
    if rule == MEASURE_TITLE_RULE and not tells_topic(above):
        return head, rule
    after = [*block.lines[head:], *_text_after(later)][:CONTEXT_LINES]
    if rule == SHORT_ENDED_TITLE_RULE and not lines_share_measure(
        above[-COLUMN_WINDOW:], after[:COLUMN_WINDOW]
    ):
        return head, rule  # an article keeps its column: the text under is another's
    return (0, "") if lines_share_topic(above, after) else (head, rule)


def _measured_title_run(lines: Sequence[Line]) -> tuple[int, str]:
    """The title lines opening a block told by their measure over a paragraph's first line
    (:func:`_short_ended_title_run`, :func:`.title_measures.measure_title_line`), and the
    rule; the only ones asked after a blank line under text left in mid-sentence (the rest
    of that text set elsewhere on the page): a run told by its lack of punctuation alone
    may be the sentence going on."""
    head = _short_ended_title_run(lines)
    if head:
        return head, SHORT_ENDED_TITLE_RULE
    return measure_title_line(lines), MEASURE_TITLE_RULE


def _opening_title_run(lines: Sequence[Line], nothing_apart: bool = False) -> tuple[int, str]:
    """The end of the title lines opening a block (0: none) and the rule that finds them:
    a run of title-shaped lines (:func:`_glued_title_run`; ``nothing_apart``: on a page
    that sets no blank line anywhere), else a headline that asks or
    exclaims (:func:`_question_title_shaped`: a title may end with ？ or ！), else a
    short-ended title run (:func:`_short_ended_title_run`).  The caller asks that the text
    under them speak of something other than the text above."""
    run = _glued_title_run(lines, 0, nothing_apart)
    head = _body_first_line_out(lines, 0, _trim_at_body_measure(lines, run))
    if head:
        return head, TITLE_SPLIT_RULE
    if len(lines) > 1 and _question_title_shaped(lines[0]):
        return 1, QUESTION_TITLE_RULE
    head = _wide_title_run(lines)
    if head:
        return head, WIDE_TITLE_RULE
    return _measured_title_run(lines)


def _wide_title_run(lines: Sequence[Line]) -> int:
    """The end of a run of title lines opening a block with a line far wider than the
    column of the lines under it (0: none).

    No line of a column is wider than it by more than the closing marks squeezed onto its
    end (``CAPTION_MARGIN``): a first line that much wider is set across the column, as a
    title is, or is two side-by-side titles the extractor merged on one baseline
    (``商圈如何接住世界杯流 发扬英模精神，助力打``), whatever punctuation it holds.  The lines
    under it stopping short of the column are the titles' rest, at their own measure
    (``量？``, ``赢大上海保卫战``), up to the body's first line: a paragraph's, short of the
    running line under it by the indent.  Not a photo's caption (its credit closes it)."""
    measured = [line for line in lines[1:] if line.measures_column]
    if len(measured) < MIN_MEASURED_LINES:
        return 0
    column = column_width(measured)
    first = lines[0]
    if (
        column <= 0
        or first.width <= column + CAPTION_MARGIN
        or first.spaced_out
        or not first.measures_column
    ):
        return 0
    for end in range(1, min(MAX_TRAILING_TITLE_LINES, len(lines) - MIN_MEASURED_LINES) + 1):
        run = lines[:end]
        if any(line.continuations or is_byline_line(line.text) for line in run):
            return 0
        if match_photo_credit(" ".join(line.text for line in run)) is not None:
            return 0
        line, under = lines[end], lines[end + 1]
        if abs(line.width - (column - INDENT)) <= INDENT_MARGIN:
            full_under = under.width >= line.width + INDENT - INDENT_MARGIN
            return end if full_under or line.ends_sentence else 0
        if line.width > column - SHORT_MARGIN:
            return 0
    return 0


def _trim_at_body_measure(lines: Sequence[Line], head: int) -> int:
    """A run of title-shaped lines opening ``lines`` cut at its first line after the first
    that is at the body's measure (full, or the indented first line; the column measured
    on the whole block): a body's opening lines may hold no sentence punctuation
    (``OpenAI日前公布了一项引`` under ``AI正深度融入数学研究核心环节``), but a title set at its
    own measure seldom wraps exactly at the body's.  Not when the first line is itself at
    the body's measure (then the run may be body throughout), unless a line stopping short
    ends it over a paragraph's first line (:func:`_opens_after_short`); nor under a lead-in
    (``…——``, which announces a headline of any width)."""
    if head < 2:
        return head
    column = column_width([line for line in lines if line.measures_column])
    if column <= 0:
        return head
    first_at_measure = at_body_measure(lines[0], column)
    for index in range(1, head):
        if lines[index - 1].text.rstrip().endswith(("——", "：", ":")):
            return head
        if not first_at_measure and at_body_measure(lines[index], column):
            return index
        if _opens_after_short(lines, index, column):
            return index
    return head


def _opens_after_short(lines: Sequence[Line], index: int, column: float) -> bool:
    """``lines[index]`` is a paragraph's first line (as wide as the indented first line)
    under a line stopping shorter still, unfinished: running text never stops short of its
    column in mid-sentence and goes on, so the short line ends a title (``AI正深度融入数学研究``
    / ``核心环节`` over ``OpenAI日前公布了一项``), even one whose first line happens to be as
    wide as the body's first line."""
    above, line = lines[index - 1], lines[index]
    return (
        not above.ends_sentence
        and above.width < column - INDENT - INDENT_MARGIN
        and abs(line.width - (column - INDENT)) <= INDENT_MARGIN
    )


# A headline may part its phrases with a comma or a slight pause (``下楼做核酸，129人忘带钥匙``:
# 12 of the corpus's 113 headlines hold a comma); a full stop or a semicolon ends a sentence
# (:data:`.text_ends.FULL_STOPS`).


def _short_ended_title_run(
    lines: Sequence[Line], column: float = 0.0, opens_item: bool = False
) -> int:
    """The end of a run of at most ``MAX_TRAILING_TITLE_LINES`` unfinished lines opening a
    block whose last line stops short of the column and is followed by a line that opens a
    paragraph (as wide as the indented first line), or 0.

    Running text never stops short of its column in mid-sentence and then goes on in the
    same block: a short unfinished line over more text ends a paragraph of its own, a
    subhead or a title.  So commas may stand in these lines (a headline's phrases), where
    :func:`_glued_title_run` allows none; the caller still asks that the text under the
    run speak of something other than the text above (a subhead shares its article's
    topic).  The line under the run must be a paragraph's first line, short of the column
    by the indent: a body paragraph's own first line (short by the indent, unfinished) has a
    full line under it, and a short line closing a paragraph (``…可分为“四大板块”：``) is
    not shaped like one.  A headline set in larger type wraps at its own measure, narrower
    than the column: its first line already stops short, the rest of it no wider under it,
    and the paragraph's first line comes after that.  ``column``: the body's column when
    the caller measured it, else measured on the block.  ``opens_item``: the block opens
    an item, so a run ending on a full line over a paragraph's first line is a title too
    (:func:`_full_over_first_line`)."""
    measured = [line for line in lines if line.measures_column]
    if len(measured) < MIN_MEASURED_LINES:
        return 0
    column = column or column_width(measured)
    for end in range(1, min(MAX_TRAILING_TITLE_LINES, len(lines) - 1) + 1):
        line = lines[end - 1]
        if (
            line.ends_sentence
            or line.spaced_out
            or not FULL_STOPS.isdisjoint(line.text)
            or is_byline_line(line.text)
            or line.continuations
            or not line.measures_column
        ):
            return 0
        if opens_item and _full_over_first_line(lines, end, column):
            return end
        if line.width <= column - SHORT_MARGIN:
            under = lines[end]
            following = lines[end + 1] if end + 1 < len(lines) else None
            opens_paragraph = abs(under.width - (column - INDENT)) <= INDENT_MARGIN and (
                # a first line is short of the running line under it by the indent (the
                # column measured on a few lines may come out wide by a squeezed mark)
                following is None or under.width < following.width - INDENT + INDENT_MARGIN
            )
            # a line short of the full line under it by just the indent opens a paragraph;
            # but the line under it is a first line itself where a running line follows it
            # wider by the indent (``opens_paragraph``), and a first line never stands over
            # another: only with nothing under that line is the run's line a first line
            first_line = (
                end == 1
                and following is None
                and abs(under.width - INDENT - line.width) <= SAME_WIDTH
            )
            if (
                not opens_paragraph
                and under.width <= line.width + SAME_WIDTH
                and end < MAX_TRAILING_TITLE_LINES
                and not under.ends_sentence
            ):
                continue  # a title wrapped at its own, narrower measure: its rest under it
                # (as wide as its first line, or its last line shorter)
            return end if opens_paragraph and not first_line and not under.spaced_out else 0
    return 0


def _ends_full_over_first_line(block: Block, head: int) -> bool:
    """The ``head`` lines opening ``block`` end on a full line over a paragraph's first
    line (:func:`_full_over_first_line`, the column measured on the block)."""
    if not head:
        return False
    measured = [line for line in block.lines if line.measures_column]
    if len(measured) < MIN_MEASURED_LINES:
        return False
    return _full_over_first_line(block.lines, head, column_width(measured))


def _full_over_first_line(lines: Sequence[Line], end: int, column: float) -> bool:
    """``lines[end - 1]`` fills the column in mid-sentence over a line squarely at the
    indented first-line measure (two ems short of the full running line under it, not
    ending a sentence).  Asked only of a block that opens an item (the page's first block,
    or one under a lead-in, a photo or a title): its first line is a title or a
    paragraph's indented first line, never a full running line, so a full line over a
    paragraph's first line is the last of a title wrapped (or set) at the column's measure
    by chance, though the line-start rule may have left the line under it that short
    (a block that may run on from elsewhere is left alone:
    :func:`.title_measures.measure_title_line`)."""
    if end + 1 >= len(lines):
        return False
    line, under, following = lines[end - 1], lines[end], lines[end + 1]
    # the full line under the first line gives the measure (a column measured on a few
    # lines may come out an em off by the closing marks squeezed onto their ends)
    full = following.width
    return (
        following.measures_column
        and full >= column - SAME_WIDTH
        and abs(line.width - full) <= SAME_WIDTH
        and abs(under.width - (full - INDENT)) <= SAME_WIDTH
        and not under.ends_sentence
        and not under.spaced_out
    )


def split_glued_titles(
    block: Block,
    earlier: Callable[[], list[Line]] = list,
    later: Sequence[Block] = (),
    nothing_apart: bool = False,
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
    below says nothing of this one's).  On a page that sets no blank line anywhere
    (``nothing_apart``), a run whose first line opens a paragraph is no run
    (:func:`_body_first_line_out`'s ``from_start``): there no blank line marks a title
    apart, and a paragraph's opening holding no punctuation under a closed sentence reads
    as a title line by its shape alone.  (Where blank lines part blocks the rule was not
    borne out on every page, so it stays with the pages it was measured on.)"""
    if block.kind != "text" or len(block.lines) < 4:
        return [block]
    lines = block.lines
    pieces: list[Block] = []
    begin = 0
    index = 1
    while index < len(lines) - 1:
        if not closes_text(lines[index - 1]):
            index += 1
            continue
        end = _glued_title_run(lines, index, nothing_apart)
        stack = _stacks_a_subtitle(lines, index, end)
        if stack:
            # the body under a stack's subtitle, measured on its own lines
            end = _body_first_line_out(
                lines, _subtitle_line(lines, index, end), end, lines[end : end + CONTEXT_LINES]
            )
        else:
            end = _body_first_line_out(lines, index, end, from_start=nothing_apart)
        if end == index and _question_title_shaped(lines[index]):
            end = index + 1  # a headline may end with ？ or ！: one line, both sides decide
        across = 0 if stack else _across_both_columns(lines[begin:index], lines[index:])
        if across:
            end = index + across
        if index < end < len(lines) and not _closed_in_a_few(lines[end]) and (
            stack
            or across
            or _two_texts(
                lines[max(begin, index - CONTEXT_LINES) : index],
                lines[end : end + CONTEXT_LINES],
                functools.partial(_runs_into, earlier if not begin else list, lines[begin:index]),
                functools.partial(_runs_on, lines[end:], later),
                _column_before(earlier if not begin else list, lines[begin:index]),
            )
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


def _across_both_columns(above: Sequence[Line], lines: Sequence[Line]) -> int:
    """How many of ``lines`` (0: none) are title lines set across the columns on both sides
    of them: the first line, under a closed sentence, is past the column of the text under
    it (a line too wide for it, by :func:`_wide_title_run` or
    :func:`.title_measures.measure_title_line`, over a paragraph's first line) and past the
    column of the text above it as well, by more than the marks a body line may squeeze
    (:func:`.title_measures.squeeze_allowance`).  No line of either text is that wide, so it
    is neither a subhead of the text above (a subhead stands in its article's column) nor
    any other of its lines, whatever the two texts speak of (``复工复产人员可以通过公交通勤``,
    14 em between a body of 12-em columns ending ``费活力。`` and another opening
    ``昨天举行的市新冠肺炎`` under it: two articles on one topic).  ``above`` is the text of
    the block above the run, at least ``MIN_MEASURED_LINES`` lines to measure its column."""
    if not lines or not _past_column_above(above, lines[0]):
        return 0
    # the column under the run measured on its own body's opening lines, not on the
    # modules that may follow it in the block
    under = lines[: MAX_TRAILING_TITLE_LINES + _UNDER_LINES]
    return _wide_title_run(under) or measure_title_line(under)


# How many lines under a title run (past its longest) measure the column of its body.
_UNDER_LINES = 8


def _past_column_above(above: Sequence[Line], first: Line) -> bool:
    """``first`` is wider than the column of the text ``above`` it (its last
    ``CONTEXT_LINES`` lines, at least ``MIN_MEASURED_LINES`` of them measuring it) by more
    than the marks a body line may squeeze (:func:`.title_measures.squeeze_allowance`): no
    line of that text, a subhead of it neither."""
    measured = [line for line in above[-CONTEXT_LINES:] if line.measures_column]
    if len(measured) < MIN_MEASURED_LINES:
        return False
    return first.width > column_width(measured) + squeeze_allowance(first)


def _closed_in_a_few(line: Line) -> bool:
    """The line under a run of title-shaped lines closes a sentence within the indent's
    width (``措。``): the run's last line is that sentence, cut at the column's measure in
    the middle of a word (``变化始于一系列改革举``), not a title over a body, whose first
    line opens a paragraph."""
    return line.ends_sentence and line.width <= INDENT + INDENT_MARGIN


def _stacks_a_subtitle(lines: Sequence[Line], start: int, end: int) -> bool:
    """A glued run holding a subtitle under its first line is a title stack: a headline and
    its subtitle (``让文明出游成为最好的风景`` / ``——二〇一九年各地…综述``), whichever text
    is on its two sides; a subhead carries no subtitle.  The subtitle line (``——`` and
    words, no sentence punctuation) stops short of the column or reaches past it (set
    across columns): a list item opening with a dash (``——坚持创新驱动发展，…``) fills the
    column when it wraps, and ends a sentence when it does not."""
    subtitles = [line for line in lines[start + 1 : end] if is_subtitle(line.text)]
    if not subtitles:
        return False
    column = column_width([line for line in lines if line.measures_column])
    return any(abs(line.width - column) > SHORT_MARGIN for line in subtitles)


def _subtitle_line(lines: Sequence[Line], start: int, end: int) -> int:
    """The first subtitle line (``——…``) of the glued title run ``lines[start:end]``: a
    stack's lines that may give a paragraph's first line back to the body
    (:func:`_body_first_line_out`) are those under it, for the subtitle stands last in a
    stack read in print order, right over the body (``——二〇一九年…综述`` over ``通过形式多样
    的宣传引`` / ``导和对旅游不文明行为的持`` in a 12-em column: the body's opening, at an
    indented first line's width with a full running line under it)."""
    return next(i for i in range(start + 1, end) if is_subtitle(lines[i].text))


def _runs_into(above: Callable[[], list[Line]], lines: Sequence[Line]) -> list[Line]:
    return [*above(), *lines][-CONTEXT_LINES:]


def _runs_on(lines: Sequence[Line], later: Sequence[Block]) -> list[Line]:
    return [*lines, *_text_after(later)][:CONTEXT_LINES]


def _column_before(above: Callable[[], list[Line]], lines: Sequence[Line]) -> list[Line]:
    """The lines that measure the column of the text ending in ``lines``: the text above
    the block as well when the block's first line goes on with a sentence left unfinished
    there (a column break inside one text, and an article sets all its columns at one
    width), else the block's own lines.  A block opening with a dateline goes on with no
    text above it, and text too short to measure a column (a title line) says nothing."""
    if lines and not lines[0].opens_dateline:
        text_above = above()
        if len(text_above) >= MIN_MEASURED_LINES and not closes_text(text_above[-1]):
            return [*text_above, *lines][-CONTEXT_LINES:]
    return list(lines)


def _two_texts(
    before: Sequence[Line],
    after: Sequence[Line],
    topic_before: Callable[[], list[Line]] | None = None,
    topic_after: Callable[[], list[Line]] | None = None,
    column_before: Sequence[Line] | None = None,
) -> bool:
    """The body text on the two sides of a run of title lines is two texts: it speaks of
    different things, or it is set in different column widths (an article keeps its
    column, and a subhead does not change it).  ``topic_before``/``topic_after`` give
    the (longer) text to compare the topics of, when not ``before``/``after``;
    ``column_before`` the text to measure the column above with, when not ``before``."""
    measured = before if column_before is None else column_before
    if not lines_share_column(measured, after) or not lines_share_topic(before, after):
        return True
    if topic_before is None or topic_after is None:
        return False
    return not lines_share_topic(topic_before(), topic_after(), FAR_TOPIC_SIMILARITY)


def _opens_article(block: Block) -> bool:
    return block.kind == "byline" or block.opens_with_dateline


# Title levels (kicker, headline) are boxes of their own: at most this many stand between
# a body and the next article's byline or dateline.
MAX_TITLE_BOXES = 2


def _article_after_titles(later: Sequence[Block]) -> bool:
    """The blocks after a body open an article (a byline or a dateline), right away or
    after at most ``MAX_TITLE_BOXES`` title-shaped boxes set apart by blank lines.

    Nothing of a body stands between its end and the next article's opening but title
    lines: a question or exclamation line closing a body block there, with no sentence
    punctuation inside, is a title glued to the body like the boxes under it
    (``“我战胜了病毒！ 我要出院了！”`` over ``世博方舱医院今天起分批送走…`` and a byline)."""
    for block in later[: MAX_TITLE_BOXES + 1]:
        if _opens_article(block):
            return True
        if not _title_shaped(block):
            return False
    return False


# Inside a headline only these separate phrases; a sentence's commas and full stops never.
_HEADLINE_FORBIDDEN = frozenset("，。、；,;")


def trailing_question_title(block: Block) -> int | None:
    """A headline may end with ？ or ！: the last line of a body block directly followed by
    a byline or a dateline is that article's (or the previous one's) title when the text
    before it is closed and it holds no sentence punctuation of its own.  Under a lead-in
    (``广东累计向湖北派出医疗队员22批2424人——``) the headline may hold a comma too: the two
    last lines are the title when the text before the lead-in is closed
    (:func:`_introduced_headline`)."""
    lines = block.lines
    if len(lines) < 2:
        return None
    if len(lines) >= 3 and closes_text(lines[-3]) and _introduced_headline(lines, len(lines) - 1):
        return len(lines) - 2  # a lead-in (…——) and the headline it announces
    if not closes_text(lines[-2]):
        return _wrapped_question_title(lines)
    return len(lines) - 1 if _question_title_shaped(lines[-1]) else None


def _wrapped_question_title(lines: Sequence[Line]) -> int | None:
    """Where a headline that asks or exclaims, wrapped over the last lines of a block (at
    most ``MAX_TRAILING_TITLE_LINES``), starts right after the closed text above it
    (``商圈如何接住世界杯流`` / ``量？`` under ``…打通供应链。``, over a byline), or None: the
    one-line headline of :func:`trailing_question_title`, wrapped.  Its lines close no
    sentence but the last, which asks or exclaims, and hold no sentence punctuation, as
    that headline's one line holds none (:func:`_question_title_shaped`); nor do the lines
    above the last ask or exclaim, and the first opens no interview's turn (``问：``)."""
    last = len(lines) - 1
    start = last
    while start > 0 and last - start < MAX_TRAILING_TITLE_LINES - 1 and not closes_text(
        lines[start - 1]
    ):
        start -= 1
    if start in (0, last) or not closes_text(lines[start - 1]):
        return None
    above = lines[start:last]
    if opens_interview_turn(lines[start].text) or not all(
        _question_title_shaped(line, asks=False) and _ASKING_MARKS.isdisjoint(line.text)
        for line in above
    ):
        return None  # (``问：…如何？已`` / ``经收治…怎么样？``: an interview's question)
    return start if _question_title_shaped(lines[last]) else None


# A question's or exclamation's end: a headline's lines wrapped above its last hold none.
_ASKING_MARKS = frozenset("？！?!")


def opening_question_title(block: Block) -> bool:
    """The block opens with a line shaped as a headline that asks or exclaims
    (:func:`_question_title_shaped`), followed by more text: on a page whose titles stand
    over their bodies, the title of an article left without one, extracted without a blank
    line under it (``商圈如何接住世界杯流量？`` / ``北京时间6月12日凌晨，…``)."""
    return len(block.lines) >= 2 and _question_title_shaped(block.first)


def _question_title_shaped(line: Line, asks: bool = True) -> bool:
    """Ends with ？ or ！ and holds no sentence punctuation of its own: shaped like a
    headline that asks or exclaims (``商圈如何接住世界杯流量？``); with ``asks`` False,
    shaped like a line of one wrapped above its last (``商圈如何接住世界杯流``)."""
    last = line.text.rstrip(CLOSING_QUOTES)
    if asks != asks_or_exclaims(line.text) or not _HEADLINE_FORBIDDEN.isdisjoint(last):
        return False
    if line.spaced_out or is_byline_line(line.text):
        return False
    return not line.continuations


def _title_shaped(block: Block) -> bool:
    """A short block of unfinished lines set apart by blank lines: a title (or a fragment)."""
    return (
        block.kind == "text"
        and bool(block.blanks_before)
        and len(block.lines) <= 2
        and not any(line.ends_sentence for line in block.lines)
        and not block.opens_with_dateline
    )


def _question_title_before_article(block: Block, after: Sequence[Block]) -> bool:
    """A line set apart by a blank line that asks or exclaims, with no full stop, right
    above a byline or a dateline: a title (a kicker or a headline may hold a comma and end
    with ？ or ！), for nothing of a body stands between its end and the next article's
    byline but that article's titles or the previous one's."""
    return (
        block.kind == "text"
        and bool(block.blanks_before)
        and len(block.lines) == 1
        and asks_or_exclaims(block.last.text)
        and "。" not in block.last.text
        and not block.opens_with_dateline
        and bool(after)
        and _opens_article(after[0])
    )


def _trailing_title_start(block: Block, opens_next: bool = False) -> int | None:
    lines = block.lines
    cut = len(lines)
    while (
        cut > 0 and not _closes_at(lines, cut - 1) and len(lines) - cut < MAX_TRAILING_TITLE_LINES
    ):
        cut -= 1
    if cut == len(lines) or cut == 0 or not _closes_at(lines, cut - 1):
        return None
    if any(line.continuations or is_byline_line(line.text) for line in lines[cut:]):
        return None
    if match_photo_credit(" ".join(line.text for line in lines[cut:])) is not None:
        return None
    if _runs_at_body_measure(lines, cut, opens_next):
        return None
    return cut


def _runs_at_body_measure(lines: Sequence[Line], cut: int, opens_next: bool = False) -> bool:
    """The unfinished lines from ``lines[cut]`` on are running text cut by a column break,
    not title lines: each is set at the measure of the body above (the full column, or the
    first at the indented first-line width and the rest full: a paragraph opening) and
    they hold a sentence's inner marks (``会议宣布启动阿富汗特使定期会晤机制，建立政治外交、经济``).
    A headline, set in larger type, wraps at its own measure; that it should fill the
    body's column to the em and pause in a comma there is a coincidence the shape of a
    paragraph explains better.  A single line tells less: right over the next article's
    dateline or byline (``opens_next``) it is that article's headline with a comma
    (``助企纾困，加快恢复经济社会发展活力``), whether it is short of the column by the indent
    or fills it by chance (a single-line title is as wide as its words); and one short of
    the column opening with a parenthesis starts a note (``（陈晓霞、张旭航、李大勇`` /
    ``参与采写）``)."""
    if cut < MIN_MEASURED_LINES:
        return False
    column = column_width([line for line in lines[:cut] if line.measures_column])
    if column <= 0:
        return False
    tail = lines[cut:]
    if all(_SENTENCE_INNER_MARKS.isdisjoint(line.text[:-1]) for line in tail):
        return False
    if len(tail) == 1 and (
        opens_next or (abs(tail[0].width - column) > INDENT_MARGIN and tail[0].text[:1] in "（(")
    ):
        return False
    for position, line in enumerate(tail):
        full = abs(line.width - column) <= INDENT_MARGIN
        indented = position == 0 and abs(line.width - (column - INDENT)) <= INDENT_MARGIN
        if not (full or indented):
            return False
    return True


def _closes_at(lines: Sequence[Line], index: int) -> bool:
    """``lines[index]`` closes the text (:func:`closes_text`), or ends a parenthetical note
    that opened at the start of one of the lines above it and wrapped (the note closes
    the text as a sentence does)."""
    if closes_text(lines[index]):
        return True
    if lines[index].text[-1:] not in "）)":
        return False
    for start in range(index, max(-1, index - MAX_NOTE_LINES), -1):
        if lines[start].text[:1] in "（(":
            note = "".join(line.text for line in lines[start : index + 1])
            return not unclosed_parenthesis(note) and note.count("（") + note.count("(") == 1
    return False


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
        len(block.lines) >= MIN_MEASURED_LINES and closes_text(block.last)
    ):
        return False
    return line.width > column_width(block.lines) + CAPTION_MARGIN
