"""Small OOXML element builders; everything that knows WordprocessingML tag names lives here."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def el(tag: str, **attrs: str | int) -> etree._Element:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), str(v))
    return e


def child(parent: etree._Element, tag: str, **attrs: str | int) -> etree._Element:
    """Replace any existing child of this tag with a new one (keeps schema order loosely)."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    e = el(tag, **attrs)
    parent.append(e)
    return e


def rfonts(east_asia: str, latin: str, hint: str | None = "eastAsia") -> etree._Element:
    attrs = {"ascii": latin, "hAnsi": latin, "eastAsia": east_asia, "cs": latin}
    if hint:
        attrs["hint"] = hint
    return el("w:rFonts", **attrs)


def field_runs(instr: str, placeholder: str, rpr: etree._Element | None = None) -> list[etree._Element]:
    """A complex field (begin / instrText / separate / result / end) as a list of w:r."""
    import copy

    def run(*children: etree._Element) -> etree._Element:
        r = el("w:r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        for c in children:
            r.append(c)
        return r

    instr_el = el("w:instrText")
    instr_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr_el.text = f" {instr} "
    text_el = el("w:t")
    text_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text_el.text = placeholder
    return [
        run(el("w:fldChar", fldCharType="begin", dirty="true")),
        run(instr_el),
        run(el("w:fldChar", fldCharType="separate")),
        run(text_el),
        run(el("w:fldChar", fldCharType="end")),
    ]


def text_run(text: str, rpr: etree._Element | None = None) -> etree._Element:
    import copy

    r = el("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = el("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    r.append(t)
    return r
