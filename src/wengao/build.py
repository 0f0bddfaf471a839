"""The build pipeline: outline file → Outline → blocks → finished blocks → .docx bytes → file."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from wengao.document.blocks import Block
from wengao.document.normalize import normalize_blocks
from wengao.document.numbering import join_inline_points, number_blocks
from wengao.errors import EXIT_USAGE, WengaoError
from wengao.genres import GENRES
from wengao.outline.model import Outline, Text


@dataclass(frozen=True)
class BuildOptions:
    reference: Path | None = None
    workspace: Path | None = None
    annotate: bool = False
    force: bool = False
    bank: Path | None = None
    seed: str | None = None


def default_output(outline_path: Path) -> Path:
    return outline_path.with_suffix(".docx")


def build_time(outline: Outline) -> dt.datetime:
    """Document timestamps: SOURCE_DATE_EPOCH, else the outline's date, else a fixed epoch."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    if outline.date is not None:
        return dt.datetime(outline.date.year, outline.date.month, outline.date.day, tzinfo=dt.UTC)
    return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def outline_blocks(outline: Outline, opts: BuildOptions) -> list[Block]:
    """Everything between the validated outline and the writer: pure, no files written."""
    from wengao.render.render import render_outline
    from wengao.workspace import template_dirs

    dirs = template_dirs(outline.genre, opts.workspace)
    blocks = render_outline(outline, dirs, lambda genre: template_dirs(genre, opts.workspace))
    return normalize_blocks(join_inline_points(number_blocks(blocks)))


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
        raise WengaoError.single(str(bank), "phrase bank folder not found", hint="pass --bank DIR")
    return resolve_phrases(outline, BankIndex(bank), opts.seed)


def build_bytes(outline: Outline, opts: BuildOptions) -> tuple[bytes, int]:
    from wengao.docx.writer import DocProps, write_docx
    from wengao.workspace import default_reference

    outline = resolve(outline, opts)
    blocks = outline_blocks(outline, opts)
    reference = opts.reference or default_reference(opts.workspace)
    if not reference.is_file():
        raise WengaoError.single(str(reference), "reference document not found",
                                 hint="run `wengao reference -o templates/reference.docx`")
    author = _text(outline.speaker) or _text(outline.author)
    props = DocProps(
        title=_text(outline.title),
        author=author,
        subject=GENRES[outline.genre].label,
        keywords="，".join(outline.topics),
        created=build_time(outline),
    )
    placeholders = sum(b.text.count("【") for b in blocks)
    return write_docx(blocks, reference, props, annotate=opts.annotate), placeholders


@dataclass(frozen=True)
class Built:
    path: Path
    placeholders: int  # 【…】 left from a skeleton


def build_file(outline_path: Path, output: Path | None, opts: BuildOptions) -> Built:
    from wengao.fileio import atomic_write, check_writable
    from wengao.outline.load import load_outline

    out = output or default_output(outline_path)
    if out.suffix.lower() != ".docx":
        raise WengaoError.single(str(out), "the output file name must end in .docx",
                                 exit_code=EXIT_USAGE)
    if out.resolve() == outline_path.resolve():
        raise WengaoError.single(str(out), "the output would overwrite the outline", exit_code=EXIT_USAGE)
    check_writable(out, force=opts.force)  # fail before doing the work
    outline = load_outline(outline_path)
    data, placeholders = build_bytes(outline, opts)
    atomic_write(out, data, force=opts.force)
    return Built(out, placeholders)
