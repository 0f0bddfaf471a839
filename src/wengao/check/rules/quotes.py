"""Quotations: words in “” that match a quote of the phrase bank (phrasebank/quote.yaml) or a
quotation in the --against file except for a few characters — a misquoted 金句 — with the
original and where it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from wengao.check.model import Finding, Source
from wengao.check.rules.base import Context, finding, key
from wengao.check.rules.wording import bounded_distance

RULE = "quote.misquote"
MIN_CHARS = 6
_QUOTE_RE = re.compile(r"“([^“”\n]{4,300})”")


@dataclass(frozen=True)
class Quote:
    text: str  # as the bank or the file has it, without the outer quotation marks
    norm: str
    origin: str  # "quote.0007（…）" or "file:line"


class QuoteBook:
    """Quotes indexed by character pairs, so each quotation of a draft is compared with the few
    quotes that share most of its characters."""

    def __init__(self, quotes: Iterable[Quote]) -> None:
        self.quotes = [q for q in quotes if len(q.norm) >= MIN_CHARS]
        self.exact = {q.norm for q in self.quotes}
        self.pairs: dict[str, set[int]] = {}
        for i, q in enumerate(self.quotes):
            for j in range(len(q.norm) - 1):
                self.pairs.setdefault(q.norm[j:j + 2], set()).add(i)

    def near(self, norm: str) -> Quote | None:
        if norm in self.exact or len(norm) < MIN_CHARS:
            return None
        votes: dict[int, int] = {}
        grams = {norm[j:j + 2] for j in range(len(norm) - 1)}
        for g in grams:
            for i in self.pairs.get(g, ()):
                votes[i] = votes.get(i, 0) + 1
        best: tuple[int, Quote] | None = None
        for i, v in votes.items():
            if v * 2 < len(grams):
                continue
            q = self.quotes[i]
            limit = max(1, len(q.norm) // 8)
            d = bounded_distance(norm, q.norm, limit)
            if 0 < d <= limit and (best is None or d < best[0]):
                best = (d, q)
        return best[1] if best else None


def check(src: Source, ctx: Context) -> Iterable[Finding]:
    if not ctx.config.enabled(RULE):
        return
    book = ctx.cached("quotes", lambda: QuoteBook([*_bank_quotes(ctx.bank), *_against_quotes(ctx)]))
    if not book.quotes:
        return
    yield from _misquotes(src, book)


def _misquotes(src: Source, book: QuoteBook) -> Iterator[Finding]:
    for unit in src.units:
        if "“" not in unit.text:
            continue
        for m in _QUOTE_RE.finditer(unit.text):
            q = book.near(key(m.group(1)))
            if q is not None:
                yield finding(RULE, unit, m.start(1), len(m.group(1)), "quote.misquote", q.text,
                              origin=q.origin)


def _bank_quotes(bank: Path | None) -> list[Quote]:
    from wengao.errors import WengaoError
    from wengao.phrases.bank import load_file
    from wengao.workspace import default_bank

    path = (bank or default_bank()) / "quote.yaml"
    if not path.is_file():
        return []
    try:
        entries = load_file(path)
    except WengaoError:
        return []  # a broken bank is reported by the phrase commands; the check goes on without it
    out = []
    for e in entries:
        text = str(e.get("text", "")).strip().strip("“”\"")
        if "{" in text:
            continue  # a slot: not a fixed quotation
        sources = e.get("sources") or []
        origin = f"{e.get('id', '')}（{sources[0]}）" if sources else str(e.get("id", ""))
        out.append(Quote(text, key(text), origin))
    return out


def _against_quotes(ctx: Context) -> list[Quote]:
    other = ctx.against_source
    if other is None:
        return []
    out = []
    for unit in other.units:
        for m in _QUOTE_RE.finditer(unit.text):
            line, _ = unit.where(m.start())
            out.append(Quote(m.group(1), key(m.group(1)), f"{other.path}:{line}"))
    return out
