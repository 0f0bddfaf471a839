"""Wording: wrong → right pairs (a table a user extends), 截止/截至 before a date, the miner's table
of synonym-swap corruption, and 规范提法 — canonical formulations a draft has *almost* right.

A near miss of a formulation must begin with its first character and end with its last (so
多方面推进乡村振兴 is not a slip for 全面推进乡村振兴; a long one may end one character off) and
differ by at most one character for short texts, two or three for long ones, or hold the same
characters in another order (中华传统优秀文化). Exact canonical forms and
listed legitimate variants are never flagged; enumerations (四个意识, 五位一体 …) are also checked
for their order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from wengao.check.model import Finding, Source, Unit
from wengao.check.rules.base import Context, finding
from wengao.datafile import load_yaml_text
from wengao.text.pairs import Pair, PairTable, builtin_pairs, pair_of
from wengao.text.punct import is_han

PAIR, JIEZHI, REPAIR, FORMULATION, KNOWN = ("wording.pair", "wording.jiezhi", "wording.repair",
                                            "wording.formulation", "wording.formulation-known")


def _data(name: str) -> list[dict[str, Any]]:
    return load_yaml_text(resources.files("wengao.check").joinpath("data", name).read_text(encoding="utf-8")) or []


@cache
def miner_pairs() -> tuple[Pair, ...]:
    """The miner's table of synonym-swap corruption (党中心 → 党中央), as the miner loads it."""
    from wengao.errors import UsageError
    from wengao.mining.repairs import load_repairs

    try:
        rules = load_repairs()
    except UsageError:  # the shipped table missing or unreadable: no notes from it
        return ()
    return tuple(Pair(r.wrong, r.right, r.before, r.after, if_seen=r.if_seen) for r in rules if r.right)


# 截止 (a deadline) before a date should be 截至 (up to); 截至 needs a time after it
_JIEZHI_RE = re.compile(
    r"截止(?![到至于])\s*(?=\d{2,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|[〇零一二三四五六七八九]{4}\s*年|"
    r"目前|今年|去年|上年|本年|当前|今天|本月|上月|上半年|年底|年末|发稿)")
_JIEZHI_BARE_RE = re.compile(r"截至(?=[。，；！？、）”]|$|日期|时间)")


def check(src: Source, ctx: Context) -> Iterable[Finding]:
    cfg = ctx.config
    whole = "\n".join(u.text for u in src.units) if cfg.enabled(REPAIR) else ""
    if cfg.enabled(PAIR):
        table = ctx.cached("pairs", lambda: PairTable([*builtin_pairs(), *map(pair_of, cfg.wording)]))
        for unit in src.units:
            for s, e, p in table.find(unit.text):
                yield finding(PAIR, unit, s, e - s, "wording.pair", p.right, wrong=p.wrong, right=p.right)
    if cfg.enabled(REPAIR):
        # the miner's table is written for texts run through a rewriting tool; in a clean text a
        # match may be a real word (积极进展), hence a note, not an error
        mined = ctx.cached("repairs", lambda: PairTable(miner_pairs()))
        for unit in src.units:
            for s, e, p in mined.find(unit.text, whole):
                yield finding(REPAIR, unit, s, e - s, "wording.repair", p.right, wrong=p.wrong, right=p.right)
    if cfg.enabled(JIEZHI):
        for unit in src.units:
            if "截" not in unit.text:
                continue
            for m in _JIEZHI_RE.finditer(unit.text):
                yield finding(JIEZHI, unit, m.start(), 2, "wording.jiezhi-date", "截至")
            for m in _JIEZHI_BARE_RE.finditer(unit.text):
                yield finding(JIEZHI, unit, m.start(), 2, "wording.jiezhi-bare", "截止")
    if cfg.enabled(FORMULATION) or cfg.enabled(KNOWN):
        book = ctx.cached("formulations", lambda: Formulations([*_data("formulations.yaml"), *cfg.formulations]))
        for unit in src.units:
            yield from book.check(unit, fuzzy=cfg.enabled(FORMULATION), known=cfg.enabled(KNOWN))


# -- 规范提法 ---------------------------------------------------------------------------------------

def _norm(text: str) -> tuple[str, list[int]]:
    """Han characters only (punctuation, quotes and blanks do not make a formulation), with the
    offset of each in `text`."""
    keep = [(c, i) for i, c in enumerate(text) if is_han(c)]
    return "".join(c for c, _ in keep), [i for _, i in keep]


# Words a writer may add to or drop from a formulation without changing it (坚持加强党的全面领导,
# 以中国式现代化推进中华民族伟大复兴): function characters and degree adverbs.
_OPTIONAL_RE = re.compile("|".join(sorted(
    ("的", "和", "与", "及", "之", "并", "地", "全面", "深入", "持续", "不断", "进一步", "更加", "大力",
     "积极", "切实", "扎实", "更好", "加快", "努力", "始终"), key=len, reverse=True)))


@dataclass(frozen=True)
class Formulation:
    name: str
    text: str
    norm: str
    source: str
    year: str
    items: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    quoted: bool = False  # `name` is a set phrase of its own (“四个意识”)

    @property
    def clauses(self) -> int:
        return sum(1 for c in self.text if c in _CLAUSE_MARKS)

    @property
    def parallel(self) -> bool:
        """Two or more parallel phrases (踔厉奋发、勇毅前行)?"""
        return any(c in "、，" for c in self.text)

    @property
    def bare(self) -> str:
        return _OPTIONAL_RE.sub("", self.norm)

    @property
    def reach(self) -> int:
        """How many characters a near miss may differ by."""
        n = len(self.norm)
        return 0 if n < 6 else 1 if n < 12 else 2 if n < 20 else 3


def bounded_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of a and b, or limit + 1 when it is larger (stops early)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


class Formulations:
    def __init__(self, items: list[dict[str, Any]]) -> None:
        self.entries: list[Formulation] = []
        self._fix: dict[str, str] = {}
        exact: set[str] = set()
        for item in items:
            text = str(item.get("text", "")).strip()
            norm, _ = _norm(text)
            if not norm:
                continue
            items_ = tuple(_norm(str(x))[0] for x in item.get("items") or ())
            fixes: list[tuple[str, str]] = []
            for x in item.get("wrong") or ():
                if isinstance(x, dict):  # {wrong form: its right form}
                    fixes.extend((str(k), str(v)) for k, v in x.items())
                else:
                    fixes.append((str(x), text))
            wrong = tuple(w for w, _ in fixes)
            for w, right in fixes:
                self._fix[w] = right
            f = Formulation(str(item.get("name") or text), text, norm, str(item.get("source", "")),
                            str(item.get("year", "")), items_, wrong, bool(item.get("quoted")))
            self.entries.append(f)
            exact.add(norm)
            for v in item.get("variants") or ():
                exact.add(_norm(str(v))[0])
        self.exact = sorted(exact, key=lambda s: (-len(s), s))
        self.exact_set = exact
        # short names writers put in quotation marks: 两个确立, 四个意识, 五位一体 …
        self.names = {f.name: f for f in self.entries if f.quoted and 4 <= len(f.name) <= 8}
        self.fuzzy = [f for f in self.entries if f.reach]
        self.known = PairTable(Pair(w, self._fix[w]) for f in self.entries for w in f.wrong)
        self._by_wrong = {w: f for f in self.entries for w in f.wrong}

    def check(self, unit: Unit, *, fuzzy: bool, known: bool) -> Iterator[Finding]:
        text = unit.text
        norm, where = _norm(text)
        if len(norm) < 4:
            return
        taken: list[tuple[int, int]] = []  # spans (in norm) already accounted for
        if known:
            for s, e, p in self.known.find(text):
                f = self._by_wrong[p.wrong]
                taken.append(_to_norm(where, s, e))
                yield finding(KNOWN, unit, s, e - s, "wording.formulation-known", p.right,
                              wrong=p.wrong, right=p.right, name=f.name, source=f.source, year=f.year)
        if not fuzzy:
            return
        for canon in self.exact:
            i = norm.find(canon)
            while i >= 0:
                taken.append((i, i + len(canon)))
                i = norm.find(canon, i + 1)
        for f in self.fuzzy:
            yield from self._near(unit, norm, where, f, taken)
        for f in self.fuzzy:
            yield from self._swapped_at_start(unit, norm, where, f, taken)
        if "“" in text:
            yield from self._quoted_names(unit, taken, where)
        for f in self.entries:
            if len(f.items) >= 3:
                yield from self._order(unit, norm, where, f, taken)

    def _near(self, unit: Unit, norm: str, where: list[int], f: Formulation,
              taken: list[tuple[int, int]]) -> Iterator[Finding]:
        text = unit.text
        """Windows of the text that begin with the formulation's first character and end with its
        last (or, for a long one, end one character off: 看齐意思) within `reach` edits."""
        n, d = len(f.norm), f.reach
        head, last, stem = f.norm[0], f.norm[-1], f.norm[-4:-1]
        strict = n < 8  # a short one: one character changed inside it (全面从紧治党), nothing else
        start = norm.find(head)
        while start >= 0:
            best: tuple[int, int] | None = None
                # a two-character word dropped counts as one slip from ten characters up (added: from
            # twelve) and in a pair of parallel phrases (不忘初心、牢记使命) — not in a short
            # plain term, where it makes another term (中华传统文化)
            words = n >= 10 or f.parallel
            span = max(d, 2) if words else d
            # from eight characters up, two characters dropped across the two-character grid of
            # its words (中秀传统文化) and a changed last character (牢记使进) are slips too
            low = 2 if n >= 8 else span
            for end in range(max(start + n - low, start + 4), min(start + n + span, len(norm)) + 1):
                if strict and end - start != n:
                    continue
                if norm[end - 1] != last and not (n >= 10 and norm[end - 4:end - 1] == stem) \
                        and not (n >= 8 and end - start == n and norm[start:end - 1] == f.norm[:-1]):
                    continue
                window = norm[start:end]
                if window == f.norm:
                    best = None
                    break
                if _OPTIONAL_RE.sub("", window) == f.bare:
                    best = None  # only a 的/和 or a 全面/深入 more or less: a legitimate variant
                    break
                if _other_ordinal(window, f.norm):
                    best = None  # 第一个百年奋斗目标 is not a slip for 第二个…: another member
                    break
                if _clauses(text, where, start, end) > f.clauses:
                    continue  # the window runs over a clause break the formulation does not have
                one = _one_word_off(window, f.norm, drops_only=n < 12) and (words or len(window) == n) \
                    or len(window) == n - 2 and any(f.norm[:i] + f.norm[i + 2:] == window for i in range(1, n - 2, 2))
                dist = 1 if one else bounded_distance(window, f.norm, d)
                if dist <= d and (best is None or dist < best[0]):
                    best = (dist, end)
            if best is not None:
                end = best[1]
                if not any(_overlap((start, end), span) * 2 >= end - start for span in taken):
                    s, e = where[start], where[end - 1] + 1
                    taken.append((start, end))
                    yield finding(FORMULATION, unit, s, e - s, "wording.formulation", f.text,
                                  name=f.name, source=f.source, year=f.year)
                    start = norm.find(head, end)
                    continue
            start = norm.find(head, start + 1)

    def _swapped_at_start(self, unit: Unit, norm: str, where: list[int], f: Formulation,
                          taken: list[tuple[int, int]]) -> Iterator[Finding]:
        """Its opening words swapped (“一百两个年”奋斗目标): the same characters, ending like it."""
        n = len(f.norm)
        if n < 9:
            return  # short ones are reordered legitimately (推进乡村全面振兴)
        key = sorted(f.norm)
        end = norm.find(f.norm[-2:], n - 2)
        while end >= 0:
            stop = end + 2
            window = norm[stop - n:stop]
            if window != f.norm and window[0] != f.norm[0] and sorted(window) == key \
                    and not any(_overlap((stop - n, stop), span) for span in taken):
                s, e = where[stop - n], where[stop - 1] + 1
                taken.append((stop - n, stop))
                yield finding(FORMULATION, unit, s, e - s, "wording.formulation", f.text,
                              name=f.name, source=f.source, year=f.year)
            end = norm.find(f.norm[-2:], end + 1)

    def _quoted_names(self, unit: Unit, taken: list[tuple[int, int]], where: list[int]) -> Iterator[Finding]:
        """A short set phrase in quotation marks one character off a known one: “四个意思”."""
        for m in _QUOTED_RE.finditer(unit.text):
            inner, _ = _norm(m.group(1))
            if len(inner) != len(m.group(1)) or inner in self.names or inner in self.exact_set:
                continue
            for name, f in self.names.items():
                if len(name) == len(inner) and bounded_distance(inner, name, 1) == 1 \
                        and not _other_ordinal(inner, name):
                    yield finding(FORMULATION, unit, m.start(1), len(m.group(1)), "wording.formulation",
                                  name, name=f.name, source=f.source, year=f.year)
                    break

    def _order(self, unit: Unit, norm: str, where: list[int], f: Formulation,
               taken: list[tuple[int, int]]) -> Iterator[Finding]:
        hits = sorted((i, k, len(item)) for k, item in enumerate(f.items)
                      for i in _all(norm, item))
        if len(hits) < 3:
            return
        need = 4 if max(len(x) for x in f.items) <= 2 else 3
        cluster: list[tuple[int, int, int]] = []
        for hit in [*hits, (10 ** 9, -1, 0)]:
            if cluster and hit[0] - (cluster[-1][0] + cluster[-1][2]) > 4:
                order = [k for _, k, _ in cluster]
                if len(set(order)) >= need and order != sorted(order):
                    s_n, e_n = cluster[0][0], cluster[-1][0] + cluster[-1][2]
                    if not any(_overlap((s_n, e_n), span) for span in taken):
                        s, e = where[s_n], where[e_n - 1] + 1
                        found = sorted(set(order))
                        suggestion = "、".join(f.items[k] for k in found)
                        yield finding(FORMULATION, unit, s, e - s, "wording.formulation-order",
                                      suggestion, name=f.name, source=f.source, year=f.year)
                cluster = []
            cluster.append(hit)


def _one_word_off(window: str, canon: str, *, drops_only: bool = False) -> bool:
    """A word swapped (the same characters in another order: 中华传统优秀文化) or a two-character
    word added or dropped (不忘初心、使命) counts as one slip, like one wrong character."""
    if len(window) == len(canon):
        return sorted(window) == sorted(canon)
    if len(canon) - len(window) == 2:
        return any(canon[:i] + canon[i + 2:] == window for i in range(len(canon) - 1))
    if len(window) - len(canon) == 2 and not drops_only:
        return any(window[:i] + window[i + 2:] == canon for i in range(len(window) - 1))
    return False


_CLAUSE_MARKS = "，。；：！？"


def _clauses(text: str, where: list[int], start: int, end: int) -> int:
    """Clause marks inside the text a window (in Han-only offsets) covers."""
    return sum(1 for c in text[where[start]:where[end - 1]] if c in _CLAUSE_MARKS)


_QUOTED_RE = re.compile(r"“([^“”]{4,8})”")
_NUMERALS = frozenset("一二三四五六七八九十两百千")


def _other_ordinal(a: str, b: str) -> bool:
    """Do a and b differ only in numerals (第一个 / 第二个, 四个 / 五个)?"""
    return len(a) == len(b) and all(x == y or (x in _NUMERALS and y in _NUMERALS) for x, y in zip(a, b, strict=True))


def _all(text: str, word: str) -> Iterator[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _to_norm(where: list[int], s: int, e: int) -> tuple[int, int]:
    import bisect

    return bisect.bisect_left(where, s), bisect.bisect_left(where, e)
