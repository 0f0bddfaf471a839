"""The block AST: what a genre template produces and the docx writer consumes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from wengao.outline.model import Source

# Block kinds and what they are in the document.
KINDS = {
    "title": "the document title (方正小标宋, centred)",
    "subtitle": "the ——在…讲话 line under a theme title",
    "byline": "speaker or author line (楷体, centred)",
    "date": "date line （2024年5月20日）",
    "source": "a news report's source/date line",
    "salutation": "同志们：, flush left",
    "p": "a body paragraph",
    "point": "an enumerated paragraph (一是/一要/plain), arg: style",
    "h": "a heading, arg: level 1-4",
    "blank": "an empty line",
    "pagebreak": "the next block starts a new page",
    "toc": "a table of contents field",
    "cover": "a compilation's cover title",
    "note": "a compilation's cover note",
    "parttitle": "the title of a part of a compilation (listed in the table of contents)",
    "tochead": "the heading over a table of contents",
    "parts": "where a compilation's parts go",
}


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    source: Source | None = None


@dataclass(frozen=True)
class Block:
    kind: str
    runs: tuple[Run, ...] = ()
    arg: str = ""  # heading level, point style …
    line: int = 0  # the template line that produced it
    scheme: str = "gbt"  # heading numbers (genres.NUMBERING), set from the outline's genre

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def level(self) -> int:
        return int(self.arg) if self.kind == "h" and self.arg.isdigit() else 0

    @property
    def inline(self) -> bool:
        """A point written into the paragraph before it (news: ××强调，…一要…二要…)."""
        return self.kind == "point" and self.arg.endswith("-inline")

    def with_runs(self, runs: tuple[Run, ...]) -> Block:
        return replace(self, runs=runs)


def merge_runs(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring runs that look the same, drop empty ones."""
    out: list[Run] = []
    for r in runs:
        if not r.text:
            continue
        if out and out[-1].bold == r.bold and out[-1].source == r.source:
            out[-1] = Run(out[-1].text + r.text, r.bold, r.source)
        else:
            out.append(r)
    return tuple(out)
