"""An article's fields read from its body: the continuation markers, a photo's closing
credit, the opening dateline with its byline and a closing bracketed byline
(:func:`apply_body_fields`).  What each form looks like is read by its own module:
:mod:`.continuation_markers`, :mod:`.photo_credits`, :mod:`.datelines`, :mod:`.bylines`
(names by role: :mod:`.credits`, :mod:`.role_words`); the title lines' roles by
:mod:`.title_roles`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shared.parsing.bylines import match_closing_byline
from shared.parsing.continuation_markers import Continuation
from shared.parsing.credits import Credits
from shared.parsing.datelines import Dateline, match_dateline
from shared.parsing.photo_credits import match_photo_credit
from shared.parsing.types import ParsedArticle

# 编者按：… / 【编者按】… / 编者的话：… opening an article, before the report's dateline
_EDITORS_NOTE = re.compile(
    r"\s*[【\[〔（(]?\s*编\s*者\s*(?:按\s*语?|的\s*话)\s*[】\]〕）)]?\s*[:：]?"
)


def opens_editors_note(text: str) -> bool:
    """Does ``text`` open an editor's note (``编者按：…``, ``【编者按】…``, ``编者的话：…``)?"""
    return _EDITORS_NOTE.match(text) is not None


def apply_body_fields(
    article: ParsedArticle,
    paragraphs: list[str],
    markers: Sequence[Continuation],
    bylines: list[str],
    credits: Credits,
) -> Dateline | None:
    """Read what an article's body says about the article into its fields.

    The first 下转 / 上接 marker found sets ``continued_to`` / ``continued_from``; a photo's
    closing credit leaves its caption and goes to ``bylines`` and ``credits``; an article's
    opening dateline sets ``dateline`` and leaves its first paragraph (its parenthesised
    byline going first in ``bylines``; under an editor's note, 编者按：…, it opens the
    second paragraph).  ``paragraphs`` is changed in place, empty ones are
    dropped into ``article.paragraphs``; returns the dateline read, if any.
    """
    for marker in markers:
        if marker.forward:
            article.continued_to = article.continued_to or marker.marker
        else:
            article.continued_from = article.continued_from or marker.marker
    dateline: Dateline | None = None
    if article.kind == "photo" and paragraphs:
        credit = match_photo_credit(paragraphs[-1])
        if credit is not None:
            paragraphs[-1] = credit.caption
            bylines.append(credit.credit.strip())
            credits.extend(credit.credits)
    elif paragraphs:
        # an editor's note leads the report: the dateline opens the paragraph under it
        opening = 1 if len(paragraphs) > 1 and opens_editors_note(paragraphs[0]) else 0
        dateline = match_dateline(paragraphs[opening])
        if dateline is not None:
            article.dateline = dateline.place
            if dateline.byline:
                bylines.insert(0, dateline.byline)
            credits.extend(dateline.credits)
            paragraphs[opening] = dateline.rest
        closing = match_closing_byline(paragraphs[-1])
        if closing is not None:
            paragraphs[-1] = closing.caption
            bylines.append(closing.credit)
            credits.extend(closing.credits)
    article.paragraphs = [p for p in paragraphs if p.strip()]
    return dateline
