"""How well `wengao check` finds mistakes in real documents, and how quiet it is on clean ones.

    python bench/eval_check.py [--corpus ../shared/corpus-dev] [--per-doc 3] [--seeds 1 2 3] [-v]

1. False alarms: every document of the corpus is checked untouched; findings per 10,000
   characters (published texts are mostly clean, so nearly every finding there is a false alarm
   or a slip of the original).
2. Recall per kind: each kind of mistake is injected at known lines of copies of the same
   documents (in a temporary folder, never in the repository); a kind is found when a finding
   of its rule sits on the line it was put in. Lines where the untouched document already has a
   finding of that rule are not used.
3. Speed: `wengao check` end to end on a 30,000-character .txt and .docx, and with --against a
   30,000-character file.

Targets (issue 13): every kind ≥ 90% found on its line; ≤ 3 findings per 10,000 characters on
clean text; ≤ 1 s for 30,000 characters, ≤ 2 s with --against.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VERBOSE = False
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Doc:
    path: Path
    lines: dict[int, str]  # pos → text, as the reader gives them
    body: list[int]  # positions of running text (paragraphs, points, closings)
    headings: list[int]  # positions of numbered headings the gold outline confirms
    chars: int


def load(path: Path, corpus: Path) -> Doc:
    from wengao.check.source import load_source
    from wengao.document.numbering import parse_number
    from wengao.reading import read_raw

    raw = read_raw(path)
    src = load_source(path)
    lines = {p.pos: p.text for p in raw.paras if p.rows is None}
    body = sorted({u.line for u in src.units if u.body_from == 0 and u.cell is None
                   and len(HAN.findall(u.text)) >= 20})
    gold_path = corpus / "gold" / (path.stem + ".yaml")
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
    texts = [h[1] for h in gold.get("headings") or []]
    for part in gold.get("parts") or []:
        texts += [h[1] for h in part.get("headings") or []]
    wanted = {re.sub(r"\s", "", t) for t in texts}
    headings = []
    for pos, text in lines.items():
        n = parse_number(text)
        if n is None or n.scheme.name not in ("CN", "PAREN_CN", "ARABIC", "ARABIC_DUN", "PAREN_ARABIC"):
            continue
        rest = re.sub(r"\s", "", n.rest)
        if any(w and rest.startswith(w[:8]) for w in wanted):
            headings.append(pos)
    return Doc(path, lines, body, headings, raw.chars)


# -- injections: (doc, rng) → {pos: new text} or None; the expected rule family -------------------

def _han_pair_positions(text: str) -> list[int]:
    return [i for i in range(1, len(text)) if HAN.match(text[i - 1]) and HAN.match(text[i])]


def _pick(rng: random.Random, doc: Doc, ok: Callable[[str], bool], n: int) -> list[int]:
    cands = [p for p in doc.body if ok(doc.lines[p])]
    rng.shuffle(cands)
    chosen: list[int] = []
    for p in cands:
        if all(abs(p - q) > 1 for q in chosen):
            chosen.append(p)
        if len(chosen) == n:
            break
    return chosen


def each_line(make: Callable[[str, random.Random], str | None], ok: Callable[[str], bool] = lambda t: True):
    def inject(doc: Doc, rng: random.Random, n: int) -> dict[int, str]:
        out = {}
        for p in _pick(rng, doc, ok, n * 3):
            new = make(doc.lines[p], rng)
            if new is not None and new != doc.lines[p]:
                out[p] = new
            if len(out) == n:
                break
        return out
    return inject


def _insert_between_han(text: str, rng: random.Random, what: str) -> str | None:
    spots = _han_pair_positions(text)
    if not spots:
        return None
    i = rng.choice(spots[len(spots) // 4: 3 * len(spots) // 4] or spots)
    return text[:i] + what + text[i:]


def _replace_one(text: str, rng: random.Random, pattern: str, repl: Callable[[re.Match], str]) -> str | None:
    ms = list(re.finditer(pattern, text))
    if not ms:
        return None
    m = rng.choice(ms)
    return text[:m.start()] + repl(m) + text[m.end():]


PLACEHOLDERS = ["XX", "×××", "【待补充】", "X月X日", "某某", "○○", "（此处插入数据）", "XXX"]
WORDS = ["部署", "贯彻", "作为", "作用", "作风", "坚持不懈", "与时俱进", "一以贯之", "因地制宜", "已经", "自己",
         "账户", "部分", "成分", "候选人", "时候", "给予", "赋予", "瞩目", "彰显", "蓬勃", "脱颖而出", "迫在眉睫"]


def placeholder(text: str, rng: random.Random) -> str | None:
    return _insert_between_han(text, rng, rng.choice(PLACEHOLDERS))


def halfwidth(text: str, rng: random.Random) -> str | None:
    full = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!"}
    return _replace_one(text, rng, r"(?<=[\u4e00-\u9fff])[，：；？！](?=[\u4e00-\u9fff“])", lambda m: full[m.group()])


def unpaired(text: str, rng: random.Random) -> str | None:
    return _replace_one(text, rng, r"”|）|》", lambda m: "")


def doubled(text: str, rng: random.Random) -> str | None:
    return _replace_one(text, rng, r"(?<=[\u4e00-\u9fff])[，。、；]", lambda m: m.group() * 2)


def dash(text: str, rng: random.Random) -> str | None:
    form = rng.choice(["--", "—", "－－", "---"])
    if "——" in text:
        return _replace_one(text, rng, "——", lambda m: form)
    return _replace_one(text, rng, r"(?<=[\u4e00-\u9fff]{6})，(?=[\u4e00-\u9fff]{6})", lambda m: form)


def ellipsis(text: str, rng: random.Random) -> str | None:
    form = rng.choice(["...", "。。。", "…", "......"])
    if "……" in text:
        return _replace_one(text, rng, "……", lambda m: form)
    return _replace_one(text, rng, r"(?<=[\u4e00-\u9fff])。", lambda m: form + "。")


def blank(text: str, rng: random.Random) -> str | None:
    return _insert_between_han(text, rng, rng.choice([" ", "\u3000", "  "]))


def date_zero(text: str, rng: random.Random) -> str | None:
    hit = _replace_one(text, rng, r"(?<!\d)(\d{4}年)?([1-9])月(?:([1-9])日)?",
                       lambda m: (m.group(1) or "") + f"0{m.group(2)}月" + (f"0{m.group(3)}日" if m.group(3) else ""))
    return hit or _replace_one(text, rng, r"(?<=[\u4e00-\u9fff])，", lambda m: "，2023年06月08日")


def year_short(text: str, rng: random.Random) -> str | None:
    hit = _replace_one(text, rng, r"(?<!\d)20(\d\d)年(?=\d{1,2}月)", lambda m: f"{m.group(1)}年")
    return hit or _replace_one(text, rng, r"(?<=[\u4e00-\u9fff])，", lambda m: "，23年5月")


def wrong_word(text: str, rng: random.Random) -> str | None:
    from wengao.check.rules.wording import builtin_pairs

    rights = {}
    for p in builtin_pairs():
        if not p.before and not p.after and p.right in text:
            rights.setdefault(p.right, p.wrong)
    if rights:
        right = rng.choice(sorted(rights))
        return text.replace(right, rights[right], 1)
    plain = {p.right: p.wrong for p in builtin_pairs() if not p.before and not p.after}
    word = rng.choice([w for w in WORDS if w in plain])
    return _insert_between_han(text, rng, f"，{plain[word]}，")


def synonym_swap(text: str, rng: random.Random) -> str | None:
    """The miner's corruption table backwards: a right word, in a context its rule names, swapped."""
    from wengao.check.rules.wording import miner_pairs

    spots = []
    for p in miner_pairs():
        if p.if_seen:
            continue
        for m in re.finditer(re.escape(p.right), text):
            s, e = m.span()
            ok = not (p.before or p.after) or any(text.endswith(b, 0, s) for b in p.before) \
                or any(text.startswith(a, e) for a in p.after)
            if ok:
                spots.append((s, e, p.wrong))
    if not spots:
        return None
    s, e, wrong = rng.choice(spots)
    return text[:s] + wrong + text[e:]


def jiezhi(text: str, rng: random.Random) -> str | None:
    if "截至" in text:
        return _replace_one(text, rng, r"截至(?=\d|目前|今年|去年)", lambda m: "截止")
    return "截止2023年底，" + text.lstrip(" \u3000")


def formulation(text: str, rng: random.Random) -> str | None:
    """A canonical formulation of the text with a character changed (anywhere after the first),
    a two-character word dropped, or two neighbouring words swapped."""
    from wengao.check.rules.wording import Formulations, _data

    book = Formulations(_data("formulations.yaml"))
    present = [f for f in book.fuzzy if f.text in text and len(f.norm) >= 6]
    if not present:
        return None
    f = rng.choice(present)
    t = f.text
    spots = [i for i in range(1, len(t)) if HAN.match(t[i])]
    how = rng.choice(["change", "drop", "swap"]) if len(f.norm) >= 8 else "change"
    if how == "change":
        i = rng.choice(spots)
        changed = t[:i] + rng.choice([c for c in "展进推动化建设发强面实" if c != t[i]]) + t[i + 1:]
    elif how == "drop":
        i = rng.choice([i for i in spots if i + 2 < len(t) and HAN.match(t[i + 1])] or spots)
        changed = t[:i] + t[i + 2:]
    else:
        i = rng.choice([i for i in spots if i + 4 <= len(t) - 1 and all(HAN.match(c) for c in t[i:i + 4])] or [1])
        changed = t[:i] + t[i + 2:i + 4] + t[i:i + 2] + t[i + 4:]
    return text.replace(t, changed, 1)


def repeat_inside(doc: Doc, rng: random.Random, n: int) -> dict[int, str]:
    from wengao.check.rules.base import sentences as split

    sentences = []
    for p in doc.body:
        text = doc.lines[p]
        for a, b in split(text):
            s = text[a:b].strip(" \u3000")
            if 15 <= len(HAN.findall(s)) <= 120 and s[-1] in "。！？":
                sentences.append((p, s))
    out = {}
    targets = _pick(rng, doc, lambda t: True, n)
    for p in targets:
        others = [s for q, s in sentences if q != p and s not in doc.lines[p]]
        if others:  # a sentence copied in front of the paragraph's own text
            text = doc.lines[p]
            indent = len(text) - len(text.lstrip(" \u3000"))
            out[p] = text[:indent] + rng.choice(others) + text[indent:]
    return out


def numbering(kind: str):
    def inject(doc: Doc, rng: random.Random, n: int) -> dict[int, str]:
        from wengao.document.numbering import chinese_number, parse_number

        cands = list(doc.headings)
        rng.shuffle(cands)
        for p in cands:
            num = parse_number(doc.lines[p])
            if num is None or (kind == "repeat" and num.value < 2):
                continue
            value = num.value + (1 if kind == "gap" else -1)
            m = re.search(r"\d+|[一二三四五六七八九十]+", num.marker)
            new = str(value) if m.group().isdigit() else chinese_number(value)
            marker = num.marker[:m.start()] + new + num.marker[m.end():]
            text = doc.lines[p]
            at = text.index(num.marker)
            return {p: text[:at] + marker + text[at + len(num.marker):]}
        return {}
    return inject


def nesting(doc: Doc, rng: random.Random, n: int) -> dict[int, str]:
    """A section's first （一） printed as 1. while its （二） follows: the levels out of order."""
    from wengao.document.numbering import parse_number

    heads = [(p, parse_number(doc.lines[p])) for p in doc.headings]
    cands = []
    for i, (p, num) in enumerate(heads):
        if num is None or num.scheme.name != "PAREN_CN" or num.value != 1:
            continue
        for _, other in heads[i + 1:]:
            if other is not None and other.scheme.name == "CN":
                break
            if other is not None and other.scheme.name == "PAREN_CN" and other.value == 2:
                cands.append((p, num))
                break
    if not cands:
        return {}
    p, num = rng.choice(cands)
    return {p: doc.lines[p].replace(num.marker, "1.", 1)}


def heading_period(doc: Doc, rng: random.Random, n: int) -> dict[int, str]:
    own = [p for p in doc.headings if "。" not in doc.lines[p] and len(doc.lines[p].strip()) < 40
           and HAN.match(doc.lines[p].strip()[-1])]
    if len(own) < 3:
        return {}
    p = rng.choice(own)
    return {p: doc.lines[p].rstrip() + "。"}


def mixed_marks(doc: Doc, rng: random.Random, n: int) -> dict[int, str]:
    from wengao.document.numbering import parse_number

    groups = defaultdict(list)
    for p in doc.headings:
        num = parse_number(doc.lines[p])
        if num is not None and num.scheme.name in ("CN", "ARABIC", "ARABIC_DUN"):
            groups[num.marker.strip()[-1]].append((p, num))
    usable = [g for g in groups.values() if len(g) >= 3]
    if not usable:
        return {}
    p, num = rng.choice(rng.choice(usable))
    swap = {"、": "．", ".": "、", "．": "、"}
    mark = num.marker.strip()
    new = mark[:-1] + swap.get(mark[-1], "、")
    text = doc.lines[p]
    return {p: text.replace(mark, new, 1)}


def points(doc: Doc, rng: random.Random, n: int) -> dict[int, str]:
    cands = [p for p in doc.lines if re.search(r"(?<!第)二[是要]", doc.lines[p])
             and any(re.search(r"三[是要]", doc.lines.get(q, "")) for q in range(p, p + 4))]
    if not cands:
        return {}
    p = rng.choice(cands)
    return {p: re.sub(r"(?<!第)二([是要])", r"三\1", doc.lines[p], count=1)}


def year_style(doc: Doc, rng: random.Random, n: int) -> dict[int, str]:
    years = Counter(y for p in doc.body for y in re.findall(r"(?<!\d)(20\d\d)年", doc.lines[p]))
    common = [y for y, k in years.items() if k >= 3]
    if not common:
        return {}
    y = rng.choice(common)
    p = rng.choice([p for p in doc.body if f"{y}年" in doc.lines[p]])
    cn = "".join("〇一二三四五六七八九"[int(d)] for d in y)
    return {p: doc.lines[p].replace(f"{y}年", f"{cn}年", 1)}


KINDS: dict[str, tuple[str, Callable]] = {
    "placeholder": ("placeholder", each_line(placeholder)),
    "numbering gap": ("numbering.sequence", numbering("gap")),
    "numbering repeat": ("numbering.sequence", numbering("repeat")),
    "mixed marks": ("numbering.mixed", mixed_marks),
    "wrong nesting": ("numbering.nesting", nesting),
    "一是…三是": ("numbering.points", points),
    "heading 。": ("numbering.period", heading_period),
    "half-width mark": ("punct.halfwidth", each_line(halfwidth)),
    "unpaired mark": ("punct.unpaired", each_line(unpaired)),
    "doubled mark": ("punct.doubled", each_line(doubled)),
    "dash": ("punct.dash", each_line(dash)),
    "ellipsis": ("punct.ellipsis", each_line(ellipsis)),
    "blank": ("punct.blank", each_line(blank)),
    "date zero": ("number.date-zero", each_line(date_zero)),
    "short year": ("number.year-short", each_line(year_short)),
    "year two ways": ("number.year-style", year_style),
    "wrong word": ("wording.pair", each_line(wrong_word)),
    "截止 before a date": ("wording.jiezhi", each_line(jiezhi)),
    "synonym swap": ("wording", each_line(synonym_swap)),  # the general table may have it too
    "formulation": ("wording.formulation", each_line(formulation)),
    "repeated sentence": ("repeat.inside", repeat_inside),
}


# -- running ----------------------------------------------------------------------------------------

def _is(rule: str, wanted: str) -> bool:
    """A finding of the wanted rule (or of any rule of a wanted family)."""
    return rule == wanted or rule.startswith(wanted + ".")


def _long_sentence(text: str) -> str | None:
    """The first sentence of a paragraph with 15 Han characters or more."""
    from wengao.check.rules.base import sentences

    for a, b in sentences(text):
        if len(HAN.findall(text[a:b])) >= 15:
            return text[a:b].strip(" \u3000")
    return None


def _diff(old: str, new: str) -> str:
    """The changed stretch of a line, with a little context: …before[old→new]after…"""
    a = 0
    while a < min(len(old), len(new)) and old[a] == new[a]:
        a += 1
    b = 0
    while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    return f"…{old[max(0, a - 12):a]}[{old[a:len(old) - b]}→{new[a:len(new) - b]}]{old[len(old) - b:][:12]}…"


def write_copy(doc: Doc, changes: dict[int, str], folder: Path) -> Path:
    target = folder / doc.path.name
    if doc.path.suffix.lower() != ".docx":
        from wengao.text.encoding import decode_bytes

        text, _ = decode_bytes(doc.path.read_bytes())
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for pos, new in changes.items():
            lines[pos - 1] = new
        target.write_text("\n".join(lines), encoding="utf-8")
        return target
    import docx

    d = docx.Document(str(doc.path))
    for pos, new in changes.items():
        old = doc.lines[pos]
        for p in d.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
            from docx.text.paragraph import Paragraph

            para = Paragraph(p, d._body)
            if para.text == old:
                runs = para.runs
                if runs:
                    runs[0].text = new
                    for r in runs[1:]:
                        r.text = ""
                break
    d.save(str(target))
    return target


def findings(path: Path, **kw):
    from wengao.check import run_check

    run = run_check([path], **kw)
    r = run.results[0]
    if r.error is not None:
        raise SystemExit(f"{path}: {r.error}")
    return [(f.rule, f.position[0]) for f in r.findings]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-dev")
    ap.add_argument("--per-doc", type=int, default=3, help="mistakes of one kind per document")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3],
                    help="random seeds; the counts of all runs are added up")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true", help="show each injected mistake that was missed")
    args = ap.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: nothing to measure")
        return
    files = sorted(args.corpus.glob("txt/*.txt")) + sorted(args.corpus.glob("docx/*.docx"))
    docs = [load(f, args.corpus) for f in files]
    empty = Path(tempfile.mkdtemp(prefix="wengao-eval-bank-"))  # no bank quotes: FA of the rules alone

    print("== false alarms on the untouched documents")
    clean: dict[Path, list] = {}
    per_rule: Counter[str] = Counter()
    for d in docs:
        clean[d.path] = findings(d.path)
        per_rule.update(r for r, _ in clean[d.path])
    chars = sum(d.chars for d in docs)
    total = sum(len(v) for v in clean.values())
    print(f"{len(docs)} documents, {chars} characters, {total} findings = "
          f"{total / chars * 10000:.2f} per 10,000 characters (target ≤ 3)")
    for rule, k in per_rule.most_common():
        print(f"  {rule}: {k}")

    print(f"\n== recall per kind (found on its line; seeds {' '.join(map(str, args.seeds))})")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rules: dict[str, str] = {}
    work = Path(tempfile.mkdtemp(prefix="wengao-eval-"))
    try:
        for seed in args.seeds:
            rng = random.Random(seed)
            for kind, (rule, inject) in KINDS.items():
                rules[kind] = rule
                for d in docs:
                    before = {line for r, line in clean[d.path] if _is(r, rule)}
                    changes = inject(d, rng, args.per_doc)
                    changes = {p: t for p, t in changes.items() if p not in before}
                    if not changes:
                        continue
                    folder = Path(tempfile.mkdtemp(dir=work))
                    got = {line for r, line in findings(write_copy(d, changes, folder), bank=empty) if _is(r, rule)}
                    totals[kind][1] += len(changes)
                    totals[kind][0] += sum(1 for p in changes if p in got)
                    if VERBOSE:
                        for p in changes:
                            if p not in got:
                                print(f"    missed {kind}: {d.path.name}:{p}: {_diff(d.lines[p], changes[p])}")
            # sentences taken over: the against file holds some sentences of each document
            rules["taken over (--against)"] = "repeat.against"
            for d in docs:
                lines = _pick(rng, d, lambda t: _long_sentence(t) is not None, args.per_doc)
                if not lines:
                    continue
                folder = Path(tempfile.mkdtemp(dir=work))
                other = folder / "去年.txt"
                other.write_text("\n".join(_long_sentence(d.lines[p]) for p in lines), encoding="utf-8")
                got = {line for r, line in findings(d.path, against=other, bank=empty) if r == "repeat.against"}
                totals["taken over (--against)"][1] += len(lines)
                totals["taken over (--against)"][0] += sum(1 for p in lines if p in got)
                if VERBOSE:
                    for p in lines:
                        if p not in got:
                            print(f"    missed taken over: {d.path.name}:{p}: {d.lines[p][:60]}")
            # misquotes: the bank holds a quotation of the document, the copy misquotes it
            rules["misquote"] = "quote.misquote"
            for d in docs:
                quotes = [(p, m.group(1)) for p in d.body for m in re.finditer(r"“([^“”]{8,40})”", d.lines[p])
                          if len(HAN.findall(m.group(1))) >= 8]
                if not quotes:
                    continue
                p, q = rng.choice(quotes)
                folder = Path(tempfile.mkdtemp(dir=work))
                (folder / "bank").mkdir(parents=True)
                (folder / "bank" / "quote.yaml").write_text(yaml.safe_dump(
                    [{"id": "quote.0001", "text": q, "function": "quote", "sources": ["x.txt:1"]}],
                    allow_unicode=True), encoding="utf-8")
                i = rng.choice([i for i in range(1, len(q) - 1) if HAN.match(q[i])])
                wrong = q[:i] + ("之" if q[i] != "之" else "的") + q[i + 1:]
                copy = write_copy(d, {p: d.lines[p].replace(q, wrong, 1)}, folder)
                got = {line for r, line in findings(copy, bank=folder / "bank") if r == "quote.misquote"}
                totals["misquote"][1] += 1
                totals["misquote"][0] += p in got
    finally:
        shutil.rmtree(work, ignore_errors=True)
    worst = 1.0
    for kind, (hit, tried) in totals.items():
        rate = hit / tried if tried else float("nan")
        if tried:
            worst = min(worst, rate)
        print(f"  {kind:22} {rules[kind]:20} {hit:4}/{tried:<4} = {rate:.0%}")
    print(f"lowest recall: {worst:.0%} (target ≥ 90%)")
    annotation(docs, args.corpus, args.seeds[0])
    if not args.no_speed:
        speed(docs)
    shutil.rmtree(empty, ignore_errors=True)


def annotation(docs: list[Doc], corpus: Path, seed: int) -> None:
    """--annotate on the .docx documents with mistakes injected: does each comment sit exactly on
    the characters its finding names?"""
    from wengao.check import run_check
    from wengao.docx.inspect import comment_anchors

    rng = random.Random(seed)
    exact = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            if d.path.suffix.lower() != ".docx":
                continue
            changes: dict[int, str] = {}
            for kind in ("placeholder", "half-width mark", "wrong word", "blank", "dash"):
                changes.update(KINDS[kind][1](d, rng, 4))
            src = write_copy(d, changes, Path(tmp))
            out = Path(tmp) / f"{d.path.stem}-校对.docx"
            run = run_check([src], annotate=out, force=True)
            anchored = comment_anchors(out)
            flagged = [f.text for f in run.results[0].findings]
            total += len(flagged)
            exact += sum(a == b for a, b in zip(flagged, anchored.values(), strict=False))
    print(f"\n== --annotate on the .docx documents: {exact}/{total} comments sit exactly on the flagged characters")


def speed(docs: list[Doc]) -> None:
    """End to end, in a fresh process, on 30,000 characters of running text."""
    print("\n== speed (end to end, fresh process)")
    paras = [d.lines[p] for d in docs for p in d.body]
    half = len(paras) // 2

    def take(items: list[str]) -> list[str]:
        out, n = [], 0
        for t in items:
            out.append(t)
            n += len(t)
            if n >= 30000:
                break
        return out

    a, b = take(paras[:half]), take(paras[half:])
    with tempfile.TemporaryDirectory() as tmp:
        ta, tb = Path(tmp) / "a.txt", Path(tmp) / "b.txt"
        ta.write_text("\n".join(a), encoding="utf-8")
        tb.write_text("\n".join(b), encoding="utf-8")
        import docx

        d = docx.Document()
        for t in a:
            d.add_paragraph(t)
        da = Path(tmp) / "a.docx"
        d.save(str(da))
        cmd = [sys.executable, "-m", "wengao", "check"]
        for label, extra, target in (("30,000-character .txt", [str(ta)], 1.0),
                                     ("30,000-character .docx", [str(da)], 1.0),
                                     ("--against a 30,000-character file", [str(ta), "--against", str(tb)], 2.0)):
            times = []
            for _ in range(3):
                t = time.perf_counter()
                subprocess.run(cmd + extra, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times.append(time.perf_counter() - t)
            best = sorted(times)[1]
            print(f"  {label}: {best:.2f} s (median of 3; target ≤ {target:.0f} s)")


if __name__ == "__main__":
    main()
