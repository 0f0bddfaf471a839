"""Cleaning: raw paragraphs → the lines an author wrote, with page furniture set aside.

Nothing is deleted: a line judged to be site chrome, page furniture or debris is kept with the
reason (`noise`), because `wengao format` must keep every character. Lines a web page or a PDF
broke in the middle of a sentence are joined back. Every rule is about form — length, position,
punctuation, repetition — plus the short lists of interface words in the lexicon.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from wengao.document.numbering import parse_number, parse_point
from wengao.reading.front import author_line, date_line, is_subtitle, salutation
from wengao.reading.lexicon import Lexicon
from wengao.reading.model import RawDocument, RawPara, SourceFormat
from wengao.text.punct import HAN, normalize_punctuation

HAN_RE = re.compile(f"[{HAN}]")
TERMINAL = "。！？；：…”’）)!?;:"  # a line ending in one of these ends its sentence
NON_INITIAL = "，。、；：！？）】」』”’,.;:!?)"  # a paragraph never starts with these
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ODD_MAP = {"〝": "“", "〞": "”", "＂": "“", "「": "“", "」": "”", "『": "‘", "』": "’",
                      "\u3000": " ", "\xa0": " ", "\t": " ", "︰": "：",
                      "﹐": "，", "﹒": "．", "\r": " "}
_ODD = str.maketrans(_ODD_MAP) | _ZERO_WIDTH
_ODD_RE = re.compile("[" + "".join(_ODD_MAP) + "\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES_RE = re.compile(r"[ ]{2,}")
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(?=\S)")
# a download site's tag in a title: （范文推荐） （精选3篇） （21895字）
_SITE_TAG_RE = re.compile(r"[（(][^（）()]{0,12}(?:范文|推荐|精选|通用|最新|合集|优选|\d+篇|\d+字)[^（）()]{0,12}[）)]")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.\w+|\b[\w-]+\.(?:com|cn|net|org)(?:/\S*)?",
                     re.I)
_HEX_ID_RE = re.compile(r"^[0-9a-fA-F]{12,}[:：]?$")
_PAGE_FOOTER_RE = re.compile(r"^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[-—–]\s*\d+\s*[-—–])$")
_TIMESTAMP_RE = re.compile(r"\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:：时]\s*\d{1,2}")
_COPYRIGHT_RE = re.compile(r"copyright|©|版权所有|ICP备|备案号", re.I)
_LABEL_RE = re.compile(r"^([\u4e00-\u9fff]{2,5})\s*[:：]\s*(.*)$")
_BULLET_LABEL_RE = re.compile(r"^[-•·*]\s*[\u4e00-\u9fff ]{2,8}[:：]$")
_RULE_RE = re.compile(r"^(?:[-—–_=*·.…~]\s*){3,}$")
_PHOTO_RE = re.compile(r"(?:记者|摄影|通讯员)[^，。；]{1,20}\s*摄[）)]?$|^[（(]?图[为:：/]|[（(]图片来源[:：]|^!\[")


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
    col: int = 1  # where `source` starts in the raw paragraph (a line split off a longer one)
    flattened: bool = False  # cut out of a flattened paragraph: its heading may be glued on
    md_level: int = 0  # a Markdown heading (# … ######): its number of #
    _han: tuple[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def han(self) -> int:
        """How many Chinese characters it has (counted once for its text: asked again and again)."""
        known = self._han
        if known is None or known[0] is not self.text:
            known = self._han = (self.text, len(HAN_RE.findall(self.text)))
        return known[1]

    @property
    def is_table(self) -> bool:
        return self.raw.rows is not None


def normalize(text: str) -> str:
    """The text a reader judges: no zero-width characters, full-width Chinese punctuation."""
    if _ODD_RE.search(text):  # translate is slow on long text: only when there is work
        text = text.translate(_ODD)
    if "\n" in text:  # a soft line break inside a paragraph is layout: nothing between Chinese
        text = re.sub(r"(?<=[A-Za-z0-9])\s*\n\s*(?=[A-Za-z0-9])", " ", text)
        text = re.sub(r"\s*\n\s*", "", text)
    text = normalize_punctuation(text.strip())
    if "（" in text or "(" in text:
        text = _SITE_TAG_RE.sub("", text).strip()
    # the pattern opens with a repeat, so a search tries every character: only when there is work
    return _SPACES_RE.sub(" ", text) if "  " in text else text


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
        md = _MD_HEADING_RE.match(text)
        level = len(md.group(1)) if md and raw.format is SourceFormat.TXT else 0
        if level:
            text = text[md.end():].strip()
        out.append(Line(text, p.text.strip(), p.pos, p.end_pos or p.pos, p, blanks, md_level=level))
        blanks = 0
    return out


# -- furniture ------------------------------------------------------------------------------

def _is_scrap(line: Line, lex: Lexicon) -> bool:
    """A word of navigation: very short, no sentence punctuation, not a heading number, not a
    speaker (省长 胡玉亭), a salutation or a date."""
    t = line.text
    if len(t) > 6 or re.search("[，。、；！？]", t) or line.is_table:
        return False
    number = parse_number(t)
    if number is not None and number.scheme.name in ("BARE", "LABEL"):
        return False
    return not (salutation(t, lex) or date_line(t) or (" " in t and author_line(t, lex)))


def _chrome_reason(line: Line, lex: Lexicon) -> str:
    t = line.text
    if line.is_table or len(t) >= 200:
        return ""  # furniture is short; a long line is text
    if _RULE_RE.match(t):
        return "rule"
    if _PAGE_FOOTER_RE.match(t):
        return "page footer"
    # every address has a "." or "://" in it: most lines need no search
    if t.startswith("![") or (len(t) < 160 and ("." in t or "://" in t) and _URL_RE.search(t)):
        return "URL"
    if t[0] in NON_INITIAL:
        return ""  # a piece of a broken sentence: joined to the line before it
    if _HEX_ID_RE.match(t):
        return "link id"
    if not HAN_RE.search(t):
        if parse_number(t) is not None or re.fullmatch(r"[\d\s年月日.\-/]+", t):
            return ""
        return "no Chinese text"
    if _COPYRIGHT_RE.search(t) and len(t) < 120:
        return "copyright"
    if _TIMESTAMP_RE.search(t) and len(t) <= 30:
        return "posting time"
    if _BULLET_LABEL_RE.match(t):
        return "page label"
    if _PHOTO_RE.search(t) and len(t) <= 120:
        return "photo credit"
    tokens = t.split(" ")
    if len(tokens) >= 5 and sum(len(w) <= 4 for w in tokens) >= len(tokens) - 1 and not re.search("[，。；！？]", t):
        return "keyword list"
    m = _LABEL_RE.match(t)
    if m and m.group(1) in lex.chrome_words and len(m.group(2)) <= 30 and m.group(1) not in ("来源", "稿源"):
        return "page label"
    if len(t) <= 16:
        words = [w for w in re.split(r"[\s【】>»|/：:]+", t) if w]
        if words and all(_made_of(w, lex.chrome_words) for w in words):
            return "interface words"
    if len(t) <= 16 and re.search(r"(?:>>|»|》》)$", t):
        return "link"
    if len(t) < 200 and _boilerplate_re(lex.boilerplate).search(t) and \
            sum(1 for w in lex.boilerplate if w in t) >= (1 if len(t) < 120 else 2):
        return "site boilerplate"
    return ""


@cache
def _boilerplate_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words: one search says whether a line holds one at all (most hold none)."""
    return re.compile("|".join(map(re.escape, words)))


_CONTENTS_STYLE_RE = re.compile(r"^(?:toc(?: heading|\s*\d)|目录(?:\s*\d)?)$", re.I)


def _front_matter(lines: list[Line]) -> None:
    """A Markdown file's metadata block (--- / key: value … / ---) at the top is furniture; its
    title: line is kept as "front matter title" for a reader that finds no title in the text."""
    if not lines or lines[0].text != "---":
        return
    end = next((k for k in range(1, min(len(lines), 60)) if lines[k].text == "---"), None)
    if end is None or not all(re.match(r"^[\w-]+[:：]|^-(?: |$)", ln.text) for ln in lines[1:end]):
        return
    for ln in lines[:end + 1]:
        ln.noise = "front matter title" if re.match(r"^title\s*[:：]", ln.text) else "front matter"


def _titles(lines: list[Line], j: int, lex: Lexicon) -> bool:
    """A short line over a subtitle, a speaker or a date is a title, not navigation."""
    nxt = lines[j + 1].text if j + 1 < len(lines) else ""
    return lines[j].han >= 4 and bool(nxt) and (is_subtitle(nxt) or date_line(nxt) != ""
                                                or (" " in nxt and author_line(nxt, lex)))


@cache
def _longest(vocabulary: frozenset[str]) -> int:
    return max((len(w) for w in vocabulary), default=0)


def _made_of(word: str, vocabulary: frozenset[str]) -> bool:
    """Can the word be cut into words of the vocabulary (扫一扫在手机打开当前页)?"""
    if word in vocabulary:
        return True
    longest = _longest(vocabulary)
    reach = [True] + [False] * len(word)
    for i in range(len(word)):
        if reach[i]:
            for j in range(i + 1, min(len(word), i + longest) + 1):
                if word[i:j] in vocabulary:
                    reach[j] = True
    return reach[-1]


def mark_furniture(lines: list[Line], lex: Lexicon) -> None:
    """Set `noise` on site chrome, page furniture and debris (in place)."""
    _front_matter(lines)
    for line in lines:
        if line.noise:
            continue
        line.noise = "contents" if _CONTENTS_STYLE_RE.match(line.raw.style.strip()) else _chrome_reason(line, lex)
    # runs of three or more navigation scraps (下载 打印 全屏 …, a title split word by word)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (lines[j].noise or _is_scrap(lines[j], lex)) and not _titles(lines, j, lex):
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


def _toc_entry(text: str) -> re.Match[str] | None:
    # an entry ends in its page number (\d is a Unicode decimal, as str.isdecimal; $ may stand
    # before a final newline): a line that does not is not tried at sixty split points
    if not (text[-1:].isdecimal() or text.endswith("\n")):
        return None
    return _TOC_ENTRY_RE.match(text)


def _contents(lines: list[Line]) -> None:
    """A table of contents: lines ending in non-decreasing page numbers (after 目录, or three and
    more in a row). Its entries are set aside; the reader checks the parts against them."""
    i = 0
    while i < len(lines):
        header = re.fullmatch(r"目\s*录", lines[i].text) is not None
        j = i + 1 if header else i
        last = 0
        while j < len(lines):
            m = _toc_entry(lines[j].text)
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


_DANGLING = "的"  # a text never stops on this particle (方向, 所在 end words; 的 ends none)
_COPULA_RE = re.compile(r"^(?:是|为|有|即)[：:，]")


def _continues(a: Line, b: Line, after: Line | None, widths: set[int], lex: Lexicon) -> bool:
    """Does b continue the sentence a was cut in? (`after` is the line after b.)"""
    if a.noise or b.noise or a.is_table or b.is_table or ends_sentence(a.text):
        return False
    if b.text[0] in NON_INITIAL and not b.text.startswith("——"):
        return True
    if a.text.endswith("，") and salutation(b.text, lex) and salutation(a.text + b.text, lex):
        return True  # 女士们，先生们， / 同志们，朋友们： — one salutation over two lines
    if salutation(b.text, lex) or date_line(b.text) or author_line(b.text, lex):
        return False
    if _COPULA_RE.match(b.text):
        return True  # …的主要目标 / 是：… — a subject a web page set apart from its verb
    if a.text[-1] in _DANGLING and not _opens_heading(b.text) and not _opens_heading(a.text) \
            and len(b.text) <= 60:
        return True  # “十五五”时期经济社会发展的 / 主要目标
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


def join_broken(lines: list[Line], lex: Lexicon) -> list[Line]:
    """Join lines a page broke inside a sentence (hard wraps, PDF page breaks, link scraps);
    furniture between the two pieces (a page marker) stays where it is."""
    widths = _wrap_widths(lines)
    out: list[Line] = []
    last = -1  # the last line of text in `out`
    for k, line in enumerate(lines):
        after = next((ln for ln in lines[k + 1:] if not ln.noise), None)
        if not line.noise and last >= 0 and _continues(out[last], line, after, widths, lex):
            prev = out[last]
            out[last] = replace(prev, text=prev.text + line.text, source=prev.source + line.source,
                                end_pos=line.end_pos)
            continue
        out.append(line)
        if not line.noise:
            last = len(out) - 1
    return out


# -- flattened text ---------------------------------------------------------------------------

FLATTENED = 2000  # characters: no author writes a paragraph this long; a flattened file does
_INLINE_RE = re.compile(r"(?<=[。！？；：])(?=(?:[一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）|\d{1,2}、(?!\d)))")


def _split_source(source: str, pieces: list[str]) -> list[tuple[str, int]]:
    """Cut the raw text where the normalised text was cut (found by each piece's opening)."""
    out, at = [], 0
    for k in range(len(pieces)):
        nxt = pieces[k + 1][:6] if k + 1 < len(pieces) else None
        cut = source.find(nxt, at + 1) if nxt else len(source)
        if cut < 0:  # not found verbatim: the rest stays with this piece
            out.append((source[at:], at + 1))
            out += [("", at + 1)] * (len(pieces) - k - 1)
            return out
        out.append((source[at:cut], at + 1))
        at = cut
    return out


def _page_chunks(lines: list[Line]) -> list[Line]:
    """Text cut into equal chunks, each glued to a running number (1、… 2、… 3、…): the numbers are
    page furniture; set them aside so the chunks join back into their sentences."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        first = parse_number(lines[i].text) if not lines[i].noise else None
        if first is None:  # no number, no run (most lines)
            out.append(lines[i])
            i += 1
            continue
        run = [i]
        while run[-1] + 1 < len(lines):
            nxt = lines[run[-1] + 1]
            n = parse_number(nxt.text) if not nxt.noise else None
            if n is None or n.scheme is not first.scheme or n.value != first.value + len(run):
                break
            run.append(run[-1] + 1)
        lengths = [len(lines[k].text) for k in run]
        if len(run) >= 4 and min(lengths) >= 100 and max(lengths) - min(lengths) <= 4:
            for k in run:
                line = lines[k]
                marker = parse_number(line.text).marker
                at = line.source.find(marker)
                cut = at + len(marker) if at >= 0 else 0
                out.append(replace(line, text=marker, source=line.source[:cut], noise="page marker"))
                out.append(replace(line, text=line.text[len(marker):].lstrip(), source=line.source[cut:],
                                   col=cut + 1, blanks_before=0))
            i = run[-1] + 1
            continue
        out.append(lines[i])
        i += 1
    return out


def _unflatten(lines: list[Line]) -> list[Line]:
    """A paragraph longer than anyone writes is a flattened document: cut it before the heading
    numbers that stand inline after a sentence (。3、始终坚持…)."""
    out: list[Line] = []
    for line in lines:
        if line.noise or len(line.text) < FLATTENED:
            out.append(line)
            continue
        pieces = [p for p in _INLINE_RE.split(line.text) if p]
        if len(pieces) < 3:
            out.append(line)
            continue
        for piece, (src, col) in zip(pieces, _split_source(line.source, pieces), strict=True):
            out.append(replace(line, text=piece, source=src, col=line.col + col - 1, blanks_before=0,
                               flattened=True))
    return out


def _split_headings(lines: list[Line]) -> list[Line]:
    """（二）坚持不懈用 / 新时代…凝心铸魂。正文…: a run-in heading a web page broke in two, known by
    its siblings — nearly all the document's headings of that numbering run in."""
    numbered = [(k, parse_number(ln.text)) for k, ln in enumerate(lines) if not ln.noise]
    runs: Counter = Counter()
    own: Counter = Counter()
    for _, n in numbered:
        if n is not None:
            (runs if re.search("[。！？]", n.rest) else own)[n.scheme] += 1
    out: list[Line] = []
    skip = -1
    for k, line in enumerate(lines):
        if k <= skip:
            continue
        n = parse_number(line.text) if not line.noise else None
        nxt = next((j for j in range(k + 1, len(lines)) if not lines[j].noise), None)
        if n is not None and nxt is not None and len(n.rest) <= 12 and not re.search("[。！？；：]", n.rest) \
                and runs[n.scheme] >= 4 and runs[n.scheme] >= 4 * own[n.scheme]:
            after = lines[nxt]
            end = re.search("[。！？]", after.text)
            if end and end.start() <= 40 and not _opens_heading(after.text) and after.text[0] not in NON_INITIAL:
                out.append(replace(line, text=line.text + after.text, source=line.source + after.source,
                                   end_pos=after.end_pos))
                out.extend(lines[k + 1:nxt])
                skip = nxt
                continue
        out.append(line)
    return out


def clean(raw: RawDocument, lex: Lexicon) -> list[Line]:
    lines = to_lines(raw)
    mark_furniture(lines, lex)
    return _unflatten(_split_headings(join_broken(_page_chunks(lines), lex)))
