"""Visit or rebuild every text-like leaf of an outline, in document order."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from wengao.outline.model import Outline, PhraseRef, Pick, PointItem, Points, Section, Text


def walk(value: Any, fn: Callable[[Any], Any]) -> Any:
    """Rebuild the outline with fn applied to every Text, PhraseRef and Pick."""
    if isinstance(value, Text | PhraseRef | Pick):
        return fn(value)
    if isinstance(value, tuple):
        return tuple(walk(v, fn) for v in value)
    if isinstance(value, Outline | Section | Points | PointItem):
        changes = {}
        for f in dataclasses.fields(value):
            if f.name == "vars":
                continue
            v = getattr(value, f.name)
            nv = walk(v, fn)
            if nv is not v:
                changes[f.name] = nv
        return dataclasses.replace(value, **changes) if changes else value
    return value


def has_refs(outline: Outline) -> bool:
    """Does the outline use the phrase bank at all? (Then the bank need not be opened.)"""
    found = False

    def visit(v: Any) -> Any:
        nonlocal found
        found = found or isinstance(v, PhraseRef | Pick)
        return v

    walk(outline, visit)
    return found
