"""The child process: same result as in-process, and every failure a readable ParseError."""

from __future__ import annotations

import pytest

from shared.parsing import ParseError
from shared.pdf import PdfLimits, parse_pdf_isolated
from shared.pdf.document import parse_pdf
from shared.settings import Settings, SettingsError
from tests.support.pdf_typesetter import encrypted_pdf, pages_pdf, scan_pdf


def test_the_child_gives_what_the_parser_gives_in_process() -> None:
    data = pages_pdf(3)
    isolated = parse_pdf_isolated(data, PdfLimits(max_pages=3))
    assert isolated == parse_pdf(data, max_pages=3)
    assert [(a.page, a.headline) for a in isolated.articles] == [
        (1, "第1版的消息"),
        (2, "第2版的消息"),
        (3, "第3版的消息"),
    ]


@pytest.mark.parametrize(
    ("data", "limits", "code"),
    [
        (scan_pdf(), PdfLimits(), "pdf_no_text_layer"),
        (encrypted_pdf(), PdfLimits(), "pdf_encrypted"),
        (pages_pdf(3), PdfLimits(max_pages=2), "pdf_too_many_pages"),
        # far too little address space for the interpreter and the parser
        (pages_pdf(1), PdfLimits(memory_bytes=32 * 1024 * 1024), "pdf_too_complex"),
        # the child cannot even start within a hundredth of a second: it is killed
        (pages_pdf(1), PdfLimits(timeout_seconds=0.01), "pdf_timeout"),
    ],
    ids=["scan", "encrypted", "pages", "memory", "time"],
)
def test_failures_in_the_child_come_back_as_readable_errors(
    data: bytes, limits: PdfLimits, code: str
) -> None:
    with pytest.raises(ParseError) as caught:
        parse_pdf_isolated(data, limits)
    assert caught.value.code == code
    assert len(caught.value.message) > 20


def test_the_limits_come_from_the_settings() -> None:
    settings = Settings.from_env(
        {"BAOKAN_MAX_PDF_PAGES": "7", "BAOKAN_PDF_TIMEOUT": "30", "BAOKAN_PDF_MEMORY_MB": "512"}
    )
    assert PdfLimits.from_settings(settings) == PdfLimits(7, 30.0, 512 * 1024 * 1024)
    assert Settings.from_env({}).max_pdf_pages == 200
    with pytest.raises(SettingsError, match="BAOKAN_MAX_PDF_PAGES"):
        Settings.from_env({"BAOKAN_MAX_PDF_PAGES": "0"})


def test_the_web_and_the_worker_never_load_the_pdf_reader() -> None:
    # PDFs are parsed in a child process; pdfminer would cost every long-lived process ~12 MB.
    import subprocess
    import sys

    probe = (
        "import sys, web.app, worker.celery_app, worker.tasks; "
        "print(any(name.startswith('pdfminer') for name in sys.modules))"
    )
    answer = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert answer.stdout.strip() == "False"
