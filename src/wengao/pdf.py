"""A PDF beside a written .docx, through LibreOffice where it is installed (build and format --pdf).

LibreOffice runs headless with a private, throw-away user profile (it neither touches the
user's own settings nor collides with a LibreOffice already open), converts into a private
folder, and each PDF is then moved into place with the same rules as every other output:
never over an existing file without --force, never half-written.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from wengao.errors import Diagnostic, OutputError, WengaoError
from wengao.i18n import t
from wengao.soffice import convert_command, run

TIMEOUT_S = 300  # per batch; LibreOffice takes a few seconds for a first start and a long document


def soffice() -> str | None:
    """The LibreOffice program ($WENGAO_SOFFICE, PATH, the usual places), or None."""
    from wengao.soffice import find_soffice

    return find_soffice()


def require_soffice(where: str = "--pdf") -> str:
    """Fail before doing any work when a PDF is asked for and LibreOffice is missing."""
    program = soffice()
    if program is None:
        raise OutputError([Diagnostic(where, 0, 0, t("format.pdf_no_soffice"),
                                      hint=t("format.pdf_no_soffice_hint"))])
    return program


def pdf_path(docx: Path) -> Path:
    return docx.with_suffix(".pdf")


def check_pdf_writable(docx: Path, *, force: bool) -> None:
    """Refuse the PDF beside `docx` before anything is written (both outputs or neither)."""
    from wengao.fileio import check_writable

    check_writable(pdf_path(docx), force=force)


def write_pdfs(docx_files: list[Path], *, force: bool) -> dict[Path, Path | WengaoError]:
    """Convert each .docx to a PDF beside it; returns docx → the PDF written, or why not."""
    from wengao.fileio import atomic_write

    program = require_soffice()
    results: dict[Path, Path | WengaoError] = {}
    todo: list[Path] = []
    for docx in docx_files:
        try:
            check_pdf_writable(docx, force=force)
            todo.append(docx)
        except WengaoError as err:
            results[docx] = err
    # LibreOffice names its output after the input: one batch per distinct file name.
    batches: list[list[Path]] = []
    for docx in todo:
        for batch in batches:
            if all(d.name != docx.name for d in batch):
                batch.append(docx)
                break
        else:
            batches.append([docx])
    for batch in batches:
        with tempfile.TemporaryDirectory(prefix="wengao-pdf-") as tmp:
            out_dir = Path(tmp) / "out"
            ran = run(convert_command(program, Path(tmp), "pdf", out_dir, *batch), TIMEOUT_S)
            reason = [ran.error] if ran.error else (
                [t("format.pdf_timeout", seconds=TIMEOUT_S)] if ran.timed_out else ran.said)
            for docx in batch:
                made = out_dir / (docx.stem + ".pdf")
                if not made.is_file():
                    why = reason[-1] if reason else "?"
                    results[docx] = OutputError.single(str(pdf_path(docx)), t("format.pdf_failed", reason=why))
                    continue
                try:
                    atomic_write(pdf_path(docx), made.read_bytes(), force=force)
                    results[docx] = pdf_path(docx)
                except WengaoError as err:
                    results[docx] = err
    return results
