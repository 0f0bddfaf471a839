"""Safe writes to a phrase bank folder: one writer at a time, all files or none.

A bank is several YAML files that must change together (a mine rewrites them all). Writers take
an exclusive lock on `.wengao.lock` in the folder and re-read what they change under it (read,
modify, write), so two `phrases add` at once, or an add during a mine, lose nothing.

All-or-nothing: the new files are written beside the old ones as temporaries, then a journal
naming every rename is committed with one atomic rename, then the renames are done. A writer
killed before the commit leaves only temporaries (removed by the next writer); killed after it,
the next reader or writer finishes the renames from the journal. Either way the bank is whole:
all old or all new.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".wengao.lock"
JOURNAL_NAME = ".wengao-journal.json"


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def bank_lock(bank: Path, *, shared: bool = False) -> Iterator[None]:
    """Hold the bank's lock (exclusive for writers). A folder we cannot write (a bank installed
    read-only) cannot change under us either: then reading goes on without a lock."""
    try:
        import fcntl
    except ImportError:  # not on this platform: no concurrent-writer protection
        yield
        return
    try:
        fd = os.open(bank / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        if not shared:
            raise
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def needs_recovery(bank: Path) -> bool:
    return (bank / JOURNAL_NAME).exists()


def recover(bank: Path) -> bool:
    """Finish a committed write that was cut short; drop temporaries of one that never committed.

    Call with the exclusive lock held. Returns True when a journal was replayed.
    """
    journal = bank / JOURNAL_NAME
    replayed = False
    if journal.exists():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            plan = {}
        for name, tmp in (plan.get("replace") or {}).items():
            src = bank / tmp
            if src.exists():
                os.replace(src, bank / name)
        for name in plan.get("delete") or []:
            with contextlib.suppress(FileNotFoundError):
                (bank / name).unlink()
        _fsync_dir(bank)
        journal.unlink(missing_ok=True)
        replayed = True
    for stale in bank.glob(".*.yaml.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    with contextlib.suppress(OSError):
        (bank / (JOURNAL_NAME + ".tmp")).unlink()
    return replayed


@contextlib.contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Ctrl-C between the commit and the last rename waits until the renames are done."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[object] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def _write_temp(bank: Path, name: str, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=bank)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return os.path.basename(tmp)


def commit(bank: Path, files: dict[str, bytes], delete: tuple[str, ...] | list[str] = ()) -> None:
    """Replace `files` (name → content) and remove `delete` in `bank`, all or nothing.

    Call with the exclusive lock held.
    """
    temps: dict[str, str] = {}
    try:
        for name, data in files.items():
            temps[name] = _write_temp(bank, name, data)
        plan = json.dumps({"replace": temps, "delete": list(delete)}, ensure_ascii=False)
        tmp_journal = bank / (JOURNAL_NAME + ".tmp")
        with open(tmp_journal, "w", encoding="utf-8") as fh:
            fh.write(plan)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        for tmp in temps.values():
            with contextlib.suppress(OSError):
                (bank / tmp).unlink()
        with contextlib.suppress(OSError):
            (bank / (JOURNAL_NAME + ".tmp")).unlink()
        raise
    with _sigint_deferred():
        os.replace(tmp_journal, bank / JOURNAL_NAME)  # the commit point
        _fsync_dir(bank)
        recover(bank)
