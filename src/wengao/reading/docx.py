"""The .docx reader: a Word package → one RawPara per body paragraph, with the evidence a reader
of the printed page has.

Read with zipfile + lxml directly (no python-docx Document: it is slower and hides what matters
here). What the reader sees, the text holds: Word auto-numbering rendered into it (and named in
`auto_number`), tracked changes as if accepted (insertions in; deletions, moved-from text and
deleted paragraph marks out), field results in and field codes out, the text of hyperlinks,
smart tags, content controls and text boxes, line breaks as "\\n" and tabs as "\\t". Hidden
(`w:vanish`) text is left out, as Word leaves it off the page. Tables take one position each,
their cells in `rows`; pictures and footnote references become InlineObjects at their offset.

Formatting evidence — style name, outline level, bold, size, alignment, East Asian font,
first-line indent — is resolved the way Word resolves it: direct formatting, then the character
style, then the paragraph style chain (basedOn), then the document defaults; theme fonts are
looked up in the theme.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from wengao.reading.model import InlineObject, RawDocument, RawPara, SourceFormat
from wengao.reading.ooxml_names import MC, PIC, WP, A, M, O, R, V, W
from wengao.reading.package import Package, fail, first_target
from wengao.reading.wordnum import Numbering

_OFF = ("0", "false", "off")
_ALIGN = {"left": "left", "start": "left", "right": "right", "end": "right", "center": "center",
          "both": "both", "distribute": "both", "justify": "both", "thaiDistribute": "both",
          "highKashida": "both", "mediumKashida": "both", "lowKashida": "both"}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_PAGE_SECTIONS = ("nextPage", "oddPage", "evenPage")
_VML_LENGTH = re.compile(r"(width|height)\s*:\s*([\d.]+)\s*(pt|in|cm|mm|px|emu)?", re.IGNORECASE)
_EMU = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, "emu": 1, None: 12700}
_WORDLIKE = ("Lo", "Lu", "Ll", "Lt", "Nd")
_DEL = f"{{{W.uri}}}del"  # "del" is a Python keyword: W.del cannot be written


def read_docx(data: bytes, path: str, name: str) -> RawDocument:
    """A .docx package's body, paragraph by paragraph (see the module docstring)."""
    pkg = Package(data, path)
    main = pkg.related("", "officeDocument") or ("word/document.xml" if pkg.has("word/document.xml") else "")
    root = pkg.xml(main) if main and pkg.has(main) else None
    if root is None or root.tag != W.document:
        raise fail(path, "read.not_docx")
    body = root.find(W.body)
    paras = _Reader(pkg, main).read(body) if body is not None else []
    return RawDocument(path, name, SourceFormat.DOCX, tuple(paras), "", sum(len(p.text) for p in paras))


# -- formatting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    """Run properties as far as a level of the hierarchy sets them (None: not set here)."""

    bold: bool | None = None
    size: float | None = None
    east_asia: str | None = None
    vanish: bool | None = None

    def over(self, base: _Run) -> _Run:
        return _Run(base.bold if self.bold is None else self.bold,
                    base.size if self.size is None else self.size,
                    base.east_asia if self.east_asia is None else self.east_asia,
                    base.vanish if self.vanish is None else self.vanish)


_NO_RUN = _Run()


def _run_props(rpr: Any, theme: dict[str, str]) -> tuple[_Run, str]:
    """(_Run set by this rPr, its character style id)."""
    if rpr is None:
        return _NO_RUN, ""
    bold = size = east_asia = vanish = None
    rstyle = ""
    for c in rpr:
        tag = c.tag
        if tag == W.b:
            bold = c.get(W.val) not in _OFF
        elif tag == W.sz:
            with contextlib.suppress(ValueError):
                size = int(c.get(W.val, "")) / 2
        elif tag == W.rFonts:
            themed = c.get(W.eastAsiaTheme)
            if themed:
                east_asia = theme.get(themed, "")
            elif c.get(W.eastAsia) is not None:
                east_asia = c.get(W.eastAsia)
        elif tag == W.vanish:
            vanish = c.get(W.val) not in _OFF
        elif tag == W.rStyle:
            rstyle = c.get(W.val, "")
    return _Run(bold, size, east_asia, vanish), rstyle


@dataclass(frozen=True)
class _Para:
    """Paragraph properties as resolved for a paragraph style (direct formatting goes over)."""

    name: str = ""
    outline: int | None = None  # 0-based; None: body text
    num_id: str | None = None
    ilvl: int | None = None
    align: str = ""
    ind: tuple[tuple[str, int], ...] = ()  # firstLineChars, firstLine, hangingChars, hanging
    page_break: bool = False
    run: _Run = _NO_RUN


_IND_ATTRS = ("firstLineChars", "firstLine", "hangingChars", "hanging")


def _ind_values(ind: Any) -> dict[str, int]:
    out = {}
    if ind is not None:
        for attr in _IND_ATTRS:
            value = ind.get(getattr(W, attr))
            if value is not None:
                with contextlib.suppress(ValueError):
                    out[attr] = int(float(value))
    return out


def _outline(ppr: Any) -> int | None | str:
    """0-8 from w:outlineLvl, "body" for level 9 (explicitly not a heading), None if unset."""
    el = ppr.find(W.outlineLvl) if ppr is not None else None
    if el is None:
        return None
    try:
        level = int(el.get(W.val, ""))
    except ValueError:
        return None
    return level if 0 <= level <= 8 else "body"


class _Styles:
    """styles.xml: names, basedOn chains, and properties resolved once per style."""

    def __init__(self, root: Any | None, theme: dict[str, str]) -> None:
        self.theme = theme
        self.by_id: dict[str, Any] = {}
        self.default_para = ""
        self.default_char = ""
        self.default_run = _NO_RUN
        self.default_ppr: Any = None
        self.numbering_styles: dict[str, str] = {}  # numbering style id → numId
        self._para: dict[str, _Para] = {}
        self._run: dict[tuple[str, str], _Run] = {}
        if root is None:
            return
        for style in root.iter(W.style):
            sid, kind = style.get(W.styleId, ""), style.get(W.type, "paragraph")
            self.by_id.setdefault(sid, style)
            if style.get(W.default) in ("1", "true", "on"):
                if kind == "paragraph" and not self.default_para:
                    self.default_para = sid
                elif kind == "character" and not self.default_char:
                    self.default_char = sid
            if kind == "numbering":
                num = style.find(f"{W.pPr}/{W.numPr}/{W.numId}")
                if num is not None:
                    self.numbering_styles[sid] = num.get(W.val, "")
        defaults = root.find(W.docDefaults)
        if defaults is not None:
            self.default_run = _run_props(defaults.find(f"{W.rPrDefault}/{W.rPr}"), theme)[0]
            self.default_ppr = defaults.find(f"{W.pPrDefault}/{W.pPr}")

    def chain(self, sid: str) -> list[Any]:
        out, seen = [], set()
        while sid and sid in self.by_id and sid not in seen and len(out) < 32:
            seen.add(sid)
            style = self.by_id[sid]
            out.append(style)
            based = style.find(W.basedOn)
            sid = based.get(W.val, "") if based is not None else ""
        return out

    def para(self, sid: str) -> _Para:
        cached = self._para.get(sid)
        if cached is not None:
            return cached
        chain = self.chain(sid)
        name_el = chain[0].find(W.name) if chain else None
        name = name_el.get(W.val, sid) if name_el is not None else sid
        pprs = [s.find(W.pPr) for s in chain] + [self.default_ppr]
        outline: int | None | str = None
        num_id = ilvl = None
        align = ""
        ind: dict[str, int] = {}
        page_break: bool | None = None
        for ppr in pprs:
            if ppr is None:
                continue
            if outline is None:
                outline = _outline(ppr)
            numpr = ppr.find(W.numPr)
            if numpr is not None:
                if num_id is None and numpr.find(W.numId) is not None:
                    num_id = numpr.find(W.numId).get(W.val, "")
                if ilvl is None and numpr.find(W.ilvl) is not None:
                    ilvl = _int_val(numpr.find(W.ilvl))
            if not align and ppr.find(W.jc) is not None:
                align = _ALIGN.get(ppr.find(W.jc).get(W.val, ""), "")
            for key, value in _ind_values(ppr.find(W.ind)).items():
                ind.setdefault(key, value)
            if page_break is None and ppr.find(W.pageBreakBefore) is not None:
                page_break = ppr.find(W.pageBreakBefore).get(W.val) not in _OFF
        if outline is None:
            m = _HEADING_NAME.match(name.strip())
            outline = int(m.group(1)) - 1 if m else None
        run = self.default_run
        for style in reversed(chain):
            run = _run_props(style.find(W.rPr), self.theme)[0].over(run)
        result = _Para(name, outline if isinstance(outline, int) else None, num_id, ilvl, align,
                       tuple(ind.items()), bool(page_break), run)
        self._para[sid] = result
        return result

    def run_base(self, psid: str, rsid: str) -> _Run:
        """What a run with no direct formatting looks like in paragraph style psid, character
        style rsid."""
        key = (psid, rsid)
        cached = self._run.get(key)
        if cached is not None:
            return cached
        run = self.para(psid).run
        for style in reversed(self.chain(rsid or self.default_char)):
            run = _run_props(style.find(W.rPr), self.theme)[0].over(run)
        self._run[key] = run
        return run


def _int_val(el: Any) -> int | None:
    try:
        return int(el.get(W.val, ""))
    except (ValueError, AttributeError):
        return None


def _theme_fonts(root: Any | None) -> dict[str, str]:
    """majorEastAsia / minorEastAsia → the typeface the theme gives Chinese text."""
    out: dict[str, str] = {}
    if root is None:
        return out
    for kind in ("major", "minor"):
        font = next(root.iter(getattr(A, f"{kind}Font")), None)
        if font is None:
            continue
        ea = font.find(A.ea)
        face = ea.get("typeface", "") if ea is not None else ""
        if not face:
            for script in ("Hans", "Hant"):
                el = font.find(f"{A.font}[@script='{script}']")
                if el is not None and el.get("typeface"):
                    face = el.get("typeface", "")
                    break
        out[f"{kind}EastAsia"] = face
    return out


# -- the walk --------------------------------------------------------------------------------


class _Acc:
    """Text of one paragraph as it is walked, with its objects and formatting tallies."""

    __slots__ = ("parts", "n", "objects", "bold", "plain", "sizes", "fonts", "box_break", "page_break")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0
        self.objects: list[InlineObject] = []
        self.bold = self.plain = 0
        self.sizes: dict[float, int] = {}
        self.fonts: dict[str, int] = {}
        self.box_break = False
        self.page_break = False  # a page break before any of its text: it starts the new page

    def add(self, text: str, run: _Run | None = None) -> None:
        if not text:
            return
        if self.box_break:  # text after a text box starts on its own line
            self.box_break = False
            if text[0] != "\n":
                self.parts.append("\n")
                self.n += 1
        self.parts.append(text)
        self.n += len(text)
        if run is None:
            return
        weight = len(text.strip())
        if not weight:
            return
        if run.bold:
            self.bold += weight
        else:
            self.plain += weight
        if run.size is not None:
            self.sizes[run.size] = self.sizes.get(run.size, 0) + weight
        if run.east_asia:
            self.fonts[run.east_asia] = self.fonts.get(run.east_asia, 0) + weight

    def add_box(self, text: str) -> None:
        if not text:
            return
        if self.n and not self.parts[-1].endswith("\n"):
            self.add("\n")
        self.add(text)
        self.box_break = True

    def text(self) -> str:
        return "".join(self.parts)

    def bold_state(self) -> bool | None:
        if self.bold and not self.plain:
            return True
        if self.plain and not self.bold:
            return False
        return None


def _dominant(tally: dict[Any, int]) -> Any:
    return max(tally.items(), key=lambda kv: kv[1])[0] if tally else None


class _Reader:
    def __init__(self, pkg: Package, main: str) -> None:
        self.pkg = pkg
        self.main = main
        self.rels = pkg.rels(main)
        theme = _theme_fonts(self._related_xml("theme"))
        self.styles = _Styles(self._related_xml("styles"), theme)
        self.numbering = Numbering(self._related_xml("numbering"), self.styles.numbering_styles)
        self.pos = 0
        self.fields: list[bool] = []  # open complex fields: True while in their instruction part
        self.pstyle = ""
        self.page_break = False  # the next body paragraph starts a new page
        self.carry: tuple[_Acc, int] | None = None  # a paragraph whose mark was deleted
        self.sections: dict[Any, int] = {}
        self.section_types: list[str] = []
        self.notes: dict[str, dict[str, Any]] = {}
        self.images: dict[str, bytes] = {}

    def _related_xml(self, kind: str) -> Any | None:
        target = first_target(self.rels, kind)
        return self.pkg.xml(target) if target else None

    # body ---------------------------------------------------------------------------------

    def read(self, body: Any) -> list[RawPara]:
        for sect in body.iter(W.sectPr):
            parent = sect.getparent()
            if parent is body or (parent.tag == W.pPr and parent.getparent().tag == W.p):
                kind = sect.find(W.type)
                self.sections[sect] = len(self.section_types)
                self.section_types.append(kind.get(W.val, "nextPage") if kind is not None else "nextPage")
        out: list[RawPara] = []
        self._blocks(body, out)
        self._flush_carry(out)
        return out

    def _blocks(self, container: Any, out: list[RawPara]) -> None:
        for child in container:
            tag = child.tag
            if tag == W.p:
                self._body_paragraph(child, out)
            elif tag == W.tbl:
                self._body_table(child, out)
            elif tag == W.sdt:
                content = child.find(W.sdtContent)
                if content is not None:
                    self._blocks(content, out)
            elif tag == W.customXml:
                self._blocks(child, out)
            elif tag == MC.AlternateContent:
                chosen = _choose(child)
                if chosen is not None:
                    self._blocks(chosen, out)

    def _body_paragraph(self, p: Any, out: list[RawPara]) -> None:
        self.pos += 1
        ppr = p.find(W.pPr)
        mark = ppr.find(W.rPr) if ppr is not None else None
        mark_deleted = mark is not None and (mark.find(_DEL) is not None or mark.find(W.moveFrom) is not None)
        before, self.page_break = self.page_break, False
        acc, info = self._paragraph(p, ppr, number=not mark_deleted)
        info.page_break = info.page_break or before or acc.page_break
        self.page_break = self.page_break or info.break_after  # a page break inside: the next one
        if mark_deleted:  # accepted, this paragraph joins the next one
            self.page_break = self.page_break or before
            if self.carry is not None:
                prev, pos = self.carry
                self.carry = (_join(prev, acc), pos)
            else:
                self.carry = (acc, self.pos)
            return
        pos = self.pos
        if self.carry is not None:
            prev, pos = self.carry
            self.carry = None
            acc = _join(prev, acc)
        out.append(self._raw_para(acc, info, pos))

    def _flush_carry(self, out: list[RawPara]) -> None:
        if self.carry is not None:
            acc, pos = self.carry
            self.carry = None
            out.append(self._raw_para(acc, _ParaInfo(), pos))

    def _raw_para(self, acc: _Acc, info: _ParaInfo, pos: int) -> RawPara:
        text = acc.text()
        objects = acc.objects
        if info.number:
            prefix = info.number + _separator(info.number, info.suffix, text)
            text = prefix + text
            objects = [_shift(o, len(prefix)) for o in objects]
        size = _dominant(acc.sizes) or info.size
        return RawPara(text, pos, pos, style=info.style, outline_level=info.outline,
                       auto_number=info.number, bold=acc.bold_state(), size=size, align=info.align,
                       east_asia=_dominant(acc.fonts) or "", indent_chars=_indent(info.ind, size),
                       objects=tuple(objects), page_break_before=info.page_break)

    def _body_table(self, tbl: Any, out: list[RawPara]) -> None:
        self._flush_carry(out)
        self.pos += 1
        page_break, self.page_break = self.page_break, False
        rows, text, objects = self._table(tbl)
        out.append(RawPara(text, self.pos, self.pos, rows=rows, objects=tuple(objects),
                           page_break_before=page_break))

    # paragraphs -----------------------------------------------------------------------------

    def _paragraph(self, p: Any, ppr: Any, number: bool = True) -> tuple[_Acc, _ParaInfo]:
        """Text and properties of one paragraph (body, table cell or text box)."""
        info = _ParaInfo()
        sid = self.styles.default_para
        direct_num = direct_ilvl = None
        outline: int | None | str = None
        ind: dict[str, int] = {}
        if ppr is not None:
            for c in ppr:
                tag = c.tag
                if tag == W.pStyle:
                    sid = c.get(W.val, "") or sid
                elif tag == W.numPr:
                    num = c.find(W.numId)
                    if num is not None:
                        direct_num = num.get(W.val, "")
                    if c.find(W.ilvl) is not None:
                        direct_ilvl = _int_val(c.find(W.ilvl))
                elif tag == W.outlineLvl:
                    outline = _outline(ppr)
                elif tag == W.jc:
                    info.align = _ALIGN.get(c.get(W.val, ""), "")
                elif tag == W.ind:
                    ind = _ind_values(c)
                elif tag == W.pageBreakBefore:
                    info.page_break = c.get(W.val) not in _OFF
                elif tag == W.sectPr:
                    index = self.sections.get(c)
                    if index is not None and index + 1 < len(self.section_types):
                        info.break_after = self.section_types[index + 1] in _PAGE_SECTIONS
        style = self.styles.para(sid)
        info.style = style.name
        info.outline = style.outline if outline is None else (outline if isinstance(outline, int) else None)
        info.align = info.align or style.align
        info.ind = {**dict(style.ind), **ind}
        info.page_break = info.page_break or style.page_break
        info.size = style.run.size
        if number:
            num_id = direct_num if direct_num is not None else style.num_id
            if num_id and num_id != "0":
                if direct_ilvl is not None:
                    ilvl = direct_ilvl
                elif direct_num is None and style.ilvl is None:
                    ilvl = self.numbering.level_of_style(num_id, sid)
                else:
                    ilvl = style.ilvl or 0
                rendered = self.numbering.render(num_id, ilvl)
                if rendered is not None:
                    info.number, info.suffix = rendered
        acc = _Acc()
        saved, self.pstyle = self.pstyle, sid
        self._inline(p, acc)
        self.pstyle = saved
        if acc.box_break and acc.parts and acc.parts[-1] == "":
            acc.parts.pop()
        return acc, info

    def _inline(self, parent: Any, acc: _Acc) -> None:
        for child in parent:
            tag = child.tag
            if tag == W.r:
                self._run(child, acc)
            elif tag in _TRANSPARENT:
                self._inline(child, acc)
            elif tag == W.sdt:
                content = child.find(W.sdtContent)
                if content is not None:
                    self._inline(content, acc)
            elif tag == MC.AlternateContent:
                chosen = _choose(child)
                if chosen is not None:
                    self._inline(chosen, acc)
            elif tag in (M.oMath, M.oMathPara) and self._visible(None):
                acc.add("".join(t.text or "" for t in child.iter(M.t)))
            # w:del, w:moveFrom (tracked removals), bookmarks, proofing marks, comments: out

    def _visible(self, run: _Run | None) -> bool:
        return not any(self.fields) and not (run is not None and run.vanish)

    def _run(self, r: Any, acc: _Acc) -> None:
        direct, rsid = _run_props(r.find(W.rPr), self.styles.theme)
        run = direct.over(self.styles.run_base(self.pstyle, rsid))
        for c in r:
            tag = c.tag
            if tag == W.t:
                if c.text and self._visible(run):
                    acc.add(c.text, run)
            elif tag == W.tab or tag == W.ptab:
                if self._visible(run):
                    acc.add("\t")
            elif tag == W.br:
                kind = c.get(W.type, "textWrapping")
                if kind == "page" and not acc.n:
                    acc.page_break = True
                elif kind == "page":
                    self.page_break = True  # after some text: the next paragraph starts the page
                elif self._visible(run):
                    acc.add("\n")
            elif tag == W.cr:
                if self._visible(run):
                    acc.add("\n")
            elif tag == W.fldChar:
                kind = c.get(W.fldCharType, "")
                if kind == "begin":
                    self.fields.append(True)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = False
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif tag == W.noBreakHyphen:
                if self._visible(run):
                    acc.add("-", run)
            elif tag == W.sym:
                if self._visible(run):
                    with contextlib.suppress(ValueError, OverflowError):
                        acc.add(chr(int(c.get(W.char, ""), 16)), run)
            elif tag == W.footnoteReference or tag == W.endnoteReference:
                kind = "footnote" if tag == W.footnoteReference else "endnote"
                acc.objects.append(InlineObject(acc.n, kind, text=self._note(kind, c.get(W.id, ""))))
            elif tag in (W.drawing, W.pict, W.object):
                self._graphic(c, acc, vml=tag != W.drawing)
            elif tag == MC.AlternateContent:
                chosen = _choose(c)
                if chosen is not None:
                    for g in chosen:
                        if g.tag in (W.drawing, W.pict, W.object):
                            self._graphic(g, acc, vml=g.tag != W.drawing)
            elif tag == W.ruby:
                base = c.find(W.rubyBase)
                if base is not None:
                    self._inline(base, acc)
            # w:instrText, w:delText, w:delInstrText, w:softHyphen, w:lastRenderedPageBreak: out

    # pictures, text boxes, notes ----------------------------------------------------------------

    def _graphic(self, el: Any, acc: _Acc, vml: bool) -> None:
        if vml:
            for data in el.iter(V.imagedata):
                rid = data.get(R.id) or data.get(O.relid) or ""
                width, height = _vml_size(data.getparent())
                acc.objects.append(self._image(acc.n, rid, width, height))
        else:
            extent = next(el.iter(WP.extent), None)
            for pic in el.iter(PIC.pic):
                blip = next(pic.iter(A.blip), None)
                if blip is None:
                    continue
                ext = pic.find(f"{PIC.spPr}/{A.xfrm}/{A.ext}")
                size_el = ext if ext is not None else extent
                acc.objects.append(self._image(acc.n, blip.get(R.embed) or blip.get(R.link) or "",
                                               _emu(size_el, "cx"), _emu(size_el, "cy")))
        for box in el.iter(W.txbxContent):
            if any(a.tag == W.txbxContent for a in box.iterancestors() if a is not el):
                continue  # a box inside a box: read with its outer box
            acc.add_box(self._story_text(box))

    def _image(self, offset: int, rid: str, width: int, height: int) -> InlineObject:
        rel = self.rels.get(rid)
        if rel is None or rel[2]:  # missing or linked from outside the package
            return InlineObject(offset, "image", part=rel[1] if rel else "", width_emu=width,
                                height_emu=height)
        part = rel[1]
        if part not in self.images:
            self.images[part] = self.pkg.read(part) or b""
        return InlineObject(offset, "image", part=part, data=self.images[part], width_emu=width,
                            height_emu=height)

    def _story_text(self, container: Any) -> str:
        """Plain text of a text box or note: its paragraphs (and tables) one per line."""
        saved_fields, self.fields = self.fields, []
        saved_break = self.page_break
        lines: list[str] = []
        for child in container:
            if child.tag == W.p:
                acc, info = self._paragraph(child, child.find(W.pPr), number=True)
                text = acc.text()
                lines.append(info.number + _separator(info.number, info.suffix, text) + text
                             if info.number else text)
            elif child.tag == W.tbl:
                lines.append(self._table(child)[1])
            elif child.tag == W.sdt:
                content = child.find(W.sdtContent)
                if content is not None:
                    lines.append(self._story_text(content))
        self.fields, self.page_break = saved_fields, saved_break
        return "\n".join(lines)

    def _note(self, kind: str, note_id: str) -> str:
        notes = self.notes.get(kind)
        if notes is None:
            notes = {}
            root = self._related_xml(kind + "s")
            if root is not None:
                for note in root.iter(getattr(W, kind)):
                    if note.get(W.type, "normal") == "normal":
                        notes[note.get(W.id, "")] = note
            self.notes[kind] = notes
        note = notes.get(note_id)
        if note is None:
            return ""
        saved = self.numbering.counters, self.numbering.seen
        self.numbering.counters, self.numbering.seen = {}, set()  # notes do not advance body lists
        text = self._story_text(note).strip()
        self.numbering.counters, self.numbering.seen = saved
        return text

    # tables ---------------------------------------------------------------------------------

    def _table(self, tbl: Any) -> tuple[tuple[tuple[str, ...], ...], str, list[InlineObject]]:
        """(rows of cell texts, the table as text — cells by tabs, rows by newlines —, objects
        at their offset in that text)."""
        rows: list[list[tuple[str, list[InlineObject]]]] = []
        for tr in _children(tbl, W.tr):
            trpr = tr.find(W.trPr)
            if trpr is not None and trpr.find(_DEL) is not None:
                continue  # a deleted row
            cells = []
            for tc in _children(tr, W.tc):
                tcpr = tc.find(W.tcPr)
                if tcpr is not None and tcpr.find(W.cellDel) is not None:
                    continue
                cells.append(self._cell(tc))
            rows.append(cells)
        parts: list[str] = []
        objects: list[InlineObject] = []
        offset = 0
        for ri, row in enumerate(rows):
            if ri:
                parts.append("\n")
                offset += 1
            for ci, (text, objs) in enumerate(row):
                if ci:
                    parts.append("\t")
                    offset += 1
                objects.extend(_shift(o, offset) for o in objs)
                parts.append(text)
                offset += len(text)
        return tuple(tuple(text for text, _ in row) for row in rows), "".join(parts), objects

    def _cell(self, tc: Any) -> tuple[str, list[InlineObject]]:
        lines: list[str] = []
        objects: list[InlineObject] = []
        offset = 0
        for child in _children(tc, W.p, W.tbl):
            if child.tag == W.p:
                acc, info = self._paragraph(child, child.find(W.pPr))
                text = acc.text()
                prefix = info.number + _separator(info.number, info.suffix, text) if info.number else ""
                text = prefix + text
                objs = [_shift(o, len(prefix)) for o in acc.objects]
            else:  # a nested table: its rows as lines, its cells separated by tabs
                _, text, objs = self._table(child)
            if lines:
                offset += 1
            objects.extend(_shift(o, offset) for o in objs)
            lines.append(text)
            offset += len(text)
        return "\n".join(lines), objects


_TRANSPARENT = frozenset({W.hyperlink, W.smartTag, W.customXml, W.ins, W.moveTo, W.fldSimple, W.dir,
                          W.bdo})


class _ParaInfo:
    __slots__ = ("style", "outline", "align", "ind", "page_break", "break_after", "number", "suffix",
                 "size")

    def __init__(self) -> None:
        self.style = ""
        self.outline: int | None = None
        self.align = ""
        self.ind: dict[str, int] = {}
        self.page_break = False
        self.break_after = False
        self.number = ""
        self.suffix = "tab"
        self.size: float | None = None


def _children(el: Any, *tags: str) -> list[Any]:
    """Children with these tags, looking through content controls and custom XML wrappers."""
    out = []
    for child in el:
        if child.tag in tags:
            out.append(child)
        elif child.tag == W.sdt:
            content = child.find(W.sdtContent)
            if content is not None:
                out.extend(_children(content, *tags))
        elif child.tag == W.customXml:
            out.extend(_children(child, *tags))
    return out


def _choose(alternate: Any) -> Any | None:
    """mc:AlternateContent: the first Choice (what current Word writes), else the Fallback."""
    choice = alternate.find(MC.Choice)
    return choice if choice is not None else alternate.find(MC.Fallback)


def _join(first: _Acc, second: _Acc) -> _Acc:
    shift = first.n
    first.parts.extend(second.parts)
    first.n += second.n
    first.objects.extend(_shift(o, shift) for o in second.objects)
    first.bold += second.bold
    first.plain += second.plain
    for key, value in second.sizes.items():
        first.sizes[key] = first.sizes.get(key, 0) + value
    for key, value in second.fonts.items():
        first.fonts[key] = first.fonts.get(key, 0) + value
    return first


def _separator(number: str, suffix: str, text: str) -> str:
    """What stands between a rendered number and the text: Word puts a tab or a space there; in
    Chinese text after a punctuated number ("一、" "（一）" "1." "①") a reader sees none, so
    none is written; after a word or digit ("第一章" "1") or before Latin text, one space."""
    if suffix == "nothing" or not text or text[0].isspace():
        return ""
    if unicodedata.category(number[-1]) in _WORDLIKE or text[0].isascii():
        return " "
    return ""


def _shift(obj: InlineObject, by: int) -> InlineObject:
    if not by:
        return obj
    return InlineObject(obj.offset + by, obj.kind, obj.text, obj.part, obj.data, obj.width_emu,
                        obj.height_emu)


def _indent(ind: dict[str, int], size: float | None) -> float:
    """First-line indent in characters (negative: hanging)."""
    if ind.get("hangingChars"):
        return -ind["hangingChars"] / 100
    if ind.get("firstLineChars"):
        return ind["firstLineChars"] / 100
    twips = -ind["hanging"] if ind.get("hanging") else ind.get("firstLine", 0)
    return round(twips / ((size or 10.5) * 20), 2) if twips else 0


def _emu(el: Any, attr: str) -> int:
    try:
        return int(el.get(attr, "0")) if el is not None else 0
    except ValueError:
        return 0


def _vml_size(shape: Any) -> tuple[int, int]:
    style = shape.get("style", "") if shape is not None else ""
    size = {"width": 0, "height": 0}
    for key, number, unit in _VML_LENGTH.findall(style):
        with contextlib.suppress(ValueError):
            size[key.lower()] = int(float(number) * _EMU.get(unit.lower() or None, 12700))
    return size["width"], size["height"]

