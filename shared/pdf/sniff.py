"""What is a PDF, told without loading the PDF reader (the web and the worker import this)."""

from __future__ import annotations

PDF_MEDIA_TYPE = "application/pdf"
NO_TEXT_LAYER = "no text layer (OCR is not supported)"


def is_pdf(data: bytes) -> bool:
    """A PDF announces itself with ``%PDF-`` in its first kilobyte."""
    return b"%PDF-" in data[:1024]
