"""Join the two parts of an article continued on another page of the same file.

A part that ends with ``（下转第N版）`` is joined with the first later part that opens with
``（上接第M版）``, preferring one on page N whose marker names the first part's page; a
second part that is itself continued (``下转`` again) takes its own follower in turn, so an
article set over three pages comes out whole.  The
joined article keeps the first part's titles, page and markers; the second part's (repeated,
shortened) jump title is dropped.  The first part's last paragraph runs on into the second
part's first one when it stops in mid-sentence on a full line (the jump cut it where the
column ended); a last line short of its column ended its paragraph (a subhead, a lead-in
such as ``帮忙>>>``) although no sentence ends there, unless the character that did not
fit went down with the closing marks after it, or the line is a sentence's tail under a
full line and the next part opens with a full line too (no paragraph's indented first
line).  After a sentence end on a full line it runs
on where the next part's first line fills its column too (no indented first line).
"""

from __future__ import annotations

import re
from dataclasses import replace

from shared.parsing.columns import INDENT_MARGIN, SHORT_MARGIN
from shared.parsing.lines import display_width, ends_sentence
from shared.parsing.normalise import join_wrapped
from shared.parsing.paragraphs import PULL_DOWN_SLACK, pulled_down_run
from shared.parsing.text_ends import LEADS_IN
from shared.parsing.types import ParsedArticle

_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


def marker_page(marker: str) -> int | None:
    """``下转第2版`` → 2, ``上接第一版`` → 1, ``下转A3版`` → 3; None if unreadable."""
    digits = re.search(r"\d+", marker)
    if digits:
        return int(digits.group())
    chinese = re.search(r"[零一二三四五六七八九十]+", marker)
    if not chinese:
        return None
    text = chinese.group()
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CHINESE_DIGITS[text[1]]
    if len(text) == 2 and text.endswith("十"):
        return _CHINESE_DIGITS[text[0]] * 10
    if len(text) == 3 and text[1] == "十":
        return _CHINESE_DIGITS[text[0]] * 10 + _CHINESE_DIGITS[text[2]]
    return _CHINESE_DIGITS.get(text[0])


def join_continued(articles: list[ParsedArticle]) -> list[ParsedArticle]:
    joined: list[ParsedArticle] = []
    consumed: set[int] = set()
    for index, first in enumerate(articles):
        if index in consumed:
            continue
        end = index  # the chain's last part so far: an article may go on over several pages
        while articles[end].continued_to:
            follower = _find_follower(articles, end, consumed)
            if follower is None:
                break
            consumed.add(follower)
            first = merge_parts(first, articles[follower])
            end = follower
        joined.append(first)
    return joined


def _find_follower(articles: list[ParsedArticle], index: int, consumed: set[int]) -> int | None:
    first = articles[index]
    target = marker_page(first.continued_to)
    candidates = [
        i
        for i in range(index + 1, len(articles))
        if i not in consumed and articles[i].continued_from and articles[i].page > first.page
    ]
    for i in candidates:
        if (target is None or articles[i].page == target) and (
            marker_page(articles[i].continued_from) in (None, first.page)
        ):
            return i
    return candidates[0] if candidates else None


def merge_parts(first: ParsedArticle, second: ParsedArticle) -> ParsedArticle:
    """The article the two parts make: the first part's titles, page and markers, the
    paragraphs of both (the first part's last one run on when it stops in mid-sentence)."""
    paragraphs = list(first.paragraphs)
    rest = list(second.paragraphs)
    if paragraphs and rest and _runs_on(first, paragraphs[-1], second, rest[0]):
        paragraphs[-1] = join_wrapped([paragraphs[-1], rest.pop(0)])
    paragraphs.extend(rest)
    merged = replace(first)
    merged.paragraphs = paragraphs
    merged.reporters = first.reporters + [n for n in second.reporters if n not in first.reporters]
    merged.correspondents = first.correspondents + [
        n for n in second.correspondents if n not in first.correspondents
    ]
    merged.byline = "\n".join(b for b in (first.byline, second.byline) if b)
    merged.continued_from = first.continued_from
    merged.short_by = second.short_by  # the merged text ends where the second part does
    merged.closes_wrapped = second.closes_wrapped
    return merged


# A list item's number opening a paragraph (``一、``, ``2、``): not a character the
# line-start rule took down with the mark after it.
_ENUMERATOR = re.compile(r"[一二三四五六七八九十0-9]+、")


def _runs_on(first: ParsedArticle, last: str, second: ParsedArticle, opening: str) -> bool:
    """Does the first part's last paragraph (``last``) run on into the second part's first
    one (``opening``)?

    A jump cuts the text where a column ends.  In mid-sentence it runs on, unless the last
    line stops short of its column (a subhead, a lead-in such as ``帮忙>>>``), and not only
    by the character the line-start rule took down to open the next page's text with the
    closing marks after it (``…可免除抗原检测证`` over ``明），来沪返沪人员…``).  A short
    last line under a full line that ends no sentence is a wrapped sentence's tail, no
    subhead: where the next part opens with a full line, not an indented first line, the
    column ended early and the text runs on (``…三峡枢纽将形成四线`` / ``船闸`` over
    ``加升船机的格局，年双向总通过能力达3.36亿``).  After a
    sentence end it runs on where the last line fills its column and the next page's text
    opens with a line that fills its own: a paragraph's first line would be short by the
    indent (``…预估订购数量。`` over ``开团当日，联华利用…``)."""
    if not ends_sentence(last):
        if first.short_by < SHORT_MARGIN:
            return True
        if last.endswith(LEADS_IN):
            return False  # a lead-in (``通告如下：``) opens what follows
        if first.closes_wrapped and second.opens_full:
            return True  # a sentence's tail over a running line: the column ended early
        run = pulled_down_run(opening)
        return (
            bool(run)
            and not _ENUMERATOR.match(opening)
            and first.short_by <= display_width(run) + PULL_DOWN_SLACK
        )
    return first.short_by < INDENT_MARGIN and second.opens_full
