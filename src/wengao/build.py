"""The build pipeline: outline file → Outline → blocks → finished blocks → .docx bytes → file."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from wengao.document.blocks import Block
from wengao.document.normalize import normalize_blocks
from wengao.document.numbering import join_inline_points, join_run_in, number_blocks
from wengao.errors import (
    BankError,
    Diagnostic,
    OutlineError,
    ReferenceDocError,
    Severity,
    UsageError,
)
from wengao.genres import GENRES
from wengao.i18n import t
from wengao.outline.model import Outline, Text


@dataclass(frozen=True)
class BuildOptions:
    reference: Path | None = None
    workspace: Path | None = None
    annotate: bool = False
    force: bool = False
    bank: Path | None = None
    seed: str | None = None
    strict: bool = False  # placeholders 【…】 or other warnings stop the build before writing
    include_root: Path | None = None  # where `include:` may reach (default: the outline's folder)
    loose: bool = False  # a pick that fits nothing on the outline's topics and genre may widen (warned)
    pdf: bool = False  # a PDF beside the .docx follows: its path is checked before anything is written


def default_output(outline_path: Path) -> Path:
    return outline_path.with_suffix(".docx")


def outline_blocks(outline: Outline, opts: BuildOptions) -> list[Block]:
    """Everything between the validated outline and the writer: pure, no files written."""
    from wengao.render.render import render_outline
    from wengao.workspace import template_dirs

    dirs = template_dirs(outline.genre, opts.workspace)
    blocks = render_outline(outline, dirs, lambda genre: template_dirs(genre, opts.workspace))
    return normalize_blocks(join_run_in(join_inline_points(number_blocks(blocks))))


def _text(value: object) -> str:
    return value.value if isinstance(value, Text) else (str(value) if value else "")


def resolve(outline: Outline, opts: BuildOptions) -> Outline:
    """Phrase references and picks become text; the bank is opened only when needed."""
    from wengao.outline.walk import has_refs

    if not has_refs(outline):
        return outline
    from wengao.phrases.index import BankIndex
    from wengao.phrases.select import resolve_phrases
    from wengao.workspace import default_bank

    bank = opts.bank or default_bank(opts.workspace)
    if not bank.is_dir():
        raise BankError.single(str(bank), t("build.no_bank"), hint=t("build.no_bank.hint"))
    resolved = resolve_phrases(outline, BankIndex(bank), opts.seed, loose=opts.loose)
    if opts.annotate:
        from wengao.provenance import titled_sources

        resolved = titled_sources(resolved, bank)
    return resolved


def placeholders(outline: Outline) -> list[Diagnostic]:
    """Every 【…】 still in the outline (or in a phrase it reuses), at its file:line:col."""
    from wengao.outline.walk import texts

    found: list[Diagnostic] = []
    for part in (outline, *outline.parts):
        for value in texts(part):
            if isinstance(value, Text) and "【" in value.value:
                at = value.value.index("【")
                end = value.value.find("】", at)
                snippet = value.value[at: end + 1 if 0 <= end - at < 30 else at + 12]
                found.append(Diagnostic(part.path, value.line, value.col, t("outline.placeholder", text=snippet),
                                        severity=Severity.WARNING))
    return sorted(found, key=lambda d: (d.path != outline.path, d.path, d.line, d.col))


def build_bytes(outline: Outline, opts: BuildOptions) -> bytes:
    """The .docx of an outline whose phrases are resolved."""
    from wengao.docx.writer import DocProps, document_time, write_docx
    from wengao.workspace import default_reference

    blocks = outline_blocks(outline, opts)
    reference = opts.reference or default_reference(opts.workspace)
    if not reference.is_file():
        raise ReferenceDocError.single(str(reference), t("build.no_reference"), hint=t("build.no_reference.hint"))
    author = _text(outline.speaker) or _text(outline.author)
    props = DocProps(
        title=_text(outline.title),
        author=author,
        subject=GENRES[outline.genre].label,
        keywords="，".join(outline.topics),
        created=document_time(outline.date if isinstance(outline.date, dt.date) else None),
    )
    return write_docx(blocks, reference, props, annotate=opts.annotate)


@dataclass(frozen=True)
class Built:
    path: Path
    warnings: list[Diagnostic] = field(default_factory=list)  # placeholders 【…】 left, text cleaned …

    @property
    def placeholders(self) -> int:
        return sum(1 for w in self.warnings if "【" in w.message)


def build_file(outline_path: Path, output: Path | None, opts: BuildOptions) -> Built:
    from wengao.fileio import atomic_write, check_writable
    from wengao.outline.load import load_outline

    out = output or default_output(outline_path)
    if out.suffix.lower() != ".docx":
        raise UsageError.single(str(out), t("build.not_docx"))
    if out.resolve() == outline_path.resolve():
        raise UsageError.single(str(out), t("build.over_outline"))
    check_writable(out, force=opts.force)  # fail before doing the work
    if opts.pdf:  # both outputs or neither: not a .docx and then a refused PDF
        from wengao.pdf import check_pdf_writable

        check_pdf_writable(out, force=opts.force)
    outline = resolve(load_outline(outline_path, include_root=opts.include_root), opts)
    warnings = [*outline.warnings, *placeholders(outline)]
    if opts.strict and warnings:
        raise OutlineError([dataclasses.replace(w, severity=Severity.ERROR, hint=t("build.strict.hint"))
                            for w in warnings])
    atomic_write(out, build_bytes(outline, opts), force=opts.force)
    return Built(out, warnings)
