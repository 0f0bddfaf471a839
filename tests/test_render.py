"""Look at the draft as its reader does: LibreOffice renders it, pandoc reads its headings."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from wengao.build import BuildOptions, build_file

from conftest import DRAFTS, have, soffice_convert


@pytest.fixture(scope="module")
def example_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("render") / "example.docx"
    build_file(DRAFTS / "example-speech.yaml", out, BuildOptions())
    return out


@pytest.mark.skipif(not (have("soffice") and have("pdftotext")), reason="LibreOffice/poppler not installed")
def test_libreoffice_renders_22_lines_of_28_characters(example_docx: Path) -> None:
    outdir = example_docx.parent
    soffice_convert("pdf", outdir, example_docx)
    pdf = example_docx.with_suffix(".pdf")
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    lines = [ln for ln in text.split("\n") if ln.strip() and "—" not in ln]  # drop the page number
    assert len(lines) == 22, lines
    # a full body line holds 28 characters (Latin digits are narrower: count Chinese lines only)
    full = [ln for ln in lines if ln.isascii() is False and not any(c.isdigit() or c == " " for c in ln)]
    lengths = [len(ln) for ln in full]
    assert max(set(lengths), key=lengths.count) == 28
    # LibreOffice may let one closing mark hang past the 28th character, never a 29th Han character
    assert all(ln[28:] in ("", "，", "。", "、", "；", "：", "！", "？", "”") for ln in full), full
    whole = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = whole.replace("\n", "")
    for heading in ("一、“千万工程”实施20年", "二、深学细悟", "三、绘就", "四、加强组织领导"):
        assert heading.replace("20", " 20 ") in flat or heading in flat
    assert "— 2 —" in whole or "—2—" in whole.replace(" ", "")


@pytest.mark.skipif(not have("pandoc"), reason="pandoc not installed")
def test_pandoc_sees_the_headings(example_docx: Path) -> None:
    md = subprocess.run(["pandoc", "-f", "docx", "-t", "markdown", str(example_docx)],
                        check=True, capture_output=True, text=True).stdout
    level1 = [ln for ln in md.splitlines() if ln.startswith("# ")]
    assert len(level1) == 4
    assert level1[0].startswith("# 一、")
