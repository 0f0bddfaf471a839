"""The committed reference.docx is the one the code generates, and ships with the package."""

from __future__ import annotations

import io
import zipfile

from wengao.docx.writer import reference_bytes
from wengao.workspace import builtin_dir

from conftest import ROOT


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_committed_reference_matches_the_generator() -> None:
    committed = (ROOT / "templates" / "reference.docx").read_bytes()
    generated = reference_bytes()
    for part in ("word/styles.xml", "word/document.xml", "word/settings.xml"):
        assert _part(committed, part) == _part(generated, part), (
            f"{part} differs: run `wengao reference -o templates/reference.docx --force`")


def test_builtin_templates_and_reference_are_found_where_wengao_is_installed() -> None:
    templates = builtin_dir("templates")
    assert (templates / "reference.docx").is_file()
    assert (templates / "speech" / "document.md.j2").is_file()


def test_reference_has_no_theme_fonts_and_chinese_language() -> None:
    styles = _part(reference_bytes(), "word/styles.xml")
    assert "asciiTheme" not in styles and "eastAsiaTheme" not in styles
    assert 'w:eastAsia="zh-CN"' in styles
    assert 'w:eastAsia="en-US"' not in styles
