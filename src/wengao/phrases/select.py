"""Resolve phrase references and picks in an outline into text, with provenance.

A pick is deterministic: the best-fitting entry for its criteria, or with a seed another of the
top candidates chosen by a hash of the seed and the pick's place in the outline. One draft never
uses an entry twice, and only entries whose slots the available vars can fill are candidates.

A pick keeps to the outline's topics (`topics:` or the pick's own `topic:`) and to its genre (the
outline's, or the pick's own `genre:`): it takes entries about one of the topics, or about no
topic in particular, mined from documents of that genre (or hand-written for no genre in
particular). When none fits, the build stops at the pick's line naming the nearest entries; with
`loose` it widens, keeping the genre before the topics, and warns what it left.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
from typing import Any

from wengao.errors import BankError, Diagnostic, Severity
from wengao.outline.model import Outline, PhraseRef, Pick, Source, Text
from wengao.outline.walk import walk
from wengao.phrases.index import BankIndex, Hit
from wengao.phrases.topics import with_parents
from wengao.text.slots import SLOT_RE

TOP_K = 8  # how many of the best candidates a seed chooses among
NEAREST = 3  # entries named when a pick finds nothing on its topics


class _Resolver:
    def __init__(self, outline: Outline, index: BankIndex, seed: str | None, loose: bool) -> None:
        self.outline = outline
        self.index = index
        self.seed = seed if seed is not None else outline.seed
        self.loose = loose
        self.used: set[str] = set()
        self.diags: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def error(self, line: int, col: int, message: str, hint: str = "") -> None:
        self.diags.append(Diagnostic(self.outline.path, line, col, message, hint))

    def fill(self, hit: Hit, values: dict[str, str], line: int, col: int) -> Text | None:
        from wengao.i18n import t

        missing = [s for s in SLOT_RE.findall(hit.text) if s not in values]
        if missing:
            self.error(line, col, t("phrases.missing_slot", id=hit.id, slot=missing[0]),
                       t("phrases.missing_slot_hint", slot=missing[0]))
            return None
        text = SLOT_RE.sub(lambda m: values[m.group(1)], hit.text)
        self.used.add(hit.id)
        return Text(text, line, col, Source(hit.id, hit.source))

    def ref(self, r: PhraseRef) -> Text | None:
        from wengao.i18n import t

        hit = self.index.get(r.phrase_id)
        if hit is None:
            prefix = r.phrase_id.split(".")[0] + "." if "." in r.phrase_id else ""
            pool = self.index.ids(prefix) if prefix else self.index.ids()
            close = difflib.get_close_matches(r.phrase_id, pool[:20000], n=3, cutoff=0.5)
            self.error(r.line, r.col, t("phrases.unknown_id", id=r.phrase_id),
                       t("phrases.did_you_mean", names="、".join(close)) if close else t("phrases.find_ids"))
            return None
        return self.fill(hit, {**self.outline.vars, **r.vars}, r.line, r.col)

    def _function(self, p: Pick) -> tuple[bool, str | None]:
        from wengao.i18n import t
        from wengao.phrases.functions import canonical_function, function_list

        if not p.function:
            return True, None
        found = canonical_function(p.function)
        if found is None:
            self.error(p.line, p.col, t("phrases.unknown_function", name=p.function),
                       t("phrases.valid_functions", functions=function_list()))
            return False, None
        return True, found

    def pick(self, p: Pick) -> Text | None:
        from wengao.genres import genre_label
        from wengao.i18n import t

        ok, function = self._function(p)
        if not ok:
            return None
        values = {**self.outline.vars, **p.vars}
        genre = p.genre or self.outline.genre
        genres = (genre,) if genre else ()
        asked = tuple(t_ for t_ in ([p.topic] if p.topic else list(self.outline.topics)) if t_)
        topics = with_parents(asked)
        kinds = None if function == "salutation" else ("sentence", "template", "heading", "term", "idiom")
        base: dict[str, Any] = {"query": p.query or "", "function": function, "exclude": self.used,
                                "slots_within": set(values), "limit": TOP_K, "kinds": kinds,
                                "prefer_topics": topics}
        candidates = self.index.search(**base, genres=genres, topics=topics)
        if candidates:
            return self.fill(self._choose(p, candidates), values, p.line, p.col)
        wider = self.index.search(**base)
        if not wider:
            self.error(p.line, p.col, t("phrases.pick_nothing", what=self._what(p)), t("phrases.pick_nothing_hint"))
            return None
        if not self.loose:
            nearest = "；".join(f"{h.id}（{h.text[:18]}…）" if len(h.text) > 18 else f"{h.id}（{h.text}）"
                               for h in wider[:NEAREST])
            label = genre_label(genre)
            message = (t("phrases.pick_no_topic", what=self._what(p), topics="、".join(asked), genre=label)
                       if topics else t("phrases.pick_no_genre", what=self._what(p), genre=label))
            self.error(p.line, p.col, message, t("phrases.pick_nearest", nearest=nearest))
            return None
        # --loose: keep the genre and take another topic, else keep the topics, else neither
        for keep in ({"genres": genres}, {"topics": topics}):
            candidates = self.index.search(**base, **keep)
            if candidates:
                break
        chosen = self._choose(p, candidates or wider)
        left = self._left(chosen, genre, topics, asked)
        if left:
            self.warnings.append(Diagnostic(self.outline.path, p.line, p.col, left, severity=Severity.WARNING))
        return self.fill(chosen, values, p.line, p.col)

    @staticmethod
    def _left(chosen: Hit, genre: str | None, topics: tuple[str, ...], asked: tuple[str, ...]) -> str:
        """What a widened pick left: the outline's genre, its topics, or both."""
        from wengao.genres import genre_label
        from wengao.i18n import t

        said = []
        entry_genres = [str(g) for g in chosen.entry.get("genres") or []]
        if genre and entry_genres and genre not in entry_genres:
            said.append(t("phrases.pick_off_genre", id=chosen.id, genre=genre_label(genre),
                          found="、".join(genre_label(g) for g in entry_genres)))
        entry_topics = [str(x) for x in chosen.entry.get("topics") or []]
        if topics and entry_topics and not any(x in entry_topics or x in chosen.text for x in topics):
            said.append(t("phrases.pick_off_topic", id=chosen.id, topics="、".join(asked),
                          found="、".join(entry_topics)))
        return "；".join(said)

    @staticmethod
    def _what(p: Pick) -> str:
        return "，".join(f"{k}: {v}" for k, v in (("function", p.function), ("topic", p.topic),
                                                 ("genre", p.genre), ("query", p.query)) if v)

    def _choose(self, p: Pick, candidates: list[Hit]) -> Hit:
        seed = p.seed if p.seed is not None else self.seed
        if seed is None:
            return candidates[0]
        digest = hashlib.sha256(f"{seed}:{p.line}:{p.col}".encode()).digest()
        top = candidates[:TOP_K]
        return top[int.from_bytes(digest[:4], "big") % len(top)]

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


def resolve_phrases(outline: Outline, index: BankIndex, seed: str | None = None, *, loose: bool = False) -> Outline:
    """The outline with every phrase reference and pick replaced by text. Errors (an unknown id,
    a pick that fits nothing on the outline's topics) are raised together; a pick widened by
    `loose` adds a warning to the outline's warnings."""
    r = _Resolver(outline, index, seed, loose)
    resolved = r.resolve_outline(outline)
    if r.diags:
        raise BankError(r.diags, exit_code=1)
    if r.warnings and hasattr(resolved, "warnings"):
        resolved = dataclasses.replace(resolved, warnings=(*resolved.warnings, *r.warnings))
    return resolved
