"""The miner's vocabulary and repair table, loaded from data files a user can extend."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from wengao.errors import WengaoError

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class RepairRule:
    wrong: str
    right: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    if_seen: bool = False
    pattern: re.Pattern[str] = field(compare=False, default=None)  # type: ignore[assignment]

    @property
    def label(self) -> str:
        return f"{self.wrong}→{self.right}"


def _compile(wrong: str, before: tuple[str, ...], after: tuple[str, ...]) -> re.Pattern[str]:
    w = re.escape(wrong)
    if not before and not after:
        return re.compile(w)
    alts = []
    if before:
        alts.append("(?:" + "|".join(f"(?<={re.escape(b)})" for b in before) + ")" + w)
    if after:
        alts.append(w + "(?=" + "|".join(re.escape(a) for a in after) + ")")
    return re.compile("|".join(alts))


def load_repairs(extra: list[Path] | None = None) -> tuple[RepairRule, ...]:
    rules: list[RepairRule] = []
    for path in [DATA / "repairs.yaml", *(extra or [])]:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except (OSError, yaml.YAMLError) as exc:
            raise WengaoError.single(str(path), f"cannot read the repair table: {exc}") from None
        if not isinstance(data, list):
            raise WengaoError.single(str(path), "a repair table is a list of {wrong, right} mappings")
        for i, item in enumerate(data, 1):
            if not isinstance(item, dict) or not item.get("wrong") or "right" not in item:
                raise WengaoError.single(str(path), f"repair rule {i} needs 'wrong' and 'right'")
            before = tuple(str(x) for x in item.get("before") or ())
            after = tuple(str(x) for x in item.get("after") or ())
            rules.append(RepairRule(str(item["wrong"]), str(item["right"]), before, after,
                                    bool(item.get("if_seen")), _compile(str(item["wrong"]), before, after)))
    return tuple(rules)


@dataclass(frozen=True)
class Lexicon:
    boilerplate: tuple[str, ...]
    roles: tuple[str, ...]
    title_words: tuple[str, ...]
    places: tuple[str, ...]
    topics: dict[str, tuple[str, ...]]


@cache
def load_lexicon() -> Lexicon:
    data = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
    return Lexicon(
        boilerplate=tuple(data["boilerplate"]),
        roles=tuple(sorted(data["roles"], key=len, reverse=True)),
        title_words=tuple(sorted(data["title_words"], key=len, reverse=True)),
        places=tuple(sorted(data["places"], key=len, reverse=True)),
        topics={k: tuple(v) for k, v in data["topics"].items()},
    )


def apply_repairs(text: str, rules: tuple[RepairRule, ...]) -> tuple[str, tuple[RepairRule, ...]]:
    """Repair text; return it with the rules that fired."""
    fired = []
    for rule in rules:
        if rule.wrong in text:
            new = rule.pattern.sub(rule.right, text)
            if new != text:
                fired.append(rule)
                text = new
    return text, tuple(fired)
