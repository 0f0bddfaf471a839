"""Measure `wengao format` on a labelled corpus (default ../shared/corpus-dev) and its speed.

usage: python bench/eval_format.py [CORPUS] [-v] [--speed] [--keep DIR]

For every gold outline (gold/*.yaml) the document is formatted into a temporary folder by the
real command (`python -m wengao format`), and the output is read back:
  - text conserved: the Chinese characters of the original (read here from the file itself,
    not through wengao's reader) and of the output are the same sequence;
  - headings: paragraphs in Word heading styles, in order, at the gold level (the scorer's rule:
    the first 12 characters after the number, punctuation normalised) → precision, recall, F1;
  - page and fonts per GB/T 9704: A4, margins 37/35/28/26 mm, 22 lines of 28.95 pt; body
    paragraphs in 仿宋_GB2312 16 pt; the title in 方正小标宋简体 22 pt.
--speed also times a 30,000-character .docx end to end and a folder of 100 documents.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus-dev"
HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
T_RE = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
NUM = re.compile(r"^(?:第?[一二三四五六七八九十]+[、．.]?|（[一二三四五六七八九十]+）|\(\s*[一二三四五六七八九十]+\s*\)|"
                 r"\d{1,2}[．.、]|（\d{1,2}）|\(\d{1,2}\)|[①-⑳])\s*")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"\s+", "", s)
    return s.replace(",", "，").replace(":", "：").replace(";", "；").replace("(", "（").replace(")", "）")


def clean(s: object) -> str:
    return NUM.sub("", norm(str(s or ""))).replace("　", "")


def same(gold: str, got: str) -> bool:
    g = clean(gold)[:12]
    if not g:
        return not got
    return got.startswith(g) or (len(g) >= 4 and difflib.SequenceMatcher(None, g, got[:len(g)]).ratio() >= 0.8)


def match_headings(gold: list, got: list) -> tuple[int, list[str]]:
    """In-order matching at the same level (the corpus scorer's rule)."""
    j, hit, miss = 0, 0, []
    for lvl, text in gold:
        found = None
        for k in range(j, min(len(got), j + 40)):
            if got[k][0] == lvl and same(text, got[k][1]):
                found = k
                break
        if found is None:
            near = next((g for g in got[j:j + 40] if same(text, g[1])), None)
            miss.append(f"{lvl}:{clean(text)[:10]}" + (f" (at level {near[0]})" if near else " (not a heading)"))
        else:
            hit += 1
            j = found + 1
    return hit, miss


def without_number(text: str) -> str:
    """A printed heading without its number, as the gold gives it (also 第一项措施： 手记①| 01)."""
    from wengao.document.numbering import parse_number

    found = parse_number(text.strip().replace("\u200c", ""))
    return found.rest if found is not None and found.rest else text


def han(text: str) -> str:
    return "".join(HAN_RE.findall(text))


def original_han(path: Path) -> str:
    """The original's Chinese characters, read without wengao: .txt decoded, .docx's body text."""
    if path.suffix.lower() == ".docx":
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        return han("".join(T_RE.findall(xml)))
    data = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return han(data.decode(enc))
        except UnicodeDecodeError:
            continue
    return ""


def output_han(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return han("".join(T_RE.findall(xml)))


def gold_headings(gold: dict) -> list:
    heads = list(gold.get("headings") or [])
    for part in gold.get("parts") or []:
        heads += list(part.get("headings") or [])
    return heads


def check_page(skel: dict) -> list[str]:
    p = skel["page"]
    want = {"width_mm": 210, "height_mm": 297, "top_mm": 37, "bottom_mm": 35, "left_mm": 28, "right_mm": 26}
    bad = [f"{k}={p[k]}" for k, v in want.items() if abs((p[k] or 0) - v) > 0.5]
    if p["line_pitch"] != 579:
        bad.append(f"line_pitch={p['line_pitch']}")
    if not p["even_and_odd"]:
        bad.append("no odd/even footers")
    return bad


def run_format(src: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wengao", "format", str(src), "-o", str(out), "--force"],
                          capture_output=True, text=True, timeout=300)


def evaluate(corpus: Path, verbose: bool, keep: Path | None) -> int:
    from wengao.docx.inspect import skeleton

    tmp = keep or Path(tempfile.mkdtemp(prefix="wengao-eval-format-"))
    tmp.mkdir(parents=True, exist_ok=True)
    hits = gold_n = given = 0
    kept = docs = page_ok = 0
    body_ok = body_n = title_ok = title_n = 0
    failed = []
    for gold_path in sorted((corpus / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        src = corpus / gold["file"]
        out = tmp / (src.stem + ".docx")
        docs += 1
        proc = run_format(src, out)
        if proc.returncode != 0 or not out.is_file():
            failed.append(f"{gold_path.stem}: {(proc.stderr or proc.stdout).strip()[-200:]}")
            gold_n += len(gold_headings(gold))
            continue
        same_text = original_han(src) == output_han(out)
        kept += same_text
        skel = skeleton(out)
        got = [(int(p["style"].split()[-1]), clean(without_number(p["text"]))) for p in skel["paragraphs"]
               if p["style"].lower().startswith("heading ") and p["text"].strip()]
        heads = gold_headings(gold)
        hit, miss = match_headings(heads, got)
        hits, gold_n, given = hits + hit, gold_n + len(heads), given + len(got)
        bad_page = check_page(skel)
        page_ok += not bad_page
        body = [p for p in skel["paragraphs"] if p["style"] in ("Body Text", "Normal") and p["text"].strip()]
        good = [p for p in body if p["east_asia"] == "仿宋_GB2312" and p["size_pt"] == 16.0]
        body_ok, body_n = body_ok + len(good), body_n + len(body)
        titles = [p for p in skel["paragraphs"] if p["style"] in ("Title", "Part Title")]
        title_n += len(titles)
        title_ok += sum(p["east_asia"] == "方正小标宋简体" and p["size_pt"] == 22.0 for p in titles)
        line = (f"{gold_path.stem}: text {'kept' if same_text else 'CHANGED'}, headings {hit}/{len(heads)} "
                f"found, {len(got)} given" + (f", page {bad_page}" if bad_page else ""))
        if verbose or not same_text or hit < len(heads) or len(got) > hit or bad_page:
            print(line + (f"; missed {miss[:4]}" if miss else ""))
    for f in failed:
        print("FAIL", f)
    rec = hits / gold_n if gold_n else 0.0
    prec = hits / given if given else 0.0
    f1 = 2 * rec * prec / (rec + prec) if rec + prec else 0.0
    print(f"format: text kept {kept}/{docs}; heading F1 {f1:.3f} (recall {hits}/{gold_n}, precision {hits}/{given}); "
          f"page setup {page_ok}/{docs - len(failed)}; body paragraphs in 仿宋_GB2312 16 pt {body_ok}/{body_n}; "
          f"titles in 方正小标宋简体 22 pt {title_ok}/{title_n}")
    if keep is None:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if kept == docs and not failed else 1


# -- speed ------------------------------------------------------------------------------------

_SENTENCES = ("坚持以人民为中心的发展思想，扎实推进各项工作落地见效。", "要进一步提高政治站位，切实增强责任感和紧迫感。",
              "各级各部门要密切配合，形成工作合力，确保任务按期完成。", "我们要认真总结经验，查找不足，持续改进工作作风。")


def _speech_paragraphs(chars: int) -> list[tuple[str, str]]:
    """(style, text) paragraphs of a synthetic speech of about `chars` characters."""
    from wengao.document.numbering import chinese_number

    paras = [("Title", "在全市工作会议上的讲话"), ("Normal", "同志们：")]
    total, sec, sub = 0, 0, 0
    while total < chars:
        if total % 3000 < 200 or sec == 0:
            sec += 1
            sub = 0
            paras.append(("Heading 1", f"{chinese_number(sec)}、关于第{chinese_number(sec)}方面的工作"))
        if total % 1000 < 200:
            sub += 1
            paras.append(("Normal", f"（{chinese_number(sub)}）抓好重点任务落实。" + "".join(_SENTENCES[:2])))
        text = "".join(_SENTENCES[(total + k) % 4] for k in range(4))
        paras.append(("Normal", text))
        total += len(text)
    return paras


def _write_docx(path: Path, paras: list[tuple[str, str]]) -> None:
    import docx

    d = docx.Document()
    for style, text in paras:
        if style == "Title":
            d.add_paragraph(text).alignment = 1
        elif style.startswith("Heading"):
            d.add_paragraph(text, style=style)
        else:
            d.add_paragraph(text)
    d.save(str(path))


def speed() -> None:
    with tempfile.TemporaryDirectory(prefix="wengao-speed-") as tmp:
        base = Path(tmp)
        big = base / "big.docx"
        paras = _speech_paragraphs(30000)
        _write_docx(big, paras)
        chars = sum(len(t) for _, t in paras)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            proc = run_format(big, base / "big-out.docx")
            times.append(time.perf_counter() - t0)
            assert proc.returncode == 0, proc.stderr
        times.sort()
        print(f"speed: a {chars}-character .docx formatted end to end (new process) in {times[2]:.2f} s "
              f"(median of 5; target ≤ 1 s)")
        folder = base / "folder"
        folder.mkdir()
        for i in range(100):
            p = _speech_paragraphs(2500 + 50 * (i % 20))
            if i % 2:
                _write_docx(folder / f"doc{i:03d}.docx", p)
            else:
                (folder / f"doc{i:03d}.txt").write_text("\n".join(t for _, t in p), encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "wengao", "format", str(folder), "-o", str(base / "out")],
                              capture_output=True, text=True, timeout=600)
        took = time.perf_counter() - t0
        assert proc.returncode == 0, proc.stderr[-500:]
        print(f"speed: a folder of 100 documents (50 .docx, 50 .txt, ~2,500–3,500 characters) in {took:.2f} s "
              f"= {100 / took:.1f} documents/s (target ≥ 10)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-v", action="store_true", help="a line for every document")
    ap.add_argument("--speed", action="store_true", help="also measure speed")
    ap.add_argument("--keep", type=Path, help="write the formatted documents here and keep them")
    a = ap.parse_args()
    code = 0
    if (a.corpus / "gold").is_dir():
        code = evaluate(a.corpus, a.v, a.keep)
    else:
        print(f"no corpus at {a.corpus}: accuracy not measured")
    if a.speed:
        speed()
    sys.exit(code)


if __name__ == "__main__":
    main()
