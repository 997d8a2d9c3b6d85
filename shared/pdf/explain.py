"""A per-block account of a PDF's layout decisions (``baokan parse FILE.pdf --explain``)."""

from __future__ import annotations

from shared.pdf.document import page_blocks
from shared.pdf.extract import extract_pages


def explain_pdf(data: bytes, max_pages: int) -> str:
    """Every block of every page in reading order: its role, the rule, and its lines with
    their type size and position."""
    out: list[str] = []
    for page in extract_pages(data, max_pages):
        out.append(f"=== page {page.number} ({page.width:.0f} x {page.height:.0f} pt)")
        for block in page_blocks(page):
            out.append(f"[{block.role}] {block.rule}")
            for line in block.lines:
                out.append(
                    f"  {line.size:5.1f}pt x={line.x0:6.1f} y={line.top:6.1f}  {line.text}"
                )
    return "\n".join(out)
