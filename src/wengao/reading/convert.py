""".doc, .wps, .odt and .rtf through LibreOffice: converted to .docx in a private folder, then
read by the .docx reader.

Many offices still keep their archive as .doc or WPS files; only LibreOffice reads them
reliably offline. It runs headless with its own throw-away profile (so it neither touches the
user's LibreOffice settings nor collides with a LibreOffice the user has open), on a copy of the
file in a temporary folder (so no lock file appears beside the user's document), under a
timeout that kills the whole process group. Without LibreOffice the user is told what to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from wengao.reading import limits
from wengao.reading.package import fail

_CANDIDATES = (
    "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
    "/usr/local/bin/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice executable: $WENGAO_SOFFICE, then PATH, then the usual install places."""
    chosen = os.environ.get("WENGAO_SOFFICE", "").strip()
    if chosen:
        return chosen if os.path.isfile(chosen) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _CANDIDATES:
        if os.path.isfile(candidate):
            return candidate
    for versioned in sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True):
        return str(versioned)
    return None


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
        cmd = [exe, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
               "--invisible", "--nologo", "--norestore", "--nolockcheck", "--nodefault",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        said = _run(cmd, path)
        result = out / "input.docx"
        if not result.is_file():  # LibreOffice may exit 0 and only say "Error: …"
            raise fail(path, "read.convert_failed", "read.convert_hint", reason=said or "no output")
        if result.stat().st_size > limits.MAX_FILE_BYTES:
            raise fail(path, "read.convert_failed", "read.convert_hint", reason="output too big")
        return result.read_bytes()


def _run(cmd: list[str], path: str) -> str:
    """Run LibreOffice; its last line of output (for a message when it made nothing)."""
    posix = os.name == "posix"
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=posix)
    except OSError as exc:
        raise fail(path, "read.convert_failed", "read.convert_hint", reason=exc.strerror or str(exc)) from None
    try:
        out, err = proc.communicate(timeout=limits.CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        _kill(proc, posix)
        raise fail(path, "read.convert_timeout", "read.convert_hint",
                   seconds=limits.CONVERT_TIMEOUT_S) from None
    except BaseException:  # Ctrl-C: leave no LibreOffice behind
        _kill(proc, posix)
        raise
    lines = [line.strip() for line in (out + b"\n" + err).decode("utf-8", "replace").splitlines()
             if line.strip()]
    if proc.returncode != 0:
        reason = lines[-1] if lines else f"exit status {proc.returncode}"
        raise fail(path, "read.convert_failed", "read.convert_hint", reason=reason)
    return lines[-1] if lines else ""


def _kill(proc: subprocess.Popen[bytes], posix: bool) -> None:
    with contextlib.suppress(OSError):
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    with contextlib.suppress(Exception):
        proc.communicate(timeout=10)
