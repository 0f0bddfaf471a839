"""Read corpus files one at a time (streaming): .txt in any Chinese encoding, and .docx."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wengao.errors import Diagnostic
from wengao.text.encoding import decode_bytes

SUFFIXES = (".txt", ".docx")


@dataclass(frozen=True)
class Line:
    text: str
    lineno: int  # 1-based line (txt) or paragraph number (docx)
    heading_level: int = 0  # from a .docx heading style; 0 for none
    style: str = ""  # the .docx paragraph style name (Title, Byline, Salutation …)


@dataclass(frozen=True)
class RawDoc:
    path: Path
    name: str  # how sources cite the file: its name, or path relative to the corpus root
    lines: tuple[Line, ...]
    size: int  # characters


def expand_inputs(inputs: Iterable[Path]) -> list[tuple[Path, str]]:
    """Files to read, sorted, each with the name sources will cite."""
    found: dict[Path, str] = {}
    for item in inputs:
        if item.is_dir():
            for p in sorted(item.rglob("*")):
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith((".", "~$")):
                    found.setdefault(p, p.relative_to(item).as_posix())
        else:
            found.setdefault(item, item.name)
    return sorted(found.items(), key=lambda kv: kv[1])


def _docx_lines(path: Path) -> list[Line]:
    from wengao.docx.inspect import skeleton

    out = []
    for i, p in enumerate(skeleton(path)["paragraphs"], 1):
        if p["text"].strip():
            heading = p["outline_level"] is not None and p["style"].lower().startswith("heading")
            level = p["outline_level"] + 1 if heading else 0
            out.append(Line(p["text"], i, level, p["style"]))
    return out


def read_file(path: Path, name: str) -> RawDoc:
    """Raises a Diagnostic-carrying ValueError on unreadable input (the caller skips the file)."""
    try:
        if path.suffix.lower() == ".docx":
            lines = _docx_lines(path)
        else:
            text, _ = decode_bytes(path.read_bytes())
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            lines = [Line(t, i) for i, t in enumerate(text.split("\n"), 1)]
    except UnicodeDecodeError:
        raise ReadError(Diagnostic(str(path), 0, 0, "cannot decode as UTF-8 or GB18030")) from None
    except FileNotFoundError:
        raise ReadError(Diagnostic(str(path), 0, 0, "file not found")) from None
    except OSError as exc:
        raise ReadError(Diagnostic(str(path), 0, 0, f"cannot read: {exc.strerror or exc}")) from None
    except Exception as exc:  # a broken .docx package
        raise ReadError(Diagnostic(str(path), 0, 0, f"cannot read as .docx: {exc}")) from None
    return RawDoc(path, name, tuple(lines), sum(len(x.text) for x in lines))


class ReadError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic
