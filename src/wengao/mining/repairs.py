"""Repairs that cannot harm: undo a rewriting tool's synonym swaps (党中央 → 党中心, 认识 → 生疏)
in the text of mined phrases, never in the reading layer (which must keep every word).

A repair is applied only
- in a document that shows the corruption: several different rules find their wrong form
  there, or the tool's odd quotation marks (〝〞) appear;
- on word boundaries: the characters on either side of the repaired word must still make a
  pair seen in the document or in the table's own right-hand words (有效劳动 never becomes
  有服务动, 务动 occurs nowhere);
- from a table of wrong → right pairs (data/repairs.yaml, general to official writing) that a
  user extends with `wengao mine --repairs FILE`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from wengao.datafile import load_yaml
from wengao.errors import UsageError
from wengao.mining.facts import HAN_RE

DATA = Path(__file__).parent / "data"
_ODD_QUOTES = ("〝", "〞")
MIN_RULES = 3  # different rules that must find their wrong form in one document
# grammatical words join anything: a repaired word beside them needs no other evidence
_FUNCTION_CHARS = set("的了和与及在是把对为要等地得着之以从向将更很最都也又不而并或其这那该各每上中下里内")


@dataclass(frozen=True)
class RepairRule:
    wrong: str
    right: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    if_seen: bool = False
    pattern: re.Pattern[str] = field(compare=False, default=None)  # type: ignore[assignment]

    @property
    def label(self) -> str:
        return f"{self.wrong}→{self.right}"


def _compile(wrong: str, before: tuple[str, ...], after: tuple[str, ...]) -> re.Pattern[str]:
    w = re.escape(wrong)
    if not before and not after:
        return re.compile(w)
    alts = []
    if before:
        alts.append("(?:" + "|".join(f"(?<={re.escape(b)})" for b in before) + ")" + w)
    if after:
        alts.append(w + "(?=" + "|".join(re.escape(a) for a in after) + ")")
    return re.compile("|".join(alts))


def load_repairs(extra: Iterable[Path] | None = None) -> tuple[RepairRule, ...]:
    from wengao.i18n import t

    rules: list[RepairRule] = []
    for path in [DATA / "repairs.yaml", *(extra or [])]:
        try:
            data = load_yaml(path) or []
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise UsageError.single(str(path), t("mining.repairs_unreadable", reason=str(exc))) from None
        if not isinstance(data, list):
            raise UsageError.single(str(path), t("mining.repairs_not_list"))
        for i, item in enumerate(data, 1):
            if not isinstance(item, dict) or not item.get("wrong") or "right" not in item:
                raise UsageError.single(str(path), t("mining.repairs_bad_rule", n=i))
            before = tuple(str(x) for x in item.get("before") or ())
            after = tuple(str(x) for x in item.get("after") or ())
            rules.append(RepairRule(str(item["wrong"]), str(item["right"]), before, after,
                                    bool(item.get("if_seen")), _compile(str(item["wrong"]), before, after)))
    return tuple(rules)


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


_TABLE_PAIRS: dict[int, set[str]] = {}
# per rule table (the same tuple for every document of a mine): its rules longest wrong form first,
# its table pairs, and one pattern finding every wrong form at once
_PER_TABLE: dict[tuple[str, int], tuple[tuple[RepairRule, ...], Any]] = {}


def _per_table(what: str, rules: tuple[RepairRule, ...], make: Callable[[], Any]) -> Any:
    """`make()`, remembered for this very tuple of rules (not recomputed, nor the tuple hashed,
    for each document)."""
    known = _PER_TABLE.get((what, id(rules)))
    if known is None or known[0] is not rules:
        known = _PER_TABLE[(what, id(rules))] = (rules, make())
    return known[1]


def _longest_first(rules: tuple[RepairRule, ...]) -> tuple[RepairRule, ...]:
    return _per_table("sorted", rules, lambda: tuple(sorted(rules, key=lambda r: -len(r.wrong))))


def _table_pairs(rules: tuple[RepairRule, ...]) -> set[str]:
    return _per_table("pairs", rules, lambda: _table_pairs_of(rules))


def _table_pairs_of(rules: tuple[RepairRule, ...]) -> set[str]:
    """The joins the table's own collocations vouch for (认识 after 深刻, 发展 before 理念)."""
    key = hash(rules)
    if key not in _TABLE_PAIRS:
        pairs: set[str] = set()
        for r in rules:
            pairs |= _pairs(r.right)
            for b in r.before:
                pairs |= _pairs(b + r.right)
            for a in r.after:
                pairs |= _pairs(r.right + a)
        _TABLE_PAIRS[key] = pairs
    return _TABLE_PAIRS[key]


class CorpusPairs:
    """Character pairs seen so far in the documents of one mine: a repaired word may join its
    neighbours as any document joined them. Only pairs a repair can ask about are kept (those
    ending in the first character of a right-hand word, or starting with its last), and their
    number is bounded, so a huge corpus cannot exhaust memory."""

    LIMIT = 1_500_000

    def __init__(self, rules: tuple[RepairRule, ...]) -> None:
        self.pairs: set[str] = set()
        self.stale = 0  # documents in a row that taught nothing new: the corpus's joins are known
        firsts = {r.right[0] for r in rules if r.right}
        lasts = {r.right[-1] for r in rules if r.right}
        # the character first, the lookbehind over it and the one before: the search skips to the
        # candidates instead of trying a lookbehind at every character
        first = "[" + re.escape("".join(sorted(firsts))) + "]"
        self._before = re.compile(first + "(?<=[\u4e00-\u9fff]" + first + ")") if firsts else None
        self._after = re.compile("[" + re.escape("".join(sorted(lasts))) + "](?=[\u4e00-\u9fff])") if lasts else None

    @property
    def full(self) -> bool:
        return len(self.pairs) >= self.LIMIT or self.stale >= 20

    def add(self, text: str) -> None:
        if not self.full:
            self.take(self.found(text))

    def found(self, text: str) -> set[str]:
        """The pairs `text` attests (pure: a worker of a parallel mine computes them)."""
        out: set[str] = set()
        if self._before is not None:
            out.update(text[m.start() - 1:m.end()] for m in self._before.finditer(text))
        if self._after is not None:
            out.update(text[m.start():m.end() + 1] for m in self._after.finditer(text))
        return out

    def take(self, found: set[str]) -> None:
        """Learn one clean document's pairs, in the order the documents come."""
        if self.full:
            return
        before = len(self.pairs)
        self.pairs.update(found)
        self.stale = self.stale + 1 if len(self.pairs) - before < 10 else 0


class DocumentRepairs:
    """The repairs of one document, decided once for all its text."""

    def __init__(self, rules: tuple[RepairRule, ...], text: str, corpus: CorpusPairs | None = None) -> None:
        # longer wrong forms first: they are words by themselves, and their repair lets a short
        # form beside them join a repaired neighbour (深刻生疏简单困难性)
        self.rules = _longest_first(rules)
        present = _wrong_forms_in(rules, text)
        found = {r.label for r in rules if not r.if_seen and r.wrong in present and _stands(r, text)}
        odd = any(q in text for q in _ODD_QUOTES)
        self.corrupted = len(found) >= MIN_RULES or (odd and len(found) >= 1)
        # a clean document asks only the redaction rules, which the corpus confirms
        self.active = self.rules if self.corrupted else tuple(r for r in self.rules if r.if_seen)
        # the rules whose wrong form alone proves a corruption left unrepaired (see still_corrupt)
        self._telling = tuple(r for r in self.rules if not r.if_seen and (len(r.wrong) > 2 or r.before or r.after)) \
            if self.corrupted else ()
        self._pairs = _pairs(text) if self.corrupted else set()
        if corpus is not None:
            if self.corrupted:
                self._pairs |= corpus.pairs
            else:
                corpus.add(text)  # clean text attests how words join
        self._pairs |= _table_pairs(self.rules)

    def _attested(self, text: str, start: int, end: int, right: str) -> bool:
        """The repaired word joins its neighbours as they join elsewhere. Only a two-character
        wrong form can straddle two words (有效|劳动 holds 效劳); a longer one is a word itself."""
        if end - start > 2:
            return True
        if start > 0:
            before = text[start - 1]
            if HAN_RE.match(before) and before not in _FUNCTION_CHARS and before + right[0] not in self._pairs:
                return False
        if end < len(text):
            after = text[end]
            if HAN_RE.match(after) and after not in _FUNCTION_CHARS and right[-1] + after not in self._pairs:
                return False
        return True

    def still_corrupt(self, text: str) -> bool:
        """A corrupted document's text that still holds a wrong form no repair could safely fix.
        A two-character form standing alone proves nothing (效劳 is a word, 有效劳动 holds it)."""
        return self.corrupted and any(_stands(r, text) for r in self._telling)

    def apply(self, text: str) -> tuple[str, tuple[RepairRule, ...]]:
        """The text repaired, and the rules that fired (if_seen ones stay to be confirmed)."""
        fired: list[RepairRule] = []
        for rule in self.active:
            if rule.wrong not in text:
                continue
            out, last, changed = [], 0, False
            for m in rule.pattern.finditer(text):
                # a redaction (if_seen) is confirmed by the corpus instead: a name joins anything
                if not rule.if_seen and not self._attested(text, m.start(), m.end(), rule.right):
                    continue
                out.append(text[last:m.start()] + rule.right)
                last = m.end()
                changed = True
            if changed:
                out.append(text[last:])
                text = "".join(out)
                fired.append(rule)
        return text, tuple(fired)


def _wrong_forms_in(rules: tuple[RepairRule, ...], text: str) -> set[str]:
    """The wrong forms that occur in `text`, found in one scan for all of them (not one
    str.find over a whole document per rule): the search stops at each place where any form
    starts, and every form starting there is taken."""
    pattern, by_first = _per_table("forms", rules, lambda: _forms_pattern(rules))
    found: set[str] = set()
    if pattern is None:
        return found
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        at = m.start()
        found.update(w for w in by_first[text[at]] if text.startswith(w, at))
        pos = at + 1
    return found


def _forms_pattern(rules: tuple[RepairRule, ...]) -> tuple[re.Pattern[str] | None, dict[str, list[str]]]:
    forms = sorted({r.wrong for r in rules if r.wrong})
    by_first: dict[str, list[str]] = {}
    for w in forms:
        by_first.setdefault(w[0], []).append(w)
    return (re.compile("|".join(map(re.escape, forms))) if forms else None), by_first


def _stands(rule: RepairRule, text: str) -> bool:
    """The wrong form stands in `text` in a context the rule names. Every match of the rule's
    pattern starts where the wrong form does: the pattern is tried there only, not at every
    character of a whole document (a pattern opening with a lookbehind has no prefix to skip by)."""
    at = text.find(rule.wrong)
    while at >= 0:
        if rule.pattern.match(text, at):
            return True
        at = text.find(rule.wrong, at + 1)
    return False


def seen_forms(rule: RepairRule) -> list[str]:
    """What confirms an if_seen repair elsewhere in the corpus: its right form in context."""
    return [rule.right + a for a in rule.after] or [rule.right]


@cache
def _typo_table() -> Any:
    """The check's table of wrong → right words, the pairs a miner can apply without context."""
    from wengao.text.pairs import PairTable, builtin_pairs

    return PairTable(p for p in builtin_pairs() if p.right and not p.if_seen)


def has_typos(text: str) -> bool:
    """`text` holds one of the wrong forms of fix_typos: one scan of a whole document decides
    whether its sentences need asking."""
    table = _typo_table()
    return table.regex is not None and table.regex.search(text) is not None


def fix_typos(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` with the words `wengao check` calls wrong wherever they stand (报团取暖 → 抱团取暖,
    再接再励 → 再接再厉) put right, and what was put right: a bank must not offer what the
    proofreader flags. Any document, corrupted or not: these forms are never right."""
    if not has_typos(text):
        return text, ()
    out, last, fixed = [], 0, []
    for s, e, pair in _typo_table().find(text):
        out.append(text[last:s] + pair.right)
        last = e
        fixed.append(f"{pair.wrong}→{pair.right}")
    out.append(text[last:])
    return "".join(out), tuple(fixed)
