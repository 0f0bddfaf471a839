"""What every rule module shares: the context of one run and small text helpers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from wengao.check.config import Config
from wengao.check.model import Finding, Source, Unit
from wengao.errors import Severity
from wengao.i18n import t
from wengao.text.punct import is_cjk, is_han, neighbour

# What the checker's neighbour() lookups skip: blanks and the ideographic space.
SPACES = " \t\u3000"


@dataclass
class Context:
    """One run of the checker: settings, the data tables, and what --against and the bank give."""

    config: Config
    against: Path | None = None
    bank: Path | None = None
    _cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def against_source(self) -> Source | None:
        if self.against is None:
            return None
        from wengao.check.source import load_source

        return load_source(self.against)

    def cached(self, key: str, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]


def finding(rule: str, unit: Unit, offset: int, length: int, key: str, suggestion: str = "",
            **values: object) -> Finding:
    """A finding whose message is the catalogue's `check.<key>`; severity is set by the engine."""
    return Finding(rule, unit, offset, max(length, 1), t(f"check.{key}", **values), suggestion,
                   Severity.ERROR)


def cjk_context(text: str, start: int, end: int) -> bool:
    """Is the span [start, end) next to Chinese text (a Han character or a full-width mark)?"""
    return is_cjk(neighbour(text, start - 1, -1, SPACES)) or is_cjk(neighbour(text, end, 1, SPACES))


_SENTENCE_END = "。！？；!?"
_CLOSERS = "”’）」』》"


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph: up to 。！？； and the quotes closing after it."""
    start, i, n = 0, 0, len(text)
    while i < n:
        if text[i] in _SENTENCE_END:
            j = i + 1
            while j < n and (text[j] in _SENTENCE_END or text[j] in _CLOSERS):
                j += 1
            yield start, j
            start = i = j
            continue
        i += 1
    if text[start:].strip():
        yield start, n


def key(text: str, *, digits: bool = False) -> str:
    """What two sentences must share to be 'the same': their Han characters (and letters and
    digits); with `digits`, every digit counts as one (last year's figures change)."""
    out = []
    for c in text:
        if is_han(c) or c.isalpha():
            out.append(c)
        elif c.isdigit():
            out.append("0" if digits else c)
    return "".join(out)
