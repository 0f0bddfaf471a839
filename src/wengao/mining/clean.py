"""Cleaning: generic rules that turn web-copied text into the lines its author wrote.

Removes boilerplate, navigation, tables of contents and page markers (rejoining the sentences
they split), normalises punctuation and spaces, marks redaction blanks, repairs
synonym-substitution corruption. Every dropped line is counted with its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from wengao.mining.lexicon import Lexicon, RepairRule, apply_repairs
from wengao.mining.readers import RawDoc
from wengao.text.punct import HAN, normalize_punctuation

BLANK = "□"  # where a redacted word was removed
TERMINAL = "。！？；：”…）"
_ODD_CHARS = str.maketrans({"〝": "“", "〞": "”", "「": "“", "」": "”", "『": "‘", "』": "’",
                            "〔": "（", "〕": "）", "\u3000": " ", "\xa0": " ", "\t": " ",
                            "\ufeff": "", "\u200b": "", "︰": "：", "﹐": "，", "﹒": "．"})
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|cn|net|org|gov\.cn)(?:/\S*)?", re.I)
_PAGE_FOOTER_RE = re.compile(r"^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|-\s*\d+\s*-)$")
_NOISE_PAREN_RE = re.compile(r"[（(][^（）()]{0,12}(?:范文|推荐|精选|通用|最新|合集|优选|\d+篇)[^（）()]{0,12}[）)]")
_FILE_EXT_RE = re.compile(r"\.(?:docx?|pdf|txt|wps)$", re.I)
_PAGE_MARK_RE = re.compile(r"^(\d{1,3})、")
_PAGE_GARBAGE_RE = re.compile(rf"^[{HAN}]?\d?[A-Z]{{2,5}}(?=\d|[{HAN}])")
_GLUED_GARBAGE_RE = re.compile(rf"(?<=[。！？”])[A-Za-z]*(?:[A-Z][a-z]|[a-z][A-Z])[A-Za-z]*(?=[{HAN}])")
_TOC_LINE_RE = re.compile(rf"^(.{{2,60}}?[{HAN}”）)A-Za-z])\s*\.{{0,40}}…{{0,20}}\s*(\d{{1,3}})$")
_SPACE_RE = re.compile(r" +")
_BLANK_CONTEXT = f"[{HAN}、]"


@dataclass
class CleanLine:
    text: str
    lineno: int
    heading_level: int = 0
    repairs: tuple[RepairRule, ...] = ()
    original: str = ""  # the text before repairs, when any fired
    after_junk: bool = False  # starts where junk marked a lost document boundary
    style: str = ""  # a .docx paragraph style, when the source had one


@dataclass
class CleanStats:
    documents: int = 0
    files_skipped: int = 0
    kept: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    repairs: Counter[str] = field(default_factory=Counter)
    characters: int = 0


def _spaces(text: str) -> str:
    """Stray spaces go; a space between two Chinese words is a redaction blank.

    In a short line that is not a sentence (a title, 市长 张某某) a space separates, and stays.
    """
    if " " not in text:
        return text
    if len(text) <= 60 and not re.search("[。；！？]", text) and text.count("，") <= 1:
        return re.sub(r" *([“”（）《》、，：]) *", r"\1", text)
    out = []
    for m in re.finditer(r"[^ ]+| +", text):
        piece = m.group(0)
        if not piece.startswith(" "):
            out.append(piece)
            continue
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
            out.append(" ")  # between Latin words and numbers
        elif re.match(_BLANK_CONTEXT, before or " ") and (re.match(f"[{HAN}]", after or " ") or after in "，。、"):
            out.append(BLANK)
        # else: stray, dropped
    return "".join(out)


def normalize_line(text: str) -> str:
    """Characters and punctuation; spaces are kept (see finish_spaces)."""
    text = text.translate(_ODD_CHARS).strip()
    if not text:
        return text
    text = _FILE_EXT_RE.sub("", text)
    text = _NOISE_PAREN_RE.sub("", text)
    text = normalize_punctuation(text)
    text = _SPACE_RE.sub(" ", text)
    # a typist's space after a heading number is not a blank
    return re.sub(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．]) +", r"\1", text)


def finish_spaces(text: str) -> str:
    return _spaces(text)


def boilerplate_reason(text: str, lex: Lexicon) -> str | None:
    if _PAGE_FOOTER_RE.match(text):
        return "page footer"
    if not re.search(f"[{HAN}]", text):
        return "no Chinese text"
    if _URL_RE.search(text) and len(text) < 200:
        return "URL"
    cues = sum(1 for cue in lex.boilerplate if cue in text)
    if cues >= 2 or (cues == 1 and len(text) < 150):
        return "site boilerplate"
    tokens = text.split(" ")
    if len(tokens) >= 4 and sum(len(t) <= 4 for t in tokens) >= len(tokens) - 1:
        return "keyword list"
    return None


def _ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in TERMINAL


def _page_markers(lines: list[CleanLine], stats: CleanStats) -> list[CleanLine]:
    """Rejoin sentences split by 'N、' page markers glued to the start of a page's text."""
    out: list[CleanLine] = []
    expected = 1
    for line in lines:
        m = _PAGE_MARK_RE.match(line.text)
        prev = out[-1] if out else None
        is_marker = False
        if m and int(m.group(1)) == expected:
            rest = line.text[m.end():]
            garbage = _PAGE_GARBAGE_RE.match(rest)
            if expected == 1 and garbage or prev is not None and len(prev.text) > 60 and not _ends_sentence(prev.text) or prev is not None and len(prev.text) > 60 and rest[:1] in "、，；":
                is_marker = True
        if is_marker:
            stats.dropped["page marker"] += 1
            expected += 1
            rest = line.text[m.end():]
            garbage = _PAGE_GARBAGE_RE.match(rest)
            if garbage:
                rest = rest[garbage.end():]
            if prev is not None and len(prev.text) > 60 and not _ends_sentence(prev.text):
                out[-1] = replace(prev, text=prev.text + rest)
                continue
            line = replace(line, text=rest)
        out.append(line)
    return out


def _split_glued(lines: list[CleanLine], stats: CleanStats) -> list[CleanLine]:
    """Mixed-case Latin junk glued between two sentences marks a lost boundary."""
    out = []
    for line in lines:
        parts = _GLUED_GARBAGE_RE.split(line.text)
        if len(parts) > 1:
            stats.dropped["glued junk"] += len(parts) - 1
        for k, part in enumerate(parts):
            if part.strip():
                out.append(replace(line, text=part, after_junk=k > 0))
    return out


def _toc(lines: list[CleanLine], stats: CleanStats) -> tuple[list[CleanLine], list[str]]:
    """Drop a table of contents (lines ending in page numbers); return its entries."""
    out: list[CleanLine] = []
    entries: list[str] = []
    i = 0
    while i < len(lines):
        text = lines[i].text
        header = re.fullmatch(r"目\s*录", text) is not None
        j = i + 1 if header else i
        run = []
        last_page = 0
        while j < len(lines):
            m = _TOC_LINE_RE.match(lines[j].text)
            if not m or int(m.group(2)) < last_page or m.group(1)[-1] in "。！？；":
                break
            last_page = int(m.group(2))
            run.append(m.group(1).strip())
            j += 1
        if len(run) >= 3 or (header and run):
            stats.dropped["table of contents"] += len(run) + (1 if header else 0)
            entries.extend(run)
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out, entries


def _is_scrap(text: str) -> bool:
    return len(text) <= 6 and not re.search("[，。、：；！？]", text)


def _fragments(lines: list[tuple[CleanLine, str | None]], stats: CleanStats) -> list[CleanLine]:
    """Runs of three or more scraps (a title split word by word, navigation) are not text.

    Boilerplate lines count towards a run: navigation mixes both.
    """
    out: list[CleanLine] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (lines[j][1] is not None or
                                  (not lines[j][0].style and _is_scrap(lines[j][0].text))):
            j += 1
        run = lines[i:j]
        scraps = [ln for ln, reason in run if reason is None]
        if j - i >= 3 and scraps:
            stats.dropped["fragments"] += len(scraps)
            for _, reason in run:
                if reason:
                    stats.dropped[reason] += 1
            i = j
            continue
        for ln, reason in lines[i:max(j, i + 1)]:
            if reason:
                stats.dropped[reason] += 1
            else:
                out.append(ln)
        i = max(j, i + 1)
    return out


def clean_doc(raw: RawDoc, rules: tuple[RepairRule, ...], lex: Lexicon,
              stats: CleanStats) -> tuple[list[CleanLine], list[str]]:
    """Cleaned lines of one file, and the entries of any table of contents it had."""
    marked: list[tuple[CleanLine, str | None]] = []
    for line in raw.lines:
        text = normalize_line(line.text)
        if not text:
            continue
        reason = boilerplate_reason(text, lex)
        if line.style and reason in ("keyword list", "fragments"):
            reason = None  # a styled .docx paragraph is never web debris of these kinds
        marked.append((CleanLine(finish_spaces(text), line.lineno, line.heading_level,
                                 style=line.style), reason))
    lines = _fragments(marked, stats)
    lines = _page_markers(lines, stats)
    lines = _split_glued(lines, stats)
    lines, toc = _toc(lines, stats)
    repaired = []
    for line in lines:
        text, fired = apply_repairs(line.text, rules)
        for rule in fired:
            stats.repairs[rule.label] += 1
        repaired.append(replace(line, text=text, repairs=fired, original=line.text if fired else ""))
    stats.kept += len(repaired)
    stats.characters += raw.size
    return repaired, toc
