"""Explain a parse line by line: number, role, deciding rule, text."""

from __future__ import annotations

from shared.parsing.layout_columns import LAYOUT_RULE
from shared.parsing.page import analyse_text
from shared.parsing.types import ParseError

ROLES = (
    "body",
    "title",
    "kicker",
    "subtitle",
    "byline",
    "dateline",
    "caption",
    "furniture",
    "continuation",
    "blank-column-break",
    "blank-paragraph",
    "blank-line-spacing",
)


def explain_text(text: object) -> str:
    """One output line per input line: ``number  role  width  rule | text``.

    The width is the line's printed width in em (what the paragraph and title rules compare
    with the column width). Anything but text is refused with :class:`ParseError`."""
    if not isinstance(text, str):
        raise ParseError("invalid-input", f"expected text, got {type(text).__name__}")
    try:
        analysis = analyse_text(text)
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError("internal", f"the parser failed on this input: {exc!r}") from exc
    by_number: dict[int, tuple[str, str, str, float]] = {}
    for line in analysis.lines:
        role, rule = analysis.trace.get(line.number, ("", ""))
        if line.is_blank and not role:
            role, rule = "blank-paragraph", "blank line between blocks"
        elif not role:
            role, rule = "body", "unassigned"
        if line.number in by_number:
            # a form feed inside the physical line: show both parts, keep the role with text
            old_role, old_rule, old_raw, old_width = by_number[line.number]
            if line.is_blank:
                role, rule = old_role, old_rule
            rule += " [page break inside this line]"
            by_number[line.number] = (
                role,
                rule,
                old_raw + "\\f" + line.raw,
                old_width + line.width,
            )
            continue
        by_number[line.number] = (role, rule, line.raw, line.width)
    width = len(str(max(by_number, default=0)))
    physical = text.count("\n") + 1
    rows = []
    for number in sorted(by_number):
        role, rule, raw, em = by_number[number]
        if number > physical:  # a line of a layout page, read out of its columns
            rule += f" [{LAYOUT_RULE}]"
        rows.append(f"{number:>{width}}  {role:<18} {em:5.1f}em  {rule}  | {raw}")
    return "\n".join(rows)
