"""docxtpl rendering the same paragraphs into a template document (Jinja over Word XML)."""

import sys
from pathlib import Path

from docxtpl import DocxTemplate

paragraphs = Path(sys.argv[1]).read_text(encoding="utf-8").split("\n")
tpl = DocxTemplate(sys.argv[3])
tpl.render({"paragraphs": paragraphs})
tpl.save(sys.argv[2])
