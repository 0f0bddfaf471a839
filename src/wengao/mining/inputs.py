"""The documents a mine reads: every input checked before anything is read or written."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from wengao.errors import Diagnostic, DocumentError

DEFAULT_SUFFIXES = (".txt", ".docx")


def suffixes() -> tuple[str, ...]:
    """What the reading layer can read (it may convert .doc/.wps through LibreOffice)."""
    try:
        from wengao.reading import readers

        found = getattr(readers, "SUFFIXES", None)
    except ImportError:  # pragma: no cover - the reading layer is part of wengao
        found = None
    return tuple(found) if found else DEFAULT_SUFFIXES


def collect(inputs: Iterable[Path]) -> list[tuple[Path, str]]:
    """Files to read, sorted, each with the name its sources will cite (relative to the folder
    given). Every input that does not exist or is not a file or folder is reported at once."""
    from wengao.i18n import t

    found: dict[Path, str] = {}
    problems: list[Diagnostic] = []
    wanted = suffixes()
    for item in inputs:
        try:
            st = os.stat(item)
        except FileNotFoundError:
            problems.append(Diagnostic(str(item), 0, 0, t("mining.no_input")))
            continue
        except OSError as exc:
            problems.append(Diagnostic(str(item), 0, 0, t("mining.input_unreadable", reason=exc.strerror or str(exc))))
            continue
        if stat.S_ISDIR(st.st_mode):
            if not os.access(item, os.R_OK | os.X_OK):
                problems.append(Diagnostic(str(item), 0, 0, t("mining.input_unreadable", reason="permission denied")))
                continue
            for p in sorted(item.rglob("*")):
                if p.name.startswith((".", "~$")) or p.suffix.lower() not in wanted:
                    continue
                if p.is_file():
                    found.setdefault(p, p.relative_to(item).as_posix())
        elif stat.S_ISREG(st.st_mode):
            found.setdefault(item, item.name)
        else:
            problems.append(Diagnostic(str(item), 0, 0, t("mining.not_regular")))
    if problems:
        raise DocumentError(problems)
    return sorted(found.items(), key=lambda kv: kv[1])
