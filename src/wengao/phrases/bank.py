"""Load and save the phrase bank: YAML files of entries, mined ones one file per function.

Every change goes through `store` (locked, all-or-nothing). Hand-written entries (`hand: true`)
stay in the file where the writer keeps them; a mine replaces only mined entries, and only in
the files named after a function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wengao.errors import BankError
from wengao.phrases.functions import FUNCTIONS, resolve_function
from wengao.phrases.store import bank_lock, commit, needs_recovery, recover

__all__ = ["FUNCTIONS", "KEY_ORDER", "add_entry", "bank_files", "dump_entries", "load_bank", "load_file",
           "ordered", "parse_file", "save_mined"]

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
HAND_WRITTEN = "hand-written"  # the source of an entry added by `wengao phrases add` (data, not shown as is)
KEY_ORDER = ("id", "text", "function", "functions", "kind", "level", "expansion", "count", "sources",
             "genres", "topics", "repaired_from", "hand")


def ordered(entry: dict[str, Any]) -> dict[str, Any]:
    out = {k: entry[k] for k in KEY_ORDER if k in entry and entry[k] not in (None, [], "")}
    for k in sorted(entry):
        if k not in out and entry[k] not in (None, [], ""):
            out[k] = entry[k]
    return out


def source_text(source: str) -> str:
    """A source as the user reads it: a file:line as it is, a hand-written entry in words."""
    from wengao.i18n import t

    return t("phrases.hand_written") if source == HAND_WRITTEN else source


def _sort_key(entry: dict[str, Any]) -> tuple:
    eid = str(entry.get("id", ""))
    return (eid.rsplit(".", 1)[0], eid)


def dump_entries(entries: list[dict[str, Any]]) -> str:
    from wengao.phrases.bankyaml import dump

    entries = sorted((ordered(e) for e in entries), key=_sort_key)
    fast = dump(entries)  # the same bytes PyYAML writes, for entries of the shape wengao writes
    if fast is not None:
        return fast
    return yaml.dump(entries, Dumper=_SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=1000,
                     default_flow_style=False)


def entry_functions(entry: dict[str, Any]) -> list[str]:
    """Every function an entry serves: `functions`, else its one `function`."""
    fns = entry.get("functions")
    if isinstance(fns, list) and fns:
        return [str(f) for f in fns]
    return [str(entry.get("function", ""))] if entry.get("function") else []


def bank_files(bank: Path) -> list[Path]:
    return sorted(p for p in bank.glob("*.yaml") if p.is_file() and not p.name.startswith("."))


def load_file(path: Path) -> list[dict[str, Any]]:
    from wengao.i18n import t

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BankError.single(str(path), t("phrases.unreadable", reason=str(exc))) from None
    return parse_file(path, raw)


def parse_file(path: Path, raw: bytes) -> list[dict[str, Any]]:
    """The entries of a bank file whose bytes `raw` were read from `path` (named in errors)."""
    from wengao.i18n import t

    try:
        data = _fast(raw)
        if data is None:  # not in the shape wengao writes: YAML decides (C loader when present)
            data = yaml.load(raw, Loader=_SAFE_LOADER) or []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise BankError.single(str(path), t("phrases.yaml_error", problem=exc.problem),
                               line=mark.line + 1 if mark else 0, col=mark.column + 1 if mark else 0) from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BankError.single(str(path), t("phrases.unreadable", reason=str(exc))) from None
    if not isinstance(data, list):
        raise BankError.single(str(path), t("phrases.not_a_list"))
    out = []
    for i, e in enumerate(data, 1):
        if not isinstance(e, dict) or not e.get("id") or not e.get("text"):
            raise BankError.single(str(path), t("phrases.bad_entry", n=i))
        out.append(e)
    return out


def _fast(raw: bytes) -> list[dict[str, Any]] | None:
    from wengao.phrases.bankyaml import NotSimple, parse

    try:
        return parse(raw.decode("utf-8"))
    except (NotSimple, UnicodeDecodeError):
        return None


def ensure_whole(bank: Path) -> None:
    """A write that was cut short is finished (or undone) before anyone reads."""
    if needs_recovery(bank):
        with bank_lock(bank):
            recover(bank)


def load_bank(bank: Path) -> list[dict[str, Any]]:
    from wengao.i18n import t

    if not bank.is_dir():
        raise BankError.single(str(bank), t("phrases.no_folder"))
    ensure_whole(bank)
    entries: list[dict[str, Any]] = []
    with bank_lock(bank, shared=True):
        for path in bank_files(bank):
            entries.extend(load_file(path))
    return entries


@dataclass
class Saved:
    written: list[Path] = field(default_factory=list)  # files whose content changed
    hand_kept: int = 0
    files: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # every bank file after the write


def save_mined(bank: Path, mined: list[dict[str, Any]]) -> Saved:
    """Replace the mined entries of `bank` with `mined`, keeping hand entries where they are.

    Read, modify and write under the bank's lock, so an entry added meanwhile is kept; a bank
    file that cannot be read stops the write before anything changes.
    """
    from wengao.i18n import t

    if bank.exists() and not bank.is_dir():
        raise BankError.single(str(bank), t("phrases.not_a_folder"))
    bank.mkdir(parents=True, exist_ok=True)
    by_function: dict[str, list[dict[str, Any]]] = {}
    for e in mined:
        by_function.setdefault(str(e["function"]), []).append(e)
    saved = Saved()
    with bank_lock(bank):
        recover(bank)
        current: dict[str, tuple[bytes, list[dict[str, Any]]]] = {}
        for p in bank_files(bank):
            raw = p.read_bytes()
            current[p.name] = (raw, parse_file(p, raw))  # the bytes read once: compared and parsed
        files: dict[str, bytes] = {}
        delete: list[str] = []
        for name, (old, entries) in current.items():
            hand = [e for e in entries if e.get("hand")]
            saved.hand_kept += len(hand)
            stem = name[:-len(".yaml")]
            if stem not in FUNCTIONS:
                saved.files[name] = entries  # a file of the writer's own: never touched
                continue
            new = by_function.pop(stem, []) + hand
            if not new:
                delete.append(name)
                continue
            data = dump_entries(new).encode("utf-8")
            saved.files[name] = new
            if data != old:
                files[name] = data
        for function, items in by_function.items():
            files[f"{function}.yaml"] = dump_entries(items).encode("utf-8")
            saved.files[f"{function}.yaml"] = items
        commit(bank, files, delete)
    saved.written = [bank / n for n in sorted(files)]
    return saved


def add_entry(bank: Path, text: str, function: str, topics: list[str], genres: list[str]) -> dict[str, Any]:
    """Add a hand-written entry to the function's file, under the lock (no id handed out twice)."""
    from wengao.errors import UsageError
    from wengao.i18n import t

    canonical = resolve_function(function)
    assert canonical is not None
    text = text.strip()
    if not text:
        raise UsageError.single("text", t("phrases.empty_phrase"))
    if bank.exists() and not bank.is_dir():
        raise BankError.single(str(bank), t("phrases.not_a_folder"))
    bank.mkdir(parents=True, exist_ok=True)
    name = f"{canonical}.yaml"
    with bank_lock(bank):
        recover(bank)
        taken: set[str] = set()
        mine: list[dict[str, Any]] = []
        for path in bank_files(bank):
            entries = load_file(path)
            taken.update(str(e["id"]) for e in entries)
            if path.name == name:
                mine = entries
        numbers = [int(m.group(1)) for i in taken if (m := re.match(rf"{canonical}\.u(\d+)$", i))]
        n = 1 + max(numbers or [0])
        while f"{canonical}.u{n:04d}" in taken:
            n += 1
        from wengao.text.slots import SLOT_RE

        entry = {"id": f"{canonical}.u{n:04d}", "text": text, "function": canonical,
                 "kind": "template" if SLOT_RE.search(text) else "sentence", "count": 1,
                 "sources": [HAND_WRITTEN], "genres": sorted(genres), "topics": sorted(topics), "hand": True}
        commit(bank, {name: dump_entries([*mine, entry]).encode("utf-8")})
    return entry
