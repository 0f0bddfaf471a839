"""The mining pipeline: inputs checked → documents read (wengao.reading) → candidates (function,
repairs, slots, facts out) → one entry per text → the bank written all-or-nothing, and its
search index built from the entries in hand."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wengao.errors import Diagnostic, DocumentError
from wengao.mining.candidates import BLANK, Candidate, DocumentMiner, Stats, documents_of
from wengao.mining.dedup import Merger, functions_of
from wengao.reading.model import BODY_KINDS

_QUOTED_RE = re.compile("“([^“”]{2,12})”")


@dataclass
class MineSummary:
    files: int = 0
    documents: int = 0
    characters: int = 0
    skipped: list[Diagnostic] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)
    entries: Counter[str] = field(default_factory=Counter)
    hand_kept: int = 0
    written: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        from wengao.i18n import ZH, language, t
        from wengao.phrases.functions import FUNCTIONS

        s = self.stats
        zh = language() == ZH
        sep = "，" if zh else ", "
        out = [t("mining.summary_read", files=self.files, documents=self.documents, chars=f"{self.characters:,}")]
        out += [d.format() + t("mining.skipped") for d in self.skipped]
        if s.dropped:
            detail = sep.join(f"{t('mining.why.' + k)} {v}" for k, v in s.dropped.most_common())
            out.append(t("mining.dropped", n=sum(s.dropped.values()), detail=detail))
        if s.repairs:
            detail = sep.join(f"{k} ×{v}" for k, v in s.repairs.most_common())
            out.append(t("mining.repairs", n=sum(s.repairs.values()), detail=detail))
        detail = sep.join(f"{f}（{FUNCTIONS[f]}）{self.entries[f]}" if zh else f"{f} {self.entries[f]}"
                          for f in FUNCTIONS if self.entries[f])
        line = t("mining.entries", detail=detail, total=sum(self.entries.values()))
        if self.hand_kept:
            line += t("mining.hand_kept", n=self.hand_kept)
        out.append(line)
        return out


def mine(inputs: Iterable[Path], out_dir: Path | None, *, repairs: list[Path] | None = None,
         topics: list[Path] | None = None, progress: Callable[[int, int, str], None] | None = None,
         jobs: int = 0, judge: bool = True) -> tuple[list[dict[str, Any]], MineSummary]:
    """Mine `inputs` into a bank at `out_dir` (None: only return the entries).

    Every input is checked before anything is read; a bank folder that cannot be written or
    read stops the run before it changes; a run that finds no document writes nothing. `jobs`
    processes mine the files (0: one per core); the bank is the same whatever their number.
    `judge` leaves out what the verdict model (mining.gate) says a writer would not reuse.
    """
    from wengao.errors import BankError
    from wengao.i18n import t
    from wengao.mining import facts
    from wengao.mining.classify import load_rules
    from wengao.mining.repairs import CorpusPairs, load_repairs
    from wengao.phrases.topics import load_topics
    from wengao.reading import expand_inputs

    inputs = list(inputs)
    files = expand_inputs(inputs)  # every input checked before anything is read
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise BankError.single(str(out_dir), t("phrases.not_a_folder"))
    rules = load_repairs(repairs)
    topic_table = load_topics(tuple(topics or ()))
    context = _Context(load_rules(), rules, facts.load_lexicon())
    summary = MineSummary()
    merger = Merger()
    pairs = CorpusPairs(rules)
    quoted: dict[str, set[str]] = {}  # quotation → the files using it (a coinage two files share is no one's own)
    for k, (path, name, done) in enumerate(_mined_files(files, context, pairs, jobs), 1):
        if progress:
            progress(k, len(files), name)
        if done.deferred:  # a corrupted document learns from the clean ones before it: mined here, in turn
            done = _mine_file(path, name, context, pairs)
        else:
            for found in done.pairs:
                pairs.take(found)
        summary.skipped.extend(done.diagnostics)
        if done.diagnostics:
            continue
        summary.files += 1
        summary.characters += done.characters
        summary.documents += done.documents
        for q in done.quoted:
            quoted.setdefault(q, set()).add(name)
        for c in done.candidates:
            merger.add(c)
        for key in ("dropped", "repairs", "evidence"):
            getattr(summary.stats, key).update(getattr(done.stats, key))
    if summary.documents == 0:
        where = ", ".join(map(str, inputs)) or "."
        raise DocumentError([Diagnostic(where, 0, 0, t("mining.no_documents"))])
    entries = _finish(list(merger.results()), summary, topic_table, quoted, context.lex, judge)
    for e in entries:
        summary.entries[str(e["function"])] += 1
    if out_dir is not None:
        from wengao.phrases.bank import save_mined
        from wengao.phrases.index import BankIndex

        saved = save_mined(out_dir, entries)
        summary.written, summary.hand_kept = saved.written, saved.hand_kept
        BankIndex.prime(out_dir, saved.files)
    return entries, summary


@dataclass(frozen=True)
class _Context:
    """What every file is mined with: loaded once, before any worker starts."""

    crules: Any
    rules: Any
    lex: Any


@dataclass
class _FileMined:
    """One file mined: what the merge takes from it, in the order it was found."""

    diagnostics: list[Diagnostic] = field(default_factory=list)  # the file was skipped
    characters: int = 0
    documents: int = 0
    candidates: list[Candidate] = field(default_factory=list)
    quoted: set[str] = field(default_factory=set)
    stats: Stats = field(default_factory=Stats)
    pairs: list[set[str]] = field(default_factory=list)  # what each clean document attests (CorpusPairs)
    deferred: bool = False  # mined in a worker, but corrupted: the merge mines it again, in turn


def _mine_file(path: Path, name: str, context: _Context, pairs) -> _FileMined:
    from wengao.mining.formulations import parallels, quotes, templates, terms
    from wengao.reading import read_document

    out = _FileMined()
    try:
        doc = read_document(path, name)
    except DocumentError as err:
        out.diagnostics = list(err.diagnostics)
        return out
    out.characters = doc.raw.chars if doc.raw is not None else 0
    for part in documents_of(doc):
        if not any(b.kind in BODY_KINDS for b in part.blocks):
            continue
        out.documents += 1
        for b in part.blocks:
            out.quoted.update(_QUOTED_RE.findall(b.text + b.body))
        miner = DocumentMiner(part, name, context.crules, context.rules, context.lex, out.stats, pairs)
        if getattr(pairs, "needed", False):
            return _FileMined(deferred=True)
        headings = []
        for c in miner.candidates():
            out.candidates.append(c)
            if c.function == "heading":
                headings.append(c)
        out.candidates.extend(templates(headings))
        for extractor in (parallels, terms, quotes):
            out.candidates.extend(extractor(part, name, miner.genre, miner.formulation, miner.lines.locate))
    if isinstance(pairs, _Recorder):
        out.pairs = pairs.taken
    return out


class _Recorder:
    """A worker's stand-in for the mine's CorpusPairs: it records what each clean document
    attests, for the merge to learn in file order; a corrupted document, which would ask what
    the documents before it attest, marks the file to be mined again in turn."""

    def __init__(self, corpus) -> None:
        self._corpus = corpus
        self.taken: list[set[str]] = []
        self.needed = False

    @property
    def pairs(self) -> set[str]:
        self.needed = True
        return set()

    def add(self, text: str) -> None:
        self.taken.append(self._corpus.found(text))


_WORKER: tuple[_Context, Any] | None = None  # set before the workers fork, which inherit it


def _work(item: tuple[Path, str]) -> _FileMined:
    context, corpus = _WORKER
    return _mine_file(item[0], item[1], context, _Recorder(corpus))


# below this much text, starting workers costs more than they save
PARALLEL_MIN_BYTES = 256 * 1024


def _mined_files(files: list[tuple[Path, str]], context: _Context, pairs, jobs: int):
    """(path, name, what it gave) for every file, in order: mined here one after another, or by
    forked workers when there are cores and text enough (the merge stays here, in file order)."""
    global _WORKER
    from wengao.workers import WorkerLost, how_many, in_order

    n = how_many([p for p, _ in files], PARALLEL_MIN_BYTES, jobs)
    if n > 1:
        # the first file is mined here before the fork: every pattern and table compiled on first use
        # is then compiled once, and the workers inherit it instead of each compiling its own
        path, name = files[0]
        yield path, name, _mine_file(path, name, context, pairs)
        files = files[1:]
    _WORKER = (context, pairs)  # before the fork: the workers inherit it
    try:
        results = in_order(n, _work, files) if files else None
        if results is None:
            for path, name in files:
                yield path, name, _mine_file(path, name, context, pairs)
            return
        try:
            for (path, name), done in zip(files, results, strict=True):
                yield path, name, done
        except WorkerLost:
            from wengao.i18n import t

            raise DocumentError([Diagnostic(str(files[0][0].parent), 0, 0, t("mining.worker_lost"),
                                            t("mining.worker_lost.hint"))]) from None
    finally:
        _WORKER = None


def _fill_blanks(entries: list[dict[str, Any]], stats: Stats) -> list[dict[str, Any]]:
    """A blank is repaired only when the same sentence elsewhere shows the missing word; else the
    phrase is dropped, never closed up."""
    complete = [e["text"] for e in entries if BLANK not in e["text"]]
    out = []
    for e in entries:
        if BLANK not in e["text"]:
            out.append(e)
            continue
        parts = [re.escape(p) for p in e["text"].split(BLANK)]
        rx = re.compile("([^，。、；：！？“”\\s]{1,4})".join(parts))
        fillers = {m.groups() for t in complete if (m := rx.search(t))}
        if len(fillers) == 1:
            filled = e["text"]
            for word in next(iter(fillers)):
                filled = filled.replace(BLANK, word, 1)
            e["repaired_from"] = e["repaired_from"] or e["text"]
            e["text"] = filled
            out.append(e)
            stats.repairs["□→" + "".join(next(iter(fillers)))] += 1
        else:
            stats.dropped["blank"] += 1
    return out


def _finish(raw: list[dict[str, Any]], summary: MineSummary, topic_table, quoted: dict[str, set[str]],
            lex, judge: bool = True) -> list[dict[str, Any]]:
    from wengao.mining.gate import unusable
    from wengao.phrases.topics import topics_of

    stats = summary.stats
    kept = []
    for e in raw:
        if any(not stats.evidence[label] for label in e["confirm"]):
            stats.dropped["unconfirmed_repair"] += 1
            continue
        kept.append(e)
    kept = _fill_blanks(kept, stats)
    kept = _national_terms(kept, stats)
    kept = _shared_coinages(kept, stats, quoted, lex)
    by_function: dict[str, list[dict[str, Any]]] = {}
    for e in kept:
        fns = functions_of(e)
        e["_functions"] = fns
        if judge and unusable(e["text"], fns, e["kinds"][fns[0]], len(e["sources"])):
            stats.dropped["judged"] += 1
            continue
        by_function.setdefault(fns[0], []).append(e)
    out = []
    for function, items in by_function.items():
        items.sort(key=lambda e: (_source_key(e["sources"][0]), e["text"]))
        for n, e in enumerate(items, 1):
            fns = e["_functions"]
            out.append({
                "id": f"{function}.{n:04d}",
                "text": e["text"],
                "function": function,
                "functions": fns if len(fns) > 1 else None,
                "kind": e["kinds"][function],
                "level": e["level"] if "heading" in fns else None,
                "expansion": e["expansion"],
                "count": len(e["sources"]),
                "sources": e["sources"],
                "genres": sorted(e["genres"]),
                "topics": topics_of(e["text"], topic_table),
                "repaired_from": e["repaired_from"],
            })
    return out


def _national_terms(entries: list[dict[str, Any]], stats: Stats) -> list[dict[str, Any]]:
    """A numbered formulation (“四敢”, “一组一会”) from one document only is that place's own
    coinage, kept only when it is a national one (data/formulations.txt)."""
    from wengao.mining.formulations import NUMBERED, national_formulations

    known = national_formulations()
    out = []
    for e in entries:
        inner = e["text"].strip("“”")
        if e["functions"].get("term") and NUMBERED.match(inner) and inner not in known and \
                len({s.rpartition(":")[0] for s in e["sources"]}) < 2 and not e["functions"].get("parallel"):
            stats.dropped["local_term"] += 1
            continue
        out.append(e)
    return out


def _shared_coinages(entries: list[dict[str, Any]], stats: Stats, quoted: dict[str, set[str]],
                     lex) -> list[dict[str, Any]]:
    """A quoted coinage named as a programme, brand or site (“X”行动, 平台“X”) is one place's own
    unless two files use it (or it is a national formulation): its sentence is kept only then."""
    from wengao.mining.facts import coinages

    out = []
    for e in entries:
        if any(len(quoted.get(c, ())) < 2 for c in coinages(e["text"], lex)):
            stats.dropped["programme"] += 1
            continue
        out.append(e)
    return out


def _source_key(source: str) -> tuple[str, int]:
    name, _, line = source.rpartition(":")
    return (name, int(line) if line.isdigit() else 0)
