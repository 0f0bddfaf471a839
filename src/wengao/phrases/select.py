"""Resolve phrase references and picks in an outline into text, with provenance.

A pick is deterministic: the best-ranked entry for its criteria, or with a seed another of the
top candidates chosen by a hash of the seed and the pick's place in the outline. One draft never
uses an entry twice, and only entries whose slots the available vars can fill are candidates.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
from typing import Any

from wengao.errors import Diagnostic, WengaoError
from wengao.outline.model import Outline, PhraseRef, Pick, Source, Text
from wengao.outline.walk import walk
from wengao.phrases.index import BankIndex, Hit
from wengao.text.slots import SLOT_RE

TOP_K = 8  # how many of the best candidates a seed chooses among


class _Resolver:
    def __init__(self, outline: Outline, index: BankIndex, seed: str | None) -> None:
        self.outline = outline
        self.index = index
        self.seed = seed if seed is not None else outline.seed
        self.used: set[str] = set()
        self.diags: list[Diagnostic] = []

    def error(self, line: int, col: int, message: str, hint: str = "") -> None:
        self.diags.append(Diagnostic(self.outline.path, line, col, message, hint))

    def fill(self, hit: Hit, values: dict[str, str], line: int, col: int) -> Text | None:
        missing = [s for s in SLOT_RE.findall(hit.text) if s not in values]
        if missing:
            self.error(line, col, f"phrase {hit.id} needs a value for slot {{{missing[0]}}}",
                       f"add `vars: {{{missing[0]}: …}}` to the reference or to the outline")
            return None
        text = SLOT_RE.sub(lambda m: values[m.group(1)], hit.text)
        self.used.add(hit.id)
        return Text(text, line, col, Source(hit.id, hit.source))

    def ref(self, r: PhraseRef) -> Text | None:
        hit = self.index.get(r.phrase_id)
        if hit is None:
            prefix = r.phrase_id.split(".")[0] + "." if "." in r.phrase_id else ""
            pool = self.index.ids(prefix) if prefix else self.index.ids()
            close = difflib.get_close_matches(r.phrase_id, pool[:20000], n=3, cutoff=0.5)
            self.error(r.line, r.col, f"unknown phrase id '{r.phrase_id}'",
                       ("did you mean " + ", ".join(close) + "?") if close else
                       "find ids with `wengao phrases search WORD`")
            return None
        return self.fill(hit, {**self.outline.vars, **r.vars}, r.line, r.col)

    def pick(self, p: Pick) -> Text | None:
        values = {**self.outline.vars, **p.vars}
        genre = p.genre or self.outline.genre
        topics = [p.topic] if p.topic else list(self.outline.topics)
        base = {"query": p.query or "", "function": p.function, "exclude": self.used,
                "slots_within": set(values), "limit": TOP_K}
        # prefer the outline's genre and topic; widen step by step rather than fail
        attempts = [{"genre": genre, "topic": t} for t in (topics or [None])]
        attempts.append({"genre": genre})
        attempts.append({"topic": p.topic} if p.topic else {})
        candidates: list[Hit] = []
        for extra in attempts:
            candidates = self.index.search(**extra, **base)
            if candidates:
                break
        if not candidates:
            what = ", ".join(f"{k} {v}" for k, v in (("function", p.function), ("topic", p.topic),
                                                     ("query", p.query)) if v)
            self.error(p.line, p.col, f"no phrase in the bank matches pick ({what})",
                       "widen the pick, or add vars for the slots such phrases need")
            return None
        seed = p.seed if p.seed is not None else self.seed
        if seed is None:
            hit = candidates[0]
        else:
            digest = hashlib.sha256(f"{seed}:{p.line}:{p.col}".encode()).digest()
            top = candidates[:TOP_K]
            hit = top[int.from_bytes(digest[:4], "big") % len(top)]
        return self.fill(hit, values, p.line, p.col)

    def resolve_outline(self, outline: Outline) -> Outline:
        """A compilation's parts resolve with their own vars, genre and topics; no entry twice."""
        previous, self.outline = self.outline, outline
        resolved = walk(dataclasses.replace(outline, parts=()), self.resolve)
        parts = tuple(self.resolve_outline(p) for p in outline.parts)
        self.outline = previous
        return dataclasses.replace(resolved, parts=parts)

    def resolve(self, value: Any) -> Any:
        if isinstance(value, PhraseRef):
            return self.ref(value) or Text("")
        if isinstance(value, Pick):
            return self.pick(value) or Text("")
        return value


def resolve_phrases(outline: Outline, index: BankIndex, seed: str | None = None) -> Outline:
    r = _Resolver(outline, index, seed)
    resolved = r.resolve_outline(outline)
    if r.diags:
        raise WengaoError(r.diags)
    return resolved
