"""Word auto-numbering rendered as the literal text a reader sees: "一、" "（二）" "3." "①".

A heading numbered by Word (`w:numPr`) holds no number in its text; the number lives in
numbering.xml as a level definition (`lvlText` such as "%1、", a `numFmt` such as
chineseCounting, a start value) and a running count. Without rendering it, a document whose
headings are all auto-numbered looks unnumbered to every rule that reads numbers. Counting
follows Word: counters belong to the abstract definition (several `w:num` instances of one
abstractNum continue one sequence), a `startOverride` restarts it where its instance first
appears, and a level restarts when a shallower level is used unless `lvlRestart` says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wengao.document.numbering import chinese_number
from wengao.reading.ooxml_names import W

_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# Symbol/Wingdings bullets are stored as private-use characters; show what they look like.
_BULLETS = {"\uf06c": "●", "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf06e": "■",
            "\uf075": "◆", "\uf076": "❖", "\uf0a8": "◆", "\uf09f": "•", "\uf0b2": "◇"}
_PLACEHOLDER = re.compile(r"%([1-9])")


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word numFmt (ECMA-376 §17.18.59); unknown formats give decimal."""
    if fmt == "none":
        return ""
    if n <= 0:
        return str(n)
    if fmt in ("chineseCounting", "taiwaneseCounting", "japaneseCounting"):
        # 一 … 十 十一 … 九十九, then digit by digit (100 → 一〇〇)
        return chinese_number(n) if n < 100 else _digit_by_digit(n)
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand"):
        return _counting_thousand(n, _DIGITS, "十百千", "零")
    if fmt == "chineseLegalSimplified":
        return _counting_thousand(n, _LEGAL_DIGITS, "拾佰仟", "零")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return _digit_by_digit(n)
    if fmt == "ideographTraditional":
        return _STEMS[n - 1] if n <= 10 else str(n)
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _BRANCHES[n - 1] if n <= 12 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + n - 1) if n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if n <= 20 else f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "numberInDash":
        return f"- {n} -"
    return str(n)


def _digit_by_digit(n: int) -> str:
    return "".join(_DIGITS[int(d)] for d in str(n))


def _counting_thousand(n: int, digits: str, units: str, zero: str) -> str:
    """chineseCountingThousand: 一 … 十 十一 … 一百零一 … 九千九百九十九 (then decimal)."""
    if n >= 10000:
        return str(n)
    out, pending_zero = [], False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        if not (power == 1 and digit == 1 and not out and digits is _DIGITS):
            out.append(digits[digit])
        if power:
            out.append(units[power - 1])
    return "".join(out)


def _roman(n: int) -> str:
    out = []
    for value, glyph in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(glyph * count)
    return "".join(out)


def _int(el: Any, tag: str, default: int | None = None) -> int | None:
    child = el.find(tag) if el is not None else None
    if child is None:
        return default
    try:
        return int(child.get(W.val, ""))
    except ValueError:
        return default


def _ilvl(el: Any) -> int:
    try:
        return max(0, min(int(el.get(W.ilvl, "0") or 0), 8))
    except ValueError:
        return 0


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None: no number shown
    restart: int | None = None  # lvlRestart (1-based level after which it restarts; 0 never)
    legal: bool = False  # isLgl: every placeholder in decimal
    suffix: str = "tab"  # tab | space | nothing
    style: str = ""  # pStyle: the paragraph style this level belongs to


def _level(lvl: Any) -> Level:
    text_el = lvl.find(W.lvlText)
    fmt_el, suff_el, style_el = lvl.find(W.numFmt), lvl.find(W.suff), lvl.find(W.pStyle)
    legal_el = lvl.find(W.isLgl)
    return Level(
        start=_int(lvl, W.start, 1) or 0,
        fmt=fmt_el.get(W.val, "decimal") if fmt_el is not None else "decimal",
        text=text_el.get(W.val, "") if text_el is not None else None,
        restart=_int(lvl, W.lvlRestart),
        legal=legal_el is not None and legal_el.get(W.val, "1") not in ("0", "false", "off"),
        suffix=suff_el.get(W.val, "tab") if suff_el is not None else "tab",
        style=style_el.get(W.val, "") if style_el is not None else "",
    )


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # lvlOverride/startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # lvlOverride/lvl


class Numbering:
    """numbering.xml, and the running counters of one pass over a document body."""

    def __init__(self, root: Any | None, style_num: dict[str, str] | None = None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstractNum numStyleLink → numbering style id
        self.nums: dict[str, _Num] = {}
        self.style_num = style_num or {}  # numbering style id → numId (for numStyleLink)
        self.counters: dict[str, dict[int, int]] = {}
        self.seen: set[tuple[str, int]] = set()
        if root is None:
            return
        for absn in root.iter(W.abstractNum):
            aid = absn.get(W.abstractNumId, "")
            self.abstracts[aid] = {_ilvl(lvl): _level(lvl) for lvl in absn.iter(W.lvl)}
            link = absn.find(W.numStyleLink)
            if link is not None:
                self.links[aid] = link.get(W.val, "")
        for num in root.iter(W.num):
            ref = num.find(W.abstractNumId)
            entry = _Num(ref.get(W.val, "") if ref is not None else "")
            for over in num.iter(W.lvlOverride):
                ilvl = _ilvl(over)
                start = _int(over, W.startOverride)
                if start is not None:
                    entry.starts[ilvl] = start
                lvl = over.find(W.lvl)
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[num.get(W.numId, "")] = entry

    def _abstract(self, num: _Num) -> tuple[str, dict[int, Level]]:
        """Follow numStyleLink (a list style) to the abstract that holds the levels."""
        aid, seen = num.abstract, set()
        while aid in self.links and aid not in seen:
            seen.add(aid)
            target = self.nums.get(self.style_num.get(self.links[aid], ""))
            if target is None or target.abstract == aid:
                break
            aid = target.abstract
        return aid, self.abstracts.get(aid, {})

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The level a style-numbered paragraph takes: the level whose pStyle is its style."""
        num = self.nums.get(num_id)
        if num is None:
            return 0
        for ilvl, lvl in self._abstract(num)[1].items():
            if lvl.style == style_id:
                return ilvl
        return 0

    def render(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counter of (num_id, ilvl) and return (number text, suffix), or None when
        the paragraph is not numbered (numId 0, or no such definition)."""
        num = self.nums.get(num_id)
        if num is None or num_id == "0":
            return None
        aid, levels = self._abstract(num)
        ilvl = max(0, min(ilvl, 8))

        def level(i: int) -> Level:
            return num.levels.get(i) or levels.get(i) or Level()

        this = level(ilvl)
        if this.text is None and ilvl not in levels and ilvl not in num.levels:
            return None
        counters = self.counters.setdefault(aid, {})
        first = (num_id, ilvl) not in self.seen
        self.seen.add((num_id, ilvl))
        if first and ilvl in num.starts:
            counters[ilvl] = num.starts[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = this.start
        for deeper in [k for k in counters if k > ilvl]:
            restart = level(deeper).restart
            if restart is None or (restart and ilvl < restart):
                del counters[deeper]
        if this.fmt == "bullet":
            text = this.text or ""
            return "".join(_BULLETS.get(ch, "•" if "\ue000" <= ch <= "\uf8ff" else ch) for ch in text), this.suffix

        def placeholder(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            lvl = level(i)
            value = counters.get(i, lvl.start)
            return format_number(value, "decimal" if this.legal and lvl.fmt != "none" else lvl.fmt)

        return _PLACEHOLDER.sub(placeholder, this.text or ""), this.suffix
