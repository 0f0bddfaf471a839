"""Read a .docx back as plain data: page setup, and per paragraph its style, effective fonts,
indents, spacing and text. Tests compare these skeletons; extraction reads paragraphs from them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

TWIPS_PER_MM = 1440 / 25.4


def _val(el: Any, tag: str, attr: str = "val") -> str | None:
    if el is None:
        return None
    child = el.find(qn(tag))
    if child is None:
        return None
    return child.get(qn(f"w:{attr}"))


class _StyleChain:
    def __init__(self, doc: Any) -> None:
        self.styles = {s.get(qn("w:styleId")): s for s in doc.styles.element.findall(qn("w:style"))}
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        self.default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
        self.default_ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") if defaults is not None else None

    def chain(self, style_id: str | None) -> list[Any]:
        out, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            s = self.styles[style_id]
            out.append(s)
            style_id = _val(s, "w:basedOn")
        return out

    def name(self, style_id: str | None) -> str:
        s = self.styles.get(style_id or "")
        return _val(s, "w:name") or (style_id or "")

    def lookup(self, style_id: str | None, part: str, tag: str, attr: str = "val",
               direct: Any = None) -> str | None:
        """First value found: direct formatting, then the style chain, then document defaults."""
        sources = [direct] if direct is not None else []
        sources += [s.find(qn(part)) for s in self.chain(style_id)]
        sources.append(self.default_rpr if part == "w:rPr" else self.default_ppr)
        for src in sources:
            if src is None:
                continue
            el = src.find(qn(tag))
            if el is not None and el.get(qn(f"w:{attr}")) is not None:
                return el.get(qn(f"w:{attr}"))
        return None

    def on(self, style_id: str | None, tag: str, direct: Any = None) -> bool:
        sources = [direct] if direct is not None else []
        sources += [s.find(qn("w:rPr")) for s in self.chain(style_id)]
        for src in sources:
            if src is None:
                continue
            el = src.find(qn(tag))
            if el is not None:
                return el.get(qn("w:val")) not in ("0", "false", "off")
        return False


def _paragraph(p: Any, chain: _StyleChain) -> dict[str, Any]:
    ppr = p.find(qn("w:pPr"))
    style_id = _val(ppr, "w:pStyle") or "Normal"
    runs = []
    for r in p.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        rpr = r.find(qn("w:rPr"))
        runs.append({
            "text": text,
            "bold": chain.on(style_id, "w:b", rpr),
            "east_asia": chain.lookup(style_id, "w:rPr", "w:rFonts", "eastAsia", rpr),
            "hint": (rpr.find(qn("w:rFonts")).get(qn("w:hint"))
                     if rpr is not None and rpr.find(qn("w:rFonts")) is not None else None),
        })

    def pl(tag: str, attr: str = "val") -> str | None:
        return chain.lookup(style_id, "w:pPr", tag, attr, ppr)

    def rl(tag: str, attr: str = "val") -> str | None:
        return chain.lookup(style_id, "w:rPr", tag, attr)

    size = rl("w:sz")
    return {
        "style": chain.name(style_id),
        "style_id": style_id,
        "text": "".join(r["text"] for r in runs),
        "runs": [r for r in runs if r["text"]],
        "east_asia": rl("w:rFonts", "eastAsia"),
        "ascii": rl("w:rFonts", "ascii"),
        "size_pt": int(size) / 2 if size else None,
        "bold": chain.on(style_id, "w:b"),
        "char_spacing": int(rl("w:spacing")) if rl("w:spacing") else 0,
        "align": pl("w:jc"),
        "first_line_chars": int(pl("w:ind", "firstLineChars") or 0),
        "first_line": int(pl("w:ind", "firstLine") or 0),
        "line": int(pl("w:spacing", "line") or 0),
        "line_rule": pl("w:spacing", "lineRule"),
        "outline_level": int(pl("w:outlineLvl")) if pl("w:outlineLvl") is not None else None,
        "page_break_before": ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None,
        "fields": [i.text.strip() for i in p.iter(qn("w:instrText")) if i.text],
        "line_breaks": len(p.findall(f".//{qn('w:br')}")),
    }


def skeleton(path: str | Path) -> dict[str, Any]:
    import docx

    doc = docx.Document(str(path))
    chain = _StyleChain(doc)
    section = doc.sections[-1]
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))

    def mm(v: Any) -> float:
        return round(v / 36000, 1)  # EMU → mm

    footers = {}
    for kind, footer in (("odd", section.footer), ("even", section.even_page_footer)):
        paras = [_paragraph(p, chain) for p in footer._element.findall(qn("w:p"))]
        footers[kind] = {
            "text": "".join(p["text"] for p in paras),
            "paragraphs": paras,
            "ind_left": [int(_val(p.find(qn("w:pPr")), "w:ind", "left") or 0)
                         for p in footer._element.findall(qn("w:p"))],
            "ind_right": [int(_val(p.find(qn("w:pPr")), "w:ind", "right") or 0)
                          for p in footer._element.findall(qn("w:p"))],
        }
    cp = doc.core_properties
    return {
        "page": {
            "width_mm": mm(section.page_width), "height_mm": mm(section.page_height),
            "top_mm": mm(section.top_margin), "bottom_mm": mm(section.bottom_margin),
            "left_mm": mm(section.left_margin), "right_mm": mm(section.right_margin),
            "grid_type": grid.get(qn("w:type")) if grid is not None else None,
            "line_pitch": int(grid.get(qn("w:linePitch"))) if grid is not None and grid.get(qn("w:linePitch")) else None,
            "even_and_odd": doc.settings.odd_and_even_pages_header_footer,
        },
        "paragraphs": [_paragraph(p, chain) for p in doc.element.body.iter(qn("w:p"))],
        "footers": footers,
        "core": {
            "title": cp.title, "author": cp.author, "language": cp.language,
            "created": cp.created, "modified": cp.modified, "subject": cp.subject,
        },
        "comments": _comments(doc),
    }


def comment_anchors(path: str | Path) -> dict[str, str]:
    """Comment id → the text its range covers, in document order (what a reader sees marked)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    start, end, text, wid = qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t"), qn("w:id")
    anchored: dict[str, str] = {}
    open_ids: set[str] = set()
    for el in root.iter():
        if el.tag == start:
            open_ids.add(el.get(wid))
            anchored.setdefault(el.get(wid), "")
        elif el.tag == end:
            open_ids.discard(el.get(wid))
        elif el.tag == text:
            for cid in open_ids:
                anchored[cid] += el.text or ""
    return anchored


def _comments(doc: Any) -> list[dict[str, str]]:
    try:
        comments = doc.comments
    except Exception:
        return []
    out = []
    for c in comments:
        out.append({"text": c.text, "author": c.author})
    return out
