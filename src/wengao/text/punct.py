"""Full-width punctuation in Chinese text, without touching numbers, Latin words, URLs or times.

A half-width mark is "Chinese" when the nearest non-space character on either side is a Han
character or a full-width mark; 10:30, 1,000, http://x and "Word, Excel" stay as they are.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Han characters plus the marks that only occur in Chinese text.
CJK = HAN + "\u3000-\u303f\uff01-\uff5e\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
_CJK_RE = re.compile(f"[{CJK}]")
_HAN_RE = re.compile(f"[{HAN}]")

_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_MARK_RE = re.compile(r"[ \t]*([,:;!?])[ \t]*")
_PAREN_RE = re.compile(r"[(（]([^()（）\n]*)[)）]")
_DQUOTE_RE = re.compile(r'"([^"\n]*)"')
_SQUOTE_RE = re.compile(r"(?<![A-Za-z])'([^'\n]*)'(?![A-Za-z])")
_DASH_RE = re.compile(f"(?<=[{CJK}])\\s*(?:-{{2,}}|—{{1,2}}|－{{2}}|─{{1,2}})\\s*(?=[{CJK}\\w])")
_ELLIPSIS_RE = re.compile(f"(?<=[{CJK}])(?:\\.{{3,6}}|…{{1,2}}|。{{3,6}})")
_PERIOD_RE = re.compile(f"(?<=[{HAN}])\\.(?=$|\\s|[{HAN}“])")


def has_han(text: str) -> bool:
    return _HAN_RE.search(text) is not None


def is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_RE.match(ch) is not None


def _neighbour(text: str, start: int, step: int) -> str:
    i = start
    while 0 <= i < len(text):
        if text[i] not in " \t":
            return text[i]
        i += step
    return ""


def _marks(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        before = _neighbour(text, m.start(1) - 1, -1)
        after = _neighbour(text, m.end(1), 1)
        if is_cjk(before) or is_cjk(after):
            return _FULL[m.group(1)]
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


def normalize_punctuation(text: str) -> str:
    """Return text with Chinese-context punctuation made full-width (idempotent)."""
    if not text or not has_han(text):
        return text
    text = _quotes(text)
    text = _parens(text)
    text = _marks(text)
    text = _DASH_RE.sub("——", text)
    text = _ELLIPSIS_RE.sub("……", text)
    text = _PERIOD_RE.sub("。", text)
    return text
