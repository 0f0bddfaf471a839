"""What a search query asks for: words that must all occur, numbers that match one another.

"安全 生产" is two words, both required. In "强调几点意见" the count is a wildcard, so it finds
"我再强调三点意见" and "讲两点意见": a count in a formulation (几/两/三 … 点/个/条/方面) matches
any count. A query with no hit falls back to its parts (`parts`), and the caller says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMERALS = "一二两三四五六七八九十百几多若干数"
# a count followed by what is counted: 三点意见, 两个维护, 四条要求, 几个方面, 五大行动
_COUNT_RE = re.compile(rf"[{NUMERALS}]+(?=[点个条项方面件种大句层是要])")
_SPLIT_RE = re.compile(r"[\s\u3000，、；。！？,;]+")


@dataclass(frozen=True)
class Term:
    """One word of a query: literal fragments (all must occur) and a pattern they must form."""

    text: str
    fragments: tuple[str, ...]
    pattern: re.Pattern[str] | None  # only when the word holds a count


def parse_term(word: str) -> Term:
    if not _COUNT_RE.search(word):
        return Term(word, (word,), None)
    fragments = tuple(f for f in _COUNT_RE.split(word) if f)
    rx = _COUNT_RE.sub(lambda m: "\x00", word)
    pattern = re.compile("".join(f"[{NUMERALS}]+" if ch == "\x00" else re.escape(ch) for ch in rx))
    return Term(word, fragments, pattern)


def parse_query(query: str) -> list[Term]:
    return [parse_term(w) for w in _SPLIT_RE.split(query.strip()) if w]


def parts(query: str) -> list[str]:
    """What a query falls back to: its words; a single long word, its two-character pieces."""
    words = [w for w in _SPLIT_RE.split(query.strip()) if w]
    if len(words) > 1:
        return words
    if not words:
        return []
    word = _COUNT_RE.sub("", words[0])
    if len(word) < 4:
        return []
    pieces = [word[i:i + 2] for i in range(0, len(word) - 1, 2)]
    if len(word) % 2:
        pieces[-1] = word[-3:]
    return pieces


def matches(text: str, terms: list[Term]) -> bool:
    for term in terms:
        if term.pattern is not None:
            if not term.pattern.search(text):
                return False
        elif term.text not in text:
            return False
    return True
