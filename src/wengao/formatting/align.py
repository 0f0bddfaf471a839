"""Where each block the reader found lies in the file's own text.

The formatter never prints the reader's cleaned text: it prints the file's paragraphs, so every
character is kept by construction, and uses the blocks only to know what a stretch of text is
(a title, a heading at level 2, a point). A block is placed by its letters and digits ("the
signature": whitespace, punctuation and invisible characters left out, compatibility forms
folded), searched from the paragraph the block says it came from. A block that cannot be
placed leaves its paragraph unclassified — printed as a plain paragraph, never lost.

Paragraphs the blocks tie together (a heading and its body in one line, a sentence the web
page broke over two lines) become one *unit*, one paragraph of the output.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from wengao.reading.model import Block, BlockKind, Document, RawPara

_SLACK = 2  # paragraphs a block may start after the one it names
_TABLE = "\x00"  # stands for a table in the signature: no block is matched across one
_fold_cache: dict[str, str] = {}


def fold(ch: str) -> str:
    """The signature characters of one character: itself if a letter or digit, else ''."""
    out = _fold_cache.get(ch)
    if out is None:
        if ch.isascii():
            out = ch.lower() if ch.isalnum() else ""
        else:
            out = "".join(c for c in unicodedata.normalize("NFKC", ch).lower() if c.isalnum())
        _fold_cache[ch] = out
    return out


def signature(text: str) -> str:
    return "".join(fold(c) for c in text)


@dataclass
class Placed:
    """A block and the signature indices [start, end) it covers."""

    block: Block
    start: int
    end: int
    head_end: int  # a run-in heading: where its heading sentence ends (== end otherwise)


@dataclass
class Unit:
    """One output paragraph (or table): consecutive raw paragraphs and the blocks placed on them."""

    paras: list[int]  # indices into raw.paras
    placed: list[Placed] = field(default_factory=list)
    sig_start: int = 0  # signature index of the unit's first letter or digit

    @property
    def first(self) -> Block | None:
        return self.placed[0].block if self.placed else None


@dataclass
class Alignment:
    units: list[Unit]  # blocks not found where they said they were are in no unit's placed


def _block_signatures(b: Block) -> list[str]:
    """What to look for: the whole paragraph as the reader cleaned it, else its parts."""
    whole = b.source or (b.number + b.text + b.body)
    options = [signature(whole)]
    if b.text and not b.source:
        options.append(signature(b.text + b.body))
    if b.source and b.text and b.kind is not BlockKind.TABLE:
        options.append(signature(b.text + b.body))
    return [s for i, s in enumerate(options) if s and s not in options[:i]]


def align(doc: Document) -> Alignment:
    raw = doc.raw
    assert raw is not None, "format needs the raw paragraphs (read_document keeps them)"
    paras = raw.paras
    sig: list[str] = []
    sig_para: list[int] = []  # raw paragraph index of each signature character
    first_sig: dict[int, int] = {}  # raw paragraph index → its first signature index
    for i, p in enumerate(paras):
        first_sig[i] = len(sig)
        if p.is_table:
            sig.append(_TABLE)
            sig_para.append(i)
            continue
        for ch in p.text:
            for c in fold(ch):
                sig.append(c)
                sig_para.append(i)
    text = "".join(sig)
    index_of_pos = {p.pos: i for i, p in enumerate(paras)}

    placed: list[Placed] = []
    cursor = 0
    for b in doc.blocks:
        if b.kind is BlockKind.TABLE:
            continue
        options = _block_signatures(b)
        if not options:
            continue  # nothing but punctuation: its paragraph is printed as it stands
        first = index_of_pos.get(b.pos)
        last = index_of_pos.get(max(b.end_pos, b.pos), first)
        if first is None:
            continue
        last = first if last is None else last
        found = None
        # where the block says it is; then a little around it (readers count lines differently)
        for lo, hi in ((max(cursor, first_sig[first]), last), (cursor, last + _SLACK)):
            for want in options:
                at = text.find(want, lo)
                if at >= 0 and sig_para[at] <= hi:
                    found = (at, at + len(want), want)
                    break
            if found:
                break
        if found is None:
            continue
        start, end, want = found
        head_end = end
        if b.run_in and b.body:
            body_len = len(signature(b.body))
            if 0 < body_len < len(want):
                head_end = end - body_len
        placed.append(Placed(b, start, end, head_end))
        cursor = end
    return Alignment(_units(paras, placed, sig_para, first_sig))


def _units(paras: tuple[RawPara, ...], placed: list[Placed], sig_para: list[int],
           first_sig: dict[int, int]) -> list[Unit]:
    units: list[Unit] = []
    next_para = 0

    def orphans(upto: int) -> None:
        nonlocal next_para
        while next_para < upto:
            units.append(Unit([next_para], [], first_sig[next_para]))
            next_para += 1

    current: Unit | None = None
    current_last = -1
    for pl in placed:
        pa, pb = sig_para[pl.start], sig_para[pl.end - 1]
        if current is not None and pa <= current_last:
            current.placed.append(pl)
            if pb > current_last:
                current.paras.extend(range(current_last + 1, pb + 1))
                current_last = pb
            continue
        if current is not None:
            next_para = current_last + 1
        orphans(pa)
        current = Unit(list(range(pa, pb + 1)), [pl], first_sig[pa])
        units.append(current)
        current_last = pb
        next_para = pb + 1
    if current is not None:
        next_para = max(next_para, current_last + 1)
    orphans(len(paras))
    return units
