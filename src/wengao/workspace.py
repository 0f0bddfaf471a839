"""Where templates, the reference document and the phrase bank are found.

Order: an explicit option, then the current workspace (./templates, ./phrasebank), then the
copies built into the package (a wheel carries them under wengao/_data).
"""

from __future__ import annotations

import os
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def builtin_dir(name: str) -> Path:
    """templates/ or phrasebank/ shipped with wengao, from a wheel or from the source tree."""
    packaged = _PKG / "_data" / name
    if packaged.is_dir():
        return packaged
    source_tree = _PKG.parent.parent / name
    return source_tree


def template_dirs(genre: str, workspace: Path | None = None) -> list[Path]:
    """The genre's template folders, then the shared macros (_common); the workspace's copy of
    each comes first, so its files override the built-in ones by name."""
    dirs: list[Path] = []
    for sub in (genre, "_common"):
        for root in ((workspace or Path.cwd()) / "templates", builtin_dir("templates")):
            d = root / sub
            if d.is_dir() and d.resolve() not in {x.resolve() for x in dirs}:
                dirs.append(d)
    return dirs


def default_reference(workspace: Path | None = None) -> Path:
    ws = (workspace or Path.cwd()) / "templates" / "reference.docx"
    if ws.is_file():
        return ws
    return builtin_dir("templates") / "reference.docx"


def default_bank(workspace: Path | None = None) -> Path:
    ws = (workspace or Path.cwd()) / "phrasebank"
    if ws.is_dir() and any(ws.glob("*.yaml")):
        return ws
    return builtin_dir("phrasebank")


def workspace_bank(workspace: Path | None = None) -> Path | None:
    """./phrasebank when that folder exists (even empty): where a writer's own entries go."""
    folder = workspace / "phrasebank" if workspace is not None else Path("phrasebank")
    return folder if folder.is_dir() else None


def in_package(path: Path) -> bool:
    """A path inside the installed package's data (read, never written: an upgrade replaces it)."""
    return path.resolve().is_relative_to(_PKG / "_data")


def cache_dir() -> Path:
    """Derived data (search index, compiled templates): $WENGAO_CACHE, else the user's cache."""
    base = os.environ.get("WENGAO_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wengao"
