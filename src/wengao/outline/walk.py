"""Visit or rebuild every text-like leaf of an outline, in document order."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
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


_SKIP = frozenset({"vars", "warnings", "parts"})


@functools.cache
def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in _SKIP)


def texts(value: Any) -> Iterator[Text | PhraseRef | Pick]:
    """Every Text, PhraseRef and Pick of one outline (not of its parts), in document order;
    nothing is rebuilt, so it is cheap enough to run on every build."""
    if isinstance(value, Text | PhraseRef | Pick):
        yield value
    elif isinstance(value, tuple):
        for v in value:
            yield from texts(v)
    elif isinstance(value, Outline | Section | Points | PointItem):
        for name in _fields(type(value)):
            yield from texts(getattr(value, name))


def has_refs(outline: Outline) -> bool:
    """Does the outline use the phrase bank at all? (Then the bank need not be opened.)"""
    return any(isinstance(v, PhraseRef | Pick) for o in (outline, *outline.parts) for v in texts(o))
