"""Split PDF newspaper pages into articles using the page layout, not just the text.

A PDF knows where every glyph sits and how large it is.  The stages, one module each:
:mod:`.extract` (bytes → glyphs with boxes and sizes, pdfminer.six), :mod:`.lines` (glyphs →
lines), :mod:`.columns` (lines → regions in reading order by recursive XY-cut), :mod:`.blocks`
(regions → title stacks, body, captions, furniture by type size), :mod:`.articles` (blocks →
articles: kicker/headline/subtitle by size, paragraphs by indentation, fields with the text
parser's rules), :mod:`.document` (pages, continued articles joined) and :mod:`.isolation`
(the same in a child process with time and memory limits, as the worker runs it).

The package itself loads only what the web and the worker need: pdfminer.six is imported by the
child process that parses (``shared.pdf.document.parse_pdf``), never by the long-lived ones.
"""

from shared.pdf.isolation import PdfLimits, parse_pdf_isolated
from shared.pdf.sniff import NO_TEXT_LAYER, PDF_MEDIA_TYPE, is_pdf

__all__ = [
    "NO_TEXT_LAYER",
    "PDF_MEDIA_TYPE",
    "PdfLimits",
    "is_pdf",
    "parse_pdf_isolated",
]
