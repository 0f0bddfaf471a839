"""How well the miner files sentences: mine the labelled development corpus into a temporary
bank and score it with the shared scorer (function accuracy, non-reusable intake, recall).

    python bench/eval_mining.py                  # ../shared/corpus-dev, both runs
    python bench/eval_mining.py --wrong          # also list the misfiled and leaked sentences

Two runs, as the corpus README advises: every file, and every file but docx/02 (the same words
as txt/01, which would otherwise count twice towards recall). The yardstick is
../shared/tools/score_labels.py; this script only runs it (and, with --wrong, explains it).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def mine(inputs: list[Path], bank: Path) -> None:
    from wengao.mining.pipeline import mine as run

    run(inputs, bank)


def score(bank: Path, labels: Path, name: str) -> str:
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_labels.py"), str(bank), str(labels), name],
                         capture_output=True, text=True)
    return out.stdout.strip()


def explain(bank: Path, labels: Path) -> None:
    """Which labelled sentences the bank files wrongly or should not hold (same matching as the scorer)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_labels", SHARED / "tools" / "score_labels.py")
    sl = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sl)  # type: ignore[union-attr]
    import difflib
    import re

    import yaml

    entries = [e for e in sl.load_bank(str(bank)) if e.get("function") not in ("heading", "term", "parallel")]
    ek = []
    for e in entries:
        parts = [sl.key(p) for p in re.split(r"\{[^}]*\}", str(e["text"]))]
        ek.append((e, parts, "".join(parts)))
    for lab in yaml.safe_load(labels.read_text(encoding="utf-8")):
        s = sl.key(lab["text"])
        if len(s) < 8:
            continue
        best = None
        for e, parts, flat in ek:
            if not flat:
                continue
            if all(p in s for p in parts if len(p) >= 2) and len(flat) >= 0.6 * min(len(s), 60) or s[:40] in flat:
                best = e
                break
            if abs(len(flat) - len(s)) < 30 and difflib.SequenceMatcher(None, s[:60], flat[:60]).ratio() >= 0.85:
                best = e
                break
        re_ok = bool(lab.get("reusable")) and lab.get("function") != "none"
        if best is None:
            if re_ok:
                print(f"  missed   {lab['function']:<12} {lab['text'][:60]}")
            continue
        fns = best.get("functions") or [best.get("function")]
        if not re_ok:
            print(f"  leaked   {lab['function']:<12} {best['id']:<18} {best['text'][:60]}")
        elif lab["function"] not in fns:
            print(f"  misfiled {lab['function']:<12} as {'/'.join(fns):<14} {best['text'][:60]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus-dev")
    ap.add_argument("--wrong", action="store_true", help="list misfiled, leaked and missed sentences")
    args = ap.parse_args()
    labels = args.corpus / "labels" / "sentences.yaml"
    if not labels.exists():
        sys.exit(f"no labelled corpus at {args.corpus}")
    txt, docx = sorted((args.corpus / "txt").glob("*.txt")), sorted((args.corpus / "docx").glob("*.docx"))
    runs = {"all files": txt + docx, "without docx/02 (= txt/01)": txt + [d for d in docx if not d.name.startswith("02_")]}
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, files) in enumerate(runs.items()):
            bank = Path(tmp) / f"bank{k}"
            mine(files, bank)
            print(f"{name}: {score(bank, labels, 'dev')}")
            if args.wrong and k == 0:
                explain(bank, labels)


if __name__ == "__main__":
    main()
