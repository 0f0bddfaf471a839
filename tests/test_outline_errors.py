"""Golden error messages: every problem of an outline, one located line each, no output file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wengao.cli import app
from wengao.errors import WengaoError
from wengao.outline.load import load_outline

GOLDEN = Path(__file__).parent / "golden" / "errors"
CASES = sorted(p.stem for p in GOLDEN.glob("*.yaml"))


def _messages(name: str) -> str:
    try:
        load_outline(name + ".yaml")
    except WengaoError as err:
        return str(err) + "\n"
    return ""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", CASES)
def test_error_messages(name: str, lang: str, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    monkeypatch.chdir(GOLDEN)
    monkeypatch.setenv("WENGAO_LANG", lang)
    got = _messages(name)
    expected = GOLDEN / f"{name}.{lang}.expected"
    if update_golden:
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_the_cases_exist() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("name", CASES)
def test_cli_reports_errors_without_traceback_or_output(name: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN)
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(app, ["build", f"{name}.yaml", "-o", str(out)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert lines and all(ln.startswith(f"{name}.yaml:") and ": 错误: " in ln for ln in lines)
    assert not out.exists()
    assert not list(tmp_path.iterdir()), "no temporary or partial file is left behind"


def test_gbk_outline_is_read(tmp_path: Path) -> None:
    src = tmp_path / "gbk.yaml"
    src.write_bytes("title: 在全市安全生产工作会议上的讲话\nsections:\n  - heading: 提高政治站位\n".encode("gbk"))
    outline = load_outline(src)
    assert outline.title.value == "在全市安全生产工作会议上的讲话"
    assert outline.sections[0].heading.value == "提高政治站位"


def test_undecodable_outline_is_a_located_error(tmp_path: Path) -> None:
    src = tmp_path / "bad.yaml"
    src.write_bytes(b"title: ok\n\x81\x30\xff\xfe\x00\x01 junk\n")
    with pytest.raises(WengaoError) as info:
        load_outline(src)
    assert "GB18030" in str(info.value)
    assert str(info.value).startswith(f"{src}:2:")
