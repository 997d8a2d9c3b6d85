"""A body's first paragraph shaped as a headline, taken for its article's title.

Every article has a title, and on a page whose titles stand over their bodies an article
left without one can only have it at the top of its body, extracted without a blank line
under it (:func:`split_opening_title_paragraph`).  Under a title group that does not
finish its title (a kicker announcing the headline with ``——``, a headline cut in mid-word
at its measure) the body's first paragraph so shaped is that title's rest
(:func:`extend_title_with_opening_paragraph`).
"""

from __future__ import annotations

from shared.parsing.block import Block
from shared.parsing.bylines import is_byline_line
from shared.parsing.glued_titles import TITLE_SPLIT_RULE
from shared.parsing.lines import joined_text
from shared.parsing.text_ends import FULL_STOPS, PHRASE_PAUSES, asks_or_exclaims
from shared.parsing.units import Item, TitleGroup, Unit
from shared.parsing.wrapping import Layout

# A headline wraps over a line or two (three in a narrow column); a longer opening
# paragraph is text.
MAX_OPENING_TITLE_LINES = 3


def _opening_title_lines(
    unit: Unit, layout: Layout, *, may_ask: bool = False, announced: bool = False
) -> int:
    """How many lines open the unit's body as a paragraph of a title's shape (0: none):
    the body's first paragraph, as the wrap geometry reads it
    (:meth:`.wrapping.Layout.paragraphs`), is at most ``MAX_OPENING_TITLE_LINES`` lines
    over more paragraphs in the same block, ending no sentence (``may_ask``: or
    ending with ？ or ！ past its closing quotes), holding no full stop or semicolon, not a
    lead-in (``…：`` announces what follows), no dateline, byline or continuation marker;
    never on unwrapped text (a paragraph a line: its geometry tells nothing).
    A paragraph asking or exclaiming holds no comma then: such a question opens many a
    lede (``在没有定位信号的受限环境中，无人机如何智能辨识方向、自主避障？``); a headline that
    asks with a comma is one only where a kicker announced it (``announced``)."""
    if layout.unwrapped or not unit.wants_title or not unit.body or unit.bylines:
        return 0
    block = unit.body[0]
    if block.kind != "text" or block.opens_with_dateline or block.opens_continued_part:
        return 0
    # what the first line alone rules out, before the paragraphs are worked out (they are
    # again when the article is built)
    first = block.lines[0]
    if (
        len(block.lines) < 2
        or not FULL_STOPS.isdisjoint(first.text)
        or first.continuations
        or first.spaced_out
        or is_byline_line(first.text)
    ):
        return 0
    groups = layout.paragraphs(unit.body, unit.intertitles).groups
    if len(groups) < 2:
        return 0
    head = len(groups[0])
    if head > MAX_OPENING_TITLE_LINES or head >= len(block.lines):
        return 0
    lines = block.lines[:head]
    if [line.number for line in lines] != [line.number for line in groups[0]]:
        return 0
    text = joined_text(lines).rstrip()
    exclaims = (
        may_ask
        and asks_or_exclaims(text)
        and (announced or PHRASE_PAUSES.isdisjoint(text))
    )
    if (
        (lines[-1].ends_sentence and not exclaims)
        or not FULL_STOPS.isdisjoint(text)
        or text.endswith(("：", ":"))
        or any(line.continuations or line.spaced_out or is_byline_line(line.text) for line in lines)
    ):
        return 0
    return head


def split_opening_title_paragraph(unit: Unit, layout: Layout) -> TitleGroup | None:
    """On a page whose titles stand over their bodies, an article left without a title
    (no byline over its body) whose body opens with a paragraph of a title's shape
    (:func:`_opening_title_lines`): a line or two ending no sentence, with no full stop
    inside (a headline may part its phrases with a comma: ``给黑土地做体检，施肥更精细（经济
    聚焦·农田里的`` / ``新鲜事）``), over more paragraphs.  Body text never ends a paragraph
    in mid-sentence: a paragraph that stops so, opening an untitled body, is the title the
    extractor glued over it (``AI正深度融入数学研究核心环节`` over ``OpenAI日前公布了一项…``)."""
    head = _opening_title_lines(unit, layout)
    if not head:
        return None
    block = unit.body[0]
    unit.body[0] = Block(block.kind, block.lines[head:], block.rule)
    return TitleGroup(
        blocks=[Block(block.kind, block.lines[:head], TITLE_SPLIT_RULE, block.blanks_before)]
    )


def extend_title_with_opening_paragraph(unit: Unit, group: TitleGroup, layout: Layout) -> None:
    """Under a title group that leaves its title unfinished, the body's first paragraph of
    a title's shape (:func:`_opening_title_lines`, which may end asking or exclaiming:
    with a comma only under a kicker's ``——``) is
    the title's rest: a kicker ending with ``——`` announces a headline
    (``广东累计向湖北派出医疗队员22批2424人——`` over ``“有你们来，才有我们的今天！”``), and
    a headline whose last line ends in mid-word wraps on (``商圈如何接住世界杯流`` over
    ``量？``).  Moved into the group: onto its last block when read right under it, else
    as a block of its own."""
    if not group.blocks:
        return
    last = group.blocks[-1]
    if last.kind != "text" or last.last.ends_sentence:
        return
    announced = joined_text(last.lines).rstrip().endswith("——")
    head = _opening_title_lines(unit, layout, may_ask=True, announced=announced)
    if not head:
        return
    block = unit.body[0]
    lines = block.lines[:head]
    unit.body[0] = Block(block.kind, block.lines[head:], block.rule)
    if not block.blanks_before and last.last.number + 1 == lines[0].number:
        group.blocks[-1] = Block(last.kind, [*last.lines, *lines], last.rule, last.blanks_before)
    else:
        group.blocks.append(Block(block.kind, lines, TITLE_SPLIT_RULE, block.blanks_before))


# A headline set in a narrow module wraps over up to this many lines (a long one of two
# phrases: 深刻认识和把握改革规律 进一步改进工作方式方法不断推动政府职能转变和营商环境改善
# 取得新突破 over five lines of ten); a longer run of text ending no sentence is a column piece.
MAX_GLUED_TITLE_LINES = 5
# Marks of a sentence a title glued over a dateline may not hold (a lead-in colon included:
# ``…：`` announces text, and a headline glued to its dateline has no kicker before it).
_SENTENCE_MARKS = frozenset("。；;：:")


def titles_glued_over_datelines(items: list[Item]) -> list[Item]:
    """``items`` with each untitled piece of a title's shape read right over a dateline
    taken for that article's title (:func:`_glued_over_dateline`); others unchanged.

    A dateline (``新华社北京1月14日电``) opens its article's text, so what the extractor
    gives right over it, with no blank line between, is no text of that article, and a
    paragraph of another article never ends in mid-sentence: a block of a few lines that
    ends no sentence and holds no sentence mark is the title set over the dateline, read
    as a body of its own because it wraps over several lines like text."""
    out: list[Item] = []
    for index, item in enumerate(items):
        after = items[index + 1] if index + 1 < len(items) else None
        if isinstance(item, Unit) and isinstance(after, Unit) and _glued_over_dateline(item, after):
            out.append(TitleGroup(blocks=[item.body[0]]))
            continue
        out.append(item)
    return out


def _glued_over_dateline(unit: Unit, after: Unit) -> bool:
    """``unit`` is one text block of at most ``MAX_GLUED_TITLE_LINES`` lines, with no byline,
    marker or dateline of its own, ending no sentence, holding no sentence mark and no
    line ending with a pause (a headline may part phrases with a comma inside a line, and
    a column piece of text runs on past its commas), read right over ``after``'s first line,
    a dateline opening an article that has no byline."""
    if unit.kind != "article" or unit.bylines or unit.markers or len(unit.body) != 1:
        return False
    if after.kind != "article" or after.bylines or not after.body:
        return False
    block, opening = unit.body[0], after.body[0]
    text = joined_text(block.lines)
    return (
        block.kind == "text"
        and 1 <= len(block.lines) <= MAX_GLUED_TITLE_LINES
        and opening.opens_with_dateline
        and not opening.blanks_before
        and opening.first.number == block.last.number + 1
        and not block.opens_with_dateline
        and not block.last.ends_sentence
        and _SENTENCE_MARKS.isdisjoint(text)
        and not any(
            line.text.rstrip()[-1:] in PHRASE_PAUSES
            or line.spaced_out
            or line.continuations
            or is_byline_line(line.text)
            for line in block.lines
        )
    )
