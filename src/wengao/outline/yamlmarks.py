"""YAML loading that remembers where every value came from, so errors can name line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from wengao.errors import Diagnostic, OutlineError
from wengao.i18n import t

Path_ = tuple[Any, ...]


@dataclass
class Located:
    """Plain Python data (safe_load types) plus the 1-based (line, col) of each value and key."""

    path: str
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Values YAML itself rejected (reported already); validation stays quiet about them.
    diagnostics: list[Diagnostic] = field(default_factory=list)
    bad: set[Path_] = field(default_factory=set)

    def mark(self, where: Path_, *, key: bool = False) -> tuple[int, int]:
        """The mark of a path; falls back to the closest enclosing value that has one."""
        table = self.key_marks if key else self.marks
        if where in table:
            return table[where]
        while where:
            where = where[:-1]
            if where in self.marks:
                return self.marks[where]
        return (1, 1)

    def diag(self, where: Path_, message: str, hint: str = "", *, key: bool = False) -> Diagnostic:
        line, col = self.mark(where, key=key)
        return Diagnostic(self.path, line, col, message, hint)


def _pos(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


# An outline of a few hundred values expands to far fewer than this; YAML aliases nested ten
# wide and twelve deep would expand to 10**12 (the "billion laughs"): stop, and say where.
MAX_VALUES = 50_000


class _TooBig(Exception):
    def __init__(self, mark: tuple[int, int]) -> None:
        self.mark = mark


def load_located(text: str, path: str, chinese_keys: dict[str, str] | None = None) -> Located:
    """Parse one YAML document with yaml's safe constructors; raise OutlineError on bad syntax
    (input-method mistakes first, each on its own line)."""
    from wengao.outline.ime import scan

    text, mistakes = scan(text, path, chinese_keys or {})
    if mistakes:
        raise OutlineError(mistakes)
    # libyaml's parser when PyYAML has it (same safe constructors, several times faster)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = _pos(mark)
            message, hint = _syntax_problem(exc.problem or exc.context or "")
            raise OutlineError.single(path, message, line=line, col=col, hint=hint) from None
        except yaml.YAMLError as exc:
            raise OutlineError.single(path, t("outline.yaml.error", problem=str(exc))) from None
        result = Located(path, None)
        if node is None:
            return result
        try:
            result.data = _build(loader, node, (), result, result.diagnostics, 0, [0])
        except _TooBig as big:
            raise OutlineError.single(path, t("outline.yaml.too_big", n=MAX_VALUES), line=big.mark[0],
                                      col=big.mark[1], hint=t("outline.yaml.too_big.hint")) from None
        return result
    finally:
        loader.dispose()


# What PyYAML and libyaml say (in English, worded a little differently) → what to tell a writer.
_PROBLEMS = (
    ("mapping values are not allowed", "outline.yaml.colon_in_value"),
    ("could not find expected ':'", "outline.yaml.no_colon"),
    ("cannot start any token", "outline.yaml.tab"),
    ("did not find expected key", "outline.yaml.expected_key"),
    ("did not find expected '-' indicator", "outline.yaml.expected_dash"),
    ("expected <block end>", "outline.yaml.indent"),
    ("found unexpected end of stream", "outline.yaml.unclosed"),
    ("did not find expected ',' or ']'", "outline.yaml.unclosed_list"),
    ("did not find expected ',' or '}'", "outline.yaml.unclosed_map"),
    ("found undefined alias", "outline.yaml.undefined_alias"),
    ("found duplicate anchor", "outline.yaml.duplicate_anchor"),
)


def _syntax_problem(problem: str) -> tuple[str, str]:
    for needle, key in _PROBLEMS:
        if needle in problem:
            return t(key), t(key + ".hint")
    return t("outline.yaml.syntax", problem=problem or "?"), ""


def _build(loader: yaml.SafeLoader, node: yaml.Node, where: Path_, out: Located,
           diagnostics: list[Diagnostic], depth: int, count: list[int]) -> Any:
    out.marks[where] = _pos(node.start_mark)
    count[0] += 1
    if count[0] > MAX_VALUES:
        raise _TooBig(out.marks[where])
    if depth > 64:
        diagnostics.append(Diagnostic(out.path, *out.marks[where], t("outline.yaml.too_deep")))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                diagnostics.append(Diagnostic(out.path, *_pos(key_node.start_mark), t("outline.yaml.merge")))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                diagnostics.append(Diagnostic(out.path, *_pos(key_node.start_mark), t("outline.yaml.key_not_text")))
                continue
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = out.key_marks[(*where, key)]
                diagnostics.append(Diagnostic(
                    out.path, *_pos(key_node.start_mark), t("outline.yaml.duplicate_key", key=key),
                    t("outline.yaml.duplicate_key.hint", line=first[0])))
                continue
            out.key_marks[(*where, key)] = _pos(key_node.start_mark)
            result[key] = _build(loader, value_node, (*where, key), out, diagnostics, depth + 1, count)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, child, (*where, i), out, diagnostics, depth + 1, count)
                for i, child in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except yaml.constructor.ConstructorError as exc:
        out.bad.add(where)
        diagnostics.append(Diagnostic(out.path, *_pos(node.start_mark),
                                      t("outline.yaml.syntax", problem=exc.problem)))
    except ValueError as exc:  # e.g. 2024-13-40 looks like a date but is none
        out.bad.add(where)
        looks_like_date = node.tag.endswith(":timestamp")
        diagnostics.append(Diagnostic(out.path, *_pos(node.start_mark),
                                      t("outline.yaml.bad_date" if looks_like_date else "outline.yaml.bad_value",
                                        value=node.value, reason=exc),
                                      t("outline.yaml.bad_value.hint")))
    return None
