"""What `wengao format` does between its arguments and its exit code (the CLI only parses and
prints): one file or a folder, --dry-run reports, --pdf, per-file results and a summary."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from wengao.errors import EXIT_INPUT, EXIT_OK, Diagnostic, DocumentError, UsageError, WengaoError
from wengao.formatting.report import describe
from wengao.formatting.run import (
    FormatOptions,
    Outcome,
    Status,
    default_output,
    format_file,
    format_folder,
)
from wengao.i18n import t
from wengao.progress import draw_bar
from wengao.reading.model import Genre

Echo = Callable[..., None]


def _print(message: str = "", err: bool = False) -> None:
    print(message, file=sys.stderr if err else sys.stdout)


def parse_genre(value: str | None) -> Genre | None:
    from wengao.genres import resolve_genre

    name = resolve_genre(value, "--genre")  # speech or 讲话稿: the one table in wengao.genres
    return Genre(name) if name is not None else None


def _report(outcome: Outcome, echo: Echo, dry_run: bool) -> None:
    if outcome.status is Status.FAILED:
        assert outcome.error is not None
        echo(t("format.failed", source=outcome.source), err=True)
        for d in outcome.error.diagnostics:
            echo("  " + d.format(), err=True)
    elif dry_run and outcome.layout is not None:
        lay = outcome.layout
        for line in describe(str(outcome.source), lay.summary, lay.changes, lay.paragraphs):
            echo(line)
    elif outcome.status is Status.UNCHANGED:
        echo(t("format.unchanged", target=outcome.target))
    elif outcome.status is Status.DONE:
        echo(t("format.done", target=outcome.target))


def _pdfs(outcomes: list[Outcome], force: bool, echo: Echo) -> int:
    from wengao.pdf import pdf_path, write_pdfs

    wanted = [o.target for o in outcomes if o.target is not None and (
        o.status is Status.DONE or (o.status is Status.UNCHANGED and not pdf_path(o.target).exists()))]
    failed = 0
    for result in write_pdfs(wanted, force=force).values():
        if isinstance(result, WengaoError):
            failed += 1
            for d in result.diagnostics:
                echo(d.format(), err=True)
        else:
            echo(t("format.pdf_done", target=result))
    return failed


def run_format(source: Path, output: Path | None, *, force: bool = False, dry_run: bool = False,
               genre: str | None = None, reference: Path | None = None, pdf: bool = False,
               echo: Echo = _print, progress: bool = False) -> int:
    """Format a file or a folder; returns the exit code. A single file's failure is raised."""
    opts = FormatOptions(genre=parse_genre(genre), reference=reference, force=force, dry_run=dry_run, pdf=pdf)
    if not source.exists():
        raise DocumentError([Diagnostic(str(source), 0, 0, t("format.not_found"))])
    if source.is_file() and source.suffix.lower() in (".yaml", ".yml"):  # an outline: build makes its draft
        raise UsageError.single(str(source), t("format.is_outline"),
                                hint=t("format.is_outline_hint", path=source))
    if pdf and not dry_run:
        from wengao.pdf import require_soffice

        require_soffice()
    if not source.is_dir():
        into_dir = output is not None and (output.is_dir() or not output.suffix)  # -o 排版后: a folder
        if output is None:
            target = default_output(source)
        else:
            target = output / (source.stem + ".docx") if into_dir else output
        outcome = format_file(source, target, opts)
        _report(outcome, echo, dry_run)
        if pdf and not dry_run and _pdfs([outcome], force, echo):
            return EXIT_INPUT
        return EXIT_OK
    out_dir = output or default_output(source)
    outcomes = format_folder(source, out_dir, opts, draw_bar if progress else None)
    if not outcomes:
        raise DocumentError([Diagnostic(str(source), 0, 0, t("format.empty_folder"))])
    for o in outcomes:
        _report(o, echo, dry_run)
    failed = sum(o.status is Status.FAILED for o in outcomes)
    if pdf and not dry_run:
        failed += _pdfs(outcomes, force, echo)
    echo(t("format.folder_summary", total=len(outcomes), done=sum(o.status is Status.DONE for o in outcomes),
           unchanged=sum(o.status is Status.UNCHANGED for o in outcomes),
           failed=sum(o.status is Status.FAILED for o in outcomes)))
    return EXIT_INPUT if failed else EXIT_OK
