"""What the `wengao phrases` commands do, apart from parsing arguments and printing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from wengao.errors import EXIT_USAGE, WengaoError
from wengao.phrases.index import BankIndex, Hit

BOLD, RESET = "\x1b[1;31m", "\x1b[0m"


def format_hit(hit: Hit, query: str = "", color: bool = False) -> str:
    text = hit.text
    if color and query:
        text = text.replace(query, f"{BOLD}{query}{RESET}")
    return f"{hit.id:<18} {hit.function:<12} {text}  [{hit.source}]"


def as_json(hits: list[Hit]) -> str:
    return json.dumps([h.entry for h in hits], ensure_ascii=False, indent=2)


def show(hit: Hit) -> str:
    from wengao.phrases.bank import FUNCTIONS, ordered

    e = ordered(hit.entry)
    lines = [f"{k}: {v if not isinstance(v, list) else ', '.join(map(str, v))}" for k, v in e.items()]
    label = FUNCTIONS.get(str(e.get("function")), "")
    return "\n".join(lines) + (f"\n(function label: {label})" if label else "")


def add(bank: Path, text: str, function: str, topics: list[str], genres: list[str]) -> dict[str, Any]:
    """Append a hand-written entry to the function's file (which keeps its other entries)."""
    from wengao.fileio import atomic_write
    from wengao.phrases.bank import FUNCTIONS, dump_entries, load_file

    if function not in FUNCTIONS:
        raise WengaoError.single(function, "unknown function",
                                 hint="one of: " + ", ".join(FUNCTIONS), exit_code=EXIT_USAGE)
    text = text.strip()
    if not text:
        raise WengaoError.single("text", "the phrase is empty", exit_code=EXIT_USAGE)
    bank.mkdir(parents=True, exist_ok=True)
    path = bank / f"{function}.yaml"
    entries = load_file(path) if path.exists() else []
    taken = {str(e["id"]) for e in entries}
    n = 1 + max([int(m.group(1)) for i in taken if (m := re.match(rf"{function}\.u(\d+)$", i))] or [0])
    while f"{function}.u{n:04d}" in taken:
        n += 1
    entry = {"id": f"{function}.u{n:04d}", "text": text, "function": function,
             "kind": "template" if "{" in text else "sentence", "count": 1, "sources": ["hand-written"],
             "genres": sorted(genres), "topics": sorted(topics), "hand": True}
    atomic_write(path, dump_entries([*entries, entry]).encode("utf-8"), force=True)
    return entry


def open_index(bank: Path | None) -> BankIndex:
    from wengao.workspace import default_bank

    path = bank or default_bank()
    if not path.is_dir() or not any(path.glob("*.yaml")):
        raise WengaoError.single(str(path), "no phrase bank here (no *.yaml files)",
                                 hint="mine one with `wengao mine FILES -o DIR`, or pass --bank DIR")
    return BankIndex(path)
