"""Templates are untrusted: sandboxed, strict about undefined names, errors name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from wengao.errors import WengaoError

from conftest import write

OUTLINE = """
title: 在会议上的讲话
sections:
  - heading: 提高政治站位
    paragraphs: [今年以来，全市上下团结奋进。]
"""


def _override(tmp_path: Path, template: str) -> Path:
    return write(tmp_path / "templates" / "speech" / "document.md.j2", template)


def test_workspace_template_overrides_the_builtin_by_file_name(build, tmp_path: Path) -> None:
    _override(tmp_path, "@title {{ title }}\n@p 本地模板：{{ sections[0].heading }}\n")
    skel = build(OUTLINE)
    assert [p["text"] for p in skel["paragraphs"]] == ["在会议上的讲话", "本地模板：提高政治站位"]


def test_undefined_variable_names_template_file_and_line(build, tmp_path: Path) -> None:
    tpl = _override(tmp_path, "@title {{ title }}\n\n@p {{ speeker }}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    d = info.value.diagnostics[0]
    assert Path(d.path).resolve() == tpl.resolve()
    assert d.line == 3
    assert "speeker" in d.message and "undefined" in d.message
    assert not (tmp_path / "outline.docx").exists()


def test_syntax_error_names_template_file_and_line(build, tmp_path: Path) -> None:
    tpl = _override(tmp_path, "@title {{ title }}\n{% for x in sections %}\n@p {{ x.heading }}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    d = info.value.diagnostics[0]
    assert Path(d.path).resolve() == tpl.resolve()
    assert d.line >= 3 and "syntax" in d.message


def test_sandbox_blocks_access_to_python_internals(build, tmp_path: Path) -> None:
    _override(tmp_path, "@title {{ title.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    message = str(info.value)
    assert "subclasses" not in message.split("error:")[0]
    assert "not allowed" in message or "undefined" in message


def test_a_value_that_renders_empty_is_an_error_not_a_gap(build, tmp_path: Path) -> None:
    _override(tmp_path, "@title {{ title }}\n@p {{ subtitle }}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    assert "empty" in str(info.value)


def test_template_output_that_is_not_markup_is_reported(build, tmp_path: Path) -> None:
    _override(tmp_path, "@title {{ title }}\nstray text\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    assert "line 2 is not a block" in str(info.value)


def test_user_text_cannot_inject_blocks(build) -> None:
    skel = build("""
        title: 在会议上的讲话
        sections:
          - heading: "甲\\n@h1 注入的标题"
        """)
    headings = [p for p in skel["paragraphs"] if p["outline_level"] is not None]
    assert len(headings) == 1
    assert headings[0]["text"] == "一、甲@h1 注入的标题"
