"""One entry per text: candidates that differ only in punctuation, quotation marks or a word or
two (near duplicates) become one entry, with all their sources and every function they serve."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

from wengao.mining.candidates import Candidate
from wengao.phrases.functions import FUNCTIONS

_PUNCT_RE = re.compile(r"[\s，。、；：！？“”‘’（）《》—…·,.;:!?()\"'{}]")
NEAR = 0.9
_ORDER = {f: i for i, f in enumerate(FUNCTIONS)}


def norm(text: str) -> str:
    return _PUNCT_RE.sub("", text)


class Merger:
    """Streaming: add candidates as documents are mined; near duplicates are looked up in buckets."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {}
        self.buckets: dict[str, list[str]] = {}
        self._sources: dict[int, set[str]] = {}  # id(entry) → its sources: a stock sentence has hundreds
        self._matchers: dict[str, SequenceMatcher] = {}  # a key compared before → its matcher

    def add(self, c: Candidate) -> None:
        key = norm(c.text)
        if not key:
            return
        entry = self.entries.get(key) or self._near(key)
        if entry is None:
            entry = {"text": c.text, "functions": Counter(), "kinds": {}, "level": c.level,
                     "expansion": c.expansion, "sources": [], "genres": set(), "repaired_from": c.repaired_from,
                     "confirm": set(), "first": len(self.entries)}
            self.entries[key] = entry
            self._sources[id(entry)] = set()
            for b in self._bucket_keys(key):
                self.buckets.setdefault(b, []).append(key)
        source = f"{c.file}:{c.line}"
        seen = self._sources[id(entry)]
        if source not in seen:
            seen.add(source)
            entry["sources"].append(source)
        entry["functions"][c.function] += 1
        for other in c.also:  # served as well, counted less than its own function
            entry["functions"][other] += 0.5
        entry["kinds"].setdefault(c.function, c.kind)
        if c.kind == "template":
            entry["kinds"][c.function] = "template"
        entry["genres"].add(c.genre)
        entry["confirm"].update(c.confirm)
        if c.repaired_from and not entry["repaired_from"]:
            entry["repaired_from"] = c.repaired_from
        if c.expansion and not entry["expansion"]:
            entry["expansion"] = c.expansion
        if c.level is not None and entry["level"] is None:
            entry["level"] = c.level

    @staticmethod
    def _bucket_keys(key: str) -> list[str]:
        return ["^" + key[:6], "$" + key[-6:]]

    def _near(self, key: str) -> dict[str, Any] | None:
        if len(key) < 12:
            return None
        for b in self._bucket_keys(key):
            for other in self.buckets.get(b, ()):
                if abs(len(other) - len(key)) > max(2, len(key) // 10):
                    continue
                matcher = self._matchers.get(other)
                if matcher is None:  # what SequenceMatcher learns of its second text is kept for the next key
                    matcher = self._matchers[other] = SequenceMatcher(None, "", other, autojunk=False)
                matcher.set_seq1(key)
                if matcher.ratio() >= NEAR:
                    return self.entries[other]
        return None

    def results(self) -> Iterable[dict[str, Any]]:
        return self.entries.values()


def functions_of(entry: dict[str, Any]) -> list[str]:
    """Every function an entry serves, the one it serves most often first."""
    counts: Counter[str] = entry["functions"]  # type: ignore[assignment]
    return sorted(counts, key=lambda f: (-counts[f], _ORDER.get(f, 99)))
