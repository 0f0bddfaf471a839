"""Facts out: a sentence about one named place, person or organisation is not a phrase.

Names are found by form — a name before 村/镇/乡/街道, an administrative division from the
gazetteer (data/places.tsv), a surname before a post, a place before 大学 — never from a list
of the documents we were given. A place may become a slot named by its level ({省} {市} {县}
{乡镇} {村} {单位}) when it is the document's own place (the speaker's county, named again and
again) and the sentence makes no claim that only that place can make; anonymised places
(X县, XX市, 某某村) always become slots. Everything else naming someone or somewhere is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wengao.datafile import load_yaml

DATA = Path(__file__).parent / "data"
HAN = "\u4e00-\u9fff"
HAN_RE = re.compile(f"[{HAN}]")  # one Chinese character (also used by candidates, repairs)
_HAN_ONLY_RE = re.compile(f"^[{HAN}]+$")
_SUBJECT_RE = re.compile(f"([{HAN}]{{2,6}})$")
_SLOT_RE = re.compile(r"\{[^{}]*\}")
_REPORTING = frozenset({"总结点评", "点评", "指出", "强调", "表示", "介绍", "讲话", "主持", "出席"})
_QUOTED_SLOT_RE = re.compile(r"“[^“”]*\{[^{}]*\}[^“”]*”")  # “{名称}民政通”: a named product
_QUOTED_COUNT_RE = re.compile(r"“([一两二三四五六七八九十百千万双][^“”]{1,7})”")
_BATCH_RE = re.compile(r"第[一二三四五六七八九十]+批")  # 第二批主题教育: one year's campaign
_YEAR_RE = re.compile(r"(?:是|为)[^，。；]{0,24}之年")  # 今年是…的开局之年: true of one year
_OWN_TITLE_RE = re.compile(r"以“[^“”]{4,}”为(?:题|主题)")  # 以“…”为题汇报: that report's own title
# 大会的主题是：…, 本次活动的主题是“…”: the frame is stock, the theme belongs to that one occasion
_OWN_THEME_RE = re.compile(r"(?:会|活动|论坛|本次|这次|今年)[^，。；：]{0,10}?的?主题是[：:“]")
# an organisation named by an abbreviation acting as the subject: 近年来国采中心深入开展…
_ORG_SUBJECT_RE = re.compile(r"(?:^|，|近年来|目前|今年以来|同时)([\u4e00-\u9fff]{2,4}中心)"
                             r"(?:正|深入|积极|始终|坚持|已|将|通过|联合|牵头|组织|举办|召开)")
_LOCAL_TITLE_RE = re.compile(r"[0-9０-９]|[省市县区乡镇村]|我校|本校|办法|细则|方案|通知|年度")

LEVEL_OF_SUFFIX = {"省": "省", "自治区": "省", "市": "市", "州": "市", "盟": "市", "县": "县", "区": "县",
                   "旗": "县", "乡": "乡镇", "镇": "乡镇", "街道": "乡镇", "村": "村", "社区": "村"}
_ANON_RE = re.compile(r"(?:[XxＸｘ×]{1,3}|某{1,2})(自治区|省|市|州|盟|县|区|旗|乡|镇|街道|村|社区)")
_ANON_ORG_RE = re.compile(r"(?<![A-Za-z])(?:[XxＸｘ×]{1,3}|某{1,2})(局|委|办|中心|单位|部门|公司|学校|医院|小学|中学)(?![镇乡村区县市])")
_ANON_TOWN_RE = re.compile(r"(?<![A-Za-z])(?:[XxＸｘ×]{1,3}|某{1,2})[一-鿿]{0,2}(镇|乡|街道)")
_ANON_BARE_RE = re.compile(rf"(?<![A-Za-z])(?:[XxＸｘ×]{{1,3}})(?![A-Za-z])(?=[{HAN}“”])|(?<=[{HAN}“”])[XxＸｘ×]{{1,3}}(?![A-Za-z])")
_ANON_MARK_RE = re.compile("[XxＸｘ×某]")  # every anonymised name holds one of these (all the _ANON patterns)
_ANON_PERSON_RE = re.compile(r"某某|[XxＸｘ×]{2,3}(?=同志|书记|主任|局长|县长|市长)")
_FORM_SUFFIXES = ("街道", "社区", "村", "镇", "乡")
_BOUNDARY = set("，。、；：！？“”‘’（）《》—…·,.;:!?()\"' 在到从于和与及对向为把将是的了由自至同跟就请让被给经据")
_DIGIT_RE = re.compile(r"[0-9０-９]")
# a count of people, money, land, time … (三名教师, 十年前, 230个): one place's figures. Not 一 or 几
# alone (一名党员, 一批典型, 一场变革), not an ordinal (第一位, 第十九届), not 百年/千年 (百年伟业).
_QTY_RE = re.compile(
    r"(?<!第)(?:[零〇二两三四五六七八九十百千万亿]|一[零〇一二两三四五六七八九十百千万亿]|[十百千万]一)"
    r"[零〇一二两三四五六七八九十百千万亿]*(?:多|余)?"
    r"(?:个百分点|周年|年度|月份|[名位人户](?!民|才|士|心|物|生|格|类|员|口|群|次|的|之|一)|月|日|号|时|点钟|分钟|秒|岁"
    r"|家(?!庭|园|长|乡|国|万户)|所(?!有|以|谓|在|属|得)|座|亿|元|公里|千米|米|亩|公顷|平方|吨"
    r"|场(?!所|景|地|合|面)|件(?!事)|批(?!评|示)|天(?!下)|周(?!边|围|密|全|期)|小时"
    r"|(?<![百千])年(?!来|以来|间|里|轻|代|度|终|初|底|均|会|级|奋斗|伟业|大计|未有|变局|树人))")
_GENERIC_YEARS_RE = re.compile(r"(?:过去|近)(?:一|两|三|四|五|十|几)?年|(?:多|几|一|两|三|四|五|十)年(?:来|以来)"
                               r"|今年|去年|明年|当年|每年|新年|全年|半年|上半年|下半年")
# a local programme, class or brand in quotation marks (“蜀乡新风”行动, “北斗科技班”): one place's own
_PROGRAMME_RE = re.compile(r"“(?![一二两三四五六七八九十百千万双])[^“”]{2,8}(?:班|”(?:行动|工程|活动|计划|品牌|系列|项目|班|工作室|基地))"
                           r"|“[^“”]{2,8}”(?:改革试点|试点|系列活动)")
# a named site: 大熊猫国家公园, 龙山书院, 绿云高架路 (a name before the kind of site)
_SITE_RE = re.compile(r"(?<![建新改扩打造设办类批座个各])[\u4e00-\u9fff]{2,4}(?:国家公园|书院|纪念馆|高架路|水库|遗址公园)")
_IDIOM_RE = re.compile(rf"[一二三四五六七八九十百千万][{HAN}][一二三四五六七八九十百千万][{HAN}]")  # 千家万户
_TITLE_RE = re.compile(r"《([^《》]{1,60})》")
_CLAIM_RE = re.compile(r"萌发|发源地|诞生地|策源地|首创|首提|独有|唯一|故乡|家乡|之乡|我的|我家|先行地|重要萌发地")
_ABBREV_RE = re.compile(r"以下简称|下称|简称")
_NOTE_RE = re.compile(r"^[〔\[【(（]\d+[〕\]】)）]|^(?:注|按|发|抄送|附|附件|来源|作者|编者按|责任编辑|编辑)[：:]|^见|^参见|^引自|^转引|^详见|^此处")


@dataclass(frozen=True)
class Lexicon:
    surnames: frozenset[str]
    posts: tuple[str, ...]
    post_prefixes: frozenset[str]
    formula_names: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    place_claims: tuple[str, ...]
    generic_heads: tuple[str, ...]
    word_tails: frozenset[str]
    report_verbs: tuple[str, ...]
    generic_subjects: frozenset[str]
    national_only: tuple[str, ...]
    anaphoric: tuple[str, ...]
    places: dict[str, str]  # name (full or short) → level 省/市/县
    short: frozenset[str]  # names recognised without their suffix
    prefixes: frozenset[str]  # the first two characters of every place name (a fast pre-check)
    starts: re.Pattern[str]  # where a place name can start (its first two characters): where to look at all
    post_re: re.Pattern[str]  # any post
    after_post_re: re.Pattern[str]  # a post followed by a name: 局长姚国海专程…
    generic_head_re: re.Pattern[str]  # a head that ends in a generic place word
    national_re: re.Pattern[str]
    report_re: re.Pattern[str]


@cache
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    from wengao.reading.lexicon import load_lexicon as reading_lexicon

    data = load_yaml(DATA / "names.yaml")
    for path in extra:
        more = load_yaml(path) or {}
        for k, v in more.items():
            data[k] = list(data.get(k, [])) + list(v)
    places: dict[str, str] = {}
    short: set[str] = set()
    for line in (DATA / "places.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        places.setdefault(cols[0], cols[1])
        if len(cols) > 2 and cols[2]:
            places.setdefault(cols[2], cols[1])
            short.add(cols[2])
    by_len = lambda xs: tuple(sorted(set(xs), key=lambda x: (-len(x), x)))  # noqa: E731 - ties in a fixed order
    posts = by_len(data["posts"])
    alt = "|".join(map(re.escape, posts))
    return Lexicon(
        surnames=reading_lexicon().surnames | frozenset(data.get("surnames") or ()), posts=by_len(data["posts"]),
        post_prefixes=frozenset(data["post_prefixes"]), formula_names=by_len(data["formula_names"]),
        org_suffixes=by_len(data["org_suffixes"]), place_claims=by_len(data["place_claims"]),
        generic_heads=by_len(data["generic_place_heads"]),
        word_tails=frozenset(data["place_word_tails"]), report_verbs=by_len(data["report_verbs"]),
        generic_subjects=frozenset(data["generic_subjects"]), national_only=by_len(data["national_only"]),
        anaphoric=by_len(data["anaphoric_starts"]), places=places, short=frozenset(short),
        prefixes=frozenset(name[:2] for name in places),
        # the first character of a name followed by a possible second: far fewer places to look
        starts=re.compile("[" + "".join(sorted({re.escape(name[0]) for name in places})) + "]"
                          "(?=[" + "".join(sorted({re.escape(name[1]) for name in places if len(name) > 1})) + "])"),
        post_re=re.compile(f"(?:{alt})"),
        after_post_re=re.compile(f"(?:{alt})([{HAN}]{{2,3}}?)(?=[，。、；：！？]|专程|同志|代表|主持|出席|指出|强调|表示|讲话|点评|在)"),
        generic_head_re=re.compile("(?:" + "|".join(map(re.escape, by_len(data["generic_place_heads"]))) + ")$"),
        national_re=re.compile("|".join(map(re.escape, by_len(data["national_only"])))),
        report_re=re.compile("|".join(map(re.escape, by_len(data["report_verbs"])))),
    )


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    kind: str  # place | person | org
    level: str = ""  # places: 省 市 县 乡镇 村; orgs: 单位
    anonymous: bool = False


def _boundary_before(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _BOUNDARY or not "\u4e00" <= text[i - 1] <= "\u9fff"  # HAN_RE, one character


def _gazetteer(text: str, lex: Lexicon) -> list[Name]:
    """Administrative divisions named in full (绍兴市, 安吉县) or by a short name (浙江)."""
    out: list[Name] = []
    n = len(text)
    prefixes = lex.prefixes
    end = 0
    for m in lex.starts.finditer(text):  # only where a place name can start, not every character
        i = m.start()
        if i < end or text[i:i + 2] not in prefixes:
            continue
        found = None
        for size in (9, 8, 7, 6, 5, 4, 3, 2):
            if i + size > n:
                continue
            piece = text[i:i + size]
            level = lex.places.get(piece)
            if level is None:
                continue
            if size == 2 and piece not in lex.short and not _boundary_before(text, i):
                continue  # 提高县域 holds no 高县
            if piece in lex.short:
                after = text[i + size:i + size + 1]
                if after and after in "省市县区州":
                    continue  # the full name is longer: let the suffix form match
            found = Name(i, i + size, piece, "place", level)
            break
        if found:
            out.append(found)
            end = found.end
    return out


def _form_places(text: str, lex: Lexicon) -> list[Name]:
    """Villages, towns and streets by form: a name before 村/镇/乡/街道/社区 (横一村, 余村)."""
    out: list[Name] = []
    for suffix in _FORM_SUFFIXES:
        start = 0
        while (at := text.find(suffix, start)) >= 0:
            start = at + len(suffix)
            end = at + len(suffix)
            tail = text[end:end + 1]
            if tail in lex.word_tails or (suffix == "村" and text[end:end + 2] == "一品"):
                continue
            if suffix in ("乡", "镇") and "\u4e00" <= tail <= "\u9fff" and text[end:end + 2] not in (
                    "政府", "党委", "人民", "人大", "纪委"):
                continue  # 乡/镇 inside a word (乡贤, 镇守) rather than ending a name
            head = ""
            k = at
            while k > 0 and "\u4e00" <= text[k - 1] <= "\u9fff" and len(head) < 4:  # HAN_RE, one character
                head = text[k - 1] + head
                k -= 1
            if not head:
                continue
            if head.endswith(lex.generic_heads):  # generic_head_re, on a head of Chinese characters
                continue
            if suffix == "村" and head[-1:] in "一二三四五六七八九十" and len(head) == 1:
                continue
            # the name: at most three characters before the suffix, after a boundary if one is near
            name_start = at - min(len(head), 3)
            for j in range(at - 1, at - len(head) - 1, -1):
                if text[j] in _BOUNDARY:
                    name_start = j + 1
                    break
            out.append(Name(name_start, end, text[name_start:end], "place", LEVEL_OF_SUFFIX[suffix]))
    return out


def _persons(text: str, lex: Lexicon) -> list[Name]:
    out: list[Name] = []
    prefixes = lex.post_prefixes
    for pm in lex.post_re.finditer(text):
        post, at = pm.group(0), pm.start()
        for size in (3, 2, 1):
            if at - size < 0:
                continue
            name = text[at - size:at]
            if not _HAN_ONLY_RE.match(name):
                continue
            if name[0] not in lex.surnames and name[:2] not in lex.surnames:
                continue
            if any(name[-k:] in prefixes for k in range(1, size + 1)) or \
                    any(name[:k] in prefixes for k in range(2, size + 1)):
                continue
            if post == "同志" and size == 1:
                continue  # 老同志, 女同志 …
            out.append(Name(at - size, at + len(post), text[at - size:at + len(post)], "person"))
            break
    for m in lex.after_post_re.finditer(text):
        name = m.group(1)
        if (name[0] in lex.surnames or name[:2] in lex.surnames) and name not in lex.post_prefixes:
            out.append(Name(m.start(1), m.end(1), name, "person"))
    for m in _ANON_PERSON_RE.finditer(text) if _ANON_MARK_RE.search(text) else ():
        out.append(Name(m.start(), m.end(), m.group(0), "person", anonymous=True))
    return out


def _reported(text: str, lex: Lexicon) -> bool:
    """Someone named reports or is reported: "姚国海点评并讲话", "国采中心负责人表示"."""
    for vm in lex.report_re.finditer(text):
        verb, at = vm.group(0), vm.start()
        before = text[max(0, at - 6):at]
        m = _SUBJECT_RE.search(before)
        if not m:
            continue
        subject = m.group(1)
        if any(subject.endswith(g) for g in lex.generic_subjects):
            continue
        if _persons(subject + verb, lex):
            return True
        if at == 2 and text[0] in lex.surnames and verb in _REPORTING and _HAN_ONLY_RE.match(text[:2]):
            return True  # 蒋明总结点评了…: a two-character name opening the sentence
        name = text[max(0, at - 3):at]
        if len(name) == 3 and re.fullmatch(f"[{HAN}]+", name) and name[0] in lex.surnames and \
                _boundary_before(text, at - 3) and name not in lex.generic_subjects:
            return True  # 姚国海点评
        if subject.endswith(("中心", "负责人", "厅", "局", "委", "办", "部", "处", "集团", "公司", "学校",
                             "中学", "小学", "大学", "学院")):
            return True
    return False


_NAMES_CACHE: dict[tuple[int, str], list[Name]] = {}


def find_names(text: str, lex: Lexicon) -> list[Name]:
    """Every name in `text`, leftmost first, none overlapping (remembered: official writing
    repeats its stock sentences from document to document)."""
    key = (id(lex), text)
    found = _NAMES_CACHE.get(key)
    if found is None:
        if len(_NAMES_CACHE) > 200_000:
            _NAMES_CACHE.clear()
        found = _NAMES_CACHE[key] = _find_names(text, lex)
    return found


def _find_names(text: str, lex: Lexicon) -> list[Name]:
    names: list[Name] = []
    anon = _ANON_MARK_RE.search(text)  # the _ANON patterns open with a lookbehind: searched only when they can match
    for m in _ANON_RE.finditer(text) if anon else ():
        names.append(Name(m.start(), m.end(), m.group(0), "place", LEVEL_OF_SUFFIX[m.group(1)], anonymous=True))
    for m in _ANON_TOWN_RE.finditer(text) if anon else ():
        names.append(Name(m.start(), m.end(), m.group(0), "place", LEVEL_OF_SUFFIX[m.group(1)], anonymous=True))
    for m in _ANON_ORG_RE.finditer(text) if anon else ():
        names.append(Name(m.start(), m.end(), m.group(0), "org", "单位", anonymous=True))
    names += _gazetteer(text, lex)
    names += _form_places(text, lex)
    names += _persons(text, lex)
    names.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Name] = []
    for n in names:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out


def home_places(texts: list[str], front: str, lex: Lexicon) -> set[str]:
    """The document's own places: named in its title or author line, or again and again."""
    counts: Counter[str] = Counter()
    for t in texts:
        for n in (*_gazetteer(t, lex), *_form_places(t, lex)):
            counts[n.text] += 1
    home = {name for name, c in counts.items() if c >= 3}
    for n in find_names(front, lex):
        if n.kind == "place":
            home.add(n.text)
    return home


def _formula(text: str, lex: Lexicon) -> str:
    for name in lex.formula_names:
        if name in text:
            text = text.replace(name, "\x01" * len(name))
    return text


def slot_names(text: str, home: set[str], lex: Lexicon) -> tuple[str, str]:
    """(text with places made slots, "" ) or ("", why) when the sentence is about one place or
    person. A slot is never made inside a longer proper noun, nor for a claim only one place makes."""
    masked = _formula(text, lex)
    names = find_names(masked, lex)
    if not names:
        return (_ANON_BARE_RE.sub("{名称}", text) if _ANON_MARK_RE.search(text) else text), ""
    out = []
    last = 0
    used: dict[str, str] = {}
    for n in names:
        if n.kind == "person":
            return "", "person"
        after = masked[n.end:n.end + 8]
        if n.kind == "place" and any(after.startswith(c) for c in lex.place_claims):
            return "", "claim"  # 浙江经验, 余村模式: what one place did, not what any place can say
        suffix = _org_suffix(after, lex) if n.kind == "place" else None
        if suffix is not None:
            # 绍兴一中, 成都国家植物园: the place is part of an organisation's name; the whole name is the slot
            if not (n.anonymous or n.text in home):
                return "", "organisation"
            n = Name(n.start, n.end + len(suffix), n.text + suffix, "org", "单位", n.anonymous)
        if not n.anonymous and n.kind == "place" and n.text not in home:
            return "", "place"
        if not n.anonymous and _CLAIM_RE.search(text):
            return "", "claim"
        slot = "{" + (n.level or "单位") + "}"
        if used.get(n.level, n.text) != n.text:
            return "", "places"  # two different places of one level: no single slot says it
        used[n.level] = n.text
        out.append(text[last:n.start] + slot)
        last = n.end
    out.append(text[last:])
    result = "".join(out)
    result = _ANON_BARE_RE.sub("{名称}", result) if _ANON_MARK_RE.search(result) else result
    return result, ""


def _local_count(text: str) -> bool:
    """A quoted count-formulation that is not a national one (“四大能力提升行动”, “一组一会”)."""
    from wengao.mining.formulations import national_formulations

    known = national_formulations()
    return any(m.group(1) not in known for m in _QUOTED_COUNT_RE.finditer(text))


def _org_suffix(after: str, lex: Lexicon) -> str | None:
    """What follows a place up to the end of an organisation's name: 一中, 人民医院, 国家植物园;
    the longest such name (绍兴一中教育集团, not 绍兴一中), whatever order the suffixes are in."""
    ends = []
    for s in lex.org_suffixes:
        at = after.find(s)
        if 0 <= at <= 4 and _HAN_ONLY_RE.match(after[:at + len(s)]) and (at == 0 or len(s) >= 2):
            ends.append(at + len(s))
    return after[:max(ends)] if ends else None


_REASONS: dict[str, str] = {}


def fact_reason(text: str, lex: Lexicon) -> str:
    """Why a sentence (slots already made) is one place's fact, or "" when a writer can reuse it."""
    found = _REASONS.get(text)
    if found is None:
        if len(_REASONS) > 200_000:
            _REASONS.clear()
        found = _REASONS[text] = _fact_reason(text, lex)
    return found


def _fact_reason(text: str, lex: Lexicon) -> str:
    plain = _SLOT_RE.sub("", text)
    if _DIGIT_RE.search(plain):
        return "number"
    if _QTY_RE.search(_IDIOM_RE.sub("", _GENERIC_YEARS_RE.sub("", plain))):
        return "quantity"
    if _ABBREV_RE.search(plain) or _NOTE_RE.search(plain):
        return "note"
    if _PROGRAMME_RE.search(plain) or _QUOTED_SLOT_RE.search(text) or _local_count(plain):
        return "programme"
    if _SITE_RE.search(plain):
        return "place"
    if _YEAR_RE.search(plain) or _BATCH_RE.search(plain):
        return "quantity"
    if _OWN_TITLE_RE.search(plain) or _OWN_THEME_RE.search(plain):
        return "local_title"
    if _ORG_SUBJECT_RE.search(plain):
        return "organisation"
    for m in _TITLE_RE.finditer(plain):
        inner = m.group(1)
        if _LOCAL_TITLE_RE.search(inner):
            return "local_title"
    if lex.national_re.search(plain):
        return "national_only"
    if _reported(_formula(plain, lex), lex):
        return "reported"
    return ""
