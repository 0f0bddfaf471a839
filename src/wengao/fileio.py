"""Writing outputs atomically, and never over a file the user may have edited unless asked.

The data goes to a temporary file beside the target, which then takes the target's name in one
step: without --force by a hard link, which fails if the name exists (two builds racing for one
path cannot both "write"); with --force by a rename, keeping the replaced file's permissions.
A temporary file whose writer was killed (SIGKILL cannot be caught) is removed by the next
write beside it.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import tempfile
import time
from pathlib import Path

from wengao.errors import OutputError, UsageError
from wengao.i18n import t

_STALE_SECONDS = 3600


def check_writable(path: Path, *, force: bool) -> None:
    if path.is_dir():
        raise UsageError.single(str(path), t("build.output.directory"))
    if path.exists() and not force:
        raise UsageError.single(str(path), t("build.output.exists"), hint=t("build.output.exists.hint"))


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.wengao-"


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of this target left by a writer that no longer runs."""
    prefix = _temp_prefix(path)
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        pid_text = entry.name[len(prefix):].split("-", 1)[0]
        alive = False
        if pid_text.isdigit() and int(pid_text) != os.getpid():
            try:
                os.kill(int(pid_text), 0)
                alive = True
            except PermissionError:
                alive = True
            except OSError:
                alive = False
        with contextlib.suppress(OSError):
            if not alive or now - entry.stat().st_mtime > _STALE_SECONDS:
                os.unlink(entry.path)


def atomic_write(path: Path, data: bytes, *, force: bool) -> None:
    """Write data to path all at once, or not at all."""
    check_writable(path, force=force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(path)
        fd, tmp = tempfile.mkstemp(prefix=f"{_temp_prefix(path)}{os.getpid()}-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError.single(str(path), t("build.output.cannot_create", reason=exc.strerror or exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode) if force else None
        except FileNotFoundError:
            mode = None
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        if force:
            os.replace(tmp, path)
        else:
            _link_exclusively(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, FileExistsError):
            raise UsageError.single(str(path), t("build.output.exists"), hint=t("build.output.exists.hint")) from None
        if isinstance(exc, OSError):
            raise OutputError.single(str(path), t("build.output.cannot_write", reason=exc.strerror or exc)) from None
        raise


def _link_exclusively(tmp: str, path: Path) -> None:
    """Give tmp the name path, failing with FileExistsError if path exists meanwhile."""
    try:
        os.link(tmp, path)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # a file system without hard links: reserve the name, then move the data over it
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.replace(tmp, path)
    else:
        os.unlink(tmp)
