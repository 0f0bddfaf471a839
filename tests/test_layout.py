"""Layout details a reader sees: dashes, punctuation at line ends in LibreOffice, the reference's
settings and font table, what Word for Mac left in the template."""

from __future__ import annotations

import io
import random
import re
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from wengao.docx.body import balanced_breaks
from wengao.docx.writer import reference_bytes
from wengao.text.punct import normalize_punctuation

from conftest import body, have, soffice_convert, write

MARKS = "，、。；："


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}


@pytest.mark.parametrize("text", ["——在全市安全生产工作会议上的讲话", "--在全市安全生产工作会议上的讲话",
                                  "—在全市安全生产工作会议上的讲话"])
def test_a_subtitle_dash_is_one_unit(text: str) -> None:
    assert normalize_punctuation(text) == "——在全市安全生产工作会议上的讲话"


def test_dashes_between_chinese_become_one_pair_and_stay_one() -> None:
    assert normalize_punctuation("主题--在会上") == "主题——在会上"
    assert normalize_punctuation("主题——在会上") == "主题——在会上"
    assert normalize_punctuation("2020-2021年") == "2020-2021年"


def test_the_subtitle_prints_two_dashes(build) -> None:
    skel = build("""
        title: 坚持人民至上
        subtitle: ——在全市安全生产工作会议上的讲话
        sections:
          - heading: 提高政治站位
        """)
    sub = next(p for p in body(skel) if p["text"].startswith("—"))
    assert sub["text"] == "——在全市安全生产工作会议上的讲话"


def test_a_title_is_never_broken_inside_a_dash_pair() -> None:
    for title in ("学习贯彻党的二十大精神——在全市领导干部学习会议上的讲话",
                  "深入学习——全面贯彻党的二十届三中全会精神推动高质量发展"):
        lines = balanced_breaks(title)
        assert "".join(lines) == title
        assert not any(a.endswith("—") and b.startswith("—") for a, b in zip(lines, lines[1:], strict=False))


def test_reference_carries_no_word_for_mac_leftovers_and_chinese_rules() -> None:
    parts = _parts(reference_bytes())
    settings, fonts, app = parts["word/settings.xml"], parts["word/fontTable.xml"], parts["docProps/app.xml"]
    assert 'w:eastAsia="ja-JP"' not in settings and 'w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"' in settings
    before = re.search(r'<w:noLineBreaksBefore w:lang="zh-CN" w:val="([^"]*)"', settings).group(1)
    assert "—" in before and "，" in before and "、" in before
    assert "ＭＳ" not in fonts and "Cambria" not in fonts
    for name, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
        assert re.search(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/>', fonts), name
    assert "Microsoft" not in app and "<Application>wengao</Application>" in app
    for name, xml in parts.items():
        assert not re.search(r'w:(ascii|hAnsi|eastAsia|cs)Theme=', xml), name


def test_every_paragraph_keeps_punctuation_inside_the_line_in_libreoffice(build, tmp_path: Path) -> None:
    """Word's default (overflowPunct on), written out: LibreOffice reads it as no hanging."""
    build("title: 标题\nsections:\n  - heading: 一\n    paragraphs: [甲，乙。]\n")
    with zipfile.ZipFile(tmp_path / "outline.docx") as z:
        doc = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
    paragraphs = re.findall(r"<w:p>.*?</w:p>", doc)
    assert paragraphs and all('<w:overflowPunct w:val="1"/>' in p for p in paragraphs)
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles).group(0)
    assert '<w:overflowPunct w:val="1"/>' in normal


def _speech(chars: int = 2700) -> str:
    rng = random.Random(7)
    words = ["安全生产", "责任落实", "隐患排查", "风险防控", "应急管理", "监管执法", "企业主体", "基层基础"]
    paras, total = [], 0
    while total < chars:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            parts = ["、".join(rng.sample(words, rng.randint(1, 3))) + rng.choice(["工作", "措施", "任务"])
                     for _ in range(rng.randint(2, 5))]
            sentences.append("，".join(parts) + rng.choice(["。", "；", "："]))
        paras.append("".join(sentences))
        total += len(paras[-1])
    lines = ["title: 在全市安全生产工作会议上的讲话", "subtitle: ——在全市安全生产工作会议上的讲话", "sections:"]
    for i in range(0, len(paras), 3):
        lines += [f"  - heading: 第{i // 3 + 1}部分", "    paragraphs:"]
        lines += [f"      - {p}" for p in paras[i:i + 3]]
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not (have("soffice") and have("pdftotext")), reason="needs LibreOffice and poppler")
def test_libreoffice_loses_no_punctuation_and_sets_28_characters_a_line(tmp_path: Path) -> None:
    from wengao.build import BuildOptions, build_file

    src = write(tmp_path / "speech.yaml", _speech())
    out = build_file(src, tmp_path / "speech.docx", BuildOptions()).path
    soffice_convert("pdf", tmp_path, out, check=False)
    pdf = tmp_path / "speech.pdf"
    if not pdf.is_file():
        pytest.skip("LibreOffice could not convert here")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    with zipfile.ZipFile(out) as z:
        doc = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", z.read("word/document.xml").decode()))
    assert sum(doc.count(m) for m in MARKS) > 250
    for mark in MARKS:
        assert text.count(mark) == doc.count(mark), mark
    assert text.count("——在全市") == 1 and "———" not in text
    lengths = [len(ln.strip().replace(" ", "")) for ln in text.splitlines() if ln.strip()]
    assert max(set(lengths), key=lengths.count) == 28


def test_annotations_are_reproducible_and_name_the_source_document(tmp_path: Path, monkeypatch) -> None:
    import yaml

    from wengao.build import BuildOptions, build_file
    from wengao.docx.inspect import skeleton

    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("WENGAO_LANG", "zh")
    bank = tmp_path / "bank"
    entry = {"id": "closing.0001", "text": "同志们，让我们团结一心、真抓实干！", "function": "closing",
             "kind": "sentence", "count": 1, "sources": ["9f3a61c2d4e5b7a8.txt:3"], "genres": ["speech"]}
    write(bank / "closing.yaml", yaml.safe_dump([entry], allow_unicode=True))
    write(bank / "corpus" / "9f3a61c2d4e5b7a8.txt",
          "在全县乡村振兴工作推进会上的讲话\n\n同志们：\n同志们，让我们团结一心、真抓实干！\n")
    src = write(tmp_path / "a.yaml", "title: 标题\ndate: 2024-05-20\nsections:\n  - heading: 一\n"
                                     "closing:\n  - phrase: closing.0001\n")
    outs = []
    for name in ("one.docx", "two.docx"):
        outs.append(build_file(src, tmp_path / name, BuildOptions(bank=bank, annotate=True)).path)
        time.sleep(1.1) if name == "one.docx" else None
    assert outs[0].read_bytes() == outs[1].read_bytes()
    (comment,) = skeleton(outs[0])["comments"]
    assert comment["text"] == "closing.0001 · 出自《在全县乡村振兴工作推进会上的讲话》第 3 行"
    with zipfile.ZipFile(outs[0]) as z:
        assert 'w:date="2024-05-20T00:00:00Z"' in z.read("word/comments.xml").decode()


def test_no_xml_illegal_character_reaches_the_file(tmp_path: Path) -> None:
    from wengao.build import BuildOptions, build_file

    src = write(tmp_path / "c.yaml", 'title: "标\\x01题"\ntopics: ["乡\\x02村"]\nsections:\n'
                                     '  - heading: "一\\x0e二"\n')
    built = build_file(src, tmp_path / "c.docx", BuildOptions())
    assert len(built.warnings) == 2  # title and heading, each at its line
    with zipfile.ZipFile(built.path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith(".xml"):
                assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", data.decode("utf-8")), name
