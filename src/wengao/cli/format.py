"""`wengao format`: an existing draft (or a folder of them) re-typeset to GB/T 9704, every word kept."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def format_(
    source: Annotated[Path, typer.Argument(help="format.cli.source", show_default=False, metavar="IN")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="format.cli.output")] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="format.cli.force")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="format.cli.dry_run")] = False,
    genre: Annotated[str | None, typer.Option("--genre", help="format.cli.genre")] = None,
    reference: Annotated[Path | None, typer.Option("--reference", "-r", help="format.cli.reference")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="format.cli.pdf")] = False,
) -> None:
    from wengao.formatting.command import run_format

    code = run_format(source, output, force=force, dry_run=dry_run, genre=genre, reference=reference, pdf=pdf,
                      echo=typer.echo, progress=sys.stderr.isatty())
    if code:
        raise typer.Exit(code)
