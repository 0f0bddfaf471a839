"""Sentences out of block text: cut only at sentence punctuation, never inside a quotation, with
enumerators (一是/一要/首先/1．/（1）) and invisible characters taken off, and the offset of
each sentence in its block kept (to name the line where it stands)."""

from __future__ import annotations

import re
from functools import lru_cache

from wengao.document.numbering import parse_number, parse_point

_OPEN, _CLOSE = "“‘《（([【", "”’》）)]】"
_MARKS_RE = re.compile("[“‘《（(\\[【”’》）)\\]】。！？；]")
_INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff\u00ad]")
# enumerators a sentence may open with, beyond the numbering grammar: 一方面, 另一方面, 第一 …
_LEAD_RE = re.compile(r"^(?:[—―─]{1,2}|另一方面|一方面|其一|其二|其三|第[一二三四五六七八九十]+(?:句话|点|条|个方面)?(?=[，、：])"
                      r"|再者|此其一|(?:体会|感悟|启示|收获|做法|经验|措施|建议)[一二三四五六七八九十](?=[，、：]))[，、：]?")
# a stage, step or item of one plan's list (第六阶段为…, 第三步是…): it stands for its place in the list
LIST_ITEM_RE = re.compile(r"^第[一二三四五六七八九十]+(?:阶段|步|项|环节)(?:为|是|：)")
# a reporting verb whose speaker was cut off (a redacted name): 指出，国有企业是… → 国有企业是…
_SAID_RE = re.compile(r"^(?:指出|强调|表示|认为)[，：]")
# a connective that only ties the sentence to the one before: the rest stands alone (因此，扎实抓好… →
# 扎实抓好…), and so does a call after it without a comma (因此要大力推动… → 要大力推动…); otherwise,
# without its comma, it is part of the sentence and the miner's context check decides
_SO_RE = re.compile(r"^(?:因此|所以|因而|为此|对此|由此|故此|故而|同时)，|^(?:总之|综上所述?)："
                    r"|^(?:因此|所以|因而)(?=要|必须)")


def clean(text: str) -> str:
    return _INVISIBLE_RE.sub("", text).strip()


@lru_cache(maxsize=4096)
def split(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs: cut after 。！？； outside quotation marks; a closing quote after
    the mark stays with the sentence. A quotation left open never swallows the rest: at a mark
    followed by the next sentence's start, long after the quote opened, the depth resets."""
    out: list[tuple[int, str]] = []
    start, depth, opened = 0, 0, 0
    n = len(text)
    skip_to = 0
    for m in _MARKS_RE.finditer(text):  # only the characters that matter, not every one
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        if ch in _OPEN:
            depth += 1
            opened = i
            continue
        if ch in _CLOSE:
            depth = max(0, depth - 1)
            continue
        if depth and i - opened > 80:
            depth = 0
        if depth == 0:
            j = i + 1
            while j < n and text[j] in "”’）)":
                j += 1
            piece = text[start:j]
            if piece.strip():
                out.append((start + len(piece) - len(piece.lstrip()), piece.strip()))
            start = j
            skip_to = j
    tail = text[start:]
    if tail.strip():
        out.append((start + len(tail) - len(tail.lstrip()), tail.strip()))
    return out


@lru_cache(maxsize=8192)  # stock sentences recur from document to document
def connective(sentence: str) -> bool:
    """It opens with a connective or a cut-off reporting verb (因此，/同时，/指出，), not an enumerator."""
    return bool(_SO_RE.match(sentence) or _SAID_RE.match(sentence))


def strip_enumerator(sentence: str) -> tuple[str, str]:
    """(sentence without its enumerator, the enumerator): 一是加强… → 加强…; 1．加强 → 加强."""
    s = sentence
    marker = ""
    for _ in range(2):  # "（一）一是…" carries two
        point = parse_point(s)
        if point is not None and point.rest and point.verb != "":
            rest = point.rest
            if point.verb == "要" and rest.startswith("要"):
                rest = rest[1:]
            marker += point.marker
            s = rest.lstrip("，,：: ")
            continue
        if point is not None and point.verb == "" and point.marker.startswith(("首先", "其次", "再次")):
            marker += point.marker
            s = point.rest.lstrip()
            continue
        number = parse_number(s)
        if number is not None and number.rest and number.scheme.name not in ("BARE",):
            marker += number.marker
            s = number.rest
            continue
        m = _LEAD_RE.match(s) or _SAID_RE.match(s) or _SO_RE.match(s)
        if m and len(s) > m.end():
            marker += m.group(0)
            s = s[m.end():]
            continue
        break
    return s, marker


def balanced(sentence: str) -> bool:
    """Quotation marks and brackets closed: a sentence cut inside a quotation is not whole."""
    count = sentence.count  # the pairs “” 《》 （） ‘’ 【】, without a generator per sentence
    return count("“") == count("”") and count("《") == count("》") and count("（") == count("）") \
        and count("‘") == count("’") and count("【") == count("】")
