"""What the checker reads and what it finds: located pieces of text in, findings out.

A `Unit` is one stretch of the user's text with its place in the file: a paragraph of a .docx
(`line` = the body paragraph number), a line of a .txt, a cell of a table, or a string of an
outline (.yaml, located by the YAML line and column). Rules only ever see units (and, for the
numbering rules, the reader's Document), so one rule serves every input format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from wengao.errors import Diagnostic, Severity
from wengao.reading.model import BlockKind, Document


class InputKind(Enum):
    DOCX = "docx"
    TXT = "txt"
    OUTLINE = "yaml"


@dataclass(frozen=True)
class Unit:
    """One located stretch of text.

    `line`/`col` locate text[0] (1-based); `locate` maps another offset when the text spans
    several source lines (a YAML block scalar).
    `kind` is what the reader made of the paragraph (None when unknown, e.g. an outline string).
    """

    text: str
    line: int
    col: int = 1
    kind: BlockKind | None = None
    cell: tuple[int, int] | None = None  # a table cell: (row, column), 0-based
    prefix: int = 0  # docx: characters of Word auto-numbering at the start of `text`
    body_from: int = 0  # where running text starts (after a run-in heading's own sentence); −1: none
    locate: Callable[[int], tuple[int, int]] | None = field(default=None, compare=False, repr=False)

    def where(self, offset: int) -> tuple[int, int]:
        """(line, col) of the character at `offset` in `text` (a line break inside a .docx
        paragraph is one of its characters: the paragraph is the line)."""
        if self.locate is not None:
            return self.locate(offset)
        return self.line, self.col + offset

    @property
    def is_body(self) -> bool:
        """Does it hold running text (not only a title, a date line, a heading or a table cell)?
        Prose rules apply to text[body_from:]."""
        return self.body_from >= 0


@dataclass
class Source:
    """A file ready to check: its units in order, and the reader's structure when it has one."""

    path: str  # as the user named it (reports cite it)
    kind: InputKind
    units: list[Unit]
    document: Document | None = None


@dataclass(frozen=True)
class Finding:
    """One problem at one place. `offset`/`length` select the flagged characters in the unit."""

    rule: str
    unit: Unit
    offset: int
    length: int
    message: str
    suggestion: str = ""
    severity: Severity = Severity.ERROR

    @property
    def text(self) -> str:
        return self.unit.text[self.offset:self.offset + self.length]

    @property
    def position(self) -> tuple[int, int]:
        return self.unit.where(self.offset)

    def diagnostic(self, path: str) -> Diagnostic:
        line, col = self.position
        return Diagnostic(path, line, col, self.message, severity=self.severity, rule=self.rule,
                          suggestion=self.suggestion)
