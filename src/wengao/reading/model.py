"""The typed document model every reader produces and every consumer (extract, mine, check,
format) reads: raw paragraphs as the file holds them, then a Document of typed blocks.

Two layers, because consumers need both: `RawDocument` is what the file says, paragraph by
paragraph, with the formatting evidence a .docx carries; `Document` is what the reader made of
it — front matter, headings with levels, points, noise — with every block pointing back at the
paragraph it came from (`pos`), so a checker can report `file:line:col` and a formatter can keep
every character in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from wengao.document.numbering import Scheme

__all__ = ["Block", "BlockKind", "Document", "FrontMatter", "Genre", "InlineObject", "RawDocument",
           "RawPara", "Scheme", "SourceFormat"]


class SourceFormat(Enum):
    TXT = "txt"
    DOCX = "docx"


@dataclass(frozen=True)
class InlineObject:
    """Something inside a .docx paragraph that is not text: a picture, a footnote reference.

    `offset` is the character position in RawPara.text where it stands.
    """

    offset: int
    kind: str  # "image" | "footnote" | "endnote"
    text: str = ""  # footnote/endnote text
    part: str = ""  # image: the package part name (word/media/image1.png)
    data: bytes = field(default=b"", repr=False)  # image bytes
    width_emu: int = 0
    height_emu: int = 0


@dataclass(frozen=True)
class RawPara:
    """One paragraph (or table) of the source, as the file holds it.

    txt: one line (or a blank-line paragraph), `pos` its 1-based line number.
    docx: one body paragraph, `pos` its 1-based number counting every body paragraph (tables
    count as one position each, their cells are in `rows`).
    `text` is what a reader sees: Word auto-numbering is rendered into it (`auto_number` says
    which prefix came from numbering), tracked insertions are in, deletions out, field results
    in, field codes out.
    """

    text: str
    pos: int
    end_pos: int = 0  # the last line it spans (txt paragraphs that wrap over lines), else pos
    style: str = ""  # docx paragraph style name ("heading 1", "Title", "Normal" …)
    outline_level: int | None = None  # docx outline level, 0-based (heading 1 → 0)
    auto_number: str = ""  # the literal number Word shows before the text ("一、", "1.")
    bold: bool | None = None  # True when all its text is bold, False when none is, None mixed
    size: float | None = None  # the dominant font size in pt
    align: str = ""  # left | center | right | both | ""
    east_asia: str = ""  # the dominant East Asian font
    indent_chars: float = 0  # first-line indent in characters, when known
    rows: tuple[tuple[str, ...], ...] | None = None  # a table: rows of cell texts
    objects: tuple[InlineObject, ...] = ()
    page_break_before: bool = False

    @property
    def is_table(self) -> bool:
        return self.rows is not None


@dataclass(frozen=True)
class RawDocument:
    path: str  # as given
    name: str  # how provenance cites it (file name, or path relative to a corpus root)
    format: SourceFormat
    paras: tuple[RawPara, ...]
    encoding: str = ""  # txt: the encoding it was decoded from
    chars: int = 0  # characters of text read
    converted_from: str = ""  # ".doc", ".wps", ".odt", ".rtf": LibreOffice made the .docx read here


class Genre(Enum):
    SPEECH = "speech"
    EXCHANGE = "exchange"
    STUDY_REPORT = "study-report"
    NEWS = "news"
    COMPILATION = "compilation"
    OTHER = "other"


class BlockKind(Enum):
    # front matter, in the order a document prints it
    TITLE = "title"
    SUBTITLE = "subtitle"
    AUTHOR = "author"  # speaker / author / post line, byline, sign-off organisation
    DATE = "date"
    SOURCE = "source"  # news: 来源/稿源 line
    SALUTATION = "salutation"
    NOTE = "note"  # 编者按, 按：…, a covering notice's lines
    # the body
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    POINT = "point"  # 一是/一要/首先 … or a run of parallel lead sentences
    CLOSING = "closing"  # the closing call / 表态 at the end
    TABLE = "table"
    NOISE = "noise"  # site chrome, page furniture, debris: kept for format, dropped by extract/mine


BODY_KINDS = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.POINT, BlockKind.CLOSING,
                        BlockKind.TABLE})


@dataclass
class Block:
    """One typed piece of a document, in source order.

    text: the block's own text, cleaned (for a heading: without its number; for a run-in
    heading: only the heading sentence, the rest is `body`). `source` is the whole paragraph
    as cleaned, number included, so `source` of all blocks in order holds every character.
    """

    kind: BlockKind
    text: str
    pos: int  # RawPara.pos of the paragraph it came from (1-based)
    source: str = ""
    level: int = 0  # headings: 1 = the top level this document uses
    scheme: Scheme = Scheme.NONE
    number: str = ""  # the marker as printed: "一、" "（一）" "第一项措施：" "手记①|"
    value: int = 0  # the number's value in its sequence (一 → 1)
    run_in: bool = False  # heading and body share one paragraph: （一）标题。正文…
    body: str = ""  # run-in: the text after the heading sentence
    sep: str = ""  # run-in: the mark that ends the heading sentence (。 or ：), not in `text`
    lead: str = ""  # point: its lead sentence (bold in many drafts)
    marker: str = ""  # point: 一是 / 二要 / 首先， as printed
    verb: str = ""  # point: 是 / 要 / "" (lead-sentence runs, 首先…)
    rows: tuple[tuple[str, ...], ...] = ()  # table cells
    end_pos: int = 0  # the last source position it covers (joined lines), else pos
    col: int = 0  # 1-based column in the source paragraph where `source` starts (split lines)
    why: str = ""  # noise: the reason it was set aside (for --dry-run and debugging)


@dataclass
class FrontMatter:
    title: str = ""
    subtitle: str = ""
    author: str = ""
    date: str = ""  # ISO: 2024-05-20, or 1942-05 when only the month is printed
    date_text: str = ""  # as printed
    salutation: str = ""
    source: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class Document:
    """A read document. A compilation has `parts` (each a Document over a slice of `blocks`);
    its own front matter describes the file or its covering notice."""

    path: str
    name: str
    genre: Genre
    front: FrontMatter
    blocks: list[Block]  # every block of the file, in source order (parts' blocks included)
    parts: list[Document] = field(default_factory=list)
    raw: RawDocument | None = None

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in BODY_KINDS]

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.HEADING]

    @property
    def noise(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.NOISE]
