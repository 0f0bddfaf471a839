"""Read and write a bank file in the shape wengao writes it, fast; anything else goes to PyYAML.

PyYAML builds every scalar through Python code (even with the C parser): a 100,000-entry bank
takes half a minute. The files wengao writes are one shape — a list of mappings whose values are
scalars or lists of scalars, one per line — so a line reader gives the same values in a fraction
of the time. The first line it does not recognise (a hand edit in another YAML style, a comment,
a multi-line value) hands the whole file to PyYAML, so the result is always what YAML says.
Writing is the same in reverse: entries whose every value YAML would print as it stands come
out of a line writer, byte for byte what PyYAML prints; anything else is left to PyYAML.
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


_RESOLVER: list = []  # one yaml Resolver, made when first needed


def _resolves_to_str(raw: str) -> bool:
    import yaml

    if not _RESOLVER:
        _RESOLVER.append(yaml.resolver.Resolver())
    return _RESOLVER[0].resolve(yaml.ScalarNode, raw, (True, False)) == "tag:yaml.org,2002:str"


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


# -- writing ----------------------------------------------------------------------------------

# what makes YAML quote a scalar at its start (an indicator; "-", "?" and ":" only before a blank,
# but judged here without the blank, to be safe)
_QUOTED_FIRST = set("#,[]{}&*!|>'\"%@`-?:")


def _written(value: str) -> str | None:
    """`value` as YAML (libyaml's emitter or PyYAML's, block style, allow_unicode) writes it, or
    None when in doubt (None only ever costs speed). Only values with no blank, nothing
    unprintable (Python's notion, stricter than YAML's) and nothing beyond the BMP are judged:
    as they stand when no indicator counts and YAML reads them back as strings; in single quotes
    when they open with "{" (a slot: an indicator wherever it stands first)."""
    if not value or " " in value or not value.isprintable() or max(value) > "\uffff":
        return None
    if value[0] == "{":
        return "'" + value.replace("'", "''") + "'"
    if value[0] in _QUOTED_FIRST or value[-1] == ":" or value.startswith("..."):
        return None
    if _resolvable(value[0]) and not _resolves_to_str(value):
        return None
    return value


_RESOLVED: list[set[str | None]] = []  # first characters an implicit resolver looks at


def _resolvable(first: str) -> bool:
    if not _RESOLVED:
        import yaml

        _RESOLVED.append(set(yaml.resolver.Resolver.yaml_implicit_resolvers))
    return first in _RESOLVED[0] or None in _RESOLVED[0]


def dump(entries: list[dict[str, Any]]) -> str | None:
    """`yaml.dump(entries, allow_unicode=True, sort_keys=False, width=1000,
    default_flow_style=False)` for entries of the shape wengao writes (keys in their order,
    values non-empty strings, integers, booleans or lists of strings), or None when any of them
    is of another shape and PyYAML must write the file."""
    if not entries:
        return None
    lines: list[str] = []
    lists: set[int] = set()  # a list met twice would be written as an anchor and an alias
    seen: dict[str, str | None] = {}  # kinds, functions, genres recur in every entry

    def written(value: str) -> str | None:
        if value not in seen:
            seen[value] = _written(value)
        return seen[value]

    for entry in entries:
        if type(entry) is not dict or not entry:
            return None
        lead = "- "
        for key, value in entry.items():
            if type(key) is not str or len(key) > 100 or key[:1] == "{" or written(key) is None:
                return None
            kind = type(value)
            if kind is str:
                text = written(value)
                if text is None:
                    return None
                lines.append(f"{lead}{key}: {text}")
            elif kind is bool:
                lines.append(f"{lead}{key}: {'true' if value else 'false'}")
            elif kind is int:
                lines.append(f"{lead}{key}: {value}")
            elif kind is list and value and id(value) not in lists:
                lists.add(id(value))
                lines.append(f"{lead}{key}:")
                for item in value:
                    text = written(item) if type(item) is str else None
                    if text is None:
                        return None
                    lines.append(f"  - {text}")
            else:
                return None
            lead = "  "
    return "\n".join(lines) + "\n"
