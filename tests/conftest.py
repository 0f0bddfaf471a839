"""Shared helpers: build outlines in a temporary folder and read the .docx back."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
CORPUS = ROOT / "phrasebank" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files from the current output (review the diff!)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def write_bank(folder: Path, by_function: dict[str, list[dict]]) -> Path:
    """A bank folder holding one YAML file per function, as a test describes it."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    for function, entries in by_function.items():
        (folder / f"{function}.yaml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture
def build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """build(yaml_text, **options) → skeleton of the written .docx (cwd is an empty workspace)."""
    from wengao.build import BuildOptions, build_file
    from wengao.docx.inspect import skeleton

    monkeypatch.chdir(tmp_path)

    def run(text: str, name: str = "outline.yaml", **opts):
        src = write(tmp_path / name, text)
        out = build_file(src, tmp_path / (Path(name).stem + ".docx"), BuildOptions(force=True, **opts))
        return skeleton(out.path)

    return run


def body(skel: dict) -> list[dict]:
    """Paragraphs with text, in order."""
    return [p for p in skel["paragraphs"] if p["text"]]


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


def soffice_convert(target: str, out_dir: Path, *inputs: Path, timeout: float = 180,
                    check: bool = True) -> subprocess.CompletedProcess:
    """LibreOffice run as wengao runs it (soffice.convert_command): headless, with a private
    profile in out_dir, so tests running side by side never share one."""
    from wengao.soffice import convert_command

    cmd = convert_command(shutil.which("soffice") or "soffice", out_dir, target, out_dir, *inputs)
    return subprocess.run(cmd, capture_output=True, timeout=timeout, check=check)


# Figures measured by tests and reported at the end of the run (e.g. classifier accuracy).
REPORT: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001
    if REPORT:
        terminalreporter.section("wengao measurements")
        for key, value in REPORT.items():
            terminalreporter.write_line(f"{key}: {value}")


@pytest.fixture(autouse=True)
def _language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read messages in Chinese, as users do; a test that checks English sets WENGAO_LANG=en."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("WENGAO_LANG", "zh")
