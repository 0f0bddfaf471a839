"""Slots in phrase text, written {name}: filled from an outline's vars."""

from __future__ import annotations

import re

SLOT_RE = re.compile(r"\{([^{}]+)\}")


def slot_names(text: str) -> list[str]:
    return sorted(set(SLOT_RE.findall(text)))
