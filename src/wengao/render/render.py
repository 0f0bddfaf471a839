"""Render an outline through its genre template into blocks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import jinja2

from wengao.document.blocks import Block
from wengao.errors import TemplateError, WengaoError
from wengao.genres import GENRES
from wengao.i18n import t
from wengao.outline.model import Outline, Text
from wengao.render.environment import make_environment, template_error
from wengao.render.limits import render_bounded
from wengao.render.markup import parse_markup

TEMPLATE_FILE = "document.md.j2"


def template_context(outline: Outline) -> dict[str, object]:
    """Every outline field, so templates may test any of them without an undefined error."""
    ctx = {f.name: getattr(outline, f.name) for f in dataclasses.fields(outline) if f.name != "warnings"}
    genre = GENRES[outline.genre]
    ctx["genre_label"] = genre.label
    if ctx.get("salutation") is None and genre.salutation:
        ctx["salutation"] = Text(genre.salutation)
    return ctx


def render_outline(outline: Outline, template_dirs: list[Path],
                   part_dirs: Callable[[str], list[Path]] | None = None) -> list[Block]:
    """template_dirs: the genre's folders, user's first, so workspace files override by name.

    A compilation's template places its parts with an @parts line; each part renders through
    its own genre's template (part_dirs gives the folders) and starts on a new page.
    """
    blocks = _render_one(outline, template_dirs)
    scheme = GENRES[outline.genre].numbering
    blocks = [dataclasses.replace(b, scheme=scheme) if b.kind == "h" else b for b in blocks]
    if not outline.parts:
        return [b for b in blocks if b.kind != "parts"]
    if part_dirs is None:
        raise ValueError("a compilation needs part_dirs")
    rendered: list[Block] = []
    for part in outline.parts:
        rendered.append(Block("pagebreak"))
        for b in render_outline(part, part_dirs(part.genre)):
            rendered.append(dataclasses.replace(b, kind="parttitle") if b.kind == "title" else b)
    at = next((i for i, b in enumerate(blocks) if b.kind == "parts"), len(blocks))
    return blocks[:at] + rendered + blocks[at + 1:]


def _render_one(outline: Outline, template_dirs: list[Path]) -> list[Block]:
    env, renderer = make_environment(template_dirs)
    name = TEMPLATE_FILE
    fallback = str(template_dirs[0] / name) if template_dirs else name
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        where = ", ".join(str(d) for d in template_dirs)
        raise TemplateError.single(outline.path, t("build.template.missing", name=name, genre=outline.genre),
                                   hint=t("build.template.looked_in", where=where)) from None
    except jinja2.TemplateError as exc:
        raise template_error(exc, fallback) from None
    renderer.sources.clear()
    try:
        markup = render_bounded(env, template, template_context(outline))
    except WengaoError:
        raise
    except Exception as exc:  # whatever a template does wrong (1/0, recursion, a timeout) is the template's
        raise template_error(exc, template.filename or fallback) from None
    return parse_markup(markup, template.filename or name, renderer.sources)
