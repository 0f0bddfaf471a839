"""The block AST: what a genre template produces and the docx writer consumes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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
    "table": "a table (rows of cell texts), written with borders",
}


@dataclass(frozen=True)
class Image:
    """A picture kept from a read document (wengao format)."""

    data: bytes = field(repr=False)
    ext: str = "png"  # file extension: png, jpeg, gif, emf …
    width_emu: int = 0  # 0: taken from the picture itself
    height_emu: int = 0


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    source: Source | None = None
    role: str = ""  # "body": in the body font inside a heading (the rest of a run-in heading)
    br: bool = False  # a line break after the text (a title kept on the lines it was printed on)
    note: str = ""  # a footnote or endnote reference: the note's text (the run's own text is "")
    note_kind: str = ""  # "footnote" | "endnote"
    image: Image | None = None  # an inline picture (the run's own text is "")


@dataclass(frozen=True)
class Block:
    kind: str
    runs: tuple[Run, ...] = ()
    arg: str = ""  # heading level, point style …
    line: int = 0  # the template line that produced it
    scheme: str = "gbt"  # heading numbers (genres.NUMBERING), set from the outline's genre
    rows: tuple[tuple[str, ...], ...] = ()  # table: rows of cell texts ("\n" between a cell's paragraphs)
    align: str = ""  # overrides the style's alignment: "right" (a sign-off line), "center" (a picture)
    run_in: bool = False  # a heading whose paragraph goes on with body text (runs of role "body")

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
        if not r.text and not (r.note or r.image):
            continue
        last = out[-1] if out else None
        if last is not None and last.bold == r.bold and last.source == r.source and last.role == r.role \
                and not (last.br or last.note or last.image or r.note or r.image):
            out[-1] = replace(last, text=last.text + r.text, br=r.br)
        else:
            out.append(r)
    return tuple(out)
