"""The readers on the development corpus (../shared/corpus-dev, real documents nobody here
wrote): every file reads, text is conserved, and the .docx evidence is what the page shows.
Skips cleanly where ../shared is absent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from wengao.reading import SourceFormat, read_raw

from conftest import ROOT

DEV = ROOT.parent / "shared" / "corpus-dev"
pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus-dev is not here")


def _files(kind: str) -> list[Path]:
    return sorted((DEV / kind).glob(f"*.{kind}")) if DEV.is_dir() else []


def _one(pattern: str) -> Path:
    found = sorted(DEV.glob(pattern))
    assert len(found) == 1, pattern
    return found[0]


@pytest.mark.parametrize("path", _files("txt"), ids=lambda p: p.name[:2])
def test_every_text_reads_line_for_line(path: Path) -> None:
    raw = read_raw(path)
    text = path.read_text(encoding="utf-8")
    assert raw.format is SourceFormat.TXT and raw.encoding == "utf-8"
    assert "\n".join(p.text for p in raw.paras) == text.removesuffix("\n")
    assert [p.pos for p in raw.paras] == list(range(1, len(raw.paras) + 1))


@pytest.mark.parametrize("path", _files("docx"), ids=lambda p: p.name[:2])
def test_every_docx_reads(path: Path) -> None:
    raw = read_raw(path)
    assert raw.format is SourceFormat.DOCX and raw.chars > 1000
    assert [p.pos for p in raw.paras] == list(range(1, len(raw.paras) + 1))
    assert all(p.style for p in raw.paras)


def test_web_paste_docx_and_its_text_give_the_same_words() -> None:
    def words(path: Path) -> str:
        return re.sub(r"\s+", "", "".join(p.text for p in read_raw(path).paras))

    assert words(_one("docx/02_*.docx")) == words(_one("txt/01_*.txt"))


def test_web_paste_custom_styles_and_bold_by_character_style() -> None:
    raw = read_raw(_one("docx/02_*.docx"))
    assert {p.style for p in raw.paras if p.text} <= {"text_align-center", "text_align-justify"}
    bold = [p.text for p in raw.paras if p.bold]
    numbered = [t for t in bold if re.match(r"^[一二三四五六七八九十]+、", t)]
    assert len(numbered) == 15  # the top-level sections, bold through a character style


def test_compilation_titles_are_bold_24pt_and_centred() -> None:
    path = _one("docx/04_*.docx")
    gold = yaml.safe_load(_one(f"gold/{path.stem}.yaml").read_text(encoding="utf-8"))
    raw = read_raw(path)
    big = [p for p in raw.paras if p.size == 24]
    assert [p.text for p in big] == [part["title"] for part in gold["parts"]]
    assert all(p.bold is True and p.align == "center" for p in big)
    assert all(p.size == 12 for p in raw.paras if p.text and p not in big)


def test_wps_file_theme_fonts_and_indents() -> None:
    raw = read_raw(_one("docx/08_*.docx"))
    body = [p for p in raw.paras[1:] if p.text]
    assert raw.paras[0].align == "center"
    assert all(p.east_asia for p in raw.paras if p.text), "theme fonts resolved through the theme part"
    assert all(p.indent_chars == 2 and p.size == 10.5 for p in body)
