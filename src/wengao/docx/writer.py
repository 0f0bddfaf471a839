"""Blocks → .docx bytes, on top of a reference document's styles and page setup.

The common case is written directly at the package level: the reference's parts are copied
and only the body and the core properties are new, which is several times faster than going
through python-docx. python-docx does the rest: a reference that lacks some of wengao's styles
(they are added from the profile) and comments for --annotate.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from wengao.document.blocks import Block
from wengao.docx.body import DEFAULT_BODY_FONT, SECTION_MARK, W_NS, Body, body_xml, escape
from wengao.docx.objects import BodyFont, insert_before
from wengao.errors import ReferenceDocError
from wengao.i18n import t

# a style's id and its name (the first child of w:style), found without parsing the whole part
_STYLE_RE = re.compile(r'<w:style\b[^>]*?\bw:styleId="([^"]*)"[^>]*>\s*(?:<w:name w:val="([^"]*)")?')
_SETTINGS_AFTER = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")


@dataclass(frozen=True)
class DocProps:
    title: str
    author: str = ""
    subject: str = ""
    keywords: str = ""
    created: dt.datetime = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def document_time(date: dt.date | None = None) -> dt.datetime:
    """Document timestamps: SOURCE_DATE_EPOCH when set (reproducible builds), else the
    document's date, else 2000-01-01 UTC: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    if date is not None:
        return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class _Reference:
    parts: tuple[tuple[str, bytes], ...]
    style_ids: dict[str, str] | None  # None: some profile style is missing
    fast: bool  # the package has the parts the direct writer needs

    @functools.cached_property
    def body_font(self) -> BodyFont:
        """The body font as the reference sets it: read from styles.xml once, when a run first needs it."""
        assert self.style_ids is not None
        return _body_font(dict(self.parts)["word/styles.xml"].decode("utf-8", "replace"), self.style_ids)


def _bad_reference(path: Path, why: object) -> ReferenceDocError:
    return ReferenceDocError.single(str(path), t("build.reference.unreadable", reason=why),
                                    hint=t("build.reference.unreadable.hint"))


@functools.cache
def _load_reference(path: str, _mtime_ns: int) -> _Reference:
    """The reference's parts, read once per process and file version (batch builds reuse it)."""
    from wengao.docx.profile import PROFILE

    try:
        with zipfile.ZipFile(path) as z:
            parts = tuple((info.filename, z.read(info.filename)) for info in z.infolist())
    except (OSError, zipfile.BadZipFile) as exc:
        raise _bad_reference(Path(path), exc) from None
    names = dict(parts)
    if "word/styles.xml" not in names or "word/document.xml" not in names:
        raise _bad_reference(Path(path), t("build.reference.no_parts"))
    by_id, by_name = {}, {}
    for m in _STYLE_RE.finditer(names["word/styles.xml"].decode("utf-8", "replace")):
        by_id[m.group(1)] = m.group(1)
        if m.group(2) is not None:
            by_name[m.group(2).lower()] = m.group(1)
    ids: dict[str, str] | None = {}
    for spec in PROFILE:
        sid = by_id.get(spec.style_id) or by_name.get(spec.name.lower())
        if sid is None:
            ids = None
            break
        ids[spec.style_id] = sid
    fast = "docProps/core.xml" in names and "word/settings.xml" in names and \
        b"</w:body>" in names["word/document.xml"]
    return _Reference(parts, ids, fast)


def _reference(path: Path) -> _Reference:
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise _bad_reference(path, exc.strerror or exc) from None
    return _load_reference(str(path), mtime)


def _body_font(styles_xml: str, style_ids: dict[str, str]) -> BodyFont:
    """The body style's East Asian and Latin fonts and size, as the reference sets them
    (the style, then Normal, then the profile), for text set in the body font inside a heading."""
    east, latin, size = "", "", 0
    for sid in (style_ids.get("BodyText", "BodyText"), style_ids.get("Normal", "Normal")):
        m = re.search(rf'<w:style\b[^>]*\bw:styleId="{re.escape(sid)}"[^>]*>(.*?)</w:style>', styles_xml, re.S)
        if not m:
            continue
        fonts = re.search(r"<w:rFonts\b([^>]*)>", m.group(1))
        if fonts:
            east = east or (re.search(r'w:eastAsia="([^"]*)"', fonts.group(1)) or [None, ""])[1]
            latin = latin or (re.search(r'w:ascii="([^"]*)"', fonts.group(1)) or [None, ""])[1]
        sz = re.search(r'<w:sz w:val="(\d+)"', m.group(1))
        size = size or (int(sz.group(1)) if sz else 0)
    d = DEFAULT_BODY_FONT
    return BodyFont(east or d.east_asia, latin or d.latin, size or d.half_points)


def _w3c(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _core_xml(props: DocProps) -> bytes:
    stamp = _w3c(props.created)
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(props.title)}</dc:title><dc:subject>{escape(props.subject)}</dc:subject>"
        f"<dc:creator>{escape(props.author)}</dc:creator><cp:keywords>{escape(props.keywords)}</cp:keywords>"
        "<cp:lastModifiedBy>wengao</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "<dc:language>zh-CN</dc:language></cp:coreProperties>"
    ).encode()


def _document_xml(reference_doc: bytes, body: Body) -> bytes:
    """The reference's document part with its body replaced; its final sectPr is kept."""
    text = reference_doc.decode("utf-8")
    start = text.index("<w:body>") + len("<w:body>")
    end = text.rindex("</w:body>")
    sect = re.search(r"<w:sectPr\b(?:(?!<w:sectPr\b).)*?</w:sectPr>\s*$", text[start:end], re.S)
    tail = sect.group(0) if sect else ""
    xml, tail = _sections(body, tail)
    return (text[:start] + xml + tail + text[end:]).encode("utf-8")


def _sections(body: Body, final: str) -> tuple[str, str]:
    """The body and its final section properties. A compilation's cover and contents form a
    section of their own without page numbers; the parts' section counts from — 1 —. A cover
    without parts after it only gets a first page of its own."""
    if body.front_matter and final:
        front = re.sub(r"<w:(?:headerReference|footerReference|titlePg|pgNumType)\b[^>]*/>", "", final)
        numbered = re.sub(r"<w:(?:titlePg|pgNumType)\b[^>]*/>", "", final)
        return body.xml.replace(SECTION_MARK, front), _insert_in_sectpr(numbered, '<w:pgNumType w:start="1"/>',
                                                                        "pgNumType")
    xml = body.xml.replace(SECTION_MARK, "")
    if body.has_cover and final and "<w:titlePg" not in final:
        final = _title_page(final)
    return xml, final


_SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
                 "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
                 "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")


def _insert_in_sectpr(sect_pr: str, element: str, tag: str) -> str:
    """Insert element where the schema puts tag: before the first child that must follow it."""
    return insert_before(sect_pr, element, _SECTPR_ORDER[_SECTPR_ORDER.index(tag) + 1:], "</w:sectPr>")


def _title_page(sect_pr: str) -> str:
    """First page of its own: with no first-page footer defined, the cover shows no number."""
    return _insert_in_sectpr(sect_pr, "<w:titlePg/>", "titlePg")


def _settings_xml(settings: bytes) -> bytes:
    """Ask Word to update fields (the table of contents) when it opens the document."""
    text = settings.decode("utf-8")
    if "<w:updateFields" in text:
        return settings
    return insert_before(text, '<w:updateFields w:val="true"/>', _SETTINGS_AFTER, "</w:settings>").encode("utf-8")


def _zip(parts: list[tuple[str, bytes]], when: dt.datetime) -> bytes:
    """Entries stamped with the document's time, not the wall clock: reproducible files."""
    stamp = when.astimezone(dt.UTC)
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    return out.getvalue()


def _finish(parts: list[tuple[str, bytes]] | tuple[tuple[str, bytes], ...], body: Body, props: DocProps,
            *, new_body: bool) -> bytes:
    """New core properties, fields updated on opening if there is a TOC, then the zip."""
    out = []
    for name, data in parts:
        if name == "word/document.xml" and new_body:
            data = _document_xml(data, body)
        elif name == "docProps/core.xml":
            data = _core_xml(props)
        elif name == "word/settings.xml" and body.has_toc:
            data = _settings_xml(data)
        out.append((name, data))
    if not any(name == "docProps/core.xml" for name, _ in out):
        out.append(("docProps/core.xml", _core_xml(props)))
    if body.objects:
        from wengao.docx.objects import add_package_parts

        out = add_package_parts(out, body.objects)
    return _zip(out, props.created)


def _write_with_python_docx(blocks: list[Block], reference: Path, props: DocProps, annotate: bool) -> bytes:
    import docx
    from docx.oxml.ns import qn
    from docx.text.run import Run
    from lxml import etree

    from wengao.docx.styles import clear_body, ensure_styles

    try:
        doc = docx.Document(str(reference))
    except Exception as exc:  # python-docx raises several types for a bad package
        raise _bad_reference(reference, exc) from None
    style_ids = ensure_styles(doc, overwrite=False)
    clear_body(doc)
    body = body_xml(blocks, style_ids, _body_font(doc.styles.element.xml, style_ids))
    sect_pr = doc.element.body.find(qn("w:sectPr"))
    final = etree.tostring(sect_pr, encoding="unicode") if sect_pr is not None else ""
    xml, final = _sections(body, final)
    fragment = etree.fromstring(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
    if sect_pr is not None:
        new_sect_pr = etree.fromstring(final)
        sect_pr.getparent().replace(sect_pr, new_sect_pr)
        sect_pr = new_sect_pr
    new_paragraphs = list(fragment)
    for p in new_paragraphs:
        if sect_pr is not None:
            sect_pr.addprevious(p)
        else:
            doc.element.body.append(p)
    if annotate and body.sourced:
        text_runs = [r for p in new_paragraphs for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
        for ordinal, source in body.sourced:
            run = Run(text_runs[ordinal], doc.part)
            doc.add_comment(run, text=f"{source.phrase_id} · {source.origin}", author="wengao", initials="WG")
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    # comments are stamped with the document's time, not the wall clock: the same build twice
    # gives the same file
    stamp = f'w:date="{_w3c(props.created)}"'.encode()
    parts = [(n, re.sub(rb'w:date="[^"]*"', stamp, d) if n == "word/comments.xml" else d) for n, d in parts]
    return _finish(parts, body, props, new_body=False)


def write_docx(blocks: list[Block], reference: Path, props: DocProps, *, annotate: bool = False) -> bytes:
    ref = _reference(reference)
    sourced = any(r.source is not None for b in blocks for r in b.runs)
    if ref.style_ids is not None and ref.fast and not (annotate and sourced):
        font = ref.body_font if any(r.role for b in blocks for r in b.runs) else DEFAULT_BODY_FONT
        return _finish(ref.parts, body_xml(blocks, ref.style_ids, font), props, new_body=True)
    return _write_with_python_docx(blocks, reference, props, annotate)


def reference_bytes() -> bytes:
    """The built-in reference document, as committed at templates/reference.docx."""
    from wengao.docx.styles import build_reference, finish_reference

    doc = build_reference()
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    return _zip(finish_reference(parts), dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
