"""`wengao mine`: a phrase bank from past documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wengao.i18n import t


def mine(
    inputs: Annotated[list[Path], typer.Argument(
        help="cli.mine.inputs", show_default=False, metavar="cli.metavar.inputs")],
    output: Annotated[Path, typer.Option("-o", "--output", help="cli.mine.output")],
    repairs: Annotated[list[Path] | None, typer.Option("--repairs", help="cli.mine.repairs")] = None,
    topics: Annotated[list[Path] | None, typer.Option("--topics", help="cli.mine.topics")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="cli.mine.quiet")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="cli.mine.jobs")] = 0,
    keep_all: Annotated[bool, typer.Option("--keep-all", help="cli.mine.keep_all")] = False,
) -> None:
    from wengao.mining.pipeline import mine as run_mine
    from wengao.progress import draw_bar

    show = sys.stderr.isatty() and not quiet

    def progress(k: int, n: int, name: str) -> None:
        if show and n > 1:
            draw_bar(k, n, name)

    # every input is checked first; a run that finds no document raises and writes nothing
    _, summary = run_mine(inputs, output, repairs=repairs or None, topics=topics or None, progress=progress,
                          jobs=jobs, judge=not keep_all)
    if not quiet:
        for line in summary.lines():
            typer.echo(line)
        if summary.written:
            typer.echo(t("cli.mine.wrote", count=len(summary.written), folder=output))
        else:
            typer.echo(t("cli.mine.unchanged", folder=output))
