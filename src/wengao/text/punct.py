"""Full-width punctuation in Chinese text, without touching numbers, Latin words, URLs or times.

A half-width mark is "Chinese" when the nearest non-space character on either side is a Han
character or a full-width mark; 10:30, 1,000, http://x and "Word, Excel" stay as they are.
"""

from __future__ import annotations

import re
from functools import cache

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Han characters plus the marks that only occur in Chinese text.
CJK = HAN + "\u3000-\u303f\uff01-\uff5e\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
_CJK_POINTS = frozenset("\u2018\u2019\u201c\u201d\u2014\u2026\u00b7")
FULLWIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_MARK_RE = re.compile(r"[ \t]*([,:;!?])[ \t]*")
_PAREN_RE = re.compile(r"[(（]([^()（）\n]*)[)）]")
_DQUOTE_RE = re.compile(r'"([^"\n]*)"')
_SQUOTE_RE = re.compile(r"(?<![A-Za-z])'([^'\n]*)'(?![A-Za-z])")


# Patterns with the Han class take over a millisecond each to compile: only when first needed.
@cache
def _dash_re() -> re.Pattern[str]:
    # A whole run of dash-like marks between Chinese text becomes one ——; the run is never split
    # (in ——在 the first — is itself "Chinese", and must not count as the text before a dash).
    run = "(?:-{2,}|—{1,2}|－{2}|─{1,2})(?![-—－─])"
    return re.compile(f"(?:(?<=[{CJK}])(?<![-—－─])\\s*|^){run}\\s*(?=[{CJK}\\w])")


@cache
def _ellipsis_re() -> re.Pattern[str]:
    return re.compile(f"(?<=[{CJK}])(?:\\.{{3,6}}|…{{1,2}}|。{{3,6}})")


@cache
def han_period_re() -> re.Pattern[str]:
    return re.compile(f"(?<=[{HAN}])\\.(?=$|\\s|[{HAN}“])")


def _is_han(o: int) -> bool:
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def is_han(ch: str) -> bool:
    """Is `ch` (one character, or "" for none) a Han character of the HAN ranges?"""
    return bool(ch) and _is_han(ord(ch))


def has_han(text: str) -> bool:
    return any(_is_han(ord(c)) for c in text)


def is_cjk(ch: str) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return _is_han(o) or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or ch in _CJK_POINTS


def neighbour(text: str, start: int, step: int, skip: str = " \t") -> str:
    """The nearest character from `start` going `step` (−1 or +1) that is not in `skip`."""
    i = start
    while 0 <= i < len(text):
        if text[i] not in skip:
            return text[i]
        i += step
    return ""


_cjk = cache(is_cjk)  # a comma in Chinese text asks this of the same few characters again and again


@cache
def _han_comma_re() -> re.Pattern[str]:
    # the comma first (then a lookbehind over it): the search skips to commas instead of trying
    # the lookbehind at every character
    return re.compile(f",(?<=[{HAN}],)(?=[{HAN}])")


def _marks(text: str) -> str:
    if "," in text:
        # a comma between two Chinese characters (the common case of a web copy) is changed at
        # once: it is its own match, its neighbours decide it, and it is no other mark's neighbour
        text = _han_comma_re().sub("，", text)
        if not any(c in text for c in ",:;!?"):
            return text  # no other mark left: no need to walk the text again

    def repl(m: re.Match[str]) -> str:
        start = m.start(1)
        before = text[start - 1] if start else ""
        if before == " " or before == "\t":
            before = neighbour(text, start - 1, -1)
        if _cjk(before) or _cjk(neighbour(text, m.end(1), 1)):
            return FULLWIDTH[m.group(1)]
        return m.group(0)

    return _MARK_RE.sub(repl, text)


def _parens(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        inner = m.group(1)
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if has_han(inner) or is_cjk(before) or is_cjk(after):
            return f"（{inner}）"
        return m.group(0)

    return _PAREN_RE.sub(repl, text)


def _quotes(text: str) -> str:
    text = _DQUOTE_RE.sub(lambda m: f"“{m.group(1)}”" if has_han(m.group(1)) else m.group(0), text)
    return _SQUOTE_RE.sub(lambda m: f"‘{m.group(1)}’" if has_han(m.group(1)) else m.group(0), text)


def normalize_punctuation(text: str, *, halfwidth_only: bool = False) -> str:
    """Return text with Chinese-context punctuation made full-width (idempotent).

    halfwidth_only: change only half-width marks (, : ; ! ? ( ) " ' . -- ...) and leave a dash
    or an ellipsis already full-width as printed — wengao format's one punctuation change."""
    if not text or not has_han(text):
        return text
    if '"' in text or "'" in text:
        text = _quotes(text)
    if "(" in text or ")" in text:
        text = _parens(text)
    if any(c in text for c in ",:;!?"):
        text = _marks(text)
    if halfwidth_only:
        if "--" in text:
            text = _ascii_dash_re().sub("——", text)
        if "..." in text:
            text = _ascii_ellipsis_re().sub("……", text)
    else:
        if "-" in text or "—" in text or "－" in text or "─" in text:
            text = _dash_re().sub("——", text)
        if "..." in text or "…" in text or "。。。" in text:
            text = _ellipsis_re().sub("……", text)
    if "." in text:
        text = han_period_re().sub("。", text)
    return text


@cache
def _ascii_dash_re() -> re.Pattern[str]:
    return re.compile(f"(?<=[{HAN}])\\s*-{{2,}}\\s*(?=[{HAN}])")


@cache
def _ascii_ellipsis_re() -> re.Pattern[str]:
    return re.compile(f"(?<=[{HAN}])\\.{{3,6}}")


def fullwidth_punctuation(text: str) -> str:
    """Only half-width marks in Chinese made full-width (see normalize_punctuation)."""
    return normalize_punctuation(text, halfwidth_only=True)
