"""What the `wengao phrases` commands do, apart from parsing arguments and printing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wengao.errors import BankError, UsageError
from wengao.genres import PART_GENRES, resolve_genre
from wengao.phrases.index import BankIndex, Found, Hit

BOLD, RESET = "\x1b[1;31m", "\x1b[0m"


def format_hit(hit: Hit, query: str = "", color: bool = False) -> str:
    """One line of a search or a list: id, function (结尾号召 in Chinese, closing in English),
    text, first source."""
    from wengao.phrases.bank import source_text
    from wengao.phrases.functions import function_name
    from wengao.text.width import width

    text = hit.text
    if color and query:
        for word in query.split():
            text = text.replace(word, f"{BOLD}{word}{RESET}")
    fns = "/".join(function_name(f) for f in (hit.functions or [hit.function]))
    return f"{hit.id:<18} {fns}{' ' * max(0, 12 - width(fns))} {text}  [{source_text(hit.source)}]"


def as_json(hits: list[Hit]) -> str:
    return json.dumps([h.entry for h in hits], ensure_ascii=False, indent=2)


def _shown_value(key: str, value: Any) -> str:
    """A field of an entry as the user reads it (functions, genres, kinds and hand-written
    sources in words); other values as they are."""
    from wengao.genres import GENRES
    from wengao.i18n import EN, language, t
    from wengao.messages import MESSAGES
    from wengao.phrases.bank import source_text
    from wengao.phrases.functions import function_name

    items = value if isinstance(value, list) else [value]
    english = language() == EN
    if key in ("function", "functions"):
        items = [function_name(str(v)) for v in items]
    elif key == "genres" and not english:
        items = [GENRES[str(v)].label if str(v) in GENRES else v for v in items]
    elif key == "kind" and f"phrases.kind.{value}" in MESSAGES:
        items = [t(f"phrases.kind.{value}")]
    elif key == "sources":
        items = [source_text(str(v)) for v in items]
    elif isinstance(value, bool):
        items = [t("phrases.yes") if value else t("phrases.no")]
    return t("cli.list_sep").join(map(str, items))


def show(hit: Hit) -> str:
    """An entry, one field a line, each named in the user's language (编号：… / id: …)."""
    from wengao.i18n import t
    from wengao.messages import MESSAGES
    from wengao.phrases.bank import ordered
    from wengao.text.width import width

    fields = [(t(f"phrases.field.{k}") if f"phrases.field.{k}" in MESSAGES else k, _shown_value(k, v))
              for k, v in ordered(hit.entry).items()]
    pad = max(width(name) for name, _ in fields)
    return "\n".join(t("phrases.field_line", name=name + " " * (pad - width(name)), value=value)
                     for name, value in fields)


def check_limit(limit: int) -> int:
    from wengao.i18n import t

    if limit < 1:
        raise UsageError.single("--limit", t("phrases.bad_limit", limit=limit))
    return limit


def search(bank: Path | None, query: str, *, function: str | None = None, genre: str | None = None,
           topic: str | None = None, limit: int = 20) -> tuple[Found, list[str]]:
    """The hits for a query, and the notes to print (a fallback to its parts, a rebuilt index)."""
    from wengao.i18n import t
    from wengao.phrases.functions import resolve_function

    check_limit(limit)
    if not query.strip():
        raise UsageError.single("QUERY", t("phrases.empty_query"))
    function = resolve_function(function)
    genre = resolve_genre(genre, "--genre", PART_GENRES)
    index = open_index(bank)
    found = index.find(query, function=function, genre=genre, topic=topic, limit=limit)
    notes = list(index.notices)
    if found.parts and found.hits:
        notes.append(t("phrases.fallback", query=query.strip(), parts="、".join(found.parts)))
    return found, notes


def list_entries(bank: Path | None, function: str | None) -> tuple[list[Hit], list[str]]:
    from wengao.phrases.functions import resolve_function

    function = resolve_function(function)
    index = open_index(bank)
    return index.list(function), list(index.notices)


def add(bank: Path | None, text: str, function: str, topics: list[str],
        genres: list[str]) -> tuple[dict[str, Any], Path]:
    """Add a hand-written entry (kept when the bank is mined again); returns it and the file
    it went into. Without --bank it goes into ./phrasebank, never into the built-in bank."""
    from wengao.i18n import t
    from wengao.phrases.bank import add_entry
    from wengao.workspace import in_package, workspace_bank

    target = bank if bank is not None else workspace_bank()
    if target is None:
        raise UsageError.single("--bank", t("phrases.add.no_bank"), hint=t("phrases.add.no_bank_hint"))
    if in_package(target):
        raise UsageError.single(str(target), t("phrases.add.builtin"), hint=t("phrases.add.no_bank_hint"))
    names = [resolve_genre(g, "--genre", PART_GENRES) or g for g in genres]  # 讲话稿 is stored as speech
    entry = add_entry(target, text, function, topics, list(dict.fromkeys(names)))
    return entry, target / f"{entry['function']}.yaml"


def open_index(bank: Path | None) -> BankIndex:
    from wengao.i18n import t
    from wengao.phrases.bank import bank_files
    from wengao.workspace import default_bank

    path = bank or default_bank()
    if not path.is_dir() or not bank_files(path):
        raise BankError.single(str(path), t("phrases.no_bank"), hint=t("phrases.no_bank_hint"))
    return BankIndex(path)
