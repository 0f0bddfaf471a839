"""`wengao outline …`: work with outlines (extract one from an existing document)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wengao.cli.core import Command, Group
from wengao.i18n import t

app = typer.Typer(cls=Group, help="cli.outline.help", no_args_is_help=True, add_completion=False,
                  rich_markup_mode=None)


@app.command("extract", cls=Command, help="cli.outline.extract.help")
def extract(
    document: Annotated[Path, typer.Argument(
        help="cli.outline.extract.document", show_default=False, metavar="cli.metavar.document")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="cli.outline.extract.output")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="cli.outline.extract.json")] = False,
    force: Annotated[bool, typer.Option("--force", "-f", help="cli.replace")] = False,
) -> None:
    from wengao.extract import dump
    from wengao.extract import extract as run_extract

    result = run_extract(document)
    for w in result.warnings:
        typer.echo(w.format(), err=True)
    text = dump(result.outline, as_json=json_out)
    if output is None:
        typer.echo(text, nl=False)
        return
    from wengao.fileio import atomic_write

    atomic_write(output, text.encode("utf-8"), force=force)
    typer.echo(t("cli.wrote", path=output))
