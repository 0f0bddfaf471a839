"""The candidate every extractor proposes, and slot-making shared by them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wengao.mining.lexicon import Lexicon, RepairRule
from wengao.text.punct import HAN


@dataclass
class Candidate:
    text: str
    function: str
    kind: str
    file: str
    line: int
    genre: str
    topics: tuple[str, ...] = ()
    level: int | None = None
    expansion: str | None = None
    repaired_from: str | None = None
    repairs: tuple[RepairRule, ...] = field(default=(), compare=False)


_SLOT_UNITS = [("市", "市名"), ("区", "区名"), ("县", "县名"), ("乡", "乡名"), ("镇", "镇名"),
               ("村", "村名"), ("年", "年份"), ("月", "月份"), ("日", "日期"), ("户", "户数"),
               ("人", "人数"), ("个", "数量"), ("项", "数量"), ("家", "数量")]
_ANON_RE = re.compile(r"(?<![A-Za-z])(X{1,3}|x{1,3})(?![A-Za-z])")


def make_slots(text: str, lex: Lexicon) -> str:
    """Anonymised X/XX/x and province names become named {slots}."""
    if "X" in text or "x" in text:
        # One name per unit: "创新xx、实力xx" means the same place twice, filled by one value.
        def repl(m: re.Match[str]) -> str:
            after = text[m.end(): m.end() + 1]
            before = text[m.start() - 1: m.start()] if m.start() else ""
            if not (re.match(f"[{HAN}“”]", after or " ") or re.match(f"[{HAN}“”]", before or " ")):
                return m.group(0)
            return "{" + next((n for unit, n in _SLOT_UNITS if after == unit), "名称") + "}"

        text = _ANON_RE.sub(repl, text)
    for place in lex.places:
        if place in text:
            text = text.replace(place, "{地区}")
    return text


def has_slot(text: str) -> bool:
    return "{" in text


def topics_of(text: str, lex: Lexicon) -> tuple[str, ...]:
    found = []
    for topic, words in lex.topics.items():
        hits = sum(text.count(w) for w in words)
        if hits >= 2:
            found.append(topic)
    return tuple(found)


def repaired_span(text: str, repairs: tuple[RepairRule, ...], original: str) -> tuple[str | None, tuple[RepairRule, ...]]:
    """The corrupted form of a repaired piece of text, found back in its original line."""
    fired = tuple(r for r in repairs if r.right in text)
    if not fired or not original:
        return None, ()
    guess = text
    for r in fired:
        guess = guess.replace(r.right, r.wrong)
    if guess in original:
        return guess, fired
    at = original.find(text[:4])
    if at >= 0:
        return original[at: at + len(text) + 8].split("。")[0] + "。", fired
    return guess, fired
