"""Read an outline file (any encoding we accept) into the validated model.

An outline is a small text file the writer made: only a regular file is read (a FIFO or
/dev/zero would never end), at most MAX_BYTES of it. Includes of a compilation stay inside
the outline's folder tree unless the caller widens the root, and may not go round in a circle.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from wengao.errors import OutlineError
from wengao.i18n import t
from wengao.outline.model import Outline

MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Scope:
    """Where includes may reach (a resolved folder) and the outlines being loaded, outermost first."""

    root: Path
    chain: tuple[Path, ...] = ()


def read_outline_text(path: Path) -> str:
    """The text of an outline file: regular files only, bounded, never blocking on a pipe."""
    from wengao.text.encoding import decode_bytes

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise OutlineError.single(str(path), t("outline.file.not_found")) from None
    except IsADirectoryError:
        raise OutlineError.single(str(path), t("outline.file.directory")) from None
    except OSError as exc:
        raise OutlineError.single(str(path), t("outline.file.unreadable", reason=exc.strerror or exc)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise OutlineError.single(str(path), t("outline.file.directory" if stat.S_ISDIR(mode)
                                               else "outline.file.not_regular"))
    with os.fdopen(fd, "rb") as fh:
        try:
            data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise OutlineError.single(str(path), t("outline.file.unreadable", reason=exc.strerror or exc)) from None
    if len(data) > MAX_BYTES:
        raise OutlineError.single(str(path), t("outline.file.too_big", mb=MAX_BYTES // (1024 * 1024)))
    try:
        text, _ = decode_bytes(data)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise OutlineError.single(str(path), t("outline.file.undecodable"), line=line, col=col,
                                  hint=t("outline.file.undecodable.hint")) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_outline(path: str | Path, *, part: bool = False, include_root: Path | None = None,
                 scope: Scope | None = None) -> Outline:
    """Load and validate an outline. include_root widens where `include:` may reach (by
    default the outline's own folder and those below it)."""
    from wengao.outline.validate import CHINESE_KEYS, validate
    from wengao.outline.yamlmarks import load_located

    p = Path(path)
    if scope is None:
        scope = Scope((include_root or p.parent).resolve())
    scope = Scope(scope.root, (*scope.chain, p.resolve()))
    text = read_outline_text(p)
    return validate(load_located(text, str(p), CHINESE_KEYS), part=part, scope=scope)
