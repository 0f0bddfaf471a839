"""The function of a sentence, from where it stands and from its own form, never from one cue
word anywhere in it; a sentence that fits no function is not filed (None).

Order of decision: forms that cannot be mistaken (a transition points forward, 下一步我将…
pledges, 让我们… calls); then position (the document's opening, its last paragraph); then
strong forms (a problem, a lesson, why it matters); then the section's heading (存在问题 →
problem, 下一步打算 → resolution, 工作回顾 → achievement); then weaker forms (what was done,
a requirement, a task). Cues live in data/functions.yaml, which a user may extend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wengao.datafile import load_yaml

DATA = Path(__file__).parent / "data"
_PARALLEL_RE = re.compile(r"[，；：、]")
_HAN_ONLY_RE = re.compile(r"^[\u4e00-\u9fff]+$")
_WE_WILL_RE = re.compile(r"(?:^|，)(?:我们|我)(?:将|必将)(?!面对(?!面)|面临|迎来|遇到|经历|看到)")  # not what will come
_WE_MUST_RE = re.compile(r"(?:^|，)(?:我们|我)(?:要|既要|更要|还要)(?!求(?!真|同存|新))")  # 我们要求…: a demand on others
_SO_RE = re.compile(r"^(?:总之|总而言之|正所谓|所谓)[：，]")
_COORDINATED_RE = re.compile(r"[与和及、]|以及")
# a tally of too much and too little (学习多，研究少): a shortcoming, never a saying
TALLY_RE = re.compile(r"多，[^，。]*少|少，[^，。]*多")
_HEAD_END = ("", "和", "及", "与", "、", "，", "：", "；", "。", "！")
# a sentence that turns on what must be done is not a problem: …面临不少矛盾，这就需要我们…
# X就是Y (保护产权就是保护劳动) or X，就能Y (守住底线，就能稳住基本盘): what a thing is or yields
_EQUATES = r"^[^，。；、]{2,12}就是(?!要|在|把|以|为|让|使|从)|，(?:就|便)(?:能|能够|可以)"
_EQUATES_RE = re.compile(_EQUATES)
_FACING_RE = re.compile(r"^面对[^，。]{2,30}，")  # 面对需求不足，推动消费恢复: what is faced leads in, the act follows
# 我们面对的是两难多难问题增多的复杂局面: what we face, told as X是Y, is a difficulty, not a definition
_WE_FACE_RE = re.compile(r"^(?:当前，)?我们(?:所)?面[对临]的是(?![^。]*(?:机遇|机会|希望))[^。]*"
                         r"(?:困难|挑战|压力|风险|矛盾|问题|阵痛|严峻|复杂|两难|变化|局面)")  # not 千载难逢的历史机遇
_NEEDS_RE = re.compile(r"这就(?:需要|要求)|(?:需要|要求)我们|^面对[^，。]{2,30}，(?:我们)?(?:要|必须|务必)")  # 面对新的下行压力，要…: a call
_PERSONAL_RE = re.compile(r"我|你|您|咱|将|了|吗|呢|吧")
# acting on a problem is a task, not a problem: 补齐短板, 解决…问题, 针对薄弱环节
_ACTING_RE = re.compile(r"(?<![须需待])(?:补齐|补上|补强|补短板|强弱项|弥补|破解|解决|化解|克服|防范|针对|着力解决|纠正|整治|排查|整改|查找|查摆|聚焦|直面|正视|(?:减少|压缩|调减|淘汰|清退|关停)(?![、，。；]|$)"
                        r"|打通|疏通|突破|消除|攻克|检视|剖析)[^，。；]{0,16}"
                        r"|(?:短板|弱项|差距|漏洞)(?:加快|加速|逐步|有效|基本|全面|持续|进一步)?(?:补齐|补上|补强|缩小|堵塞)"  # 短板加快补齐: closed
                        r"|([\u4e00-\u9fff])不\1")  # 强不强, 美不美: a question of degree, not a shortcoming


@dataclass(frozen=True)
class Rules:
    forms: dict[str, tuple[re.Pattern[str], ...]]
    sections: dict[str, tuple[str, ...]]
    review_titles: tuple[str, ...]


@cache
def load_rules(extra: tuple[Path, ...] = ()) -> Rules:
    data = load_yaml(DATA / "functions.yaml")
    for path in extra:
        more = load_yaml(path) or {}
        for group in ("forms", "sections"):
            for k, v in (more.get(group) or {}).items():
                data[group][k] = list(data[group].get(k, [])) + list(v)
        data["review_titles"] = list(data["review_titles"]) + list(more.get("review_titles") or [])
    return Rules(
        forms={k: tuple(re.compile(p) for p in v) for k, v in data["forms"].items()},
        sections={k: tuple(v) for k, v in data["sections"].items()},
        review_titles=tuple(data["review_titles"]),
    )


@dataclass(frozen=True)
class Context:
    """Where a sentence stands in its document."""

    genre: str = "speech"
    review: bool = False  # the document looks back on work done (述职, 总结)
    sections: tuple[str, ...] = ()  # headings above it, nearest first
    opening: bool = False  # in the opening paragraphs, before the body proper
    closing: bool = False  # in the last paragraph, or a closing block
    call: bool = False  # that paragraph calls on the audience (让我们…！): all of it closes
    first: bool = False  # the first sentence of its paragraph


def has_form(rules: Rules, function: str, s: str) -> bool:
    """`s` has one of the forms listed for `function` (data/functions.yaml)."""
    return any(rx.search(s) for rx in rules.forms.get(function, ()))


def _strong(rules: Rules, function: str, s: str) -> bool:
    if function == "significance" and _WE_WILL_RE.search(s):
        return False  # 我们将更加深刻领悟…的决定性意义: a pledge that names a significance
    if function == "problem":  # and not only because it acts on one: 补齐短板 is a task
        return has_form(rules, "problem", s) and has_form(rules, "problem", _FACING_RE.sub("", _ACTING_RE.sub("", s))) \
            and not _CALL_RE.search(s) \
            and not _NEEDS_RE.search(s) and not has_form(rules, "requirement_strong", s)  # …，必须…
    return has_form(rules, function, s)


_SECTIONS: dict[tuple[int, tuple[str, ...]], str | None] = {}


def section_function(rules: Rules, sections: tuple[str, ...]) -> str | None:
    """_section_function, remembered: every sentence under one heading asks it of the same headings."""
    key = (id(rules), sections)
    if key not in _SECTIONS:
        if len(_SECTIONS) > 200_000:
            _SECTIONS.clear()
        _SECTIONS[key] = _section_function(rules, sections)
    return _SECTIONS[key]


_FIXING_RE = re.compile("补齐|补上|补强|弥补|破解|解决|化解|克服|纠正|整治|整改|攻克|消除")


def _section_function(rules: Rules, sections: tuple[str, ...]) -> str | None:
    """What the nearest heading that says says: a Chinese noun phrase ends in its head, so of the
    words in it the one that ends last decides (学习浙江经验的对策 is about 对策, not 经验)."""
    for heading in sections:
        found: dict[str, tuple[int, int]] = {}  # function → where its last word starts and ends
        for function, words in rules.sections.items():
            for w in words:
                head = w.endswith("$")
                w = w.rstrip("$")
                at = heading.rfind(w)
                if at < 0 or head and heading[at + len(w):at + len(w) + 1] not in _HEAD_END:
                    continue
                if at + len(w) > found.get(function, (-1, -1))[1]:
                    found[function] = (at, at + len(w))
        if found:
            ranked = sorted(found, key=lambda f: -found[f][1])
            if len(ranked) > 1:
                gap = heading[found[ranked[1]][1]:found[ranked[0]][0]]
                if _COORDINATED_RE.search(gap) and "的" not in gap:
                    return None  # 存在不足与下一步打算: two heads; the sentence's own form decides
            if ranked[0] == "achievement" and has_form(rules, "task", heading):
                continue  # 加快释放改革开放成效: 成效 is what the task is for; the heading above says more
            if ranked[0] == "problem" and _FIXING_RE.search(heading[:found["problem"][0]]):
                continue  # 加快补齐教育短板: the weakness is what the work mends (查摆问题 still lists them)
            return ranked[0]
    return None


def is_review(rules: Rules, title: str) -> bool:
    return any(w in title for w in rules.review_titles)


# a clause of time, cause, condition or sequence is prose, whatever its length (订单验收通过后，保证金即刻解冻。
# 如果不能做到，企业必定死亡。): no saying, in either path (here and formulations.quotes)
PROSE_RE = re.compile(r"(?:后|(?<!当)时)，|如果|假如|之后|以后|立即|即刻|随即|由于|因为|所以|但是|然后|回顾")


def _couplet(s: str, rules: Rules) -> bool:
    """Classical lines and maxims: two to four clauses of one length, no speaker in them and no
    clause that sets a task (为政以公，行胜于言。 团队合作，取长补短，单兵作战，攻无不克。 — not
    坚持生态治理，发展绿色产业。)."""
    if s.endswith(("！", "!", "；")) or TALLY_RE.search(s) or PROSE_RE.search(s):
        return False  # 健康快乐，前程似锦，鹏程万里！ wishes; 学习多，研究少 a tally; …； a list item
    core = s.rstrip("。；")
    clauses = [c for c in _PARALLEL_RE.split(core) if c]
    if not 2 <= len(clauses) <= 4 or not all(_HAN_ONLY_RE.match(c) for c in clauses):
        return False
    sizes = {len(c) for c in clauses}
    if len(sizes) != 1 or not 4 <= sizes.pop() <= 7 or _PERSONAL_RE.search(core):
        return False
    return not any(has_form(rules, "task", c) for c in clauses)


_CACHE: dict[tuple[int, str, Context], str | None] = {}


def classify(s: str, ctx: Context, rules: Rules | None = None) -> str | None:
    """The function `s` serves where it stands (remembered: stock sentences recur)."""
    rules = rules or load_rules()
    key = (id(rules), s, ctx)
    if key not in _CACHE:
        if len(_CACHE) > 200_000:
            _CACHE.clear()
        function = _classify(s, ctx, rules)
        _CACHE[key] = _as_defined(s, rules) if function == "significance" else function
    return _CACHE[key]


_CLAUSES_RE = re.compile("[，；：]")
_CLAUSE_CALL_RE = re.compile(r"(?:我们|大家|各级|全县|全市|全区)?(?:要|还要|更要|也要|必须|务必|一定要|需要)(?!求)")


def _as_defined(s: str, rules: Rules) -> str | None:
    """What a significance resting only on the form X是Y (no significance form of its own, no
    就是/就能) really is. 健康是幸福之基 and 良好的生态环境是最公平的公共产品，是最普惠的民生福祉
    say what a thing is, in every clause; 就业是最大的民生，要千方百计稳定和扩大就业 gives the reason
    for a task; X是Y with clauses of something else (…，每天早出晚归，…) tells a story."""
    if not has_form(rules, "definition", s) or has_form(rules, "significance", s) or _EQUATES_RE.search(s):
        return "significance"
    others = [c for c in _CLAUSES_RE.split(s.rstrip("。！")) if c and "是" not in c]
    if not others:
        return "significance"
    if all(_CLAUSE_CALL_RE.match(c) for c in others):
        return "requirement" if has_form(rules, "requirement_strong", s) else "task"
    return None


def _first_form(rules: Rules, s: str, order: tuple[tuple[str, str], ...]) -> str | None:
    """The function of the first (form, function) pair whose form `s` has."""
    return next((function for form, function in order if has_form(rules, form, s)), None)


# forms that cannot be mistaken wherever they stand, tried first; and the weak ones, tried last
_UNMISTAKABLE = (("transition", "transition"), ("quote_said", "quote"), ("resolution_strong", "resolution"))
_WEAK = (("achievement", "achievement"), ("requirement", "requirement"), ("task", "task"),
         ("definition", "significance"))


# A section's heading gives its sentences their function unless a sentence's own form says
# otherwise: what was done (…了…) is no task and no significance; a state of things (当前，…),
# what we have long done (我们始终…) or a denial (物质贫困不是社会主义) is no task; and under a
# problem heading only a shortcoming is a problem.
# 了 of a deed: not 为了, 除了, 明了, 了解, 不得了; not a condition (定了就做) nor a result asked for
# in a list (把问题找准了、把原因查清了)
_PAST_RE = re.compile(r"(?<![为除明])了(?![解然不得结却就、])")
_QUOTED_RE = re.compile(r"[“\"][^“”\"]*[”\"]")  # words quoted (“有了困难找组织”) are not the sentence's own deed
# a lesson put as a condition met (群众的事情办好了，群众就会…), or one felt (我更加坚定了…信念): no deed told
_IF_DONE_RE = re.compile(r"了[^，。]{0,6}，[^。]{0,12}(?:就|才|便|自然)"
                         r"|(?:我|我们)[^，。]{0,4}(?:坚定了|增强了|加深了|明白了|懂得了|深化了|提升了|提高了)")
_CALLS = ("要", "还要", "更要", "也要", "都要", "就要", "必须")  # 要在提高政治站位上下功夫: a call is a task
_CALL_RE = re.compile(r"^(?:[^，。]{0,8}，)?(?:我们|大家|全省|全市|全县|全区|各级)?(?:要(?![素点件])|必须|一定要|务必)"
                      r"|^[^，。]{2,6}(?:要|必须)(?:坚持|加强|加快|把|注重|强化|推进|推动|落实|做好|抓好|突出|提升|提高|深化)")  # 学前教育要坚持…
_NOT_TASK_RE = re.compile(r"^(?:当前|目前|如今|现在|当今)，|^我们(?![^，。]{0,2}(?:要|须|应|一定|务必))|(?<![而并也])不是"
                          r"|相辅相成|相互促进|是为了|离不开|取决于"
                          r"|" + _EQUATES)  # a relation stated, nothing to do (保护产权就是保护劳动)


def _section_holds(rules: Rules, section: str, s: str) -> bool:
    """The sentence's own form lets its section's heading file it (see above)."""
    if section == "problem":
        return has_form(rules, "problem", s)
    if section in ("task", "requirement", "significance") and _PAST_RE.search(s):
        return False
    if section == "achievement" and _CALL_RE.search(s):
        return False  # 我们要坚定信心、迎难而上: a call, though it stands in a review
    if section in ("task", "requirement"):
        return not _NOT_TASK_RE.search(s) and (s.startswith(_CALLS) or any(
            has_form(rules, f, s) for f in ("task", "task_clause", "requirement", "requirement_strong")))
    if section == "achievement" and has_form(rules, "definition", s) and not has_form(rules, "achievement", s):
        return False  # 就业是民生之基: what a thing is, though it stands in a review
    if section == "experience":  # 营商环境是生产力: what a thing is, under a heading of lessons
        return not (has_form(rules, "definition", s) or has_form(rules, "significance", s)
                    or _PAST_RE.search(s) and not _strong(rules, "experience", s) and not _IF_DONE_RE.search(s))
    return True


def _classify(s: str, ctx: Context, rules: Rules) -> str | None:
    if _WE_FACE_RE.match(s):
        return "problem"
    act = _FACING_RE.sub("", s)
    if act != s and len(act) >= 6:
        return _classify(act, ctx, rules)  # 面对新的下行压力，要…: what is faced leads in, the act decides
    function = _first_form(rules, s, _UNMISTAKABLE)
    if function:
        return function
    personal = ctx.genre in ("exchange", "study-report") or ctx.review
    if has_form(rules, "resolution", s) and (personal or ctx.closing or "下一步" in s or "今后" in s
                                              or _WE_WILL_RE.search(s)  # 我们将…: a pledge in any genre
                                              or s.endswith(("！", "!"))):  # 我们一定要…决不辜负…！
        return "resolution"
    if personal and _WE_MUST_RE.search(s):
        return "resolution"
    if has_form(rules, "closing", s):
        return "closing"
    # 这次学习给我最大的启示是…: the lesson, though it names the occasion as an opening does
    if has_form(rules, "opening", s) and (ctx.opening or not ctx.sections and not ctx.closing
                                          and not _strong(rules, "experience", s)):
        return "opening"
    if not ctx.opening and _couplet(_SO_RE.sub("", s), rules) or \
            len(s) <= 40 and has_form(rules, "quote", s):  # 金秋时节，硕果累累。 opens
        return "quote"
    section = section_function(rules, ctx.sections)
    strong = next((f for f in ("problem", "experience", "significance") if _strong(rules, f, s)), None)
    if ctx.opening:
        if strong:
            return strong
        if has_form(rules, "achievement", s):
            return "achievement"
        if has_form(rules, "requirement_strong", s):
            return "requirement"
        if has_form(rules, "task", s) or s.startswith("要"):
            return "task"  # 要化大力气帮助家长提高…: what the speaker asks, even this early
        # where it stands is not enough: an opening line has the form of one (functions.yaml), or is a
        # seasonal couplet (金秋时节，硕果累累。), or names the occasion or what it gave (opening_placed)
        return "opening" if _couplet(s, rules) or has_form(rules, "opening_placed", s) else None
    if strong and ctx.closing:
        return strong
    if ctx.closing and (ctx.call or s.endswith(("！", "!")) or s.startswith(("最后", "总之", "同志们"))
                        or has_form(rules, "closing_last", s)):
        return "closing"
    if strong and (strong == "problem" or section != "problem"):  # a form this plain outweighs the section
        return strong
    if section in ("task", "requirement", "experience", "significance") and has_form(rules, "achievement_strong", s):
        return "achievement"
    if section == "significance" and has_form(rules, "task", s) and not _EQUATES_RE.search(s):
        return "requirement" if has_form(rules, "requirement_strong", s) else "task"
    if has_form(rules, "requirement_strong", s) and section in (None, "task", "requirement"):
        return "requirement"
    if ctx.review and section in (None, "task", "requirement") and not _CALL_RE.search(s) and (
            has_form(rules, "task", s) or has_form(rules, "requirement", s) or has_form(rules, "achievement", s)):
        return "achievement"  # a review reports what was done, in the words of a task (not 要…: a call)
    if section == "task" and has_form(rules, "requirement", s):
        return "requirement"
    if section in ("task", "requirement") and has_form(rules, "definition", s) and not (
            has_form(rules, "task", s) or has_form(rules, "requirement", s)):
        return "significance"  # X是Y, with nothing to do in it, says what a thing is
    if section in ("task", "requirement") and _EQUATES_RE.search(s):
        return "significance"  # 守住“六保”底线，就能稳住经济基本盘: what doing it yields, under a heading of tasks
    if section is not None and _section_holds(rules, section, s):
        return section
    if ctx.review and (has_form(rules, "task", s) or has_form(rules, "achievement", s)):
        return "achievement"
    function = _first_form(rules, s, _WEAK)
    own = _QUOTED_RE.sub("", s)
    if function in ("task", "requirement") and _PAST_RE.search(own) and "了、" not in own:
        return None  # 把田园和村庄建设结合起来了: what was done, in a task's words, tells a story
    if function == "task" and _NOT_TASK_RE.search(s):  # 全面发展和个性发展相辅相成
        return "significance" if _EQUATES_RE.search(s) else None
    return function
