"""`wengao mine`: a phrase bank from past documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wengao.errors import WengaoError
from wengao.i18n import t


def mine(
    inputs: Annotated[list[Path], typer.Argument(
        help="cli.mine.inputs", show_default=False, metavar="cli.metavar.inputs")],
    output: Annotated[Path, typer.Option("-o", "--output", help="cli.mine.output")],
    repairs: Annotated[list[Path] | None, typer.Option("--repairs", help="cli.mine.repairs")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="cli.mine.quiet")] = False,
) -> None:
    from wengao.mining.pipeline import mine as run_mine

    show = sys.stderr.isatty() and not quiet

    def progress(k: int, n: int, name: str) -> None:
        if show and n > 1:
            bar = 30
            done = bar * k // n
            sys.stderr.write(f"\r[{'#' * done}{'.' * (bar - done)}] {k}/{n} {name[:40]:<40}")
            sys.stderr.flush()
            if k == n:
                sys.stderr.write("\n")

    _, summary = run_mine(inputs, output, repairs=repairs or None, progress=progress)
    if not quiet:
        for line in summary.lines():
            typer.echo(line)
        typer.echo(t("cli.mine.wrote", count=len(summary.written), folder=output))
    if summary.files == 0:
        raise WengaoError.single(", ".join(map(str, inputs)), t("cli.mine.nothing"))
