"""`wengao init`: copies of the built-in templates and phrase bank, to edit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wengao.i18n import t


def init(
    folder: Annotated[Path, typer.Argument(help="cli.init.folder", metavar="cli.metavar.folder")] = Path("."),
    force: Annotated[bool, typer.Option("--force", "-f", help="cli.init.force")] = False,
) -> None:
    from wengao.init import init_workspace

    copied = init_workspace(folder, force=force)
    typer.echo(t("cli.init.done", count=len(copied), folder=folder))
