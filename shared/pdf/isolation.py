"""Parsing a PDF in a child process with a time limit and a memory limit.

A PDF is a program of sorts: a crafted or broken file can make any parser loop, allocate
without end or crash.  So the worker never parses one in its own process: it starts
``python -m shared.pdf.child``, hands it the bytes on stdin, and the child caps its own
address space (``RLIMIT_AS``) and CPU time before it reads them.  The parent waits at most
``timeout_seconds`` and kills the child after that.  Whatever happens to the child, the parent
gets a :class:`ParseError` with a readable reason, and the worker lives on.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass
from typing import Any

from shared.parsing.types import (
    PageFurniture,
    ParsedArticle,
    ParsedDocument,
    ParsedPage,
    ParseError,
)
from shared.settings import Settings


@dataclass(frozen=True)
class PdfLimits:
    max_pages: int = 200
    timeout_seconds: float = 120.0
    memory_bytes: int = 1024 * 1024 * 1024

    @classmethod
    def from_settings(cls, settings: Settings) -> PdfLimits:
        return cls(
            max_pages=settings.max_pdf_pages,
            timeout_seconds=float(settings.pdf_timeout_seconds),
            memory_bytes=settings.pdf_memory_mb * 1024 * 1024,
        )


def document_to_json(document: ParsedDocument) -> dict[str, Any]:
    articles = []
    for article in document.articles:
        fields = article.to_dict()
        del fields["body"]
        articles.append(fields)
    pages = [{"number": p.number, "furniture": asdict(p.furniture)} for p in document.pages]
    return {"articles": articles, "pages": pages}


def document_from_json(data: dict[str, Any]) -> ParsedDocument:
    return ParsedDocument(
        articles=[ParsedArticle(**fields) for fields in data["articles"]],
        pages=[
            ParsedPage(number=page["number"], furniture=PageFurniture(**page["furniture"]))
            for page in data["pages"]
        ],
    )


def parse_pdf_isolated(data: bytes, limits: PdfLimits) -> ParsedDocument:
    """Parse ``data`` in a child process; any failure is a :class:`ParseError`."""
    command = [
        sys.executable,
        "-m",
        "shared.pdf.child",
        str(limits.max_pages),
        str(limits.memory_bytes),
        str(int(limits.timeout_seconds) + 1),
    ]
    try:
        finished = subprocess.run(
            command, input=data, capture_output=True, timeout=limits.timeout_seconds, check=False
        )
    except subprocess.TimeoutExpired:
        raise ParseError(
            "pdf_timeout",
            f"parsing the PDF took longer than {limits.timeout_seconds:g} s and was stopped",
        ) from None
    answer: dict[str, Any] | None = None
    if finished.returncode == 0:
        try:
            answer = json.loads(finished.stdout)
        except ValueError:
            answer = None
    if answer is None or not isinstance(answer, dict):
        megabytes = limits.memory_bytes // (1024 * 1024)
        raise ParseError(
            "pdf_too_complex",
            f"the PDF could not be parsed within {megabytes} MB of memory and "
            f"{limits.timeout_seconds:g} s (the parser stopped with status {finished.returncode})",
        )
    if "error" in answer:
        raise ParseError(str(answer["error"]["code"]), str(answer["error"]["message"]))
    return document_from_json(answer["document"])
