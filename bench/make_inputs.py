"""Generate realistic bench inputs from the seed corpus: varied corpora, a big bank, outlines."""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "phrasebank" / "corpus"
PLACES = ["江苏", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "四川", "贵州", "云南"]
WORDS = ["扎实", "全面", "深入", "持续", "切实", "大力", "积极", "稳步", "加快", "不断"]


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def vary(text: str, i: int) -> str:
    """Each copy differs: places, numbers, adverbs and paragraph order change."""
    rnd = random.Random(i)
    text = text.replace("浙江", PLACES[i % len(PLACES)])
    text = re.sub(r"\d+", lambda m: str((int(m.group(0)) + i) % 997), text)
    text = re.sub("|".join(WORDS), lambda m: rnd.choice(WORDS), text)
    lines = text.split("\n")
    head, body = lines[:3], lines[3:]
    k = rnd.randrange(len(body) or 1)
    return "\n".join(head + body[k:] + body[:k])


def make_corpus(out: Path, size_bytes: int) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    total, i = 0, 0
    seeds = seed_texts()
    while total < size_bytes:
        text = vary(seeds[i % len(seeds)], i)
        data = text.encode("utf-8")
        (out / f"doc{i:05d}.txt").write_bytes(data)
        total += len(data)
        i += 1
    return out


def make_bank(out: Path, n: int) -> Path:
    """A bank of n entries spread over the functions, made from varied seed sentences."""
    out.mkdir(parents=True, exist_ok=True)
    # one line each, as mined entries are (a sentence the web copy broke over lines is joined)
    sentences = [s.replace("\n", "") for t in seed_texts() for s in re.split(r"(?<=[。！？])", t)
                 if 10 <= len(s) <= 120]
    functions = ["opening", "task", "requirement", "closing", "transition", "heading", "experience"]
    by_function: dict[str, list[dict]] = {f: [] for f in functions}
    rnd = random.Random(7)
    for k in range(n):
        f = functions[k % len(functions)]
        text = vary(rnd.choice(sentences).strip(), k)
        by_function[f].append({
            "id": f"{f}.{len(by_function[f]) + 1:06d}", "text": text, "function": f, "kind": "sentence",
            "count": 1 + k % 5, "sources": [f"doc{k % 997:05d}.txt:{1 + k % 40}"],
            "genres": ["speech"], "topics": ["乡村振兴"] if k % 3 == 0 else ["千万工程"],
        })
    for f, entries in by_function.items():
        (out / f"{f}.yaml").write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000),
                                       encoding="utf-8")
    return out


def speech_outline(chars: int = 6000) -> str:
    """A speech outline of about `chars` Chinese characters, in the shape of seed 000."""
    example = (ROOT / "drafts" / "example-speech.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(example)
    text = "".join(re.sub(r"\s", "", str(v)) for v in _texts(data))
    scale = max(1, round(chars / max(1, len(text))))
    if scale > 1:
        data["sections"] = data["sections"] * scale
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _texts(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)
    elif isinstance(value, str):
        yield value


def paragraphs_of(outline_text: str) -> list[str]:
    return [t for t in _texts(yaml.safe_load(outline_text)) if len(t) > 8]


def pick_outline(n: int = 20) -> str:
    lines = ["title: 在全县工作会议上的讲话", "topics: [乡村振兴]", "sections:", "  - heading: 提高政治站位",
             "    paragraphs:"]
    functions = ["task", "requirement", "experience", "transition"]
    for k in range(n - 2):
        lines.append(f"      - pick: {{function: {functions[k % len(functions)]}}}")
    lines += ["opening:", "  - pick: {function: opening}", "closing:", "  - pick: {function: closing}"]
    return "\n".join(lines) + "\n"
