"""The reader's few word lists, loaded from data a user can extend.

Built-in lists live in `reading/data/lexicon.yaml`; a `lexicon.yaml` in the folder wengao runs
from adds entries to them (same keys), so an office teaches the reader its own post names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "lexicon.yaml"
USER_FILE = "lexicon.yaml"
KEYS = ("posts", "units", "surnames", "title_words", "chrome_words", "boilerplate", "appendix_words", "addressees")


@dataclass(frozen=True)
class Lexicon:
    posts: tuple[str, ...]
    units: tuple[str, ...]
    surnames: frozenset[str]
    title_words: tuple[str, ...]
    chrome_words: frozenset[str]
    boilerplate: tuple[str, ...]
    appendix_words: frozenset[str]
    addressees: tuple[str, ...]


def _load_yaml(path: Path) -> dict:
    from wengao.datafile import load_yaml

    data = load_yaml(path) or {}
    return data if isinstance(data, dict) else {}


def load_lexicon(workspace: Path | None = None) -> Lexicon:
    user = (workspace or Path.cwd()) / USER_FILE
    stamp = user.stat().st_mtime_ns if user.is_file() else 0
    return _lexicon(str(user) if stamp else "", stamp)


@cache
def _lexicon(user: str, _stamp: int) -> Lexicon:
    from wengao.errors import Diagnostic, DocumentError

    data = _load_yaml(DATA)
    if user:
        try:
            extra = _load_yaml(Path(user))
        except Exception as exc:  # noqa: BLE001 - any YAML or I/O problem is the user's file
            from wengao.i18n import t

            raise DocumentError([Diagnostic(user, 0, 0, t("extract.lexicon_bad",
                                                          problem=str(exc).splitlines()[0]))]) from None
        for key in KEYS:
            words = extra.get(key) or []
            if isinstance(words, list):
                data[key] = list(data.get(key) or []) + [str(w) for w in words]

    def words(key: str) -> list[str]:
        return sorted({str(w) for w in data.get(key) or [] if str(w)}, key=lambda w: (-len(w), w))

    return Lexicon(
        posts=tuple(words("posts")),
        units=tuple(words("units")),
        surnames=frozenset(words("surnames")),
        title_words=tuple(words("title_words")),
        chrome_words=frozenset(words("chrome_words")),
        boilerplate=tuple(words("boilerplate")),
        appendix_words=frozenset(words("appendix_words")),
        addressees=tuple(words("addressees")),
    )
