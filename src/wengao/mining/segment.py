"""Segmentation: cleaned lines → documents (title, author line, salutation) → paragraphs,
headings with their levels, enumerated points with their leads, sentences.

Shared by the miner and by `wengao outline extract`: one reading of document structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wengao.mining.clean import CleanLine
from wengao.mining.lexicon import Lexicon, RepairRule
from wengao.text.punct import HAN

CN = "一二三四五六七八九十"
STYLE_RANK = {"cn": 1, "pcn": 2, "num": 3, "pnum": 4}
NUMBER_RES = {
    "cn": re.compile(rf"^[{CN}]{{1,3}}、"),
    "pcn": re.compile(rf"^（[{CN}]{{1,3}}）"),
    "num": re.compile(r"^\d{1,2}[、.．](?!\d)"),
    "pnum": re.compile(r"^（\d{1,2}）"),
}
POINT_RE = re.compile(rf"^[{CN}]{{1,3}}([是要])")
_SENT_END = "。！？"
_INLINE_SPLIT_RE = re.compile(rf"(?<=[。；！？：])(?=[{CN}]{{1,2}}、|（[{CN}]{{1,2}}）|\d{{1,2}}、(?!\d))")
_SALUTATION_RE = re.compile(r"^(同志们|各位(?:领导|同志|代表|来宾|委员)[^：]{0,10}|尊敬的[^：]{1,20})：")
_SOURCE_RE = re.compile(r"^(?:来源|稿源|发布时间|时间|作者|记者)：")
_HEADING_END_RE = re.compile(
    "(意义|内容|举措|措施|经验|要求|成效|做法|启示|体会|认识|思路|贡献|路径|问题|任务|目标|原则|机制|"
    "保障|方向|重点|感受|成就|收获|建议|对策|情况|理解|认知)")


_NO_SENTENCE_START = set("的地得之和与及、，。是")


@dataclass
class Para:
    kind: str  # title | author | salutation | source | heading | point | p
    text: str
    lineno: int
    level: int = 0  # headings: nesting depth from 1
    style: str = ""  # heading numbering style, or point verb (是/要)
    lead: str = ""  # point/lead sentence
    repairs: tuple[RepairRule, ...] = ()
    original: str = ""


@dataclass
class Doc:
    file: str
    title: str = ""
    title_line: int = 0
    author: str = ""
    paras: list[Para] = field(default_factory=list)
    genre: str = ""
    cover: bool = False  # a compilation's cover (title, notes, contents), not a document

    @property
    def body(self) -> list[Para]:
        return [p for p in self.paras if p.kind in ("heading", "point", "p")]


def sentences(text: str) -> list[str]:
    """Split at 。！？ (and ；), never inside quotation marks; a trailing fragment is kept."""
    out, start, depth, opened, comma = [], 0, 0, 0, False
    for i, ch in enumerate(text):
        if ch in "“‘《（":
            depth += 1
            opened, comma = i, False
        elif ch in "”’》）":
            depth = max(0, depth - 1)
        elif ch == "，":
            comma = True
        elif ch in "。！？" and depth and (i - opened > 40 or comma) and text[i + 1:i + 2] not in "”’》）":
            depth = 0  # an unclosed quotation mark must not swallow the paragraph
        if ch in "。！？" and depth == 0:
            j = i + 1
            while j < len(text) and text[j] in "”’）":
                j += 1
            out.append(text[start:j])
            start = j
    if text[start:].strip():
        out.append(text[start:])
    return [s for s in (x.strip() for x in out) if s]


def is_role_line(text: str, lex: Lexicon) -> bool:
    if len(text) > 26 or any(c in text for c in "。，；！？：“"):
        return False
    core = re.sub(r"（[^）]*）$", "", text)
    return core.endswith(lex.roles) or core.endswith(tuple(r + "同志" for r in lex.roles))


def is_title_like(text: str) -> bool:
    if not 4 <= len(text) <= 60 or any(c in text for c in "。！？；"):
        return False
    if any(r.match(text) for r in NUMBER_RES.values()) or POINT_RE.match(text):
        return False
    return text.count("，") <= 2


def _split_inline(line: CleanLine, lex: Lexicon) -> list[CleanLine]:
    """Flattened text: split before inline heading numbers, and off a glued title."""
    pieces = [p for p in _INLINE_SPLIT_RE.split(line.text) if p]
    out: list[CleanLine] = []
    for k, piece in enumerate(pieces):
        if k == 0:
            # a title glued to its salutation, or to the first sentence after junk that
            # marked a lost boundary: "…发言材料同志们：早在…"
            words = "|".join(map(re.escape, lex.title_words))
            follow = f"同志们：|[{HAN}“](?<![到了的得过着地])" if line.after_junk else "同志们："
            m = re.match(rf"^([^。！？，]{{6,80}}?(?:{words})(?:材料|稿)?)(?={follow})", piece)
            if m and len(piece) > len(m.group(1)) + 20:
                title = re.sub(rf"^[第]?[{CN}\d]*篇", "", m.group(1))
                out.append(CleanLine(title, line.lineno, 0, line.repairs, line.original))
                piece = piece[m.end():]
                sal = _SALUTATION_RE.match(piece)
                if sal:
                    out.append(CleanLine(sal.group(0), line.lineno, 0))
                    piece = piece[sal.end():]
        out.append(CleanLine(piece, line.lineno, line.heading_level, line.repairs, line.original))
    return out


def _heading_split(text: str, inline: bool) -> tuple[str, str] | None:
    """(heading, rest) for a numbered line: a short first sentence, or a heading-like phrase."""
    first = sentences(text)[0] if text else ""
    if len(text) <= 60 and not any(c in text[:-1] for c in _SENT_END):
        return text, ""
    if len(first) <= 42 and first[-1:] in _SENT_END:
        return first, text[len(first):].lstrip()
    if inline:
        window = text[:44]
        matches = list(_HEADING_END_RE.finditer(window))
        for k, m in enumerate(matches):
            if m.end() >= 6 and text[m.end():m.end() + 1] not in _NO_SENTENCE_START:
                end = m.end()
                for nxt in matches[k + 1:]:  # 对策举措: adjacent heading words belong together
                    if nxt.start() != end:
                        break
                    end = nxt.end()
                return text[:end], text[end:]
    return None


# Paragraph styles of .docx files (wengao's own and Word's built-in ones) that say what a line is.
STYLE_KINDS = {"subtitle": "subtitle", "byline": "author", "date": "date", "source line": "source",
               "salutation": "salutation", "cover note": "note", "toc heading": "toc", "toc 1": "toc",
               "toc 2": "toc", "toc 3": "toc"}
TITLE_STYLES = {"title", "part title", "cover title"}


def _classify(line: CleanLine, lex: Lexicon, inline: bool) -> list[Para]:
    text = line.text.strip()
    base = {"lineno": line.lineno, "repairs": line.repairs, "original": line.original}
    if line.style.lower() in STYLE_KINDS:
        return [Para(STYLE_KINDS[line.style.lower()], text, **base)]
    if line.heading_level:
        from wengao.document.numbering import strip_heading_number

        return [Para("heading", strip_heading_number(text), level=line.heading_level, style="docx", **base)]
    if _SOURCE_RE.match(text):
        return [Para("source", text, **base)]
    sal = _SALUTATION_RE.match(text)
    if sal:
        rest = text[sal.end():].strip()
        out = [Para("salutation", sal.group(0), **base)]
        if rest:
            out.extend(_classify(CleanLine(rest, line.lineno, 0, line.repairs, line.original), lex, inline))
        return out
    for style, rx in NUMBER_RES.items():
        m = rx.match(text)
        if m:
            body = text[m.end():].strip()
            split = _heading_split(body, inline)
            if split and split[0]:
                out = [Para("heading", split[0], style=style, **base)]
                if split[1]:
                    out.append(Para("p", split[1], **base))
                return out
            break
    m = POINT_RE.match(text)
    if m:
        body = text[m.end():]
        if body.startswith(m.group(1)):  # 一要要… never; 一是是… never
            body = body[1:]
        first = sentences(body)[0] if body else ""
        if len(text) <= 42 and not any(c in text[:-1] for c in _SENT_END):
            return [Para("heading", body, style="point", **base)]
        lead = first if len(first) <= 42 and first[-1:] in _SENT_END else ""
        return [Para("point", body, style=m.group(1), lead=lead, **base)]
    return [Para("p", text, **base)]


def _mark_leads(paras: list[Para]) -> None:
    """Three or more paragraphs opening with the same words and a short first sentence: leads."""
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and paras[j].kind == "p" and paras[i].kind == "p" and \
                paras[j].text[:2] == paras[i].text[:2] and _lead_candidate(paras[j].text):
            j += 1
        if j - i >= 3:
            for p in paras[i:j]:
                p.kind = "point"
                p.style = "lead"
                p.lead = sentences(p.text)[0]
            i = j
        else:
            i += 1


def _lead_candidate(text: str) -> str:
    s = sentences(text)
    first = s[0] if s else ""
    return first if 6 <= len(first) <= 40 and first[-1:] in _SENT_END and ("，" in first or "、" in first) \
        and len(s) > 1 else ""


def _assign_levels(doc: Doc) -> None:
    present = sorted({STYLE_RANK[p.style] for p in doc.paras if p.kind == "heading" and p.style in STYLE_RANK})
    depth = {rank: i + 1 for i, rank in enumerate(present)}
    current = 0
    for p in doc.paras:
        if p.kind != "heading":
            continue
        if p.style in STYLE_RANK:
            p.level = depth[STYLE_RANK[p.style]]
        elif p.style == "point":
            p.level = current + 1
            continue
        elif p.style == "docx":
            pass
        current = p.level


def segment(file: str, lines: list[CleanLine], lex: Lexicon) -> list[Doc]:
    """Split one cleaned file into documents and classify their paragraphs."""
    flat: list[tuple[CleanLine, bool]] = []
    for line in lines:
        pieces = _split_inline(line, lex) if len(line.text) > 300 or line.after_junk else [line]
        flat.extend((p, len(pieces) > 1) for p in pieces)
    docs: list[Doc] = []
    doc = Doc(file)
    i = 0
    while i < len(flat):
        line, inline = flat[i]
        text = line.text.strip()
        nxt = flat[i + 1][0].text.strip() if i + 1 < len(flat) else ""
        styled = line.style.lower()
        if styled in TITLE_STYLES or (flat[i + 1][0].style.lower() == "byline" if i + 1 < len(flat) else False):
            nxt = nxt if i + 1 < len(flat) and flat[i + 1][0].style.lower() == "byline" else ""
        starts_doc = styled in TITLE_STYLES or (not styled or styled == "normal") and is_title_like(text) and (
            is_role_line(nxt, lex) or _SALUTATION_RE.match(nxt) is not None
            or (not doc.body and not doc.title)
            or (inline and text.endswith(lex.title_words)))
        if starts_doc:
            if doc.body or doc.title:
                docs.append(doc)
            doc = Doc(file, title=clean_title(text), title_line=line.lineno,
                      cover=styled == "cover title")
            if nxt and (is_role_line(nxt, lex) or flat[i + 1][0].style.lower() == "byline"):
                doc.author = nxt
                doc.paras.append(Para("title", doc.title, line.lineno))
                doc.paras.append(Para("author", nxt, flat[i + 1][0].lineno))
                i += 2
                continue
            doc.paras.append(Para("title", doc.title, line.lineno))
            i += 1
            continue
        if not doc.body and clean_title(text) == doc.title:
            i += 1  # the title repeated (web copies often show it twice)
            continue
        doc.paras.extend(_classify(line, lex, inline))
        i += 1
    docs.append(doc)
    docs = [d for d in docs if d.body or d.cover]
    for d in docs:
        _mark_leads(d.paras)
        _assign_levels(d)
        d.genre = detect_genre(d)
    return docs


def clean_title(text: str) -> str:
    """Site noise at a title's ends: a bare year glued on, a character count; blanks become spaces."""
    text = re.sub(r"^\d{4}(?=[^\d年度届])", "", text)  # a bare year glued on: "2024在…讲话"
    text = re.sub(r"（\d+字）$", "", text)
    return text.replace("□", " ").strip()


def detect_genre(doc: Doc) -> str:
    title = doc.title
    head = "".join(p.text for p in doc.paras[:4])
    if any(p.kind == "source" for p in doc.paras) or re.search(r"^\d{1,2}月\d{1,2}日，", head) and "召开" in head:
        return "news"
    if re.search("心得|体会|感悟|收获", title) or (doc.author and not re.search("讲话|发言", title)):
        return "study-report"
    if re.search("发言|交流|研讨", title):
        return "exchange"
    return "speech"
