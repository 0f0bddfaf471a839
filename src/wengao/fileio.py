"""Writing outputs atomically, and never over a file the user may have edited unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from wengao.errors import EXIT_USAGE, WengaoError


def check_writable(path: Path, *, force: bool) -> None:
    if path.exists() and not force:
        raise WengaoError.single(str(path), "output file already exists, not overwritten",
                                 hint="pass --force to replace it", exit_code=EXIT_USAGE)
    if path.is_dir():
        raise WengaoError.single(str(path), "output path is a directory", exit_code=EXIT_USAGE)


def atomic_write(path: Path, data: bytes, *, force: bool) -> None:
    """Write to a temporary file beside the target, then rename: no half-written output."""
    check_writable(path, force=force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise WengaoError.single(str(path), f"cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        check_writable(path, force=force)  # it may have appeared while we worked
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WengaoError.single(str(path), f"cannot write: {exc.strerror or exc}") from None
        raise
