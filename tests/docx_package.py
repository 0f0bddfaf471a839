"""Write small .docx packages from raw WordprocessingML, for reader tests that need exact control
(numbering definitions, tracked changes, fields, text boxes) python-docx cannot express."""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {  # keyword → (part name, relationship type, root element)
    "styles": ("styles.xml", "styles", "styles"),
    "numbering": ("numbering.xml", "numbering", "numbering"),
    "footnotes": ("footnotes.xml", "footnotes", "footnotes"),
    "endnotes": ("endnotes.xml", "endnotes", "endnotes"),
}


def p(text: str = "", ppr: str = "", rpr: str = "") -> str:
    """One paragraph with one run."""
    run = f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f'<w:p>{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}{run}</w:p>'


def r(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def make_docx(path: Path, body: str, *, styles: str = "", numbering: str = "", footnotes: str = "",
              endnotes: str = "", theme: str = "", media: dict[str, bytes] | None = None,
              rels: str = "") -> Path:
    """A .docx at `path` whose body is `body` (raw XML); other parts only when given."""
    media = media or {}
    given = {"styles": styles, "numbering": numbering, "footnotes": footnotes, "endnotes": endnotes}
    doc_rels = [f'<Relationship Id="rId{k}" Type="{_REL}/{rel}" Target="{name}"/>'
                for k, (key, (name, rel, _)) in enumerate(_PARTS.items(), 1) if given[key]]
    if theme:
        doc_rels.append(f'<Relationship Id="rIdTheme" Type="{_REL}/theme" Target="theme/theme1.xml"/>')
    for i, name in enumerate(media, 1):
        doc_rels.append(f'<Relationship Id="rIdImg{i}" Type="{_REL}/image" Target="media/{name}"/>')
    doc_rels.append(rels)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}'
                   '<w:sectPr/></w:body></w:document>')
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(doc_rels) + "</Relationships>")
        for key, (name, _, root) in _PARTS.items():
            if given[key]:
                z.writestr(f"word/{name}", f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {NS}>{given[key]}</w:{root}>')
        if theme:
            z.writestr("word/theme/theme1.xml", theme)
        for name, data in media.items():
            z.writestr(f"word/media/{name}", data)
    return path
