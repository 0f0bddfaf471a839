"""The genres wengao drafts, and which outline keys each one takes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Genre:
    name: str
    label: str  # shown to users
    keys: frozenset[str]  # top-level outline keys this genre accepts
    required: frozenset[str]
    salutation: str | None  # the default salutation; None: none unless the outline gives one
    sections_required: bool = True


_COMMON = frozenset({"genre", "title", "vars", "topics", "seed", "opening", "sections", "closing"})

GENRES: dict[str, Genre] = {
    g.name: g
    for g in (
        Genre("speech", "讲话稿", _COMMON | {"subtitle", "speaker", "date", "salutation"},
              frozenset({"title", "sections"}), "同志们："),
    )
}


def genre_names() -> list[str]:
    return sorted(GENRES)
