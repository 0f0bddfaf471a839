""".doc, .wps, .odt and .rtf through LibreOffice: converted to .docx in a private folder, then
read by the .docx reader.

Many offices still keep their archive as .doc or WPS files; only LibreOffice reads them
reliably offline. It runs headless with its own throw-away profile (so it neither touches the
user's LibreOffice settings nor collides with a LibreOffice the user has open), on a copy of the
file in a temporary folder (so no lock file appears beside the user's document), under a
timeout that kills the whole process group. Without LibreOffice the user is told what to install.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from wengao.reading import limits
from wengao.reading.package import fail
from wengao.soffice import convert_command, find_soffice, run

__all__ = ["convert_to_docx", "find_soffice"]

def convert_to_docx(data: bytes, path: str, suffix: str) -> bytes:
    """The .docx LibreOffice makes of `data` (a file whose format `suffix` names)."""
    exe = find_soffice()
    if exe is None:
        raise fail(path, "read.convert_missing", "read.convert_missing_hint", suffix=suffix)
    try:
        return _convert(exe, data, path, suffix)
    except OSError as exc:  # no room in the temporary folder, or it vanished
        raise fail(path, "read.convert_failed", "read.convert_hint", reason=exc.strerror or str(exc)) from None


def _convert(exe: str, data: bytes, path: str, suffix: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="wengao-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"input{suffix}"
        source.write_bytes(data)
        out = folder / "out"
        ran = run(convert_command(exe, folder, "docx:MS Word 2007 XML", out, source), limits.CONVERT_TIMEOUT_S)
        if ran.error:
            raise fail(path, "read.convert_failed", "read.convert_hint", reason=ran.error)
        if ran.timed_out:
            raise fail(path, "read.convert_timeout", "read.convert_hint", seconds=limits.CONVERT_TIMEOUT_S)
        said = ran.said[-1] if ran.said else ""
        if ran.returncode:
            raise fail(path, "read.convert_failed", "read.convert_hint", reason=said or f"exit status {ran.returncode}")
        result = out / "input.docx"
        if not result.is_file():  # LibreOffice may exit 0 and only say "Error: …"
            raise fail(path, "read.convert_failed", "read.convert_hint", reason=said or "no output")
        if result.stat().st_size > limits.MAX_FILE_BYTES:
            raise fail(path, "read.convert_failed", "read.convert_hint", reason="output too big")
        return result.read_bytes()
