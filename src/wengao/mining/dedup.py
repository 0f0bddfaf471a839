"""Merge candidates into entries: exact and near duplicates become one entry with all sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

from wengao.mining.extractors.base import Candidate

_PUNCT_RE = re.compile(r"[\s，。、；：！？“”‘’（）《》—…·,.;:!?()\"']")
NEAR = 0.9


def norm(text: str) -> str:
    return _PUNCT_RE.sub("", text)


def _group(kind: str) -> str:
    return kind if kind in ("heading", "term") else "text"


class Merger:
    """Streaming: add candidates as documents are mined; near-duplicates are looked up in buckets."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], dict[str, Any]] = {}
        self.buckets: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def add(self, c: Candidate) -> None:
        key = (_group(c.kind), norm(c.text))
        if not key[1]:
            return
        entry = self.entries.get(key) or self._near(key)
        if entry is None:
            entry = {
                "text": c.text, "function": c.function, "kind": c.kind, "level": c.level,
                "expansion": c.expansion, "sources": [], "genres": set(), "topics": set(),
                "repaired_from": c.repaired_from, "_repairs": set(),
            }
            self.entries[key] = entry
            for b in self._bucket_keys(key):
                self.buckets.setdefault(b, []).append(key)
        source = f"{c.file}:{c.line}"
        if source not in entry["sources"]:
            entry["sources"].append(source)
        entry["genres"].add(c.genre)
        entry["topics"].update(c.topics)
        entry["_repairs"].update(r.label for r in c.repairs)
        if c.repaired_from and not entry["repaired_from"]:
            entry["repaired_from"] = c.repaired_from
        if c.expansion and not entry["expansion"]:
            entry["expansion"] = c.expansion
        if c.level is not None and entry["level"] is None:
            entry["level"] = c.level

    @staticmethod
    def _bucket_keys(key: tuple[str, str]) -> list[tuple[str, str]]:
        group, text = key
        return [(group, "^" + text[:6]), (group, "$" + text[-6:])]

    def _near(self, key: tuple[str, str]) -> dict[str, Any] | None:
        text = key[1]
        if len(text) < 12:
            return None
        for b in self._bucket_keys(key):
            for other in self.buckets.get(b, ()):
                o = other[1]
                if abs(len(o) - len(text)) > max(2, len(text) // 10):
                    continue
                if SequenceMatcher(None, text, o, autojunk=False).ratio() >= NEAR:
                    return self.entries[other]
        return None

    def results(self) -> Iterable[dict[str, Any]]:
        return self.entries.values()
