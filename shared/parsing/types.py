"""Typed results of the parsing pipeline.

decode → lines → blocks → articles → fields → normalise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ArticleKind = Literal["article", "photo"]


class ParseError(ValueError):
    """The input cannot be parsed; ``code`` is a stable machine-readable reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class ParsedArticle:
    """One article (or captioned photo) as a reader sees it on paper."""

    kind: ArticleKind = "article"
    headline: str = ""
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""
    byline: str = ""  # byline / dateline parentheses / photo credit as printed (one per line)
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    page: int = 1
    continued_to: str = ""
    continued_from: str = ""
    # How far (em) the body's last line stops short of its column (0 when it is full or
    # nothing measures the column), and whether the body's first line fills its column (no
    # paragraph's indented first line): where a jump to another page cut the text, these
    # tell whether a paragraph ran on across it.  Not published.
    short_by: float = field(default=0.0, repr=False, compare=False)
    opens_full: bool = field(default=False, repr=False, compare=False)
    # Whether the body's last line, ending no sentence, goes on from a full line above it
    # that ends none either: the tail of a sentence wrapped over lines, not a subhead or a
    # list item standing alone.  Not published.
    closes_wrapped: bool = field(default=False, repr=False, compare=False)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "headline": self.headline,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "dateline": self.dateline,
            "byline": self.byline,
            "reporters": list(self.reporters),
            "correspondents": list(self.correspondents),
            "paragraphs": list(self.paragraphs),
            "body": self.body,
            "page": self.page,
            "continued_to": self.continued_to,
            "continued_from": self.continued_from,
        }


@dataclass
class PageFurniture:
    """What a page prints around its articles: running header and editors."""

    paper: str = ""
    date: str = ""
    page_label: str = ""
    section: str = ""
    editors: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


@dataclass
class ParsedPage:
    number: int
    furniture: PageFurniture = field(default_factory=PageFurniture)


@dataclass
class ParsedDocument:
    """The articles of one uploaded file in page order, and its pages' furniture."""

    articles: list[ParsedArticle] = field(default_factory=list)
    pages: list[ParsedPage] = field(default_factory=list)
