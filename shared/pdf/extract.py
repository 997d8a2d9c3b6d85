"""Stage 1: PDF bytes → the glyphs of every page with their boxes and type sizes.

The library is pdfminer.six (MIT licence, pure Python).  It gives every glyph its box, font
size and Unicode text, maps the predefined CJK CMaps (``UniGB-UCS2-H`` …) that non-embedded
Chinese fonts such as STSong-Light rely on, and reports encryption and syntax errors as
exceptions of its own.  pypdfium2 is faster but a native library (a malformed file can crash
the process, and its font sizes need raw API calls); PyMuPDF is AGPL, which would oblige every
deployment of this service to publish its source, so it is not used.  pdfminer's speed is
bounded instead: parsing runs in a child process with a time and memory limit
(:mod:`shared.pdf.isolation`).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTComponent, LTContainer, LTFigure, LTImage, LTPage
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from shared.parsing import ParseError
from shared.pdf.sniff import NO_TEXT_LAYER, is_pdf
from shared.pdf.types import Box, Char, PageChars


def check_complete(data: bytes) -> None:
    """Reject what is not a PDF, or a PDF cut short (no ``%%EOF`` near its end)."""
    if not is_pdf(data):
        raise ParseError("pdf_malformed", "not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise ParseError(
            "pdf_truncated",
            "the PDF is truncated (it has no end-of-file marker): upload the complete file",
        )


def open_document(data: bytes) -> PDFDocument:
    check_complete(data)
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect:
        raise ParseError(
            "pdf_encrypted", "the PDF is encrypted with a password: upload an unprotected copy"
        ) from None
    except PDFEncryptionError as exc:
        raise ParseError(
            "pdf_encrypted", f"the PDF is encrypted in a way baokan cannot open ({exc})"
        ) from None
    except Exception as exc:
        raise ParseError("pdf_malformed", f"the PDF cannot be read: {_reason(exc)}") from None


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:200]


def count_pages(document: PDFDocument, limit: int) -> int:
    """The number of pages, counting no further than ``limit + 1``."""
    count = 0
    try:
        for _ in PDFPage.create_pages(document):
            count += 1
            if count > limit:
                break
    except Exception as exc:
        raise ParseError(
            "pdf_malformed", f"the PDF's page tree is broken: {_reason(exc)}"
        ) from None
    return count


def _glyphs(item: LTComponent) -> Iterator[LTChar]:
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _glyphs(child)


def _pictures(item: LTComponent) -> Iterator[LTComponent]:
    if isinstance(item, LTImage | LTFigure) and not any(True for _ in _glyphs(item)):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _pictures(child)


def page_chars(layout: LTPage, number: int) -> PageChars:
    """The upright, printable glyphs of one laid-out page, duplicates (fake bold) dropped."""
    x0, y0, x1, y1 = layout.bbox
    chars: list[Char] = []
    seen: set[tuple[str, int, int]] = set()
    unmapped = 0
    for glyph in _glyphs(layout):
        text = glyph.get_text()
        if text.startswith("(cid:"):
            unmapped += 1
            continue
        if not text.strip() or not glyph.upright:
            continue
        top = y1 - glyph.y1
        key = (text, round(glyph.x0), round(top))
        if key in seen:
            continue
        seen.add(key)
        size = glyph.size if glyph.size > 0 else glyph.height
        chars.append(
            Char(
                text=text,
                x0=glyph.x0 - x0,
                top=top,
                x1=glyph.x1 - x0,
                bottom=y1 - glyph.y0,
                size=round(size, 2),
            )
        )
    pictures = tuple(
        Box(x0=p.x0 - x0, top=y1 - p.y1, x1=p.x1 - x0, bottom=y1 - p.y0)
        for p in _pictures(layout)
        if p.width > 0 and p.height > 0
    )
    return PageChars(
        number=number,
        width=x1 - x0,
        height=y1 - y0,
        chars=tuple(chars),
        pictures=pictures,
        unmapped=unmapped,
    )


def extract_pages(data: bytes, max_pages: int) -> list[PageChars]:
    """Every page's glyphs; fails with a readable :class:`ParseError` on a bad PDF."""
    document = open_document(data)
    pages = count_pages(document, max_pages)
    if pages > max_pages:
        raise ParseError(
            "pdf_too_many_pages",
            f"the PDF has more than {max_pages} pages (BAOKAN_MAX_PDF_PAGES): split the issue",
        )
    if pages == 0:
        raise ParseError("pdf_malformed", "the PDF has no pages")
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    result: list[PageChars] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pdfminer warns about recoverable oddities
        try:
            for number, page in enumerate(PDFPage.create_pages(document), start=1):
                interpreter.process_page(page)
                result.append(page_chars(device.get_result(), number))
        except ParseError:
            raise
        except MemoryError:
            raise
        except Exception as exc:
            raise ParseError("pdf_malformed", f"the PDF cannot be read: {_reason(exc)}") from None
    check_text_layer(result)
    return result


def check_text_layer(pages: list[PageChars]) -> None:
    """A PDF must carry readable text somewhere: a scan has none, and glyphs of a font with
    no Unicode mapping cannot be read either."""
    if any(page.chars for page in pages):
        return
    if any(page.unmapped for page in pages):
        raise ParseError(
            "pdf_unmapped_text",
            "the PDF's text cannot be read: its fonts map no glyph to a character "
            "(OCR is not supported)",
        )
    raise ParseError("pdf_no_text_layer", NO_TEXT_LAYER)
