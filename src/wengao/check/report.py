"""Findings as the user reads them: one line each, a JSON list for scripts, a closing summary."""

from __future__ import annotations

import json

from wengao.check.engine import FileResult
from wengao.i18n import t


def lines(results: list[FileResult]) -> list[str]:
    """`file:line:col: 错误|提示 [rule]: message（建议：…）`, file by file."""
    out = []
    for r in results:
        for f in r.findings:
            out.append(f.diagnostic(r.path).format())
    return out


def as_json(results: list[FileResult]) -> str:
    items = []
    for r in results:
        for f in r.findings:
            line, col = f.position
            item = {"file": r.path, "line": line, "col": col, "rule": f.rule,
                    "severity": f.severity.value, "message": f.message, "text": f.text}
            if f.suggestion:
                item["suggestion"] = f.suggestion
            items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=1)


def summary(results: list[FileResult]) -> str:
    checked = [r for r in results if r.error is None]
    errors = sum(r.errors for r in checked)
    notes = sum(r.notes for r in checked)
    if not errors and not notes:
        text = t("check.summary-clean", files=len(checked))
    else:
        text = t("check.summary", files=len(checked), errors=errors, notes=notes)
    unread = len(results) - len(checked)
    return text + t("check.summary-unread", count=unread) if unread else text
