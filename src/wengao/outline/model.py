"""The validated outline: immutable values the render stage reads (templates see these attributes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


class MonthDate(dt.date):
    """A date printed with its month only (（一九四二年五月）): written 1942-05 in an outline."""

    month_only = True


@dataclass(frozen=True)
class Source:
    """Where a reused phrase came from, carried to the document for `--annotate`."""

    phrase_id: str
    origin: str  # "file:line" of its first source, or "hand-written"


@dataclass(frozen=True)
class Text:
    """One piece of the writer's text, with its place in the outline file."""

    value: str
    line: int = 0
    col: int = 0
    source: Source | None = None

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        return bool(self.value)


@dataclass(frozen=True)
class PhraseRef:
    """`phrase: id` in the outline; resolved to Text before rendering."""

    phrase_id: str
    vars: dict[str, str]
    line: int
    col: int


@dataclass(frozen=True)
class Pick:
    """`pick: {function, topic, genre, query}`; resolved to Text before rendering."""

    function: str | None
    topic: str | None
    genre: str | None
    query: str | None
    vars: dict[str, str]
    seed: str | None
    line: int
    col: int


TextLike = Text | PhraseRef | Pick


@dataclass(frozen=True)
class PointItem:
    lead: TextLike | None
    text: TextLike | None


@dataclass(frozen=True)
class Points:
    style: str  # shi | yao | plain
    items: tuple[PointItem, ...]


@dataclass(frozen=True)
class Section:
    heading: TextLike
    paragraphs: tuple[TextLike, ...] = ()
    run_in: bool = False  # the heading and the first paragraph make one paragraph: （一）标题。正文…
    points: Points | None = None
    sections: tuple[Section, ...] = ()
    after: tuple[TextLike, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Outline:
    path: str
    genre: str
    title: TextLike
    subtitle: TextLike | None = None
    speaker: TextLike | None = None
    author: TextLike | None = None
    source: TextLike | None = None
    date: dt.date | Text | None = None  # Text: a placeholder 【日期】 still to be filled in
    salutation: TextLike | None = None
    vars: dict[str, str] = field(default_factory=dict)
    topics: tuple[str, ...] = ()
    seed: str | None = None
    opening: tuple[TextLike, ...] = ()
    sections: tuple[Section, ...] = ()
    closing: tuple[TextLike, ...] = ()
    attendance: tuple[TextLike, ...] = ()
    note: tuple[TextLike, ...] = ()
    toc_title: TextLike | None = None
    parts: tuple[Any, ...] = ()  # compilation: tuple[Outline, ...]
    warnings: tuple[Any, ...] = ()  # Diagnostics found while loading (not errors); not for templates
