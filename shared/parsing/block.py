"""The Block type: a run of page lines of one kind (text, byline, furniture or a
continuation marker), with the blank lines that stood before it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from shared.parsing.continuation_markers import opens_continued_part
from shared.parsing.lines import Line

BlockKind = Literal["text", "byline", "furniture", "continuation"]


@dataclass
class Block:
    kind: BlockKind
    lines: list[Line]
    rule: str
    blanks_before: list[Line] = field(default_factory=list)
    # a column's lower part put back under its upper part (:mod:`.column_bands`): the blank
    # line before it parts no columns, the column goes on
    under_band: bool = False

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def widest(self) -> float:
        """The width (em) of its widest line."""
        return max(line.width for line in self.lines)

    @property
    def ends_sentence(self) -> bool:
        return self.last.ends_sentence

    @property
    def opens_with_dateline(self) -> bool:
        return self.kind == "text" and self.lines[0].opens_dateline

    @property
    def opens_continued_part(self) -> bool:
        """Its first line opens with ``（上接第1版）``."""
        first = self.lines[0]
        return opens_continued_part(first.text, first.continuations)
