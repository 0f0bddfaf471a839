"""`wengao build`: outlines in, .docx drafts out."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from wengao.errors import EXIT_INPUT, UsageError, WengaoError
from wengao.i18n import t


def build(
    outlines: Annotated[list[Path], typer.Argument(
        help="cli.build.outlines", show_default=False, metavar="OUTLINE.yaml")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="cli.build.output")] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="cli.build.force")] = False,
    reference: Annotated[Path | None, typer.Option("--reference", "-r", help="cli.build.reference")] = None,
    annotate: Annotated[bool, typer.Option("--annotate", help="cli.build.annotate")] = False,
    bank: Annotated[Path | None, typer.Option("--bank", help="cli.build.bank")] = None,
    seed: Annotated[str | None, typer.Option("--seed", help="cli.build.seed")] = None,
) -> None:
    from wengao.build import BuildOptions, build_file

    opts = BuildOptions(reference=reference, annotate=annotate, force=force, bank=bank, seed=seed)
    into_dir = output is not None and (output.is_dir() or str(output).endswith(("/", os.sep)))
    if len(outlines) > 1 and output is not None and not into_dir:
        raise UsageError.single(str(output), t("cli.build.output_folder"))
    failures: list[WengaoError] = []
    for path in outlines:
        target = (output / path.with_suffix(".docx").name) if into_dir else output
        try:
            written = build_file(path, target, opts)
        except WengaoError as err:
            failures.append(err)
            continue
        typer.echo(t("cli.wrote", path=written.path))
        if written.placeholders:
            typer.echo(t("cli.build.placeholders", path=path, count=written.placeholders), err=True)
    if failures:
        codes = {err.exit_code for err in failures}
        raise WengaoError([d for err in failures for d in err.diagnostics],
                          codes.pop() if len(codes) == 1 else EXIT_INPUT)
