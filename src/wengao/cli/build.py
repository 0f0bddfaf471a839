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
    output: Annotated[str | None, typer.Option(  # a string: a trailing / says "a folder", and Path drops it
        "-o", "--output", help="cli.build.output", metavar="<path>")] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="cli.build.force")] = False,
    reference: Annotated[Path | None, typer.Option("--reference", "-r", help="cli.build.reference")] = None,
    annotate: Annotated[bool, typer.Option("--annotate", help="cli.build.annotate")] = False,
    bank: Annotated[Path | None, typer.Option("--bank", help="cli.build.bank")] = None,
    seed: Annotated[str | None, typer.Option("--seed", help="cli.build.seed")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="cli.build.strict")] = False,
    include_root: Annotated[Path | None, typer.Option("--include-root", help="cli.build.include_root")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="format.cli.pdf")] = False,
    loose: Annotated[bool, typer.Option("--loose", help="cli.build.loose")] = False,
) -> None:
    from wengao.build import BuildOptions, build_file

    if pdf:
        from wengao.pdf import require_soffice

        require_soffice()  # before any work: nothing written when LibreOffice is missing

    opts = BuildOptions(reference=reference, annotate=annotate, force=force, bank=bank, seed=seed,
                        strict=strict, include_root=include_root, loose=loose, pdf=pdf)
    out = Path(output) if output is not None else None
    # a folder: one that exists, one written with a trailing /, or, for several outlines, any
    # name but a .docx (created when the first draft is written, as format creates its own)
    into_dir = out is not None and (out.is_dir() or output.endswith(("/", os.sep)) or (
        len(outlines) > 1 and out.suffix.lower() != ".docx"))
    if len(outlines) > 1 and out is not None and not into_dir:
        raise UsageError.single(str(out), t("cli.build.output_folder"))
    if into_dir and out is not None and out.exists() and not out.is_dir():
        raise UsageError.single(str(out), t("cli.build.output_folder"))
    failures: list[WengaoError] = []
    written_paths: list[Path] = []
    for path in outlines:
        target = (out / path.with_suffix(".docx").name) if into_dir and out is not None else out
        try:
            written = build_file(path, target, opts)
        except WengaoError as err:
            failures.append(err)
            continue
        for warning in written.warnings:
            typer.echo(warning.format(), err=True)
        typer.echo(t("cli.wrote", path=written.path))
        written_paths.append(written.path)
        if written.placeholders > 1:
            typer.echo(t("cli.build.placeholders", count=written.placeholders), err=True)
    if pdf and written_paths:
        from wengao.pdf import write_pdfs

        for result in write_pdfs(written_paths, force=force).values():
            if isinstance(result, WengaoError):
                failures.append(result)
            else:
                typer.echo(t("cli.wrote", path=result))
    if failures:
        codes = {err.exit_code for err in failures}
        raise WengaoError([d for err in failures for d in err.diagnostics],
                          codes.pop() if len(codes) == 1 else EXIT_INPUT)
