"""LibreOffice, for the two things wengao asks of it: reading .doc/.wps/.odt/.rtf and writing a
PDF. One way to find it and one way to run it: headless, with a throw-away user profile (it
neither touches the user's own settings nor collides with a LibreOffice the user has open),
under a timeout that kills its whole process group, as Ctrl-C does."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

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


def convert_command(exe: str, work: Path, target: str, out_dir: Path, *inputs: Path) -> list[str]:
    """`soffice --convert-to TARGET` with a private profile inside `work`."""
    return [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
            "--nologo", "--norestore", "--nolockcheck", "--nodefault", "--convert-to", target,
            "--outdir", str(out_dir), *(str(p) for p in inputs)]


@dataclass
class Ran:
    said: list[str] = field(default_factory=list)  # its non-empty output lines (the last explains)
    returncode: int | None = None
    timed_out: bool = False
    error: str = ""  # it could not be started


def run(cmd: list[str], timeout: float) -> Ran:
    posix = os.name == "posix"
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=posix)
    except OSError as exc:
        return Ran(error=str(exc.strerror or exc))
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc, posix)
        return Ran(timed_out=True)
    except BaseException:  # Ctrl-C: leave no LibreOffice behind
        _kill(proc, posix)
        raise
    said = [line.strip() for line in (out + b"\n" + err).decode("utf-8", "replace").splitlines() if line.strip()]
    return Ran(said, proc.returncode)


def _kill(proc: subprocess.Popen[bytes], posix: bool) -> None:
    with contextlib.suppress(OSError):
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    with contextlib.suppress(Exception):
        proc.communicate(timeout=10)
