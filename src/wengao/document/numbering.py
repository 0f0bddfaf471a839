"""Heading and point numbers are computed here, never typed by the writer."""

from __future__ import annotations

import re

from wengao.document.blocks import Block, Run, merge_runs

_DIGITS = "零一二三四五六七八九"
_CN_NUM = "[一二三四五六七八九十百零〇]+"

# Any of the four GB/T 9704 heading numbers (and their common variants) a writer may type.
HEADING_NUMBER_RE = re.compile(
    rf"^\s*(?:{_CN_NUM}\s*[、.．，,]|[（(]\s*{_CN_NUM}\s*[)）]\s*[、.．，]?|"
    rf"\d{{1,2}}\s*[.．、](?!\d)|[（(]\s*\d{{1,2}}\s*[)）]\s*[、.．]?)\s*"
)
POINT_MARKER_RE = re.compile(rf"^\s*{_CN_NUM}\s*[是要](?![素求点件])\s*[，,：:]?\s*")
_POINT_VERB = {"shi": "是", "yao": "要"}


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def heading_number(level: int, n: int, scheme: str = "gbt") -> str:
    from wengao.genres import NUMBERING

    pattern = NUMBERING.get(scheme, NUMBERING["gbt"])[min(level, 4) - 1]
    if not pattern:
        return ""
    if "一" in pattern:
        return pattern.replace("一", chinese_number(n))
    if "1" in pattern:
        return pattern.replace("1", str(n))
    return chr(0x2460 + n - 1) if pattern == "①" and n <= 20 else f"（{n}）"


def strip_heading_number(text: str) -> str:
    """Drop a typed number; a heading that is nothing but a number keeps it."""
    stripped = HEADING_NUMBER_RE.sub("", text, count=1)
    return stripped if stripped.strip() else text


def point_marker(style: str, n: int) -> str:
    verb = _POINT_VERB.get(style)
    return f"{chinese_number(n)}{verb}" if verb else ""


def _strip_prefix(runs: tuple[Run, ...], pattern: re.Pattern[str] | None, verb: str) -> list[Run]:
    """Remove a typed number (and, for 一要, a leading 要) from the first non-empty run."""
    out = list(runs)
    for i, r in enumerate(out):
        if not r.text.strip():
            continue
        text = r.text.lstrip()
        if pattern is not None:
            text = pattern.sub("", text, count=1)
        if verb and text.startswith(verb) and not text.startswith(verb + "求"):
            text = text[len(verb):]
        if text.strip() or any(x.text.strip() for x in out[i + 1:]):
            out[i] = Run(text, r.bold, r.source)
        break
    return out


def number_blocks(blocks: list[Block]) -> list[Block]:
    """Prefix headings with 一、（一）1.（1） and points with 一是/一要, counting per parent."""
    counters = [0, 0, 0, 0, 0]
    point_count = 0
    point_style = ""
    out: list[Block] = []
    for b in blocks:
        if b.kind == "h" and 1 <= b.level <= 4:
            lvl = b.level
            counters[lvl] += 1
            for deeper in range(lvl + 1, 5):
                counters[deeper] = 0
            runs = _strip_prefix(b.runs, HEADING_NUMBER_RE, "")
            number = heading_number(lvl, counters[lvl], b.scheme)
            first_bold = runs[0].bold if runs else False
            out.append(b.with_runs(merge_runs([Run(number, first_bold), *runs])))
            point_count = 0
            continue
        if b.kind in ("title", "cover", "pagebreak", "parttitle"):
            counters = [0, 0, 0, 0, 0]
            point_count = 0
        if b.kind == "point":
            style = (b.arg or "shi").removesuffix("-inline")
            if style != point_style:
                point_count = 0
                point_style = style
            point_count += 1
            marker = point_marker(style, point_count)
            if marker:
                runs = _strip_prefix(b.runs, POINT_MARKER_RE, _POINT_VERB[style])
                first_bold = runs[0].bold if runs else False
                out.append(b.with_runs(merge_runs([Run(marker, first_bold), *runs])))
            else:
                out.append(b)
            continue
        if b.kind not in ("blank",):
            point_count = 0
            point_style = ""
        out.append(b)
    return out


def join_inline_points(blocks: list[Block]) -> list[Block]:
    """Inline points continue the paragraph before them: 强调，要…。一要…。二要…。"""
    out: list[Block] = []
    for b in blocks:
        if b.inline and out and out[-1].kind in ("p", "point"):
            out[-1] = out[-1].with_runs(merge_runs([*out[-1].runs, *b.runs]))
        elif b.inline:
            out.append(Block("p", b.runs, "", b.line, b.scheme))
        else:
            out.append(b)
    return out
