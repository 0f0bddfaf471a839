"""The numbering grammar of Chinese official writing, used both ways.

Building: heading and point numbers are computed here, never typed by the writer.
Reading: `parse_number` recognises every heading number a real document uses — 一、 （一） 1.
1、 （1） ① 第一， 第一项措施： bare numerals on their own line, labels such as 对策1： — with
the common typos (半角 (一), 一． , 1．), so the reader, the checker and the formatter share one
definition of what a number is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the building half's types: reading (mine, check, extract) never loads them
    from wengao.document.blocks import Block, Run

_DIGITS = "零一二三四五六七八九"
_CN_NUM = "[一二三四五六七八九十百零〇]+"

# Any of the four GB/T 9704 heading numbers (and their common variants) a writer may type.
HEADING_NUMBER_RE = re.compile(
    rf"^\s*(?:{_CN_NUM}\s*[、.．，,]|[（(]\s*{_CN_NUM}\s*[)）]\s*[、.．，]?|"
    rf"\d{{1,2}}\s*[.．、](?!\d)|[（(]\s*\d{{1,2}}\s*[)）]\s*[、.．]?)\s*"
)
POINT_MARKER_RE = re.compile(rf"^\s*{_CN_NUM}\s*[是要](?![素求点件])\s*[，,：:]?\s*")
_POINT_VERB = {"shi": "是", "yao": "要"}


class Scheme(Enum):
    """How a heading is numbered. The value is the scheme's canonical first marker."""

    CN = "一、"
    PAREN_CN = "（一）"
    ARABIC = "1."
    ARABIC_DUN = "1、"
    PAREN_ARABIC = "（1）"
    CIRCLED = "①"
    ORDINAL = "第一，"  # 第一， 第一、 第一项措施：
    BARE = "一"  # a numeral alone on its line
    LABEL = "对策1："  # a short word with a number: 对策1： 手记①| 附1： 01␣
    POINT = "一是"  # 一是坚持…，… standing alone over its paragraph, used as a subheading
    STYLE = "style"  # no number: a Word heading style or outline level says it is a heading
    NONE = ""  # no number at all (an unnumbered own-line subheading)


@dataclass(frozen=True)
class Numbered:
    """A number found at the start of a line."""

    scheme: Scheme
    value: int  # 1-based position in its sequence (0 when unknown)
    marker: str  # as printed, with its separator: "（一）", "1．", "第一项措施：", "手记①|"
    rest: str  # the text after the marker, leading blanks removed
    label: str = ""  # LABEL and ORDINAL: the word around the number (对策, 手记, 项措施)


_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}


def chinese_value(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 九十九 → 99, 一百 → 100; 0 for anything else."""
    if not numeral:
        return 0
    if numeral == "百":
        return 100
    if "百" in numeral:
        head, _, tail = numeral.partition("百")
        return (_CN_VALUES.get(head, 0) or 1) * 100 + (chinese_value(tail.lstrip("零〇")) if tail else 0)
    if "十" in numeral:
        head, _, tail = numeral.partition("十")
        tens = _CN_VALUES.get(head, -1) if head else 1
        ones = _CN_VALUES.get(tail, -1) if tail else 0
        return tens * 10 + ones if tens > 0 and ones >= 0 and len(head) <= 1 and len(tail) <= 1 else 0
    return _CN_VALUES.get(numeral, 0) if len(numeral) == 1 else 0


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_NUMERAL = "[一二三四五六七八九十百零〇两]{1,4}"
_PARSERS: list[tuple[Scheme, re.Pattern[str]]] = []
_LABEL_RE = _ALONE_LABEL_RE = _ZERO_PADDED_RE = _BARE_RE = _POINT_RE = _SEQUENCE_RE = re.compile("")
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "第三": 3, "最后": 0}


def _compile() -> None:
    """The reading patterns, compiled on first use: building a draft never needs them, and
    start-up is worth the few milliseconds they take."""
    global _PARSERS, _LABEL_RE, _ALONE_LABEL_RE, _ZERO_PADDED_RE, _BARE_RE, _POINT_RE, _SEQUENCE_RE
    _PARSERS = [
        # （一） (一) （一)… and a stray separator after it
        (Scheme.PAREN_CN, re.compile(rf"^[（(]\s*({_NUMERAL})\s*[)）]\s*[、.．，,]?")),
        (Scheme.PAREN_ARABIC, re.compile(r"^[（(]\s*(\d{1,2})\s*[)）]\s*[、.．，,]?")),
        # 一、 and its typos 一． 一. 一，(never 一是/一要, never 一个); 一．2018年… is a heading, 一.5 is not
        (Scheme.CN, re.compile(rf"^({_NUMERAL})\s*(?:、|．|\.(?!\d)|，(?=\S{{2,30}}[。：]?$))")),
        # 1. 1． and 1、 — not 1.5, not 1、2、3 counted lists of numbers
        (Scheme.ARABIC, re.compile(r"^(\d{1,2})\s*[.．](?![\d.．])")),
        (Scheme.ARABIC_DUN, re.compile(r"^(\d{1,2})\s*、(?!\d)")),
        (Scheme.CIRCLED, re.compile(f"^([{_CIRCLED}])\\s*[、.．]?")),
        # 第一， 第一、 第一： 第一项措施： 第一部分 (not 第一阶段为… or 第一次 in a sentence)
        (Scheme.ORDINAL, re.compile(rf"^第({_NUMERAL})(?:([项条点个])?([\u4e00-\u9fff]{{0,4}})[：:]|[，、,])")),
    ]
    _LABEL_RE = re.compile(
        rf"^([\u4e00-\u9fff]{{1,4}})(\d{{1,2}}|[{_CIRCLED}]|{_NUMERAL})\s*[：:|｜]")
    _ALONE_LABEL_RE = re.compile(r"^([\u4e00-\u9fff]{1,3})(\d{1,2})$")
    _ZERO_PADDED_RE = re.compile(r"^(0\d)[ \u3000]+(?=\S)")
    _BARE_RE = re.compile(rf"^({_NUMERAL}|\d{{1,2}})$")
    _POINT_RE = re.compile(rf"^({_NUMERAL})([是要抓])(?![素求点件])[，,：:]?")
    _SEQUENCE_RE = re.compile(r"^(首先|其次|再次|最后)[，,：:]")


def _value(token: str) -> int:
    if token.isascii() and token.isdigit():
        return int(token)
    if token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    return chinese_value(token)


@lru_cache(maxsize=8192)
def parse_number(text: str) -> Numbered | None:
    """The heading number a line starts with, or None. Leading blanks are ignored.

    Only the form is judged: whether the line *is* a heading (1. may open a list item) is the
    reader's decision, made from the document around it.
    """
    s = text.lstrip(" \u3000\t")
    if not s:
        return None
    if not _PARSERS:
        _compile()
    bare = _BARE_RE.match(s.strip())
    if bare:
        token = bare.group(1)
        return Numbered(Scheme.BARE, _value(token), s.strip(), "")
    for scheme, rx in _PARSERS:
        m = rx.match(s)
        if m:
            value = _value(m.group(1))
            if not value:
                continue
            rest = s[m.end():].lstrip(" \u3000\t")
            label = "".join(g for g in m.groups()[1:] if g) if scheme is Scheme.ORDINAL else ""
            if label.endswith(("是", "为", "有", "在")):
                continue  # 第一条主线是：… is a sentence about the first one, not its number
            return Numbered(scheme, value, s[:m.end()], rest, label)
    m = _LABEL_RE.match(s)
    if m and not m.group(1).endswith(("第", "是", "要", "年", "月", "日", "共", "约", "近", "超")):
        value = _value(m.group(2))
        if value:
            return Numbered(Scheme.LABEL, value, s[:m.end()], s[m.end():].lstrip(" \u3000\t"), m.group(1))
    m = _ALONE_LABEL_RE.match(s.strip())
    if m and m.group(1).endswith(("件", "表", "录", "附")):  # 附件1 附表2 on their own line
        return Numbered(Scheme.LABEL, _value(m.group(2)), s.strip(), "", m.group(1))
    m = _ZERO_PADDED_RE.match(s)
    if m:
        return Numbered(Scheme.LABEL, int(m.group(1)), s[:m.end()], s[m.end():], "")
    return None


@dataclass(frozen=True)
class PointMarker:
    """一是/二要/首先 at the start of a paragraph: an enumerated point, never a heading."""

    marker: str  # as printed: "一是", "二要", "首先，"
    verb: str  # 是 / 要 / 抓 …, or "" for 首先/其次 sequences
    value: int
    rest: str




@lru_cache(maxsize=8192)
def parse_point(text: str) -> PointMarker | None:
    if not _PARSERS:
        _compile()
    s = text.lstrip(" \u3000\t")
    m = _POINT_RE.match(s)
    if m:
        value = chinese_value(m.group(1))
        if value:
            return PointMarker(s[:m.end()], m.group(2), value, s[m.end():])
    m = _SEQUENCE_RE.match(s)
    if m:
        return PointMarker(s[:m.end()], "", _SEQUENCE_WORDS[m.group(1)], s[m.end():])
    return None


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
    from wengao.document.blocks import Run

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
    from wengao.document.blocks import Run, merge_runs

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


def join_run_in(blocks: list[Block]) -> list[Block]:
    """A run-in heading and the paragraph after it are one paragraph: （一）标题。正文…; the
    paragraph's runs keep the body font (role "body"). A heading with no mark of its own gets 。"""
    from wengao.document.blocks import merge_runs

    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "h" and prev.run_in and b.kind in ("p", "point") \
                and not any(r.role for r in prev.runs):
            head = list(prev.runs)
            if head and head[-1].text and head[-1].text[-1] not in "。！？：；，:!?;,":
                head[-1] = replace(head[-1], text=head[-1].text + "。")
            body = [replace(r, role="body") for r in b.runs]
            out[-1] = prev.with_runs(merge_runs([*head, *body]))
            continue
        out.append(b)
    return out


def join_inline_points(blocks: list[Block]) -> list[Block]:
    """Inline points continue the paragraph before them: 强调，要…。一要…。二要…。"""
    from wengao.document.blocks import Block, merge_runs

    out: list[Block] = []
    for b in blocks:
        if b.inline and out and out[-1].kind in ("p", "point"):
            out[-1] = out[-1].with_runs(merge_runs([*out[-1].runs, *b.runs]))
        elif b.inline:
            out.append(Block("p", b.runs, "", b.line, b.scheme))
        else:
            out.append(b)
    return out
