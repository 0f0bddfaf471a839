"""A .docx package opened defensively: every part read with a size cap, every XML part parsed
with entities and DTDs off, relationships resolved the way OPC says.

A .docx is a zip of XML parts. A hostile one can declare a tiny part that inflates to gigabytes
(a zip bomb), hold a million entries, or carry an XML entity that expands without bound; a
damaged one fails anywhere. Each of these becomes one DocumentError line here, so the walk in
`reading/docx.py` can assume well-formed, bounded input.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from typing import Any

from wengao.errors import Diagnostic, DocumentError
from wengao.i18n import t
from wengao.reading import limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP = b"PK\x05\x06"

# ISO 29500 Strict names these namespaces differently; the parts are otherwise read alike.
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture",
     b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math",
     b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
)
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def fail(path: str, key: str, hint_key: str = "", **values: object) -> DocumentError:
    return DocumentError([Diagnostic(path, 0, 0, t(key, **values), t(hint_key) if hint_key else "")])


def is_encrypted_ole(data: bytes) -> bool:
    """An OLE compound file holding an EncryptedPackage stream: how Office stores a .docx
    saved with a password (the directory names the stream in UTF-16)."""
    return data.startswith(OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data


def _zip_entries(data: bytes) -> int:
    """The entry count the end-of-central-directory record declares, before zipfile builds an
    object per entry (a crafted archive can declare millions)."""
    at = data.rfind(EMPTY_ZIP, max(0, len(data) - 65557))
    if at < 0 or at + 22 > len(data):
        return -1
    return struct.unpack_from("<H", data, at + 10)[0]


class Package:
    """The parts of one .docx, read lazily and within limits."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        count = _zip_entries(data)
        if count >= limits.MAX_ZIP_ENTRIES:  # 0xFFFF: a zip64 count, never a Word document
            raise fail(path, "read.too_many_parts", count=count)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise fail(path, "read.not_zip", "read.not_zip_hint") from None
        infos = self.zip.infolist()
        if len(infos) >= limits.MAX_ZIP_ENTRIES:
            raise fail(path, "read.too_many_parts", count=len(infos))
        # Part names are case-insensitive in OPC; some writers vary the case.
        self.infos = {info.filename.lower(): info for info in infos}
        self.budget = limits.MAX_PACKAGE_BYTES
        self._parser: Any = None

    def has(self, part: str) -> bool:
        return part.lower() in self.infos

    def read(self, part: str) -> bytes | None:
        """The part's bytes, or None when the package has no such part."""
        info = self.infos.get(part.lower())
        if info is None:
            return None
        cap = min(limits.MAX_PART_BYTES, self.budget)
        if info.file_size > cap:
            raise fail(self.path, "read.bomb", part=part, limit=limits.human_size(cap))
        try:
            with self.zip.open(info) as fh:
                data = fh.read(cap + 1)  # never trust the declared size: stop one byte past the cap
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
                ValueError) as exc:
            raise fail(self.path, "read.zip_broken", reason=f"{part}: {exc}") from None
        if len(data) > cap:
            raise fail(self.path, "read.bomb", part=part, limit=limits.human_size(cap))
        self.budget -= len(data)
        return data

    def xml(self, part: str) -> Any | None:
        """The part parsed as XML (lxml element), or None when absent."""
        data = self.read(part)
        if data is None:
            return None
        from lxml import etree

        if b"purl.oclc.org/ooxml/" in data[:4096]:
            for strict, transitional in _STRICT:
                data = data.replace(strict, transitional)
        if self._parser is None:
            # No entity expansion, no DTD, no network; libxml2's own depth and size limits stay on.
            self._parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                                           huge_tree=False, remove_comments=True, remove_pis=True)
        try:
            root = etree.fromstring(data, self._parser)
        except etree.XMLSyntaxError as exc:
            line = exc.position[0] if exc.position else 0
            raise fail(self.path, "read.xml", part=part, line=line, reason=exc.msg or str(exc)) from None
        if root.getroottree().docinfo.doctype:
            raise fail(self.path, "read.dtd", part=part)
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId → (relationship type, target part name or URL, external?) for `part`."""
        folder, name = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        out: dict[str, tuple[str, str, bool]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{_REL_NS}Relationship"):
            rid, target = rel.get("Id", ""), rel.get("Target", "")
            external = rel.get("TargetMode", "") == "External"
            if not external:
                target = resolve(folder, target)
            out[rid] = (rel.get("Type", ""), target, external)
        return out

    def related(self, part: str, kind: str) -> str:
        """The first target of `part` whose relationship type ends with /kind ("" if none)."""
        return first_target(self.rels(part), kind)


def first_target(rels: dict[str, tuple[str, str, bool]], kind: str) -> str:
    """The first internal target among `rels` whose relationship type ends with /kind ("" if none)."""
    for rel_type, target, external in rels.values():
        if not external and rel_type.rsplit("/", 1)[-1] == kind:
            return target
    return ""


def resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: relative to the source part's folder, or absolute."""
    from urllib.parse import unquote

    target = unquote(target)
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(joined).lstrip("/")
