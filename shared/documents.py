"""One entry point for every kind of issue file: the stored media type picks the parser."""

from __future__ import annotations

from shared.parsing import ParsedDocument, parse_bytes
from shared.pdf import PDF_MEDIA_TYPE, PdfLimits, parse_pdf_isolated
from shared.settings import Settings


def parse_file(data: bytes, media_type: str, limits: PdfLimits | None = None) -> ParsedDocument:
    """Parse an issue file: a PDF by its layout (in a child process with limits), anything
    else as a text layer.  Fails with :class:`shared.parsing.ParseError`."""
    if media_type == PDF_MEDIA_TYPE:
        return parse_pdf_isolated(data, limits or PdfLimits.from_settings(Settings.from_env()))
    return parse_bytes(data)
