"""Text set as pdftotext extracts a body column: lines of a fixed measure, no indent."""

from __future__ import annotations

# Full-width marks no line may open with (避头): they stay on the line before.
_NO_LINE_START = "，。、；：！？”）"


def set_in_measure(paragraph: str, measure: int) -> list[str]:
    """The paragraph's lines at ``measure`` characters; a mark no line may open with stays
    on the line before."""
    lines: list[str] = []
    rest = paragraph
    while rest:
        cut = measure
        while cut < len(rest) and rest[cut] in _NO_LINE_START:
            cut += 1
        lines.append(rest[:cut])
        rest = rest[cut:]
    return lines


# A running header, then the first article's title and byline.
PAGE_HEAD = [
    "上海日报 2024年4月8日 星期一 第2版 社会", "", "公交线路今起逐步恢复运营", "本报记者 王敏",
]  # fmt: skip


def page_under_title(pieces: list[str]) -> str:
    """A page's text: :data:`PAGE_HEAD`, then ``pieces`` (columns or paragraphs, each its
    lines) with a blank line between them."""
    return "\n".join(PAGE_HEAD) + "\n" + "\n\n".join(pieces) + "\n"
