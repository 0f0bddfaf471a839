"""Any file becomes a RawDocument, safely: which reader reads it, and what is refused before
a byte is read.

A user's folder holds more than documents: a FIFO, a 2 GB video, an encrypted .docx, a .doc
saved by WPS, a PDF. Each gets one located line, never a hang or a traceback. The file is
checked (regular, not empty, not too big) before it is opened, then read once, and its first
bytes — not only its suffix — choose the reader: a .doc that is really a .docx is read as
one, a .docx that is really an old .doc goes through LibreOffice.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from wengao.errors import Diagnostic, DocumentError
from wengao.i18n import t
from wengao.reading import limits
from wengao.reading.model import RawDocument
from wengao.reading.package import EMPTY_ZIP, OLE_MAGIC, ZIP_MAGIC, fail, is_encrypted_ole

TEXT_SUFFIXES = (".txt",)
DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
CONVERT_SUFFIXES = (".doc", ".dot", ".wps", ".wpt", ".odt", ".ott", ".rtf")
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES + CONVERT_SUFFIXES


def read_raw(path: Path, name: str | None = None) -> RawDocument:
    """Read one file; raises DocumentError (one located line) when it cannot."""
    path = Path(path)
    data = load(path)
    return read_bytes(data, str(path), name or path.name, path.suffix.lower())


def load(path: Path) -> bytes:
    """The file's bytes, after checking it is a regular, non-empty file within the size cap."""
    where = str(path)
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise fail(where, "read.not_found") from None
    except OSError as exc:
        raise fail(where, "read.unreadable", reason=exc.strerror or str(exc)) from None
    _check_stat(st, where)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise fail(where, "read.unreadable", reason=exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        _check_stat(st, where)  # it may have been swapped since the first look
        with os.fdopen(fd, "rb", closefd=False) as fh:
            # as many bytes as the file has (a read into a buffer the size of the cap costs more
            # than reading a small file), then, if it grew meanwhile, the rest up to the cap
            data = fh.read(min(st.st_size, limits.MAX_FILE_BYTES) + 1)
            if len(data) > st.st_size:
                data += fh.read(limits.MAX_FILE_BYTES + 1 - len(data))
    except OSError as exc:
        raise fail(where, "read.unreadable", reason=exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limits.MAX_FILE_BYTES:
        raise _too_big(where, len(data))
    if not data:
        raise fail(where, "read.empty")
    return data


def _check_stat(st: os.stat_result, where: str) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise fail(where, "read.is_directory")
    if not stat.S_ISREG(st.st_mode):
        raise fail(where, "read.not_regular")
    if st.st_size > limits.MAX_FILE_BYTES:
        raise _too_big(where, st.st_size)
    if st.st_size == 0:
        raise fail(where, "read.empty")


def _too_big(where: str, size: int) -> DocumentError:
    return fail(where, "read.too_big", "read.too_big_hint", size=limits.human_size(size),
                limit=limits.human_size(limits.MAX_FILE_BYTES))


def read_bytes(data: bytes, path: str, name: str, suffix: str) -> RawDocument:
    """Choose the reader from the content first, the suffix second."""
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        raise fail(path, "read.pdf", "read.pdf_hint")
    if suffix and suffix not in DOCUMENT_SUFFIXES:
        raise fail(path, "read.unsupported", "read.unsupported_hint", suffix=suffix)
    if data.startswith(OLE_MAGIC):
        if is_encrypted_ole(data):
            raise fail(path, "read.encrypted", "read.encrypted_hint")
        return _converted(data, path, name, suffix if suffix in CONVERT_SUFFIXES else ".doc")
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP)):
        if suffix in (".odt", ".ott"):
            return _converted(data, path, name, suffix)
        from wengao.reading.docx import read_docx

        return _guarded(read_docx, data, path, name)
    if data.startswith(b"{\\rtf"):
        return _converted(data, path, name, ".rtf")
    if suffix in DOCX_SUFFIXES:
        raise fail(path, "read.not_zip", "read.not_zip_hint")
    if suffix in CONVERT_SUFFIXES:  # e.g. a .doc that is really HTML: LibreOffice sniffs it
        return _converted(data, path, name, suffix)
    from wengao.reading.txt import read_txt

    return read_txt(data, path, name)


def _converted(data: bytes, path: str, name: str, suffix: str) -> RawDocument:
    from dataclasses import replace

    from wengao.reading.convert import convert_to_docx
    from wengao.reading.docx import read_docx

    docx = convert_to_docx(data, path, suffix)
    return replace(_guarded(read_docx, docx, path, name), converted_from=suffix)


def _guarded(reader, data: bytes, path: str, name: str) -> RawDocument:  # noqa: ANN001
    """A damaged package can fail in ways no check foresaw: still one line, no traceback."""
    try:
        return reader(data, path, name)
    except DocumentError:
        raise
    except RecursionError:
        raise fail(path, "read.docx_broken", reason="nested too deeply") from None
    except MemoryError:
        raise fail(path, "read.docx_broken", reason="out of memory") from None
    except Exception as exc:  # noqa: BLE001 — hostile input, not a bug we can fix here
        if os.environ.get("WENGAO_DEBUG"):
            raise
        raise fail(path, "read.docx_broken", reason=f"{type(exc).__name__}: {exc}") from None


def expand_inputs(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """The documents to read, each with the name provenance cites.

    A folder gives its documents (by suffix, recursively, sorted), named relative to it; hidden
    files and folders and Office lock files (~$…) are skipped. A file given by name is taken
    whatever its suffix (reading it then says if it cannot be read). Every missing input is
    reported before anything is read.
    """
    items = [Path(p) for p in paths]
    missing = [p for p in items if not os.path.lexists(p)]
    if missing:
        raise DocumentError([Diagnostic(str(p), 0, 0, t("read.not_found")) for p in missing])
    found: dict[Path, tuple[Path, str]] = {}
    for item in items:
        if item.is_dir():
            for full in walk_files(item, DOCUMENT_SUFFIXES):
                found.setdefault(_key(full), (full, full.relative_to(item).as_posix()))
        else:
            found.setdefault(_key(item), (item, item.name))
    return sorted(found.values(), key=lambda pn: (pn[1], str(pn[0])))


def walk_files(folder: Path, suffixes: Collection[str]) -> Iterator[Path]:
    """Every file under `folder`, recursively, whose lower-cased suffix is in `suffixes`; hidden
    files and folders and Office lock files (~$…) skipped, sub-folders visited in name order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith((".", "~$")) and Path(name).suffix.lower() in suffixes:
                yield Path(root) / name


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
