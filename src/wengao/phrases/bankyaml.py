"""Read a bank file in the shape wengao writes it, fast; anything else goes to PyYAML.

PyYAML builds every scalar through Python code (even with the C parser): a 100,000-entry bank
takes half a minute. The files wengao writes are one shape — a list of mappings whose values are
scalars or lists of scalars, one per line — so a line reader gives the same values in a fraction
of the time. The first line it does not recognise (a hand edit in another YAML style, a comment,
a multi-line value) hands the whole file to PyYAML, so the result is always what YAML says.
"""

from __future__ import annotations

import re
from typing import Any

_KEY_RE = re.compile(r"^[A-Za-z_][\w-]*$")
_SYNTAX_START = set("-?:,[]{}#&*!|>'\"%@`0123456789+.~ \t")
_INDICATORS = set("-?:,[]{}#&*!|>%@`")
_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


class NotSimple(Exception):
    """The file uses YAML beyond the shape wengao writes."""


def _scalar(raw: str) -> Any:
    if raw.startswith("'"):
        if len(raw) < 2 or not raw.endswith("'") or "'" in raw[1:-1].replace("''", ""):
            raise NotSimple
        return raw[1:-1].replace("''", "'")
    if raw.startswith('"') or raw[-1:] in " \t" or ": " in raw or " #" in raw or "\t" in raw:
        raise NotSimple
    if raw[:1] not in _SYNTAX_START and (len(raw) > 5 or raw.lower() not in _WORDS):
        return raw
    if raw[:1] in _INDICATORS:
        raise NotSimple  # a flow list, an anchor, a tag …: YAML's business
    if raw.isdigit() and (raw == "0" or not raw.startswith("0")):
        return int(raw)
    if raw in ("true", "True", "TRUE"):
        return True
    if raw in ("false", "False", "FALSE"):
        return False
    if raw in ("null", "~", "Null", "NULL"):
        return None
    if _resolves_to_str(raw):  # 002_7c35….txt:32: starts like a number, is text
        return raw
    raise NotSimple  # let YAML decide (numbers with signs, dates, yes/no …)


def _resolves_to_str(raw: str) -> bool:
    import yaml

    return yaml.resolver.Resolver().resolve(yaml.ScalarNode, raw, (True, False)) == "tag:yaml.org,2002:str"


def parse(text: str) -> list[dict[str, Any]]:
    """The entries of a bank file written by wengao; NotSimple when it is written otherwise."""
    out: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    open_list: list[Any] | None = None
    keys: dict[str, bool] = {}  # keys seen well-formed
    for line in text.split("\n"):
        if not line:
            continue
        if line.startswith("  - "):
            if open_list is None or len(line) == 4:
                raise NotSimple
            open_list.append(_scalar(line[4:]))
            continue
        if line.startswith("- "):
            current = {}
            out.append(current)
            body = line[2:]
        elif line.startswith("  ") and current is not None:
            body = line[2:]
        else:
            raise NotSimple
        key, sep, raw = body.partition(":")
        if not sep or key not in keys and not _KEY_RE.match(key) or key in current:  # type: ignore[operator]
            raise NotSimple
        keys[key] = True
        if not raw:
            open_list = []
            current[key] = open_list  # type: ignore[index]
        elif raw[0] == " " and len(raw) > 1:
            current[key] = _scalar(raw[1:])  # type: ignore[index]
            open_list = None
        else:
            raise NotSimple
    if any(v == [] for e in out for v in e.values()):
        raise NotSimple  # "key:" with nothing under it is null in YAML, not an empty list
    return out
