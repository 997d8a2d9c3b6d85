"""Titles read with another row's titles: each goes back over the body that uses its words.

An extractor reading a page line by line across the row gives the titles of modules whose
tops stand at one height as one run, wherever their bodies come out.  Where the run holds
several title blocks, one whose names and terms are not in the body under the run but
recur, clearly (at least ``MIN_STRAY_TITLE_HITS`` of its bigrams, more than twice as many
as in any other body, or 1.5 times as many when the body under the run holds none; or all
of a short block's, a name kicker ``徐建平：``, when no other body holds any), in the body
of an article that has no title (one that opens like an article: a dateline, a byline) is
that article's title: it goes to stand over it.  Each block of the run is judged by itself
(a kicker ``…：`` of one module may stand over another module's headline in the run), and
the blocks whose words point nowhere clearly, or at the body under the run, stay where
they are; at least one stays for that body, unless the run stands over no body (a photo,
then another title): then all may go.  An article under a single title block, or under a
headline and its ``——`` subtitle (its kicker level free), takes such a block too, as the
other level of its stack (a kicker over its headline, a headline over its subtitle), when
the block is shaped as a title level of its own (no sentence marks, though a speaker's name
and colon may open it, ``李强：坚定信心…``; a comma may part its phrases inside a line).
Blocks are moved until none is left to move: a stack that gave a block away may be left
with a lone title, ready for its other level.  Two reports of one article (a unit read on
under another with no title between) may share a title's words so evenly that neither is
pointed at clearly: counted together, they are, and the first takes the block.  Of three
plain blocks whose outer two point at the body under the run (its kicker and headline), a
middle one pointing nowhere is the next module's title read between them across the row:
it goes over the one untitled article after the run, if that body holds any of its words
(:func:`_between_own_levels`).  A stack of a lone subtitle (``——…``) wants its headline,
which a block pointing there by ``LOOSE_LEAD`` fills (:func:`_headless_target`).  A lone
title block is weighed too where it stands over no body (a byline with no text under it, a
photo, then another title: its module's text was read elsewhere), over a text that opens
like no article and shares none of its words while they point clearly (twice as many as in
any other body) at an untitled article (:func:`_astray`), and where it stands amid a text:
between an article's sentence a column break cut and the text going on with it (no
article opens there), it heads no body (:func:`_amid_text`; a line that ran on over it,
taken back into its body, leaves it so: :mod:`.run_on_titles`).

A plain block of a run sharing no word with the body under it, while another plain block of
the run is tied to that body, was read in from a module beside (:func:`_foreign_levels`):
it leaves on a misfit's evidence, and where it is the run's last block (a headline's place)
only to stand as a headline.  A lead-in kicker leaving for an untitled body takes the
headline it introduces along (:func:`_kicker_target`): the two are one module's stack.
So does any block leaving a run that stands over no text (a byline with no text under it,
a photo, then another title): the block after it, pointing nowhere, is the next level of
its stack (``上海警方提示：市民应配合进行核酸采样检测`` over ``应检未检将被依法处理`` and a
byline, the text read after the next module's), unless the block left for the text read
right after the run's lone byline: that text is the next module's, read on across the
row, and the block left behind heads the byline's own module.  Of a run of four plain
blocks (two modules' two-level stacks read level by level across the row), a block
leaving while the two blocks of the other module's places stay over the body under the
run takes the block two places lower, pointing nowhere, along (:func:`_two_rows_of_two`).
"""

from __future__ import annotations

from shared.parsing.block import Block
from shared.parsing.lines import joined_text
from shared.parsing.overfull_stacks import (
    MIN_MISFIT_HITS,
    bare,
    introduced_headline,
    misfits,
)
from shared.parsing.phrase_breaks import breaks_inside_phrase
from shared.parsing.text_ends import PHRASE_PAUSES, closes_text
from shared.parsing.title_roles import (
    is_kicker_shaped,
    is_lead_in_kicker,
    is_plain_title,
    is_subtitle,
)
from shared.parsing.title_words import clearly_pointed
from shared.parsing.topic import MIN_POINTED_HITS, text_bigrams, vocabulary
from shared.parsing.units import (
    Item,
    TitleGroup,
    Unit,
    body_lines,
    index_over,
    past_photos,
    untitled,
)

# A title block points at a body holding at least this many of its character bigrams, more
# than twice as many as any other body on the page holds.
MIN_STRAY_TITLE_HITS = MIN_POINTED_HITS
# ... more than this many times as many as any other body holds; and more than
# ``LOOSE_LEAD`` times when the body under the block's run holds none of its bigrams (on dev
# pages a title block read into another module's run and sharing no word with the body
# under it went to its own body at a lead of 1.5 as reliably as at 2).
CLEAR_LEAD = 2.0
LOOSE_LEAD = 1.5
# A block with fewer bigrams than that (a name for a kicker: ``徐建平：``, ``水利部——``) points
# at a body holding all of them, at least this many, when no other body holds any.
MIN_SHORT_TITLE_HITS = 2


def move_stray_titles(items: list[Item]) -> list[Item]:
    """``items`` with each title block that points at an untitled article elsewhere on the
    page moved to stand before it (see the module's docstring); for a page whose titles
    stand over their bodies.

    Moves are made until none is left to make: a stack that gave a block away may be left
    with a lone title, and that article then takes a block of another run whose words point
    at it as its other level (three modules' titles read across two rows: each row's run
    holds one block of the next module's stack)."""
    for _ in range(_MAX_ROUNDS):
        moved = _move_once(items)
        if moved is items:
            break
        items = moved
    return items


# Each round moves at least one block; a page has a few title runs, so a few rounds settle
# it (the bound only keeps a page with many runs from taking long).
_MAX_ROUNDS = 4


def _move_once(items: list[Item]) -> list[Item]:
    """One round of :func:`move_stray_titles`: ``items`` itself when no block moves."""
    vocabularies = {
        index: vocabulary(body_lines(item))
        for index, item in enumerate(items)
        if isinstance(item, Unit) and item.kind == "article" and item.body
    }
    articles, leaders = _articles_read_on(items, vocabularies)
    moved: dict[int, list[Block]] = {}  # target unit index → the blocks set over it
    kept: dict[int, list[Block]] = {}  # title group index → the blocks it keeps
    source: dict[int, int] = {}  # target unit index → the title group its blocks left
    for index, item in enumerate(items):
        if not isinstance(item, TitleGroup):
            continue
        below = past_photos(items, index + 1)
        amid = _amid_text(items, index, below)
        lone = len(item.blocks) < 2 and not amid and _over_body(items, below)
        if lone and not _astray(item.blocks[0], items, vocabularies, below):
            continue
        staying: list[Block] = []
        going: dict[int, list[Block]] = {}
        misfit = misfits(item)
        introduced = introduced_headline(item)
        under = vocabularies.get(below, frozenset())
        foreign = _foreign_levels(item, under)
        targets = [
            _target(block, vocabularies, under, place in misfit)
            if place not in foreign
            else _foreign_target(items, block, vocabularies, under, place == len(item.blocks) - 1)
            for place, block in enumerate(item.blocks)
        ]
        between = _between_own_levels(item, targets, below)
        over_no_text = not _over_body(items, below)
        next_text = past_photos(items, below + 1)  # the text read right after a lone byline
        sent: dict[int, int] = {}  # place in the run → the unit its block goes over
        for place, block in enumerate(item.blocks):
            target = targets[place]
            if target is None and over_no_text and sent.get(place - 1, next_text) != next_text:
                target = sent[place - 1]  # the next level of a stack read over no text
            if (
                target is None
                and place - 2 in sent
                and _two_rows_of_two(item, targets, below, place - 2)
            ):
                target = sent[place - 2]  # the next level of that stack, read a row lower
            if target is None and place == between:
                target = _next_untitled(items, below)
                if target is not None and text_bigrams(joined_text(block.lines)).isdisjoint(
                    vocabularies.get(target, frozenset())
                ):
                    target = None
            if target is None:
                target = _read_on_target(block, articles, leaders, vocabularies, under)
            if target is None:
                target = _headless_target(block, items, vocabularies)
            if place == introduced and item.blocks[place - 1] in staying:
                target = None  # the headline its kicker introduces stays under it
            elif place == introduced:
                target = _kicker_target(items, going, item.blocks[place - 1], block, under, target)
            if (
                target is not None
                and target != below
                and target not in moved
                and (
                    untitled(items, target)
                    or (place in misfit and bare(items, target))
                    or (_plain_title(block) and _completes_lone_title(items, target, block))
                )
            ):
                going.setdefault(target, []).append(block)
                sent[place] = target
            else:
                staying.append(block)
        whole = introduced is not None and not staying and len(item.blocks) == 2
        if going and (staying or not _over_body(items, below) or amid or lone or whole):
            moved.update(going)
            kept[index] = staying
            source.update(dict.fromkeys(going, index))
    if not moved:
        return items
    joined: dict[int, list[Block]] = {}  # a lone title's group index → the blocks joining it
    above: dict[int, bool] = {}  # ... and whether they came from higher up the page
    for target in list(moved):
        group = _lone_title_over(items, target)
        if group is not None and group not in kept:
            joined[group] = moved.pop(target)
            above[group] = source[target] < group
    out: list[Item] = []
    for index, item in enumerate(items):
        if index in moved:
            out.append(TitleGroup(blocks=moved[index]))
        if index in joined and isinstance(item, TitleGroup):
            blocks = (
                [*joined[index], *item.blocks]  # a kicker over a headline and its subtitle
                if len(item.blocks) > 1
                else _stacked(item.blocks[0], joined[index], above[index])
            )
            out.append(TitleGroup(blocks=blocks))
            continue
        if index not in kept:
            out.append(item)
        elif kept[index]:
            out.append(TitleGroup(blocks=kept[index]))
    return out


def _two_rows_of_two(
    group: TitleGroup, targets: list[int | None], below: int, leaving: int
) -> bool:
    """Four title blocks, plain but for lead-in kickers (``徐建平：``, ``刘莉沙委员——``) in
    the first row, those of the other parity than ``leaving`` (the place of a block going
    elsewhere) all staying over the body under the run (``targets``: where each block's
    words send it; ``below``: that body): two modules' two-level stacks read level by level
    across the row (kicker, kicker, headline, headline), each module's levels two blocks
    apart, the staying module's over the body read right under the row.  A lead-in kicker
    announces a headline: it opens a stack, so it stands in the kickers' row only."""
    texts = [joined_text(block.lines) for block in group.blocks]
    if len(texts) != 4 or not all(map(is_plain_title, texts[2:])):
        return False
    if not all(is_plain_title(text) or is_lead_in_kicker(text) for text in texts[:2]):
        return False
    staying = 1 - leaving % 2
    return all(targets[place] in (None, below) for place in (staying, staying + 2))


def _foreign_levels(group: TitleGroup, under: frozenset[str]) -> set[int]:
    """The indexes (in ``group.blocks``) of the plain blocks of a run sharing no word with the
    body under it while another plain block of the run shares at least
    ``MIN_STRAY_TITLE_HITS`` with it.

    A kicker and its headline name one story: a kicker sets the scene the body goes on to
    tell (``自然资源部发布去年耕地保护督察结果`` over a body on 自然资源部's 督察), so of the
    gold kickers on dev pages all but a bare name (``谭东：``) share at least two bigrams with
    their body.  A block of a run that shares none with the body its stack's other level is
    tied to was read into the run from another module set at that height (its kicker or its
    headline) and leaves on the lesser evidence a misfit needs
    (:data:`.overfull_stacks.MIN_MISFIT_HITS`)."""
    texts = [joined_text(block.lines) for block in group.blocks]
    plain = [place for place, text in enumerate(texts) if is_plain_title(text)]
    hits = {place: len(text_bigrams(texts[place]) & under) for place in plain}
    if not any(count >= MIN_STRAY_TITLE_HITS for count in hits.values()):
        return set()
    return {place for place, count in hits.items() if count == 0 and not _wrap_piece(texts, place)}


def _wrap_piece(texts: list[str], place: int) -> bool:
    """The block at ``place`` of a run is a piece of a title wrapped over two blocks: the
    break between it and the block over or under it falls inside a phrase
    (:func:`.phrase_breaks.breaks_inside_phrase`: ``…政府职能转变和`` / ``营商环境改善…``),
    where two levels of a stack, or two modules' titles, each close a phrase."""
    over = place > 0 and breaks_inside_phrase(texts[place - 1], texts[place])
    return over or (place + 1 < len(texts) and breaks_inside_phrase(texts[place], texts[place + 1]))


def _foreign_target(
    items: list[Item],
    block: Block,
    vocabularies: dict[int, frozenset[str]],
    under: frozenset[str],
    last: bool,
) -> int | None:
    """Where a block of :func:`_foreign_levels` goes: the body its words point at as a
    misfit's do (or as any block's, should those point elsewhere); the last block of its
    run, read right over the body in a headline's place, goes there on the lesser evidence
    only to stand as a headline: over a body with no title, or over a lone subtitle's
    (``——…``; a headline its words barely point at, over a body cut short on the page,
    is no kicker for a stack that has its headline)."""
    target = _target(block, vocabularies, under)
    if target is not None:
        return target
    target = _target(block, vocabularies, under, misfit=True)
    if target is None or not last or untitled(items, target):
        return target
    over = index_over(items, target)
    group = items[over] if over >= 0 else None
    headless = (
        isinstance(group, TitleGroup)
        and len(group.blocks) == 1
        and is_subtitle(joined_text(group.blocks[0].lines))
    )
    return target if headless else None


def _kicker_target(
    items: list[Item],
    going: dict[int, list[Block]],
    kicker: Block,
    headline: Block,
    under: frozenset[str],
    target: int | None,
) -> int | None:
    """Where the headline a lead-in kicker introduces goes: with that kicker, when the kicker
    leaves for another body and the headline's words neither point elsewhere nor stand in
    the body under the run, and the body the kicker goes to has no title yet (one under a lone
    headline takes the kicker as its missing level, its headline found); else ``target``
    (where its own words send it).

    A lead-in kicker (``王光生：``, ``陆军军医大学护士——``) is no title alone: it announces the
    headline set right under it, and the two are one module's whole stack.  When the kicker's
    words (a name) place it over another body, the stack was read over a body not its own,
    and the headline it introduces goes along (left behind, it would head a stranger's text
    while the kicker heads its own body alone)."""
    if target is not None:
        return target
    words = text_bigrams(joined_text(headline.lines))
    if not words.isdisjoint(under):
        return None
    for place, blocks in going.items():
        if kicker in blocks and untitled(items, place):
            return place
    return None


def _between_own_levels(group: TitleGroup, targets: list[int | None], below: int) -> int | None:
    """The middle of three plain title blocks whose words point nowhere while the two around
    it point at the body under the run (that module's kicker and headline): another module's
    title, read between them across the row; else None."""
    texts = [joined_text(block.lines) for block in group.blocks]
    if len(texts) != 3 or not all(map(is_plain_title, texts)):
        return None
    return 1 if targets == [below, None, below] else None


def _headless_target(
    block: Block, items: list[Item], vocabularies: dict[int, frozenset[str]]
) -> int | None:
    """The article under a stack of a lone subtitle (``——…``) that the block's words point
    at by ``LOOSE_LEAD`` (at least ``MIN_STRAY_TITLE_HITS`` of them there), when the block
    is no subtitle itself; else None.  A subtitle never stands alone: its headline was read
    elsewhere, so the stack is known to want one and a weaker lead is evidence enough
    (下楼做核酸，129人忘带钥匙 with four of its bigrams in the body under
    ``——友情提醒：…``, two in the body under its own run)."""
    text = joined_text(block.lines)
    if is_subtitle(text):
        return None
    target = clearly_pointed(text_bigrams(text), vocabularies, MIN_STRAY_TITLE_HITS, LOOSE_LEAD)
    if target is None:
        return None
    over = index_over(items, target)
    group = items[over] if over >= 0 else None
    if not isinstance(group, TitleGroup) or len(group.blocks) != 1:
        return None
    return target if is_subtitle(joined_text(group.blocks[0].lines)) else None


def _next_untitled(items: list[Item], below: int) -> int | None:
    """The one untitled article (:func:`.units.untitled`) after the unit at ``below``, if
    there is just one: the bodies of a row's modules are read after the row's titles, and
    a title that no words place goes only where nothing else could take it."""
    after = [index for index in range(below + 1, len(items)) if untitled(items, index)]
    return after[0] if len(after) == 1 else None


def _astray(
    block: Block, items: list[Item], vocabularies: dict[int, frozenset[str]], below: int
) -> bool:
    """A lone title block over a body that opens like no article (no dateline, byline or
    change of topic: text read on from elsewhere) and shares none of its words, which clearly
    point at an untitled article elsewhere: read over another module's text, it heads that
    one."""
    unit = items[below]
    under = vocabularies.get(below, frozenset())
    if not isinstance(unit, Unit) or unit.anchored:
        return False
    words = text_bigrams(joined_text(block.lines))
    if not words.isdisjoint(under):
        return False
    target = clearly_pointed(words, vocabularies, MIN_STRAY_TITLE_HITS, CLEAR_LEAD)
    return target is not None and untitled(items, target)


def _read_on_target(
    block: Block,
    articles: dict[int, frozenset[str]],
    leaders: set[int],
    vocabularies: dict[int, frozenset[str]],
    under: frozenset[str],
) -> int | None:
    """The unit a title block's words point at clearly once each unit read on under another
    counts with it (:func:`_articles_read_on`), when that unit took one in and its own body
    holds at least ``MIN_STRAY_TITLE_HITS`` of them too: the words are the pair's, shared
    out between its reports, not those of a report that merely follows another."""
    target = _target(block, articles, under)
    if target not in leaders:
        return None
    words = text_bigrams(joined_text(block.lines))
    return target if len(words & vocabularies[target]) >= MIN_STRAY_TITLE_HITS else None


def _articles_read_on(
    items: list[Item], vocabularies: dict[int, frozenset[str]]
) -> tuple[dict[int, frozenset[str]], set[int]]:
    """The bodies' vocabularies with each article unit that no title stands over (past the
    photos between) counted with the unit right over it, and the units that took one in.

    A unit read on under another with no title between (a second dateline's report under
    the first: ``本报内比都…电`` then ``本报北京…电``) is one article's text until a title
    is found for it, so a title's words shared between the two point at neither clearly
    though they point at the pair."""
    merged = dict(vocabularies)
    leader_of: dict[int, int] = {}
    for index in sorted(vocabularies):
        over = index_over(items, index)
        if over in vocabularies:  # an article unit with a body, right over this one
            leader = leader_of.get(over, over)
            merged[leader] = merged[leader] | merged.pop(index)
            leader_of[index] = leader
    return merged, set(leader_of.values())


def _amid_text(items: list[Item], index: int, below: int) -> bool:
    """The run at ``index`` stands between a sentence a column break cut and the text that
    goes on with it (the article unit over it ends in mid-sentence, the unit under it opens
    no article): it heads no body there."""
    over, under = items[index - 1] if index else None, items[below] if below < len(items) else None
    return (
        isinstance(over, Unit)
        and over.kind == "article"
        and bool(over.body)
        and not closes_text(over.body[-1].last)
        and isinstance(under, Unit)
        and under.kind == "article"
        and bool(under.body)
        and not under.anchored
    )


def _over_body(items: list[Item], below: int) -> bool:
    """The item at ``below`` (the first past a run's photos) is a body that takes a title:
    a run standing over one keeps at least one of its blocks for it."""
    item = items[below] if below < len(items) else None
    return isinstance(item, Unit) and item.takes_title


def _lone_title_over(items: list[Item], index: int) -> int | None:
    """The index of the title group standing over the article unit at ``index`` (past the
    photos set between) when it holds a single block, else None.

    A title stack has two or three levels at most, and an extractor reading across a row
    gives a module's kicker with the other module's titles: an article under one title
    block takes a block of another run whose words clearly point at its body as its other
    level (``800多万返乡农民工就地就近就业`` over ``——31个省区市设立农民工就业补助资金``).
    The unit need not open like an article (a dateline, a byline): the title standing
    over it opens its article whatever the body's first line is."""
    unit = items[index]
    if not isinstance(unit, Unit):
        return None
    before = index_over(items, index)
    group = items[before] if before >= 0 else None
    if not isinstance(group, TitleGroup) or not _lacks_a_level(group):
        return None
    return before


def _lacks_a_level(group: TitleGroup) -> bool:
    """A single title block, or a plain headline over a subtitle (``——…``): a stack with a
    level free for a block another run holds (a headline and its subtitle take a kicker)."""
    if len(group.blocks) == 1:
        return True
    texts = [joined_text(block.lines) for block in group.blocks]
    return len(texts) == 2 and is_plain_title(texts[0]) and is_subtitle(texts[1])


def _completes_lone_title(items: list[Item], target: int, block: Block) -> bool:
    """The article unit at ``target`` stands under a title stack that lacks a level
    (:func:`_lone_title_over`) and ``block`` can fill it: not two subtitles (``——…``); over
    a headline and its subtitle, only a block shaped as a kicker level (no subtitle)."""
    group = _lone_title_over(items, target)
    if group is None:
        return False
    lone_group = items[group]
    assert isinstance(lone_group, TitleGroup)
    lone = joined_text(lone_group.blocks[0].lines)
    text = joined_text(block.lines)
    if len(lone_group.blocks) > 1:
        return not is_subtitle(text)
    return not (is_subtitle(lone) and is_subtitle(text))


def _stacked(lone: Block, joining: list[Block], from_above: bool) -> list[Block]:
    """A lone title block and the blocks joining it, in stack order: a kicker-shaped block
    (``…：``, ``…——``) over the others, else in page order (``from_above``: the joining
    blocks were read before the lone one, so they stood higher on the page)."""
    if is_kicker_shaped(joined_text(lone.lines)):
        return [lone, *joining]
    if from_above or any(is_kicker_shaped(joined_text(block.lines)) for block in joining):
        return [*joining, lone]
    return [lone, *joining]


# Marks of a sentence that a title block joining a lone title may not hold: a block with
# them may as well be a fragment of body read into the run (``王先生说：“由于父母不在``).
_SENTENCE_MARKS = frozenset("。；：;:")
# A title may hold phrase pauses (:data:`.text_ends.PHRASE_PAUSES`) inside a line, never at
# its end.


def _plain_title(block: Block) -> bool:
    """One or two lines free of sentence marks, or a kicker ending with its lead-in mark:
    shaped like a title level of its own (an article that has a title already takes only
    a block shaped so as its other level).  A pause between a headline's phrases may stand
    inside a line (no line ends with one: a body fragment cut by a column runs on past
    its pauses)."""
    text = joined_text(block.lines)
    if len(block.lines) > 2:
        return False
    if any(line.text.rstrip()[-1:] in PHRASE_PAUSES for line in block.lines):
        return False
    if is_kicker_shaped(text):
        return _SENTENCE_MARKS.isdisjoint(text.rstrip("：:—"))
    return _SENTENCE_MARKS.isdisjoint(_past_speaker(text))


def _past_speaker(text: str) -> str:
    """``text`` past a speaker's name and colon opening it (``李强：坚定信心…``)."""
    head, colon, rest = text.partition("：")
    return rest if colon and 2 <= len(head) <= 4 and not rest.startswith("“") else text


def _target(
    block: Block,
    vocabularies: dict[int, frozenset[str]],
    under: frozenset[str],
    misfit: bool = False,
) -> int | None:
    """The unit whose body clearly holds the title block's words, if any: more than twice
    as many as any other body, or ``LOOSE_LEAD`` times as many when the block shares no
    word with the body ``under`` its run (nothing ties it there, so a weaker lead is
    evidence enough that it was read into another module's run)."""
    words = text_bigrams(joined_text(block.lines))
    least = max(MIN_SHORT_TITLE_HITS, min(MIN_STRAY_TITLE_HITS, len(words)))
    if misfit:  # a block its stack cannot hold leaves on less (:mod:`.overfull_stacks`)
        least = MIN_MISFIT_HITS
    lead = LOOSE_LEAD if words.isdisjoint(under) else CLEAR_LEAD
    return clearly_pointed(words, vocabularies, least, lead)
