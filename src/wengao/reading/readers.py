"""Readers: a file becomes a RawDocument (provisional: txt lines and docx paragraphs)."""

from __future__ import annotations

from pathlib import Path

from wengao.errors import Diagnostic, DocumentError
from wengao.reading.model import RawDocument, RawPara, SourceFormat
from wengao.text.encoding import decode_bytes


def read_raw(path: Path, name: str | None = None) -> RawDocument:
    name = name or path.name
    try:
        if path.suffix.lower() == ".docx":
            from wengao.docx.inspect import skeleton

            paras = tuple(RawPara(p["text"], i, style=p["style"],
                                  outline_level=p["outline_level"])
                          for i, p in enumerate(skeleton(path)["paragraphs"], 1))
            fmt, encoding = SourceFormat.DOCX, ""
        else:
            text, encoding = decode_bytes(path.read_bytes())
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            paras = tuple(RawPara(t, i) for i, t in enumerate(text.split("\n"), 1))
            fmt = SourceFormat.TXT
    except UnicodeDecodeError:
        raise DocumentError([Diagnostic(str(path), 0, 0, "cannot decode as UTF-8 or GB18030")]) from None
    except FileNotFoundError:
        raise DocumentError([Diagnostic(str(path), 0, 0, "file not found")]) from None
    except OSError as exc:
        raise DocumentError([Diagnostic(str(path), 0, 0, f"cannot read: {exc.strerror or exc}")]) from None
    except Exception as exc:  # a broken .docx package
        raise DocumentError([Diagnostic(str(path), 0, 0, f"cannot read as .docx: {exc}")]) from None
    return RawDocument(str(path), name, fmt, paras, encoding, sum(len(p.text) for p in paras))
