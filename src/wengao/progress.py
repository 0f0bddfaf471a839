"""The progress bar long runs (format on a folder, mine) draw on stderr."""

from __future__ import annotations

import sys


def draw_bar(k: int, n: int, name: str) -> None:
    """[#####.....] k/n name, redrawn in place; the line ends when k reaches n."""
    width = 30
    done = width * k // n if n else width
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {k}/{n} {name[:40]:<40}")
    if k == n:
        sys.stderr.write("\n")
    sys.stderr.flush()
