"""The user's guarantee: the formatted file says what the original said, word for word.

Before anything is written, the letters and digits of the original (Chinese characters
included, every paragraph, table cell and note, in order) are compared with those of the
.docx about to be written, read back from its bytes. Whitespace and punctuation are the only
things format may change, so they are left out of the comparison; anything else that differs
stops the write.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass

from wengao.formatting.report import first_difference
from wengao.reading.model import RawDocument

_T_RE = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_NOTE_RE = re.compile(r"<w:(footnote|endnote)\b([^>]*)>(.*?)</w:\1>", re.S)


def letters(text: str) -> str:
    """The characters compared: letters and digits, Chinese characters included."""
    return "".join(c for c in text if c.isalnum())


@dataclass(frozen=True)
class Stream:
    """One sequence of compared characters, with where each stretch came from."""

    text: str
    where: tuple[tuple[int, int], ...] = ()  # (index in text where a paragraph starts, its pos)

    def pos_at(self, index: int) -> int:
        pos = 0
        for start, p in self.where:
            if start > index:
                break
            pos = p
        return pos


def source_streams(raw: RawDocument) -> dict[str, Stream]:
    body: list[str] = []
    where: list[tuple[int, int]] = []
    notes: dict[str, list[str]] = {"footnote": [], "endnote": []}
    n = 0
    for p in raw.paras:
        where.append((n, p.pos))
        text = "".join("".join(row) for row in p.rows) if p.is_table else p.text
        s = letters(text)
        body.append(s)
        n += len(s)
        for o in p.objects:
            if o.kind in notes:
                notes[o.kind].append(letters(o.text))
    return {"body": Stream("".join(body), tuple(where)),
            "footnote": Stream("".join(notes["footnote"])), "endnote": Stream("".join(notes["endnote"]))}


def _part_text(xml: str) -> str:
    return "".join(html.unescape(t) for t in _T_RE.findall(xml))


def docx_streams(data: bytes) -> dict[str, str]:
    """The compared characters of a written .docx: its body, footnotes and endnotes."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        body = z.read("word/document.xml").decode("utf-8")
        out = {"body": letters(_part_text(body))}
        for kind in ("footnote", "endnote"):
            part = f"word/{kind}s.xml"
            text = z.read(part).decode("utf-8") if part in names else ""
            out[kind] = letters("".join(_part_text(m.group(3)) for m in _NOTE_RE.finditer(text)
                                        if "w:type=" not in m.group(2)))
    return out


@dataclass(frozen=True)
class Mismatch:
    stream: str  # body | footnote | endnote
    pos: int  # where in the original it starts to differ
    expected: str
    found: str


def check(raw: RawDocument, data: bytes) -> Mismatch | None:
    """None when every letter and digit of the original is in the output, in order, and nothing else."""
    want = source_streams(raw)
    got = docx_streams(data)
    for name in ("body", "footnote", "endnote"):
        a, b = want[name].text, got[name]
        if a == b:
            continue
        i = first_difference(a, b)
        return Mismatch(name, want[name].pos_at(i), a[i:i + 12], b[i:i + 12])
    return None
