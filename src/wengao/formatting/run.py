"""format for files and folders: read, lay out, write through the conservation check, report.

One file is formatted by `format_file` (it raises WengaoError); a folder by `format_paths`,
which formats every document in it, reports each (done / unchanged / failed with its reason)
and goes on after a failure.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from wengao.errors import Diagnostic, OutputError, ReferenceDocError, UsageError, WengaoError
from wengao.formatting.layout import Layout, layout
from wengao.i18n import t
from wengao.reading.model import Document, Genre

OUTPUT_SUFFIX = "-排版"  # the same in every language: file names do not change with the locale


@dataclass(frozen=True)
class FormatOptions:
    genre: Genre | None = None  # None: as detected
    reference: Path | None = None  # None: ./templates/reference.docx, else the built-in one
    force: bool = False
    dry_run: bool = False
    pdf: bool = False  # a PDF beside each .docx follows: its path is checked before the .docx is written


class Status(Enum):
    DONE = "done"
    UNCHANGED = "unchanged"  # the output already holds exactly this
    PLANNED = "planned"  # --dry-run: what would be written
    FAILED = "failed"


@dataclass
class Outcome:
    source: Path
    target: Path | None
    status: Status
    layout: Layout | None = None
    error: WengaoError | None = None


def default_output(source: Path) -> Path:
    """Beside the original: 初稿.docx → 初稿-排版.docx; a folder 材料/ → 材料-排版/."""
    suffix = OUTPUT_SUFFIX
    if source.is_dir():
        return source.with_name(source.name + suffix)
    return source.with_name(source.stem + suffix + ".docx")


def _date(doc: Document) -> dt.date | None:
    """The date printed in the document (year, month and day as far as given), if valid."""
    parts = [int(x) for x in doc.front.date.split("-") if x.isdigit()] if doc.front.date else []
    try:
        return dt.date(parts[0], *(parts[1:3] + [1, 1])[:2]) if parts else None
    except ValueError:
        return None


def format_bytes(doc: Document, opts: FormatOptions) -> tuple[bytes, Layout]:
    """The formatted .docx of a read document, checked word for word against the original."""
    from wengao.docx.writer import DocProps, document_time, write_docx
    from wengao.formatting.conserve import check
    from wengao.genres import GENRES
    from wengao.workspace import default_reference

    lay = layout(doc, opts.genre)
    reference = opts.reference or default_reference()
    if not reference.is_file():
        raise ReferenceDocError.single(str(reference), t("format.no_reference"))
    genre = lay.summary.genre
    props = DocProps(title=doc.front.title, author=doc.front.author,
                     subject=GENRES[genre.value].label if genre.value in GENRES else "",
                     created=document_time(_date(doc)))
    data = write_docx(lay.blocks, reference, props)
    assert doc.raw is not None
    miss = check(doc.raw, data)
    if miss is not None:
        raise OutputError([Diagnostic(doc.raw.path, miss.pos, 0, t(
            "format.not_conserved", part=t(f"format.part_{miss.stream}"), expected=miss.expected,
            found=miss.found), hint=t("format.not_conserved_hint"))])
    return data, lay


def _read(source: Path, name: str | None = None) -> Document:
    from wengao.reading import read_document

    return read_document(source, name)


def format_file(source: Path, target: Path | None, opts: FormatOptions, name: str | None = None) -> Outcome:
    """Format one document into `target` (not written with --dry-run)."""
    from wengao.fileio import atomic_write, check_writable

    if target is not None:
        if target.suffix.lower() != ".docx":
            raise UsageError.single(str(target), t("format.output_not_docx"))
        if target.resolve() == source.resolve():
            raise UsageError.single(str(target), t("format.output_is_input"),
                                    hint=t("format.output_is_input_hint"))
    doc = _read(source, name)
    data, lay = format_bytes(doc, opts)
    if opts.dry_run or target is None:
        return Outcome(source, target, Status.PLANNED, lay)
    if target.is_file() and target.read_bytes() == data:
        return Outcome(source, target, Status.UNCHANGED, lay)
    check_writable(target, force=opts.force)
    if opts.pdf:  # both outputs or neither: not a .docx and then a refused PDF
        from wengao.pdf import check_pdf_writable

        check_pdf_writable(target, force=opts.force)
    atomic_write(target, data, force=opts.force)
    return Outcome(source, target, Status.DONE, lay)


def documents_in(folder: Path, skip: Path | None = None) -> list[tuple[Path, str]]:
    """The documents under a folder (the readers' rule: by suffix, sorted, hidden files and
    Word's ~$ lock files left out), without those under `skip` (the output folder)."""
    from wengao.reading import expand_inputs

    skip_resolved = skip.resolve() if skip is not None else None
    return [(path, name) for path, name in expand_inputs([folder])
            if skip_resolved is None or skip_resolved not in path.resolve().parents]


def format_folder(folder: Path, out_dir: Path, opts: FormatOptions,
                  progress: Callable[[int, int, str], None] | None = None) -> list[Outcome]:
    """Every document under `folder` into the same place under `out_dir`; a failure is reported
    in its Outcome and the run goes on."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError.single(str(out_dir), t("format.output_not_folder"))
    docs = documents_in(folder, skip=out_dir)
    outcomes: list[Outcome] = []
    taken: dict[Path, str] = {}
    for k, (path, name) in enumerate(docs, 1):
        if progress is not None:
            progress(k - 1, len(docs), name)
        target = out_dir / Path(name).with_suffix(".docx")
        if target in taken:
            err = UsageError.single(str(path), t("format.same_output", other=taken[target], target=str(target)))
            outcomes.append(Outcome(path, target, Status.FAILED, error=err))
            continue
        taken[target] = name
        try:
            outcomes.append(format_file(path, target, opts, name))
        except WengaoError as err:
            outcomes.append(Outcome(path, target, Status.FAILED, error=err))
        except MemoryError:
            outcomes.append(Outcome(path, target, Status.FAILED, error=WengaoError.single(
                str(path), t("format.too_big"))))
        except Exception as exc:  # a bug met on one document must not stop the others
            if os.environ.get("WENGAO_DEBUG"):
                raise
            outcomes.append(Outcome(path, target, Status.FAILED, error=WengaoError.single(
                str(path), t("format.internal", error=f"{type(exc).__name__}: {exc}"), exit_code=70)))
    if progress is not None and docs:
        progress(len(docs), len(docs), "")
    return outcomes
