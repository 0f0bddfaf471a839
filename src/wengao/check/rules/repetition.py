"""Repetition: a sentence (of 15 characters or more) said twice in one draft, and, with
`--against FILE`, every such sentence taken over from that file — word for word, or with a few
words or figures changed (80% of its characters lie in 8-character stretches found there).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from wengao.check.model import Finding, InputKind, Source, Unit
from wengao.check.rules.base import Context, finding, key, sentences

INSIDE, AGAINST = "repeat.inside", "repeat.against"
MIN_CHARS = 15
_SHINGLE = 8
_SHARE = 0.8


def check(src: Source, ctx: Context) -> Iterable[Finding]:
    if ctx.config.enabled(INSIDE):
        yield from _inside(src)
    if ctx.config.enabled(AGAINST) and ctx.against is not None:
        yield from _against(src, ctx)


def _body_sentences(src: Source, *, digits: bool = False) -> Iterator[tuple[Unit, int, int, str]]:
    """Body sentences of MIN_CHARS or more, with their key (`digits`: as key() takes it; a
    digit stays one character either way, so the same sentences pass)."""
    for unit in src.units:
        if not unit.is_body:
            continue
        for s, e in sentences(unit.text):
            if s < unit.body_from:
                continue  # a run-in heading's own sentence
            k = key(unit.text[s:e], digits=digits)
            if len(k) >= MIN_CHARS:
                yield unit, s, e, k


def _where_word(src: Source) -> str:
    return "check.unit.para" if src.kind is InputKind.DOCX else "check.unit.line"


def _inside(src: Source) -> Iterator[Finding]:
    from wengao.i18n import t

    first: dict[str, tuple[Unit, int, int, bool]] = {}
    for unit, s, e, k in _body_sentences(src):
        if unit.text[s:e].rstrip("”’）」』》 \u3000")[-1:] not in "。！？；!?":
            continue  # a title or a line without a full stop (compilations repeat titles)
        scope = k
        if scope in first:
            prev, ps, pe, flagged = first[scope]
            yield finding(INSIDE, unit, s, e - s, "repeat.inside", "",
                          where=t(_where_word(src), line=prev.where(ps)[0]))
            if not flagged:  # the first one too: either may be the copy
                first[scope] = (prev, ps, pe, True)
                yield finding(INSIDE, prev, ps, pe - ps, "repeat.inside-first", "",
                              where=t(_where_word(src), line=unit.where(s)[0]))
        else:
            first[scope] = (unit, s, e, False)


def _against(src: Source, ctx: Context) -> Iterator[Finding]:
    from wengao.i18n import t

    other = ctx.against_source
    if other is None:
        return
    exact, shingles = ctx.cached("against", lambda: _index(other))
    word = _where_word(other)
    name = other.path
    for unit, s, e, k in _body_sentences(src, digits=True):
        line = exact.get(k)
        if line is None and len(k) >= _SHINGLE:
            covered = [False] * len(k)
            lines = []
            for i in range(len(k) - _SHINGLE + 1):
                at = shingles.get(k[i:i + _SHINGLE])
                if at is not None:
                    lines.append(at)
                    covered[i:i + _SHINGLE] = [True] * _SHINGLE
            if sum(covered) >= _SHARE * len(k):
                line = Counter(lines).most_common(1)[0][0]
        if line is not None:
            yield finding(AGAINST, unit, s, e - s, "repeat.against", "", file=name,
                          where=t(word, line=line))


def _index(other: Source) -> tuple[dict[str, int], dict[str, int]]:
    exact: dict[str, int] = {}
    shingles: dict[str, int] = {}
    for unit in other.units:
        for s, e in sentences(unit.text):
            k = key(unit.text[s:e], digits=True)
            if len(k) < MIN_CHARS:
                continue
            line = unit.where(s)[0]
            exact.setdefault(k, line)
            for i in range(len(k) - _SHINGLE + 1):
                shingles.setdefault(k[i:i + _SHINGLE], line)
    return exact, shingles
