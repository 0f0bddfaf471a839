"""Blocks → .docx bytes, on top of a reference document's styles and page setup."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx.oxml.ns import qn

from wengao.document.blocks import Block
from wengao.docx.ooxml import el, field_runs
from wengao.errors import WengaoError

STYLE_FOR_KIND = {
    "title": "Title",
    "subtitle": "Subtitle",
    "byline": "Byline",
    "date": "Date",
    "source": "SourceLine",
    "salutation": "Salutation",
    "p": "BodyText",
    "point": "BodyText",
    "blank": "Normal",
    "cover": "CoverTitle",
    "note": "CoverNote",
    "parttitle": "PartTitle",
    "tochead": "TOCHeading",
}
# Characters whose width Word decides by the run's font hint: quotes, dashes, ellipsis.
_AMBIGUOUS_RE = re.compile("[“”‘’—…·]")
TITLE_LINE_CHARS = 20  # 156 mm / 22 pt
COVER_LINE_CHARS = 17  # 156 mm / 26 pt


@dataclass(frozen=True)
class DocProps:
    title: str
    author: str = ""
    subject: str = ""
    keywords: str = ""
    created: dt.datetime = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _balanced_breaks(text: str, width: int = TITLE_LINE_CHARS) -> list[str]:
    """Split a long title into balanced lines at phrase boundaries, never mid-word."""
    n = len(text)
    if n <= width:
        return [text]
    lines = -(-n // width)
    target = n / lines
    good: dict[int, int] = {}  # break position → badness bonus
    for i, ch in enumerate(text[:-1], 1):
        if ch in "，、：；—":
            good[i] = 0
        elif ch in "的暨”》":  # not 和/与: 和美, 和谐, 与会 are words
            good[i] = 1
    for m in re.finditer("在|关于|上的|工作会议|会议|推进会|座谈会|动员会|讲话|发言", text):
        good.setdefault(m.start(), 2)
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


class _Writer:
    def __init__(self, reference: Path) -> None:
        import docx

        from wengao.docx.styles import clear_body, ensure_styles

        try:
            self.doc = docx.Document(str(reference))
        except Exception as exc:  # python-docx raises several types for a bad package
            raise WengaoError.single(str(reference), f"cannot open reference document: {exc}",
                                     hint="pass a .docx saved by Word, WPS or LibreOffice") from None
        self.style_ids = ensure_styles(self.doc, overwrite=False)
        clear_body(self.doc)
        self.body = self.doc.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.page_break_next = False
        self.comments: list[tuple[object, str]] = []
        self.toc_entries: list[tuple[str, str]] = []

    def _paragraph(self, style: str):
        p = el("w:p")
        ppr = el("w:pPr")
        ppr.append(el("w:pStyle", val=self.style_ids.get(style, style)))
        if self.page_break_next:
            ppr.append(el("w:pageBreakBefore"))
            self.page_break_next = False
        p.append(ppr)
        if self.sect_pr is not None:
            self.sect_pr.addprevious(p)
        else:
            self.body.append(p)
        return p

    def _run(self, p, text: str, bold: bool = False):
        r = el("w:r")
        if bold or _AMBIGUOUS_RE.search(text):
            rpr = el("w:rPr")
            if _AMBIGUOUS_RE.search(text):
                rpr.append(el("w:rFonts", hint="eastAsia"))
            if bold:
                rpr.append(el("w:b"))
                rpr.append(el("w:bCs"))
            r.append(rpr)
        t = el("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        p.append(r)
        return r

    def block(self, b: Block) -> None:
        if b.kind == "pagebreak":
            self.page_break_next = True
            return
        if b.kind == "toc":
            self._toc(b)
            return
        style = f"Heading{b.level}" if b.kind == "h" else STYLE_FOR_KIND[b.kind]
        p = self._paragraph(style)
        if b.kind in ("title", "cover", "parttitle") and len(b.runs) == 1:
            lines = _balanced_breaks(b.runs[0].text, COVER_LINE_CHARS if b.kind == "cover" else TITLE_LINE_CHARS)
            for i, line in enumerate(lines):
                r = self._run(p, line, b.runs[0].bold)
                if i + 1 < len(lines):
                    r.append(el("w:br"))
            return
        for run in b.runs:
            r = self._run(p, run.text, run.bold)
            if run.source is not None:
                self.comments.append((r, f"{run.source.phrase_id} · {run.source.origin}"))

    def _toc(self, b: Block) -> None:
        """A real TOC field: part titles at level 1, their 一、 headings at level 2.

        Its result is filled with the entries (without page numbers) so the document reads well
        before Word updates the field, which it is asked to do on opening.
        """
        entries = self.toc_entries or [("TOC1", "目录")]
        instr = 'TOC \\h \\z \\t "Part Title,1,Heading 1,2"'
        begin, instr_run, separate, _result, end = field_runs(instr, "")
        for i, (style, text) in enumerate(entries):
            p = self._paragraph(style)
            if i == 0:
                p.extend([begin, instr_run, separate])
            self._run(p, text)
            if i == len(entries) - 1:
                p.append(end)
        settings = self.doc.settings.element
        if settings.find(qn("w:updateFields")) is None:
            # schema order: updateFields comes before these
            after = next((settings.find(qn(t)) for t in ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr",
                                                           "w:compat", "w:docVars", "w:rsids")
                          if settings.find(qn(t)) is not None), None)
            if after is not None:
                after.addprevious(el("w:updateFields", val="true"))
            else:
                settings.append(el("w:updateFields", val="true"))

    def add_comments(self) -> None:
        from docx.text.run import Run as DocxRun

        for r, text in self.comments:
            run = DocxRun(r, self.doc.part)
            self.doc.add_comment(run, text=text, author="wengao", initials="WG")

    def save(self, props: DocProps) -> bytes:
        cp = self.doc.core_properties
        cp.title = props.title
        cp.author = props.author
        cp.subject = props.subject
        cp.keywords = props.keywords
        cp.comments = ""
        cp.category = ""
        cp.last_modified_by = "wengao"
        cp.language = "zh-CN"
        cp.revision = 1
        naive = props.created.astimezone(dt.UTC).replace(tzinfo=None)
        cp.created = naive
        cp.modified = naive
        cp.last_printed = naive
        buf = io.BytesIO()
        self.doc.save(buf)
        return _fixed_zip(buf.getvalue(), props.created)


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """python-docx stamps zip entries with the wall clock; restamp them for reproducible files."""
    stamp = when.astimezone(dt.UTC)
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=date_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _toc_entries(blocks: list[Block]) -> list[tuple[str, str]]:
    entries = []
    for b in blocks:
        if b.kind == "parttitle":
            entries.append(("TOC1", b.text))
        elif b.kind == "h" and b.level == 1 and entries:
            entries.append(("TOC2", b.text))
    return entries


def write_docx(blocks: list[Block], reference: Path, props: DocProps, *, annotate: bool = False) -> bytes:
    w = _Writer(reference)
    w.toc_entries = _toc_entries(blocks) if any(b.kind == "toc" for b in blocks) else []
    for b in blocks:
        w.block(b)
    if annotate:
        w.add_comments()
    return w.save(props)


def reference_bytes() -> bytes:
    """The built-in reference document, as committed at templates/reference.docx."""
    from wengao.docx.styles import build_reference

    doc = build_reference()
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue(), dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
