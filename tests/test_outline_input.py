"""Outline files that would hang, exhaust memory, reach outside their folder or loop."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wengao.cli import app
from wengao.errors import EXIT_OUTLINE, OutlineError
from wengao.outline.load import MAX_BYTES, load_outline

from conftest import write

runner = CliRunner()
BODY = "sections:\n  - heading: 提高政治站位\n    paragraphs: [今年以来……]\n"


def _alias_bomb(width: int = 10, depth: int = 12) -> str:
    lines = ["a0: &a0 [\"哈\"]"]
    for d in range(1, depth + 1):
        lines.append(f"a{d}: &a{d} [" + ", ".join([f"*a{d - 1}"] * width) + "]")
    return "title: 炸弹\n" + BODY + "vars:\n" + "".join(f"  {ln}\n" for ln in lines)


def test_an_alias_bomb_is_a_located_error_well_under_a_second(tmp_path: Path) -> None:
    src = write(tmp_path / "bomb.yaml", _alias_bomb())
    start = time.perf_counter()
    with pytest.raises(OutlineError) as info:
        load_outline(src)
    assert time.perf_counter() - start < 0.5
    d = info.value.diagnostics[0]
    assert d.line > 0 and "50000" in d.message


def test_modest_aliases_still_work(tmp_path: Path) -> None:
    src = write(tmp_path / "ok.yaml", "title: &t 在全市安全生产工作会议上的讲话\n" + BODY + "closing: [*t]\n")
    assert load_outline(src).closing[0].value == "在全市安全生产工作会议上的讲话"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    start = time.perf_counter()
    result = runner.invoke(app, ["build", str(fifo), "-o", str(tmp_path / "x.docx")])
    assert time.perf_counter() - start < 2
    assert result.exit_code == EXIT_OUTLINE
    assert f"{fifo}: 错误: 不是普通文件" in result.output


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused() -> None:
    with pytest.raises(OutlineError) as info:
        load_outline("/dev/zero")
    assert "不是普通文件" in str(info.value)


def test_a_huge_file_is_refused_after_reading_only_the_cap(tmp_path: Path) -> None:
    src = tmp_path / "big.yaml"
    src.write_bytes(b"title: x\n" + b"#" * (MAX_BYTES + 10))
    with pytest.raises(OutlineError) as info:
        load_outline(src)
    assert "MB" in str(info.value)


def test_a_directory_or_a_missing_file(tmp_path: Path) -> None:
    for path, words in ((tmp_path, "文件夹"), (tmp_path / "nope.yaml", "找不到文件")):
        with pytest.raises(OutlineError) as info:
            load_outline(path)
        assert words in str(info.value)


def _compilation(tmp_path: Path, include: str) -> Path:
    return write(tmp_path / "book" / "book.yaml", f"""
        genre: compilation
        title: 汇编
        parts:
          - include: {include}
        """)


def test_includes_stay_inside_the_outline_folder(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.yaml", "title: 不该读到的内容\n" + BODY)
    book = _compilation(tmp_path, "../secret.yaml")
    with pytest.raises(OutlineError) as info:
        load_outline(book)
    text = str(info.value)
    assert "book.yaml:4:" in text and "--include-root" in text
    assert "不该读到" not in text
    assert load_outline(book, include_root=tmp_path).parts[0].title.value == "不该读到的内容"
    assert secret.is_file()


def test_absolute_system_paths_are_not_read(tmp_path: Path) -> None:
    book = _compilation(tmp_path, "/etc/passwd")
    result = runner.invoke(app, ["build", str(book), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == EXIT_OUTLINE
    assert "root:" not in result.output and "/etc/passwd" in result.output


def test_only_yaml_files_are_included(tmp_path: Path) -> None:
    write(tmp_path / "book" / "notes.txt", "title: x\n")
    with pytest.raises(OutlineError) as info:
        load_outline(_compilation(tmp_path, "notes.txt"))
    assert ".yaml" in str(info.value)


def test_include_cycles_are_named(tmp_path: Path) -> None:
    write(tmp_path / "book" / "a.yaml", "genre: compilation\ntitle: 甲\nparts:\n  - include: b.yaml\n")
    write(tmp_path / "book" / "b.yaml", "genre: compilation\ntitle: 乙\nparts:\n  - include: a.yaml\n")
    self_ref = write(tmp_path / "book" / "self.yaml", "genre: speech\ntitle: 自\n" + BODY)
    with pytest.raises(OutlineError) as info:
        load_outline(_compilation(tmp_path, "book.yaml"))
    assert "book.yaml → book.yaml" in str(info.value)
    # a part is never a compilation, but the cycle is found before that matters
    result = runner.invoke(app, ["build", str(tmp_path / "book" / "a.yaml"), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code != 0 and "Traceback" not in result.output and "RecursionError" not in result.output
    assert self_ref.is_file()


def test_a_tab_after_a_key_reads_like_a_space(tmp_path: Path) -> None:
    src = write(tmp_path / "tab.yaml", "title:\t在全市安全生产工作会议上的讲话\n" + BODY)
    assert load_outline(src).title.value == "在全市安全生产工作会议上的讲话"


def test_an_escaped_control_character_is_removed_with_a_located_warning(tmp_path: Path) -> None:
    src = write(tmp_path / "ctl.yaml", 'title: "在全市\\x01安全生产工作会议上的讲话"\n' + BODY)
    outline = load_outline(src)
    assert outline.title.value == "在全市安全生产工作会议上的讲话"
    (warning,) = outline.warnings
    assert (warning.line, warning.col) == (1, 8) and "U+0001" in warning.message


def test_placeholders_are_reported_where_they_are_and_strict_refuses(tmp_path: Path) -> None:
    src = write(tmp_path / "draft.yaml", "title: 在全县【××】工作会议上的讲话\ndate: 【××××年×月×日】\n" + BODY)
    out = tmp_path / "draft.docx"
    result = runner.invoke(app, ["build", str(src)])
    assert result.exit_code == 0
    assert f"{src}:1:8: 警告:" in result.output and f"{src}:2:7: 警告:" in result.output
    out.unlink()
    result = runner.invoke(app, ["build", str(src), "--strict"])
    assert result.exit_code == EXIT_OUTLINE and f"{src}:1:8: 错误:" in result.output
    assert not out.exists()


def test_a_skeleton_date_is_a_placeholder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wengao.docx.inspect import skeleton

    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["new", "speech", "-o", "s.yaml"]).exit_code == 0
    assert "2024-01-01" not in (tmp_path / "s.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["build", "s.yaml"])
    assert result.exit_code == 0, result.output
    texts = [p["text"] for p in skeleton(tmp_path / "s.docx")["paragraphs"]]
    assert any(t.startswith("（【") for t in texts)
    assert "s.yaml:7:7: 警告:" in result.output


def test_output_is_created_exclusively_and_keeps_its_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wengao.errors import UsageError
    from wengao.fileio import atomic_write

    target = tmp_path / "draft.docx"
    real_link = os.link

    def someone_else_first(src: str, dst: str) -> None:  # another build wins the race
        Path(dst).write_bytes(b"theirs")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", someone_else_first)
    with pytest.raises(UsageError):
        atomic_write(target, b"ours", force=False)
    assert target.read_bytes() == b"theirs"
    monkeypatch.undo()
    target.chmod(0o600)
    atomic_write(target, b"ours", force=True)
    assert target.read_bytes() == b"ours" and (target.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["draft.docx"]


def test_a_killed_writers_temporary_file_is_cleaned_up(tmp_path: Path) -> None:
    import subprocess
    import sys

    from wengao.fileio import atomic_write

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".draft.docx.wengao-{dead.stdout.strip()}-abc.tmp"
    stale.write_bytes(b"half")
    atomic_write(tmp_path / "draft.docx", b"new", force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]
