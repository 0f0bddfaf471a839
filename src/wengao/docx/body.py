"""Blocks → the XML of a document body: one string, built once, used by both writer paths."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wengao.document.blocks import Block
from wengao.docx.objects import (
    BodyFont,
    Objects,
    cell_paragraph,
    paragraph_props,
    rich_run,
    table_xml,
)
from wengao.outline.ime import ILLEGAL_CHARS_RE
from wengao.outline.model import Source

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLE_FOR_KIND = {
    "title": "Title", "subtitle": "Subtitle", "byline": "Byline", "date": "Date", "source": "SourceLine",
    "salutation": "Salutation", "p": "BodyText", "point": "BodyText", "blank": "Normal",
    "cover": "CoverTitle", "note": "CoverNote", "parttitle": "PartTitle", "tochead": "TOCHeading",
}
# Characters whose width Word decides by the run's font hint: quotes, dashes, ellipsis.
_AMBIGUOUS_RE = re.compile("[“”‘’—…·]")
TITLE_LINE_CHARS = 20  # 156 mm / 22 pt
COVER_LINE_CHARS = 17  # 156 mm / 26 pt
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
# Word's default made explicit: LibreOffice then lays out without hanging punctuation, which
# it loses at the end of justified lines (2,700 characters: 283 marks in the .docx, 273 in the PDF).
_OVERFLOW_PUNCT = '<w:overflowPunct w:val="1"/>'

# Word needs a paragraph after a final table. It is made to take no line (1-pt mark, exactly
# 1-pt line, no space around it, off the line grid), so a table that ends at the foot of a page
# is not followed by a blank page with its own page number.
AFTER_TABLE = ('<w:p><w:pPr><w:snapToGrid w:val="0"/>'
               '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
               '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')


def escape(text: str) -> str:
    """XML text escaping (xml.sax.saxutils would import urllib: 14 ms of start-up). Characters
    XML forbids were reported where they entered (outline, template); none may reach the file."""
    text = ILLEGAL_CHARS_RE.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def balanced_breaks(text: str, width: int = TITLE_LINE_CHARS) -> list[str]:
    """Split a long title into balanced lines at phrase boundaries, never mid-word."""
    n = len(text)
    if n <= width:
        return [text]
    lines = -(-n // width)
    target = n / lines
    good: dict[int, int] = {}  # break position → badness bonus
    for i, ch in enumerate(text[:-1], 1):
        if ch in "，、：；":
            good[i] = 0
        elif ch in "的暨”》":  # not 和/与: 和美, 和谐, 与会 are words
            good[i] = 1
        elif text[i] == "—" and ch != "—":  # before a ——, which leads the next line; never inside it
            good[i] = 0
    for m in re.finditer("在|关于|上的|工作会议|会议|推进会|座谈会|动员会|讲话|发言", text):
        good.setdefault(m.start(), 2)
    for m in re.finditer("—+", text):  # no break within a run of dashes, nor right after it
        for pos in range(m.start() + 1, m.end() + 1):
            good.pop(pos, None)
    cuts, start = [], 0
    for k in range(1, lines):
        ideal = round(target * k)
        best = None
        for pos, bonus in good.items():
            if pos <= start or pos - start > width or n - pos > width * (lines - k):
                continue
            score = abs(pos - ideal) + bonus * 1.5
            if best is None or score < best[0]:
                best = (score, pos)
        if best is None or best[0] > width / 3:
            return [text]  # no phrase boundary near the middle: let the renderer wrap
        cuts.append(best[1])
        start = best[1]
    bounds = [0, *cuts, n]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def toc_entries(blocks: list[Block]) -> list[tuple[str, str]]:
    entries = []
    for b in blocks:
        if b.kind == "parttitle":
            entries.append(("TOC1", b.text))
        elif b.kind == "h" and b.level == 1 and entries:
            entries.append(("TOC2", b.text))
    return entries


def _run(text: str, bold: bool = False, br: bool = False) -> str:
    props = ""
    if _AMBIGUOUS_RE.search(text):
        props += '<w:rFonts w:hint="eastAsia"/>'
    if bold:
        props += "<w:b/><w:bCs/>"
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t>{"<w:br/>" if br else ""}</w:r>'


def field_begin(instr: str, rpr: str = "") -> str:
    """The runs that open a complex field: begin, its instruction, separate (the result follows)."""
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> {escape(instr)} </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>')


def field_end(rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'


# Where a compilation's front matter (cover, contents) ends: the writer puts the section break
# there, the front section unnumbered and the parts numbered from — 1 —.
SECTION_MARK = "<!--wengao:front-matter-ends-->"


@dataclass
class Body:
    xml: str
    sourced: list[tuple[int, Source]] = field(default_factory=list)  # (run ordinal, source)
    has_toc: bool = False
    has_cover: bool = False  # a cover page carries no page number
    front_matter: bool = False  # SECTION_MARK is in xml
    objects: Objects = field(default_factory=Objects)  # pictures and notes, for the package


DEFAULT_BODY_FONT = BodyFont("仿宋_GB2312", "Times New Roman", 32)


def _toc_entry(text: str, anchor: str, page: int) -> str:
    """A contents line: a link to the part's bookmark, a tab, and a PAGEREF field for its page.

    Not inside a TOC field: LibreOffice shows a TOC field's stored text and never updates it,
    while it computes a PAGEREF as it lays the document out. Word updates the fields on
    opening (settings ask it to); the stored number, an estimate, is for a reader that does not.
    """
    pageref = field_begin(f"PAGEREF {anchor} \\h") + _run(str(page)) + field_end()
    return f'<w:hyperlink w:anchor="{anchor}" w:history="1">{_run(text)}<w:r><w:tab/></w:r>{pageref}</w:hyperlink>'


def _lines(b: Block) -> int:
    """About how many lines a block takes (CJK one unit, Latin half, a two-character indent)."""
    if b.kind in ("title", "cover", "parttitle") and len(b.runs) == 1:
        return len(balanced_breaks(b.text, COVER_LINE_CHARS if b.kind == "cover" else TITLE_LINE_CHARS))
    units = sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in b.text) + (2 if b.kind in ("p", "point", "h") else 0)
    return max(1, -(-int(units) // CHARS_PER_LINE))


def estimate_pages(blocks: list[Block]) -> dict[int, int]:
    """Block index → its page, counted from the first part (the numbering a compilation prints):
    22 lines of 28 characters, each part on a new page."""
    pages: dict[int, int] = {}
    page, line, started = 0, 0, False
    for i, b in enumerate(blocks):
        if b.kind == "parttitle":
            page, line = page + 1, 0  # every part starts a page
            started = True
        elif not started:
            continue
        n = _lines(b)
        if line + n > LINES_PER_PAGE and line:
            page, line = page + 1, 0
        pages[i] = page
        line += n
    return pages


def _bookmarked(content: str, anchor: str, number: int) -> str:
    return (f'<w:bookmarkStart w:id="{number}" w:name="{anchor}"/>{content}'
            f'<w:bookmarkEnd w:id="{number}"/>')


def body_xml(blocks: list[Block], style_ids: dict[str, str], body_font: BodyFont = DEFAULT_BODY_FONT) -> Body:
    parts: list[str] = []
    sourced: list[tuple[int, Source]] = []
    runs = 0
    break_next = False
    has_toc = any(b.kind == "toc" for b in blocks)
    entries = toc_entries(blocks) if has_toc else []
    has_cover = any(b.kind == "cover" for b in blocks)
    front_matter = False
    listed = 0  # contents entries met so far in the body: their bookmarks
    pages = estimate_pages(blocks) if entries else {}
    entry_pages = [pages.get(i, 1) for i, b in enumerate(blocks)
                   if b.kind == "parttitle" or (b.kind == "h" and b.level == 1 and i in pages)]

    objects = Objects(plain_style=style_ids.get("Normal", "Normal"))

    def para(style: str, content: str, head: str = "", tail: str = "") -> None:
        nonlocal break_next
        ppr = f'<w:pStyle w:val="{style_ids.get(style, style)}"/>{head}'
        if break_next:
            ppr += "<w:pageBreakBefore/>"
            break_next = False
        ppr += _OVERFLOW_PUNCT  # also under a user's reference whose styles lack it
        parts.append(f"<w:p><w:pPr>{ppr}{tail}</w:pPr>{content}</w:p>")

    for n, b in enumerate(blocks):
        if b.kind == "pagebreak":
            if has_cover and not front_matter and parts and n + 1 < len(blocks) \
                    and blocks[n + 1].kind == "parttitle":
                # the front matter ends here: its last paragraph carries the section break
                parts[-1] = parts[-1].replace("</w:pPr>", SECTION_MARK + "</w:pPr>", 1)
                front_matter = True
            else:
                break_next = True
            continue
        if b.kind == "toc":
            for i, (style, text) in enumerate(entries):
                page = entry_pages[i] if i < len(entry_pages) else 1
                para(style, _toc_entry(text, f"_Toc{i + 1:08d}", page))
                runs += 2  # the title and the page number are text runs
            continue
        if b.kind == "table":
            parts.append(table_xml(b.rows, cell_paragraph(style_ids.get("Normal", "Normal"), _run)))
            continue
        style = f"Heading{b.level}" if b.kind == "h" else STYLE_FOR_KIND[b.kind]
        anchor = ""
        if entries and (b.kind == "parttitle" or (b.kind == "h" and b.level == 1 and listed)):
            listed += 1
            anchor = f"_Toc{listed:08d}"
        if b.kind in ("title", "cover", "parttitle") and len(b.runs) == 1 and not b.runs[0].br:
            lines = balanced_breaks(b.runs[0].text, COVER_LINE_CHARS if b.kind == "cover" else TITLE_LINE_CHARS)
            content = "".join(_run(t, b.runs[0].bold, br=i + 1 < len(lines)) for i, t in enumerate(lines))
            para(style, _bookmarked(content, anchor, listed) if anchor else content)
            runs += len(lines)
            continue
        content = []
        for r in b.runs:
            if r.source is not None:
                sourced.append((runs, r.source))
            if r.note or r.image is not None or r.role:
                content.append(rich_run(objects, r, body_font, _AMBIGUOUS_RE.search))
            else:
                content.append(_run(r.text, r.bold, br=r.br))
            runs += 1
        joined = "".join(content)
        para(style, _bookmarked(joined, anchor, listed) if anchor else joined, *paragraph_props(b))
    if parts and parts[-1].startswith("<w:tbl>"):
        parts.append(AFTER_TABLE)  # a document does not end in a table
    return Body("".join(parts), sourced, has_toc, has_cover, front_matter, objects)
