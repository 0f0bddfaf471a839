"""Where templates, the reference document and the phrase bank are found.

Order: an explicit option, then the current workspace (./templates, ./phrasebank), then the
copies built into the package (a wheel carries them under wengao/_data).
"""

from __future__ import annotations

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
    """The genre's template folders, the workspace's first so its files override by name."""
    dirs = []
    ws = (workspace or Path.cwd()) / "templates" / genre
    if ws.is_dir():
        dirs.append(ws)
    builtin = builtin_dir("templates") / genre
    if builtin.is_dir() and builtin.resolve() not in {d.resolve() for d in dirs}:
        dirs.append(builtin)
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
