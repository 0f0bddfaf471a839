"""Small OOXML element builders; everything that knows WordprocessingML tag names lives here."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree


def el(tag: str, **attrs: str | int) -> etree._Element:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), str(v))
    return e


def rfonts(east_asia: str, latin: str, hint: str | None = "eastAsia") -> etree._Element:
    attrs = {"ascii": latin, "hAnsi": latin, "eastAsia": east_asia, "cs": latin}
    if hint:
        attrs["hint"] = hint
    return el("w:rFonts", **attrs)
