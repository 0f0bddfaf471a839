"""A table of wrong → right words, found in one pass: `wengao check` flags them (rule
wording.pair), and the miner puts them right in what it mines, so a bank never offers what the
proofreader flags. Light on purpose: the miner's workers load it without the check's engine."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from wengao.datafile import load_yaml_text

# the shipped table, a data file of the check (it documents its own format); found from the
# wengao package, which does not import the check's engine as wengao.check would
WORDING_TABLE = ("check", "data", "wording.yaml")


@dataclass(frozen=True)
class Pair:
    wrong: str
    right: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    if_seen: bool = False
    note: str = ""


class PairTable:
    """Every `wrong` of a table found in one pass (one alternation, longest words first)."""

    def __init__(self, pairs: Iterable[Pair]) -> None:
        self.by_wrong: dict[str, list[Pair]] = {}
        for p in pairs:
            self.by_wrong.setdefault(p.wrong, []).append(p)
        words = sorted(self.by_wrong, key=len, reverse=True)
        self.regex = re.compile("|".join(map(re.escape, words))) if words else None

    def find(self, text: str, whole: str = "") -> Iterator[tuple[int, int, Pair]]:
        if self.regex is None:
            return
        for m in self.regex.finditer(text):
            s, e = m.span()
            for p in self.by_wrong[m.group()]:
                if p.before or p.after:
                    ok = (any(text.endswith(b, 0, s) for b in p.before)
                          or any(text.startswith(a, e) for a in p.after))
                    if not ok:
                        continue
                if any(_covers(text, u, s, e) for u in p.unless):
                    continue
                if p.if_seen and p.right not in (whole or text):
                    continue
                yield s, e, p
                break


def _covers(text: str, word: str, s: int, e: int) -> bool:
    """Does an occurrence of `word` in text cover the span [s, e)?"""
    i = text.find(word, max(0, e - len(word)))
    while 0 <= i <= s:
        if i + len(word) >= e:
            return True
        i = text.find(word, i + 1)
    return False


def pair_of(item: dict[str, Any]) -> Pair:
    def many(key: str) -> tuple[str, ...]:
        v = item.get(key) or ()
        return tuple(str(x) for x in (v if isinstance(v, list | tuple) else [v]))

    return Pair(str(item["wrong"]), str(item.get("right", "")), many("before"), many("after"),
                many("unless"), bool(item.get("if_seen")), str(item.get("note", "")))


@cache
def builtin_pairs() -> tuple[Pair, ...]:
    """The shipped table (check/data/wording.yaml)."""
    from importlib import resources

    text = resources.files("wengao").joinpath(*WORDING_TABLE).read_text(encoding="utf-8")
    return tuple(pair_of(i) for i in load_yaml_text(text) or [])
