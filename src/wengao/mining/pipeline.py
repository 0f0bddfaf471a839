"""The mining pipeline: read → clean → segment → extract → merge → phrase bank files."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wengao.errors import Diagnostic
from wengao.mining.clean import BLANK, CleanStats, clean_doc
from wengao.mining.dedup import Merger
from wengao.mining.extractors.base import topics_of
from wengao.mining.extractors.sentences import sentence_candidates
from wengao.mining.extractors.structure import heading_candidates, template_candidates
from wengao.mining.extractors.terms import parallel_candidates, quote_candidates, term_candidates
from wengao.mining.lexicon import load_lexicon, load_repairs
from wengao.mining.readers import ReadError, expand_inputs, read_file
from wengao.mining.segment import segment
from wengao.phrases.bank import FUNCTIONS, load_bank, write_bank


@dataclass
class MineSummary:
    files: int = 0
    documents: int = 0
    stats: CleanStats = field(default_factory=CleanStats)
    skipped: list[Diagnostic] = field(default_factory=list)
    entries: Counter[str] = field(default_factory=Counter)
    dropped_entries: Counter[str] = field(default_factory=Counter)
    hand_kept: int = 0
    written: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        s = self.stats
        out = [f"files read: {self.files}, documents found: {self.documents}, "
               f"characters: {s.characters:,}"]
        out += [d.format() + " (skipped, the run went on)" for d in self.skipped]
        dropped = sum(s.dropped.values())
        out.append(f"paragraphs kept: {s.kept}, dropped: {dropped}"
                   + (" (" + ", ".join(f"{k} {v}" for k, v in s.dropped.most_common()) + ")" if dropped else ""))
        out.append(f"repairs made: {sum(s.repairs.values())}"
                   + (" (" + ", ".join(f"{k} ×{v}" for k, v in s.repairs.most_common()) + ")" if s.repairs else ""))
        if self.dropped_entries:
            out.append("phrases dropped: " + ", ".join(f"{k} {v}" for k, v in self.dropped_entries.most_common()))
        out.append("entries: " + ", ".join(f"{f} {FUNCTIONS[f]} {self.entries[f]}" for f in FUNCTIONS if self.entries[f])
                   + f"; total {sum(self.entries.values())}"
                   + (f" (hand-written kept: {self.hand_kept})" if self.hand_kept else ""))
        return out


EXTRACTORS = (heading_candidates, template_candidates, parallel_candidates, term_candidates,
              quote_candidates, sentence_candidates)


def _evidence_patterns(rules) -> list[tuple[str, list[str]]]:
    return [(r.label, [r.right + a for a in r.after] or [r.right]) for r in rules if r.if_seen]


def mine(inputs: Iterable[Path], out_dir: Path | None, *, repairs: list[Path] | None = None,
         progress: Callable[[int, int, str], None] | None = None) -> tuple[list[dict[str, Any]], MineSummary]:
    rules = load_repairs(repairs)
    lex = load_lexicon()
    summary = MineSummary()
    merger = Merger()
    evidence: Counter[str] = Counter()
    patterns = _evidence_patterns(rules)
    files = expand_inputs(inputs)
    for k, (path, name) in enumerate(files, 1):
        if progress:
            progress(k, len(files), name)
        try:
            raw = read_file(path, name)
        except ReadError as err:
            summary.skipped.append(err.diagnostic)
            continue
        summary.files += 1
        lines, _toc = clean_doc(raw, rules, lex, summary.stats)
        for label, forms in patterns:
            for line in lines:
                if not any(r.label == label for r in line.repairs):
                    evidence[label] += sum(line.text.count(f) for f in forms)
        for doc in segment(name, lines, lex):
            summary.documents += 1
            topics = topics_of("".join(p.text for p in doc.paras), lex)
            for extractor in EXTRACTORS:
                for cand in extractor(doc, topics, lex):
                    merger.add(cand)
    mined = _finish(list(merger.results()), evidence, {r.label for r in rules if r.if_seen}, summary)
    # Hand-written entries survive re-mining; a bank file that cannot be read stops the run
    # (load_bank raises) rather than being overwritten with its hand entries lost.
    hand = [e for e in load_bank(out_dir) if e.get("hand")] if out_dir is not None and out_dir.is_dir() else []
    summary.hand_kept = len(hand)
    entries = mined + hand
    for e in entries:
        summary.entries[str(e["function"])] += 1
    if out_dir is not None:
        summary.written = write_bank(out_dir, entries)
    return entries, summary


def _fill_blanks(entries: list[dict[str, Any]], summary: MineSummary) -> list[dict[str, Any]]:
    """A blank is repaired only when the same sentence elsewhere shows the missing word."""
    complete = [e["text"] for e in entries if BLANK not in e["text"]]
    out = []
    for e in entries:
        if BLANK not in e["text"]:
            out.append(e)
            continue
        parts = [re.escape(p) for p in e["text"].split(BLANK)]
        rx = re.compile("([^，。、；：！？“”\\s]{1,4})".join(parts))
        fillers = set()
        for t in complete:
            m = rx.search(t)
            if m:
                fillers.add(m.groups())
        if len(fillers) == 1:
            filled = e["text"]
            for word in next(iter(fillers)):
                filled = filled.replace(BLANK, word, 1)
            e["repaired_from"] = e["text"]
            e["text"] = filled
            out.append(e)
            summary.stats.repairs["redaction blank filled"] += 1
        else:
            summary.dropped_entries["redaction blank, word uncertain"] += 1
    return out


def _finish(raw: list[dict[str, Any]], evidence: Counter[str], if_seen: set[str],
            summary: MineSummary) -> list[dict[str, Any]]:
    kept = []
    for e in raw:
        uncertain = [lbl for lbl in e["_repairs"] if lbl in if_seen and not evidence[lbl]]
        if uncertain:
            summary.dropped_entries["redaction, not confirmed elsewhere"] += 1
            continue
        kept.append(e)
    kept = _fill_blanks(kept, summary)
    by_function: dict[str, list[dict[str, Any]]] = {}
    for e in kept:
        by_function.setdefault(e["function"], []).append(e)
    out = []
    for function, items in by_function.items():
        items.sort(key=lambda e: (_source_key(e["sources"][0]), e["text"]))
        for n, e in enumerate(items, 1):
            entry = {
                "id": f"{function}.{n:04d}",
                "text": e["text"],
                "function": function,
                "kind": e["kind"],
                "level": e["level"] if e["kind"] in ("heading", "template") and function == "heading" else None,
                "expansion": e["expansion"],
                "count": len(e["sources"]),
                "sources": e["sources"],
                "genres": sorted(e["genres"]),
                "topics": sorted(e["topics"]),
                "repaired_from": e["repaired_from"],
            }
            out.append(entry)
    return out


def _source_key(source: str) -> tuple[str, int]:
    name, _, line = source.rpartition(":")
    return (name, int(line) if line.isdigit() else 0)
