"""Punctuation (GB/T 15834-2011): half-width , : ; ! ? ( ) " . in Chinese text; unpaired “” ‘’
（） 《》; doubled marks (，， 。，); dashes that are not —— ; ellipses that are not …… ; blanks
inside Chinese sentences. Times (10:30), numbers (1,000), URLs and Latin text are left alone:
a mark is “Chinese” only when the nearest character beside it is Chinese (as in text/punct.py),
or half-width punctuation that is itself Chinese (改革)!). A full stop after a number that
follows Chinese text ends a Chinese sentence (增长7.8%.) unless it is a run-in list mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from wengao.check.model import Finding, Source, Unit
from wengao.check.rules.base import SPACES, Context, cjk_context, finding
from wengao.text.punct import CJK, FULLWIDTH, HAN, han_period_re, has_han, is_cjk, is_han, neighbour

HALFWIDTH, UNPAIRED, DOUBLED, DASH, ELLIPSIS, BLANK = (
    "punct.halfwidth", "punct.unpaired", "punct.doubled", "punct.dash", "punct.ellipsis", "punct.blank")
_MARK_RE = re.compile(r"[,:;!?]")
_PAREN_RE = re.compile(r"\(([^()\n]{0,80})\)")
_DQUOTE_RE = re.compile(r'"([^"\n]{0,200})"')
_SQUOTE_RE = re.compile(r"(?<![A-Za-z])'([^'\n]{0,80})'(?![A-Za-z])")
_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_LIST_MARK_RE = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})[)）]")
_DOUBLED_RE = re.compile(r"[，。、；：]{2,}")
_DASH_RE = re.compile(r"-{2,}|—+|－+|─+|━+|–+")
_ELLIPSIS_RE = re.compile(r"\.{3,}|。{3,}|…+|·{3,}|・{3,}|⋯+")
_BLANKS = " \t\u3000\u00a0"


@cache
def _blank_re() -> re.Pattern[str]:
    return re.compile(f"(?<=[{CJK}])[{_BLANKS}]+(?=[{CJK}])")


def check(src: Source, ctx: Context) -> Iterable[Finding]:
    cfg = ctx.config
    for unit in src.units:
        text = unit.text
        if not has_han(text):
            continue
        if cfg.enabled(HALFWIDTH):
            yield from _halfwidth(unit)
        if cfg.enabled(DOUBLED):
            yield from _doubled(unit)
        if cfg.enabled(DASH):
            yield from _dash(unit)
        if cfg.enabled(ELLIPSIS):
            yield from _ellipsis(unit)
        if cfg.enabled(BLANK) and unit.is_body:
            yield from _blank(unit)
    if cfg.enabled(UNPAIRED):
        yield from _unpaired(src.units)


def _halfwidth(unit: Unit) -> Iterator[Finding]:
    text = unit.text
    groups: list[Finding] = []  # half-width ( ) and quotes around or beside Chinese
    if "(" in text or ")" in text:
        for m in _PAREN_RE.finditer(text):
            if has_han(m.group(1)) or cjk_context(text, m.start(), m.end()):
                suggestion = f"（{m.group(1)}）" if len(m.group()) <= 30 else "（）"
                groups.append(finding(HALFWIDTH, unit, m.start(), m.end() - m.start(), "punct.halfwidth",
                                      suggestion, mark="()"))
    if '"' in text:
        for m in _DQUOTE_RE.finditer(text):
            if has_han(m.group(1)):
                suggestion = f"“{m.group(1)}”" if len(m.group()) <= 30 else "“”"
                groups.append(finding(HALFWIDTH, unit, m.start(), m.end() - m.start(), "punct.halfwidth",
                                      suggestion, mark='""'))
    if "'" in text:
        for m in _SQUOTE_RE.finditer(text):
            if has_han(m.group(1)):
                suggestion = f"‘{m.group(1)}’" if len(m.group()) <= 30 else "‘’"
                groups.append(finding(HALFWIDTH, unit, m.start(), m.end() - m.start(), "punct.halfwidth",
                                      suggestion, mark="''"))
    if any(c in text for c in ",:;!?"):
        for s in _chinese_marks(text, groups):
            mark = text[s]
            yield finding(HALFWIDTH, unit, s, 1, "punct.halfwidth", FULLWIDTH[mark], mark=mark)
    yield from groups
    if "." in text:
        for m in han_period_re().finditer(text):
            yield finding(HALFWIDTH, unit, m.start(), 1, "punct.halfwidth", "。", mark=".")
        for s in _number_periods(text):
            yield finding(HALFWIDTH, unit, s, 1, "punct.halfwidth", "。", mark=".")


@cache
def _number_period_re() -> re.Pattern[str]:
    # a number (7.8, 7.8%, 1,200) written straight after a Han character, then a half-width full
    # stop that ends the sentence: the end, a blank, or Chinese text follows
    return re.compile(f"(?<=[{HAN}])(\\d[\\d.,]*[%‰]?)\\.(?=$|\\s|[{HAN}“])")


def _number_periods(text: str) -> Iterator[int]:
    """Offsets of half-width full stops ending a Chinese sentence after a number (增长7.8%.).
    Before more Chinese text a bare number of one or two digits is a list mark run in (如下1.加强),
    not a sentence end, and stays."""
    for m in _number_period_re().finditer(text):
        number, s = m.group(1), m.end(1)
        if s + 1 < len(text) and not text[s + 1].isspace() and number.isdigit() and len(number) <= 2:
            continue
        yield s


def _chinese_marks(text: str, groups: list[Finding]) -> list[int]:
    """Offsets of the half-width , : ; ! ? that stand in Chinese text: beside a Han character or a
    full-width mark, or beside half-width punctuation that is itself Chinese (改革)! · 是吗?!)."""
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    chinese = {s for s in marks if cjk_context(text, s, s + 1)}
    edges = {f.offset for f in groups} | {f.offset + f.length - 1 for f in groups}
    changed = True
    while changed:  # a run of marks takes the Chinese-ness of its neighbours, one step each turn
        changed = False
        for s in marks:
            if s in chinese:
                continue
            near = (_beside(text, s, -1), _beside(text, s, 1))
            if any(i is not None and (i in chinese or i in edges) for i in near):
                chinese.add(s)
                changed = True
    return sorted(chinese)


def _beside(text: str, s: int, step: int) -> int | None:
    """The offset of the nearest character from s going step that is not a blank."""
    i = s + step
    while 0 <= i < len(text) and text[i] in " \t\u3000":
        i += step
    return i if 0 <= i < len(text) else None


def _doubled(unit: Unit) -> Iterator[Finding]:
    for m in _DOUBLED_RE.finditer(unit.text):
        run = m.group()
        if set(run) == {"。"} and len(run) >= 3:
            continue  # an ellipsis typed as 。。。: the ellipsis rule reports it
        yield finding(DOUBLED, unit, m.start(), len(run), "punct.doubled", run[0], text=run)


def _dash(unit: Unit) -> Iterator[Finding]:
    text = unit.text
    if not any(c in text for c in "-—－─━–"):
        return
    for m in _DASH_RE.finditer(text):
        run, s, e = m.group(), m.start(), m.end()
        before, after = neighbour(text, s - 1, -1, SPACES), neighbour(text, e, 1, SPACES)
        if run == "——":
            continue
        if run in ("—", "–", "－"):
            # one short dash opening a subtitle, or standing between two clauses, is a slip for
            # ——; between names (县城—中心镇—重点村, 岷江—长江) or numbers (2011—2015) it is a
            # connector (GB/T 15834 一字线) and stays
            if not (not text[:s].strip() and is_han(after) or _between_clauses(text, s, e)):
                continue
        elif run[0] in "-－" and len(run) >= 2 or run[0] in "—─━–":
            if not (is_cjk(before) or is_cjk(after)):
                continue
        else:
            continue
        yield finding(DASH, unit, s, e - s, "punct.dash", "——", text=run)


def _han_run(text: str, i: int, step: int) -> int:
    n = 0
    while 0 <= i < len(text) and is_han(text[i]):
        n += 1
        i += step
    return n


_CONNECTED = "—–－-~～"


def _between_clauses(text: str, s: int, e: int) -> bool:
    """A single dash with a clause on each side (six Han characters or more), not one link of a
    chain of connected names."""
    left, right = _han_run(text, s - 1, -1), _han_run(text, e, 1)
    closed = s > 0 and text[s - 1] in "”’）》"  # “两个确立”—…
    opened = e < len(text) and text[e] in "“‘（《"  # …—“两个维护”
    if not ((left >= 6 or closed and right >= 4) and (right >= 6 or opened and left >= 4)):
        return False
    before, after = s - 1 - left, e + right
    return not ((before >= 0 and text[before] in _CONNECTED) or (after < len(text) and text[after] in _CONNECTED))


def _ellipsis(unit: Unit) -> Iterator[Finding]:
    text = unit.text
    if not any(c in text for c in ".。…·・⋯"):
        return
    for m in _ELLIPSIS_RE.finditer(text):
        run, s, e = m.group(), m.start(), m.end()
        if run in ("……", "…………"):
            continue
        if run[0] == "…" and len(run) % 2 == 0 and len(run) <= 4:
            continue
        if not cjk_context(text, s, e):
            continue
        if run[0] == "." and not (is_cjk(neighbour(text, s - 1, -1, SPACES)) or is_han(neighbour(text, e, 1, SPACES))):
            continue
        yield finding(ELLIPSIS, unit, s, e - s, "punct.ellipsis", "……", text=run)


def _blank(unit: Unit) -> Iterator[Finding]:
    text = unit.text
    if not any(c in text for c in _BLANKS):
        return
    core = text[unit.body_from:].strip(_BLANKS)
    if not any(c in core for c in "。，；？！") or sum(1 for c in core if is_han(c)) < 10:
        return  # not running prose: a title, a signature, a letter-spaced heading (引　　言)
    lead = max(len(text) - len(text.lstrip(_BLANKS)), unit.body_from)
    for m in _blank_re().finditer(text):
        s, e = m.start(), m.end()
        if s < lead or e >= len(text.rstrip(_BLANKS)):
            continue
        if text.rfind("（", 0, s) > text.rfind("）", 0, s):
            continue  # inside a parenthetical note: （记者张三 通讯员李四）
        if _marker_only(text[lead:s]):
            continue  # after a note or list mark that opens the paragraph: 〔1〕 见……, 一、 加强
        left = text[:s].split()[-1] if text[:s].split() else ""
        right = text[e:].split()[0] if text[e:].split() else ""
        if len(left) <= 4 and len(right) <= 4:
            continue  # a list of names or short items set apart by blanks
        yield finding(BLANK, unit, s, e - s, "punct.blank", "")


def _marker_only(head: str) -> bool:
    """Is this opening stretch only a mark (〔1〕, [2], ①, 一、, （三）) and no words?"""
    if not head or len(head) > 8:
        return False
    if not any(is_han(c) for c in head):
        return True
    from wengao.document.numbering import parse_number

    n = parse_number(head + "文")
    return n is not None and n.marker.strip() == head.strip()


def _scan_pairs(text: str) -> tuple[list[int], list[int]]:
    """(offsets of unmatched openers, offsets of unmatched closers) of “” ‘’ （） 《》."""
    stack: list[int] = []
    stray: list[int] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append(i)
        elif ch in _CLOSERS:
            if ch == "’" and i and text[i - 1].isascii() and text[i - 1].isalpha():
                continue  # an apostrophe in Latin text (China’s)
            opener = _CLOSERS[ch]
            for k in range(len(stack) - 1, -1, -1):
                if text[stack[k]] == opener:
                    del stack[k]
                    break
            else:
                if ch in "）" and _LIST_MARK_RE.match(text[:i + 1]):
                    continue  # 1） a） 一） list markers
                stray.append(i)
    return stack, stray


def _unpaired(units: list[Unit]) -> Iterator[Finding]:
    seq = [u for u in units if any(c in u.text for c in "“”‘’（）《》")]
    scans = {id(u): _scan_pairs(u.text) for u in seq}
    ordered = [u for u in units]
    position = {id(u): i for i, u in enumerate(ordered)}
    for u in seq:
        openers, closers = scans[id(u)]
        i = position[id(u)]
        nxt = ordered[i + 1] if i + 1 < len(ordered) and u.cell is None else None
        prv = ordered[i - 1] if i > 0 and u.cell is None else None
        for off in openers:
            ch = u.text[off]
            if nxt is not None and nxt.cell is None and _PAIRS[ch] not in u.text[off:]:
                # a quotation over several paragraphs opens each one and closes only the last;
                # a sentence broken over two lines closes on the next
                if ch in "“‘" and nxt.text.lstrip(" \u3000").startswith(ch):
                    continue
                nxt_closers = scans.get(id(nxt), ([], []))[1]
                if any(nxt.text[c] == _PAIRS[ch] for c in nxt_closers):
                    continue
            yield finding(UNPAIRED, u, off, 1, "punct.unpaired", "", mark=ch, pair=_PAIRS[ch])
        for off in closers:
            ch = u.text[off]
            if prv is not None and prv.cell is None and _CLOSERS[ch] not in u.text[:off]:
                prv_openers = scans.get(id(prv), ([], []))[0]
                if any(prv.text[o] == _CLOSERS[ch] for o in prv_openers):
                    continue
            yield finding(UNPAIRED, u, off, 1, "punct.unpaired", "", mark=ch, pair=_CLOSERS[ch])
