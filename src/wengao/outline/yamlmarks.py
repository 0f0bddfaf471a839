"""YAML loading that remembers where every value came from, so errors can name line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from wengao.errors import Diagnostic, WengaoError

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


def load_located(text: str, path: str) -> Located:
    """Parse one YAML document with yaml's safe constructors; raise WengaoError on bad syntax."""
    # libyaml's parser when PyYAML has it (same safe constructors, several times faster)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = _pos(mark)
            # libyaml and the pure-Python parser word a few problems differently: say it one way
            problem = (exc.problem or exc.context or "invalid YAML").replace(" in this context", " here")
            raise WengaoError.single(
                path, f"YAML syntax error: {problem}", line=line, col=col,
                hint=_syntax_hint(problem),
            ) from None
        except yaml.YAMLError as exc:
            raise WengaoError.single(path, f"YAML error: {exc}") from None
        result = Located(path, None)
        if node is None:
            return result
        result.data = _build(loader, node, (), result, result.diagnostics, 0)
        return result
    finally:
        loader.dispose()


def _syntax_hint(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted"
    if "could not find expected ':'" in problem:
        return "check the indentation of this line and the one before"
    return ""


def _build(loader: yaml.SafeLoader, node: yaml.Node, where: Path_, out: Located,
           diagnostics: list[Diagnostic], depth: int) -> Any:
    out.marks[where] = _pos(node.start_mark)
    if depth > 64:
        diagnostics.append(Diagnostic(out.path, *out.marks[where], "YAML nested too deeply"))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                diagnostics.append(Diagnostic(out.path, *_pos(key_node.start_mark),
                                              "YAML merge keys (<<) are not supported in outlines"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                diagnostics.append(Diagnostic(out.path, *_pos(key_node.start_mark),
                                              "a key must be plain text"))
                continue
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = out.key_marks[(*where, key)]
                diagnostics.append(Diagnostic(
                    out.path, *_pos(key_node.start_mark), f"duplicate key '{key}'",
                    f"first given at line {first[0]}"))
                continue
            out.key_marks[(*where, key)] = _pos(key_node.start_mark)
            result[key] = _build(loader, value_node, (*where, key), out, diagnostics, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, child, (*where, i), out, diagnostics, depth + 1)
                for i, child in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except yaml.constructor.ConstructorError as exc:
        out.bad.add(where)
        diagnostics.append(Diagnostic(out.path, *_pos(node.start_mark), f"YAML error: {exc.problem}"))
    except ValueError as exc:  # e.g. 2024-13-40 looks like a date but is none
        out.bad.add(where)
        diagnostics.append(Diagnostic(out.path, *_pos(node.start_mark),
                                      f"'{node.value}' is not valid: {exc}",
                                      "quote the value if it is meant as text"))
    return None
