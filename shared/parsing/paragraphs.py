"""The paragraph structure inside a run of body lines.

Blank lines mean two different things in an extracted page: a paragraph break, or the place
where a column (or a text box) ends in mid-sentence.  :func:`paragraph_break` decides from
the printed shape: a paragraph's last line ends a sentence and usually stops short of the
column; its first line is indented by two characters and so comes out shorter than a full
line.  A line that fills the column and does not end a sentence always runs on, unless it
ends with a colon and the next line is as short as an indented first line.  Where two
readings fit one line, the line under it decides (a first line is followed by a running
line, a paragraph's last line by the next first line); a letter-spaced line is judged by
its characters, not its stretched width.  A line opening with a character the line-start
rule took down with the marks after it goes on from the line above, which that character
left short (:func:`takes_down_from`).  The column depth of a body's blank lines
(:func:`.blank_lines.column_grid`) tells column breaks from paragraph breaks where the
shapes cannot; a body that never sets a blank at its certain breaks says nothing with its
blanks (:func:`.blank_lines.never_marks_breaks_with_blanks`); the blank before a piece
read out of the file's order says nothing of its join (:func:`joins_out_of_file_order`).
Where a body's running lines all fill the column (:func:`running_lines_fill_the_column`), a
line at the indented measure is a first line.  Where the extractor kept the indents (leading
spaces), or a layout page's geometry tells whether a line stands set in from its column's
text (``Line.set_in``), the indent decides: a set-in line opens a paragraph, a flush one
runs on unless the line above stops far short of the column.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

from shared.parsing.blank_lines import break_marking, column_grid
from shared.parsing.block import Block
from shared.parsing.columns import (
    INDENT,
    INDENT_MARGIN,
    SHORT_MARGIN,
    SQUEEZED_AT_LINE_END,
    is_short,
    local_column_widths,
    whole_em_columns,
)
from shared.parsing.datelines import dateline_runs_on, match_dateline
from shared.parsing.indentation import KEPT_INDENT, keeps_indentation, sets_in_paragraphs
from shared.parsing.lead_ins import points_on
from shared.parsing.lines import Line, display_width, opens_interview_turn
from shared.parsing.parse_cache import per_parse
from shared.parsing.text_ends import LEADS_IN, closes_text, unclosed_parenthesis

# A line that does not end a sentence yet stops far short of the column ends its paragraph
# anyway (a subhead, a list item, a paragraph ending in a name or a number).  The margin is
# this share of the column (at least SHORT_MARGIN): wide columns vary by several em.
FAR_SHORT_SHARE = 0.1


LEAD_IN = "a short line ending in an arrow pointing on (帮忙>>>) is a lead-in of its own"


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
    tight: bool = False,
    silent_blanks: bool = False,
    beyond: Line | None = None,
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
    readings, the text runs on.  ``tight`` says that the body's running lines fill the
    column to within less than the indent (:func:`running_lines_fill_the_column`), so a
    line at the indented measure is a first line.  ``silent_blanks`` says that the body
    sets no blank at any of its certain paragraph breaks
    (:func:`never_marks_breaks_with_blanks`): a blank there tells nothing, and a short
    sentence-final line after one is read as without it.  ``beyond`` is the body line
    under ``following``.
    """
    if before.text.endswith("…") and after.text.startswith("…"):
        # one ellipsis (……) is two characters wide and never split: its halves on two
        # lines are one mark the composition broke, not a sentence end and an opening
        return False, "an ellipsis split over the line break runs on"
    if before.ends_sentence and after.text[:1] in NO_LINE_START:
        return True, "a line opens with a mark no line inside a paragraph may open with"
    if before.ends_sentence and opens_interview_turn(after.text):
        return True, "an interview's question or answer (问：/答：) opens a paragraph"
    if column > 0 and points_on(after.text) and after.width <= column - SHORT_MARGIN:
        return True, LEAD_IN
    if not before.ends_sentence:
        if dateline_runs_on(before.text, after.text):
            return False, "a dateline wrapped before its 电 or 讯 goes on in the next line"
        if takes_down_from(before, after, column, before_opens):
            return False, TAKEN_DOWN
        measure = column - INDENT if before_opens else column
        if (
            column > 0
            and _far_short(before, column, before_opens)
            # short only because what opens the next line did not fit the room left
            and not full_but_for_pull_down(before, after, measure)
            and not _pushed_down(before, after, measure)
        ):
            return True, "previous line stops far short of the column (a subhead or list item)"
        if (
            not blank
            and column > 0
            and _first_line_under_a_full_line(before, after, column, before_opens, following)
        ):
            return True, "a line at the indented measure under a full line, over a full one"
        if before_opens and column > 0 and _heads_first_line(before, after, column):
            return True, "a short unfinished opening line over a paragraph's first line: a subhead"
        if before_opens and column > 0 and _heads_running_text(before, after, column, following):
            return True, "an unpunctuated opening line over short running text: a subhead"
        if (
            before_opens
            and column > 0
            # a dateline's byline wrapping onto the next line makes both lines short
            and not unclosed_parenthesis(before.text)
            and not _dateline_runs_into_a_sentence(before)
            and _first_line_over_running_text(
                after,
                following,
                column,
                tight,
                # a line short by a pulled-down run under ``after`` tells less: only under
                # a line with a subhead's shape (one with a comma may be running text)
                beyond if _may_head(before, after) else None,
            )
        ):
            return True, "a line short by the indent over a full line opens a paragraph"
        if (
            before.text.endswith(LEADS_IN)
            and _indented(after, column, following)
            and not _may_end_paragraph(after)
        ):
            return True, "a colon or a lead-in dash closes the line; the next opens a paragraph"
        if (
            # a line ending a sentence at the indented measure over running text cannot be
            # a running line (one fills the column): a first line, whatever the line above
            # may have taken down (``通告如下：`` over ``一、住宅小区恢复出入。``)
            before.text.endswith(LEADS_IN)
            and column > 0
            and _may_end_paragraph(after)
            and _opens_with_a_sentence(after, following, column)
            and _over_running_text(following, column)
        ):
            return True, "a colon or a lead-in dash closes the line; a first line ending a sentence"
        if (
            blank
            and column > 0
            and _first_line_after_column_break(before, after, column, before_opens, following)
        ):
            return True, "a line at the indented measure over running text after a column break"
        if blank:
            return False, "blank after a line that does not end a sentence: column break"
        return False, "previous line does not end a sentence"
    full = column - INDENT if before_opens else column
    if not before.spaced_out and printed_width(before) <= full - SHORT_MARGIN:
        return True, "previous line ends a sentence short of the column"
    if (
        not before.spaced_out
        # (Latin capitals print wider than counted: ``亮相CCTV空中剧院，…片段。`` is full)
        and printed_width(before) + capitals_slack(before.text) <= full - INDENT_MARGIN
        and not _INTENDED_SPACE.search(before.text)
        and not explains_short_line(before, after, full)
    ):
        return True, "previous line ends a sentence an em short, and no character moved down"
    if blank and off_grid:
        # inside a body a blank line is a column break or a paragraph break
        return True, "blank after a sentence end off the column grid: paragraph break"
    if (
        _indented(after, column, following)
        and not _may_end_paragraph(after)
        and not _runs_on_past_the_body_end(after, column, following)
        and not (
            before.text.endswith(_RUNS_ON_AFTER)
            and not after.spaced_out
            and not _short_by_the_indent(after, column, following)
        )
    ):
        if after.spaced_out:
            return True, "justified line two characters short after a sentence end: indented"
        return True, "indented first line after a sentence end"
    if (
        not unmarked
        and _may_end_paragraph(after)
        and _opens_with_a_sentence(after, following, column)
    ):
        return True, OPENS_OVER_ITS_LAST_LINE
    if (
        unmarked
        and _may_end_paragraph(after)
        and _opens_with_a_sentence(after, following, column)
        and _over_running_text(following, column)
    ):
        return True, "indented line ending a sentence over running text, though no blank here"
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
        and not silent_blanks
        and after.ends_sentence
        and is_short(after, column)
        and not before.text.endswith(_RUNS_ON_AFTER)
    ):
        if _closes_quote(before) and _names_the_speaker(after):
            return False, "a short sentence under a closing quotation names its speaker"
        return True, "blank after a full sentence-final line, then a one-line paragraph"
    if blank and silent_blanks:
        return False, "blank in a body that sets none at its paragraph breaks: column break"
    if blank:
        return False, "blank after a full line, next line not indented: column break"
    if not unmarked and _closes_quote(before) and after.text.startswith(_OPENING_QUOTES):
        # Quoted words (a question put to the police, one speaker's reply) are set a
        # paragraph each: a full line closing one quotation over a line opening another
        # is two paragraphs, not a wrap that happens to fall between them.
        return True, "a full line closes a quotation and the next opens another"
    return False, "previous line fills the column; next line not indented"


_OPENING_QUOTES = ("“", "「", "『")


def _runs_on_past_the_body_end(line: Line, column: float, following: Line | None) -> bool:
    """``line`` closes the body (nothing under it: a jump or the end of a piece) without
    ending a sentence, less than the indent (less half an em) short of the column.

    A paragraph's first line is short by its two-character indent; a running line stops
    an em or so short only where the line-start rule took a character down with the
    marks after it (:func:`full_but_for_pull_down`), which the line under it shows.  With
    no line under it (the text goes on after a jump, ``…强军事业迈出新步伐。`` over
    ``我们高举和平、发展、合`` before ``（下转第2版）``, the rest ``作、共赢的…`` on the next
    page) nothing shows it, and a line short by less than the indent is that running line,
    not a first line."""
    return (
        following is None
        and not line.spaced_out
        and not line.ends_sentence
        and column - printed_width(line) < INDENT - INDENT_MARGIN / 2
    )


TAKEN_DOWN = "a character the line-start rule took down goes on from the line above"
# A list item's number or letter opening a paragraph (``二、``, ``3）``, ``B、``): not a
# character the line-start rule took down with the mark after it.
_ENUMERATOR = re.compile(r"[一二三四五六七八九十0-9A-Za-z]+[、）)]")


def takes_down_from(before: Line, after: Line, column: float, before_opens: bool) -> bool:
    """``after`` opens with what the line-start rule (避头) took down from ``before``: a
    character (or a Latin word, a number) with the marks after it that no line may open
    with (:func:`pulled_down_run`), and ``before``, ending no sentence and leading nothing
    in, falls short of its measure (the column, less the indent where it opens a
    paragraph) by no more than that run.  The character belongs to ``before``'s text,
    which wrapped there in mid-sentence: ``after`` goes on from it, and ``before`` is a
    full line, neither a subhead nor a list item ending short (``贫困劳动力务工就业方``
    over ``面，已外出务工2603.79万``; ``无法走入宛平剧院看驻场版《红楼`` over ``梦》，…``).
    Not when ``after`` opens with a list item's number (``二、``)."""
    return (
        column > 0
        and not before.ends_sentence
        and full_but_for_pull_down(before, after, column - INDENT if before_opens else column)
        and not before.text.endswith(LEADS_IN)
        and not _ENUMERATOR.match(after.text)
    )


def _closes_quote(line: Line) -> bool:
    """Does ``line`` end with a sentence end inside closing quotes (。” ？” ！” …”)?"""
    text = line.text.rstrip()
    return len(text) >= 2 and text[-1] in "”」』" and text[-2] in "。！？…"


# The longest tail naming a quotation's speaker (``隆源农业董事长李晓春说。``).
SPEAKER_TAIL_MAX = 15
# Verbs of saying that name the act in a speaker's tail (``王波表示。``, ``她们约定。``).
_SPEECH_VERBS = (
    "说", "表示", "介绍", "指出", "认为", "称", "回复", "回答", "约定", "提醒", "提出",
    "强调", "坦言", "透露", "解释", "告诉", "感叹", "回忆", "写道", "笑言", "直言", "建议",
    "谈到", "补充",
)


def _names_the_speaker(line: Line) -> bool:
    """Is ``line`` one short sentence with no quotation of its own and a verb of saying,
    the tail that follows a closing quotation (``王波表示。``, ``她们约定。``)?

    In the corpus articles (the reference kit's corpus/articles.jsonl) a sentence of up to 15
    characters after a closing quotation ended that quotation's paragraph 26 times, each
    with a verb of saying, and opened a paragraph of its own twice, neither with one
    (``变化始于一系列改革举措。``)."""
    text = line.text.strip()
    return (
        display_width(text) <= SPEAKER_TAIL_MAX
        and not any(mark in text for mark in "“”「」『』")
        and text.count("。") + text.count("！") + text.count("？") == 1
        and any(verb in text for verb in _SPEECH_VERBS)
    )


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


def _short_by_the_indent(line: Line, column: float, following: Line | None) -> bool:
    """``line`` falls short of the column by the indent (less half an em for a half-width
    character), and not because of what opens the next line (:func:`explains_short_line`).

    The test for a first line after a semicolon, which closes a clause of a sentence that
    runs on far more often than it ends a paragraph (none of 145 in the corpus articles,
    the reference kit's corpus/articles.jsonl, ended one; a list item may): a line an em short,
    or short by a character taken down with a mark, is the sentence's running line."""
    return printed_width(line) <= column - INDENT + FIRST_LINE_SLACK and (
        following is None or not explains_short_line(line, following, column)
    )


def _over_running_text(following: Line | None, column: float) -> bool:
    """``following``, the line under an indented line that ends a sentence after a flush
    sentence end, is running text: it ends no sentence and is too wide for an indented
    first line (:func:`_indented`).  The indented line then cannot close its paragraph
    (the next paragraph's first line would be short by the indent), so it opens one even
    in a body that marks its breaks with blank lines and sets none here: the widths
    decide where a missing blank only suggests (the ``unmarked`` reading runs on where
    the shapes leave two readings)."""
    return (
        following is not None
        and not following.ends_sentence
        and not _indented(following, column)
    )


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

    Wrapping the corpus articles (the reference kit's corpus/articles.jsonl, 113 articles) at
    13–34 em, such a last line opened a paragraph of its own 24 times in 26 under a
    paragraph of four lines or more ending outside quotes, never (0 in 6) under a shorter
    one (a paragraph short enough to be its last line's seldom has a sentence ending flush
    in its middle) and never (0 in 17) after a closing quote.  Anywhere but at the end of
    the body the line under it decides (:func:`_opens_with_a_sentence`).

    Nor when ``before`` ends a clause with a semicolon (the sentence runs on: ``…信息苑
    311个；`` / ``美术馆89家；博物馆131家。``), or when ``after`` closes a quotation it
    does not open (``幸好…结果是阴性。”``): the quotation opened above, in the paragraph
    it ends."""
    return (
        following is None
        and lines_above >= CLOSING_NOTE_MIN_LINES
        and before.text[-1:] not in _CLOSING_QUOTES
        and not before.text.endswith(_RUNS_ON_AFTER)
        and not after.spaced_out
        and printed_width(after) < column - INDENT - INDENT_MARGIN
        and not _closes_quotation_opened_above(after.text)
    )


def _closes_quotation_opened_above(text: str) -> bool:
    """Does ``text`` close a quotation (”) before opening one (“): the rest of a
    quotation that opened on a line above?"""
    depth = 0
    for char in text:
        if char == "“":
            depth += 1
        elif char == "”":
            if not depth:
                return True
            depth -= 1
    return False


# Punctuation inside a running sentence; a subhead, like a headline, holds none.
_SENTENCE_INNER = frozenset("，。、；,;")


def _may_head(before: Line, after: Line) -> bool:
    """``before`` has a subhead's shape (no dateline, no sentence punctuation, not spaced
    out) and ``after`` runs on from it without ending a sentence."""
    return (
        not before.spaced_out
        and not after.spaced_out
        and not after.ends_sentence
        and not before.opens_dateline
        and _SENTENCE_INNER.isdisjoint(before.text)  # (a set test in C, not a per-character loop)
    )


def _dateline_runs_into_a_sentence(line: Line) -> bool:
    """``line`` opens with a dateline and the text after it holds sentence punctuation
    (``本报讯（记者 周楠 通讯员 丁婉星） 昨天下午，2022 年普陀区第``): the report's first
    sentence has begun, so the line is no subhead and, ending no sentence, runs on.  A
    dateline line ends its paragraph unfinished only when a label follows the dateline
    (``本报讯（记者 杨硕） 求助``), and a label, like a title, holds no such punctuation.

    Where the column is measured an em wide (a short body whose full lines squeeze a mark
    past the edge), the running line under a full dateline line (``二次重点项目…通过
    “云签约”``) has the width of an indented first line with a squeezed mark, and the
    widths alone would read the dateline line as a paragraph of its own."""
    if not line.opens_dateline:
        return False
    dateline = match_dateline(line.text)
    return dateline is not None and not _SENTENCE_INNER.isdisjoint(dateline.rest)


def _heads_first_line(before: Line, after: Line, column: float) -> bool:
    """``before`` opens a paragraph without ending a sentence and ``after`` has the shape of
    a paragraph's first line (short by the indent, running on) while ``before`` is shorter
    than any indented first line: a paragraph's first line is never followed by another
    first line, so ``before``, when it holds no sentence punctuation, is a subhead (小标题)
    with the paragraph glued under it.  Unless ``after`` opens with a Latin word or number
    too wide for the room left on ``before`` (within an em: half-width letters are not all
    half an em): the word moved down and left ``before`` short (``…《马到功成》曾在`` over
    ``GSCA年会上获得广泛关注，…``), or with a character the line-start rule took down with
    the closing marks after it (:func:`full_but_for_pull_down`: ``作为全国最早推动…管理社会``
    over ``化、专业化的城市，…``): ``before`` is then full at its indented measure."""
    return (
        _may_head(before, after)
        and before.width <= column - INDENT - SHORT_MARGIN
        and before.width < after.width - INDENT_MARGIN
        and printed_width(after) <= column - INDENT_MARGIN
        and not _pushed_down(before, after, column - INDENT - INDENT_MARGIN)
        and not full_but_for_pull_down(before, after, column - INDENT)
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
    runs on at full width, or from ``after`` (:func:`wraps_at_the_indented_measure`: the
    line under it opens with what the line-start rule took down from ``after``, which was
    set to the indented measure); otherwise the two lines may be one subhead wrapped (the
    line under a subhead is an indented first line): left alone.

    Unless ``before`` fills its indented measure (within an em: the next character would
    not have fitted) and ``after`` falls short of the column only because the characters
    the line-start rule took down onto ``following`` did not fit (:func:`_run_did_not_fit`;
    a run that would have fitted was not taken down, and ``after`` ended at the indented
    measure, a first line under a subhead): then
    ``before`` wrapped there and ``after`` is its paragraph's running line, full but for
    them (``这段水上高速从“双向两`` over ``车道”升级为“双向四车`` over ``道”，将有效…``).
    A subhead stops short of the indented measure (``独自在家情绪低落`` over
    ``“辰辰确实一个人在``, a first line the same pull-down would leave as short)."""
    return (
        _may_head(before, after)
        and _far_short(after, column, opens=False)
        and (
            not _SENTENCE_INNER.isdisjoint(after.text)
            or (
                following is not None
                and (
                    not _indented(following, column)
                    or wraps_at_the_indented_measure(after, following, column)
                )
            )
        )
        and not (
            following is not None
            and column - INDENT - printed_width(before) < INDENT_MARGIN
            and _run_did_not_fit(after, following, column)
        )
    )


def _run_did_not_fit(line: Line, following: Line, measure: float) -> bool:
    """``following`` opens with what the line-start rule took down (:func:`pulled_down_run`),
    and that run is wider than the room ``line`` leaves in ``measure``: the typesetter took
    the character down because it and its marks did not fit.  Where the room would have held
    them all (``2020年是全面建成小康社会之``, 13 em, over ``年，人民群众…`` in a 15-em
    column), nothing was taken down: the line ended at a measure of its own, two em short
    of the column, an indented first line."""
    room = pull_down_room(line, following, measure)
    return room is not None and room[0] < room[1]


def wraps_at_the_indented_measure(line: Line, following: Line, column: float) -> bool:
    """``following`` opens with what the line-start rule (避头) took down from ``line`` (a
    character with the closing marks after it: :func:`pulled_down_run`), and ``line``, ending
    no sentence, falls short of the column minus the indent by no more than that run
    (:func:`full_but_for_pull_down`) but of the column by more.  The typesetter takes a
    character down only where the line is full, so ``line`` was set to the indented measure:
    it is a paragraph's first line, and ``following`` runs on from it, a running line left
    short by the next pull-down however much it looks like an indented first line itself
    (``“我高血压的药没`` over ``了，药送不进来怎么`` over ``办？”`` in an 11-em column)."""
    return (
        not line.ends_sentence
        and full_but_for_pull_down(line, following, column - INDENT)
        and not full_but_for_pull_down(line, following, column)
    )


def _first_line_over_running_text(
    after: Line,
    following: Line | None,
    column: float,
    tight: bool = False,
    beyond: Line | None = None,
) -> bool:
    """``after`` is shorter than any running line can be (:func:`_far_short`) or, in a body
    whose running lines fill the column to within less than the indent (``tight``), has
    the width of an indented first line (the column minus the indent, half an em more for a
    half-width character, at most an em less); it runs on without ending a sentence, and
    the line under it fills the column: ``after`` opens a paragraph.

    A running line inside a paragraph fills the column: punctuation compression only ever
    lets it hold more, and it stops short only where the next line explains why (a
    character taken down with the marks after it, a Latin word or number that did not fit,
    a dash or ellipsis that is not split: :func:`explains_short_line`).  A paragraph's last
    line is followed by the next paragraph's indented first line, not by a full one.  So
    the opening line above ``after`` that does not end a sentence ended its paragraph
    anyway (a subhead, with or without a comma: ``法治思维，让信“访”变信“法”``,
    ``补充内容意见居多，2/3与民生和就业直接相关``).  A letter-spaced ``after`` is judged by
    its characters (:func:`_indented`).  Where full-width marks are compressed in print
    (a line holding many of them counts wider than one holding none), running lines vary
    by the indent and more, and only a far-short line is told.

    ``following`` fills the column too when it falls short of it only by the characters
    the line-start rule took down onto ``beyond``, the line under it
    (:func:`full_but_for_pull_down`: ``本届世界杯共有32支`` over ``球队参加，分为8个小``
    over ``组。目前…``): ``after`` runs on into it, so it is no paragraph's first line, and
    a running line left short for that reason is full.  Only for a far-short ``after``:
    a line at the indented measure (``tight``) is told by widths that must be right to
    the em, and a line stopping short that way is less telling."""
    if following is None or after.ends_sentence:
        return False
    far_short = False
    if after.spaced_out:
        first_line = tight and _indented(after, column, following)
    else:
        width = printed_width(after)
        if width < column - INDENT - INDENT_MARGIN:
            return False
        far_short = _far_short(after, column, opens=False)
        first_line = far_short or (tight and _at_indented_measure(after, column))
    return (
        first_line
        and (
            not _indented(following, column)
            or (
                far_short
                and beyond is not None
                and full_but_for_pull_down(following, beyond, column)
            )
        )
        and not explains_short_line(after, following, column)
    )


def _first_line_under_a_full_line(
    before: Line, after: Line, column: float, before_opens: bool, following: Line | None
) -> bool:
    """``after`` stops too far short of the column for a running line (:func:`_far_short`),
    yet at the width of an indented first line (the column minus the indent, within an em),
    without ending a sentence, between two lines that fill the column without ending one:
    ``after`` opens a paragraph, and the full line above it ended one unpunctuated (a list
    item's heading, ``（一）《治安管理处罚法》第五十条第一款第一项``).

    Read the other way (``after`` ends a subhead or list item, as a far-short line may), the
    full line under it would open a paragraph without its indent.  So the break goes before
    ``after``, not after it.  Only for three lines read in a row: across a blank line (a
    column break) the line under ``after`` may go on from other text.  Not when what opens
    ``following`` explains the short line (a character taken down with the marks after it,
    a Latin word or number that did not fit: :func:`explains_short_line`), which makes
    ``after`` a running line."""
    if (
        following is None
        # three lines read in a row (a blank or a jump between them may part two texts)
        or not before.number + 1 == after.number == following.number - 1
        or not _goes_on_under_a_full_line(before, after, column, before_opens)
    ):
        return False
    return (
        _far_short(after, column, opens=False)
        and printed_width(after) >= column - INDENT - INDENT_MARGIN
        and _at_indented_measure(after, column)
        and _fills_the_column(following, column, None)
        and not explains_short_line(after, following, column)
        and not full_but_for_pull_down(after, following, column)
    )


def _first_line_after_column_break(
    before: Line, after: Line, column: float, before_opens: bool, following: Line | None
) -> bool:
    """After a column break under a full line that ends no sentence, ``after`` has the width
    of an indented first line (the column minus the indent, within an em; or short of it
    only by the characters taken down onto ``following``) without ending a sentence, it
    does not fall short of the full column only for what opens ``following`` (a character
    taken down with the marks after it, a Latin word or number that did not fit, an unsplit
    dash), and ``following`` runs on at the full width: ``after`` opens a paragraph.

    A running line fills the column, and a paragraph's last line ends its sentence, so a
    line two em short in mid-sentence over running text is an indented first line; the
    column above ended where its text was cut (the extractor read a column out of order,
    or a piece of another text came between).  On the extracted development pages (764000
    onwards, 900 pages) such a line opened its paragraph all 102 times it and the line under
    it stand in one gold paragraph; without a blank line before it (no column break) the
    same shape opened one 157 times and ran on 32 times (widths misjudged for digits, Latin
    letters and marks), so the rule keeps to column breaks."""
    if following is None or not _goes_on_under_a_full_line(before, after, column, before_opens):
        return False
    if following.ends_sentence or _indented(following, column):
        return False
    if (
        full_but_for_pull_down(after, following, column)
        or _pushed_down(after, following, column)
        or following.text.startswith(_UNSPLIT_MARKS)
    ):
        return False  # a running line, short for what opens the next line
    if not _at_indented_measure(after, column):
        return False
    return printed_width(after) >= column - INDENT - INDENT_MARGIN or full_but_for_pull_down(
        after, following, column - INDENT
    )


def _goes_on_under_a_full_line(
    before: Line, after: Line, column: float, before_opens: bool
) -> bool:
    """The shape both rules for a first line under an unfinished full line start from:
    ``before`` fills its measure (the column, less the indent where it opens a paragraph,
    within an em) and leaves no parenthesis open (a dateline's byline, ``（记者姜`` over
    ``洁） 日前，…``, runs on), and ``after`` ends no sentence; neither is letter-spaced
    (their widths are stretched)."""
    measure = column - INDENT if before_opens else column
    return (
        not before.spaced_out
        and not after.spaced_out
        and not after.ends_sentence
        and not unclosed_parenthesis(before.text)
        and printed_width(before) >= measure - INDENT_MARGIN
    )


# A first line may hold half an em more than the column minus the indent (a half-width
# character); a running line is at most about an em short of the column.
FIRST_LINE_SLACK = 0.5


def _at_indented_measure(line: Line, column: float) -> bool:
    """``line`` is no wider than the column minus the indent, but for half an em (a
    half-width character) or a closing mark ending it that the line-start rule may have
    squeezed past the measure (``2020年是全面建成小康社会之年，``)."""
    width = printed_width(line)
    last = line.text[-1:]
    if last in SQUEEZED_AT_LINE_END and width - display_width(last) <= column - INDENT:
        return True
    return width <= column - INDENT + FIRST_LINE_SLACK


def _may_end_paragraph(line: Line) -> bool:
    """Ends a sentence, or a colon that introduces what follows (a list, a quote)."""
    return line.ends_sentence or line.text.endswith(("：", ":"))


def printed_width(line: Line) -> float:
    """The line's width, counting the spaces of a dateline (``本报讯（记者 X） 正文``) that
    take room in print (half an em each)."""
    if line.opens_dateline:
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
    if (
        following is not None
        and column - printed_width(line) < INDENT - INDENT_MARGIN / 2
        and full_but_for_pull_down(line, following, column)
    ):
        return False  # an em short: the character the line-start rule took down
    return printed_width(line) <= column - INDENT_MARGIN


# A line's shortfall may exceed the width of the characters taken down by this much (em): a
# half-width character, punctuation compression.
PULL_DOWN_SLACK = 0.5


@per_parse  # asked of the same lines by several stages, many times a page
def pulled_down_run(text: str) -> str:
    """The characters the line-start rule took down to open a line: a character (or a Latin
    word or number, which is not split) followed by marks no line may open with (``续》、``,
    ``教。``, ``LNG）``), or "" when the line opens otherwise."""
    text = text.replace(" ", "")
    match = _LEADING_HALF_WIDTH.match(text)
    start = len(match.group()) if match is not None else 1
    end = start
    while end < len(text) and text[end] in NO_LINE_START:
        end += 1
    return text[:end] if end > start else ""


def full_but_for_pull_down(line: Line, following: Line, measure: float) -> bool:
    """``line`` falls short of ``measure`` by no more than the characters the line-start rule
    (避头) took down onto ``following``: a character goes down with the closing marks after
    it, so the line above stops short by that character (by two when two marks follow,
    ``《血脉赓`` over ``续》、《庄严承诺》``), yet it is a full running line: not a paragraph's
    indented first line, nor one that stops short to end a paragraph."""
    room = pull_down_room(line, following, measure)
    return room is not None and room[0] <= room[1] + PULL_DOWN_SLACK


def pull_down_room(line: Line, following: Line, measure: float) -> tuple[float, float] | None:
    """The room ``line`` leaves in ``measure`` and the width of what the line-start rule took
    down onto ``following`` (:func:`pulled_down_run`), or None when it took nothing down."""
    run = pulled_down_run(following.text)
    if not run:
        return None
    return measure - printed_width(line), display_width(run)


# A letter-spaced first line may hold half an em more than the column minus the indent (a
# half-width character, a squeezed mark) and still be told from a running line (one em
# short of the column).
SPACED_INDENT_SLACK = 0.5
_LEADING_HALF_WIDTH = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%+\-/]*")


# A space the writer meant between two Chinese characters (``第五十条  有下列``) takes room
# in print that the width (spaces count 0) does not show.
_INTENDED_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
# Marks a typesetter never splits over two lines: a line may stop short before them.
_UNSPLIT_MARKS = ("——", "……")


def explains_short_line(before: Line, after: Line, full: float) -> bool:
    """``after`` opens in a way that leaves a running line ``before`` an em or so short of
    its measure: a character taken down with the closing marks after it (the line-start
    rule: ``after`` opens with a character, then a mark no line may open with), a Latin
    word or number too wide for the room left, or a dash or ellipsis that is not split.
    Otherwise a full line fills its measure (punctuation compression only ever lets it
    hold more), so a sentence-final line an em short is its paragraph's last line."""
    text = after.text.replace(" ", "")
    if len(text) >= 2 and text[1] in NO_LINE_START:
        return True
    match = _LEADING_HALF_WIDTH.match(text)
    if match is not None and (
        len(match.group()) < len(text) and text[len(match.group())] in NO_LINE_START
    ):
        return True
    return _pushed_down(before, after, full) or text.startswith(_UNSPLIT_MARKS)


def _pushed_down(line: Line, following: Line, column: float) -> bool:
    """``following`` opens with a half-width run (a Latin word, a number) too wide for the
    room left on ``line``: the typesetter stretched ``line`` because the run moved down.

    The run may print wider than the half em a character its width counts: Latin capitals
    run wider (:func:`capitals_slack`), so ``MPCVD`` may not fit where five half-width
    characters would (``产。一期计划采购500台`` over ``MPCVD（微波等离子化学气相``)."""
    match = _LEADING_HALF_WIDTH.match(following.text)
    if match is None:
        return False
    run = match.group()
    return line.width + 0.5 * len(run) + capitals_slack(run) > column


def _far_short(line: Line, column: float, opens: bool) -> bool:
    """Shorter than a running line could be, even allowing for an indent.

    Wide columns vary more (punctuation compression), so the margin grows with the column.
    A line opening with a dateline counts its spaces (they take room in print); it is exempt
    while its byline's parentheses are still open (the byline wraps onto the next line).
    """
    if line.spaced_out:
        return False
    if opens and line.opens_dateline:
        if unclosed_parenthesis(line.text):
            return False
        width = printed_width(line)
    else:
        width = line.width
    margin = max(SHORT_MARGIN, FAR_SHORT_SHARE * column)
    full = column - INDENT - 0.5 if opens else column
    # (the capitals only ever widen a line: counted only for a line that may be far short)
    return width <= full - margin and width + capitals_slack(line.text) <= full - margin


# Latin capitals print wider than the half em a line's width counts for them (in a
# proportional Latin font they run 0.6–0.85 em): a line of many (``LIBS（TSMM-LIB``) is
# wider in print than measured by about this much (em) each.
CAPITAL_SLACK = 0.2
_CAPITALS = re.compile("[A-Z]")


def capitals_slack(text: str) -> float:
    """How much wider (em) than measured a line may print for its Latin capitals."""
    return CAPITAL_SLACK * len(_CAPITALS.findall(text))


def _dateline_tail(lines: Sequence[Line]) -> Line | None:
    """The second line when the first opens with a dateline whose byline wraps onto it
    (its spaces and brackets make it look short)."""
    if len(lines) < 2 or not lines[0].opens_dateline:
        return None
    return lines[1] if unclosed_parenthesis(lines[0].text) else None


@dataclass
class Paragraphs:
    """Body lines split into paragraphs, with the rule for every decision."""

    groups: list[list[Line]]
    line_rules: dict[int, str]  # line number → rule that placed it
    blank_roles: dict[int, tuple[str, str]]  # blank line number → role, rule


# The rule that opens a paragraph at a line because the line under it reads as its last line.
OPENS_OVER_ITS_LAST_LINE = "indented line ending a sentence, the line under it not indented"
_LAST_LINE_AFTER_ALL = (
    "a line at the indented measure taken for a first line over its last line, yet a"
    " paragraph opens under it after a blank: the last line of the paragraph above"
)


def _one_line_opening_after_all(
    groups: Sequence[Sequence[Line]],
    opening: Line,
    opening_rule: str,
    blank_under: bool,
    blank_above: bool,
) -> bool:
    """Does ``opening`` stand alone where it was opened (``opening_rule``, the rule that
    decided its break, :data:`OPENS_OVER_ITS_LAST_LINE`) because the line under it read as
    its last line, now that the line under it opens a paragraph after a blank?

    The rule took ``opening`` (a sentence-final line at the indented measure after a flush
    sentence end) for a first line because the line under it ends a sentence: the pair is
    one paragraph.  Where the blank between them is read as a paragraph break, the pair is
    not, and ``opening`` would be a one-line paragraph exactly as wide as an indented first
    line; far likelier it is the last line of the paragraph above, one of several lines,
    stopping where a first line would (``…瞄准的是最顶尖的金刚石散热片。`` at 34 em,
    ``虽然最终未能成功竞标，…这件事。”`` at 32 em in a 34 em column, a blank, then
    ``综合来看，…爆发的前夜。``).  A paragraph of one line above speaks for a run of
    one-line paragraphs (quoted questions, one a line), and a blank above ``opening`` too
    sets it apart on both sides as a paragraph of its own (the other reading needs a column
    to end right above it); then ``opening`` stands alone."""
    return (
        blank_under
        and not blank_above
        and len(groups) >= 2
        and len(groups[-2]) >= 2
        and len(groups[-1]) == 1
        and groups[-1][0] is opening
        and opening_rule == OPENS_OVER_ITS_LAST_LINE
    )


# A line of a block taken for a subhead that wrapped at the indented measure: what opens the
# line under it was taken down from it (:func:`wraps_at_the_indented_measure`), so it is a
# paragraph's first line under the subhead, not the subhead's second line (a subhead's line
# ends where its words do).
UNDER_A_SUBHEAD = "a line set to the indented measure under a subhead opens a paragraph"


# A line wrapped at a measure is at least as wide as the line under it, but for closing
# marks squeezed onto that line past the measure (an em or two).
WRAP_SLACK = 2.0


def split_paragraphs(blocks: Sequence[Block], standalone: Set[int] = frozenset()) -> Paragraphs:
    """Split the lines of consecutive body blocks into paragraphs.

    A block whose first line number is in ``standalone`` (a subhead) is a paragraph of its
    own, unless a column break cut a paragraph there (:func:`_runs_across_subhead_break`)
    or the line after it opens with a character the line-start rule took down from it
    (:func:`takes_down_from`, ``无法走入…《红楼`` over ``梦》，可以…``): that character was
    cut from the line above, which therefore wrapped in mid-text and ends no subhead (a
    subhead's line ends where its words do).  For the same reason a line of such a block
    that wrapped at the indented measure (:func:`wraps_at_the_indented_measure`) is no
    subhead's second line but a paragraph's first line under it (:data:`UNDER_A_SUBHEAD`)."""
    lines = [line for block in blocks for line in block.lines]
    following: dict[int, Line] = {a.number: b for a, b in itertools.pairwise(lines)}
    columns = whole_em_columns(lines, local_column_widths(lines))
    kept_indent = keeps_indentation(lines)
    set_in = not kept_indent and sets_in_paragraphs(lines)
    dateline_tail = _dateline_tail(lines)
    grid = column_grid(blocks, columns)
    blank_marked, silent_blanks = break_marking(blocks, columns)
    tight = running_lines_fill_the_column(lines, columns)
    out_of_order = joins_out_of_file_order(blocks)
    groups: list[list[Line]] = []
    line_rules: dict[int, str] = {}
    blank_roles: dict[int, tuple[str, str]] = {}
    previous: Line | None = None
    previous_opens = False
    previous_alone = False
    previous_rule = ""  # the rule that decided the previous line's break
    previous_blank = False  # a blank line stands above the previous line
    for block in blocks:
        alone = block.first.number in standalone and not _fills_the_column(
            block.first, columns[block.first.number], following.get(block.first.number)
        )
        for position, line in enumerate(block.lines):
            blanks = block.blanks_before if position == 0 else []
            # the blank before a piece read out of order stands next to other text
            blanks_tell = not (position == 0 and block.first.number in out_of_order)
            if previous is None:
                groups.append([line])
                line_rules[line.number] = "first line of the body"
                previous_rule = ""
                previous = line
                previous_opens = True
                continue
            blank_above = bool(blanks) and blanks_tell  # a blank line that tells stands above
            if position == 0 and (alone or previous_alone):
                if takes_down_from(previous, line, columns[line.number], previous_opens):
                    new, rule = False, TAKEN_DOWN
                elif _runs_across_subhead_break(
                    previous,
                    line,
                    columns[line.number],
                    previous_opens,
                    both=alone,
                    following=following.get(line.number),
                ):
                    new, rule = False, "a full unfinished line runs on across a column break"
                else:
                    new, rule = True, "a subhead is a paragraph of its own"
            elif position == 0 and block.opens_with_dateline:
                new, rule = True, "a dateline opens a paragraph"
            elif alone and _runs_on_in_block(previous, line, columns[line.number], previous_opens):
                new, rule = False, "a block taken for a subhead runs on at full width: body text"
            elif alone and line.width > previous.width + WRAP_SLACK:
                new, rule = True, "a subhead line wider than the one above: stacked, not wrapped"
            elif (
                alone
                and (under := following.get(line.number)) is not None
                and wraps_at_the_indented_measure(line, under, columns[line.number])
            ):
                new, rule = True, UNDER_A_SUBHEAD
            elif alone:
                new, rule = False, "a subhead wrapped over lines"
            elif previous is dateline_tail and not previous.ends_sentence:
                new, rule = False, "the dateline's byline wrapped onto the line before"
            elif kept_indent and line.indent >= KEPT_INDENT:
                new, rule = True, "indented line (the extractor kept the indent)"
            elif kept_indent and not _far_short(previous, columns[line.number], previous_opens):
                new, rule = False, "not indented (the extractor kept the indents)"
            elif set_in and line.set_in:
                new, rule = True, "set in from its column's text by the indent (layout page)"
            elif (
                set_in
                and line.set_in is False
                and not _far_short(previous, columns[line.number], previous_opens)
            ):
                new, rule = False, "flush with its column's text (layout page)"
            else:
                column = columns[line.number]
                under = following.get(line.number)
                new, rule = paragraph_break(
                    previous,
                    line,
                    blank_above,
                    column,
                    previous_opens,
                    under,
                    len(groups[-1]),
                    blanks_tell and line.number in grid.starts,
                    blanks_tell and line.number in grid.off,
                    blanks_tell and blank_marked and not blanks,
                    tight,
                    silent_blanks,
                    following.get(under.number) if under is not None else None,
                )
            if new and _one_line_opening_after_all(
                groups, previous, previous_rule, blank_above, previous_blank
            ):
                groups.pop()
                groups[-1].append(previous)
                line_rules[previous.number] = "continues: " + _LAST_LINE_AFTER_ALL
            previous_blank = blank_above
            previous_rule = rule
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


def joins_out_of_file_order(blocks: Sequence[Block]) -> set[int]:
    """First line numbers of the blocks that do not follow, in the file, the block they follow
    in the body: a piece the parse moved (a stray piece, a column band read column by column
    again) or one the extractor read before the text it goes on from.

    The extractor sets a blank line where its reading jumps, next to the text it read
    before the piece, not next to the text the piece goes on from: such a blank tells
    nothing of the join, so the shapes of the lines decide it alone."""
    numbers = sorted(line.number for block in blocks for line in block.lines)
    out: set[int] = set()
    for before, block in itertools.pairwise(blocks):
        at = bisect.bisect_left(numbers, block.first.number)
        if at == 0 or numbers[at - 1] != before.last.number:
            out.add(block.first.number)
    return out


# Lines inside a paragraph needed to tell how tightly a body's running lines fill the column.
TIGHT_MIN_LINES = 6


def running_lines_fill_the_column(lines: Sequence[Line], columns: Mapping[int, float]) -> bool:
    """Whether every running line of the body that can be told (at least
    ``TIGHT_MIN_LINES``) fills its column to within less than the indent.

    A running line here is one between two lines that do not end a sentence, under a line
    that is not a paragraph's first line (the line above that ends no sentence either), not
    letter-spaced and not stopped short by what opens the next line
    (:func:`explains_short_line`).  Set with every mark a full em, such lines are never
    two em short, and a line at the indented measure is a first line; where marks are
    compressed in print, a line without marks comes out two em shorter than one with
    several, and no width tells."""
    told = 0
    for above, before, line, after in zip(lines, lines[1:], lines[2:], lines[3:], strict=False):
        if (
            above.ends_sentence
            or before.ends_sentence
            or line.ends_sentence
            or line.spaced_out
            or not (above.page == before.page == line.page == after.page)
        ):
            continue
        column = columns[line.number]
        if column <= 0 or explains_short_line(line, after, column):
            continue
        if _far_short(before, column, opens=False):
            continue  # ``before`` may end a subhead or a list item: ``line`` may open
        told += 1
        if _at_indented_measure(line, column):
            return False
    return told >= TIGHT_MIN_LINES


def _fills_the_column(line: Line, column: float, following: Line | None) -> bool:
    """``line`` runs on at the full width of the column (not by the indent short, not
    ending a sentence): running text, never a subhead, which stops short of the column."""
    return (
        column > 0
        and not line.ends_sentence
        and not line.spaced_out
        and not _indented(line, column, following)
    )


def _runs_on_in_block(before: Line, after: Line, column: float, before_opens: bool) -> bool:
    """Inside a block taken for a subhead, ``before`` fills its measure (the column minus
    the indent when it opens the block) without ending a sentence, and ``after`` fills the
    column: running text, a paragraph set after a blank, not a subhead wrapped or stacked
    (a subhead stops short of the column).  ``before`` fills its measure too when it falls
    short of it only by what the line-start rule took down onto ``after``
    (:func:`full_but_for_pull_down`: ``本届世界杯涵盖104场对决、39个比赛`` over
    ``日、48支劲旅…``): a subhead's line ends where its words do, never in mid-word, and
    takes no character down."""
    if column <= 0 or before.ends_sentence or before.spaced_out:
        return False
    full = column - INDENT if before_opens else column
    if printed_width(before) < full - INDENT_MARGIN and not full_but_for_pull_down(
        before, after, full
    ):
        return False
    return not after.spaced_out and not _indented(after, column)


def _runs_across_subhead_break(
    before: Line,
    after: Line,
    column: float,
    before_opens: bool,
    both: bool,
    following: Line | None = None,
) -> bool:
    """A block taken for a subhead meets the body (or another such block) at a column break,
    and the line before the break fills the column (the column minus the indent when it
    opens a paragraph) without ending a sentence: a column ended in mid-paragraph, so the
    text runs on (a subhead is shorter than a first line, and a body line does not stop in
    mid-sentence before a subhead).  When only the line before the break is such a block,
    the line after must not look like an indented first line (a subhead as wide as a first
    line, over its paragraph), unless it is far too short for one (:func:`_wrapped_tail`):
    the subhead's last characters, cut off by the column break."""
    if column <= 0 or before.ends_sentence or closes_text(before):
        return False
    full = column - INDENT if before_opens else column
    if not before.spaced_out and printed_width(before) <= full - SHORT_MARGIN:
        return False
    return (
        both
        or after.ends_sentence
        or not _indented(after, column, following)
        or _wrapped_tail(after, column)
    )


def _wrapped_tail(line: Line, column: float) -> bool:
    """``line`` stops far short of even an indented first line (:func:`_far_short`, counted
    from the column minus the indent) without ending a sentence, and is not letter-spaced:
    not a paragraph's first line of running text, which fills its measure, but the last
    characters of a line wrapped above it (``安心隔离治疗  积极志愿服`` over ``务``)."""
    return not line.ends_sentence and _far_short(line, column, opens=True)
