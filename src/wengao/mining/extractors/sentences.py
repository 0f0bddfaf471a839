"""Sentences of reusable writing, each given its function by position and cue words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wengao.mining.extractors.base import Candidate, has_slot, make_slots, repaired_span
from wengao.mining.lexicon import Lexicon
from wengao.mining.segment import Doc, Para, sentences
from wengao.text.slots import SLOT_RE

MIN_LEN, MAX_LEN = 10, 160
# One fact about one place is not a phrase: numbers, dates, amounts.
_FACT_RE = re.compile(r"\d|[%％]|万元|亿元|公里|平方|第[一二三四五六七八九十]+期|[一二三四五六七八九十]+月")

# (function, pattern) in priority order; the first that matches wins.
CUES: list[tuple[str, re.Pattern[str]]] = [
    ("closing", re.compile(r"让我们|同志们，(?!.*(?:下面|刚才))|^(?:最后|总之)，.*(?:！|奋力|努力|为…)|衷心祝愿|预祝")),
    ("resolution", re.compile(r"(?:下一步|接下来|今后|回去后|在今后的工作中|在下一步工作中).{0,6}(?:我|我们|将)|我将|我会|我们将|本人将|立足岗位")),
    ("transition", re.compile(r"^(?:下面|现在|接下来)，?(?:我|就)|^(?:为此|对此|同时|此外|因此|总之|综上)，|以下几(?:点|个方面)|谈(?:几|三|两)点")),
    ("experience", re.compile(r"经验|启示|表明|关键在于|根本在于|之所以|告诉我们|深刻体会|深知|体会到|感受到|认识到|收获")),
    ("significance", re.compile(r"意义|重要性|紧迫性|艰巨性|必然要求|重大决策|根本遵循|具体体现|重要举措|内在要求|有效抓手|事关|关系到|是.{1,12}的(?:基础|关键|前提|保障|根本|重要内容)|政治站位|使命担当")),
    ("problem", re.compile(r"短板|不足|差距|薄弱|存在.{0,8}问题|问题.{0,4}(?:突出|较多)|不够|有待|滞后|不平衡|不充分|弱项|隐患")),
    ("achievement", re.compile(r"取得|成效|成就|成果|实现了|显著|蝶变|巨变|荣获|走在前列|打下.*基础|以来，")),
    ("requirement", re.compile(r"组织领导|压实|压紧|责任制|考核|督导|督查|保障|问责|纪律|作风|一把手|负总责|五级书记|形成合力|合力")),
    ("task", re.compile(r"^要|要(?:加快|推进|深化|坚持|强化|加强|抓好|推动|实施|持续|健全|完善|着力|聚焦|坚决)|着力|加快|推进|深化|实施|打造|健全|完善|推动|坚持|强化|聚焦")),
]
_OPENING_RE = re.compile(r"^(?:刚才|今天|这次|此次|通过这次|近日|为期|根据|按照|为深入|.{0,10}召开)")


def classify(sentence: str, *, opening: bool = False, closing: bool = False, heading: str = "") -> str:
    """The function of a sentence; position decides first, then cue words, then the section."""
    for function, rx in CUES[:2]:
        if rx.search(sentence):
            return function
    if opening:
        return "opening"
    if closing:
        return "closing"
    if _OPENING_RE.search(sentence) and len(sentence) < 60 and "会议" in sentence:
        return "opening"
    for function, rx in CUES[2:]:
        if rx.search(sentence):
            return function
    for function, rx in CUES[2:]:
        if heading and rx.search(heading):
            return function
    return "task"


def _reusable(text: str) -> bool:
    if not MIN_LEN <= len(text) <= MAX_LEN or _FACT_RE.search(SLOT_RE.sub("", text)):
        return False
    if "□" in text and len(text) < 14:
        return False
    return text[-1:] in "。！？；”" or text.endswith("：")


def sentence_candidates(doc: Doc, topics: tuple[str, ...], lex: Lexicon) -> Iterator[Candidate]:
    body = doc.body
    # without headings (a news report), only the first paragraph opens the document
    first_heading = next((i for i, p in enumerate(body) if p.kind == "heading"), 1)
    last = len(body) - 1
    heading = ""
    for i, p in enumerate(body):
        if p.kind == "heading":
            heading = p.text
            continue
        opening = i < first_heading
        is_last = i == last and i >= first_heading and p.kind == "p" and (
            p.text.startswith(("同志们", "总之", "最后")) or "让我们" in p.text or "！" in p.text)
        sents = sentences(p.text)
        for k, s in enumerate(sents):
            if p.kind == "point" and k == 0 and p.lead:
                continue  # the lead is mined as a heading
            if k == len(sents) - 1 and s[-1:] not in "。！？；”":
                continue  # an unfinished tail
            closing = is_last and (k >= len(sents) - 2 or s.startswith("同志们"))
            yield from _candidate(s, doc, p, topics, lex, opening=opening and k < 3,
                                  closing=closing, heading=heading)


def _candidate(s: str, doc: Doc, p: Para, topics: tuple[str, ...], lex: Lexicon, **pos: object):
    text = make_slots(s, lex)
    if not _reusable(text):
        return
    function = classify(s, **pos)  # type: ignore[arg-type]
    repaired, fired = repaired_span(s, p.repairs, p.original)
    yield Candidate(text, function, "template" if has_slot(text) else "sentence", doc.file, p.lineno,
                    doc.genre, topics, repaired_from=repaired, repairs=fired)
