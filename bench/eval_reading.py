"""How well wengao reads documents it has never seen: the development corpus, scored.

    python bench/eval_reading.py [CORPUS] [-v]       (CORPUS defaults to ../shared/corpus-dev)

Per document and in total: headings found at the gold level (precision, recall, F1 — with the
same matching as ../shared/tools/score_extract.py, and with compilation parts paired in order,
which the yardstick cannot do when parts share a title), front-matter fields right, genre right,
text conserved (every Chinese character of the cleaned document is in the outline, in order),
and the round trip extract → build → extract giving the same outline. The corpus is read where
it lies; nothing of it is copied.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus-dev"


def _scorer(corpus: Path):
    """The yardstick's own functions (score_extract.py beside the corpus), so figures agree."""
    path = corpus.parent / "tools" / "score_extract.py"
    spec = importlib.util.spec_from_file_location("score_extract", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _han(text: str) -> str:
    return "".join(c for c in text if "\u4e00" <= c <= "\u9fff")


def conserved(doc, outline: dict, texts) -> tuple[bool, str]:
    """Every non-noise block's Chinese characters appear in the outline's text, in order."""
    from wengao.document.numbering import parse_point
    from wengao.reading.model import BlockKind

    flat = _han("".join(texts(outline)) + "".join(str(v) for k, v in outline.items() if isinstance(v, str)))
    at = 0
    fields = (BlockKind.NOISE, BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.AUTHOR, BlockKind.DATE,
              BlockKind.SOURCE, BlockKind.SALUTATION)
    for b in doc.blocks:
        if b.kind in fields:
            continue
        for piece in (b.text, b.body):
            point = parse_point(piece)
            h = _han(point.rest if point else piece)
            if not h:
                continue
            found = flat.find(h[:12], max(0, at - 400))
            if found < 0:
                found = flat.find(h[:12])
            if found < 0:
                return False, piece[:30]
            at = found
    return True, ""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--no-roundtrip", action="store_true")
    a = ap.parse_args()
    corpus = Path(a.corpus)
    if not (corpus / "gold").is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    sc = _scorer(corpus)
    from wengao.build import BuildOptions, build_file
    from wengao.extract import dump, extract, outline_texts
    from wengao.reading import read_document

    found = gold_n = given = 0
    HP = GP = OP = 0  # parts paired in order
    fr_ok = fr_n = ge_ok = ge_n = cons_ok = rt_ok = rt_n = 0
    work = Path(tempfile.mkdtemp(prefix="wengao-eval-"))
    for gold_path in sorted((corpus / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        path = corpus / gold["file"]
        try:
            result = extract(path)
        except Exception as exc:  # noqa: BLE001 - a failure is a figure here
            print(f"{gold_path.stem}: FAILED {type(exc).__name__}: {exc}")
            continue
        out = result.outline
        doc = read_document(path)
        ge_n += 1
        gok = sc.genre_ok(gold, out)
        ge_ok += gok
        notes = []
        if gold.get("genre") == "compilation":
            parts = out.get("parts") or []
            gparts = gold.get("parts") or []
            hh = gg = oo = 0
            for gp in gparts:
                best = max(parts, key=lambda p: sc.difflib.SequenceMatcher(
                    None, sc.clean(gp.get("title")), sc.clean(p.get("title"))).ratio(), default=None)
                fr = sc.front(gp, best or {})
                fr_ok += sum(fr.values())
                fr_n += len(fr)
                notes += [f"part {gp.get('title', '')[:8]}: wrong {k}" for k, v in fr.items() if not v]
                h, g, o, _ = sc.match_headings(gp.get("headings") or [], sc.flat((best or {}).get("sections")))
                hh, gg, oo = hh + h, gg + g, oo + o
            ph = pg = po = 0
            for k, gp in enumerate(gparts):
                mine = parts[k] if k < len(parts) else {}
                h, g, o, _ = sc.match_headings(gp.get("headings") or [], sc.flat(mine.get("sections")))
                ph, pg, po = ph + h, pg + g, po + o
            po += sum(len(sc.flat(p.get("sections"))) for p in parts[len(gparts):])
            if len(parts) != len(gparts):
                notes.append(f"{len(parts)} parts, gold {len(gparts)}")
            miss = []
        else:
            hh, gg, oo, miss = sc.match_headings(gold.get("headings") or [], sc.flat(out.get("sections")))
            ph, pg, po = hh, gg, oo
        fr = sc.front(gold, out)
        fr_ok += sum(fr.values())
        fr_n += len(fr)
        found, gold_n, given = found + hh, gold_n + gg, given + oo
        HP, GP, OP = HP + ph, GP + pg, OP + po
        ok, lost = conserved(doc, out, outline_texts)
        cons_ok += ok
        rt = ""
        if not a.no_roundtrip:
            rt_n += 1
            try:
                src = work / f"{gold_path.stem}.yaml"
                src.write_text(dump(out), encoding="utf-8")
                built = build_file(src, work / f"{gold_path.stem}.docx", BuildOptions(force=True))
                again = extract(built.path).outline
                same = dump(again) == dump(out)
                rt_ok += same
                rt = "" if same else "round trip differs"
            except Exception as exc:  # noqa: BLE001
                rt = f"round trip failed: {str(exc).splitlines()[0][:80]}"
        bad = [k for k, v in fr.items() if not v]
        line = (f"{gold_path.stem[:40]:<40} genre {out.get('genre')}{'' if gok else ' (gold ' + str(gold.get('genre')) + ')'}"
                f", headings {hh}/{gg} found, {oo} given")
        if bad:
            line += f", wrong {','.join(bad)}"
        extra = notes + ([f"text lost: {lost}"] if not ok else []) + ([rt] if rt else [])
        if a.v or bad or hh < gg or oo > hh or not gok or extra:
            print(line + (f"; missed {miss[:3]}" if miss else "") + ("; " + "; ".join(extra) if extra else ""))

    def f1(h: int, g: int, o: int) -> tuple[float, float, float]:
        r = h / g if g else 0
        p = h / o if o else 0
        return p, r, (2 * p * r / (p + r) if p + r else 0)

    p, r, f = f1(found, gold_n, given)
    pp, pr, pf = f1(HP, GP, OP)
    print(f"headings: F1 {f:.3f} (precision {found}/{given} = {p:.3f}, recall {found}/{gold_n} = {r:.3f}); "
          f"parts paired in order: F1 {pf:.3f} ({HP}/{GP} found, {OP} given)")
    print(f"front matter {fr_ok}/{fr_n} = {fr_ok / max(1, fr_n):.3f}; genre {ge_ok}/{ge_n} = {ge_ok / max(1, ge_n):.3f}; "
          f"text conserved {cons_ok}/{ge_n}" + (f"; round trip {rt_ok}/{rt_n}" if rt_n else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
