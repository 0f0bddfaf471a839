"""The genres wengao drafts, which outline keys each one takes, and the names a writer may call
them by (English or Chinese): the one place that turns a typed genre into a Genre's name."""

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


# Other names a writer may type; a genre's name (any case) and its label are always understood.
ALIASES: dict[str, str] = {
    "讲话": "speech", "交流发言": "exchange", "研讨发言": "exchange", "心得": "study-report",
    "新闻稿": "news", "会议新闻": "news",
}


def canonical_genre(name: object) -> str | None:
    """The genre a typed name means (speech, 讲话稿, 讲话 → speech), or None when it means none."""
    key = str(name).strip()
    if key.lower() in GENRES:
        return key.lower()
    for genre in GENRES.values():
        if key == genre.label:
            return genre.name
    return ALIASES.get(key)


def genre_shown(name: str) -> str:
    """A genre as the user reads it: 讲话稿 in Chinese, speech in English."""
    from wengao.i18n import EN, language

    return name if language() == EN or name not in GENRES else GENRES[name].label


def genre_label(name: str | None) -> str:
    """A genre with its label, as reports name it: 讲话稿（speech）; an unknown name as it is."""
    g = GENRES.get(name or "")
    return f"{g.label}（{name}）" if g else str(name)


def genre_choices(names: tuple[str, ...] | list[str] | None = None) -> str:
    """The genres, as a writer may name them: speech（讲话稿）、exchange（研讨交流发言）…"""
    from wengao.i18n import t

    return t("cli.list_sep").join(t("build.genre.choice", name=n, label=GENRES[n].label)
                                  for n in (names or list(GENRES)))


def unknown_genre_hint(name: object, names: tuple[str, ...] | list[str] | None = None) -> str:
    """The hint of an unknown genre: the nearest one, if any, then every valid one in both forms."""
    import difflib

    from wengao.i18n import t

    allowed = list(names or GENRES)
    spellings = {**{n: n for n in allowed}, **{GENRES[n].label: n for n in allowed},
                 **{a: n for a, n in ALIASES.items() if n in allowed}}
    close = difflib.get_close_matches(str(name).strip(), list(spellings), n=1, cutoff=0.6)
    valid = t("build.genre.valid", names=genre_choices(allowed))
    if not close:
        return valid
    near = spellings[close[0]]
    return t("build.genre.did_you_mean", choice=genre_choices([near]), valid=valid)


def resolve_genre(name: str | None, where: str, names: tuple[str, ...] | list[str] | None = None) -> str | None:
    """A genre named on the command line (either form), or a UsageError listing the valid ones."""
    if name is None:
        return None
    found = canonical_genre(name)
    if found is None or (names is not None and found not in names):
        from wengao.errors import UsageError
        from wengao.i18n import t

        raise UsageError.single(where, t("build.genre.unknown", name=name), hint=unknown_genre_hint(name, names))
    return found
