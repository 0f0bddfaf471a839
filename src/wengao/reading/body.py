"""The body of one document: lines → typed blocks (headings with levels, points, paragraphs,
closing, tables). Headings come from the numbering grammar and from form; levels from nesting
as this document uses its numbers, not from a fixed table.
"""

from __future__ import annotations

import re

from wengao.document.numbering import Numbered, Scheme, parse_number, parse_point
from wengao.reading.front import author_line, date_line, salutation
from wengao.reading.lexicon import Lexicon
from wengao.reading.lines import Line, ends_sentence
from wengao.reading.model import Block, BlockKind

MAX_HEADING = 80  # characters of a heading sentence, at most
_HEADING_END = "。；：;:"  # dropped from a heading's text; ！ and ？ stay
_CLOSING_RE = re.compile(r"^(?:同志们|同学们|各位|最后|总之|让我们)[，！]|让我们|谢谢|预祝|祝愿|祝大家|奋力谱写|而努力奋斗|而团结奋斗")
STYLE_HEADING_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
# Paragraph styles of .docx files (wengao's own and Word's built-in ones) that say what a line is.
STYLE_ROLES = {
    "title": BlockKind.TITLE, "标题": BlockKind.TITLE, "part title": BlockKind.TITLE,
    "cover title": BlockKind.TITLE, "subtitle": BlockKind.SUBTITLE, "副标题": BlockKind.SUBTITLE,
    "byline": BlockKind.AUTHOR, "date": BlockKind.DATE, "source line": BlockKind.SOURCE,
    "salutation": BlockKind.SALUTATION, "cover note": BlockKind.NOTE,
}


def _heading_text(text: str) -> str:
    return text.strip().rstrip(_HEADING_END).strip()


def _unnumbered_heading(line: Line) -> Block:
    """A heading that stands by its form, with no number: the whole line."""
    return Block(BlockKind.HEADING, _heading_text(line.text), line.pos, line.source, scheme=Scheme.NONE,
                 end_pos=line.end_pos)


def run_in_parts(rest: str) -> tuple[str, str, str] | None:
    """A numbered line's rest split as a run-in heading: (heading, body, the mark between them)."""
    split = _split(rest)
    if split is None:
        return None
    head, body = split
    at = len(head)
    sep = rest[at:len(rest) - len(body)].strip() if body else ""
    return head, body, sep


def _split(rest: str) -> tuple[str, str] | None:
    """(heading, body) of a numbered line: a label before ： (一、参加对象：全体师生。), the first
    sentence (（一）强化创新驱动发展，…。提升…), or the whole line when it is short and has no
    sentence in it. None when the line cannot be a heading (a numbered sentence, a list item)."""
    rest = rest.strip()
    if not rest or rest[0] in "，。、；：！？）”":
        return None
    colon = re.search("[：:]", rest)
    if colon and colon.start() <= 20 and not re.search("[，。；！？]", rest[:colon.start()]) and colon.start() >= 2:
        head, body = rest[:colon.start()], rest[colon.end():].strip()
        # a label and its value (参加对象：全体师生。 / “两重”：是指…。), not a heading that has a
        # colon in it (教工大会：振奋精神 凝聚共识)
        if not body or re.search("[。！？；]", body) or len(body) > 30:
            return head, body
    end = re.search("[。！？]", rest)
    if end is None:
        if len(rest) <= MAX_HEADING and not rest.endswith(("，", "、")):
            return _heading_text(rest), ""
        return _first_clause(rest)
    head = rest[:end.end()]
    if len(head) > MAX_HEADING:
        return _first_clause(rest)
    body = rest[end.end():].lstrip("”’").strip() if rest[end.end():end.end() + 1] not in "”’" else ""
    if rest[end.end():end.end() + 1] in "”’":  # a quotation closes after the stop: keep it together
        return None if len(rest) > MAX_HEADING else (_heading_text(rest), "")
    return _heading_text(head), body


_TITLE_STYLES = {s for s, kind in STYLE_ROLES.items() if kind in (BlockKind.TITLE, BlockKind.SUBTITLE)}


# Nouns a heading of a report ends with. Only used where the line break after a heading was lost
# (a flattened file): 一、深入学习推广浙江经验的重大意义浙江“千万工程”起步早…
_HEADING_NOUN_RE = re.compile(
    "(?:意义|内容|举措|措施|经验|要求|成效|做法|启示|体会|认识|思路|路径|问题|任务|目标|原则|机制|保障|方向|"
    "重点|感受|成就|收获|建议|对策|情况|理解|作用|基础|关键|根本)")


def glued_heading(rest: str) -> tuple[str, str] | None:
    window = rest[:44]
    for m in _HEADING_NOUN_RE.finditer(window):
        if m.end() >= 6 and rest[m.end():m.end() + 1] not in "的地得之和与及、，。是":
            return rest[:m.end()], rest[m.end():]
    return None


def _first_clause(rest: str) -> tuple[str, str] | None:
    """3.选拔任用中层干部，…纪律规定：（1）…（10）…。 — a numbered item too long for a heading
    sentence is headed by its first clause, when that is short."""
    m = re.search("[，：]", rest)
    if m and 4 <= m.start() <= 24 and not re.search("[“（《]", rest[:m.start()]):
        return rest[:m.start()], rest[m.end():]
    return None


_APPENDIX_RE = re.compile(r"^附(?:件|录|表)?\s*\d{0,2}\s*[:：]\S")


def style_level(line: Line) -> int:
    """A Word heading style or outline level: 1-based, 0 for none (a title style is no heading,
    even with an outline level for the table of contents)."""
    raw = line.raw
    if line.md_level:
        return line.md_level
    if raw.style.strip().lower() in _TITLE_STYLES:
        return 0
    m = STYLE_HEADING_RE.match(raw.style.strip())
    if m:
        return int(m.group(1))
    if raw.outline_level is not None and 0 <= raw.outline_level <= 8:
        return raw.outline_level + 1
    return 0


class BodyReader:
    """Reads the body lines of one document into blocks."""

    def __init__(self, lex: Lexicon, body_size: float | None) -> None:
        self.lex = lex
        self.body_size = body_size

    # -- one line -------------------------------------------------------------------------------
    def numbered(self, line: Line, n: Numbered) -> list[Block] | None:
        if n.scheme in (Scheme.BARE,):
            return [Block(BlockKind.HEADING, n.marker, line.pos, line.source, scheme=n.scheme, number=n.marker,
                          value=n.value, end_pos=line.end_pos)]
        if n.scheme is Scheme.LABEL and not n.rest:
            return [Block(BlockKind.HEADING, n.marker.rstrip("：:|｜ "), line.pos, line.source, scheme=n.scheme,
                          number="", value=n.value, end_pos=line.end_pos)]
        # in a flattened file the break after a heading may be lost: 重大意义浙江起步早…
        if n.scheme in (Scheme.LABEL, Scheme.ORDINAL) and n.rest.startswith("“") and n.rest.rstrip("。").endswith("”"):
            return None  # 第一条：“…”: a rule quoted, not a heading
        if n.scheme is Scheme.LABEL and re.search("[。；]", n.rest):
            return None  # 理由二：基于…。 a labelled argument in the text, not a subhead
        glued = line.flattened and glued_heading(n.rest)
        split = (glued[0], glued[1], "") if glued else run_in_parts(n.rest)
        if split is None or not split[0]:
            return None
        head, body, sep = split
        return [Block(BlockKind.HEADING, head, line.pos, line.source, scheme=n.scheme, number=n.marker,
                      value=n.value, run_in=bool(body), body=body, sep=sep, end_pos=line.end_pos)]

    def point(self, line: Line) -> Block | None:
        return point_block(line.text, line.pos, line.source, line.end_pos)

    def own_line_heading(self, lines: list[Line], k: int) -> bool:
        """A short unnumbered line standing alone over its text: a subheading, by form."""
        line = lines[k]
        t = line.text
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        prev = lines[k - 1] if k else None
        if line.is_table or not t or t[-1] in "。，、；：…！,;:!" or line.han < 2 or re.search("[。；]", t):
            return False
        if salutation(t, self.lex) or date_line(t) or author_line(t, self.lex) or parse_point(t):
            return False
        if prev is not None and prev.text.endswith(("：", ":")):
            return False  # an item of a list the line before announced
        styled = line.raw.bold is True or (line.raw.align == "center" and self.body_size is not None
                                           and (line.raw.size or 0) > self.body_size)
        limit = 40 if styled else 25
        if len(t) > limit:
            return False
        if nxt is None or nxt.is_table:
            return styled
        if styled:
            return True
        return (len(nxt.text) > len(t) and (ends_sentence(nxt.text) or len(nxt.text) >= 30)
                and not (prev is not None and len(prev.text) <= 25 and not ends_sentence(prev.text)
                         and not parse_number(prev.text)))

    # -- the whole body -------------------------------------------------------------------------
    def sentence_heads(self, lines: list[Line]) -> set[int]:
        """生态底色更加亮丽。 / 经济运行持续向好。 …: short one-sentence lines, each over a long
        paragraph, in a series — subheadings written as sentences. One such line alone is a
        lead-in (主要做了以下工作。), not a heading."""
        cands = []
        for k, line in enumerate(lines[:-1]):
            t, nxt = line.text, lines[k + 1]
            if len(t) <= 25 and t.endswith("。") and not re.search("[。；！？，]", t[:-1]) and not nxt.is_table \
                    and len(nxt.text) >= max(40, 3 * len(t)) and not parse_number(t) and not parse_point(t) \
                    and not parse_number(nxt.text) and not line.is_table:
                cands.append(k)
        if len(cands) < 3:
            return set()
        return {k for i, k in enumerate(cands)
                if (i and k - cands[i - 1] <= 4) or (i + 1 < len(cands) and cands[i + 1] - k <= 4)}

    def read(self, lines: list[Line]) -> list[Block]:
        blocks: list[Block] = []
        heads = self.sentence_heads(lines)
        for k, line in enumerate(lines):
            if k in heads:
                blocks.append(_unnumbered_heading(line))
                continue
            if line.is_table:
                blocks.append(Block(BlockKind.TABLE, line.text, line.pos, line.source, rows=line.raw.rows or (),
                                    end_pos=line.end_pos))
                continue
            level = style_level(line)
            n = parse_number(line.text)
            if level:
                rest = n.rest if n is not None and n.rest else line.text
                # a heading style over a paragraph that runs on: the heading is its first sentence
                split = run_in_parts(rest)
                head, body, sep = split if split and split[1] else (_heading_text(rest), "", "")
                blocks.append(Block(BlockKind.HEADING, head, line.pos, line.source, level=level,
                                    scheme=n.scheme if n is not None else Scheme.STYLE,
                                    number=n.marker if n is not None else "", value=n.value if n else 0,
                                    run_in=bool(body), body=body, sep=sep, end_pos=line.end_pos))
                continue
            if n is not None:
                found = self.numbered(line, n)
                if found:
                    blocks.extend(found)
                    continue
            pt = self.point(line)
            if pt is not None:
                if not pt.lead and len(pt.text) <= 42 and not re.search("[。！？]", pt.text[:-1]) \
                        and k + 1 < len(lines) and len(lines[k + 1].text) > len(line.text) \
                        and not _next_in_series(line.text, lines[k + 1].text):
                    # 一是坚持制度引领，培育群众内生动力 on its own line, over its paragraph (not over the
                    # next point: 二是监管部门要…。 between 一是… and 三是… is one of a run of points)
                    blocks.append(Block(BlockKind.HEADING, _heading_text(pt.text), line.pos, line.source,
                                        scheme=Scheme.POINT, number=pt.marker, value=pt.value,
                                        end_pos=line.end_pos))
                else:
                    blocks.append(pt)
                continue
            if date_line(line.text):
                blocks.append(Block(BlockKind.DATE, line.text, line.pos, line.source, end_pos=line.end_pos))
                continue
            if _APPENDIX_RE.match(line.text) and len(line.text) <= 50 and not re.search("[。；！？]", line.text[:-1]) \
                    or self.own_line_heading(lines, k):
                blocks.append(_unnumbered_heading(line))
                continue
            blocks.append(Block(BlockKind.PARAGRAPH, line.text, line.pos, line.source, end_pos=line.end_pos))
        mark_leads(blocks)
        assign_levels(blocks, self.lex)
        mark_closing(blocks)
        return blocks


def _next_in_series(text: str, following: str) -> bool:
    """`following` is the next point of the series `text` opens (二是… after 一是…), not the start
    of its own paragraph (一是强化组织领导 over 首先，要成立…, or over its own 一是…二是…)."""
    this, then = parse_point(text), parse_point(following)
    return this is not None and then is not None and then.verb == this.verb and then.value == this.value + 1


def point_block(text: str, pos: int, source: str = "", end_pos: int = 0) -> Block | None:
    """一是…/二要…/首先，… as a point with its lead sentence, or None."""
    p = parse_point(text)
    if p is None:
        return None
    rest = p.rest
    end = re.search("[。！？]", rest)
    lead = rest[:end.end()] if end and end.end() <= 42 and end.end() < len(rest) else ""
    return Block(BlockKind.POINT, rest, pos, source, marker=p.marker, verb=p.verb, value=p.value, lead=lead,
                 end_pos=end_pos)


def _lead(text: str) -> str:
    m = re.search("[。！？]", text)
    first = text[:m.end()] if m else ""
    return first if 6 <= len(first) <= 40 and ("，" in first or "、" in first) and m.end() < len(text) else ""


def mark_leads(blocks: list[Block]) -> None:
    """Three or more paragraphs in a row opening with the same words and a short first sentence
    (聚焦…，…。 / 算大账，…。): parallel points with lead sentences, not headings."""
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j].kind is BlockKind.PARAGRAPH and blocks[i].kind is BlockKind.PARAGRAPH \
                and blocks[j].text[:2] == blocks[i].text[:2] and _lead(blocks[j].text):
            j += 1
        if j - i >= 3:
            for b in blocks[i:j]:
                b.kind, b.lead = BlockKind.POINT, _lead(b.text)
            i = j
        else:
            i += 1


def _apparatus(b: Block, lex: Lexicon) -> bool:
    word = re.sub(r"[\s\d①-⑳一二三四五六七八九十：:|]", "", b.text if b.scheme is not Scheme.LABEL else
                  b.text + (b.number or ""))
    return word in lex.appendix_words or (b.scheme is Scheme.LABEL and
                                          re.sub(r"[\d①-⑳：:|｜\s]", "", b.text) in lex.appendix_words)


def assign_levels(blocks: list[Block], lex: Lexicon) -> None:
    """Levels by nesting, as this document uses its numbers: a scheme met for the first time goes
    one level below the current one; a scheme already open closes everything below it. Word
    heading styles give their own level. Apparatus after the body (附件, 注释, 名词解释) starts
    again at the top."""
    heads = [b for b in blocks if b.kind is BlockKind.HEADING]
    styled = [b.level for b in heads if b.scheme is Scheme.STYLE or b.level]
    base = min(styled) - 1 if styled else 0
    stack: list[Scheme] = []
    weak = (Scheme.NONE, Scheme.POINT)  # unnumbered subheads: siblings of each other, not nested
    prev: Block | None = None
    for b in blocks:
        if b.kind is not BlockKind.HEADING:
            prev = b
            continue
        after_label = prev is not None and prev.kind is BlockKind.HEADING and prev.scheme is Scheme.LABEL \
            and _apparatus(prev, lex)
        prev = b
        if b.level:  # a Word heading style: its level, and its scheme remembered there
            b.level -= base
            del stack[b.level - 1:]
            stack.extend([Scheme.STYLE] * (b.level - 1 - len(stack)))
            stack.append(b.scheme)
            continue
        scheme = b.scheme
        if scheme in (Scheme.NONE, Scheme.LABEL) and _apparatus(b, lex):
            stack.clear()
        if scheme in stack:
            del stack[stack.index(scheme) + 1:]
        elif stack and (after_label and scheme is Scheme.NONE or scheme in weak and stack[-1] in weak):
            stack[-1] = scheme  # 附件1 / its title; 一是… heads then 这是…的五年。 heads: one level
        else:
            stack.append(scheme)
        b.level = len(stack)
    _numbering_slips(heads)


def _numbering_slips(heads: list[Block]) -> None:
    """一、 二、 （一） （二） 三、 三、: the first 三、 repeats its number where the sibling sequence
    below expected 3 — a slip of the bracket; it belongs one level down."""
    for k in range(len(heads) - 1):
        a, b = heads[k], heads[k + 1]
        if a.scheme is b.scheme and a.level == b.level and a.value and a.value == b.value and k:
            prev = heads[k - 1]
            if prev.level == a.level + 1 and prev.value + 1 == a.value:
                a.level += 1


def _closing_like(text: str) -> bool:
    return bool(_CLOSING_RE.search(text)) and text.rstrip("”’")[-1:] in "！。"


def mark_closing(blocks: list[Block]) -> None:
    """The closing call or 表态 at the end: the last paragraphs, when they read like one."""
    k = len(blocks) - 1
    while k >= 0 and blocks[k].kind in (BlockKind.DATE, BlockKind.AUTHOR, BlockKind.NOTE):
        k -= 1
    found = 0
    while k >= 0 and found < 2 and blocks[k].kind is BlockKind.PARAGRAPH and _closing_like(blocks[k].text):
        blocks[k].kind = BlockKind.CLOSING
        found += 1
        k -= 1
