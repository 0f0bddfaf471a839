"""Numbers (GB/T 15835-2011 basics): no leading zeros in dates (2024年3月5日, not 2024年03月05日),
years written in full (2024年, not 24年), and one way of writing years in a document
(2024年 or 二〇二四年, not both; 〇 not 零 in a year written in Chinese numerals).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from wengao.check.model import Finding, Source
from wengao.check.rules.base import Context, finding

DATE_ZERO, YEAR_SHORT, YEAR_STYLE = "number.date-zero", "number.year-short", "number.year-style"
_DATE_RE = re.compile(r"(?<![\d.])(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")
_SHORT_RE = re.compile(r"(?<![\d.．/\-—])(\d{2})年(?=\d{1,2}月|度|底|初|末|上半年|下半年)")
_ARABIC_YEAR_RE = re.compile(r"(?<![\d.])(1[89]\d{2}|20\d{2})(?=\s*年)")
_CN_YEAR_RE = re.compile(r"(?<![〇零○一二三四五六七八九十])([〇零○一二三四五六七八九]{4})(?=\s*年)")


def check(src: Source, ctx: Context) -> Iterable[Finding]:
    cfg = ctx.config
    if cfg.enabled(DATE_ZERO) or cfg.enabled(YEAR_SHORT):
        for unit in src.units:
            text = unit.text
            if "月" in text and cfg.enabled(DATE_ZERO):
                for m in _DATE_RE.finditer(text):
                    year, month, day = m.group(1), m.group(2), m.group(3)
                    if not (month.startswith("0") or (day or "").startswith("0")):
                        continue
                    if not 1 <= int(month) <= 12 or (day and not 1 <= int(day) <= 31):
                        continue
                    fixed = (f"{year}年" if year else "") + f"{int(month)}月" + (f"{int(day)}日" if day else "")
                    span = m.group().rstrip()
                    yield finding(DATE_ZERO, unit, m.start(), len(span), "number.date-zero", fixed, text=span)
            if "年" in text and cfg.enabled(YEAR_SHORT):
                for m in _SHORT_RE.finditer(text):
                    yy = int(m.group(1))
                    full = f"{2000 + yy if yy <= 50 else 1900 + yy}年"
                    yield finding(YEAR_SHORT, unit, m.start(), 3, "number.year-short", full, text=m.group())
    if cfg.enabled(YEAR_STYLE):
        yield from _year_style(src)


def _year_style(src: Source) -> Iterator[Finding]:
    """The same year written both ways (2024年 and 二〇二四年): the less used way is flagged.
    Different years in different ways (a date line in Arabic numerals, 一九四二年 in the text)
    follow conventions of their own and pass."""
    from wengao.reading.front import cn_int
    from wengao.reading.wordnum import format_number

    seen: dict[int, dict[str, list[tuple]]] = {}
    for unit in src.units:
        if "年" not in unit.text:
            continue
        for m in _ARABIC_YEAR_RE.finditer(unit.text):
            seen.setdefault(int(m.group(1)), {"a": [], "c": []})["a"].append((unit, m))
        for m in _CN_YEAR_RE.finditer(unit.text):
            numeral = m.group(1)
            if any(c in numeral for c in "零○"):
                fixed = numeral.replace("零", "〇").replace("○", "〇")
                yield finding(YEAR_STYLE, unit, m.start(), 4, "number.year-zero", fixed, text=numeral)
            year = cn_int(numeral)  # digit by digit: 〇, ○ and 零 are 0
            seen.setdefault(year, {"a": [], "c": []})["c"].append((unit, m))
    for year, ways in seen.items():
        arabic, chinese = ways["a"], ways["c"]
        if not arabic or not chinese:
            continue
        # the less used way is the slip; on a tie, Arabic numerals (GB/T 15835) win
        if len(arabic) < len(chinese):
            fixed = format_number(year, "ideographDigital")  # 2024 → 二〇二四
            slips = arabic
        else:
            fixed, slips = str(year), chinese
        for unit, m in slips:
            yield finding(YEAR_STYLE, unit, m.start(), 4, "number.year-style", fixed, text=m.group(1),
                          usual=fixed + "年")
