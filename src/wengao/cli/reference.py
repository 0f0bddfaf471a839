"""`wengao reference`: the built-in reference .docx, to restyle in Word."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wengao.i18n import t


def reference(
    output: Annotated[Path, typer.Option("-o", "--output", help="cli.reference.output")] = Path(
        "templates/reference.docx"),
    force: Annotated[bool, typer.Option("--force", "-f", help="cli.replace")] = False,
) -> None:
    from wengao.docx.writer import reference_bytes
    from wengao.fileio import atomic_write

    atomic_write(output, reference_bytes(), force=force)
    typer.echo(t("cli.wrote", path=output))
