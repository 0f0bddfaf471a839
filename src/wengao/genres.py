"""The genres wengao drafts, and which outline keys each one takes."""

from __future__ import annotations

from dataclasses import dataclass

# Heading numbers by level. GB/T 9704: 一、（一）1.（1）; exchange speeches number inside
# sections with 1、 as seed 001 does.
NUMBERING = {
    "gbt": ("一、", "（一）", "1.", "（1）"),
    "exchange": ("一、", "1、", "（1）", "①"),
    "none": ("", "", "", ""),
}


@dataclass(frozen=True)
class Genre:
    name: str
    label: str  # shown to users
    keys: frozenset[str]  # top-level outline keys this genre accepts
    required: frozenset[str]
    salutation: str | None  # the default salutation; None: none unless the outline gives one
    numbering: str = "gbt"
    heading_required: bool = True  # sections need a heading
    description: str = ""  # a catalogue key (build.genre.NAME)


_COMMON = frozenset({"genre", "title", "vars", "topics", "seed", "opening", "sections", "closing"})

GENRES: dict[str, Genre] = {
    g.name: g
    for g in (
        Genre("speech", "讲话稿", _COMMON | {"subtitle", "speaker", "author", "date", "salutation"},
              frozenset({"title", "sections"}), "同志们：",
              description="build.genre.speech"),
        Genre("exchange", "研讨交流发言", _COMMON | {"subtitle", "speaker", "author", "date", "salutation"},
              frozenset({"title", "sections"}), None, numbering="exchange",
              description="build.genre.exchange"),
        Genre("study-report", "心得体会", _COMMON | {"subtitle", "author", "date", "salutation"},
              frozenset({"title", "sections"}), None,
              description="build.genre.study-report"),
        Genre("news", "会议新闻稿", (_COMMON - {"closing"}) | {"subtitle", "author", "source", "date",
                                                                "attendance"},
              frozenset({"title", "opening"}), None, numbering="none", heading_required=False,
              description="build.genre.news"),
        Genre("compilation", "汇编", frozenset({"genre", "title", "note", "vars", "topics", "seed", "parts",
                                               "toc_title", "subtitle", "author", "date", "salutation"}),
              frozenset({"title", "parts"}), None, numbering="none",
              description="build.genre.compilation"),
    )
}
PART_GENRES = tuple(g for g in GENRES if g != "compilation")


def genre_names() -> list[str]:
    return sorted(GENRES)
