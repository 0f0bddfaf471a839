"""Cleaning: raw paragraphs → the lines an author wrote, with page furniture set aside.

Nothing is deleted: a line judged to be site chrome, page furniture or debris is kept with the
reason (`noise`), because `wengao format` must keep every character. Lines a web page or a PDF
broke in the middle of a sentence are joined back. Every rule is about form — length, position,
punctuation, repetition — plus the short lists of interface words in the lexicon.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from wengao.document.numbering import parse_number, parse_point
from wengao.reading.lexicon import Lexicon
from wengao.reading.model import RawDocument, RawPara
from wengao.text.punct import normalize_punctuation

HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TERMINAL = "。！？；：…”’）)!?;:"  # a line ending in one of these ends its sentence
SENTENCE_END = "。！？"
NON_INITIAL = "，。、；：！？）】」』”’,.;:!?)"  # a paragraph never starts with these
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ODD = str.maketrans({"〝": "“", "〞": "”", "＂": "“", "「": "“", "」": "”", "『": "‘", "』": "’",
                      "\u3000": " ", "\xa0": " ", "\t": " ", "︰": "：",
                      "﹐": "，", "﹒": "．", "\r": " "})
_SPACES_RE = re.compile(r"[ ]{2,}")
# a download site's tag in a title: （范文推荐） （精选3篇） （21895字）
_SITE_TAG_RE = re.compile(r"[（(][^（）()]{0,12}(?:范文|推荐|精选|通用|最新|合集|优选|\d+篇|\d+字)[^（）()]{0,12}[）)]")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.\w+|\b[\w-]+\.(?:com|cn|net|org)(?:/\S*)?",
                     re.I)
_HEX_ID_RE = re.compile(r"^[0-9a-fA-F]{12,}[:：]?$")
_PAGE_FOOTER_RE = re.compile(r"^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[-—–]\s*\d+\s*[-—–])$")
_TIMESTAMP_RE = re.compile(r"\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:：时]\s*\d{1,2}")
_COPYRIGHT_RE = re.compile(r"copyright|©|版权所有|ICP备|备案号", re.I)
_LABEL_RE = re.compile(r"^([\u4e00-\u9fff]{2,5})\s*[:：]\s*(.*)$")
_RULE_RE = re.compile(r"^[-—–_=*·.…~]{3,}$")


@dataclass
class Line:
    """One paragraph of the author's text (or a piece of furniture), cleaned for reading."""

    text: str  # normalised: zero-width characters out, full-width punctuation, single spaces
    source: str  # the paragraph as the file has it (outer blanks stripped); joins concatenate
    pos: int
    end_pos: int
    raw: RawPara  # the (first) raw paragraph: its formatting evidence
    blanks_before: int = 0  # empty lines or paragraphs right before it
    noise: str = ""  # why it is furniture, or "" for the author's text

    @property
    def han(self) -> int:
        return len(HAN_RE.findall(self.text))

    @property
    def is_table(self) -> bool:
        return self.raw.rows is not None


def normalize(text: str) -> str:
    """The text a reader judges: no zero-width characters, full-width Chinese punctuation."""
    text = text.translate(_ZERO_WIDTH).translate(_ODD)
    if "\n" in text:  # a soft line break: a space in a short line (a title), nothing in prose
        parts = [p.strip() for p in text.split("\n")]
        text = ("" if len(text) > 60 or "。" in text else " ").join(p for p in parts if p)
    text = normalize_punctuation(text.strip())
    if "（" in text or "(" in text:
        text = _SITE_TAG_RE.sub("", text).strip()
    return _SPACES_RE.sub(" ", text)


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in TERMINAL


def to_lines(raw: RawDocument) -> list[Line]:
    """Non-empty paragraphs as Lines, remembering how many blanks stood before each."""
    out: list[Line] = []
    blanks = 0
    for p in raw.paras:
        if p.rows is not None:
            text = " ".join(c for row in p.rows for c in row if c.strip())
            out.append(Line(normalize(text), text.strip(), p.pos, p.end_pos or p.pos, p, blanks))
            blanks = 0
            continue
        text = normalize(p.text)
        if not text:
            blanks += 1
            continue
        out.append(Line(text, p.text.strip(), p.pos, p.end_pos or p.pos, p, blanks))
        blanks = 0
    return out


# -- furniture ------------------------------------------------------------------------------

def _is_scrap(line: Line) -> bool:
    """A word of navigation: very short, no sentence punctuation, not a heading number."""
    t = line.text
    if len(t) > 6 or re.search("[，。、；！？]", t) or line.is_table:
        return False
    number = parse_number(t)
    return number is None or number.scheme.name not in ("BARE", "LABEL")


def _chrome_reason(line: Line, lex: Lexicon) -> str:
    t = line.text
    if line.is_table:
        return ""
    if _RULE_RE.match(t):
        return "rule"
    if _PAGE_FOOTER_RE.match(t):
        return "page footer"
    if t[0] in NON_INITIAL:
        return ""  # a piece of a broken sentence: joined to the line before it
    if not HAN_RE.search(t):
        if parse_number(t) is not None or re.fullmatch(r"[\d\s年月日.\-/]+", t):
            return ""
        return "no Chinese text"
    if _HEX_ID_RE.match(t):
        return "link id"
    if _PAGE_FOOTER_RE.match(t):
        return "page footer"
    if _COPYRIGHT_RE.search(t) and len(t) < 120:
        return "copyright"
    if _URL_RE.search(t) and len(t) < 160:
        return "URL"
    if _TIMESTAMP_RE.search(t) and len(t) <= 30:
        return "posting time"
    m = _LABEL_RE.match(t)
    if m and m.group(1) in lex.chrome_words and len(m.group(2)) <= 30 and m.group(1) not in ("来源", "稿源"):
        return "page label"
    words = [w for w in re.split(r"[\s【】>»|/：:]+", t) if w]
    if words and len(t) <= 16 and all(w in lex.chrome_words for w in words):
        return "interface words"
    if len(t) <= 16 and re.search(r"(?:>>|»|》》)$", t):
        return "link"
    if len(t) < 200 and sum(1 for w in lex.boilerplate if w in t) >= (1 if len(t) < 120 else 2):
        return "site boilerplate"
    return ""


_CONTENTS_STYLE_RE = re.compile(r"^(?:toc(?: heading|\s*\d)|目录(?:\s*\d)?)$", re.I)


def mark_furniture(lines: list[Line], lex: Lexicon) -> None:
    """Set `noise` on site chrome, page furniture and debris (in place)."""
    for line in lines:
        line.noise = "contents" if _CONTENTS_STYLE_RE.match(line.raw.style.strip()) else _chrome_reason(line, lex)
    # runs of three or more navigation scraps (下载 打印 全屏 …, a title split word by word)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (lines[j].noise or _is_scrap(lines[j])):
            j += 1
        if j - i >= 3 and sum(1 for ln in lines[i:j] if not ln.noise) >= 2:
            for ln in lines[i:j]:
                ln.noise = ln.noise or "navigation"
        i = max(j, i + 1)
    # a label line whose value stands on the next line (来源: / 四川日报, 责任编辑： / 李某)
    for a, b in zip(lines, lines[1:], strict=False):
        m = _LABEL_RE.match(a.text)
        if a.noise and m and not m.group(2) and not b.noise and len(b.text) <= 8:
            b.noise = "page label"
    # lines repeated three times or more: running headers and footers (not a post line that
    # several pieces of a compilation share)
    # (a .docx keeps its running headers apart, so only plain text is judged)
    counts = Counter(ln.text for ln in lines if 4 <= len(ln.text) <= 60 and not ln.raw.style
                     and not re.search("[，。、；！？]", ln.text) and not ln.text.endswith(lex.posts))
    for k, ln in enumerate(lines):
        after = lines[k + 1].text if k + 1 < len(lines) else ""
        if counts[ln.text] >= 3 and not parse_number(ln.text) and not after.endswith(lex.posts):
            ln.noise = ln.noise or "repeated"
    _contents(lines)
    _tail(lines)


_TOC_ENTRY_RE = re.compile(r"^(.{2,60}?)\s*[.…·．\s]*(\d{1,3})$")


def _contents(lines: list[Line]) -> None:
    """A table of contents: lines ending in non-decreasing page numbers (after 目录, or three and
    more in a row). Its entries are set aside; the reader checks the parts against them."""
    i = 0
    while i < len(lines):
        header = re.fullmatch(r"目\s*录", lines[i].text) is not None
        j = i + 1 if header else i
        last = 0
        while j < len(lines):
            m = _TOC_ENTRY_RE.match(lines[j].text)
            if not m or int(m.group(2)) < last or m.group(1)[-1] in "。！？；，" or not HAN_RE.search(m.group(1)):
                break
            last = int(m.group(2))
            j += 1
        if j - i - header >= 3 or (header and j > i + 1):
            for ln in lines[i:j]:
                ln.noise = "contents"
            i = j
        else:
            i += 1


def _tail(lines: list[Line]) -> None:
    """After the page's end furniture (责任编辑, 相关链接, 打印本页 …) comes more furniture: related
    titles, the title and first sentence repeated for sharing. Unless real prose resumes."""
    body = [k for k, ln in enumerate(lines) if not ln.noise and len(ln.text) >= 60]
    if not body:
        return
    last_prose = body[-1]
    start = next((k for k in range(last_prose + 1, len(lines)) if lines[k].noise), None)
    if start is None:
        return
    head = "".join(ln.text for ln in lines[:min(len(lines), 40)]).replace(" ", "")
    for ln in lines[start:]:
        if ln.noise:
            continue
        if len(ln.text) <= 40 or ln.text.replace(" ", "") in head:
            ln.noise = "after the page's end"


# -- joining ----------------------------------------------------------------------------------

def _balance(text: str) -> int:
    return text.count("“") - text.count("”") + text.count("（") - text.count("）")


def _opens_heading(text: str) -> bool:
    return parse_number(text) is not None or parse_point(text) is not None


def _wrap_widths(lines: list[Line]) -> set[int]:
    """Line lengths at which a text was hard-wrapped: several unnumbered lines of about the same
    length that stop in mid-sentence, each followed directly (no blank line) by more text."""
    lengths: Counter[int] = Counter()
    for a, b in zip(lines, lines[1:], strict=False):
        if a.noise or b.noise or ends_sentence(a.text) or len(a.text) < 16 or b.blanks_before:
            continue
        if a.is_table or b.is_table or _opens_heading(b.text) or _own_line_heading(a.text):
            continue
        lengths[len(a.text)] += 1
    widths: set[int] = set()
    for width, n in lengths.items():
        near = n + lengths.get(width - 1, 0) + lengths.get(width + 1, 0)
        if near >= 3 or (n >= 2 and width >= 40):
            widths.update({width - 1, width, width + 1})
    return widths


def _own_line_heading(text: str) -> bool:
    """A numbered line (一、… or 一是…) with no sentence in it: a heading of its own."""
    numbered = parse_number(text)
    rest = numbered.rest if numbered is not None else None
    if rest is None:
        point = parse_point(text)
        rest = point.rest if point is not None else None
    return rest is not None and not re.search("[。！？]", rest)


def _scrap(text: str) -> bool:
    return len(text) <= 4 and not re.search("[，。、；：！？]", text)


def _continues(a: Line, b: Line, after: Line | None, widths: set[int]) -> bool:
    """Does b continue the sentence a was cut in? (`after` is the line after b.)"""
    if a.noise or b.noise or a.is_table or b.is_table or ends_sentence(a.text):
        return False
    if b.text[0] in NON_INITIAL and not b.text.startswith("——"):
        return True
    if _balance(a.text) > 0 and (_scrap(b.text) or _balance(b.text) < 0):
        return True  # a quotation left open, and the text that closes it
    if _scrap(b.text) and after is not None and after.text[:1] in NON_INITIAL:
        return True  # a word lifted out of the sentence by a link: 带技术 / 揭榜 / ；…
    if _opens_heading(b.text) or b.blanks_before:
        return False
    if _own_line_heading(a.text):
        return False  # a heading of its own that stops without punctuation
    if re.search("[。；！？]", a.text[:-1]) and len(a.text) >= 30:
        return True  # a paragraph of several sentences cannot stop in mid-sentence
    return len(a.text) in widths and a.han >= 10 and (len(b.text) >= 20 or ends_sentence(b.text))


def join_broken(lines: list[Line]) -> list[Line]:
    """Join lines a page broke inside a sentence (hard wraps, PDF page breaks, link scraps)."""
    widths = _wrap_widths(lines)
    out: list[Line] = []
    for k, line in enumerate(lines):
        after = lines[k + 1] if k + 1 < len(lines) else None
        if out and _continues(out[-1], line, after, widths):
            prev = out[-1]
            out[-1] = replace(prev, text=prev.text + line.text, source=prev.source + line.source,
                              end_pos=line.end_pos)
            continue
        out.append(line)
    return out


def clean(raw: RawDocument, lex: Lexicon) -> list[Line]:
    lines = to_lines(raw)
    mark_furniture(lines, lex)
    return join_broken(lines)
