"""The floor for this stack: plain python-docx writing the same paragraphs with the same fonts."""

import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

paragraphs = Path(sys.argv[1]).read_text(encoding="utf-8").split("\n")
doc = docx.Document()
for text in paragraphs:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.font.size = Pt(16)
    run.font.name = "Times New Roman"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    p.paragraph_format.first_line_indent = Pt(32)
    p.paragraph_format.line_spacing = Pt(28.95)
doc.save(sys.argv[2])
