"""Findings → Word comments in a copy of the checked file (the original is only read).

A .docx gets its comments in place, anchored on the flagged characters. A .txt or an outline has
no Word layout to keep: the copy is a plain .docx with one paragraph per line of the file, so
paragraph n is line n and every comment sits on the characters the report names.
"""

from __future__ import annotations

from pathlib import Path

from wengao.check.engine import FileResult
from wengao.check.model import Finding, InputKind
from wengao.errors import Diagnostic, DocumentError
from wengao.i18n import t


def note(f: Finding) -> str:
    """The comment's text: `错误 [rule]: message（建议：…）`."""
    text = f"{t('diag.' + f.severity.value)} [{f.rule}]: {f.message}"
    if f.suggestion:
        text += t("diag.suggestion", suggestion=f.suggestion)
    return text


def write_annotated(result: FileResult, path: Path, out: Path, *, force: bool) -> int:
    """Write the commented copy; returns the number of comments."""
    from wengao.docx.comments import Anchor, PackageError, annotate_docx, lines_docx
    from wengao.fileio import atomic_write

    src = result.source
    assert src is not None
    anchors = []
    if src.kind is InputKind.DOCX:
        for f in result.findings:
            start = max(f.offset - f.unit.prefix, 0)
            anchors.append(Anchor(f.unit.line, start, f.text, note(f), f.unit.cell))
        try:
            data = annotate_docx(path.read_bytes(), anchors)
        except (PackageError, OSError) as exc:
            raise DocumentError([Diagnostic(result.path, 0, 0,
                                            t("check.error.annotate-package", why=exc))]) from None
    else:
        from wengao.check.source import file_lines

        lines = file_lines(path, result.path)
        for f in result.findings:
            line, col = f.position
            flagged = f.text.split("\n")[0]
            anchors.append(Anchor(line, col - 1, flagged, note(f)))
        data = annotate_docx(lines_docx(lines, path.name), anchors)
    atomic_write(out, data, force=force)
    return len(anchors)
