"""Where a reused phrase came from, named for a reader: `--annotate` comments say
《在全县乡村振兴工作会议上的讲话》第 32 行, not 002_7c35a51d846f1a1f.txt:32, and 自己添加 for a
phrase the user added, not hand-written.

A bank entry records its first source as "file:line". The file is looked for in the bank's
corpus/ folder (where `wengao mine` inputs are kept for the shipped bank), then beside the bank;
its title comes from the reading layer. A file that cannot be found or read keeps its name.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from wengao.i18n import t
from wengao.outline.model import Outline, Source, Text

if TYPE_CHECKING:
    from wengao.reading.model import Document


def _read(path: Path) -> Document | None:
    from wengao.reading import read_document

    try:
        return read_document(path)
    except Exception:  # an unreadable source only loses its title
        return None


def _title(doc: Document, line: int) -> str:
    """The title of the part of `doc` that holds `line` (a compilation), else the document's."""
    for part in reversed(doc.parts or []):
        if part.blocks and part.blocks[0].pos <= line and part.front.title:
            return part.front.title
    return doc.front.title


def titled_sources(outline: Outline, bank: Path) -> Outline:
    """The outline with each phrase's source named by its document's title."""
    from wengao.outline.walk import walk
    from wengao.phrases.bank import HAND_WRITTEN, source_text

    docs: dict[str, Document | None] = {}  # each source file found and read once

    def title_of(name: str, line: int) -> str:
        if name not in docs:
            found = next((p for p in (bank / "corpus" / name, bank / name, bank.parent / name)
                          if p.is_file()), None)
            docs[name] = _read(found) if found is not None else None
        doc = docs[name]
        return _title(doc, line) if doc is not None else ""

    def rename(value: object) -> object:
        if isinstance(value, Text) and value.source is not None and value.source.origin == HAND_WRITTEN:
            return dataclasses.replace(value, source=Source(value.source.phrase_id, source_text(HAND_WRITTEN)))
        if not isinstance(value, Text) or value.source is None or ":" not in value.source.origin:
            return value
        name, _, line = value.source.origin.rpartition(":")
        if not line.isdigit():
            return value
        title = title_of(Path(name).name, int(line))
        origin = t("build.annotate.origin", title=title, line=line) if title else value.source.origin
        return dataclasses.replace(value, source=Source(value.source.phrase_id, origin))

    return walk(outline, rename)
