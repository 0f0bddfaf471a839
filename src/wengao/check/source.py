"""Inputs → `Source`: documents through the reading layer, outlines through the YAML loader.

Documents (.docx, .txt and what the readers convert) give one unit per paragraph (`line` = the
reader's `pos`) and one per table cell; paragraphs the reader set aside as noise (site chrome,
page furniture) are not the writer's text and are not checked. Outlines give one unit per
string, located at its YAML line and column.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from wengao.check.model import InputKind, Source, Unit
from wengao.reading.model import BlockKind, Document, RawDocument

OUTLINE_SUFFIXES = (".yaml", ".yml")
# outline keys whose values are settings, not the writer's text
_SETTING_KEYS = frozenset({"genre", "phrase", "pick", "include", "style", "seed", "topics",
                           "topic", "function", "query", "numbering", "scheme", "reference", "toc"})


def load_source(path: Path) -> Source:
    """Read one file; raises DocumentError / OutlineError (one located line) when it cannot."""
    name = str(path)
    if path.suffix.lower() in OUTLINE_SUFFIXES:
        return _outline_source(path, name)
    from wengao.reading import parse, read_raw

    raw = read_raw(path)
    return document_source(raw, parse(raw), name)


def document_source(raw: RawDocument, doc: Document, name: str) -> Source:
    kinds: dict[int, BlockKind] = {}
    for b in doc.blocks:
        kinds.setdefault(b.pos, b.kind)
    units: list[Unit] = []
    for p in raw.paras:
        kind = kinds.get(p.pos)
        if kind is BlockKind.NOISE:
            continue
        if p.rows is not None:
            for r, row in enumerate(p.rows):
                for c, cell in enumerate(row):
                    if cell.strip():
                        units.append(Unit(cell, p.pos, 1, BlockKind.TABLE, cell=(r, c), body_from=-1))
            continue
        if not p.text.strip():
            continue
        prefix = 0
        if p.auto_number and p.text.startswith(p.auto_number):  # Word's numbering and its tab or space
            prefix = len(p.auto_number) + (p.text[len(p.auto_number):][:1] in ("\t", " ", "\u3000"))
        units.append(Unit(p.text, p.pos, 1, kind, prefix=prefix, body_from=_body_from(p.text, kind)))
    kind = InputKind.DOCX if raw.format.value == "docx" else InputKind.TXT
    return Source(name, kind, units, doc)


_PROSE_KINDS = (None, BlockKind.PARAGRAPH, BlockKind.POINT, BlockKind.CLOSING)
_SENTENCE_END = "。！？"


def _body_from(text: str, kind: BlockKind | None) -> int:
    """0 for running text; for a heading, where the text after its own sentence starts (run-in:
    （一）标题。正文…), −1 when there is none; −1 for titles, dates and other front matter."""
    if kind in _PROSE_KINDS:
        return 0
    if kind is BlockKind.HEADING:
        end = min((i for i in (text.find(c) for c in _SENTENCE_END) if i >= 0), default=-1)
        if 0 <= end < len(text.rstrip()) - 1:
            return end + 1
    return -1


_OUTLINE_FRONT = frozenset({"title", "subtitle", "speaker", "author", "date", "source", "salutation", "heading",
                            "toc_title", "lead"})


def file_lines(path: Path, name: str) -> list[str]:
    """A text file's lines (any line ending), decoded as the readers decode it: their checks
    (not found, too big, binary, undecodable) raise DocumentError."""
    from wengao.reading.readers import load
    from wengao.reading.txt import decode

    text, _ = decode(load(path), name)
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _outline_source(path: Path, name: str) -> Source:
    from wengao.errors import OutlineError, WengaoError
    from wengao.outline.yamlmarks import load_located

    lines = file_lines(path, name)
    try:
        located = load_located("\n".join(lines), name)
    except WengaoError as exc:  # a YAML syntax error: the outline cannot be read
        raise OutlineError(exc.diagnostics) from None
    units: list[Unit] = []
    _walk(located.data, (), "", located.marks, lines, units)
    return Source(name, InputKind.OUTLINE, units)


def _walk(value: Any, where: tuple, role: str, marks: dict, lines: list[str], out: list[Unit]) -> None:
    if isinstance(value, dict):
        for key, v in value.items():
            if str(key) in _SETTING_KEYS:
                continue
            _walk(v, (*where, key), str(key), marks, lines, out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _walk(v, (*where, i), role, marks, lines, out)
    elif isinstance(value, str) and value.strip():
        line, col = marks.get(where, (0, 0))
        out.append(Unit(value, line, col, None, body_from=-1 if role in _OUTLINE_FRONT else 0,
                        locate=_yaml_locator(lines, line, col, value)))


def _yaml_locator(lines: list[str], line: int, col: int, value: str):
    """offset in a YAML string → (line, col) in the file.

    The string's characters are found in order in the source from the node's start, skipping
    what YAML adds or removes (quotes, escapes, indentation, folded line breaks).
    """
    if not line:
        return lambda offset: (0, 0)

    @cache
    def table() -> list[tuple[int, int]]:
        positions: list[tuple[int, int]] = []
        li, ci = line - 1, col - 1
        for ch in value:
            found = None
            li2, ci2 = li, ci
            budget = 80
            while li2 < len(lines) and budget > 0:
                row = lines[li2]
                if ci2 < len(row):
                    if row[ci2] == ch:
                        found = (li2, ci2)
                        break
                    ci2 += 1
                else:
                    li2, ci2 = li2 + 1, 0
                budget -= 1
            if found is None:  # a character YAML made (a folded line break, an escape)
                positions.append((li + 1, ci + 1))
                continue
            positions.append((found[0] + 1, found[1] + 1))
            li, ci = found[0], found[1] + 1
        return positions

    def locate(offset: int) -> tuple[int, int]:
        rows = table()
        if not rows:
            return (line, col)
        return rows[min(max(offset, 0), len(rows) - 1)]

    return locate
