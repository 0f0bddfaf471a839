"""The GB/T 9704-2012 style profile, and the reference .docx generated from it.

Styles and page setup live in a reference document (as in pandoc): users restyle by editing
templates/reference.docx in Word, not this code. This module writes that file, and adds any
style a user's own reference lacks.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from wengao.docx.body import W_NS, escape, field_begin, field_end
from wengao.docx.ooxml import el, rfonts
from wengao.docx.profile import (
    FANGSONG,
    FOOTER_DISTANCE_MM,
    HEADER_DISTANCE_MM,
    LATIN,
    LINE_PITCH,
    MARGINS_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    PROFILE,
    SONGTI,
    ParaStyle,
)


def _ppr(spec: ParaStyle) -> etree._Element:
    """pPr children in schema order (Word refuses some out-of-order documents)."""
    ppr = el("w:pPr")
    if spec.keep_next:
        ppr.append(el("w:keepNext"))
    if spec.right_tab:
        tabs = el("w:tabs")
        tabs.append(el("w:tab", val="right", leader="dot", pos=spec.right_tab))
        ppr.append(tabs)
    # Word's default, written out: LibreOffice reads an explicit "on" as "no hanging punctuation"
    # (its import inverts it), and its hanging marks vanish from justified lines (see PUNCTUATION).
    ppr.append(el("w:overflowPunct", val=1))
    if not spec.snap_to_grid:
        ppr.append(el("w:snapToGrid", val=0))
    if spec.line_exact:
        ppr.append(el("w:spacing", before=0, after=0, line=spec.line_exact, lineRule="exact"))
    else:
        ppr.append(el("w:spacing", before=0, after=0, line=240, lineRule="auto"))
    ind = {"left": spec.ind_left, "right": spec.ind_right}
    if spec.first_line_chars:
        ind.update(firstLineChars=spec.first_line_chars, firstLine=int(spec.size * 20 * spec.first_line_chars / 100))
    else:
        ind.update(firstLineChars=0, firstLine=0)
    ppr.append(el("w:ind", **ind))
    ppr.append(el("w:jc", val=spec.align))
    if spec.outline_level is not None:
        ppr.append(el("w:outlineLvl", val=spec.outline_level))
    return ppr


def _rpr(spec: ParaStyle) -> etree._Element:
    rpr = el("w:rPr")
    rpr.append(rfonts(spec.east_asia, LATIN))
    rpr.append(el("w:b", val=1 if spec.bold else 0))
    rpr.append(el("w:bCs", val=1 if spec.bold else 0))
    rpr.append(el("w:i", val=0))
    rpr.append(el("w:iCs", val=0))
    rpr.append(el("w:color", val="000000"))
    if spec.char_spacing is not None:
        rpr.append(el("w:spacing", val=spec.char_spacing))
    rpr.append(el("w:kern", val=0))
    half_points = int(round(spec.size * 2))
    rpr.append(el("w:sz", val=half_points))
    rpr.append(el("w:szCs", val=half_points))
    rpr.append(el("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    return rpr


def _set_style(styles_el: etree._Element, spec: ParaStyle, existing: etree._Element | None) -> None:
    style = existing
    if style is None:
        style = el("w:style", type="paragraph", styleId=spec.style_id)
        if spec.custom:
            style.set(qn("w:customStyle"), "1")
        styles_el.append(style)
    for tag in ("w:name", "w:aliases", "w:basedOn", "w:next", "w:uiPriority", "w:qFormat", "w:semiHidden",
                "w:unhideWhenUsed", "w:pPr", "w:rPr", "w:link", "w:rsid"):
        for old in style.findall(qn(tag)):
            style.remove(old)
    head = [el("w:name", val=spec.name)]
    if spec.based_on:
        head.append(el("w:basedOn", val=spec.based_on))
    if spec.next_style:
        head.append(el("w:next", val=spec.next_style))
    if spec.ui_priority is not None:
        head.append(el("w:uiPriority", val=spec.ui_priority))
    head.append(el("w:qFormat"))
    for i, h in enumerate(head):
        style.insert(i, h)
    # pPr and rPr follow the head elements; nothing we keep comes after them for paragraphs.
    style.append(_ppr(spec))
    style.append(_rpr(spec))


def _find_style(styles_el: etree._Element, spec: ParaStyle) -> etree._Element | None:
    for s in styles_el.findall(qn("w:style")):
        if s.get(qn("w:styleId")) == spec.style_id:
            return s
        name = s.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")).lower() == spec.name.lower():
            return s
    return None


def ensure_styles(doc: DocxDocument, *, overwrite: bool) -> dict[str, str]:
    """Make every profile style exist; overwrite=True resets them to the profile.

    Returns profile style id → the id the document uses (a user's reference may name them
    differently, e.g. "1" for heading 1 in a Chinese Word).
    """
    styles_el = doc.styles.element
    ids: dict[str, str] = {}
    for spec in PROFILE:
        existing = _find_style(styles_el, spec)
        if existing is None or overwrite:
            _set_style(styles_el, spec, existing)
            ids[spec.style_id] = spec.style_id if existing is None else existing.get(qn("w:styleId"))
        else:
            ids[spec.style_id] = existing.get(qn("w:styleId"))
    return ids


def _set_doc_defaults(doc: DocxDocument) -> None:
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = el("w:docDefaults")
        styles_el.insert(0, defaults)
    for old in list(defaults):
        defaults.remove(old)
    rpr_default = el("w:rPrDefault")
    rpr = el("w:rPr")
    rpr.append(rfonts(FANGSONG, LATIN, hint=None))
    rpr.append(el("w:sz", val=32))
    rpr.append(el("w:szCs", val=32))
    rpr.append(el("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    rpr_default.append(rpr)
    ppr_default = el("w:pPrDefault")
    ppr = el("w:pPr")
    ppr.append(el("w:spacing", before=0, after=0, line=240, lineRule="auto"))
    ppr_default.append(ppr)
    defaults.append(rpr_default)
    defaults.append(ppr_default)
    # Theme fonts override explicit names: no style of ours may refer to the theme.
    for rf in styles_el.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            rf.attrib.pop(qn(f"w:{attr}"), None)


def _footer_paragraph(footer, align: str) -> None:
    """"— 1 —" with a PAGE field; odd pages right, even pages left, one character in."""
    body = footer._element
    for p in body.findall(qn("w:p")):
        body.remove(p)
    indent = 280  # one 14 pt character
    left, right = (indent, 0) if align == "left" else (0, indent)
    rpr = f'<w:rPr><w:rFonts w:ascii="{SONGTI}" w:hAnsi="{SONGTI}" w:eastAsia="{SONGTI}" ' \
          f'w:cs="{SONGTI}" w:hint="eastAsia"/></w:rPr>'

    def run(text: str) -> str:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'

    xml = (f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="Footer"/><w:ind w:left="{left}" w:right="{right}"/>'
           f'<w:jc w:val="{align}"/></w:pPr>{run("— ")}{field_begin("PAGE", rpr)}{run("1")}'
           f"{field_end(rpr)}{run(' —')}</w:p>")
    body.append(etree.fromstring(xml))


def apply_page_setup(doc: DocxDocument) -> None:
    section = doc.sections[-1]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    section.gutter = 0
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(old)
    sect_pr.append(el("w:docGrid", type="lines", linePitch=LINE_PITCH))
    doc.settings.odd_and_even_pages_header_footer = True
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _footer_paragraph(section.footer, "right")
    _footer_paragraph(section.even_page_footer, "left")
    _order_sectpr(sect_pr)


_SECTPR_ORDER = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
                 "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
                 "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
                 "printerSettings", "sectPrChange"]


def _order_sectpr(sect_pr: etree._Element) -> None:
    rank = {qn(f"w:{t}"): i for i, t in enumerate(_SECTPR_ORDER)}
    children = sorted(sect_pr, key=lambda c: rank.get(c.tag, len(rank)))
    for c in children:
        sect_pr.remove(c)
        sect_pr.append(c)


def clear_body(doc: DocxDocument) -> None:
    """The reference's content is ignored: keep only the final section properties."""
    body = doc.element.body
    for c in list(body):
        if c.tag != qn("w:sectPr"):
            body.remove(c)


def build_reference() -> DocxDocument:
    """A fresh reference document: python-docx's template restyled to the profile."""
    import docx

    doc = docx.Document()
    _set_doc_defaults(doc)
    ensure_styles(doc, overwrite=True)
    # Character styles linked to headings carry theme fonts and colours of their own.
    for s in doc.styles:
        if s.type == WD_STYLE_TYPE.CHARACTER and s.element.find(qn("w:rPr")) is not None:
            rpr = s.element.find(qn("w:rPr"))
            for tag in ("w:color", "w:rFonts", "w:sz", "w:szCs", "w:b", "w:bCs", "w:i", "w:iCs"):
                for old in rpr.findall(qn(tag)):
                    rpr.remove(old)
    # Of its hundred table styles (nine tenths of the styles part, copied into every draft) keep
    # the default and Table Grid; Word adds others back if a user picks one.
    for st in list(doc.styles.element.findall(qn("w:style"))):
        if st.get(qn("w:type")) == "table" and st.get(qn("w:default")) != "1" and \
                st.get(qn("w:styleId")) not in ("TableNormal", "TableGrid"):
            doc.styles.element.remove(st)
    apply_page_setup(doc)
    clear_body(doc)
    # python-docx's template carries a Word 2010 copy of its original styles (theme fonts, blue
    # headings) that newer Word may prefer over styles.xml, and a preview picture: drop both.
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(rid)
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rid)
    props = doc.core_properties
    props.title = "wengao reference"
    props.author = "wengao"
    props.last_modified_by = "wengao"
    props.comments = "Styles and page setup for wengao drafts (GB/T 9704-2012). Content is ignored."
    props.language = "zh-CN"
    props.revision = 1
    return doc


# Line-breaking rules for Chinese (Word: 中文版式 → 首尾字符): what may not start and what may not
# end a line. Word's defaults for zh-CN, plus the em dash, so that a —— is never split between
# two lines (LibreOffice never splits one: Unicode puts no break between two dashes).
NO_LINE_START = "!%),.:;?]}¢°·’”′″℃、。〃〉》」』】〕〗〞！＂％＇），．：；？］｝～…—‖"
NO_LINE_END = "$([{£¥‘“〈《「『【〔〖〝（［｛￡￥"

# The fonts the profile names, with the face to use where they are missing: most new Windows and
# UOS/Kylin installs have 仿宋 and 楷体 but not their GB2312 versions, nor 方正小标宋简体.
# (name, altName, panose, family, pitch)
FONT_TABLE = (
    ("仿宋_GB2312", "仿宋", "02010609030101010101", "modern", "fixed"),
    ("楷体_GB2312", "楷体", "02010609030101010101", "modern", "fixed"),
    ("方正小标宋简体", "宋体", "02000000000000000000", "auto", "variable"),
    ("黑体", "SimHei", "02010609060101010101", "modern", "fixed"),
    ("宋体", "SimSun", "02010600030101010101", "auto", "variable"),
    ("仿宋", "FangSong", "02010609060101010101", "modern", "fixed"),
    ("楷体", "KaiTi", "02010609060101010101", "modern", "fixed"),
)


def font_table_xml() -> bytes:
    """The font table: our fonts with their fallbacks, none of Word for Mac's Japanese ones."""
    fonts = []
    for name, alt, panose, family, pitch in FONT_TABLE:
        fonts.append(
            f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/>'
            f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/>'
            '<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" '
            'w:csb0="00040000" w:csb1="00000000"/></w:font>')
    fonts.append(
        '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>')
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:fonts xmlns:w="{W_NS}">' + "".join(fonts) + "</w:fonts>").encode("utf-8")


APP_XML = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
           b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           b"<Application>wengao</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
           b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
           b"<HyperlinksChanged>false</HyperlinksChanged></Properties>")


def settings_xml(settings: bytes) -> bytes:
    """python-docx's template settings made Chinese: theme fonts for zh-CN (not ja-JP), the
    line-breaking rules above, no preview picture."""
    import re

    text = settings.decode("utf-8")
    text = re.sub(r'(<w:themeFontLang\b[^>]*?w:eastAsia=")[^"]*(")', r"\1zh-CN\2", text)
    text = text.replace("<w:savePreviewPicture/>", "")
    rules = (f'<w:noLineBreaksAfter w:lang="zh-CN" w:val="{escape(NO_LINE_END)}"/>'
             f'<w:noLineBreaksBefore w:lang="zh-CN" w:val="{escape(NO_LINE_START)}"/>')
    text = re.sub(r"(<w:characterSpacingControl\b[^>]*/>)", lambda m: m.group(1) + rules, text, count=1)
    return text.encode("utf-8")


def finish_reference(parts: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The package parts of the reference, with Word for Mac's leftovers replaced."""
    replace = {"word/fontTable.xml": lambda _: font_table_xml(), "docProps/app.xml": lambda _: APP_XML,
               "word/settings.xml": settings_xml}
    return [(name, replace[name](data) if name in replace else data) for name, data in parts]
