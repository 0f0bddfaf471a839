"""Reading: any .txt or .docx (.doc/.wps/.odt/.rtf through LibreOffice) becomes one typed
Document, used by `outline extract`, `mine`, `check` and `format`.

    read_raw(path)        → RawDocument: the file's paragraphs with their formatting evidence
    parse(raw)            → Document: front matter, typed blocks, parts of a compilation
    read_document(path)   → parse(read_raw(path))
    expand_inputs(paths)  → [(file, name)]: folders expanded to their documents, sorted
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wengao.reading.model import (
    Block,
    BlockKind,
    Document,
    FrontMatter,
    Genre,
    InlineObject,
    RawDocument,
    RawPara,
    Scheme,
    SourceFormat,
)

__all__ = ["Block", "BlockKind", "Document", "FrontMatter", "Genre", "InlineObject", "RawDocument",
           "RawPara", "Scheme", "SourceFormat", "expand_inputs", "parse", "read_document", "read_raw"]


def read_raw(path: str | Path, name: str | None = None) -> RawDocument:
    """Read a file's paragraphs; raises DocumentError (one located line) when it cannot."""
    from wengao.reading.readers import read_raw as _read

    return _read(Path(path), name)


def expand_inputs(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Files and folders → the documents to read with their cited names (folders recursively,
    sorted, hidden and ~$ lock files skipped); DocumentError listing every missing input."""
    from wengao.reading.readers import expand_inputs as _expand

    return _expand(paths)


def parse(raw: RawDocument) -> Document:
    """The structure of a read file: pure, no I/O."""
    from wengao.reading.structure import parse as _parse

    return _parse(raw)


def read_document(path: str | Path, name: str | None = None) -> Document:
    return parse(read_raw(path, name))
