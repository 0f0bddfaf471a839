"""Word comments anchored on characters of an existing .docx (`wengao check --annotate`).

The user's package is copied part by part; only the main document part (range markers and
reference runs added, runs split where a comment starts or ends), its relationships, the content
types and the comments part change. Comment author and date are fixed and zip entries carry one
timestamp, so the same input gives the same bytes.

Positions follow the reading model: `pos` counts the body's paragraphs and tables in order
(paragraphs inside a block-level content control count one by one), and a paragraph's text is
the text of its runs — tracked insertions in, deletions out, field results in, field codes out.
The flagged characters travel with each anchor, so when an offset disagrees with what is found
here the nearest occurrence of those characters is used, and failing that the whole paragraph.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR, INITIALS = "wengao", "WG"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# subtrees whose text is not the paragraph's own: properties, deletions, alternate content,
# text boxes (their paragraphs are read on their own)
_SKIP = {_w("pPr"), _w("rPr"), _w("del"), _w("moveFrom"), _w("txbxContent"), f"{{{MC_NS}}}Fallback"}
_CHAR = {_w("tab"): "\t", _w("ptab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-"}


@dataclass(frozen=True)
class Anchor:
    """One comment: where it goes and what it says."""

    pos: int  # 1-based body position (paragraph or table), as the reader counts
    start: int  # 0-based offset of the first flagged character in the paragraph's text
    text: str  # the flagged characters
    note: str  # the comment's text
    cell: tuple[int, int] | None = None  # in a table: (row, column)


class PackageError(Exception):
    """The file is not a Word package this code can annotate."""


def annotate_docx(data: bytes, anchors: list[Anchor]) -> bytes:
    """The package `data` with a comment for each anchor."""
    from wengao.docx.writer import document_time

    when = document_time()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = [(i.filename, z.read(i.filename)) for i in z.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageError(str(exc)) from None
    names = dict(parts)
    main = _main_part(names)
    rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(names[main], parser)
        rels = etree.fromstring(names[rels_name], parser) if rels_name in names else \
            etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
        types = etree.fromstring(names["[Content_Types].xml"], parser)
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise PackageError(str(exc)) from None
    body = root.find(_w("body"))
    if body is None:
        raise PackageError("no document body")

    comments_name, comments = _comments_part(names, main, rels, parser)
    used = [int(x) for x in root.xpath("//w:commentRangeStart/@w:id | //w:commentReference/@w:id",
                                       namespaces={"w": W_NS}) if str(x).lstrip("-").isdigit()]
    used += [int(x) for x in comments.xpath("./w:comment/@w:id", namespaces={"w": W_NS})
             if str(x).lstrip("-").isdigit()]
    next_id = max(used, default=-1) + 1
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    blocks = list(_positions(body))
    for a in anchors:
        if not 1 <= a.pos <= len(blocks):
            continue
        paragraph, start, end = _target(blocks[a.pos - 1], a)
        if start < 0 and a.pos < len(blocks) and blocks[a.pos].tag == _w("p"):
            # a paragraph whose mark was deleted (tracked) reads as one with the next
            later, at, stop = _target(blocks[a.pos], dataclasses.replace(a, start=0))
            if at >= 0:
                paragraph, start, end = later, at, stop
        if paragraph is None:
            continue
        _mark(paragraph, start, end, next_id)
        comments.append(_comment(next_id, a.note, stamp))
        next_id += 1

    out = []
    for name, blob in parts:
        if name == main:
            blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif name in (rels_name, comments_name):
            continue  # written below
        elif name == "[Content_Types].xml":
            blob = _with_content_type(types, "/" + comments_name)
        out.append((name, blob))
    out.append((rels_name, _with_relationship(rels, main, comments_name)))
    out.append((comments_name, etree.tostring(comments, xml_declaration=True, encoding="UTF-8",
                                              standalone=True)))
    from wengao.docx.writer import _zip

    return _zip(out, when)


def _main_part(names: dict[str, bytes]) -> str:
    try:
        rels = etree.fromstring(names["_rels/.rels"])
    except (KeyError, etree.XMLSyntaxError):
        return "word/document.xml"
    for r in rels:
        if r.get("Type") == OFFICE_DOC_REL:
            target = r.get("Target", "").lstrip("/")
            if target in names:
                return target
    return "word/document.xml"


def _comments_part(names: dict[str, bytes], main: str, rels: etree._Element, parser) -> tuple[str, etree._Element]:
    for r in rels:
        if r.get("Type") == COMMENTS_REL:
            name = posixpath.normpath(posixpath.join(posixpath.dirname(main), r.get("Target", "")))
            if name in names:
                try:
                    return name, etree.fromstring(names[name], parser)
                except etree.XMLSyntaxError:
                    pass
            break
    name = posixpath.join(posixpath.dirname(main), "comments.xml")
    return name, etree.Element(_w("comments"), nsmap={"w": W_NS})


def _with_relationship(rels: etree._Element, main: str, comments_name: str) -> bytes:
    if not any(r.get("Type") == COMMENTS_REL for r in rels):
        ids = {r.get("Id") for r in rels}
        n = 1
        while f"rId{n}" in ids:
            n += 1
        target = posixpath.relpath(comments_name, posixpath.dirname(main) or ".")
        etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship", Id=f"rId{n}", Type=COMMENTS_REL,
                         Target=target)
    return etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_content_type(types: etree._Element, part: str) -> bytes:
    if not any(o.get("PartName", "").lower() == part.lower() for o in types.iter(f"{{{CT_NS}}}Override")):
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=part, ContentType=COMMENTS_CT)
    return etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)


def _comment(cid: int, note: str, stamp: str) -> etree._Element:
    c = etree.Element(_w("comment"))
    c.set(_w("id"), str(cid))
    c.set(_w("author"), AUTHOR)
    c.set(_w("date"), stamp)
    c.set(_w("initials"), INITIALS)
    p = etree.SubElement(c, _w("p"))
    etree.SubElement(etree.SubElement(p, _w("r")), _w("annotationRef"))
    t = etree.SubElement(etree.SubElement(p, _w("r")), _w("t"))
    t.text = note
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return c


# -- positions and characters ---------------------------------------------------------------------

def _positions(container: etree._Element) -> Iterator[etree._Element]:
    """Body paragraphs and tables in order, content controls and custom XML opened up."""
    for child in container:
        if child.tag in (_w("p"), _w("tbl")):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _positions(content)
        elif child.tag == _w("customXml"):
            yield from _positions(child)
        elif child.tag == f"{{{MC_NS}}}AlternateContent":
            choice = child.find(f"{{{MC_NS}}}Choice")
            if choice is not None:
                yield from _positions(choice)


def _chars(p: etree._Element) -> list[tuple[etree._Element, etree._Element, int, str]]:
    """Each visible character of a paragraph: (its run, the run child holding it, index, char)."""
    out: list[tuple[etree._Element, etree._Element, int, str]] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            if child.tag in _SKIP or not isinstance(child.tag, str):
                continue
            if child.tag == _w("r"):
                for item in child:
                    if item.tag == _w("t"):
                        for i, ch in enumerate(item.text or ""):
                            out.append((child, item, i, ch))
                    elif item.tag in _CHAR:
                        out.append((child, item, 0, _CHAR[item.tag]))
            else:
                walk(child)

    walk(p)
    return out


def _find(text: str, a_text: str, start: int) -> int:
    """Where the flagged characters are: at `start` if they are there, else the nearest copy."""
    if not a_text:
        return -1
    if text[start:start + len(a_text)] == a_text:
        return start
    best, i = -1, text.find(a_text)
    while i >= 0:
        if best < 0 or abs(i - start) < abs(best - start):
            best = i
        i = text.find(a_text, i + 1)
    return best


def _target(block: etree._Element, a: Anchor) -> tuple[etree._Element | None, int, int]:
    """(paragraph, start, end) for an anchor; start < 0 means the whole paragraph."""
    if block.tag == _w("p"):
        text = "".join(c[3] for c in _chars(block))
        at = _find(text, a.text, a.start)
        return block, at, at + len(a.text) if at >= 0 else -1
    paragraphs = list(block.iter(_w("p")))
    if a.cell is not None:
        rows = block.findall(_w("tr"))
        if a.cell[0] < len(rows):
            cells = rows[a.cell[0]].findall(_w("tc"))
            if a.cell[1] < len(cells):
                paragraphs = list(cells[a.cell[1]].iter(_w("p"))) + paragraphs
    for p in paragraphs:
        text = "".join(c[3] for c in _chars(p))
        at = _find(text, a.text, 0)
        if at >= 0:
            return p, at, at + len(a.text)
    return (paragraphs[0], -1, -1) if paragraphs else (None, -1, -1)


def _split_before(run: etree._Element, item: etree._Element, index: int) -> etree._Element:
    """Split `run` so that a run begins at character `index` of its child `item`; return that run."""
    kids = [k for k in run if k.tag != _w("rPr")]
    at = kids.index(item)
    if at == 0 and index == 0:
        return run
    new = copy.deepcopy(run)
    new_kids = [k for k in new if k.tag != _w("rPr")]
    if index == 0:
        for k in kids[at:]:
            run.remove(k)
        for k in new_kids[:at]:
            new.remove(k)
    else:
        text = item.text or ""
        item.text = text[:index]
        new_kids[at].text = text[index:]
        for el in (item, new_kids[at]):
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        for k in kids[at + 1:]:
            run.remove(k)
        for k in new_kids[:at]:
            new.remove(k)
    run.addnext(new)
    return new


def _mark(p: etree._Element, start: int, end: int, cid: int) -> None:
    rs = etree.Element(_w("commentRangeStart"))
    rs.set(_w("id"), str(cid))
    re_ = etree.Element(_w("commentRangeEnd"))
    re_.set(_w("id"), str(cid))
    ref = etree.Element(_w("r"))
    etree.SubElement(ref, _w("commentReference")).set(_w("id"), str(cid))
    chars = _chars(p)
    if start < 0 or end <= start or end > len(chars):
        ppr = p.find(_w("pPr"))
        if ppr is not None:
            ppr.addnext(rs)
        else:
            p.insert(0, rs)
        p.append(re_)
        p.append(ref)
        return
    run, item, index, _ = chars[start]
    first = _split_before(run, item, index)
    chars = _chars(p)
    if end < len(chars):
        run, item, index, _ = chars[end]
        _split_before(run, item, index)
        chars = _chars(p)
    last = chars[end - 1][0]
    first.addprevious(rs)
    last.addnext(re_)
    re_.addnext(ref)


# -- a document of plain lines ---------------------------------------------------------------------

def lines_docx(lines: list[str], title: str = "") -> bytes:
    """A plain .docx with one paragraph per line (a .txt or outline to annotate): paragraph n is
    line n, so comments anchor by line number."""
    import docx
    from docx.oxml.ns import qn

    from wengao.docx.writer import DocProps, _core_xml

    doc = docx.Document()
    normal = doc.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = etree.SubElement(rpr, qn("w:rFonts"))
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:eastAsia"), "宋体")
    for line in lines:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    parts = [(n, _core_xml(DocProps(title=title)) if n == "docProps/core.xml" else b) for n, b in parts]
    from wengao.docx.writer import _zip, document_time

    return _zip(parts, document_time())
