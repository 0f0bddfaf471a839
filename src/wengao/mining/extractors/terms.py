"""Parallel lists, numbered and quoted formulations (提法), classical lines and quotations."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wengao.mining.extractors.base import Candidate
from wengao.mining.lexicon import Lexicon
from wengao.mining.segment import Doc, sentences
from wengao.text.punct import HAN

_AFTER_LIST = set("成为是的等和与及在上中里得地作")
CN_NUM = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_LIST_RE = re.compile(rf"(?:[{HAN}]{{2,8}}、){{2,}}[{HAN}]{{2,8}}")
_QUOTED_RE = re.compile(r"“([^“”]{2,24})”")
_NUMBERED_RE = re.compile(rf"^([一两二三四五六七八九十])(?:个|大|项|条|张|同步|优|美)?[{HAN}]{{1,6}}$")
_PAIRED_RE = re.compile(rf"^[一两二三四五六七八九十][{HAN}][一两二三四五六七八九十][{HAN}]$")  # 两进两回
_COUPLET_RE = re.compile(rf"^([{HAN}]{{4,8}})，([{HAN}]{{4,8}})(?:，([{HAN}]{{4,8}})，([{HAN}]{{4,8}}))?[。！]?$")
_SAYS_RE = re.compile(r"(?:指出|强调|说|讲)[：，]?“([^“”]{8,60})”")


def _items(span: str) -> list[str]:
    return span.split("、")


def parallel_candidates(doc: Doc, topics: tuple[str, ...], lex: Lexicon) -> Iterator[Candidate]:
    for p in doc.body:
        for m in _LIST_RE.finditer(p.text):
            items = _items(m.group(0))
            middle = {len(x) for x in items[1:-1]}
            if len(middle) != 1:
                continue
            width = middle.pop()
            before = p.text[m.start() - 1] if m.start() else ""
            # a list starts a clause; its last item may run into the words after it
            if len(items[0]) != width or re.match(f"[{HAN}]", before or " "):
                continue
            if len(items[-1]) != width:
                if len(items[-1]) < width or items[-1][width] not in _AFTER_LIST:
                    continue
                items[-1] = items[-1][:width]
            if len(items) >= 3 and "等等" not in items:
                kind = "idiom" if width <= 4 else "sentence"
                yield Candidate("、".join(items), "parallel", kind, doc.file, p.lineno, doc.genre, topics)
        for s in sentences(p.text):
            clauses = [c for c in re.split("[，；]", s.rstrip("。！？")) if c]
            if len(clauses) >= 3:
                heads = {c[:2] for c in clauses}
                if len(heads) == 1 and all(6 <= len(c) <= 20 for c in clauses) and not re.search(r"\d", s):
                    yield Candidate(s, "parallel", "sentence", doc.file, p.lineno, doc.genre, topics)


def _expansion(text: str, start: int, end: int, n: int) -> str | None:
    """The items a numbered formulation stands for, when the text lists them beside it."""
    after = text[end:end + 120]
    m = re.match(r"（([^（）]{4,110})）", after)
    if m and len(re.split("[、，；]", m.group(1))) == n:
        return m.group(1)
    before = text[max(0, start - 60):start]
    m = re.search(rf"((?:[{HAN}]{{1,8}}、)+[{HAN}]{{1,8}})$", before)
    if m and len(m.group(1).split("、")) == n:
        items = m.group(1).split("、")
        # the first item may carry a lead-in verb ("全面推进乡村产业"): trim it to its siblings' size
        width = max(len(x) for x in items[1:])
        items[0] = items[0][-max(width, 2):] if len(items[0]) > width + 2 else items[0]
        if max(map(len, items)) <= 2 * min(map(len, items)):
            return "、".join(items)
    return None


def term_candidates(doc: Doc, topics: tuple[str, ...], lex: Lexicon) -> Iterator[Candidate]:
    for p in doc.body:
        for m in _QUOTED_RE.finditer(p.text):
            inner = m.group(1)
            if not re.fullmatch(f"[{HAN}、·]+", inner):
                continue
            num = _NUMBERED_RE.match(inner) or _PAIRED_RE.match(inner)
            if num and len(inner) <= 8:
                n = CN_NUM.get(inner[0], 0)
                counted = re.match("^.(?:个|大|项|条)", inner) is not None  # 五个振兴, not 三农
                exp = _expansion(p.text, m.start(), m.end(), n) if n >= 2 and counted else None
                yield Candidate(f"“{inner}”", "term", "term", doc.file, p.lineno, doc.genre, topics,
                                expansion=exp)
            elif 4 <= len(inner) <= 20 and ("、" in inner or len(inner) >= 6):
                yield Candidate(f"“{inner}”", "term", "term", doc.file, p.lineno, doc.genre, topics)


def quote_candidates(doc: Doc, topics: tuple[str, ...], lex: Lexicon) -> Iterator[Candidate]:
    for p in doc.body:
        for k, s in enumerate(sentences(p.text)):
            if p.kind == "heading" or (k == 0 and p.kind == "point"):
                continue  # headings and leads are mined as headings
            core = s.strip("“”")
            m = _COUPLET_RE.match(core)
            if m and len({len(g) for g in m.groups() if g}) == 1:
                yield Candidate(core.rstrip("。！"), "quote", "idiom", doc.file, p.lineno, doc.genre, topics)
        for m in _SAYS_RE.finditer(p.text):
            inner = m.group(1)
            if not re.search(r"\d", inner):
                yield Candidate(f"“{inner}”", "quote", "sentence", doc.file, p.lineno, doc.genre, topics)
