"""`wengao check`: proofread drafts (.docx, .txt, outlines) and report, annotate or both."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def check(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="check.help.paths", show_default=False, metavar="cli.metavar.inputs")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="check.help.json")] = False,
    annotate: Annotated[Path | None, typer.Option(
        "--annotate", help="check.help.annotate", metavar="OUT.docx")] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="check.help.force")] = False,
    against: Annotated[Path | None, typer.Option("--against", help="check.help.against")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="check.help.config")] = None,
    bank: Annotated[Path | None, typer.Option("--bank", help="check.help.bank")] = None,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="check.help.list-rules")] = False,
) -> None:
    from wengao.check import run_check
    from wengao.check.report import as_json, lines, summary
    from wengao.cli.handle import report
    from wengao.i18n import t

    if list_rules:
        from wengao.check.rules import RULES

        for name, spec in RULES.items():
            typer.echo(f"{name:28} {t('diag.' + spec.severity.value):4}  {t('check.rule.' + name)}")
        return
    run = run_check(list(paths or []), against=against, config=config, bank=bank,
                    annotate=annotate, force=force)
    for r in run.results:
        if r.error is not None:
            report(r.error)
    if json_out:
        typer.echo(as_json(run.results))
    elif any(r.findings for r in run.results):
        typer.echo("\n".join(lines(run.results)))
    if run.annotated is not None:
        typer.echo(t("check.annotated", path=run.annotated, count=run.comments), err=True)
    typer.echo(summary(run.results), err=True)
    raise typer.Exit(run.exit_code)
