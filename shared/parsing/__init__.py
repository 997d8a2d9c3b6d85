"""Split the text layer of Chinese newspaper pages into articles.

Pipeline (each stage a small module of pure functions): :mod:`.decode` (bytes → text),
:mod:`.lines` (text → typed lines with layout features), :mod:`.blocks` (lines → blocks;
paragraph breaks vs column breaks), :mod:`.titles` (which blocks are titles, body, captions),
:mod:`.articles` (blocks → articles; titles before or after their body; photos),
:mod:`.fields` (an article's fields from its body: :mod:`.datelines`, :mod:`.bylines`,
:mod:`.photo_credits`, :mod:`.continuation_markers`, names by role in :mod:`.credits` and
:mod:`.role_words`), :mod:`.title_roles` (kicker/headline/subtitle), :mod:`.normalise`
(characters and layout spaces), :mod:`.furniture` (running headers, editor lines),
:mod:`.continuations` (joining parts continued across pages), :mod:`.page` (orchestration)
and :mod:`.explain` (a per-line account of the decisions).  :mod:`.wrapping` reads pages
whose text is not hard-wrapped (a paragraph a line, as archive exports and web copies give).
"""

from shared.parsing.decode import decode_bytes
from shared.parsing.explain import explain_text
from shared.parsing.page import parse_bytes, parse_text
from shared.parsing.types import (
    PageFurniture,
    ParsedArticle,
    ParsedDocument,
    ParsedPage,
    ParseError,
)

__all__ = [
    "PageFurniture",
    "ParseError",
    "ParsedArticle",
    "ParsedDocument",
    "ParsedPage",
    "decode_bytes",
    "explain_text",
    "parse_bytes",
    "parse_text",
]
