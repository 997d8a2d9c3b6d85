"""The child process that parses one PDF: ``python -m shared.pdf.child PAGES MEMORY CPU``.

Reads the PDF from stdin and writes one JSON object to stdout: ``{"document": …}`` or
``{"error": {"code", "message"}}``.  Its limits are set before it reads a byte.
"""

from __future__ import annotations

import json
import resource
import sys


def _limit(which: int, value: int) -> None:
    _soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(which, (value, hard))


def main(argv: list[str]) -> int:
    max_pages, memory_bytes, cpu_seconds = (int(arg) for arg in argv[:3])
    _limit(resource.RLIMIT_AS, memory_bytes)
    _limit(resource.RLIMIT_CPU, cpu_seconds)
    data = sys.stdin.buffer.read()

    from shared.parsing.types import ParseError
    from shared.pdf.document import parse_pdf
    from shared.pdf.isolation import document_to_json

    try:
        answer: dict[str, object] = {"document": document_to_json(parse_pdf(data, max_pages))}
    except ParseError as exc:
        answer = {"error": {"code": exc.code, "message": exc.message}}
    except MemoryError:
        answer = {
            "error": {
                "code": "pdf_too_complex",
                "message": "the PDF needs more memory to parse than a job may use",
            }
        }
    except RecursionError:
        answer = {
            "error": {"code": "pdf_malformed", "message": "the PDF's objects nest without end"}
        }
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
