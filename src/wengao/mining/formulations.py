"""Formulations beside sentences: numbered and quoted terms (提法, “五个振兴”), parallel lists
(排比), classical lines (引语), and heading templates shared by sibling headings ({主题})."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path

from wengao.mining.candidates import Candidate, despace
from wengao.mining.classify import PROSE_RE, TALLY_RE, has_form, load_rules
from wengao.mining.facts import HAN, region_brand
from wengao.mining.sentences import split
from wengao.reading.model import BlockKind, Document

_AFTER_LIST = set("成为是的等和与及在上中里得地作")
CN_NUM = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_LIST_RE = re.compile(rf"(?:[{HAN}]{{2,8}}、){{2,}}[{HAN}]{{2,8}}")
_LIST_CORE_RE = re.compile(rf"、[{HAN}]{{2,8}}、")  # what every list holds (its second item between two 、)
_CLAUSES_RE = re.compile("[，；]")
_TERM_RE = re.compile(f"[{HAN}、·]+")
_QUOTED_RE = re.compile(r"“([^“”]{2,24})”")
_NUMBERED_RE = re.compile(rf"^([一两二三四五六七八九十])(?:个|大|项|条|张|同步|优|美)?[{HAN}]{{1,6}}$")
NUMBERED = re.compile(r"^[一两二三四五六七八九十百千万双]")  # a formulation that counts


def _listed(name: str) -> frozenset[str]:
    """The lines of a one-a-line data file, without its # comments."""
    path = Path(__file__).parent / "data" / name
    return frozenset(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))


@cache
def national_formulations() -> frozenset[str]:
    """Numbered formulations of national standing (data/formulations.txt)."""
    return _listed("formulations.txt")


@cache
def carried_programmes() -> frozenset[str]:
    """Quoted projects every place carries out (data/programmes.txt)."""
    return _listed("programmes.txt")


_PAIRED_RE = re.compile(rf"^[一两二三四五六七八九十][{HAN}][一两二三四五六七八九十][{HAN}]$")  # 两进两回
# a saying runs four to seven characters a line, or eight where its lines visibly match (为中国人民谋幸福，
# 为中华民族谋复兴); other long halves are prose (国家安全全面加强，社会保持和谐稳定)
_COUPLET_RE = re.compile(rf"^([{HAN}]{{4,8}})，([{HAN}]{{4,8}})(?:，([{HAN}]{{4,8}})，([{HAN}]{{4,8}}))?[。！]?$")


def _matched_lines(lines: list[str]) -> bool:
    """Lines of eight characters make a saying only when they share characters in place."""
    if len(lines[0]) <= 7:
        return True
    return all(sum(a == b for a, b in zip(lines[0], other, strict=True)) >= 2 for other in lines[1:])
_SAYS_RE = re.compile(r"(?:指出|强调|说|讲|云|道)[：，]?“([^“”]{8,60})”")
# not a saying: wishes (…，鹏程万里！), a tally (classify.TALLY_RE), a line of dialogue (你…吗？),
# the document's own title phrase
_SPOKEN_RE = re.compile(r"[你您这那吗吧呀呢啊嘛哦？]|(?<![其利])[他她它]|(?<!自)我(?![们国党])")
_TASK_START_RE = re.compile(r"^(?:坚持|推进|推动|促进|加强|加快|深化|完善|健全|强化|提升|提高|打造|建设|发展|贯彻|落实|凝聚|"
                            r"壮大|擘画|聚焦|实施|培育|弘扬|巩固|优化|构建|激发|守牢|筑牢|做好|抓好)")
MIN_SHARED = 4  # characters sibling headings must share for a template

Keep = Callable[[str], tuple[str, "str | None"]]  # text → (with slots or "" for a fact, text before repairs)
Locate = Callable[[str, int, int], int]  # (text, first line, last line) → the line where it stands


_LAST: list = [None, []]  # the document whose paragraphs were read last, and them


def _paragraphs(doc: Document) -> list[tuple[str, tuple[int, int], bool]]:
    """(text, (first line, last line), is_heading) of the body, blanks closed up (read once per
    document for all the extractors)."""
    if _LAST[0] is not doc:
        _LAST[0], _LAST[1] = doc, list(_read_paragraphs(doc))
    return _LAST[1]


def _read_paragraphs(doc: Document) -> Iterator[tuple[str, tuple[int, int], bool]]:
    for b in doc.blocks:
        span = (b.pos, b.end_pos or b.pos)
        if b.kind is BlockKind.HEADING:
            yield despace(b.text), span, True
            if b.body:
                yield despace(b.body), span, False
        elif b.kind in (BlockKind.PARAGRAPH, BlockKind.POINT, BlockKind.CLOSING):
            yield despace(b.text), span, False


def _addressees(parts: list[str]) -> bool:
    """老师们、同学们、同志们、朋友们！ salutes the audience (a salutation, mined as one), however
    parallel its parts."""
    return all(p.endswith("们") or p.startswith(("各位", "尊敬的", "亲爱的")) for p in parts)


def parallels(doc: Document, file: str, genre: str, keep: Keep, locate: Locate) -> Iterator[Candidate]:
    for text, span, heading in _paragraphs(doc):
        if heading:
            continue
        for m in _lists(text):
            items = m.group(0).split("、")
            middle = {len(x) for x in items[1:-1]}
            if len(middle) != 1:
                continue
            width = middle.pop()
            before = text[m.start() - 1] if m.start() else ""
            # a list starts a clause; its last item may run into the words after it
            after = text[m.end():m.end() + 1]
            if len(items[0]) != width or "\u4e00" <= before <= "\u9fff":  # one character (or none)
                continue
            if len(items[-1]) == width and "\u4e00" <= after <= "\u9fff" and after not in _AFTER_LIST:
                continue  # the last item runs on: the list was cut mid-word
            if (items[-1][width:width + 1] or after) == "等":
                continue  # 钢铁、有色、化工等重点行业: things listed, no parallel
            if len(items[-1]) != width:
                if len(items[-1]) < width or items[-1][width] not in _AFTER_LIST:
                    continue
                if len(items[-1]) == width + 1 and items[-1][-1] not in "中上里内外间":
                    continue  # 该为的必须为、…、不该为的决不为: the last item is longer (深入群众中 runs on)
                items[-1] = items[-1][:width]
            if 3 <= len(items) <= PARALLEL_MAX_ITEMS + (width == 3) and "等等" not in items and not _addressees(items) \
                    and not _counted_out(items):
                kept, was = keep("、".join(items))
                if kept:
                    yield Candidate(kept, "parallel", "idiom" if width <= 4 else "sentence", file,
                                    locate(m.group(0), *span), genre, repaired_from=was)
        for _, s in split(text):
            clauses = [c for c in _CLAUSES_RE.split(s.rstrip("。！？")) if c]
            if len(clauses) >= 3 and not s.endswith(("：", ":")) and not _addressees(clauses):
                heads = {c[:2] for c in clauses}
                if len(heads) == 1 and all(6 <= len(c) <= 20 for c in clauses):
                    kept, was = keep(s)
                    if kept:
                        yield Candidate(kept, "parallel", "sentence", file, locate(s, *span), genre,
                                        repaired_from=was)


_COUNTED_RE = re.compile("^[一二两三四五六七八九十多]")
# a run of more items than this is a catalogue or a procedure (搭建平台、确定议题、…、评估质效),
# not a parallel a writer lifts whole; one more of three characters each is still a creed
# (讲政治、守纪律、懂规矩、重品行、敢担当、善作为)
PARALLEL_MAX_ITEMS = 5


def _counted_out(items: list[str]) -> bool:
    """一主一副、两翼联动、多点支撑 and 两高地、两基地、一屏障 count out one place's own layout or
    programme: three items or more open on counts, not all the same, one of them 两, 三 …: no other
    place has it (谋划一批、开工一批 counts nothing; 一线指挥、多方联动、全员参与 and 一身正气、两袖清风、
    清正廉洁 are any writer's)."""
    counted = [x[0] for x in items if _COUNTED_RE.match(x)]
    return len(counted) >= 3 and len(set(counted)) >= 2 and any(c not in "一多" for c in counted)


def _lists(text: str) -> Iterator[re.Match[str]]:
    """_LIST_RE.finditer(text), each search begun where a list can start: at most eight
    characters before the next 、-item-、 (found by a search that skips from 、 to 、), not at
    every character of the paragraph."""
    pos = 0
    while (core := _LIST_CORE_RE.search(text, pos)) is not None:
        m = _LIST_RE.search(text, max(pos, core.start() - 8))
        if m is None:
            return
        yield m
        pos = m.end()


def _expansion(text: str, start: int, end: int, n: int) -> str | None:
    """The items a numbered formulation stands for, when the text lists them beside it."""
    after = text[end:end + 120]
    m = re.match(r"（([^（）]{4,110})）", after)
    if m and len(re.split("[、，；]", m.group(1))) == n:
        return m.group(1)
    before = text[max(0, start - 60):start]
    m = re.search(rf"((?:[{HAN}]{{1,8}}、)+[{HAN}]{{1,8}})$", before)
    if m and len(m.group(1).split("、")) == n:
        items = m.group(1).split("、")
        width = max(len(x) for x in items[1:])
        items[0] = items[0][-max(width, 2):] if len(items[0]) > width + 2 else items[0]
        if max(map(len, items)) <= 2 * min(map(len, items)):
            return "、".join(items)
    return None


def terms(doc: Document, file: str, genre: str, keep: Keep, locate: Locate) -> Iterator[Candidate]:
    for text, span, _heading in _paragraphs(doc):
        for m in _QUOTED_RE.finditer(text):
            inner = m.group(1)
            if not _TERM_RE.fullmatch(inner):
                continue
            kept, was = keep(inner)
            if not kept or "{" in kept or region_brand(kept):
                continue
            was = f"“{was}”" if was else None
            num = _NUMBERED_RE.match(kept) or _PAIRED_RE.match(kept)
            if num and len(kept) <= 8:
                n = CN_NUM.get(kept[0], 0)
                counted = re.match("^.(?:个|大|项|条)", kept) is not None  # 五个振兴, not 三农
                exp = _expansion(text, m.start(), m.end(), n) if n >= 2 and counted else None
                yield Candidate(f"“{kept}”", "term", "term", file, locate(text[m.start():m.end() + 8], *span),
                                genre, expansion=exp, repaired_from=was)
            elif _slogan(kept):
                yield Candidate(f"“{kept}”", "term", "term", file, locate(inner, *span), genre, repaired_from=was)


def _slogan(text: str) -> bool:
    """A formulation of parallel parts (千村示范、万村整治; 空谈误国、实干兴邦), not a name in quotes."""
    parts = [p for p in re.split("[、，]", text) if p]
    return 2 <= len(parts) <= 5 and len({len(p) for p in parts}) == 1 and 3 <= len(parts[0]) <= 8


def quotes(doc: Document, file: str, genre: str, keep: Keep, locate: Locate) -> Iterator[Candidate]:
    rules = load_rules()  # 深入开展全民阅读，建设融合阅读平台…: clauses that set tasks are no saying
    title = re.sub(r"\s+", "", doc.front.title)
    for text, span, heading in _paragraphs(doc):
        if heading:
            continue
        for _, s in split(text):
            core = s.strip("“”")
            m = _COUPLET_RE.match(core)
            if m and len({len(g) for g in m.groups() if g}) == 1 and _matched_lines([g for g in m.groups() if g]) \
                    and not _TASK_START_RE.match(core) \
                    and not all(has_form(rules, "task", g) for g in m.groups() if g) \
                    and not PROSE_RE.search(core) \
                    and not core.endswith("！") and not TALLY_RE.search(core) and not _SPOKEN_RE.search(core) \
                    and title not in (m.group(1), core.rstrip("。")):
                kept, was = keep(core.rstrip("。！"))
                if kept:
                    yield Candidate(kept, "quote", "idiom", file, locate(core, *span), genre, repaired_from=was)
        for m in _SAYS_RE.finditer(text):
            inner = m.group(1)
            if _SPOKEN_RE.search(inner):
                continue  # “老师你去过没有？” — a line of dialogue, not a saying
            kept, was = keep(f"“{inner}”")
            if kept and inner[-1:] in "。！？":
                yield Candidate(kept, "quote", "sentence", file, locate(inner, *span), genre, repaired_from=was)


@lru_cache(maxsize=8192)  # sibling headings recur from document to document
def _longest_common(a: str, b: str) -> str:
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def _whole_phrase(part: str, texts: list[str]) -> bool:
    """A quoted term, or a phrase that ends where a word must end (before 的，、。) everywhere."""
    if part.startswith("“") and part.endswith("”"):
        return True
    for t in texts:
        at = t.find(part)
        if len(t) - (at + len(part)) < 3:
            return False  # the topic sits inside the heading, never at its end
        after = t[at + len(part): at + len(part) + 1]
        if after not in ("", "的", "，", "、", "。"):
            return False
        if at == 0:
            return False  # a shared opening (对照再出发…) is the headings' verb, not their topic
    return True


def templates(headings: list[Candidate]) -> Iterator[Candidate]:
    """Sibling headings sharing a topic phrase: the phrase becomes {主题}, the skeleton is reusable.

    "提高政治站位，进一步增强推动乡村振兴工作的责任感使命感" and "坚持精准施策，进一步把准
    推动乡村振兴工作的关键点着力点" share "推动乡村振兴工作" → two heading templates.
    """
    groups: dict[int, list[Candidate]] = {}
    for h in headings:
        if h.kind == "heading" and h.level:
            groups.setdefault(h.level, []).append(h)
    for siblings in groups.values():
        if len(siblings) < 2:
            continue
        shared = ""
        for a in siblings:
            for b in siblings:
                if a is not b:
                    common = _longest_common(a.text, b.text).strip("，、。的")
                    if len(common) > len(shared) and _whole_phrase(common, [a.text, b.text]):
                        shared = common
        if len(shared) < MIN_SHARED or 2 * sum(shared in h.text for h in siblings) < len(siblings):
            continue  # a topic runs through most of the siblings, not two of a report's thirty
        for h in siblings:
            if shared in h.text and len(h.text) - len(shared) >= 6 and _whole_phrase(shared, [h.text]):
                yield Candidate(h.text.replace(shared, "{主题}", 1), "heading", "template", h.file, h.line,
                                h.genre, level=h.level)
