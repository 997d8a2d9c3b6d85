"""Continuation markers: ``（下转第2版）``, ``【上接第1版】``, ``▶下转第2版`` — where an
article goes on or came from on another page (:mod:`.continuations` joins the parts)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from shared.parsing.parse_cache import per_parse

# （下转第2版） / 【上接第1版】 / ［转A3版］ / （紧转第2版）, or set off by an arrow at the
# end of a line (▶下转第2版) or at its start (◀上接第1版); a page named by its section
# letter needs no 版 (（转A3）)
_PAGE_REF = (
    r"\s*(?:(?:第\s*)?[0-9A-Za-z一二三四五六七八九十零〇]{1,4}\s*(?:版|页)"
    r"|[A-Za-z]\s*[0-9]{1,2}(?![0-9A-Za-z]))"
)
_FORWARD = ("下转", "紧转", "转")
_CONTINUATION = re.compile(
    rf"[（(【［〔\[]\s*(?P<marker>(?P<kind>下转|紧转|转|上接|紧接|接|续){_PAGE_REF}"
    r"[^（）()【】［］〔〕\[\]]{0,12}?)\s*[）)】］〕\]]"
    rf"|[▶►→]\s*(?P<a_marker>(?P<a_kind>下转|紧转|转){_PAGE_REF})\s*$"
    rf"|^\s*[◀◄←]\s*(?P<b_marker>(?P<b_kind>上接|紧接|接|续){_PAGE_REF})"
)


@dataclass(frozen=True)
class Continuation:
    marker: str  # 下转第2版 / 上接第1版 as printed, without brackets
    forward: bool  # True for 下转 (continued on a later page), False for 上接
    start: int
    end: int


def find_continuations(text: str) -> list[Continuation]:
    return list(continuations_in(text))


def continuations_in(text: str) -> tuple[Continuation, ...]:
    """The continuation markers ``text`` carries, in order (what a Line keeps as its
    ``continuations``)."""
    if "转" not in text and "接" not in text and "续" not in text:
        return ()  # every marker names one of these: most lines are decided without the regex
    return _continuations(text)


@per_parse
def _continuations(text: str) -> tuple[Continuation, ...]:
    # cached: the stages ask about the same line several times
    found = []
    for m in _CONTINUATION.finditer(text):
        form = next(prefix for prefix in ("", "a_", "b_") if m.group(prefix + "marker"))
        found.append(
            Continuation(
                marker=re.sub(r"\s+", "", m.group(form + "marker")),
                forward=m.group(form + "kind") in _FORWARD,
                start=m.start(),
                end=m.end(),
            )
        )
    return tuple(found)


def opens_continued_part(text: str, found: Sequence[Continuation] | None = None) -> bool:
    """The line opens with ``（上接第1版）``: the rest of an article begun on another page.
    ``found``: the markers ``text`` carries when known (a Line's ``continuations``), here
    and below."""
    if found is None:
        found = continuations_in(text)
    return bool(found) and not found[0].forward and not text[: found[0].start].strip()


def is_continuation_line(text: str, found: Sequence[Continuation] | None = None) -> bool:
    if found is None:
        found = continuations_in(text)
    if len(found) != 1:
        return False
    return not text[: found[0].start].strip() and not text[found[0].end :].strip()


def strip_continuations(
    text: str, found: Sequence[Continuation] | None = None
) -> tuple[str, list[Continuation]]:
    """Remove continuation markers at the start or end of a line; return them."""
    if found is None:
        found = continuations_in(text)
    if not found:
        return text.strip(), []  # (most lines: no marker)
    kept: list[Continuation] = []
    for item in reversed(found):
        before, after = text[: item.start], text[item.end :]
        if not after.strip() or not before.strip():
            text = before.rstrip() + after.lstrip() if before.strip() else after.lstrip()
            kept.append(item)
    kept.reverse()
    return text.strip(), kept
