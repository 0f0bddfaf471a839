"""Read user text in whatever encoding Chinese offices save it: UTF-8 (with or without BOM), GB18030/GBK."""

from __future__ import annotations

from pathlib import Path

from wengao.errors import WengaoError

# GB18030 is a superset of GBK and GB2312; UTF-16 only when a BOM says so.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises UnicodeDecodeError when nothing fits."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise utf8_error from None
        # GB18030 decodes almost any byte soup; accept it only if it reads as text.
        if _looks_like_text(text):
            return text, "gb18030"
        raise utf8_error from None


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    odd = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\r\n\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return odd / len(text) < 0.01


def read_text(path: str | Path) -> str:
    """Read a text file, normalising newlines; errors become one-line diagnostics."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise WengaoError.single(str(p), "file not found") from None
    except IsADirectoryError:
        raise WengaoError.single(str(p), "is a directory, not a file") from None
    except OSError as exc:
        raise WengaoError.single(str(p), f"cannot read file: {exc.strerror or exc}") from None
    try:
        text, _ = decode_bytes(data)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise WengaoError.single(
            str(p), "cannot decode the file as UTF-8 or GB18030", line=line, col=col,
            hint="save it as UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
