"""Headings of every level, lead sentences, and heading templates shared by sibling headings."""

from __future__ import annotations

from collections.abc import Iterator

from wengao.mining.extractors.base import Candidate, make_slots, repaired_span
from wengao.mining.lexicon import Lexicon
from wengao.mining.segment import Doc

MIN_SHARED = 4  # characters two sibling headings must share for a template


def heading_candidates(doc: Doc, topics: tuple[str, ...], lex: Lexicon) -> Iterator[Candidate]:
    current = 0
    for p in doc.paras:
        if p.kind == "heading":
            current = p.level
            text, level = p.text, p.level
        elif p.kind == "point" and p.lead:
            text, level = p.lead, current + 1
        else:
            continue
        repaired, fired = repaired_span(text, p.repairs, p.original)
        yield Candidate(text, "heading", "heading", doc.file, p.lineno, doc.genre, topics,
                        level=level, repaired_from=repaired, repairs=fired)


def _longest_common(a: str, b: str) -> str:
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def _whole_phrase(part: str, texts: list[str]) -> bool:
    """A quoted term, or a phrase that ends where a word must end (before 的，、。) everywhere."""
    if part.startswith("“") and part.endswith("”"):
        return True
    for t in texts:
        at = t.find(part)
        if len(t) - (at + len(part)) < 3:
            return False  # the topic sits inside the heading, never at its end
        after = t[at + len(part): at + len(part) + 1]
        if after not in ("", "的", "，", "、", "。"):
            return False
    return True


def template_candidates(doc: Doc, topics: tuple[str, ...], lex: Lexicon) -> Iterator[Candidate]:
    """Sibling headings sharing a topic phrase: the phrase becomes {主题}, the skeleton is reusable.

    "提高政治站位，进一步增强推动乡村振兴工作的责任感使命感" and "坚持精准施策，进一步把准
    推动乡村振兴工作的关键点着力点" share "推动乡村振兴工作" → two heading templates.
    """
    groups: dict[int, list] = {}
    for p in doc.paras:
        if p.kind == "heading":
            groups.setdefault(p.level, []).append(p)
    for siblings in groups.values():
        if len(siblings) < 2:
            continue
        shared = ""
        for a in siblings:
            for b in siblings:
                if a is not b:
                    common = _longest_common(a.text, b.text).strip("，、。的")
                    if len(common) > len(shared) and _whole_phrase(common, [a.text, b.text]):
                        shared = common
        if len(shared) < MIN_SHARED:
            continue
        for p in siblings:
            if shared in p.text and len(p.text) - len(shared) >= 6 and _whole_phrase(shared, [p.text]):
                text = make_slots(p.text.replace(shared, "{主题}", 1), lex)
                yield Candidate(text, "heading", "template", doc.file, p.lineno, doc.genre, topics,
                                level=p.level)
