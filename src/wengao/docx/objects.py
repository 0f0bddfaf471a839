"""What a body holds besides styled text: tables, pictures, footnotes and endnotes.

The body writer calls these for the XML inside document.xml; `add_package_parts` then puts
the pictures, the notes part, their relationships and content types into the package. Every
fragment declares the namespaces it uses, so it is valid wherever it is inserted (the direct
writer pastes strings, the python-docx path parses them).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field

from wengao.document.blocks import Image
from wengao.docx.profile import TEXT_WIDTH_TWIPS  # 156 mm, the GB/T 9704 text block

TEXT_WIDTH_EMU = 156 * 36000
_EMU_PER_PX = 9525  # at 96 dpi
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"  # a .rels part's own
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CONTENT_TYPES = {
    "png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif", "bmp": "image/bmp",
    "tif": "image/tiff", "tiff": "image/tiff", "emf": "image/x-emf", "wmf": "image/x-wmf",
    "svg": "image/svg+xml", "webp": "image/webp",
}
NOTE_KINDS = ("footnote", "endnote")
# A note's text: 四号 (14 pt), single line spacing, no first-line indent.
_NOTE_PPR = ('<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" '
             'w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="both"/></w:pPr>')
_NOTE_RPR = ('<w:rPr><w:b w:val="0"/><w:bCs w:val="0"/><w:spacing w:val="0"/><w:sz w:val="28"/>'
             '<w:szCs w:val="28"/></w:rPr>')
_SUPER = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class Objects:
    """Pictures and notes met while writing a body, numbered in order."""

    images: list[tuple[str, str, Image]] = field(default_factory=list)  # (rel id, part name, picture)
    notes: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in NOTE_KINDS})
    plain_style: str = "Normal"  # the id of the style notes are set in (a Chinese Word names Normal "a")

    def __bool__(self) -> bool:
        return bool(self.images) or any(self.notes.values())

    def note_ref(self, kind: str, text: str) -> str:
        """The reference run; the note itself goes into footnotes.xml / endnotes.xml."""
        kind = kind if kind in NOTE_KINDS else "footnote"
        self.notes[kind].append(text)
        return f'<w:r>{_SUPER}<w:{kind}Reference w:id="{len(self.notes[kind])}"/></w:r>'

    def picture(self, image: Image) -> str:
        n = len(self.images) + 1
        ext = _extension(image)
        rid, part = f"rIdWgImg{n}", f"word/media/wengao{n}.{ext}"
        self.images.append((rid, part, image))
        cx, cy = _extent(image)
        return (
            '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
            'wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="Picture {n}"/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:nvPicPr><pic:cNvPr id="{n}" name="wengao{n}.{ext}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip xmlns:r="{_REL_NS}" r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
            '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        )


def _extension(image: Image) -> str:
    ext = image.ext.lower().lstrip(".")
    if ext in _CONTENT_TYPES:
        return "jpeg" if ext == "jpg" else ext
    data = image.data
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8"):
        return "jpeg"
    if data[:4] in (b"GIF8",):
        return "gif"
    return "png"


def pixel_size(data: bytes) -> tuple[int, int] | None:
    """Width and height in pixels of a PNG, GIF or JPEG, read from its header."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:4] == b"GIF8" and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                return w, h
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            i += 2 + struct.unpack(">H", data[i + 2:i + 4])[0]
    return None


def _extent(image: Image) -> tuple[int, int]:
    """The size it had, else its pixels at 96 dpi; never wider than the text block."""
    cx, cy = image.width_emu, image.height_emu
    if cx <= 0 or cy <= 0:
        px = pixel_size(image.data)
        cx, cy = (px[0] * _EMU_PER_PX, px[1] * _EMU_PER_PX) if px and px[0] and px[1] else (
            TEXT_WIDTH_EMU // 2, TEXT_WIDTH_EMU // 2)
    if cx > TEXT_WIDTH_EMU:
        cx, cy = TEXT_WIDTH_EMU, cy * TEXT_WIDTH_EMU // cx
    return cx, cy


def table_xml(rows: tuple[tuple[str, ...], ...], cell_para) -> str:
    """A bordered table as wide as the text block; `cell_para(text)` writes one cell paragraph.

    Rows with fewer cells are padded with empty ones, so every row spans the grid.
    """
    ncols = max((len(r) for r in rows), default=1) or 1
    width = TEXT_WIDTH_TWIPS // ncols
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{width * ncols}" w:type="dxa"/><w:jc w:val="center"/>'
           f'<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type="fixed"/>'
           '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
           '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
           'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    out.append(f'<w:gridCol w:w="{width}"/>' * ncols)
    out.append("</w:tblGrid>")
    for row in rows:
        out.append("<w:tr>")
        for cell in (*row, *("",) * (ncols - len(row))):
            paras = "".join(cell_para(t) for t in (cell.split("\n") if cell else [""]))
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paras}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _notes_part(kind: str, texts: list[str], style_id: str) -> bytes:
    """footnotes.xml / endnotes.xml: the two separators Word expects, then the notes, in the
    plain style at 四号 (the text runs carry no bold or font of their own to inherit wrongly)."""
    ppr = _NOTE_PPR.replace("<w:pPr>", f'<w:pPr><w:pStyle w:val="{style_id}"/>', 1)
    sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p>{ppr}<w:r><w:separator/></w:r></w:p></w:{kind}>'
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p>{ppr}<w:r><w:continuationSeparator/>'
           f'</w:r></w:p></w:{kind}>')
    ref = f"<w:r>{_SUPER}<w:{kind}Ref/></w:r>"
    hint = '<w:rFonts w:hint="eastAsia"/>'
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p>{ppr}{ref}<w:r>{_NOTE_RPR.replace("<w:rPr>", "<w:rPr>" + hint)}'
        f'<w:t xml:space="preserve"> {_escape(t)}</w:t></w:r></w:p></w:{kind}>'
        for i, t in enumerate(texts, 1))
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:{kind}s xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            f'xmlns:r="{_REL_NS}">{sep}{body}</w:{kind}s>').encode()


def _add_rel(rels: str, rel_id: str, rel_type: str, target: str) -> str:
    at = rels.rindex("</Relationships>")
    return rels[:at] + f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"/>' + rels[at:]


def _add_type(types: str, xml: str) -> str:
    at = types.rindex("</Types>")
    return types[:at] + xml + types[at:]


def insert_before(xml: str, element: str, later_tags: tuple[str, ...], close_tag: str) -> str:
    """Insert element where the schema puts it: before the first child named in later_tags
    (the tags that must follow it), else just before close_tag (the parent's end tag)."""
    at = min((i for i in (xml.find(f"<w:{t}") for t in later_tags) if i >= 0), default=xml.rindex(close_tag))
    return xml[:at] + element + xml[at:]


def _settings_with_notes(settings: str, kinds: list[str]) -> str:
    """Word finds the separators through footnotePr/endnotePr in settings.xml."""
    for kind in kinds:
        if f"<w:{kind}Pr" in settings:
            continue
        pr = f'<w:{kind}Pr><w:{kind} w:id="-1"/><w:{kind} w:id="0"/></w:{kind}Pr>'
        after = ("compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                 "doNotIncludeSubdocsInStats", "shapeDefaults", "decimalSymbol", "listSeparator")
        if kind == "footnote" and "<w:endnotePr" in settings:
            after = ("endnotePr", *after)
        settings = insert_before(settings, pr, after, "</w:settings>")
    return settings


_REL_RE = re.compile(r"<Relationship\b([^>]*)>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


def _note_targets(rels: str) -> dict[str, str]:
    """footnotes/endnotes → the part the reference already has for them."""
    out = {}
    for m in _REL_RE.finditer(rels):
        attrs = dict(_ATTR_RE.findall(m.group(1)))
        kind = attrs.get("Type", "").rsplit("/", 1)[-1]
        if kind in ("footnotes", "endnotes") and "Target" in attrs:
            out[kind] = "word/" + attrs["Target"].lstrip("/").removeprefix("word/")
    return out


def add_package_parts(parts: list[tuple[str, bytes]], objects: Objects) -> list[tuple[str, bytes]]:
    """The package with the body's pictures and notes added (relationships, content types)."""
    if not objects:
        return parts
    names = {name: i for i, (name, _) in enumerate(parts)}
    rels_name, types_name = "word/_rels/document.xml.rels", "[Content_Types].xml"
    rels = parts[names[rels_name]][1].decode("utf-8") if rels_name in names else (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL_NS}">'
        "</Relationships>")
    types = parts[names[types_name]][1].decode("utf-8")
    new: list[tuple[str, bytes]] = []
    for ext in sorted({part.rsplit(".", 1)[1] for _, part, _ in objects.images}):
        if f'Extension="{ext}"' not in types and f'Extension="{ext.upper()}"' not in types:
            types = _add_type(types, f'<Default Extension="{ext}" ContentType="{_CONTENT_TYPES[ext]}"/>')
    for rid, part, image in objects.images:
        rels = _add_rel(rels, rid, f"{_REL_NS}/image", part.removeprefix("word/"))
        new.append((part, image.data))
    existing = _note_targets(rels)
    replaced: dict[str, bytes] = {}
    kinds = [k for k in NOTE_KINDS if objects.notes[k]]
    for kind in kinds:
        data = _notes_part(kind, objects.notes[kind], objects.plain_style)
        target = existing.get(f"{kind}s")
        if target is not None and target in names:
            replaced[target] = data
            continue
        part = f"word/{kind}s.xml"
        rels = _add_rel(rels, f"rIdWg{kind.title()}s", f"{_REL_NS}/{kind}s", f"{kind}s.xml")
        if f'PartName="/{part}"' not in types:
            types = _add_type(types, f'<Override PartName="/{part}" ContentType="{_MAIN}.{kind}s+xml"/>')
        new.append((part, data))
    out = []
    for name, data in parts:
        if name == rels_name:
            data = rels.encode("utf-8")
        elif name == types_name:
            data = types.encode("utf-8")
        elif name in replaced:
            data = replaced[name]
        elif name == "word/settings.xml" and kinds:
            data = _settings_with_notes(data.decode("utf-8"), kinds).encode("utf-8")
        out.append((name, data))
    if rels_name not in names:
        out.append((rels_name, rels.encode("utf-8")))
    return out + new


@dataclass(frozen=True)
class BodyFont:
    """The body style's fonts and size: the rest of a run-in heading is set in them."""

    east_asia: str
    latin: str
    half_points: int


def rich_run(objects: Objects, run, body_font: BodyFont, ambiguous) -> str:
    """A run that is a note reference, a picture, or text in the body font inside a heading
    (role "body", the only role a run has)."""
    if run.image is not None:
        return objects.picture(run.image)
    if run.note:
        return objects.note_ref(run.note_kind, run.note)
    f = body_font
    hint = ' w:hint="eastAsia"' if ambiguous(run.text) else ""
    bold = "<w:b/><w:bCs/>" if run.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    rpr = (f'<w:rPr><w:rFonts w:ascii="{f.latin}" w:hAnsi="{f.latin}" w:eastAsia="{f.east_asia}" '
           f'w:cs="{f.latin}"{hint}/>{bold}<w:i w:val="0"/><w:iCs w:val="0"/>'
           f'<w:sz w:val="{f.half_points}"/><w:szCs w:val="{f.half_points}"/></w:rPr>')
    return (f'<w:r>{rpr}<w:t xml:space="preserve">{_escape(run.text)}</w:t>'
            f'{"<w:br/>" if run.br else ""}</w:r>')


def paragraph_props(block) -> tuple[str, str]:
    """Direct paragraph properties a block asks for, in schema order around pageBreakBefore:
    (before it: keepNext) and (after it: snapToGrid, spacing, indent, alignment)."""
    head, tail = "", ""
    if block.run_in:
        head += '<w:keepNext w:val="0"/>'  # a heading that goes on with its body need not keep with the next
    if any(r.image is not None for r in block.runs):
        # exact line spacing would crop the picture to one line
        tail += '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    if block.align == "right":
        tail += '<w:ind w:right="1280" w:rightChars="400" w:firstLineChars="0" w:firstLine="0"/>'
    elif block.align == "center":
        tail += '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    if block.align:
        tail += f'<w:jc w:val="{block.align}"/>'
    return head, tail


def cell_paragraph(style_id: str, text_run):
    """A table cell's paragraph: the plain style, no first-line indent."""
    def write(text: str) -> str:
        runs = text_run(text) if text else ""
        return (f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/><w:ind w:firstLineChars="0" w:firstLine="0"/>'
                f'<w:jc w:val="left"/></w:pPr>{runs}</w:p>')
    return write
