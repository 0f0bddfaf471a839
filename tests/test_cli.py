"""The command line on the shipped example, end to end."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wengao.cli import app
from wengao.docx.inspect import skeleton

from conftest import DRAFTS

runner = CliRunner()
EXAMPLE = DRAFTS / "example-speech.yaml"


def test_help_explains_every_build_option() -> None:
    result = runner.invoke(app, ["build", "--help"])
    assert result.exit_code == 0
    for option in ("--output", "--force", "--reference", "--annotate", "--bank", "--seed"):
        assert option in result.output
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0 and "build" in top.output


def test_shipped_example_builds_into_a_full_speech(tmp_path: Path) -> None:
    out = tmp_path / "out" / "讲话.docx"
    result = runner.invoke(app, ["build", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    skel = skeleton(out)
    headings = [p["text"] for p in skel["paragraphs"] if p["outline_level"] == 0]
    assert len(headings) == 4
    assert [h[:2] for h in headings] == ["一、", "二、", "三、", "四、"]
    points = [p["text"][:2] for p in skel["paragraphs"] if p["text"][:2] in ("一是", "二是", "三是", "四是", "五是")]
    assert points == ["一是", "二是", "三是", "四是", "五是", "一是", "二是", "三是"]
    leads = [p for p in skel["paragraphs"] if p["text"].startswith("聚焦")]
    assert len(leads) == 5 and all(p["runs"][0]["bold"] for p in leads)
    text = "".join(p["text"] for p in skel["paragraphs"])
    assert len(text) > 5000


def test_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "draft.docx"
    out.write_bytes(b"the user's edited draft")
    result = runner.invoke(app, ["build", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code != 0
    assert "已经存在" in result.output and "--force" in result.output
    assert out.read_bytes() == b"the user's edited draft"
    result = runner.invoke(app, ["build", str(EXAMPLE), "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert skeleton(out)["core"]["title"].startswith("在深化新时代")


def test_default_output_is_beside_the_outline(tmp_path: Path) -> None:
    src = tmp_path / "讲话.yaml"
    shutil.copy(EXAMPLE, src)
    result = runner.invoke(app, ["build", str(src)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "讲话.docx").is_file()


def test_several_outlines_in_one_call(tmp_path: Path) -> None:
    for name in ("a", "b"):
        shutil.copy(EXAMPLE, tmp_path / f"{name}.yaml")
    (tmp_path / "c.yaml").write_text("title: 缺少正文\n", encoding="utf-8")
    result = runner.invoke(app, ["build", *(str(tmp_path / f"{n}.yaml") for n in "abc")])
    assert result.exit_code != 0
    assert (tmp_path / "a.docx").is_file() and (tmp_path / "b.docx").is_file()
    assert not (tmp_path / "c.docx").exists()
    assert "c.yaml:1:1: 错误: 缺少必需的键 'sections'" in result.output


def test_several_outlines_into_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    for name in ("a", "b"):
        shutil.copy(EXAMPLE, tmp_path / f"{name}.yaml")
    outlines = [str(tmp_path / f"{n}.yaml") for n in "ab"]
    for folder in ("out/", "drafts2", "a/b", "v1.2"):  # a trailing /, or any name but a .docx
        result = runner.invoke(app, ["build", *outlines, "-o", f"{tmp_path}/{folder}"])
        assert result.exit_code == 0, result.output
        assert (tmp_path / folder / "a.docx").is_file() and (tmp_path / folder / "b.docx").is_file()
    single = runner.invoke(app, ["build", outlines[0], "-o", str(tmp_path / "one") + "/"])
    assert single.exit_code == 0 and (tmp_path / "one" / "a.docx").is_file()
    refused = runner.invoke(app, ["build", *outlines, "-o", str(tmp_path / "x.docx")])
    assert refused.exit_code == 2 and "文件夹" in refused.output and not (tmp_path / "x.docx").exists()


def test_build_usage_says_it_takes_several_outlines() -> None:
    assert "{OUTLINE.yaml...}" in runner.invoke(app, ["build", "--help"]).output


def test_output_must_be_docx(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(EXAMPLE), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code != 0 and ".docx" in result.output


def test_real_command_runs_without_traceback(tmp_path: Path) -> None:
    """The installed console script, as a user runs it."""
    exe = shutil.which("wengao", path=os.path.dirname(sys.executable)) or shutil.which("wengao")
    if exe is None:
        pytest.skip("wengao is not installed as a command")
    out = tmp_path / "x.docx"
    ok = subprocess.run([exe, "build", str(EXAMPLE), "-o", str(out)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert out.is_file() and skeleton(out)["paragraphs"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    fail = subprocess.run([exe, "build", str(bad)], capture_output=True, text=True)
    assert fail.returncode != 0
    assert "Traceback" not in fail.stderr
    assert fail.stderr.startswith(f"{bad}:") and ": 错误: YAML 语法错误" in fail.stderr


def test_a_failure_while_writing_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "draft.docx"

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    monkeypatch.setattr(os, "link", broken_replace)
    result = runner.invoke(app, ["build", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code != 0
    assert "No space left on device" in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []  # neither the draft nor a temporary file


def test_a_mine_that_changes_nothing_says_so(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("在全县工作会议上的讲话\n同志们：\n今天，我们召开全县安全生产工作会议，部署下一阶段任务。\n", encoding="utf-8")
    first = runner.invoke(app, ["mine", str(src), "-o", str(tmp_path / "bank")])
    assert first.exit_code == 0 and "写入" in first.output
    again = runner.invoke(app, ["mine", str(src), "-o", str(tmp_path / "bank")])
    assert again.exit_code == 0 and "已是最新" in again.output and "写入 0" not in again.output


def test_a_mine_summary_in_english_has_no_chinese_separators(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_LANG", "en")
    src = tmp_path / "a.txt"
    src.write_text("在全县工作会议上的讲话\n同志们：\n今天，我们召开全县安全生产工作会议，部署下一阶段任务。\n"
                   "安吉县今年共排查隐患312处。\n", encoding="utf-8")
    out = runner.invoke(app, ["mine", str(src), "-o", str(tmp_path / "bank")]).output
    entries = next(line for line in out.splitlines() if line.startswith("entries:"))
    assert "，" not in entries and "（" not in entries and "opening 1" in entries
