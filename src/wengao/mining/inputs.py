"""The documents a mine reads: every input checked before anything is read or written.

The reading layer owns what a document is (`wengao.reading.expand_inputs`: folders expanded
by suffix, hidden and lock files skipped, every missing input reported at once); the miner
only asks it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def collect(inputs: Iterable[Path]) -> list[tuple[Path, str]]:
    """Files to read, sorted, each with the name its sources will cite; DocumentError naming
    every missing input, raised before anything is read."""
    from wengao.reading import expand_inputs

    return expand_inputs(inputs)
