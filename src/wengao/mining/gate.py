"""Would a writer reuse this entry? The last word on a mined entry, after the rules.

The rules catch what has a form (a place outside a slot, an enumerator, a national lever they
list); what is left bad has none a rule can name: a province's own target, a fragment, a sentence
that leans on its paragraph. A small linear model over the entry's characters and form, trained
on blind verdicts the project ships (data/judged.tsv: verdict, function, kind, count, text), puts
a probability on "a writer would not reuse it". Offline, deterministic, some twenty thousand
weights (data/gate.json); `python -m wengao.mining.gate [MORE.tsv …]` retrains them from the
shipped verdicts and a user's own, in the same format.
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
# above this probability of "not reusable" an entry is left out: on blind verdicts of the
# development corpus (which the model never saw) it leaves out one entry in six, over a third of
# the bad
THRESHOLD = 0.5
_SLOT_RE = re.compile(r"\{[^{}]*\}")
_SLOT = "◇"
_ABOUT = "#"  # the weights file's note to its reader: no feature is named so
# never judged: kinds whose form vouches for them (同志们：; a heading template), and the few
# functions a writer picks by a draft's structure (its opening, closing, turns, pledge, quotation),
# where the verdicts are too few to teach the model and every entry is needed
_EXEMPT_KINDS = frozenset({"salutation", "template"})
_EXEMPT_FUNCTIONS = frozenset({"opening", "closing", "transition", "resolution", "quote", "salutation"})


@dataclass(frozen=True)
class Judged:
    """One blind verdict: was this entry, filed so, worth reusing?"""

    good: bool
    function: str
    kind: str
    count: int
    text: str


def features(text: str, function: str, kind: str, count: int) -> list[str]:
    """What the model sees: the function and kind, the length, whether it stands in more than one
    place (`count`: its sources, file:line), slots and clauses, and the characters (one to three
    at a time, with the two at each end)."""
    return list(_features(text, function, kind, count))


def _features(text: str, function: str, kind: str, count: int) -> Iterator[str]:
    """`features` one at a time: scoring an entry sums them without building the list."""
    size = min(len(text) // 10, 12)
    yield from ("bias", "fn=" + function, "kind=" + kind, f"len={size}", f"{kind}:len={size}",
                f"commas={min(text.count('，'), 6)}")
    if count > 1:
        yield "shared"
    if "{" in text:
        yield "slot"
    plain = _SLOT_RE.sub(_SLOT, text)
    for n in (1, 2, 3):
        for i in range(len(plain) - n + 1):
            yield f"{n}:{plain[i:i + n]}"
    yield "^" + plain[:2]
    yield "$" + plain[-2:]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(rows: Iterable[Judged], epochs: int = 3, l2: float = 1e-4, rate: float = 0.1,
          seed: int = 0, min_seen: int = 2) -> dict[str, float]:
    """Logistic regression by AdaGrad, in a fixed order: the same verdicts give the same weights.
    A feature seen in fewer than `min_seen` verdicts is forgotten: it names one entry, not a kind."""
    data = [(features(r.text, r.function, r.kind, r.count), 0.0 if r.good else 1.0) for r in rows]
    seen = Counter(f for feats, _ in data for f in set(feats))
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = random.Random(seed)
    for _ in range(epochs):
        order.shuffle(data)
        for feats, bad in data:
            grad = _sigmoid(sum(weights.get(f, 0.0) for f in feats)) - bad
            for f in feats:
                w = weights.get(f, 0.0)
                g = grad + l2 * w
                squares[f] = squares.get(f, 1e-8) + g * g
                weights[f] = w - rate * g / math.sqrt(squares[f])
    return {f: w for f, w in weights.items() if seen[f] >= min_seen}


class VerdictError(ValueError):
    """A verdict line that cannot be read, located: file:line: what is wrong."""


def read_judged(path: Path | None = None) -> list[Judged]:
    """The verdicts file: one tab-separated line each (good|bad, function, kind, count, text);
    blank lines and # comments are skipped. A line of any other shape is an error, never a guess:
    a verdict misread as "bad" would teach the model the opposite."""
    path = path or DATA / "judged.tsv"
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t", 4)
        verdict = parts[0].strip().lower()
        if len(parts) != 5 or verdict not in ("good", "bad") or not parts[3].strip().isdigit() or not parts[4]:
            raise VerdictError(f"{path}:{n}: 错误: 无法读取这条审读结论（应为 good|bad、功能、类别、出处数、"
                               f"文字，以制表符分隔） / expected good|bad<TAB>function<TAB>kind<TAB>count<TAB>text")
        rows.append(Judged(verdict == "good", parts[1].strip(), parts[2].strip(), int(parts[3]), parts[4]))
    return rows


def rounded(weights: dict[str, float]) -> dict[str, float]:
    """The weights as shipped: rounded to four places, in feature order; those that round to
    nothing are left out."""
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(round(w, 4)) >= 0.001}


def write_weights(weights: dict[str, float], path: Path | None = None) -> int:
    """The `rounded` weights, one a line. JSON, because it loads three times faster than a table
    we would parse, and a mine waits for it."""
    kept = rounded(weights)
    about = {_ABOUT: "feature → weight; retrain with `python -m wengao.mining.gate` (from judged.tsv)"}
    text = json.dumps(about | kept, ensure_ascii=False, indent=0)
    (path or DATA / "gate.json").write_text(text + "\n", encoding="utf-8")
    return len(kept)


@cache
def weights() -> dict[str, float]:
    """The shipped weights (data/gate.json)."""
    table = json.loads((DATA / "gate.json").read_text(encoding="utf-8"))
    table.pop(_ABOUT, None)
    return table


def p_unusable(text: str, function: str, kind: str, count: int,
               table: dict[str, float] | None = None) -> float:
    """The model's probability that a writer would not reuse this entry."""
    get = (weights() if table is None else table).get
    return _sigmoid(sum(get(f, 0.0) for f in _features(text, function, kind, count)))


def unusable(text: str, functions: Sequence[str], kind: str, count: int) -> bool:
    """Left out of the bank: a kind the model judges, no function it leaves alone among those the
    entry serves (the first, its own, is the one judged), and a probability above the threshold."""
    return (kind not in _EXEMPT_KINDS and not _EXEMPT_FUNCTIONS.intersection(functions)
            and p_unusable(text, functions[0], kind, count) > THRESHOLD)


def merged(files: Iterable[Path]) -> list[Judged]:
    """The shipped verdicts and a user's own, one per text: a later file's verdict on the same
    text replaces the earlier one, so a copy of judged.tsv counts once."""
    by_text = {r.text: r for r in read_judged()}
    for path in files:
        for r in read_judged(path):
            by_text.pop(r.text, None)
            by_text[r.text] = r
    return list(by_text.values())


def main(argv: list[str] | None = None) -> int:
    """Retrain data/gate.json from data/judged.tsv and the verdict files named (a user's own)."""
    try:
        rows = merged(Path(name) for name in (sys.argv[1:] if argv is None else argv))
    except (OSError, VerdictError) as e:
        print(e, file=sys.stderr)
        return 1
    n = write_weights(train(rows))
    print(f"gate.json: {n} weights from {len(rows)} verdicts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
