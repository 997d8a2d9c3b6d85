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

The modules run compiled by mypyc when a build of exactly these sources exists
(:mod:`shared.compiled_parser`; ``baokan compile`` makes it), from their sources otherwise.
"""

from shared.compiled_parser import use_compiled

COMPILED = use_compiled(__path__)

from shared.parsing.decode import decode_bytes  # noqa: E402
from shared.parsing.explain import explain_text  # noqa: E402
from shared.parsing.page import parse_bytes, parse_text  # noqa: E402
from shared.parsing.types import (  # noqa: E402
    PageFurniture,
    ParsedArticle,
    ParsedDocument,
    ParsedPage,
    ParseError,
)

__all__ = [
    "COMPILED",
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
