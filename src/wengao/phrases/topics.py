"""Topics of county and township work (data/topics.yaml, extended by the user): a phrase's
topics come from its own words, and a pick keeps to the outline's topics."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from wengao.datafile import load_yaml

DATA = Path(__file__).parent / "data"


@cache
def load_topics(extra: tuple[Path, ...] = ()) -> dict[str, tuple[str, ...]]:
    """topic → the words that say a phrase is about it (its own name first)."""
    from wengao.errors import UsageError
    from wengao.i18n import t

    topics: dict[str, list[str]] = {}
    for path in (DATA / "topics.yaml", *extra):
        try:
            data = load_yaml(path) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise UsageError.single(str(path), t("phrases.topics_unreadable", reason=str(exc))) from None
        if not isinstance(data, dict):
            raise UsageError.single(str(path), t("phrases.topics_not_mapping"))
        for topic, words in data.items():
            bucket = topics.setdefault(str(topic), [str(topic)])
            bucket += [str(w) for w in (words or []) if str(w) not in bucket]
    return {k: tuple(v) for k, v in topics.items()}


def topics_of(text: str, topics: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """The topics a phrase's own words are about."""
    table = topics if topics is not None else load_topics()
    return sorted(topic for topic, words in table.items() if any(w in text for w in words))


def with_parents(topics: tuple[str, ...], table: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The topics asked for, and the topic each one is a word of (防汛 → 安全生产): an outline on
    flood prevention may take a phrase about work safety, never the other way round."""
    table = table if table is not None else load_topics()
    out = list(topics)
    for asked in topics:
        out += [topic for topic, words in table.items() if topic not in out and asked in words[1:]]
    return tuple(out)
