"""Numbering: gaps and repeats (一、二、四、), wrong nesting ((一) before any 一、 of its section;
1. before (一)), mixed marks at one level (1、 and 1.), 一是…三是 with no 二是, and own-line
headings that end in 。 while their siblings at that level do not.

Headings come from the reader (`Block.level`, `scheme`, `value`, `number`, `pos`); where a block
carries no number the shared grammar (`parse_number`) reads it from the paragraph. Siblings are
the headings of one level under one parent heading, within one part of a compilation.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wengao.check.model import Finding, Source, Unit
from wengao.check.rules.base import Context, finding
from wengao.document.numbering import Scheme, chinese_number, parse_number, parse_point
from wengao.reading.model import Block, BlockKind

SEQUENCE, NESTING, MIXED, POINTS, PERIOD = ("numbering.sequence", "numbering.nesting", "numbering.mixed",
                                            "numbering.points", "numbering.period")
# the order GB/T 9704 gives the four levels (and ① below them)
_RANK = {Scheme.CN: 0, Scheme.PAREN_CN: 1, Scheme.ARABIC: 2, Scheme.ARABIC_DUN: 2,
         Scheme.PAREN_ARABIC: 3, Scheme.CIRCLED: 4}
_FAMILY = {Scheme.ARABIC_DUN: Scheme.ARABIC}
_STANDARD_FORM = {Scheme.CN: "N、", Scheme.PAREN_CN: "（N）", Scheme.ARABIC: "N.", Scheme.PAREN_ARABIC: "（N）"}
_NUMERAL_RE = re.compile(r"[一二三四五六七八九十百零〇两]+|\d+|[①-⑳]")


@dataclass
class _Head:
    block: Block
    unit: Unit
    offset: int  # where the number starts in the unit's text
    scheme: Scheme
    value: int
    marker: str
    label: str
    part: int

    @property
    def family(self) -> tuple[Scheme, str]:
        return (_FAMILY.get(self.scheme, self.scheme), self.label)

    @property
    def form(self) -> str:
        """The marker with its numeral replaced: 一、 → N、, 1． → N．, (一) → （N）."""
        form = _NUMERAL_RE.sub("N", self.marker.strip(), count=1).replace("(", "（").replace(")", "）")
        return re.sub(r"\s+", "", form)


def check(src: Source, ctx: Context) -> Iterable[Finding]:
    cfg = ctx.config
    if src.document is not None and any(cfg.enabled(r) for r in (SEQUENCE, NESTING, MIXED, PERIOD)):
        heads, all_heads = _heads(src)
        parents = _parents(all_heads)
        if cfg.enabled(SEQUENCE):
            yield from _sequence(heads, parents)
        if cfg.enabled(NESTING):
            yield from _nesting(heads)
        if cfg.enabled(MIXED):
            yield from _mixed(heads, all_heads, parents)
        if cfg.enabled(PERIOD):
            yield from _period(all_heads, parents)
    if cfg.enabled(POINTS):
        yield from _points(src)


def _units_by_line(src: Source) -> dict[int, Unit]:
    out: dict[int, Unit] = {}
    for u in src.units:
        if u.cell is None:
            out.setdefault(u.line, u)
    return out


def _parts(src: Source) -> dict[int, int]:
    """id(block) → the part it belongs to (a compilation's pieces number separately)."""
    doc = src.document
    out: dict[int, int] = {}
    if doc is None:
        return out
    if doc.parts:
        for i, part in enumerate(doc.parts):
            for b in part.blocks:
                out[id(b)] = i
        return out
    part = 0
    seen_body = False
    for b in doc.blocks:
        if b.kind is BlockKind.TITLE and seen_body:
            part += 1  # a second title after body text: a new document begins
            seen_body = False
        elif b.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.POINT):
            seen_body = True
        out[id(b)] = part
    return out


def _heads(src: Source) -> tuple[list[_Head], list[_Head]]:
    """(numbered headings, every heading) in order, with their numbers read."""
    units = _units_by_line(src)
    parts = _parts(src)
    numbered: list[_Head] = []
    every: list[_Head] = []
    blocks = src.document.blocks if src.document else []
    levels = {(b.scheme, b.level) for b in blocks if b.kind is BlockKind.HEADING and b.level}
    for b in blocks:
        unit = units.get(b.pos)
        if unit is None:
            continue
        part = parts.get(id(b), 0)
        if b.kind is not BlockKind.HEADING:
            missed = _missed_heading(b, unit, levels)
            if missed is None:
                continue
            b = missed
        scheme, value, marker, label = b.scheme, b.value, b.number, ""
        if not marker or not value:
            n = (parse_number(b.source) if b.source else None) or parse_number(unit.text)
            if n is not None:
                scheme, value, marker, label = n.scheme, n.value, n.marker, n.label
        elif scheme in (Scheme.LABEL, Scheme.ORDINAL):
            n = parse_number(marker)
            label = n.label if n else ""
        offset = unit.text.find(marker.strip()) if marker.strip() else -1
        if offset < 0:
            offset = len(unit.text) - len(unit.text.lstrip())
        head = _Head(b, unit, offset, scheme, value, marker, label, part)
        every.append(head)
        if value and scheme not in (Scheme.STYLE, Scheme.NONE):
            numbered.append(head)
    return numbered, every


def _missed_heading(b: Block, unit: Unit, levels: set[tuple[Scheme, int]]) -> Block | None:
    """A paragraph that is plainly a numbered heading the reader passed over (三．2026年重点工作:
    a slipped separator): an own-line 一、 or （一） of a scheme the document's headings use.
    Leaving it out would make its siblings look like a gap."""
    if b.kind is not BlockKind.PARAGRAPH:
        return None
    text = unit.text.strip()
    n = parse_number(text)
    if n is None or n.scheme not in (Scheme.CN, Scheme.PAREN_CN) or not n.rest or len(text) > 40 \
            or "。" in text[:-1]:
        return None
    level = next((lv for s, lv in sorted(levels, key=lambda x: x[1]) if s is n.scheme), 0)
    if not level:
        return None
    return Block(BlockKind.HEADING, n.rest, b.pos, source=unit.text, level=level, scheme=n.scheme,
                 number=n.marker, value=n.value)


def _parents(every: list[_Head]) -> dict[int, int]:
    """id(head) → index of its parent heading in its part (−1: none).

    For the four GB/T 9704 levels and ① the parent is the nearest earlier heading of a higher
    rank (一、 over （一） over 1. over （1）), whatever levels the reader gave (a reader may put
    1. and 1、 on two levels); for other numbers, the nearest earlier heading of a lower level.
    """
    out: dict[int, int] = {}
    for i, head in enumerate(every):
        out[id(head)] = -1
        rank = _RANK.get(head.scheme)
        for j in range(i - 1, -1, -1):
            other = every[j]
            if other.part != head.part:
                break
            other_rank = _RANK.get(other.scheme)
            if rank is not None and other_rank is not None:
                if other_rank < rank:
                    out[id(head)] = j
                    break
            elif other.block.level and head.block.level and other.block.level < head.block.level:
                out[id(head)] = j
                break
    return out


def _tier(every: list[_Head], parents: dict[int, int], h: _Head) -> tuple:
    """What makes headings 'of one level': their numbering family and their parent's kind."""
    j = parents[id(h)]
    parent = every[j] if j >= 0 else None
    above = (_FAMILY.get(parent.scheme, parent.scheme), parent.label) if parent else None
    return (h.part, h.family if h.scheme in _RANK else h.block.level, above)


def _marker_for(head: _Head, value: int) -> str:
    """head's marker with another value: （三） → （四）."""
    m = _NUMERAL_RE.search(head.marker)
    if not m:
        return head.marker.strip()
    old = m.group()
    new = str(value) if old.isdigit() else chr(0x2460 + value - 1) if "①" <= old <= "⑳" else chinese_number(value)
    return (head.marker[:m.start()] + new + head.marker[m.end():]).strip()


def _sequence(heads: list[_Head], parents: dict[int, int]) -> Iterator[Finding]:
    groups: dict[tuple, list[_Head]] = defaultdict(list)
    for h in heads:
        groups[(h.part, parents[id(h)], h.family)].append(h)
    for members in groups.values():
        last: _Head | None = None
        for h in members:
            expected = last.value + 1 if last else 1
            if h.value == expected or (last is not None and h.value == 1 and last.value > 1):
                last = h  # in order, or a new list starting again at 1
                continue
            if last is not None and h.value <= last.value:
                yield finding(SEQUENCE, h.unit, h.offset, len(h.marker.strip()), "numbering.repeat",
                              _marker_for(h, expected), this=h.marker.strip(), prev=last.marker.strip())
                last = h if h.value > last.value else last
                continue
            yield finding(SEQUENCE, h.unit, h.offset, len(h.marker.strip()), "numbering.gap",
                          _marker_for(h, expected), this=h.marker.strip(),
                          missing=_marker_for(h, expected))
            last = h


def _nesting(heads: list[_Head]) -> Iterator[Finding]:
    """A heading whose level's parent (一、 for （一）, （一） for 1.) is missing here but is used
    later in the same section: the writer put the levels in the wrong order."""
    ranked = [(h, _RANK[h.scheme]) for h in heads if h.scheme in _RANK]
    flagged_until = -1
    for i, (h, r) in enumerate(ranked):
        if r == 0 or i <= flagged_until:
            continue
        prev = next((ranked[j] for j in range(i - 1, -1, -1)
                     if ranked[j][0].part == h.part and ranked[j][1] < r), None)
        if prev is not None and prev[1] == r - 1:
            continue
        for k in range(i + 1, len(ranked)):
            other, rk = ranked[k]
            if other.part != h.part or rk < r - 1:
                break
            if rk == r - 1:
                yield finding(NESTING, h.unit, h.offset, len(h.marker.strip()), "numbering.nesting",
                              "", this=h.marker.strip(), parent=other.marker.strip())
                # its siblings up to the misplaced parent share the mistake: one finding
                flagged_until = k
                break


def _mixed(heads: list[_Head], every: list[_Head], parents: dict[int, int]) -> Iterator[Finding]:
    groups: dict[tuple, list[_Head]] = defaultdict(list)
    for h in heads:
        if h.scheme in _STANDARD_FORM or h.scheme is Scheme.ARABIC_DUN:
            groups[_tier(every, parents, h)].append(h)
    for members in groups.values():
        forms = Counter(h.form for h in members)
        if len(forms) < 2:
            continue
        standard = _STANDARD_FORM.get(members[0].family[0], "")
        usual = max(forms, key=lambda f: (forms[f], f == standard))
        for h in members:
            if h.form != usual:
                suggestion = usual.replace("N", _NUMERAL_RE.search(h.marker).group())
                yield finding(MIXED, h.unit, h.offset, len(h.marker.strip()), "numbering.mixed",
                              suggestion, this=h.marker.strip(), usual=suggestion)


def _own_line(h: _Head) -> bool:
    text = h.unit.text.strip()
    return not h.block.run_in and not h.block.body and "。" not in text[:-1]


def _period(every: list[_Head], parents: dict[int, int]) -> Iterator[Finding]:
    groups: dict[tuple, list[_Head]] = defaultdict(list)
    for h in every:
        if _own_line(h):
            groups[_tier(every, parents, h)].append(h)
    for members in groups.values():
        ending = [h for h in members if h.unit.text.rstrip().endswith("。")]
        plain = len(members) - len(ending)
        if not ending or plain == 0 or len(ending) > plain:
            continue
        for h in ending:
            at = len(h.unit.text.rstrip()) - 1
            yield finding(PERIOD, h.unit, at, 1, "numbering.period", h.unit.text.strip()[:-1])


# 一是/二要 at a paragraph's start or after a mark (not 统一是, not 一是一、二是二)
_POINT_RE = re.compile(r"(?:^|(?<=[。；：！？，、\s“]))([一二三四五六七八九十]{1,3})([是要])(?![素求点件])")
_POINT_GAP = 3  # paragraphs a series may run over without a marker


def _points(src: Source) -> Iterator[Finding]:
    from wengao.document.numbering import chinese_value

    run: dict | None = None
    index = 0
    for unit in src.units:
        if unit.cell is not None:
            continue
        index += 1
        if parse_point(unit.text) is not None:
            start = 0  # a paragraph opening with 一是 (whatever the reader called it)
        else:
            if unit.kind is BlockKind.HEADING:
                run = None  # a new section: its points count afresh
            if not unit.is_body:
                continue
            start = unit.body_from
        for m in _POINT_RE.finditer(unit.text, start):
            numeral, verb = m.group(1), m.group(2)
            value = chinese_value(numeral)
            if not value or unit.text.startswith(numeral, m.end()):
                continue
            near = run is not None and run["verb"] == verb and index - run["index"] <= _POINT_GAP
            if value == 1 or not near:
                run = {"verb": verb, "last": value, "index": index} if value == 1 else None
                continue
            assert run is not None
            expected = run["last"] + 1
            if value > expected:
                missing = chinese_number(expected) + verb
                yield finding(POINTS, unit, m.start(), m.end() - m.start(), "numbering.points-gap",
                              missing, this=m.group(), missing=missing)
            elif value < expected:
                yield finding(POINTS, unit, m.start(), m.end() - m.start(), "numbering.points-repeat",
                              chinese_number(expected) + verb, this=m.group())
            run["last"] = max(run["last"], value)
            run["index"] = index
