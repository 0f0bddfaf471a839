"""Read user text in whatever encoding Chinese offices save it: UTF-8 (with or without BOM), GB18030/GBK."""

from __future__ import annotations

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

