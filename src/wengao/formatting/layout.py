"""A read Document → the block AST the docx writer prints: pure, no I/O.

Text comes from the file's own paragraphs (see align.py); the reader's blocks decide only
what each paragraph is. The text changes allowed are made here and recorded: blanks at the
ends of paragraphs and empty paragraphs dropped, invisible characters dropped, lines broken
inside a sentence joined, half-width punctuation in Chinese made full-width. Word
auto-numbering arrives already written into the text by the reader; it is recorded here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wengao.document.blocks import Block, Image, Run
from wengao.document.numbering import parse_point
from wengao.formatting.align import Placed, Unit, align, fold, signature
from wengao.formatting.report import ChangeKind, Changes, Summary
from wengao.reading.model import BlockKind, Document, Genre, InlineObject, RawPara
from wengao.text.punct import fullwidth_punctuation, has_han

# Zero-width characters and controls XML cannot carry (tab and newline are handled as blanks).
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffe\uffff") | frozenset(
    chr(c) for c in range(32) if chr(c) not in "\t\n")
_CLOSING = frozenset("。！？；：，、.!?;:,”’）)》」』】〕…—")
_SENTENCE_END = frozenset("。！？；")
_LINE_END = frozenset("。！？；：…”’）》")
_MD_MARK_RE = re.compile(r"^#{1,6}[ \t\u3000]+(?=\S)")
_SENTENCE_START_RE = re.compile(r"(?:^|(?<=[。！？；]))[ \t\u3000]*")
_LEAD_END_RE = re.compile("[。！？]")
_SHORT_LINE = 20  # characters: a line this short before a line break is a line of its own
_LEAD_MAX = 40  # a first sentence longer than this is not a lead to set in bold
_HEADING_MAX = 40  # letters: a "heading" longer than this, with a sentence end inside, runs in
_BOLD_LEADS = frozenset({Genre.SPEECH, Genre.EXCHANGE, Genre.STUDY_REPORT})
_FRONT_KIND = {BlockKind.TITLE: "title", BlockKind.SUBTITLE: "subtitle", BlockKind.AUTHOR: "byline",
               BlockKind.DATE: "date", BlockKind.SOURCE: "source", BlockKind.SALUTATION: "salutation"}
_BODY = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.POINT, BlockKind.CLOSING,
                   BlockKind.TABLE})


class _Break:
    """A line break inside a paragraph (a title printed over two lines)."""


BR = _Break()
Token = str | InlineObject | _Break


@dataclass
class Layout:
    blocks: list[Block]
    changes: Changes
    summary: Summary
    paragraphs: bool = False  # positions count .docx paragraphs (else .txt lines)


def _is_blank(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE


def _joiner(prev: str, nxt: str) -> str:
    """Lines are joined with nothing between Chinese, with a blank between two Latin words."""
    return " " if prev.isascii() and nxt.isascii() and prev.isalnum() and nxt.isalnum() else ""


class _Text:
    """Builds one unit's tokens from its raw paragraphs, recording the changes made."""

    def __init__(self, changes: Changes, keep_lines: bool) -> None:
        self.changes = changes
        self.keep_lines = keep_lines  # a title: its lines stay lines
        self.items: list[str | InlineObject | _Break] = []  # single characters and objects

    def _last_char(self) -> str:
        for it in reversed(self.items):
            if isinstance(it, str):
                return it
            return ""
        return ""

    def _line_ends(self) -> bool:
        """The line so far ends where a line may end: after a full stop, or it is short
        (an address, a signature, a line of verse), so a break after it is kept."""
        line: list[str] = []
        for it in reversed(self.items):
            if isinstance(it, _Break):
                break
            if isinstance(it, str):
                line.append(it)
        return bool(line) and (line[0] in _LINE_END or len(line) <= _SHORT_LINE)

    def add_para(self, p: RawPara) -> None:
        objs = sorted(p.objects, key=lambda o: o.offset)
        lines: list[list[str | InlineObject]] = [[]]
        j = 0
        invisible = 0
        for idx, ch in enumerate(p.text):
            while j < len(objs) and objs[j].offset <= idx:
                lines[-1].append(objs[j])
                j += 1
            if ch == "\n" or ch == "\x0b":
                lines.append([])
            elif ch in _INVISIBLE:
                invisible += 1
            else:
                lines[-1].append(ch)
        lines[-1].extend(objs[j:])
        if invisible:
            self.changes.add(ChangeKind.INVISIBLE, p.pos, str(invisible))
        trimmed = False
        joined = False
        started = len(self.items)
        for k, line in enumerate(lines):
            a, b = 0, len(line)
            while a < b and isinstance(line[a], str) and _is_blank(line[a]):
                a += 1
            while b > a and isinstance(line[b - 1], str) and _is_blank(line[b - 1]):
                b -= 1
            trimmed = trimmed or (a > 0 and k == 0) or (b < len(line) and k == len(lines) - 1)
            line = line[a:b]
            if not line:
                continue
            if self.items:
                inside = len(self.items) > started  # a line break inside one paragraph (Word's Shift+Enter)
                if self.keep_lines or (inside and self._line_ends()):
                    self.items.append(BR)
                else:
                    joined = True
                    first = next((c for c in line if isinstance(c, str)), "")
                    sep = _joiner(self._last_char(), first)
                    if sep:
                        self.items.append(sep)
            self.items.extend(line)
        if trimmed:
            self.changes.add(ChangeKind.SPACE, p.pos)
        if joined:
            self.changes.add(ChangeKind.JOINED, p.pos)

    def tokens(self, pos: int) -> list[Token]:
        """Group characters into strings, and make the punctuation of each string right."""
        out: list[Token] = []
        buf: list[str] = []

        def flush() -> None:
            if buf:
                text = "".join(buf)
                fixed = fullwidth_punctuation(text)
                if fixed != text:
                    self.changes.add(ChangeKind.PUNCT, pos, text, fixed)
                out.append(fixed)
                buf.clear()

        for it in self.items:
            if isinstance(it, str):
                buf.append(it)
            else:
                flush()
                out.append(it)
        flush()
        return out


def _split(tokens: list[Token], n: int) -> tuple[list[Token], list[Token]]:
    """Cut after the n-th letter or digit, keeping the punctuation that closes it on the left."""
    if n <= 0:
        return [], tokens
    count = 0
    for ti, tok in enumerate(tokens):
        if not isinstance(tok, str):
            continue
        for ci, ch in enumerate(tok):
            if count >= n:
                if ch in _CLOSING:
                    continue
                head = [*tokens[:ti], tok[:ci]] if ci else tokens[:ti]
                tail = [tok[ci:], *tokens[ti + 1:]]
                return head, tail
            count += len(fold(ch))
    return tokens, []


def _letters(tokens: list[Token]) -> int:
    return sum(len(fold(ch)) for t in tokens if isinstance(t, str) for ch in t)


def _first_sentence(tokens: list[Token], longest: int = 0, ends: str = "") -> int:
    """Letters and digits of the first sentence, or 0 if it is the whole paragraph or too long."""
    count = 0
    stops = frozenset(ends) if ends else _SENTENCE_END
    for tok in tokens:
        if not isinstance(tok, str):
            continue
        for ch in tok:
            if ch in stops:
                return count if count <= (longest or _LEAD_MAX) else 0
            count += len(fold(ch))
    return 0


def _runs(tokens: list[Token], bold: bool = False, role: str = "") -> list[Run]:
    runs: list[Run] = []
    for tok in tokens:
        if isinstance(tok, str):
            if tok:
                runs.append(Run(tok, bold, role=role))
        elif isinstance(tok, _Break):
            if runs and not runs[-1].image and not runs[-1].note:
                last = runs[-1]
                runs[-1] = Run(last.text, last.bold, last.source, last.role, True)
            else:
                runs.append(Run("", br=True))
        elif tok.kind == "image":
            runs.append(Run("", image=Image(tok.data, tok.part.rsplit(".", 1)[-1] if "." in tok.part else "",
                                            tok.width_emu, tok.height_emu)))
        elif tok.kind in ("footnote", "endnote"):
            runs.append(Run("", note=tok.text or " ", note_kind=tok.kind))
    return runs


class _Layout:
    def __init__(self, doc: Document, genre: Genre | None) -> None:
        self.doc = doc
        self.genre = genre
        self.changes = Changes()
        self.summary = Summary(genre=genre or doc.genre, title=doc.front.title)
        self.blocks: list[Block] = []
        self.part_of: dict[int, int] = {}
        self.part_genre: list[Genre] = []
        for k, part in enumerate(doc.parts):
            self.part_genre.append(genre or part.genre)
            for b in part.blocks:
                self.part_of[id(b)] = k
        self.body_started = False
        self.part = -1

    def genre_of(self, b: Block | None) -> Genre:
        k = self.part_of.get(id(b), -1) if b is not None else -1
        if k >= 0:
            return self.part_genre[k]
        return self.genre or self.doc.genre

    def emit(self, kind: str, runs: list[Run], arg: str = "", **kw) -> None:
        if runs or kind in ("table", "pagebreak"):
            self.blocks.append(Block(kind, tuple(runs), arg, **kw))
            if kind != "pagebreak":
                self.summary.paragraphs += 1

    def unit(self, u: Unit, paras: tuple[RawPara, ...]) -> None:
        first = u.first
        p0 = paras[u.paras[0]]
        if p0.is_table:
            rows = tuple(tuple(self.clean(cell, p0.pos, keep="\n") for cell in row) for row in p0.rows or ())
            self.emit("table", [], rows=rows)
            self.summary.tables += 1
            self.body_started = True
            return
        k = self.part_of.get(id(first), -1) if first is not None else -1
        if k != self.part and k >= 0:
            self.part = k
            self.body_started = False
            if first.kind is BlockKind.TITLE and self.blocks:
                self.emit("pagebreak", [])
        kinds = {pl.block.kind for pl in u.placed}
        title_like = first is not None and first.kind in (BlockKind.TITLE, BlockKind.SUBTITLE) and \
            kinds <= {BlockKind.TITLE, BlockKind.SUBTITLE}
        text = _Text(self.changes, keep_lines=title_like)
        for i in u.paras:
            text.add_para(paras[i])
        tokens = [InlineObject(t.offset, t.kind, self.clean(t.text, p0.pos)) if isinstance(t, InlineObject)
                  and t.kind in ("footnote", "endnote") else t for t in text.tokens(p0.pos)]
        if not any(isinstance(t, InlineObject) or (isinstance(t, str) and t.strip()) for t in tokens):
            return
        if first is not None and (first.kind is BlockKind.HEADING or first.kind in _FRONT_KIND) \
                and tokens and isinstance(tokens[0], str) and (md := _MD_MARK_RE.match(tokens[0])):
            tokens[0] = tokens[0][md.end():]  # the reader took ## for the heading it marks
            self.changes.add(ChangeKind.MARKUP, p0.pos, md.group(0))
        self.summary.chars += sum(1 for t in tokens if isinstance(t, str) for ch in t if has_han(ch))
        if first is None or first.kind is BlockKind.NOISE:
            if any(isinstance(t, str) and t.strip() for t in tokens):
                self.summary.noise.append((p0.pos, "".join(t for t in tokens if isinstance(t, str))))
            only_objects = all(isinstance(t, InlineObject) and t.kind == "image" or
                               (isinstance(t, str) and not t.strip()) for t in tokens)
            self.emit("p", _runs(tokens), align="center" if only_objects else "")
            return
        if first.kind is BlockKind.HEADING:
            self.heading(u, first, tokens)
        elif first.kind is BlockKind.POINT:
            self.point(u, u.placed[0], tokens)
        elif first.kind in _FRONT_KIND and not (kinds & _BODY):
            self.front(first, tokens)
        else:
            self.emit("p", _runs(tokens))
            self.body_started = True

    def clean(self, text: str, pos: int, keep: str = "") -> str:
        """A table cell's or a note's text: invisible characters out, blanks at the ends out,
        half-width punctuation made full-width (the changes made to paragraphs)."""
        kept = "".join(c for c in text if c not in _INVISIBLE or c in keep)
        if len(kept) != len(text):
            self.changes.add(ChangeKind.INVISIBLE, pos, str(len(text) - len(kept)))
        kept = "\n".join(line.strip() for line in kept.split("\n"))
        fixed = fullwidth_punctuation(kept)
        if fixed != kept:
            self.changes.add(ChangeKind.PUNCT, pos, kept, fixed)
        return fixed

    def front(self, first: Block, tokens: list[Token]) -> None:
        kind = _FRONT_KIND[first.kind]
        if kind == "title" and self.part >= 0 and self.doc.parts:
            kind = "parttitle"
        after_heading = bool(self.blocks) and self.blocks[-1].kind == "h"
        if kind in ("byline", "date") and self.body_started and not after_heading:
            self.emit("p", _runs(tokens), align="right")  # a sign-off after the text
            return
        self.emit(kind, _runs(tokens))

    def heading(self, u: Unit, first: Block, tokens: list[Token]) -> None:
        """A heading in its level's heading style. A run-in heading stays one paragraph in that
        style (so the navigation pane and a table of contents list it, starting with its
        heading sentence); the text after the heading sentence is set in the body font, not
        bold. Word's style separator (a hidden paragraph mark) would list only the sentence,
        but LibreOffice 7 shows it as two paragraphs (checked) and WPS is not known to honour
        it: the run-in look would be lost where many of our users open their files."""
        pl = u.placed[0]
        head, tail = _split(tokens, pl.head_end - u.sig_start)
        if not _letters(tail) and _letters(tokens) > _HEADING_MAX:
            # a whole paragraph in a heading style (a document formatted before, then read back):
            # its heading is the first sentence, the rest is body text
            n = _first_sentence(tokens, _HEADING_MAX, "。！？")
            if n:
                head, tail = _split(tokens, n)
        run_in = _letters(tail) > 0
        level = min(max(first.level, 1), 4)
        runs = _runs(head) + (_runs(tail, role="body") if run_in else _runs(tail))
        self.emit("h", runs, str(level), run_in=run_in)
        self.summary.headings.append((level, "".join(t for t in head if isinstance(t, str)), run_in))
        self.body_started = True

    def point(self, u: Unit, pl: Placed, tokens: list[Token]) -> None:
        self.body_started = True
        b = pl.block
        if self.genre_of(b) not in _BOLD_LEADS:
            self.emit("p", _runs(tokens))
            return
        before = pl.start - u.sig_start  # letters before the point's own text (rare)
        n = 0
        if b.lead:
            lead = signature(b.lead)
            marker = signature(b.marker)
            n = len(lead) if lead.startswith(marker) else len(marker) + len(lead)
        if not n:
            n = _first_sentence(_split(tokens, before)[1])
        head, tail = _split(tokens, before + n) if n else ([], tokens)
        runs: list[Run] = []
        if n and _letters(tail) and _letters(head) > before:
            runs = _runs(head, bold=True)
            self.summary.bold_leads += 1
        else:
            tail = tokens
        spans = _following_leads(tail, b.marker, b.verb, b.value)
        self.summary.bold_leads += len(spans)
        self.emit("p", runs + _runs_bold_at(tail, spans))


def _following_leads(tokens: list[Token], marker: str, verb: str, value: int) -> list[tuple[int, int]]:
    """Where the next points run on in the point's own paragraph (一要压实责任。…二要强化值守。…):
    the character spans, in the paragraph's text, of each next marker with its lead sentence. The
    reader gives a paragraph one point; the numbering grammar finds the ones after it, in order
    (二 after 一, with the same 是/要; 其次 after 首先), each starting a sentence."""
    if not marker:
        return []
    text = "".join(t for t in tokens if isinstance(t, str))
    spans: list[tuple[int, int]] = []
    expect = value + 1
    for m in _SENTENCE_START_RE.finditer(text):
        start = m.end()
        p = parse_point(text[start:start + _LEAD_MAX + 12])
        if p is None or p.verb != verb or not (p.value == expect or not verb and p.value == 0 and value):
            continue
        rest = text[start + len(p.marker):]
        end = _LEAD_END_RE.search(rest)
        # a point without a lead sentence (one long sentence, or the last words) stays plain
        if end and end.end() <= _LEAD_MAX and rest[end.end():].strip():
            spans.append((start, start + len(p.marker) + end.end()))
        if not p.value:
            break  # 最后 closes a 首先…其次… sequence
        expect += 1
    return spans


def _runs_bold_at(tokens: list[Token], spans: list[tuple[int, int]]) -> list[Run]:
    """Runs of tokens with the characters inside `spans` (offsets in the tokens' text) bold."""
    if not spans:
        return _runs(tokens)
    bounds = sorted({b for span in spans for b in span})
    groups: list[tuple[bool, list[Token]]] = []
    offset = 0
    for tok in tokens:
        pieces: list[Token] = [tok]
        if isinstance(tok, str):
            cuts = [b - offset for b in bounds if offset < b < offset + len(tok)]
            pieces = [tok[a:z] for a, z in zip([0, *cuts], [*cuts, len(tok)], strict=True)]
        for piece in pieces:
            bold = any(a <= offset < z for a, z in spans) if isinstance(piece, str) else False
            if isinstance(piece, str):
                offset += len(piece)
            if groups and (groups[-1][0] == bold or not isinstance(piece, str)):
                groups[-1][1].append(piece)
            else:
                groups.append((bold, [piece]))
    return [run for bold, group in groups for run in _runs(group, bold=bold)]


def layout(doc: Document, genre: Genre | None = None) -> Layout:
    """The blocks to print, the text changes made on the way, and a summary of what was found."""
    raw = doc.raw
    assert raw is not None
    lay = _Layout(doc, genre)
    for p in raw.paras:
        if not p.is_table and not p.text.strip() and not p.objects:
            lay.changes.add(ChangeKind.EMPTY, p.pos)
        if p.auto_number:
            lay.changes.add(ChangeKind.NUMBER, p.pos, "", p.auto_number)
        for o in p.objects:
            if o.kind == "image":
                lay.summary.images += 1
            elif o.kind in ("footnote", "endnote"):
                lay.summary.notes += 1
    if raw.format.value == "docx":
        lay.summary.restyled = sum(1 for p in raw.paras if p.text.strip())
    for u in align(doc).units:
        lay.unit(u, raw.paras)
    return Layout(lay.blocks, lay.changes, lay.summary, raw.format.value == "docx")
