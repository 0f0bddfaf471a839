"""The sandboxed Jinja environment genre templates run in; templates are untrusted input."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from wengao.errors import Diagnostic, TemplateError
from wengao.i18n import t
from wengao.outline.model import Source, Text
from wengao.render import markup as mk
from wengao.render.limits import BoundedSandbox, RenderTimeout

# Bump when the environment's code generation changes (e.g. intercepted operators): compiled
# templates in the cache were made for the old one.
_CODEGEN = 2


class _Renderer:
    """Holds the per-render source table that inline provenance markers point into."""

    def __init__(self) -> None:
        self.sources: list[Source] = []

    def text_markup(self, value: Any) -> str:
        if isinstance(value, Text):
            body = mk.escape_text(value.value)
            if value.source is not None:
                self.sources.append(value.source)
                body = mk.sourced(body, len(self.sources) - 1)
            return body
        if value is None:
            raise jinja2.TemplateRuntimeError(t("build.template.printed_none"))
        if isinstance(value, dt.date):
            return cn_date(value)
        if isinstance(value, list | tuple | dict):
            raise jinja2.TemplateRuntimeError(t("build.template.printed_list", type=type(value).__name__))
        return mk.escape_text(str(value))

    def finalize(self, value: Any) -> Markup:
        if isinstance(value, Markup):  # macro / recursive-loop output and our filters
            return value
        return Markup(self.text_markup(value))

    def strong(self, value: Any) -> Markup:
        if isinstance(value, Markup):
            return Markup(mk.bold(str(value)))
        return Markup(mk.bold(self.text_markup(value)))


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user's cache folder: start-up without re-compiling.

    Jinja checks each entry against the template source, so an edited template recompiles.
    """
    import os

    from wengao import __version__
    from wengao.workspace import cache_dir

    # compiled code depends on this environment's settings too: one folder per wengao version
    folder = cache_dir() / f"jinja-{__version__}-{_CODEGEN}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def cn_date(value: dt.date | Text) -> str:
    """2024-05-20 → 2024年5月20日 (GB/T 9704: full year, no leading zeros); 1942-05 → 1942年5月;
    a placeholder such as 【日期】 stays as it is."""
    if not isinstance(value, dt.date):
        return mk.escape_text(str(value))
    if getattr(value, "month_only", False):
        return f"{value.year}年{value.month}月"
    return f"{value.year}年{value.month}月{value.day}日"


def make_environment(template_dirs: list[Path]) -> tuple[BoundedSandbox, _Renderer]:
    """One environment per set of template folders and process: templates compile once."""
    return _environment(tuple(str(d) for d in template_dirs))


@functools.cache
def _environment(template_dirs: tuple[str, ...]) -> tuple[BoundedSandbox, _Renderer]:
    renderer = _Renderer()
    env = BoundedSandbox(
        loader=jinja2.FileSystemLoader(list(template_dirs), encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # every printed value goes through finalize, and Markup marks our own
        finalize=renderer.finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["strong"] = renderer.strong
    env.filters["cn_date"] = cn_date
    return env, renderer


def template_error(exc: BaseException, fallback: str) -> TemplateError:
    """Name the template file and line, whatever the template did wrong."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        path = exc.filename or exc.name or fallback
        return TemplateError([Diagnostic(path, exc.lineno or 0, 1, t("build.template.syntax", problem=exc.message))])
    path, line = fallback, 0
    tb = exc.__traceback__
    while tb is not None:  # jinja rewrites the traceback: template frames carry file and line
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".jinja", ".jinja2", ".md")) or "/templates/" in filename:
            path, line = filename, tb.tb_lineno
        tb = tb.tb_next
    hint = ""
    if isinstance(exc, jinja2.TemplateNotFound):  # an {% include %} or {% import %} of a missing file
        message, hint = t("build.template.include_missing", name=exc.name), t("build.template.include_missing.hint")
    elif isinstance(exc, jinja2.UndefinedError):
        message, hint = t("build.template.undefined", problem=exc.message), t("build.template.undefined.hint")
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        message, hint = t("build.template.refused", problem=exc), t("build.template.refused.hint")
    elif isinstance(exc, RenderTimeout):
        message, hint = str(exc), t("build.template.refused.hint")
    elif isinstance(exc, RecursionError):
        message = t("build.template.recursion")
    elif isinstance(exc, MemoryError):
        message = t("build.template.too_big", n="?")
    else:
        message = t("build.template.failed", problem=f"{type(exc).__name__}: {exc}")
    return TemplateError([Diagnostic(path, line, 1 if line else 0, message, hint)])
