"""Assign labelled blocks to articles.

The blocks are grouped into article units and title groups (:mod:`.units`); subheads are
folded into their articles, stray pieces moved back (:mod:`.stray_moves`), and trailing
bylines and editors' notes put where they belong (credits: :mod:`.unit_credits`).  Title
groups then go to a neighbouring unit.  Titles stand after their body on some pages (as on
the reference page) and before it on others, so both directions are tried and the one that
leaves fewer articles without a title and fewer titles without an article, and gives fewer
titles away from the text they run into with no blank line between, wins; on a tie the
page's first item decides (a page that opens with a title puts titles first).
Photo units (a caption with a credit) never take a title.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from shared.parsing.amid_titles import named_text
from shared.parsing.block import Block
from shared.parsing.blocks import page_lines
from shared.parsing.column_bands import read_bands
from shared.parsing.column_feet import interleave_feet, restore_column_feet
from shared.parsing.columns import (
    INDENT,
    INDENT_MARGIN,
    at_body_measure,
    column_width,
    lines_share_column,
    lines_share_measure,
    piece_column,
)
from shared.parsing.continuation_markers import (
    Continuation,
    strip_continuations,
)
from shared.parsing.credits import Credits, parse_credits
from shared.parsing.fields import apply_body_fields, opens_editors_note
from shared.parsing.glued_titles import (
    CONTEXT_LINES,
    TITLE_SPLIT_RULE,
    opening_question_title,
    trailing_question_title,
)
from shared.parsing.indentation import KEPT_INDENT, leading_space, paragraph_indent
from shared.parsing.late_bodies import head_bodies_read_later
from shared.parsing.line_adjacency import LineOrder
from shared.parsing.lines import Line, display_width, ends_sentence
from shared.parsing.merged_titles import split_merged_titles
from shared.parsing.normalise import join_wrapped, remove_layout_spaces
from shared.parsing.opening_titles import (
    extend_title_with_opening_paragraph,
    split_opening_title_paragraph,
    titles_glued_over_datelines,
)
from shared.parsing.paragraphs import capitals_slack, full_but_for_pull_down
from shared.parsing.photo_bylines import join_bylines_past_photos
from shared.parsing.run_on_titles import return_run_on_titles
from shared.parsing.stacked_titles import runs_on_as_wrap, wider_than_wrap
from shared.parsing.stray_moves import reattach_stray_pieces
from shared.parsing.stray_pieces import body_shape
from shared.parsing.stray_titles import move_stray_titles
from shared.parsing.title_bylines import carry_title_bylines, drop_displaced_credits
from shared.parsing.title_roles import (
    assign_title_roles,
    ends_with_column_tag,
    is_kicker_shaped,
    is_subtitle,
    opens_column_tag,
    reports_speech,
    unwrapped_title_roles,
)
from shared.parsing.title_runs import split_gathered_runs, split_title_runs
from shared.parsing.titles import BlockRole
from shared.parsing.topic import lines_share_topic, text_bigrams, vocabulary
from shared.parsing.topic_breaks import split_topic_breaks
from shared.parsing.types import ParsedArticle
from shared.parsing.unit_credits import (
    CAPTION_RULE,
    credited_apart,
    credits_a_caption,
    open_credited_apart,
)
from shared.parsing.units import (
    Item,
    TitleGroup,
    Unit,
    body_blocks,
    body_lines,
    build_items,
    index_over,
    is_photo,
    past_photos,
    speak_apart,
    unit_at,
)
from shared.parsing.untitled_pieces import place_untitled_pieces
from shared.parsing.wrapping import HARD_WRAPPED, Layout

Trace = dict[int, tuple[str, str]]
Direction = Literal["after", "before"]


def is_subhead_text(texts: Sequence[str]) -> bool:
    """No title-stack shape among the units: no subtitle (``——…``), no column tag closing a
    headline (``…（经济聚焦·农田里的新鲜事）``), and no kicker
    (``…——``/``…：``) next to a plain title it would introduce.  A group made only of lead-in
    lines introduces no headline, so it is a run-in subhead leading into the next paragraph
    (``政策赋能，解开束缚——``), not an article's kicker."""
    if any(is_subtitle(t) or ends_with_column_tag(t) for t in texts):
        return False
    lead_ins = [is_kicker_shaped(t) for t in texts]
    return all(lead_ins) or not any(lead_ins)


def is_intertitle_shaped(group: TitleGroup, host: Unit, layout: Layout) -> bool:
    """Plain lines set inside the host's column: no kicker (``…——``/``…：``) or subtitle
    (``——…``) shape (the group's lines joined as on a hard-wrapped page, whatever
    ``layout`` says), and no line wider than the column (a headline may span columns).

    Where the page's indent tells subheads (:attr:`Layout.subhead_indent`) a subhead, set
    as a paragraph of the body, carries the indent and a title, set in a box of its own,
    does not: there the indent decides, provided the host's own paragraphs show it (a page
    may carry an indented part of an article continued from a page that kept indents).  On
    a page that is not hard-wrapped there is no column to measure."""
    texts, _ = title_units(group, HARD_WRAPPED)
    if len(group.blocks) > 2 or not is_subhead_text(texts):
        return False
    indent = layout.subhead_indent
    if (
        indent is not None
        and leading_space(group.blocks[0].first) != indent
        and any(leading_space(line) == indent for block in host.body for line in block.lines)
    ):
        return False
    if layout.unwrapped:
        return True  # no measure to compare with: each line is as wide as its text
    column = column_width([line for block in host.body for line in block.lines])
    for block in group.blocks:
        if any(line.width > column + 1.0 for line in block.lines):
            return False
        # a subhead wraps at the column; a headline wraps at its own, narrower measure (and a
        # wrapped line is the wider: a line shorter than the one under it did not wrap, it
        # is a line of its own, as a subhead's label over the subhead: 总指挥讲述 / 困难…)
        if any(
            line.width < column - 3.0 and line.width >= under.width
            for line, under in itertools.pairwise(block.lines)
        ):
            return False
    return True


def unit_column(unit: Unit) -> float:
    """The column width of a unit's body, or 0 when too few lines measure it."""
    return piece_column([line for block in unit.body for line in block.lines])


def same_column(first: Unit, second: Unit) -> bool:
    """Both pieces of body were set in the same column width (an article keeps its column);
    true when either is too short to tell (:func:`lines_share_column`)."""
    return lines_share_column(
        [line for block in first.body for line in block.lines],
        [line for block in second.body for line in block.lines],
    )


def same_measure(first: Unit, second: Unit) -> bool:
    """Both pieces of body were set in one column (:func:`same_column`), and their full
    lines do not tell two measures to the em (:func:`.columns.lines_share_measure`: one's
    settle on a width that the other's run a whole em past)."""
    return lines_share_measure(
        [line for block in first.body for line in block.lines],
        [line for block in second.body for line in block.lines],
    )


def shares_topic(first: Unit, second: Unit) -> bool:
    """The two pieces of body read as one text (:func:`lines_share_topic`), judged on the
    text next to where they meet (``CONTEXT_LINES`` each side)."""
    return lines_share_topic(
        [line for block in first.body for line in block.lines][-CONTEXT_LINES:],
        [line for block in second.body for line in block.lines][:CONTEXT_LINES],
    )


def fold_intertitles(items: list[Item], layout: Layout) -> list[Item]:
    """Keep subheads (小标题) inside their article.

    A title group standing between two pieces of body where the second piece does not open
    like an article (no dateline, byline or 上接 marker) is taken for a subhead: the two
    pieces are one article and the subhead's lines become paragraphs of it.  Papers open
    nearly every article with a dateline or a byline, while long features carry several
    subheads, so this is the likelier reading, unless the two pieces plainly speak of
    different things (:func:`shares_topic`) or are credited apart
    (:func:`credited_apart`): then the title opens an article that has neither dateline
    nor byline.  In text that is not hard-wrapped blank lines tell it too
    (:meth:`Layout.sets_apart`), and the indent does not (:attr:`Layout.subhead_indent`).
    The host is the unit whose body ends right over the group where that is another than
    the item before it (:func:`_host_right_above`), else the item before it.

    A group whose words clearly name another text of the page (:func:`.amid_titles.named_text`)
    that stands under a lone title block is that text's other title level read amid this
    text (an extractor reading across a row gives a neighbour module's title between two
    paragraphs): the two pieces are still one text, and the group joins the stack over the
    text it names (:func:`_takes_stray_title`).
    """
    texts = [unit for unit in items if isinstance(unit, Unit) and unit.kind == "article"]
    vocab_lines = [body_lines(unit) for unit in texts]
    out: list[Item] = []
    index = 0
    while index < len(items):
        item = items[index]
        follower = items[index + 1] if index + 1 < len(items) else None
        if isinstance(item, TitleGroup) and isinstance(follower, Unit):
            host = _intertitle_host(out, item, follower, layout)
            if host is not None:
                own = [i for i, unit in enumerate(texts) if unit is host or unit is follower]
                named = named_text(item.blocks, vocab_lines, own)
                if named is None or not _takes_stray_title(items, index, out, texts[named], item):
                    for block in item.blocks:
                        host.intertitles.add(block.first.number)
                    host.body.extend(item.blocks)
                host.body.extend(follower.body)
                host.intertitles.update(follower.intertitles)
                # the follower opens like no article (no 上接 marker) but may close with a 下转
                host.markers.extend(follower.markers)
                index += 2
                continue
        out.append(item)
        index += 1
    return out


def _takes_stray_title(
    items: list[Item], at: int, out: list[Item], text: Unit, group: TitleGroup
) -> bool:
    """Join the title ``group`` read at ``at`` amid another text to the stack over the
    ``text`` its words name, where that stack is a lone title block (a headline, or a
    subtitle ``——…`` wanting its headline) standing over the text (past the photos set
    between): the group's one block is the level over it, a kicker over its headline or a
    headline over its subtitle.  Only a text that opens like an article (a byline, a
    dateline, a 上接 marker, a change of topic: :attr:`.Unit.anchored`) is named so: a
    piece of a long feature read on elsewhere shares the feature's words with its subheads,
    and the block over it is one of them.  Not where the lone block is wrapped at the
    text's own measure either (the text's opening lines read as a title, not a title
    level).  ``out``: the items passed so far (a stack folded as a subhead is gone)."""
    if len(group.blocks) != 1 or not text.anchored:
        return False
    place = next(i for i, unit in enumerate(items) if unit is text)
    above = index_over(items, place)
    stack = items[above] if above >= 0 else None
    if not isinstance(stack, TitleGroup) or len(stack.blocks) != 1:
        return False
    if above <= at + 1 and not any(item is stack for item in out):
        return False
    lone = stack.blocks[0]
    if len(lone.lines) > 1 and at_body_measure(lone.first, column_width(body_lines(text))):
        return False
    stack.blocks[:0] = group.blocks
    return True


def _intertitle_host(
    out: Sequence[Item], item: TitleGroup, follower: Unit, layout: Layout
) -> Unit | None:
    """The unit that the title group ``item`` is a subhead of, with ``follower`` the rest
    of its text (:func:`fold_intertitles`), or None: the unit whose body ends right over
    the group (:func:`_host_right_above`), else the item before it."""
    above = _host_right_above(out, item)
    for host in (above, out[-1] if out else None):
        if (
            isinstance(host, Unit)
            and host.kind == "article"
            and host.body
            and not any(m.forward for m in host.markers)
            and follower.kind == "article"
            and not follower.anchored
            and same_measure(host, follower)
            and is_intertitle_shaped(item, host, layout)
            and (
                shares_topic(host, follower)
                or _set_in_the_text(item, host, follower)
                or (layout.sets_nothing_apart and _named_in_the_text(item, host))
                or (not layout.sets_nothing_apart and _read_straight_through(item, host, follower))
            )
            and not layout.sets_apart(item.blocks, host.body, follower.body)
            and not credited_apart(host, follower)
        ):
            return host
    return None


def _host_right_above(out: Sequence[Item], group: TitleGroup) -> Unit | None:
    """The unit whose body ends on the line right over the group, with no blank line
    between, where that is not the item before the group: a piece of body that the
    extractor read just above a subhead and that was then put back after the block it
    continues (:mod:`.stray_moves`) leaves the subhead after another article's text.  In
    print the subhead stood in that piece's column, under its last line, so that piece's
    article is the one it may be a subhead of."""
    if group.blocks[0].blanks_before or not out:
        return None
    above = group.blocks[0].first.number - 1
    for item in out[:-1]:
        if isinstance(item, Unit) and item.body and item.body[-1].last.number == above:
            return item
    return None


def _read_straight_through(group: TitleGroup, host: Unit, follower: Unit) -> bool:
    """The host's text, the group and the follower's text come one right under the other
    with no blank line anywhere between (the host's last line, the group's lines, the
    follower's first line), on a page whose extractor parts modules with blank lines:
    the group is set inside the running column, a subhead, whatever the two sections speak
    of (a section opening with a run of quoted questions shares few words with the lead
    above it).  Such an extractor sets a blank line above a module's titles, where the
    column of the module above ends, so another article's title is not read straight on
    from the text above it; where it sets none anywhere (``sets_nothing_apart``) this
    tells nothing."""
    first, last = group.blocks[0], group.blocks[-1]
    return (
        all(not block.blanks_before for block in group.blocks)
        and not follower.body[0].blanks_before
        and host.body[-1].last.number + 1 == first.first.number
        and last.last.number + 1 == follower.body[0].first.number
    )


def _set_in_the_text(group: TitleGroup, host: Unit, follower: Unit) -> bool:
    """The group runs in the text's flow, no blank line above or under it, between two
    pieces of body that, read whole, do not speak of different things (:func:`speak_apart`):
    a subhead of the text, though the lines next to it (a run of quoted questions opening
    a section) share few words with those above.  A title set over its own article stands
    apart from the text above it."""
    return (
        not group.blocks[0].blanks_before
        and not follower.body[0].blanks_before
        and not speak_apart(host, follower)
    )


# A subhead names a theme its article already spoke of: at least this share of its
# character bigrams, and this many, stand in the text above it.
NAMED_SHARE = 0.5
MIN_NAMED_BIGRAMS = 3


def _named_in_the_text(group: TitleGroup, host: Unit) -> bool:
    """The group's words are the text's own: half its character bigrams or more (and at
    least ``MIN_NAMED_BIGRAMS``) stand in the body above it.  An article's opening names
    the themes its subheads then take up (``奋战抗疫一线，筑牢防控屏障；…`` over the subhead
    ``筑牢疫情防控屏障``), so the subhead is read in that text even when the section under it
    opens with lines that share little with the lines above (a run of quoted questions).
    The title of another article speaks of that article, not of the one it follows.  Asked
    only where the extractor leaves no blank line: it reads the page in print order, each
    title over its own body, so the body above the group is never the group's own (where
    titles may follow their bodies, a headline's words stand in the body above it)."""
    words = text_bigrams("".join(line.text for block in group.blocks for line in block.lines))
    named = len(words & vocabulary(body_lines(host)))
    return named >= MIN_NAMED_BIGRAMS and named >= NAMED_SHARE * len(words)


def carry_editors_notes(items: list[Item]) -> list[Item]:
    """An editor's note (``编者按：…``) introduces what follows it, never closes an article:
    one closing a unit's body over a title group and the body of the next article is that
    article's opening (titles set over their bodies; where they follow them, the note
    opens the unit after the title above it already)."""
    for index, item in enumerate(items[:-2]):
        title, follower = items[index + 1], items[index + 2]
        if (
            isinstance(item, Unit)
            and item.kind == "article"
            and len(item.body) > 1
            and isinstance(title, TitleGroup)
            and isinstance(follower, Unit)
            and follower.kind == "article"
            and opens_editors_note(item.body[-1].first.text)
        ):
            follower.body.insert(0, item.body.pop())
    return items


def attach_trailing_bylines(items: list[Item]) -> list[Item]:
    """A byline with no body after it (the next item is a title or nothing) closes the
    article before it, as papers that credit the reporter at the end do."""
    out: list[Item] = []
    for index, item in enumerate(items):
        follower = items[index + 1] if index + 1 < len(items) else None
        previous = out[-1] if out else None
        if (
            isinstance(item, Unit)
            and item.kind == "article"
            and not item.body
            and not item.markers
            and not isinstance(follower, Unit)
            and isinstance(previous, Unit)
            and previous.kind == "article"
        ):
            if credits_a_caption(previous, item):
                caption = previous.body.pop()
                lines = [*caption.lines, *(line for b in item.bylines for line in b.lines)]
                block = Block("text", lines, CAPTION_RULE, caption.blanks_before)
                out.append(Unit(kind="photo", body=[block]))
                continue
            previous.bylines.extend(item.bylines)
            continue
        out.append(item)
    return out


def absorb_untitled_units(
    items: list[Item], titled: set[int], direction: Direction, blanks_tell: bool
) -> set[int]:
    """Merge untitled article units into a titled neighbour; return the absorbed indexes.

    Every article has a title.  A unit without one that stands next to other units with no
    title between them is more of one of those articles: a second dateline paragraph
    (``本报北京1月17日电 …`` reporting a related event) or a mid-article byline.  It joins
    the nearest titled unit of its run of adjacent units, on the side the page puts its
    titles' bodies: the titled unit after it when titles follow their body, before it
    otherwise.  A unit that opens like an article (a dateline, a byline) and speaks of other
    things than a host (:func:`speak_apart`) is no more of that host's article: an article
    whose title the extractor set elsewhere (a row's titles read across, one title of the
    run taken by another body), which stays an article of its own, untitled; so is a unit
    credited at its head apart from the host (:func:`open_credited_apart`; a blank line
    over a dateline tells only where ``blanks_tell``: the page does not part its
    paragraphs with blank lines).
    """
    absorbed: set[int] = set()
    for chain in _adjacent_unit_runs(items, past_photos=True):
        # a part continued from another page belongs to a titled article too
        hosts = [i for i in chain if i in titled or not unit_at(items, i).wants_title]
        if not hosts:
            continue
        for index in chain:
            unit = unit_at(items, index)
            if index in titled or not unit.wants_title:
                continue
            fitting = [h for h in hosts if same_measure(unit_at(items, h), unit)]
            if unit.anchored:
                fitting = [
                    h
                    for h in fitting
                    if not speak_apart(unit_at(items, h), unit)
                    and not open_credited_apart(*_in_page_order(items, h, index), blanks_tell)
                ]
            if not fitting:
                continue
            before = [h for h in fitting if h < index]
            after = [h for h in fitting if h > index]
            if direction == "after":
                host_index = after[0] if after else before[-1]
            else:
                host_index = before[-1] if before else after[0]
            host = unit_at(items, host_index)
            if host_index < index:
                _join_units(host, unit, host)
            else:
                _join_units(unit, host, host)
            host.intertitles.update(unit.intertitles)
            absorbed.add(index)
    return absorbed


def _in_page_order(items: list[Item], first: int, second: int) -> tuple[Unit, Unit]:
    """The units at two indexes, the upper one first."""
    upper, lower = sorted((first, second))
    return unit_at(items, upper), unit_at(items, lower)


def _join_units(first: Unit, second: Unit, into: Unit) -> None:
    """Put the bylines, body and markers of ``first`` then ``second`` (adjacent in page
    order) into ``into`` (one of them); a section label heading ``second`` stays text."""
    bylines, body = list(first.bylines), list(first.body)
    if _is_section_label(first, second):
        labels = [
            Block("text", b.lines, SECTION_LABEL_RULE, b.blanks_before) for b in second.bylines
        ]
        into.intertitles.update(b.first.number for b in labels)
        body += labels
    else:
        bylines += second.bylines
    into.bylines = bylines
    into.body = body + second.body
    into.markers = first.markers + second.markers


SECTION_LABEL_RULE = "a role-shaped label inside an article's body (■记者手记)"


def _is_section_label(host: Unit, unit: Unit) -> bool:
    """``unit`` opens with a byline-shaped line and goes on with more text of ``host``,
    whose body it follows: is that line a section label of host's text?

    An article is credited at its head (a byline or the dateline's parentheses) or at its
    end, never between two pieces of its own body.  A byline-shaped line with the
    article's text both above and below it (and no dateline of its own under it, so no new
    report begins) is a column label set inside the body (``■记者手记``, ``■编者按``) and
    stays text."""
    if not unit.bylines or not unit.body or not host.body:
        return False
    return not unit.body[0].opens_with_dateline and len(unit.bylines) == 1


def _cut_short(item: Item) -> bool:
    """A piece of body that stops mid-sentence: its text goes on elsewhere."""
    return isinstance(item, Unit) and bool(item.body) and not item.body[-1].ends_sentence


def _adjacent_unit_runs(items: list[Item], *, past_photos: bool = False) -> list[list[int]]:
    """Runs of adjacent article units (a title group, a photo or a 下转 marker ends a run;
    with ``past_photos`` a photo does not: its caption may be set inside an article)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, item in enumerate(items):
        if past_photos and is_photo(item) and current and _cut_short(items[current[-1]]):
            continue
        if isinstance(item, Unit) and item.kind == "article":
            current.append(index)
            if any(m.forward for m in item.markers):
                runs.append(current)
                current = []
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def assign_titles(
    items: list[Item], order: LineOrder | None = None
) -> tuple[dict[int, int], set[int], Direction]:
    """Title group index → unit index (both into ``items``); which groups stand before.

    Cost of a direction: each run of adjacent article units left without any title (one
    article may hold several units, e.g. a second dateline), twice each title left without
    an article, half for each title that had to go against the direction, and one for each
    title given away from the text it runs into (:func:`_glued_units`): the extractor
    parts a title from another module's text with a blank line, so that weighs as much as
    an article left untitled.  On a tie, the titles stand before their bodies where the page
    opens with a title, or where its extractor sets nothing apart (PyMuPDF's ``get_text()``
    reads in drawing order, each module's titles over its body: a page opening with untitled
    text, the rest of another page's article, leaves that text untitled, not the last one).
    """
    best: tuple[float, int, dict[int, int], Direction] | None = None
    order = order or LineOrder()
    opens_with_title = bool(items) and isinstance(items[0], TitleGroup)
    glued = _glued_units(items, order)
    runs = _adjacent_unit_runs(items)
    for direction in ("after", "before"):
        assignment = _assign(items, direction)
        titled = set(assignment.values())
        untitled = sum(
            1
            for run in runs
            if any(unit_at(items, i).wants_title for i in run) and not titled & set(run)
        )
        orphans = sum(
            1
            for i, item in enumerate(items)
            if isinstance(item, TitleGroup) and i not in assignment
        )
        against = sum(1 for g, u in assignment.items() if (u > g) == (direction == "after"))
        # a title run into the text on one side of it and given to the unit on the other
        unglued = sum(1 for g, u in assignment.items() if glued.get(g, u) != u)
        cost = untitled + 2 * orphans + 0.5 * against + unglued
        preferred = (direction == "before") == (opens_with_title or order.sets_nothing_apart)
        key = (cost, 0 if preferred else 1)
        if best is None or key < (best[0], best[1]):
            best = (cost, key[1], assignment, direction)
    assert best is not None
    assignment = best[2]
    before = {g for g, u in assignment.items() if u > g}
    return assignment, before, best[3]


def _unit_ends(item: Item | None) -> tuple[Line, Line] | None:
    """An article unit's first and last lines (None: no unit, or no text)."""
    if not isinstance(item, Unit):
        return None
    lines = [line for block in (*item.bylines, *item.body) for line in block.lines]
    if not lines:
        return None
    return min(lines, key=_NUMBER), max(lines, key=_NUMBER)


_NUMBER = operator.attrgetter("number")


def _glued_units(items: Sequence[Item], order: LineOrder) -> dict[int, int]:
    """Title group index → the unit (item index) it runs into: the extractor joins a title
    to the text set right under it (a headline over its dateline or byline) with no blank
    line, and parts it from the text of another module with one (:mod:`.line_adjacency`).
    A title with a blank line (or anything else: a page break, a running header) on both
    sides, or on neither, is in no entry."""
    glued: dict[int, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, TitleGroup) or not item.blocks:
            continue
        first, last = item.blocks[0].first, item.blocks[-1].last
        below = _unit_ends(items[index + 1] if index + 1 < len(items) else None)
        above = _unit_ends(items[index - 1] if index > 0 else None)
        under = below is not None and order.runs_into(last, below[0])
        over = above is not None and order.runs_into(above[1], first)
        if under != over:
            glued[index] = index + 1 if under else index - 1
    return glued


def titled_items(
    items: list[Item], order: LineOrder | None = None
) -> tuple[list[Item], tuple[dict[int, int], set[int], Direction]]:
    """The items with lines run on from a body taken back from the title run under it
    (:mod:`.run_on_titles`), two side-by-side titles merged line by line split
    (:mod:`.merged_titles`), title runs of side-by-side modules split (:mod:`.title_runs`)
    and titles read with another row's moved over their bodies (:mod:`.stray_titles`) where the
    page sets its titles over their bodies, and their title assignment
    (:func:`assign_titles`)."""
    titles = assign_titles(items, order)
    if titles[2] != "before":
        return items, titles
    returned = return_run_on_titles(items, order or LineOrder())
    split = split_gathered_runs(move_stray_titles(split_title_runs(split_merged_titles(returned))))
    if len(split) == len(items) and all(a is b for a, b in zip(split, items, strict=True)):
        return items, titles
    split_titles = assign_titles(split, order)
    return (split, split_titles) if split_titles[2] == "before" else (items, titles)


def _assign(items: Sequence[Item], direction: Direction) -> dict[int, int]:
    taken: set[int] = set()
    assignment: dict[int, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, TitleGroup):
            continue
        sides = (index - 1, index + 1) if direction == "after" else (index + 1, index - 1)
        for side in sides:
            if side > index:  # (not upward: a title under its body is set right under it)
                side = past_photos(items, side)
            if 0 <= side < len(items) and side not in taken:
                unit = items[side]
                if isinstance(unit, Unit) and unit.takes_title:
                    assignment[index] = side
                    taken.add(side)
                    break
    return assignment


def clean_line(line: Line) -> tuple[str, list[Continuation]]:
    text, markers = strip_continuations(line.text, line.continuations)
    return remove_layout_spaces(text, line.spaced_out), markers


def title_units(
    group: TitleGroup, layout: Layout, body: str = "", page: str = ""
) -> tuple[list[str], list[list[Line]]]:
    """Title lines → title units: adjacent lines of one block are one wrapped title unless
    one is a subtitle (``——…``), the line above is kicker-shaped (``…——``, ``…：``), or
    the page is not hard-wrapped (``layout.unwrapped``: each title line is a part of its
    own).  On a page whose extractor leaves no blank line (``layout.sets_nothing_apart``),
    where a kicker runs into its headline as a wrapped title's lines run on, a line is a
    title of its own unless its width and wording show it to be a wrap's rest
    (:func:`_stacked`; ``body`` is the article's body text, without spaces, ``page`` the
    page's running text without the group's own lines).  On such a
    page, too, a kicker that reports speech (``…会议上强调``) ends its unit, and the
    statement under it is one headline, however many lines its phrases take (``深刻认识和把握
    改革规律 进一步改进工作方式方法`` / ``不断推动政府职能转变和营商环境改善取得新突破``):
    such a kicker introduces the statement, and no second kicker.  Where blank lines part
    blocks, the lines of one block are set in one size, and a headline broken at a phrase may
    run longer on its second line (``我市两课程入选`` / ``全国基层干部培训优秀网络课程``)."""
    texts: list[str] = []
    lines: list[list[Line]] = []
    for block in group.blocks:
        for position, line in enumerate(block.lines):
            text, _ = clean_line(line)
            # where nothing sets lines apart, a block of the group that runs into the one
            # above (a glued run split off in pieces) goes on its last line as a line does
            above = block.lines[position - 1] if position else _run_into_from(layout, lines, block)
            separate = (
                above is None
                or layout.unwrapped
                or is_subtitle(text)
                or is_kicker_shaped(texts[-1])
                or (layout.sets_nothing_apart and reports_speech(texts[-1]))
                or (
                    layout.sets_nothing_apart
                    and not (len(texts) > 1 and reports_speech(texts[-2]))
                    and _stacked(above, line, texts[-1], text, body, page)
                )
            )
            if separate:
                texts.append(text)
                lines.append([line])
            else:
                texts[-1] = join_wrapped([texts[-1], text])
                lines[-1].append(line)
    return texts, lines


def _run_into_from(layout: Layout, units: Sequence[Sequence[Line]], block: Block) -> Line | None:
    """The title line the ``block``'s first line runs on from, on a page that sets nothing
    apart: the last line of the title units so far, unless a blank line parts them.  A
    glued title run split off a body in pieces (at most ``MAX_TRAILING_TITLE_LINES`` lines
    at a time: ``深刻认识和把握改革规`` / ``律 进一步改进工作方式`` and then ``方法不断推动政府职能
    转`` / …) is one run of lines there, and its lines are wraps or stacks by the same
    widths and words.  None: the block's first line opens a unit of its own."""
    if not layout.sets_nothing_apart or not units or block.blanks_before:
        return None
    return units[-1][-1]


def _stacked(
    upper: Line, lower: Line, upper_text: str, lower_text: str, body: str, page: str = ""
) -> bool:
    """Two title lines running into each other on a page with no blank line are two titles
    (a kicker over its headline) unless the lower one's width and wording show it to be the
    rest of a title wrapped from the upper (:mod:`.stacked_titles`), or a column tag that
    ends it (:func:`.title_roles.opens_column_tag`).  ``upper_text`` is the title unit the
    upper line ends; ``body`` the article's body text and ``page`` the page's running text
    (the words a break may cut).  A plain line under a subtitle (``——…``) is the subtitle's
    rest, if its width allows a wrap: such a page reads a stack in print order, and the
    subtitle stands last in it, under the kicker and the headline (``——友情提醒：出门前除了
    戴口罩，千万`` / ``别忘了带钥匙，煤气关火电器断电``)."""
    if opens_column_tag(lower_text):
        return False
    if is_subtitle(upper_text):
        return wider_than_wrap(upper, lower)
    return wider_than_wrap(upper, lower) or not runs_on_as_wrap(upper_text, lower_text, body, page)


def _set_right_over(units: Sequence[Sequence[Line]], body: Unit | None, order: LineOrder) -> bool:
    """The last title unit runs into the body under it with no blank line, while blank
    lines set the unit above apart on both sides: a stack read in print order, the lower
    unit set right over its body.  (A unit above that runs into the text over it may be
    read out of order, under its own body.)  On a page with no blank line at all, the units
    and the body running into each other in turn say as much."""
    ends = _unit_ends(body)
    if ends is None or len(units) < 2:
        return False
    last, above = units[-1], units[-2]
    if order.sets_nothing_apart:
        # an extractor that leaves no blank line gives the stack in print order: the upper
        # unit runs into the lower and the lower into the body
        return order.runs_into(above[-1], last[0]) and order.runs_into(last[-1], ends[0])
    return (
        order.runs_into(last[-1], ends[0])
        and order.set_apart_above(last[0])
        and order.set_apart_above(above[0])
    )


def wrap_measure(lines: Sequence[Line]) -> float | None:
    """Width of the widest wrapped (non-last) line of a title unit over several lines, else
    None: how much of its type the title's measure holds."""
    if len(lines) < 2:
        return None
    return max(display_width(clean_line(line)[0]) for line in lines[:-1])


@dataclass
class BuiltArticle:
    article: ParsedArticle
    trace: Trace
    first_line: int


def build_article(
    unit: Unit | None,
    group: TitleGroup | None,
    body_after: bool,
    page: int,
    layout: Layout,
    order: LineOrder | None = None,
) -> BuiltArticle:
    article = ParsedArticle(page=page)
    trace: Trace = {}
    credits = Credits()
    bylines: list[str] = []
    first_line = 1 << 30
    if unit is not None:
        article.kind = unit.kind
        for block in unit.bylines:
            for line in block.lines:
                bylines.append(line.text)
                credits.extend(parse_credits(line.text))
                trace[line.number] = ("byline", block.rule)
                first_line = min(first_line, line.number)
        paragraphs, markers = _body_paragraphs(unit, trace, layout)
        if not layout.unwrapped:
            article.short_by, article.opens_full, article.closes_wrapped = _body_edges(unit)
        dateline = apply_body_fields(article, paragraphs, unit.markers + markers, bylines, credits)
        if dateline is not None:
            first = unit.body[0].first
            trace[first.number] = ("dateline", f"opens with the dateline {dateline.place}")
        for block in unit.body:
            first_line = min(first_line, block.first.number)
    if group is not None:
        body = ""  # the body's text without spaces, read only where nothing sets lines apart
        if unit and layout.sets_nothing_apart:
            body = "".join(
                "".join(line.text.split()) for block in unit.body for line in block.lines
            )
        texts, lines = title_units(group, layout, body, _page_text_beside(layout, group))
        roles = (
            unwrapped_title_roles(texts)
            if layout.unwrapped
            else assign_title_roles(
                texts,
                body_after,
                [wrap_measure(unit) for unit in lines],
                set_over_body=body_after and _set_right_over(lines, unit, order or LineOrder()),
            )
        )
        article.kicker, article.headline, article.subtitle = (
            roles.kicker,
            roles.headline,
            roles.subtitle,
        )
        for index, unit_lines in enumerate(lines):
            role, rule = roles.rules.get(index, ("title", "title"))
            for line in unit_lines:
                trace[line.number] = (role, rule)
                first_line = min(first_line, line.number)
    article.reporters = credits.reporters
    article.correspondents = credits.correspondents
    article.byline = "\n".join(bylines)
    return BuiltArticle(article=article, trace=trace, first_line=first_line)


def _body_edges(unit: Unit) -> tuple[float, bool, bool]:
    """How far (em) the unit's last body line (without a continuation marker) stops short
    of the column its body is set in, whether its first body line fills that column
    (less than an em short, its Latin capitals counted at their printed width, or short
    by less than the indent only for the character the line-start rule took down onto the
    line under it with the marks after it; no kept indent: a running line, not a
    paragraph's first line short by the indent, whether or not it ends a sentence), and
    whether the last line, ending no sentence, is read right under a line that fills the
    column without ending one (a wrapped sentence's tail).
    The column is measured on the lines that tell it (no dateline, no marker); (0, False,
    False) when none does, and the first line is not judged when fewer than three lines
    under it measure the column (:func:`.columns.piece_column`)."""
    if unit.kind != "article" or not unit.body:
        return 0.0, False, False
    lines = [line for block in unit.body for line in block.lines]
    column = column_width([line for line in lines if line.measures_column])
    if column <= 0:
        return 0.0, False, False
    last, first = lines[-1], lines[0]
    short_by = 0.0
    text, _ = strip_continuations(last.text, last.continuations)
    if not last.spaced_out:
        short_by = max(0.0, column - display_width(text))
    above = lines[-2] if len(lines) > 1 else None
    closes_wrapped = (
        above is not None
        and above.number + 1 == last.number  # read right above it (no blank, no jump)
        and not ends_sentence(text)
        and not above.ends_sentence
        and (above.spaced_out or above.width > column - INDENT_MARGIN)
    )
    # the first line against the column the other lines measure (it may set the column
    # itself where only a few lines follow it)
    rest = piece_column(lines[1:])
    text, _ = strip_continuations(first.text, first.continuations)
    opens_full = (
        rest > 0
        and first.indent < KEPT_INDENT  # a kept indent marks a first line
        and not first.spaced_out
        and not first.opens_dateline
        and (
            # (an em short reads as indented; Latin capitals print wider than they count)
            display_width(text) + capitals_slack(text) > rest - INDENT_MARGIN
            # or short by less than the indent only for what the line-start rule took
            # down onto the next line (``开团当日，…生成购买链`` over ``接，团长可为…``)
            or (
                rest - display_width(text) < INDENT - INDENT_MARGIN / 2
                and full_but_for_pull_down(first, lines[1], rest)
            )
        )
    )
    return short_by, opens_full, closes_wrapped


def _body_paragraphs(
    unit: Unit, trace: Trace, layout: Layout
) -> tuple[list[str], list[Continuation]]:
    result = layout.paragraphs(unit.body, unit.intertitles)
    markers: list[Continuation] = []
    paragraphs: list[str] = []
    role = "caption" if unit.kind == "photo" else "body"
    for group in result.groups:
        parts = []
        for line in group:
            text, found = clean_line(line)
            markers.extend(found)
            parts.append(text)
            rule = result.line_rules[line.number]
            if found:
                rule += "; continuation marker " + ", ".join(m.marker for m in found)
            trace[line.number] = (role, rule)
        paragraphs.append(join_wrapped(parts))
    if unit.kind == "photo" and len(paragraphs) > 1:
        paragraphs = [join_wrapped(paragraphs)]  # a caption is one paragraph
    trace.update(result.blank_roles)
    return paragraphs, markers


def split_question_title(unit: Unit) -> TitleGroup | None:
    """On a page whose titles stand after their body, an article left without a title
    whose body ends with a question or exclamation line of a headline's shape (no sentence
    punctuation inside, the text above it closed): that line is its title, extracted
    without a blank line (``商圈如何接住世界杯流量？`` under its body at the page end).
    Every article has a title, and where titles follow the body it can only be there."""
    if not unit.wants_title or not unit.body:
        return None
    block = unit.body[-1]
    cut = trailing_question_title(block)
    if cut is None:
        return None
    unit.body[-1] = Block(block.kind, block.lines[:cut], block.rule, block.blanks_before)
    return TitleGroup(blocks=[Block(block.kind, block.lines[cut:], TITLE_SPLIT_RULE)])


def split_opening_question_title(unit: Unit) -> TitleGroup | None:
    """On a page whose titles stand over their body, an article left without a title
    (no byline over its body) whose body opens with a question or exclamation line of a
    headline's shape over more text: that line is its title, extracted without a blank line
    under it (:func:`opening_question_title`).  The mirror of :func:`split_question_title`:
    every article has a title, and where titles stand over the body it can only be there."""
    if not unit.wants_title or not unit.body or unit.bylines:
        return None
    block = unit.body[0]
    if not opening_question_title(block):
        return None
    unit.body[0] = Block(block.kind, block.lines[1:], block.rule)
    return TitleGroup(
        blocks=[Block(block.kind, block.lines[:1], TITLE_SPLIT_RULE, block.blanks_before)]
    )


def _page_text_beside(layout: Layout, group: TitleGroup) -> str:
    """The page's running text (:attr:`.wrapping.Layout.page_text`) without the title
    lines of ``group``, which it holds where they were read into a body first (a title
    taken out of its body's opening later): a title says nothing of its own words."""
    if not layout.page_text:
        return ""
    own = "".join("".join(line.text.split()) for block in group.blocks for line in block.lines)
    return layout.page_text.replace(own, "\n", 1) if own else layout.page_text


def _running_text(items: Sequence[Item]) -> str:
    """The text of every unit's body without spaces, a block a line: lines run on."""
    return "\n".join(
        "".join("".join(line.text.split()) for line in block.lines) for block in body_blocks(items)
    )


def assemble_page(
    blocks: Sequence[Block], roles: Sequence[BlockRole], page: int, unwrapped: bool = False
) -> tuple[list[ParsedArticle], Trace]:
    """All articles of one page in page order, and the per-line trace (``unwrapped``: the
    page is not hard-wrapped, see :mod:`shared.parsing.wrapping`)."""
    order = LineOrder(blocks)
    layout = Layout(
        unwrapped=unwrapped,
        indent=paragraph_indent(page_lines(blocks)),
        sets_nothing_apart=order.sets_nothing_apart,
    )
    items = join_bylines_past_photos(attach_trailing_bylines(build_items(blocks, roles)))
    if order.sets_nothing_apart:
        layout = replace(layout, page_text=_running_text(items))
    # (a blank line tells nothing of where a report opens in text that is not hard-wrapped)
    blanks_tell = False
    indents = False
    if not unwrapped:  # one paragraph a line: no column to measure a piece by
        # how the body is set, asked by all three and worked out once, in page order
        items = return_run_on_titles(items, order, leaving_open=True)
        shape = body_shape(body_blocks(items))
        blanks_tell = not shape.blank_paragraphs
        indents = shape.indents
        items = split_topic_breaks(reattach_stray_pieces(read_bands(items, shape), shape), shape)
    items = fold_intertitles(items, layout)
    items = carry_editors_notes(items)
    if not unwrapped:  # (a line a paragraph: a title has no wrap to tell it by)
        items = titles_glued_over_datelines(items)
    items, (assignment, before, direction) = titled_items(items, order)
    group_of_unit = {u: g for g, u in assignment.items()}
    emptied = carry_title_bylines(items, assignment, direction == "before", order)
    absorbed = absorb_untitled_units(items, set(group_of_unit), direction, blanks_tell)
    absorbed |= emptied
    if not unwrapped:
        staying = [
            i
            for i, item in enumerate(items)
            if isinstance(item, Unit) and item.kind == "article" and i not in absorbed
        ]
        untitled = [i for i in staying if i not in group_of_unit and unit_at(items, i).wants_title]
        hosts = [i for i in staying if i not in untitled]
        absorbed |= place_untitled_pieces(items, untitled, hosts, shape)
        if direction == "before":
            left = [i for i in untitled if i not in absorbed]
            head_bodies_read_later(items, assignment, left, absorbed, shape)
            before |= {g for g, u in assignment.items() if u > g}
            group_of_unit = {u: g for g, u in assignment.items()}
    built: list[BuiltArticle] = []
    for index, item in enumerate(items):
        if index in absorbed:
            continue
        if isinstance(item, Unit):
            if not unwrapped and item.kind == "article":
                item.body = restore_column_feet(item.body, indents)
                if not item.intertitles:  # (subheads split a column into blocks)
                    item.body = interleave_feet(item.body, indents)
            group_index = group_of_unit.get(index)
            group = items[group_index] if group_index is not None else None
            assert group is None or isinstance(group, TitleGroup)
            title_before = group_index in before
            if group is None and direction == "after":
                group = split_question_title(item)
            elif group is None:
                group = split_opening_question_title(item) or split_opening_title_paragraph(
                    item, layout
                )
                title_before = group is not None
            elif title_before and not layout.unwrapped:
                extend_title_with_opening_paragraph(item, group, layout)
            built.append(build_article(item, group, title_before, page, layout, order))
            drop_displaced_credits(
                built[-1].article, item, order, group if title_before else None
            )
        elif index not in assignment:
            built.append(build_article(None, item, False, page, layout))
    built.sort(key=lambda b: b.first_line)
    trace: Trace = {}
    for b in built:
        trace.update(b.trace)
    return [b.article for b in built], trace
