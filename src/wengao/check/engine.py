"""Run the rules over files: expand folders, read each file, collect, filter and order findings."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from wengao.check.model import Finding, Source
from wengao.check.rules import family_checks
from wengao.check.rules.base import Context
from wengao.check.source import OUTLINE_SUFFIXES, load_source
from wengao.errors import Severity, WengaoError


@dataclass
class FileResult:
    path: str
    source: Source | None = None
    findings: list[Finding] = field(default_factory=list)
    error: WengaoError | None = None  # the file could not be read

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def notes(self) -> int:
        return len(self.findings) - self.errors


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder → every document (what the readers read) and outline (.yaml) in
    it, recursively, in name order; hidden files and folders and Word's ~$ lock files skipped."""
    from wengao.reading.readers import DOCUMENT_SUFFIXES, walk_files

    wanted = (*DOCUMENT_SUFFIXES, *OUTLINE_SUFFIXES)
    out: list[Path] = []
    for p in paths:
        if not p.is_dir():
            out.append(p)
            continue
        out.extend(sorted(walk_files(p, wanted), key=lambda f: f.relative_to(p).as_posix()))
    return out


def check_source(src: Source, ctx: Context) -> list[Finding]:
    """Every finding of the enabled rules, with its configured severity, whitelist applied,
    duplicates dropped, in reading order."""
    cfg = ctx.config
    seen: set[tuple] = set()
    out: list[Finding] = []
    for family, run in family_checks():
        if not cfg.family_enabled(family):
            continue
        for f in run(src, ctx):
            severity = cfg.severity(f.rule)
            if severity is None:
                continue
            k = (f.rule, id(f.unit), f.offset, f.length)
            if k in seen or _whitelisted(f, cfg.whitelist):
                continue
            seen.add(k)
            out.append(dataclasses.replace(f, severity=severity))
    out = _drop_covered(out)
    order = {id(u): i for i, u in enumerate(src.units)}
    out.sort(key=lambda f: (f.position, order.get(id(f.unit), 0), f.offset, f.rule))
    return out


def _drop_covered(findings: list[Finding]) -> list[Finding]:
    """A note on characters an error already covers says nothing new (党中心 flagged as a wrong
    word is not also a synonym swap)."""
    errors: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        if f.severity is Severity.ERROR:
            errors.setdefault(id(f.unit), []).append((f.offset, f.offset + f.length))
    return [f for f in findings if f.severity is Severity.ERROR
            or not any(s <= f.offset and f.offset + f.length <= e for s, e in errors.get(id(f.unit), ()))]


def _whitelisted(f: Finding, words: list[str]) -> bool:
    text = f.unit.text
    s, e = f.offset, f.offset + f.length
    for w in words:
        i = text.find(w, max(0, s - len(w) + 1))
        while 0 <= i < e:
            if i + len(w) > s:
                return True
            i = text.find(w, i + 1)
    return False


def check_file(path: Path, ctx: Context) -> FileResult:
    name = str(path)
    try:
        src = load_source(path)
    except WengaoError as err:
        return FileResult(name, error=err)
    return FileResult(name, src, check_source(src, ctx))
