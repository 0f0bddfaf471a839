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
        # a variant key → (the entry it was found near, found in its first bucket?, that bucket's length then)
        self._found: dict[str, tuple[dict[str, Any], bool, int]] = {}

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
        """The entry of the first text in the key's buckets (the first bucket, then the second) that
        is near it. A variant met again (the same sentence with another adverb, in many documents)
        is not compared again: buckets only grow at their ends, so only texts added to the first
        bucket since it was found in the second can come before what was found."""
        if len(key) < 12:
            return None
        first, second = (self.buckets.get(b, []) for b in self._bucket_keys(key))
        known = self._found.get(key)
        if known is not None:
            entry, in_first, seen = known
            if in_first:
                return entry
            other = self._first_near(key, first, seen)
            if other is None:
                self._found[key] = (entry, False, len(first))
                return entry
        else:
            other = self._first_near(key, first, 0)
            if other is None:
                other = self._first_near(key, second, 0)
                if other is None:
                    return None
                self._found[key] = (self.entries[other], False, len(first))
                return self.entries[other]
        self._found[key] = (self.entries[other], True, 0)
        return self.entries[other]

    def _first_near(self, key: str, bucket: list[str], start: int) -> str | None:
        for other in bucket[start:]:
            if abs(len(other) - len(key)) > max(2, len(key) // 10):
                continue
            matcher = self._matchers.get(other)
            if matcher is None:  # what SequenceMatcher learns of its second text is kept for the next key
                matcher = self._matchers[other] = SequenceMatcher(None, "", other, autojunk=False)
            matcher.set_seq1(key)
            if matcher.ratio() >= NEAR:
                return other
        return None

    def results(self) -> Iterable[dict[str, Any]]:
        return self.entries.values()


def functions_of(entry: dict[str, Any]) -> list[str]:
    """Every function an entry serves, the one it serves most often first."""
    counts: Counter[str] = entry["functions"]  # type: ignore[assignment]
    return sorted(counts, key=lambda f: (-counts[f], _ORDER.get(f, 99)))
