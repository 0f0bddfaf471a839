"""Load and save the phrase bank: one YAML file per function, each a sorted list of entries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from wengao.errors import WengaoError

FUNCTIONS = {
    "opening": "开头", "significance": "意义认识", "achievement": "成绩回顾", "problem": "问题短板",
    "task": "任务部署", "requirement": "要求保障", "experience": "经验启示", "resolution": "表态打算",
    "transition": "过渡", "closing": "结尾号召", "heading": "标题", "parallel": "排比对仗",
    "term": "提法", "quote": "引语金句",
}
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KEY_ORDER = ("id", "text", "function", "kind", "level", "expansion", "count", "sources", "genres",
             "topics", "repaired_from", "hand")


def ordered(entry: dict[str, Any]) -> dict[str, Any]:
    out = {k: entry[k] for k in KEY_ORDER if k in entry and entry[k] not in (None, [], "")}
    for k in sorted(entry):
        if k not in out and entry[k] not in (None, [], ""):
            out[k] = entry[k]
    return out


def _sort_key(entry: dict[str, Any]) -> tuple:
    eid = str(entry.get("id", ""))
    return (eid.rsplit(".", 1)[0], eid)


def dump_entries(entries: list[dict[str, Any]]) -> str:
    entries = sorted((ordered(e) for e in entries), key=_sort_key)
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)


def bank_files(bank: Path) -> list[Path]:
    return sorted(p for p in bank.glob("*.yaml") if p.is_file())


def load_file(path: Path) -> list[dict[str, Any]]:
    try:
        # the C build of PyYAML's safe loader when present: same safety, many times faster
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise WengaoError.single(str(path), f"YAML syntax error: {exc.problem}",
                                 line=mark.line + 1 if mark else 0, col=mark.column + 1 if mark else 0) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise WengaoError.single(str(path), f"cannot read the phrase bank file: {exc}") from None
    if not isinstance(data, list):
        raise WengaoError.single(str(path), "a phrase bank file is a YAML list of entries")
    out = []
    for i, e in enumerate(data, 1):
        if not isinstance(e, dict) or not e.get("id") or not e.get("text"):
            raise WengaoError.single(str(path), f"entry {i} needs at least 'id' and 'text'")
        out.append(e)
    return out


def load_bank(bank: Path) -> list[dict[str, Any]]:
    if not bank.is_dir():
        raise WengaoError.single(str(bank), "phrase bank folder not found")
    entries: list[dict[str, Any]] = []
    for path in bank_files(bank):
        entries.extend(load_file(path))
    return entries


def write_bank(bank: Path, entries: list[dict[str, Any]]) -> list[Path]:
    """Write one file per function (atomically); files of functions with no entries are removed."""
    from wengao.fileio import atomic_write

    bank.mkdir(parents=True, exist_ok=True)
    by_function: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        by_function.setdefault(str(e.get("function", "misc")), []).append(e)
    written = []
    for function, items in sorted(by_function.items()):
        path = bank / f"{function}.yaml"
        atomic_write(path, dump_entries(items).encode("utf-8"), force=True)
        written.append(path)
    for stale in bank_files(bank):
        if stale not in written and stale.stem in FUNCTIONS:
            stale.unlink()
    return written
