"""One read document → candidate phrases: its headings, salutation and sentences, each with the
function it serves where it stands, the line it stands on, and nothing that names one place.

Consumes the reading layer's typed blocks (headings with levels, points with leads, front
matter, noise, the parts of a compilation); repairs and slots are made here, on block text,
because reading keeps every word as the file has it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from wengao.mining import facts, sentences
from wengao.mining.classify import Context, Rules, classify, has_form, is_review
from wengao.mining.repairs import DocumentRepairs, fix_typos, has_typos, seen_forms
from wengao.reading.model import BlockKind, Document

BLANK = "□"  # where a redacted word was left out
MIN_LEN, MAX_LEN = 8, 150
# A report of one body's work — to a congress (政府工作报告, 党代会报告, a school's 教代会工作报告)
# or a review of it (述职, 工作总结, 工作汇报) — speaks for that government or body: its long
# sentences list its own projects, places, brands, courses and levers, while its short run-in
# statements (加强安全生产管理。) are the stock any writer reuses. Of its plain statements only
# those this short are kept (characters, not counting punctuation or slots); the lessons it draws
# (experience), its openings, closings, pledges and sayings are kept whatever their length.
_REPORT_TITLE_RE = re.compile(r"工作报告|代表大会上的报告")
OWN_REPORT_MAX_CHARS = 24
_STATEMENTS = frozenset({"task", "achievement", "requirement", "significance", "problem"})
_NOT_COUNTED_RE = re.compile(r"\{[^{}]*\}|[^\u4e00-\u9fffA-Za-z0-9]")
HEADING_MIN, HEADING_MAX = 4, 40
# a last paragraph of more sentences than CLOSING_LONG is the body run on (a speech printed as one
# paragraph): only its last CLOSING_TAIL sentences stand where a speech closes
CLOSING_LONG, CLOSING_TAIL = 8, 4
_TERMINAL = "。！？；"
_SPACES_RE = re.compile(r"[ \u3000\u00a0\t]+")
_BLANK_RE = re.compile(r"(?<=[\u4e00-\u9fff、])[ \u3000\u00a0]+(?=[\u4e00-\u9fff，。、])")
_DIGIT_RE = re.compile(r"[0-9０-９]")
# what a sentence tells of the past or of where it stands: with a real place in it, it stays there
_TOLD = frozenset({"achievement", "experience", "opening", "significance", "problem"})
# what was done there: after a sentence naming the place, the rest of its paragraph tells of it
_DONE = frozenset({"achievement", "opening"})
_HAN_ONLY_RE = re.compile(r"[^\u4e00-\u9fff]+")  # removed by runs, not one character at a time
# points told inline (…。二是要对照检查…): the paragraph is a list, whatever its last mark
_INLINE_POINTS_RE = re.compile(r"(?:^|[。；！，])[二三四五六七八九十](?:是|要)")
# a sentence opening on a deed (增强了合力，有利于…) has lost its subject, unless one follows
# (聆听了专题党课，我深受教育); a heading may open so (提高了政治觉悟)
_CUT_SUBJECT_RE = re.compile(r"^[\u4e00-\u9fff]{2}了(?![解然结却不得])")
_SUBJECT_LATER_RE = re.compile(r"[，；](?:我|我们|大家|同学们|同志们|老师们|全体|各级|你们|他们|广大)")
# a body named by 该 (近年来，该县…; 该公司): news voice pointing back to a name said before
_THAT_BODY_RE = re.compile(r"(?<![应本活])该(?:县|市|区|镇|乡|村|校|院|局|公司|集团|企业|单位|部门|中心|省)(?![的场分别])")  # not 该省的省
# leans on the sentence before, or tells a story told to the hall: 都不行…, 这种工作…, …更是如此。,
# 该项目…, 我完全同意…, 要充分发挥他们的作用。, 如果你不让他…, 如…等等。, 面对上述…, 孩子的第三个特征…
# (还要…, 该管的要管住, 你追我赶, 如期…, 和美乡村, 第二个百年 do not)
# (searched as two patterns: what only the sentence's start can hold, matched there; and what may
# stand anywhere, whose branches open on a literal character the search skips to)
_ALSO_START = (r"(?:都|也|还|又)(?![要应需得必能])|这(?!次|里)|那(?:种|部|个|段|位|本|件|些|一|里|样|就是)|是(?![否的])"
               r"|此(?![外次时])|该(?:同志|单位|部门|项目|企业|校|院)|(?:我们|我|大家)也"
               r"|(?:我)?(?:完全)?(?:同意|赞同)|(?:只有这样|相对而言|与此同时)"
               r"|(?:观摩|参观|调研|考察|走访|座谈|培训)(?:中|时|期间)，?(?:看到|发现|了解到|得知|听到)"
               r"|(?:既然|尤其是|比如|例如|譬如|会上)|[^，。]{0,10}(?:他们|她们|它们)的?[^，。]{0,6}[。！]$"
               r"|如(?![何果今期实此同])|和(?![谐美])|第[一二三四五六七八九十]+个(?!百年)"
               r"|[^，。]{0,2}[这那]一?(?:句话|番话|段话|幕|件事|个故事)"  # 但这一句话足以…: the words told before
               r"|(?:[^，。]{1,4}，)?[^，。]{0,5}(?<![其吉利])(?:他们|她们|他|她)(?![人乡山日力经时])"  # 相信他们会…: someone named before
               r"|[^，。；]{0,10}(?<!其)它")  # 以它的历史使命…, 我们可以帮助它，…: a thing named before
_ALSO_ANY = (r"(?:如此|这样|那样|于此)[。！]$|这种|这座|这类|这些|以此(?!次)|你(?!们|追我赶|中有我)|上述"
             r"|的第[一二三四五六七八九十]+个(?!百年)|等等[。！]$"
             r"|，[^，。]{0,2}[这那]一?(?:句话|番话|段话|幕|件事|个故事)"
             r"|第[一二三四五六七八九十]类"  # 第二类是…, 将第一类干部…: a classification told before
             r"|这[两三四五六七八九十几]个|那一?[场次段年天]"  # 就这三个问题…, 那一场灾难: told before
             r"|[他她](?<![为给对向替其].)(?:认为|指出|强调|谈到)")  # …，他认为要…: someone's view, told before
_ALSO_START_RE, _ALSO_ANY_RE = re.compile(_ALSO_START), re.compile(_ALSO_ANY)


def _also(text: str) -> bool:
    """The sentence leans on the one before or tells a story told to the hall (see above)."""
    return bool(_ALSO_START_RE.match(text) or _ALSO_ANY_RE.search(text))
_NATION_RE = re.compile(r"(?:我国|全国|美丽中国建设)(?![^，。]{0,10}(?:会议|大会|两会)精神)")  # not 学习贯彻全国教育大会精神
_LOOKS_BACK_RE = re.compile(r"重温|学习|纪念|读|观看|心得|体会|感悟|有感")
_NOTE_MARK_RE = re.compile(r"[⑴-⒇①-⑳]$|[［\[]\d+[］\]]")
# a paragraph that opens in a time gone by (十年前，…; 当时…) tells what was, not what is
_PAST_RE = re.compile(r"^(?:[一二三四五六七八九十几数百千两]+|\d+)年(?:前|以前)|^(?:当时|那时|彼时|那个时候)")
_ADVISERS_RE = re.compile(r"(?<=请)(?:自治区|省|市|县|区|州|旗)(?=政协委员)")
_ON_BEHALF_RE = re.compile(r"(?<=我代表)(?!个人|大家|全体|自己|本人)[^，。、；{}]{2,16}?(?=，?(?:向|表示|对))")
_FIRST_PERSON_RE = re.compile(r"(?<![自忘])我(?![国党军])")  # 勇于自我革命, 推动我国… are headings
_NOT_A_HEAD_RE = re.compile(r"^[^，。]{2,6}方面$|(?:要点|附件|附表)$|^“[^”]*”。?$|^[^，。：]{2,6}："  # 书记讲话：…
                            r"|^【[^】]*】$")  # 【执纪者说】: a column's label
_DEED_RE = re.compile(r"^\{(?:省|市|县|乡镇|村|单位)\}(?:委|政府|委省政府|委市政府|委县政府)?(?:坚持|把|通过|形成|注重|探索|推行|率先|始终)")
_DOUBLED_RE = re.compile(r"([\u4e00-\u9fff]{2})\1(?![，：,:])")  # 干部干部，干是当头的 is a figure of speech
_SOFTENED = frozenset({"研究", "讨论", "商量", "考虑", "学习", "交流", "锻炼", "休息", "看看", "想想", "谈谈", "说说"})
_GLUED_RE = re.compile(r"^([^，。；：]{4,12}?)的[^，。；：]{2,6}\1")
# a row of a table or a list with its label (德育：国旗下讲话、班团活动…): not a sentence of the
# speech; a speaker's words (总书记强调：“…”) or a lead-in (实践证明：…, 我们的目标是：…) are no label
_LABELLED_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}(?<![说讲道曰云示出调明到是求为之看见])：(?!“)[^，；]*$")
# the first half of a pair whose second half follows the semicolon (越是…；越是…, 既要…；又要…)
_FIRST_HALF_RE = re.compile(r"(?:[^，。；]{0,8}，)?(?:越是|既要|既是|既|不仅|不但|一方面|如果|假如|只要|虽然|尽管|与其|宁可|要么|一边)")
_LIST_OPENS_RE = re.compile(r"[：:](?:一是|一要|一抓|一方面|首先|其一|第一|1[．.、]|（一）|（1）)")
# a point's lead: one or two short clauses (壮大发展引擎，推动共同富裕。 政治监督更加精准有力。)
_POINT_LEAD_RE = re.compile(r"^[\u4e00-\u9fff“”]{4,12}(?:，[\u4e00-\u9fff“”]{4,12})?[。；]$")
_SALUTATION_RE = re.compile(r"^[^。！？]{2,30}[：！!]$")
# a salutation names whom it addresses (同志们, 各位代表, 全校教工, 尊敬的…); 专家： is a byline's label
_ADDRESSED_RE = re.compile("们|各位|全体|全校|尊敬|亲爱|代表|同志|同仁|朋友|来宾|嘉宾|领导|大家|教工|职工|家长|干部")
# a speech dated before the reform era's language (1978) is a text to quote, not a source of
# sentences a writer takes as their own: its terms and quoted lines are still mined
HISTORY_BEFORE = 1978


@dataclass
class Candidate:
    text: str
    function: str
    kind: str  # sentence | template | heading | term | idiom | salutation
    file: str
    line: int
    genre: str
    level: int | None = None
    expansion: str | None = None
    repaired_from: str | None = None
    confirm: tuple[str, ...] = ()  # if_seen repair labels still to be confirmed elsewhere
    also: tuple[str, ...] = ()  # functions it serves besides its own (a salutation opens a speech)


@dataclass
class Stats:
    """What a mine did, for its summary."""

    dropped: Counter[str] = field(default_factory=Counter)  # reason → sentences left out
    repairs: Counter[str] = field(default_factory=Counter)  # rule → times applied
    evidence: Counter[str] = field(default_factory=Counter)  # if_seen label → confirmations


_BRACKETS = str.maketrans({"〔": "（", "〕": "）", "［": "（", "］": "）"})


def despace(text: str) -> str:
    """Spaces go; a space between two Chinese words in running text is a redaction blank.
    Tortoise-shell brackets in running text are the round ones: 县〔区〕 → 县（区）."""
    text = sentences.clean(text)
    if "〔" in text or "［" in text:  # translate is slow on long text: only when there is work
        text = text.translate(_BRACKETS)
    if " " not in text and "\u3000" not in text and "\u00a0" not in text and "\t" not in text:
        return text
    if len(text) > 12 and re.search("[。；！？，]", text):
        text = _BLANK_RE.sub(BLANK, text)
    return _SPACES_RE.sub("", text)


def _doubled(text: str) -> bool:
    """A two-character word written twice over (营造浓厚的教研氛围氛围): a slip of the source. A
    verb said twice to soften it (研究研究) and 一步一步 are Chinese, not slips."""
    for m in _DOUBLED_RE.finditer(text):
        word = m.group(1)
        if word[0] != "一" and word not in _SOFTENED:
            return True
    return False


class _Lines:
    """Find the line where a sentence stands: reading may join a paragraph's lines (a page
    marker, a hard line break), so the block's first line is not always the sentence's."""

    def __init__(self, doc: Document) -> None:
        raw = doc.raw
        self.texts = {p.pos: p.text for p in raw.paras} if raw is not None else {}
        self.han: dict[int, str] = {}

    def _han(self, pos: int) -> str:
        if pos not in self.han:
            self.han[pos] = _HAN_ONLY_RE.sub("", self.texts.get(pos, ""))
        return self.han[pos]

    def locate(self, sentence: str, pos: int, end_pos: int) -> int:
        if not self.texts:
            return pos
        han = _HAN_ONLY_RE.sub("", sentence)
        last = max(end_pos, pos) + 60
        for size in (8, 4):  # a sentence may begin just before a line break
            key = han[:size]
            if len(key) < 4:
                return pos
            for p in range(pos, last + 1):
                if p in self.texts and key in self._han(p):
                    return p
        return pos


@dataclass(frozen=True)
class _Where:
    sections: tuple[str, ...]
    opening: bool
    closing: bool
    call: bool = False


def _body_plan(doc: Document) -> tuple[set[int], set[int]]:
    """Indexes (into doc.blocks) of the opening paragraphs and of the closing paragraph."""
    body = [(i, b) for i, b in enumerate(doc.blocks) if b.kind in (
        BlockKind.PARAGRAPH, BlockKind.POINT, BlockKind.CLOSING, BlockKind.HEADING)]
    opening: set[int] = set()
    for i, b in body:
        if b.kind is BlockKind.HEADING or len(opening) >= 3:
            break
        if b.kind is BlockKind.PARAGRAPH:
            opening.add(i)
    if not any(b.kind is BlockKind.HEADING for _, b in body):
        opening = {i for i, b in body[:1] if b.kind is BlockKind.PARAGRAPH}
    closing = {i for i, b in body if b.kind is BlockKind.CLOSING}
    tail = [(i, b) for i, b in body if b.kind is not BlockKind.HEADING]
    if tail and body[-1][1].kind is not BlockKind.HEADING:
        closing.add(tail[-1][0])
    closing -= opening if len(body) > 1 else set()
    return opening, closing


class DocumentMiner:
    def __init__(self, doc: Document, file: str, rules: Rules, repair_rules, lex: facts.Lexicon,
                 stats: Stats, corpus=None) -> None:
        self.doc = doc
        self.file = file
        self.rules = rules
        self.lex = lex
        self.stats = stats
        self.genre = doc.genre.value if doc.genre.value != "compilation" else "speech"
        whole = "\n".join(b.text + b.body for b in doc.blocks if b.kind is not BlockKind.NOISE)
        self.repairs = DocumentRepairs(repair_rules, whole, corpus)
        self.typos = has_typos(whole)  # asked once for the document, not for every sentence
        for rule in repair_rules:
            if rule.if_seen:
                stats.evidence[rule.label] += sum(whole.count(f) for f in seen_forms(rule))
        front = " ".join(x for x in (doc.front.title, doc.front.subtitle, doc.front.author) if x)
        self.home = facts.home_places(whole, front, lex)
        self.people = facts.people_named(whole, lex)
        self.orgs = facts.orgs_named(whole, lex)
        notes = " ".join(doc.front.notes)
        first = next((b.text for b in doc.blocks if b.kind is BlockKind.PARAGRAPH), "")[:120]
        self.review = is_review(rules, " ".join((front, notes, first)))
        self.lines = _Lines(doc)
        self.title = _SPACES_RE.sub("", doc.front.title)
        year = doc.front.date[:4]
        self.historical = year.isdigit() and int(year) < HISTORY_BEFORE and not (
            year in self.title and _LOOKS_BACK_RE.search(self.title))  # 重温1944年…演讲的心得体会 is of today
        # a report of its own work by a government or body, to a congress or in review (see OWN_REPORT_MAX_CHARS)
        self.own_report = self.review or bool(_REPORT_TITLE_RE.search(front) or doc.front.salutation.startswith("各位代表"))
        self._formulations: dict[str, tuple[str, str | None]] = {}

    # -- text of a block, repaired -------------------------------------------------------------
    def _repair(self, text: str) -> tuple[str, str | None, tuple[str, ...]]:
        fixed, fired = self.repairs.apply(text)
        confirm = tuple(r.label for r in fired if r.if_seen)
        for r in fired:
            self.stats.repairs[r.label] += 1
        fixed, typos = fix_typos(fixed) if self.typos else (fixed, ())
        for label in typos:
            self.stats.repairs[label] += 1
        return fixed, (text if fired or typos else None), confirm

    def _keep(self, text: str) -> tuple[str, str]:
        """(text with slots, "") or ("", why it is a fact)."""
        if _DIGIT_RE.search(text):
            return "", "number"  # the cheap check first: figures are never a phrase
        if self.lex.national_re.search(text):
            return "", "national_only"  # before a place in it (台湾) becomes a slot
        if any(p in text for p in self.people):
            return "", "person"  # 闫小乐 without the 同志 that named him elsewhere in the document
        if any(o in text for o in self.orgs):
            return "", "organisation"  # 进入华为: the document's own firm, school or farm
        slotted, why = facts.slot_names(text, self.home, self.lex)
        if why:
            return "", why
        if "我代表" in slotted:  # 现在，我代表省人民政府，向大会报告工作: the body is whoever reports
            slotted = _ON_BEHALF_RE.sub("{单位}", slotted)
            slotted = _ADVISERS_RE.sub("", slotted)  # 并请市政协委员…提出意见: whoever's advisers they are
        why = facts.fact_reason(slotted, self.lex)
        return ("", why) if why else (slotted, "")

    def _cleaned(self, text: str) -> tuple[str, str, str | None, tuple[str, ...]] | None:
        """A heading's or sentence's text repaired and slotted: (kept, repaired, before the repair,
        labels to confirm); None when it still shows corruption or is a fact (counted as dropped)."""
        fixed, original, confirm = self._repair(text)
        if self.repairs.still_corrupt(fixed) or _doubled(fixed):
            self._drop("corrupt")
            return None
        kept, why = self._keep(fixed)
        if why:
            self._drop(why)
            return None
        return kept, fixed, original, confirm

    def _names_home(self, text: str) -> bool:
        """The sentence names the document's own place (not an anonymised one)."""
        return bool(self.home) and any(not n.anonymous and n.text in self.home
                                       for n in facts.place_names(text, self.lex))

    def formulation(self, text: str) -> tuple[str, str | None]:
        """A term, parallel or quoted line as the bank keeps it (repaired, slotted) and what it
        was before a repair; "" when it still shows corruption or names one place or person."""
        if text not in self._formulations:
            self._formulations[text] = self._formulation(text)
        return self._formulations[text]

    def _formulation(self, text: str) -> tuple[str, str | None]:
        fixed, original, confirm = self._repair(text)
        if confirm or self.repairs.still_corrupt(fixed):
            return "", None
        return self._keep(fixed)[0], original

    def _leans_back(self, text: str) -> bool:
        """It cannot stand without what came before it: 而后者…, 都不行…, 这让我… (not 就业…)"""
        lex = self.lex
        return text.startswith(lex.anaphoric) and not text.startswith(lex.not_anaphoric) or _also(text) \
            or bool(_THAT_BODY_RE.search(text))

    def _drop(self, why: str) -> None:
        self.stats.dropped[why] += 1

    # -- candidates ------------------------------------------------------------------------------
    def candidates(self) -> Iterator[Candidate]:
        doc = self.doc
        opening, closing = _body_plan(doc)
        stack: list[str] = []
        level = 0
        for i, b in enumerate(doc.blocks):
            kind = b.kind
            if kind is BlockKind.SALUTATION:
                yield from self._salutation(b)
                continue
            if kind is BlockKind.HEADING:
                level = max(1, b.level or 1)
                del stack[level - 1:]
                stack.append(b.text)
                yield from self._heading(b.text, level, b.pos, b.end_pos)
                if b.body:
                    where = _Where(tuple(reversed(stack)), False, i in closing)
                    yield from self._sentences(b.body, b.pos, b.end_pos, where, skip_first=False)
                continue
            if kind not in (BlockKind.PARAGRAPH, BlockKind.POINT, BlockKind.CLOSING):
                continue
            call = i in closing and kind is not BlockKind.POINT and not _INLINE_POINTS_RE.search(b.text) \
                and ("让我们" in b.text or b.text.rstrip().endswith(("！", "!")))  # a list of points calls on no one
            where = _Where(tuple(reversed(stack)), i in opening, i in closing, call)
            skip_first = False
            if kind is BlockKind.POINT and b.lead:
                yield from self._heading(b.lead, level + 1, b.pos, b.end_pos)
                skip_first = True
            yield from self._sentences(b.text, b.pos, b.end_pos, where, skip_first=skip_first)

    def _salutation(self, b) -> Iterator[Candidate]:
        text = despace(b.text)
        if 2 <= len(text) <= 30 and _SALUTATION_RE.match(text) and _ADDRESSED_RE.search(text) and not self._keep(text)[1]:
            yield Candidate(text, "salutation", "salutation", self.file, b.pos, self.genre, also=("opening",))

    def _heading(self, text: str, level: int, pos: int, end_pos: int) -> Iterator[Candidate]:
        text = despace(text)
        text, _marker = sentences.strip_enumerator(text)
        text = text.rstrip("。；：:")  # a run-in lead's stop is the paragraph's, not the heading's
        if BLANK in text:
            self._drop("blank")
            return
        if self.historical:
            self._drop("historical")  # 现在的抗日战争，是中国革命的一个新阶段: that era's heads, not ours
            return
        if _NOTE_MARK_RE.search(text):
            return  # …这是很对的⑵: a line carrying a footnote mark is the text's, not a heading to reuse
        if not HEADING_MIN <= len(text) <= HEADING_MAX or not facts.HAN_RE.search(text):
            return
        if text.endswith(("！", "!", "？", "?")) or _FIRST_PERSON_RE.search(text) or _NOT_A_HEAD_RE.search(text):
            return  # 请允许我代表学校…表示热烈的欢迎！, 便民服务方面, 评价要点, “…”。: not headings to reuse
        if not sentences.balanced(text):
            self._drop("unbalanced")
            return
        if self._leans_back(text) or text.startswith(("同时", "此外", "另外")):
            self._drop("context")  # 同时也要增强…的本领: the second half of a pair of heads
            return
        first = re.split("[，、；：]", text, maxsplit=1)
        if len(first) > 1 and len(first[0]) <= 2:
            self._drop("fragment")  # 引领，落实组织保障: a word lost before it
            return
        cleaned = self._cleaned(text)
        if cleaned is None:
            return
        kept, fixed, original, confirm = cleaned
        if self._names_home(fixed):
            self._drop("place")
            return
        yield Candidate(kept, "heading", "template" if "{" in kept else "heading", self.file,
                        self.lines.locate(text, pos, end_pos), self.genre, level=level,
                        repaired_from=original, confirm=confirm)

    def _sentences(self, text: str, pos: int, end_pos: int, where: _Where, *,
                   skip_first: bool) -> Iterator[Candidate]:
        text = despace(text)
        if self.historical:
            self.stats.dropped["historical"] += len(sentences.split(text))
            return
        pieces = sentences.split(text)
        # a paragraph opens in its first sentences and closes in its last: a speech printed as one
        # long paragraph is not all opening nor all closing, and in the body run into its last
        # paragraph only a sentence's own call calls
        run_on = len(pieces) > CLOSING_LONG
        for k, (_offset, raw) in enumerate(pieces):
            if k == 0 and skip_first:
                continue
            if raw[-1:] not in _TERMINAL and not (raw[-1:] in "”’）" and raw.rstrip("”’）")[-1:] in _TERMINAL):
                self._drop("unfinished")
                continue
            s, marker = sentences.strip_enumerator(raw)
            if marker and k + 1 < len(pieces) and _POINT_LEAD_RE.match(s) and not sentences.connective(raw):
                # 二是壮大发展引擎，推动共同富裕。…: a point's lead run into its paragraph is a heading
                yield from self._heading(s.rstrip("。；"), len(where.sections) + 1, pos, end_pos)
                continue
            if not MIN_LEN <= len(s) <= MAX_LEN:
                continue
            glued = _GLUED_RE.match(s)
            if glued:  # “千万工程”的巨大贡献“千万工程”是…: a heading run into its text
                s = s[glued.end() - len(glued.group(1)):]
            if s.endswith("；") and ("：" in s or _LIST_OPENS_RE.search(s) or _FIRST_HALF_RE.match(s)):
                self._drop("unfinished")  # …主要基于三方面考虑：一是…；, 越是…； — the rest is cut off
                continue
            if s.endswith("；"):  # one item of a list, whole in itself: a writer ends it with a full stop
                s = s[:-1] + "。"
            if not sentences.balanced(s):
                self._drop("unbalanced")
                continue
            if self._leans_back(s) or _CUT_SUBJECT_RE.match(s) and not where.opening and not _SUBJECT_LATER_RE.search(s):
                self._drop("context")
                continue
            if _LABELLED_RE.match(s):
                self._drop("note")  # 德育：国旗下讲话、班团活动…: a row of a table, not a sentence of the speech
                continue
            cleaned = self._cleaned(s)
            if cleaned is None:
                continue
            kept, fixed, original, confirm = cleaned
            ctx = Context(self.genre, self.review, where.sections, where.opening and k < 3,
                          where.closing and (not run_on or len(pieces) - k <= CLOSING_TAIL),
                          where.call and (not run_on or "让我们" in s or s.endswith(("！", "!"))), k == 0)
            function = classify(kept.replace("{", "").replace("}", ""), ctx, self.rules)
            if function is None:
                self._drop("no_function")
                continue
            if self.own_report and function in _STATEMENTS and len(_NOT_COUNTED_RE.sub("", kept)) > OWN_REPORT_MAX_CHARS:
                self._drop("own_report")
                continue
            why = self._tied(function, kept, fixed, text, _offset if k else 0)
            if why:
                self._drop(why)
                continue
            yield Candidate(kept, function, "template" if "{" in kept else "sentence", self.file,
                            self.lines.locate(raw, pos, end_pos), self.genre, repaired_from=original,
                            confirm=confirm)


    def _tied(self, function: str, kept: str, fixed: str, paragraph: str, offset: int) -> str:
        """Why a filed sentence still belongs to its own document, or "" when a writer can take it;
        `offset` is where it starts in its paragraph (0 for the first sentence)."""
        if function == "quote" and self.title and self.title in (kept.split("，")[0], kept.rstrip("。！")):
            return "local_title"  # 走向远方，成就时光。 under the title 走向远方: the speech's own motto
        if _DEED_RE.match(kept) or function in _TOLD and self._names_home(fixed):
            return "place"  # {省}坚持…推进…; what that place did or saw is not true of another
        if function in _DONE and offset and self._names_home(paragraph[:offset]) \
                and not (function == "opening" and has_form(self.rules, "opening", kept)):
            return "place"  # after a sentence naming the place, the paragraph tells of it (a stock
            # opening line such as 会议全面总结了… still stands)
        if function == "achievement" and _NATION_RE.search(fixed):
            return "national_record"  # 我国经济实力明显提升: the nation's record, no county's
        if function == "problem" and _PAST_RE.match(paragraph):
            return "past"  # a shortcoming of a time gone by is not one to name today
        if kept.endswith(("？", "?")) and function != "transition":
            return "question"
        return ""


def documents_of(doc: Document) -> list[Document]:
    """The documents a file holds: a compilation's parts, or itself."""
    return list(doc.parts) if doc.parts else [doc]
