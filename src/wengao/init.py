"""`wengao init`: copy the built-in templates and phrase bank into a folder to edit.

wengao looks in ./templates and ./phrasebank before its built-in copies, so a writer's office
restyles and extends wengao by editing these files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from wengao.errors import UsageError
from wengao.i18n import t
from wengao.workspace import builtin_dir


def init_workspace(target: Path, *, force: bool) -> list[Path]:
    plan: list[tuple[Path, Path]] = []
    templates = builtin_dir("templates")
    for src in sorted(templates.rglob("*")):
        if src.is_file():
            plan.append((src, target / "templates" / src.relative_to(templates)))
    bank = builtin_dir("phrasebank")
    for src in sorted(bank.glob("*")):
        if src.is_file() and (src.suffix == ".yaml" or src.name == "README.md"):
            plan.append((src, target / "phrasebank" / src.name))
    existing = [dst for _, dst in plan if dst.exists()]
    if existing and not force:
        raise UsageError.single(str(existing[0]), t("build.init.exists", count=len(existing)),
                                hint=t("build.init.exists.hint"))
    for src, dst in plan:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    (target / "drafts").mkdir(parents=True, exist_ok=True)
    return [dst for _, dst in plan]
