"""Structure: raw paragraphs → one Document of typed blocks (front matter, headings with levels,
points, closing, noise), split into parts only on evidence.

The steps: clean the lines (reading/lines.py); find title blocks — short lines before a body:
title, subtitle, post-and-name line, date, then a salutation; decide which title blocks start a
document (a post line, a date, a title that names its kind, a sign-off before it, Word's own
title formatting) and whether the first piece is a cover or a covering notice; then read each
document's body (reading/body.py) and its genre (reading/genre.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wengao.document.numbering import parse_number, parse_point
from wengao.reading.body import STYLE_HEADING_RE, STYLE_ROLES, BodyReader, style_level
from wengao.reading.front import (
    author_line,
    byline,
    date_line,
    find_date,
    is_post,
    is_subtitle,
    month_day,
    salutation,
    speaker_after_subtitle,
    time_place_line,
    title_word_end,
)
from wengao.reading.genre import detect, named
from wengao.reading.lexicon import Lexicon, load_lexicon
from wengao.reading.lines import _DANGLING, Line, clean, ends_sentence
from wengao.reading.model import Block, BlockKind, Document, FrontMatter, Genre, RawDocument

_SOURCE_RE = re.compile(r"^(?:来源|稿源|来稿|信息来源)\s*[:：]")
_NOTE_RE = re.compile(r"^(?:编者按|按|编者的话|编辑按|导读)[:：]|^现(?:将|把).{2,60}(?:印发|摘录|刊发|转发|摘编)")
_IMPRINT_RE = re.compile(r"^(?:发|送|抄送|报|印发|主送)[:：]|印发$|^\S{2,30}\s+\d{4}\s*年.{0,12}印发$")
_WHO_RE = re.compile(r"^([\u4e00-\u9fff]{2,4})同志(?:在.{2,40}?上)?的(?:讲话|发言|报告|致辞|讲话摘要|发言摘要)")
_POST_TITLE_RE = re.compile(r"^(.{2,12}?)在.{2,40}?上的(?:讲话|发言|报告|致辞)")


@dataclass
class _TitleBlock:
    start: int
    end: int  # exclusive: the first line after the block (and its salutation)
    titles: list[int]
    subtitle: int | None = None
    author: int | None = None
    date: int | None = None
    salutation: int | None = None
    sources: list[int] = field(default_factory=list)
    more_subtitle: int | None = None  # the subtitle's second line
    strong: bool = False


class _Reader:
    def __init__(self, raw: RawDocument, lex: Lexicon) -> None:
        self.raw = raw
        self.lex = lex
        self.lines = clean(raw, lex)
        self.text = [ln for ln in self.lines if not ln.noise]
        self.noise_pos = [ln.pos for ln in self.lines if ln.noise]
        meta = next((ln.text for ln in self.lines if ln.noise == "front matter title"), "")
        self.meta_title = re.sub(r"^title\s*[:：]\s*", "", meta).strip("'\"‘’“” ")
        sizes = [ln.raw.size for ln in self.text if ln.raw.size and len(ln.text) >= 40]
        if sizes:  # only a .docx has sizes
            from statistics import median

            self.body_size = median(sizes)
        else:
            self.body_size = None
        self.body = BodyReader(lex, self.body_size)
        # a Markdown file's one top-level heading, above any text, is its title
        md = [ln for ln in self.text if ln.md_level]
        top = [ln for ln in md if ln.md_level == min((m.md_level for m in md), default=0)]
        self.md_title = top[0] if len(top) == 1 and top[0] is md[0] and not any(
            self.body_like(ln) for ln in self.text[:self.text.index(top[0])]) else None

    # -- what a line is -----------------------------------------------------------------------
    def style_role(self, line: Line) -> BlockKind | None:
        return STYLE_ROLES.get(line.raw.style.strip().lower())

    def styled_title(self, line: Line) -> bool:
        """Word formatting that marks a title: its style, or centred and larger than the body."""
        if self.style_role(line) is BlockKind.TITLE or line is self.md_title:
            return True
        raw = line.raw
        return raw.align == "center" and self.body_size is not None and (raw.size or 0) >= self.body_size + 2 \
            and len(line.text) <= 50 and not STYLE_HEADING_RE.match(raw.style.strip())

    def title_like(self, line: Line) -> bool:
        t = line.text
        if line.is_table:
            return False
        if self.styled_title(line):
            return True
        if style_level(line):
            return False
        if len(t) > 50 or line.han < 2 or re.search("[。；]", t) or t[-1] in "，、：；！,:;!" + _DANGLING:
            return False
        if parse_number(t) or parse_point(t) or salutation(t, self.lex) or date_line(t):
            return False
        return not _SOURCE_RE.match(t) and not _NOTE_RE.match(t)

    def body_like(self, line: Line) -> bool:
        t = line.text
        if line.is_table or parse_number(t) or parse_point(t) or style_level(line):
            return True
        sal = salutation(t, self.lex)
        if sal and sal[1]:
            return True
        return (ends_sentence(t) and len(t) >= 8) or len(t) >= 30

    # -- title blocks ---------------------------------------------------------------------------
    def title_block(self, i: int) -> _TitleBlock | None:
        text, lex = self.text, self.lex
        if not self.title_like(text[i]):
            return None
        tb = _TitleBlock(i, i + 1, [i])
        j = i + 1
        while j < len(text) and j - i < 9:
            line = text[j]
            role = self.style_role(line)
            t = line.text
            if role is BlockKind.SALUTATION or salutation(t, lex):
                break
            if role is BlockKind.SUBTITLE or (tb.subtitle is None and role is None and is_subtitle(t)):
                if tb.subtitle is not None:
                    break
                tb.subtitle = j
            elif tb.subtitle == j - 1 and role is None and self._continues_subtitle(j):
                tb.more_subtitle = j
            elif role is BlockKind.DATE or date_line(t) or time_place_line(t):
                if tb.date is not None:
                    break
                tb.date = j
            elif role is BlockKind.SOURCE or _SOURCE_RE.match(t):
                tb.sources.append(j)
            elif role is BlockKind.AUTHOR or (tb.author is None and role is None and author_line(
                    t, lex, name_alone=self.at_top(i) and j - i <= 4 and line.han == len(t))):
                if tb.author is not None:
                    break
                tb.author = j
            elif (role is BlockKind.TITLE or self.title_like(line)) and self._joins_title(tb, j):
                tb.titles.append(j)
            else:
                break
            j += 1
        if j < len(text) and (self.style_role(text[j]) is BlockKind.SALUTATION or salutation(text[j].text, lex)):
            tb.salutation = j
            sal = salutation(text[j].text, lex)
            j += 0 if sal and sal[1] else 1  # a run-in salutation's line is also the body's first
        tb.end = j
        tb.strong = self._strong(tb)
        return tb

    def at_top(self, i: int) -> bool:
        """No text of the body stands before line i."""
        return not any(self.body_like(ln) for ln in self.text[:i])

    def _continues_subtitle(self, j: int) -> bool:
        """——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上: a subtitle printed over two
        lines, the first stopping short of where a subtitle ends."""
        first, line = self.text[j - 1].text, self.text[j].text
        if len(line) > 30 or re.search("[，。；！？：]", line) or is_subtitle(line) or author_line(line, self.lex):
            return False
        return is_subtitle(first + line) and not re.search("(?:上|上的(?:讲话|发言|报告|致辞)|讲话|发言|报告)$", first)

    def _joins_title(self, tb: _TitleBlock, j: int) -> bool:
        """A further title line: straight after the title, before anything else, and not a title
        of its own after a kicker (2010年11月22日教工大会 / 关于组织远足活动的通知)."""
        line, last = self.text[j], self.text[tb.titles[-1]]
        if any(last.pos < pos < line.pos for pos in self.noise_pos):
            return False  # furniture (a table of contents) stands between them
        if tb.subtitle is not None or tb.author is not None or tb.date is not None or len(tb.titles) >= 3:
            return False
        if tb.titles[-1] != j - 1 - len(tb.sources):
            return False
        if line.text == last.text:
            return True  # a title shown twice (web copies)
        if line.text[-1] in "？！?!":
            return False  # a question or a call opens the text; a title line does not end so
        so_far = "".join(self.text[k].text for k in tb.titles)
        if title_word_end(line.text, self.lex) and not title_word_end(so_far, self.lex):
            return False
        if self.styled_title(last) != self.styled_title(line):
            return False
        return len(line.text) <= 30 and len(last.text) <= 30

    def _strong(self, tb: _TitleBlock) -> bool:
        """Evidence that this title block starts a document of its own (an attachment label or
        a glossary is the document's own apparatus, never another document)."""
        title = self.text[tb.titles[0]]
        if _apparatus_word(title.text, self.lex):
            return False
        han = sum(self.text[k].han for k in tb.titles)
        if self.styled_title(title) or tb.author is not None:
            return True
        if tb.date is not None and han >= 5:
            return True
        joined = "".join(self.text[k].text for k in tb.titles)
        if title_word_end(joined, self.lex) and han >= 8:
            return True
        return han >= 5 and self._signed_off_before(tb.start)

    def _signed_off_before(self, i: int) -> bool:
        """The document before ends with a sign-off (an organisation and a date, or a date)."""
        return any(date_line(self.text[k].text) for k in range(i - 1, max(-1, i - 4), -1))

    def _body_after(self, tb: _TitleBlock, stop: int) -> bool:
        lines = self.text[tb.end:stop]
        return len(lines) >= 2 or sum(len(ln.text) for ln in lines) >= 80

    # -- documents ------------------------------------------------------------------------------
    def split(self) -> list[tuple[int, int, _TitleBlock | None]]:
        """(start, end, title block) of each document-shaped piece, in order."""
        text = self.text
        found: list[_TitleBlock] = []
        seen_body = False
        i = 0
        while i < len(text):
            first_of_body = bool(found) and i == found[-1].end and self.body_like(text[i])
            tb = None if first_of_body else self.title_block(i)
            if tb is None:
                seen_body = seen_body or self.body_like(text[i])
                i += 1
                continue
            if not found and not seen_body:
                found.append(tb)
                i = max(tb.end, i + 1)
                continue
            if tb.strong and tb.end < len(text) and self.body_like(text[tb.end]):
                found.append(tb)
                i = max(tb.end, i + 1)
                continue
            i += 1
        starts = [tb.start for tb in found]
        pieces: list[tuple[int, int, _TitleBlock | None]] = []
        if not found or found[0].start > 0:
            pieces.append((0, found[0].start if found else len(text), None))
        for k, tb in enumerate(found):
            end = starts[k + 1] if k + 1 < len(found) else len(text)
            pieces.append((tb.start, end, tb))
        # a piece too small to be a document goes back into the one before it
        merged: list[tuple[int, int, _TitleBlock | None]] = []
        for start, end, tb in pieces:
            if merged and tb is not None and not self._body_after(tb, end):
                merged[-1] = (merged[-1][0], end, merged[-1][2])
            else:
                merged.append((start, end, tb))
        return merged

    def is_cover(self, start: int, end: int, tb: _TitleBlock | None) -> bool:
        """The first piece before the documents of a compilation: a cover (a title, contents)
        or a covering notice (a few lines, often signed off)."""
        body = self.text[tb.end if tb else start:end]
        chars = sum(len(ln.text) for ln in body)
        return not body or (len(body) <= 8 and chars <= 600 and not any(parse_number(ln.text) for ln in body))

    # -- one document ---------------------------------------------------------------------------
    def document(self, start: int, end: int, tb: _TitleBlock | None, *, cover: bool = False) -> Document:
        text = self.text
        front = FrontMatter()
        blocks: list[Block] = []

        def add(kind: BlockKind, k: int, value: str | None = None) -> Block:
            line = text[k]
            b = Block(kind, value if value is not None else line.text, line.pos, line.source, end_pos=line.end_pos)
            blocks.append(b)
            return b

        body_start = start
        if tb is not None:
            for k in range(tb.start, tb.end):
                if k in tb.titles:
                    add(BlockKind.TITLE, k)
                elif k == tb.subtitle:
                    front.subtitle = add(BlockKind.SUBTITLE, k).text
                    split = speaker_after_subtitle(front.subtitle) if tb.author is None else None
                    if split:
                        front.subtitle, front.author = split
                elif k == tb.more_subtitle:
                    front.subtitle += " " + add(BlockKind.SUBTITLE, k).text
                elif k == tb.author:
                    front.author = add(BlockKind.AUTHOR, k).text
                elif k == tb.date:
                    b = add(BlockKind.DATE, k)
                    front.date, front.date_text = find_date(b.text), b.text
                elif k in tb.sources:
                    front.source = front.source or add(BlockKind.SOURCE, k).text
                elif k == tb.salutation:
                    front.salutation = add(BlockKind.SALUTATION, k).text
                else:
                    add(BlockKind.NOTE, k)
            titles = []
            for k in tb.titles:
                if not titles or text[k].text != titles[-1]:
                    titles.append(text[k].text)
            front.title = clean_title(" ".join(titles))
            body_start = tb.end
        body = text[body_start:end]
        # a salutation that opens the body (no title above it, or run in with the first sentence)
        lead: list[Block] = []
        if body and not front.salutation:
            self._late_salutation(body, front)
        if body:
            sal = salutation(body[0].text, self.lex)
            if sal and not front.salutation:
                front.salutation = sal[0]
                lead.append(Block(BlockKind.SALUTATION, sal[0], body[0].pos, "" if sal[1] else body[0].source))
                if sal[1]:
                    body[0] = _with_text(body[0], sal[1])
                else:
                    body = body[1:]
            elif sal and tb is not None and tb.salutation is not None and text[tb.salutation] is body[0]:
                body[0] = _with_text(body[0], sal[1])
        # notes at the head (按：… 编者按 现将…印发), sign-off and imprint at the end
        while body and _NOTE_RE.match(body[0].text):
            lead.append(Block(BlockKind.NOTE, body[0].text, body[0].pos, body[0].source, end_pos=body[0].end_pos))
            front.notes.append(body[0].text)
            body = body[1:]
        tail: list[Block] = []
        if cover:
            body, tail = self._cover_sign_off(body, front)
            for ln in body:
                lead.append(Block(BlockKind.NOTE, ln.text, ln.pos, ln.source, end_pos=ln.end_pos))
                front.notes.append(ln.text)
            body = []
            front.notes += [b.text for b in tail if b.kind is BlockKind.NOTE]
        else:
            body, tail = self._sign_off(body, front)
        blocks += lead + self.body.read(body) + tail
        if not front.title and start == 0 and self.meta_title:
            front.title = self.meta_title
        if not front.date:
            front.date = find_date(front.subtitle) or find_date(front.title)
        if not front.author:
            front.author = _speaker_in_title(front.title, self.lex)
        if not front.author and body:
            front.author = byline(body[-1].text) or (byline(body[-2].text) if len(body) > 1 else "")
        doc = Document(self.raw.path, self.raw.name, Genre.SPEECH, front, blocks, raw=self.raw)
        doc.genre = detect(doc, self.lex)
        if not front.date and doc.genre is Genre.NEWS and front.source:
            front.date = find_date(front.source)
        return doc

    def _late_salutation(self, body: list[Line], front: FrontMatter) -> None:
        """A salutation under the first heading (引言 / （日期） / 同志们！今天…): the document's,
        when nothing but headings and dates stand before it."""
        for k, line in enumerate(body[:4]):
            sal = salutation(line.text, self.lex)
            if sal:
                if k:
                    front.salutation = sal[0]
                return
            if not (date_line(line.text) or (len(line.text) <= 12 and not ends_sentence(line.text))):
                return

    def _cover_sign_off(self, body: list[Line], front: FrontMatter) -> tuple[list[Line], list[Block]]:
        """A covering notice signs off in its middle when a circular's header follows it."""
        for k, line in enumerate(body):
            if k and date_line(line.text) and _org_line(body[k - 1].text):
                head, tail = self._sign_off(body[:k + 1], front)
                rest = body[k + 1:]
                return head, tail + [Block(BlockKind.NOTE, ln.text, ln.pos, ln.source, end_pos=ln.end_pos)
                                     for ln in rest]
        return self._sign_off(body, front)

    def _sign_off(self, body: list[Line], front: FrontMatter) -> tuple[list[Line], list[Block]]:
        """An organisation and a date under the text (绍兴市第一中学 / 2019年12月18日), perhaps with
        a line of postscript after them; distribution and imprint lines at the very end."""
        tail: list[Block] = []
        end = len(body)
        while end and _IMPRINT_RE.search(body[end - 1].text) and len(body[end - 1].text) <= 80:
            end -= 1
        imprint = body[end:]
        for k in range(end - 1, max(-1, end - 4), -1):
            if not date_line(body[k].text) or k == 0:
                continue
            after = body[k + 1:end]
            if any(len(ln.text) > 60 or not ends_sentence(ln.text) for ln in after):
                continue
            date_ln = body[k]
            org = body[k - 1] if k >= 1 and _org_line(body[k - 1].text) else None
            first = k - 1 if org is not None else k
            if org is not None:
                tail.append(Block(BlockKind.AUTHOR, org.text, org.pos, org.source))
                front.author = front.author or org.text
            tail.append(Block(BlockKind.DATE, date_ln.text, date_ln.pos, date_ln.source))
            front.date = front.date or find_date(date_ln.text)
            tail += self.body.read(after)
            body = body[:first]
            break
        else:
            body = body[:end]
        for ln in imprint:
            tail.append(Block(BlockKind.NOTE, ln.text, ln.pos, ln.source, end_pos=ln.end_pos))
        return body, tail

    def read(self) -> Document:
        pieces = self.split()
        docs: list[Document] = []
        cover: Document | None = None
        if len(pieces) >= 2 and self.is_cover(*pieces[0]):
            cover = self.document(*pieces[0], cover=True)
            pieces = pieces[1:]
        for start, end, tb in pieces:
            docs.append(self.document(start, end, tb))
        if len(docs) >= 2:
            doc = self._compilation(cover, docs)
        else:
            doc = docs[0] if docs else Document(self.raw.path, self.raw.name, Genre.OTHER, FrontMatter(), [],
                                                raw=self.raw)
            if cover is not None:
                doc = _merge_cover(cover, doc, self.lex)
        self._place_noise(doc)
        return doc

    def _compilation(self, cover: Document | None, parts: list[Document]) -> Document:
        front = cover.front if cover else FrontMatter()
        meeting = find_date(front.title)
        if not meeting:
            year = (front.date or "")[:4]
            for note in front.notes:
                if re.search("召开|会议|大会|举行", note):
                    meeting = month_day(note, year) or find_date(note)
                    if meeting:
                        break
        hint = named(front.title)
        for p in parts:
            if not p.front.date and meeting:
                p.front.date = meeting
            if hint is not None:
                p.genre = detect(p, self.lex, hint)
        blocks = (cover.blocks if cover else []) + [b for p in parts for b in p.blocks]
        return Document(self.raw.path, self.raw.name, Genre.COMPILATION, front, blocks, parts, self.raw)

    def _place_noise(self, doc: Document) -> None:
        noise = [Block(BlockKind.NOISE, ln.text, ln.pos, ln.source, end_pos=ln.end_pos, why=ln.noise)
                 for ln in self.lines if ln.noise]
        if not noise:
            return
        doc.blocks = sorted(doc.blocks + noise, key=lambda b: b.pos)
        for part in doc.parts:
            lo, hi = part.blocks[0].pos, part.blocks[-1].pos
            part.blocks = sorted(part.blocks + [b for b in noise if lo < b.pos < hi], key=lambda b: b.pos)


def _apparatus_word(text: str, lex: Lexicon) -> bool:
    return re.sub(r"[\s\d①-⑳一二三四五六七八九十：:|｜]", "", text) in lex.appendix_words


def _with_text(line: Line, text: str) -> Line:
    from dataclasses import replace

    return replace(line, text=text)


def _org_line(text: str) -> bool:
    """The signer under a text: a short line with no punctuation (an organisation or a post)."""
    return 2 <= len(text) <= 24 and not re.search("[，。；！？：:、“”]", text) and not parse_number(text) \
        and not date_line(text)


def _speaker_in_title(title: str, lex: Lexicon) -> str:
    """马卫光同志的讲话摘要 → 马卫光; 市委书记在…会上的讲话 → 市委书记."""
    m = _WHO_RE.match(title)
    if m:
        return m.group(1)
    m = _POST_TITLE_RE.match(title)
    if m and is_post(m.group(1), lex):
        return m.group(1)
    return ""


def _merge_cover(cover: Document, doc: Document, lex: Lexicon) -> Document:
    """A covering notice over a single document: its salutation and notes join the document."""
    front = doc.front
    if not front.salutation:
        front.salutation = cover.front.salutation
    front.notes = cover.front.notes + front.notes
    if not front.title:
        front.title = cover.front.title
    doc.blocks = cover.blocks + doc.blocks
    doc.genre = detect(doc, lex)
    return doc


def clean_title(text: str) -> str:
    """A title as a reader names it: no year glued on by a download site (2024在…讲话)."""
    text = re.sub(r"^\d{4}(?=[^\d年度届级])", "", text.strip())
    text = re.sub(r"\.(?:docx?|wps|pdf|txt)$", "", text, flags=re.I)  # a file name used as title
    return re.sub(r"\s+", " ", text).strip()


def parse(raw: RawDocument, lex: Lexicon | None = None) -> Document:
    return _Reader(raw, lex or load_lexicon()).read()
