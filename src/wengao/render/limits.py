"""Bounds on what a template may cost: time, loop iterations, the size of strings it makes.

Templates are untrusted input (a user's, or one copied from a colleague). Jinja's sandbox stops
them reaching Python's internals, not from running for ever or filling memory: nested
`range(100000)` loops, `'a' * 10**10`, `'x'|center(10**9)`. This sandbox counts the items of
every range, refuses string-multiplying and formatting that would exceed the output cap, caps
numeric arguments of filters and methods, and stops a render that runs past its deadline (an
interval timer on the main thread; a clock check on every call elsewhere).
"""

from __future__ import annotations

import contextlib
import functools
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from wengao.i18n import t

MAX_SECONDS = 5.0
MAX_OUTPUT_CHARS = 5_000_000  # a 300-page compilation is about 300,000 characters
MAX_RANGE_ITEMS = 1_000_000  # over all the range() calls of one render
MAX_ARGUMENT = 100_000  # a width, a count or a repetition given to a filter or a method


class RenderTimeout(Exception):
    """Raised inside the template's frames, so the traceback still names its line."""


class Budget:
    def __init__(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.range_items = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderTimeout(t("build.template.timeout", seconds=MAX_SECONDS))


def _check_size(n: int) -> None:
    if n > MAX_OUTPUT_CHARS:
        raise SecurityError(t("build.template.too_big", n=MAX_OUTPUT_CHARS))


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT:
            raise SecurityError(t("build.template.big_argument", n=MAX_ARGUMENT))


def _guarded_filter(fn: Any) -> Any:
    from jinja2.utils import _PassArg

    skip = 2 if _PassArg.from_obj(fn) is not None else 1  # (context,) value, then the arguments

    @functools.wraps(fn)  # keeps jinja's pass_context / pass_environment marks
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args[skip:], kwargs)
        return fn(*args, **kwargs)

    return guarded


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with a budget per render (see module docstring)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.budget = Budget()
        self.globals.pop("lipsum", None)  # lipsum(10**9)
        self.globals["range"] = self._range
        for name, fn in list(self.filters.items()):
            self.filters[name] = _guarded_filter(fn)

    def _range(self, *args: int) -> range:
        items = range(*args)
        self.budget.range_items += len(items)
        if self.budget.range_items > MAX_RANGE_ITEMS:
            raise SecurityError(t("build.template.too_many_loops", n=MAX_RANGE_ITEMS))
        return items

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.budget.tick()
        if __obj != __self._range:
            _check_arguments(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.tick()
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int):
                    _check_size(len(seq) * n)
        elif operator == "**":
            if isinstance(right, int | float) and abs(right) > 64 and isinstance(left, int | float) \
                    and abs(left) > 1:
                raise SecurityError(t("build.template.big_argument", n=64))
        elif operator == "%" and isinstance(left, str):
            import re

            for width in re.findall(r"%[-+ #0]*(\d+)", left):
                if int(width) > MAX_ARGUMENT:
                    raise SecurityError(t("build.template.big_argument", n=MAX_ARGUMENT))
        elif operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            _check_size(len(left) + len(right))
        return super().call_binop(context, operator, left, right)


@contextlib.contextmanager
def bounded(env: BoundedSandbox) -> Iterator[None]:
    """A fresh budget, and on the main thread an alarm that interrupts a loop that makes no calls."""
    env.budget = Budget()
    use_alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not use_alarm:
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise RenderTimeout(t("build.template.timeout", seconds=MAX_SECONDS))

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_bounded(env: BoundedSandbox, template: Any, context: dict[str, Any]) -> str:
    """Render, stopping at the deadline or once the output passes MAX_OUTPUT_CHARS."""
    pieces: list[str] = []
    size = 0
    with bounded(env):
        for piece in template.generate(context):
            size += len(piece)
            _check_size(size)
            pieces.append(piece)
    return "".join(pieces)
