"""The bench scripts run (tiny inputs, one repetition); timings are not asserted here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize("part", ["build", "help", "mine", "search"])
def test_bench_runs_on_tiny_inputs(part: str, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCH / "run.py"), "--tiny", "--only", part,
                             "--results", str(tmp_path / "r.md")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if "| target" in ln]
    assert lines, result.stdout
    assert all("wengao" in ln for ln in lines)
