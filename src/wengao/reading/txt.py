"""The .txt reader: bytes in whatever encoding Chinese offices save → one RawPara per line.

Lines are kept exactly as the file holds them — blank lines, leading full-width spaces, hard
wraps — because the paragraph convention a file uses (blank-line separated, U+3000-indented,
one line per paragraph, wrapped at 35 characters) is evidence the structure reader weighs; a
reader that joined or split lines here would destroy it.

Encodings: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32); without one, UTF-8 if the bytes are
valid UTF-8, else GB18030 (a superset of GBK and GB2312) if the result reads as text; UTF-16
without a BOM only when its zero bytes say so. Anything else is a binary file, said plainly.
"""

from __future__ import annotations

import re
from functools import cache

from wengao.errors import Diagnostic, DocumentError
from wengao.i18n import t
from wengao.reading.model import RawDocument, RawPara, SourceFormat
from wengao.reading.package import fail

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
# C0 controls other than tab, newline, carriage return and form feed; DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@cache  # only a GB18030 file asks it
def _odd_gb() -> re.Pattern[str]:
    """GB18030 maps stray byte pairs into the private use area: real text almost never holds them."""
    return re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ue000-\uf8ff]")


_INDENT = {"\u3000": 1.0, " ": 0.5, "\xa0": 0.5, "\t": 2.0}


def decode(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding name) or DocumentError: binary data, or bytes no accepted encoding reads."""
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise _undecodable(data, exc, path, name) from None
    if data.endswith(b"\x00") and data.count(b"\x00") == len(data) - len(data.rstrip(b"\x00")):
        data = data.rstrip(b"\x00")  # zero padding after the text, as a crashed save leaves it
        if not data:
            raise _binary(path)
    if b"\x00" in data:
        name = _utf16_without_bom(data)
        if name:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass
        raise _binary(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if _mostly_utf8(data):  # UTF-8 with a broken byte, not GB18030: say where it is
            raise _undecodable(data, utf8_error, path, "UTF-8") from None
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            if _mostly_controls(data):
                raise _binary(path) from None
            raise _undecodable(data, utf8_error, path, "UTF-8") from None
        if len(_odd_gb().findall(text)) > len(text) // 100:
            raise _binary(path) from None
        return text, "gb18030"
    if len(_CONTROL.findall(text)) > len(text) // 100:
        raise _binary(path)
    return text, "utf-8"


def read_txt(data: bytes, path: str, name: str) -> RawDocument:
    """One RawPara per line, empty lines included, `pos` the 1-based line number."""
    text, encoding = decode(data, path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] in ("", "\x1a"):  # the newline (or DOS EOF mark) ending the last line
        lines.pop()
    paras: list[RawPara] = []
    append = paras.append
    chars = 0
    for pos, line in enumerate(lines, 1):
        page_break = False
        if line and line[0] == "\f":  # a page break, as pdftotext and old editors write it
            page_break = True
            line = line.lstrip("\f")
        if line.endswith("\f"):
            line = line.rstrip("\f")
        chars += len(line)
        if line and line[0] in _INDENT:
            append(RawPara(line, pos, pos, indent_chars=_indent(line), page_break_before=page_break))
        elif page_break:
            append(RawPara(line, pos, pos, page_break_before=True))
        else:
            append(RawPara(line, pos, pos))
    return RawDocument(path, name, SourceFormat.TXT, tuple(paras), encoding, chars)


def _indent(line: str) -> float:
    width = 0.0
    for ch in line:
        step = _INDENT.get(ch)
        if step is None:
            break
        width += step
    return width


def _utf16_without_bom(data: bytes) -> str:
    """utf-16-le/be when every other byte is mostly zero (Chinese in UTF-16 has few zero bytes,
    so this only catches mostly-ASCII files; Chinese UTF-16 files carry a BOM in practice)."""
    sample = data[:65536]
    if len(sample) < 4 or len(sample) % 2:
        return ""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.4 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.4 and odd < half * 0.05:
        return "utf-16-be"
    return ""


def _mostly_utf8(data: bytes) -> bool:
    """Most non-ASCII characters form valid UTF-8: GBK text almost never does for long."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return good >= 8 * bad


def _mostly_controls(data: bytes) -> bool:
    sample = data[:65536]
    controls = sum(sample.count(b) for b in (*range(0, 9), 11, *range(14, 32), 127))
    return controls > len(sample) // 100


def _binary(path: str) -> DocumentError:
    return fail(path, "read.binary", "read.binary_hint")


def _undecodable(data: bytes, exc: UnicodeDecodeError, path: str, encoding: str) -> DocumentError:
    """Located at the first byte that does not decode, so the user can find it."""
    start = exc.start
    if encoding.startswith(("utf-16", "utf-32")):
        line, col = 0, 0  # byte offsets say little in a wide encoding
    else:
        line = data.count(b"\n", 0, start) + 1
        col = len(data[data.rfind(b"\n", 0, start) + 1:start].decode("utf-8", "replace")) + 1
    return DocumentError([Diagnostic(path, line, col, t("read.undecodable", encoding=encoding),
                                     t("read.undecodable_hint"))])
