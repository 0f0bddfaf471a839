"""Placeholders left in a draft: XX局, ×××, ○○, 某某, X月X日, 【…】, □, ____, （此处…）, TODO,
and what a template left unfilled ({名称}, {{ … }}).

Only forms that stand for something: a Latin X next to Chinese text or a digit (not X光, not
Windows XP), ○○ that is not the 〇〇 of a year written in Chinese numerals (二〇〇九).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wengao.check.model import Finding, Source
from wengao.check.rules.base import Context, finding
from wengao.text.punct import HAN, is_han

RULE = "placeholder"
_PATTERNS = re.compile(
    "|".join((
        r"(?P<x>(?<![A-Za-z])(?:[XxＸｘ]{2,}|[XＸ])(?![A-Za-z]))",
        r"(?P<times>×{2,}|(?<![\d.])×(?![\d.]))",
        r"(?P<stars>\*{2,}|＊{2,})",
        r"(?P<circle>[○〇◯Ｏ]{2,})",
        r"(?P<mou>某某+)",
        r"(?P<bracket>【[^】\n]{0,40}】)",
        r"(?P<box>□+)",
        r"(?P<blank>_{3,}|＿{2,})",
        r"(?P<here>[（(]\s*(?:此处|这里|此段|待[补填定核]|请[^）)\n]{0,10}[填补写核])[^）)\n]{0,30}[）)])",
        r"(?P<todo>\b(?:TODO|FIXME|TBD)\b)",
        rf"(?P<slot>\{{\{{[^{{}}\n]{{0,60}}\}}\}}|\{{%[^%\n]{{0,60}}%\}}|\{{[{HAN}A-Za-z_]{{1,10}}\}})",
    )))
_X_OK_AFTER = ("光", "射线", "线")  # X光, X射线, X线: not placeholders
_X_UNIT_AFTER = "月日年号个名人万元亿项次条家岁届期批位"
_CN_DIGITS = "〇零一二三四五六七八九十"


def check(src: Source, ctx: Context) -> Iterable[Finding]:
    if not ctx.config.enabled(RULE):
        return
    for unit in src.units:
        text = unit.text
        for m in _PATTERNS.finditer(text):
            s, e = m.span()
            if _stands_for_something(m.lastgroup or "", m.group(), text, s, e):
                yield finding(RULE, unit, s, e - s, "placeholder", "", text=m.group())


def _stands_for_something(kind: str, run: str, text: str, s: int, e: int) -> bool:
    """Is this match a placeholder, not a word that looks like one (X光, 3×4, 二〇〇九)?"""
    before = text[s - 1] if s else ""
    after = text[e] if e < len(text) else ""
    if kind == "x":
        if len(run) > 1 and (run.upper() == run or is_han(before) or is_han(after)):
            return True  # XX, XXX, ＸＸ; xx局
        if text.startswith(_X_OK_AFTER, e):
            return False
        unit_after = bool(after) and after in _X_UNIT_AFTER
        if run.lower() == run:  # x, xx: only as a number (x月x日)
            return unit_after
        return before == "第" or unit_after or is_han(before) or is_han(after)
    if kind == "times":  # ×× always; one × only before a word it stands in (×局, ×月), not 数据要素×
        return len(run) > 1 or is_han(after)
    if kind == "stars":
        return is_han(before) or is_han(after)
    if kind == "circle":
        return not ((before and before in _CN_DIGITS) or (after and after in _CN_DIGITS))
    if kind == "box":
        return len(run) > 1 or is_han(before) or is_han(after)
    if kind == "blank":  # ____同志: a line to fill in (not a rule of underscores on its own)
        return is_han(before) or is_han(after) or bool(text[:s].strip() or text[e:].strip())
    return True
