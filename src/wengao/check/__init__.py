"""`wengao check`: proofread a draft the way an office's 校对 does.

    run_check(paths, …) → CheckRun: findings per file (and the annotated copy, if asked for)

Inputs go through the reading layer (.docx, .txt) or the outline loader (.yaml); the rules
(`check/rules/`, one module per family) report `Finding`s; `report` turns them into lines or
JSON; `annotate` writes them back into a copy of the .docx as Word comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wengao.check.engine import FileResult, check_file, expand
from wengao.errors import EXIT_INPUT, EXIT_OK, Diagnostic, Severity, UsageError

__all__ = ["CheckRun", "FileResult", "run_check"]


@dataclass
class CheckRun:
    results: list[FileResult]
    annotated: Path | None = None
    comments: int = 0

    @property
    def exit_code(self) -> int:
        for r in self.results:
            if r.error is not None:
                return r.error.exit_code or EXIT_INPUT
        if any(f.severity is Severity.ERROR for r in self.results for f in r.findings):
            return EXIT_INPUT
        return EXIT_OK


def run_check(paths: list[Path], *, against: Path | None = None, config: Path | None = None,
              bank: Path | None = None, annotate: Path | None = None, force: bool = False) -> CheckRun:
    """Check files and folders; with `annotate`, also write the commented copy of the one input."""
    from wengao.check.config import load_config
    from wengao.check.rules.base import Context
    from wengao.i18n import t

    files = expand(paths)
    if not files:
        raise UsageError([Diagnostic(", ".join(map(str, paths)) or ".", 0, 0, t("check.error.no-inputs"))])
    if annotate is not None:
        _check_annotate_target(files, annotate, force)
    ctx = Context(load_config(config), against=against, bank=bank)
    if against is not None:
        ctx.against_source  # noqa: B018 -- read it now: an unreadable --against stops the run
    results = [check_file(p, ctx) for p in files]
    run = CheckRun(results)
    if annotate is not None and results[0].error is None:
        from wengao.check.annotate import write_annotated

        run.comments = write_annotated(results[0], files[0], annotate, force=force)
        run.annotated = annotate
    return run


def _check_annotate_target(files: list[Path], out: Path, force: bool) -> None:
    from wengao.fileio import check_writable
    from wengao.i18n import t

    if len(files) != 1:
        raise UsageError([Diagnostic(str(out), 0, 0, t("check.error.annotate-many"))])
    if out.suffix.lower() != ".docx":
        raise UsageError([Diagnostic(str(out), 0, 0, t("check.error.annotate-suffix"))])
    try:
        same = out.exists() and out.resolve() == files[0].resolve()
    except OSError:
        same = False
    if same:
        raise UsageError([Diagnostic(str(out), 0, 0, t("check.error.annotate-self"))])
    check_writable(out, force=force)
