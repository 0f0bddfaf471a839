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
    assert "speeker" in d.message and "未定义" in d.message
    assert not (tmp_path / "outline.docx").exists()


def test_syntax_error_names_template_file_and_line(build, tmp_path: Path) -> None:
    tpl = _override(tmp_path, "@title {{ title }}\n{% for x in sections %}\n@p {{ x.heading }}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    d = info.value.diagnostics[0]
    assert Path(d.path).resolve() == tpl.resolve()
    assert d.line >= 3 and "语法错误" in d.message


def test_sandbox_blocks_access_to_python_internals(build, tmp_path: Path) -> None:
    _override(tmp_path, "@title {{ title.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    message = str(info.value)
    assert "subclasses" not in message.split("错误:")[0]
    assert "不允许" in message or "未定义" in message


def test_a_value_that_renders_empty_is_an_error_not_a_gap(build, tmp_path: Path) -> None:
    _override(tmp_path, "@title {{ title }}\n@p {{ subtitle }}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    assert "空值" in str(info.value)


def test_template_output_that_is_not_markup_is_reported(build, tmp_path: Path) -> None:
    _override(tmp_path, "@title {{ title }}\nstray text\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    assert "第 2 行不是块" in str(info.value)


def test_user_text_cannot_inject_blocks(build) -> None:
    skel = build("""
        title: 在会议上的讲话
        sections:
          - heading: "甲\\n@h1 注入的标题"
        """)
    headings = [p for p in skel["paragraphs"] if p["outline_level"] is not None]
    assert len(headings) == 1
    assert headings[0]["text"] == "一、甲@h1 注入的标题"


@pytest.mark.parametrize(("body", "words"), [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "循环次数超过"),
    ("{{ 'a' * 10**10 }}", "个字符"),
    ("{{ 'a' | center(10**9) }}", "数值超过"),
    ("{{ '%9999999999s' % 'a' }}", "数值超过"),
    ("{{ 1/0 }}", "ZeroDivisionError"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "无穷递归"),
])
def test_templates_are_bounded_and_located(build, tmp_path: Path, body: str, words: str) -> None:
    import time

    tpl = _override(tmp_path, "@title {{ title }}\n\n@p " + body + "\n")
    start = time.perf_counter()
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    assert time.perf_counter() - start < 3
    d = info.value.diagnostics[0]
    assert info.value.exit_code == 4
    assert Path(d.path).resolve() == tpl.resolve() and d.line == 3, d
    assert words in d.message


def test_a_render_past_its_deadline_stops(build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wengao.render import limits

    monkeypatch.setattr(limits, "MAX_SECONDS", 0.2)
    _override(tmp_path, "@title {{ title }}\n@p {% for i in range(900000) %}{% if i < 0 %}x{% endif %}"
                        "{% for j in range(1) %}{% endfor %}{% endfor %}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    assert "0.2" in str(info.value) and "template" in str(info.value)


def test_a_missing_include_is_named(build, tmp_path: Path) -> None:
    tpl = _override(tmp_path, "@title {{ title }}\n{% include 'nosuch.md.j2' %}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    d = info.value.diagnostics[0]
    assert "nosuch.md.j2" in d.message and "genre" not in d.message
    assert Path(d.path).resolve() == tpl.resolve() and d.line == 2


def test_a_control_character_from_a_template_is_refused(build, tmp_path: Path) -> None:
    _override(tmp_path, "@title {{ title }}\n@p 甲{{ '\\x01' }}乙\n@p {{ '\\ud800' }}\n")
    with pytest.raises(WengaoError) as info:
        build(OUTLINE)
    text = str(info.value)
    assert "U+0001" in text and "U+D800" in text
    assert not (tmp_path / "outline.docx").exists()


def test_ordinary_loops_and_numbers_still_work(build, tmp_path: Path) -> None:
    _override(tmp_path, "@title {{ title }}\n{% for i in range(3) %}@p 第{{ i + 1 }}段{{ '。' * 2 }}\n"
                        "{% endfor %}@p {{ 2024 }}年{{ '%02d' % 5 }}月\n")
    skel = build(OUTLINE)
    assert [p["text"] for p in skel["paragraphs"]][1:] == ["第1段。。", "第2段。。", "第3段。。", "2024年05月"]
