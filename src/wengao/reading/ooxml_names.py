"""Qualified (Clark) names of the OOXML elements and attributes the reader looks at:
`W.p` is "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"."""

from __future__ import annotations


class _Namespace:
    """Attribute access builds the qualified name once and keeps it (`W.tbl`, `R.embed`)."""

    def __init__(self, uri: str) -> None:
        self.uri = uri

    def __getattr__(self, local: str) -> str:
        if local.startswith("__"):
            raise AttributeError(local)
        name = f"{{{self.uri}}}{local}"
        setattr(self, local, name)
        return name


W = _Namespace("http://schemas.openxmlformats.org/wordprocessingml/2006/main")
R = _Namespace("http://schemas.openxmlformats.org/officeDocument/2006/relationships")
A = _Namespace("http://schemas.openxmlformats.org/drawingml/2006/main")
WP = _Namespace("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")
PIC = _Namespace("http://schemas.openxmlformats.org/drawingml/2006/picture")
V = _Namespace("urn:schemas-microsoft-com:vml")
O = _Namespace("urn:schemas-microsoft-com:office:office")  # noqa: E741
MC = _Namespace("http://schemas.openxmlformats.org/markup-compatibility/2006")
M = _Namespace("http://schemas.openxmlformats.org/officeDocument/2006/math")
