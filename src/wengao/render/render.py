"""Render an outline through its genre template into blocks."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import jinja2

from wengao.document.blocks import Block
from wengao.errors import WengaoError
from wengao.genres import GENRES
from wengao.outline.model import Outline, Text
from wengao.render.environment import make_environment, template_error
from wengao.render.markup import parse_markup

TEMPLATE_FILE = "document.md.j2"


def template_context(outline: Outline) -> dict[str, object]:
    ctx = {f.name: getattr(outline, f.name) for f in dataclasses.fields(outline)}
    genre = GENRES[outline.genre]
    ctx["genre_label"] = genre.label
    if ctx.get("salutation") is None and genre.salutation:
        ctx["salutation"] = Text(genre.salutation)
    return ctx


def render_outline(outline: Outline, template_dirs: list[Path]) -> list[Block]:
    """template_dirs: the genre's folders, user's first, so workspace files override by name."""
    env, renderer = make_environment(template_dirs)
    name = TEMPLATE_FILE
    try:
        template = env.get_template(name)
        renderer.sources.clear()
        markup = template.render(template_context(outline))
    except jinja2.TemplateNotFound:
        where = ", ".join(str(d) for d in template_dirs)
        raise WengaoError.single(outline.path, f"no template {name} for genre '{outline.genre}'",
                                 hint=f"looked in {where}") from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
        raise template_error(exc, str(template_dirs[0] / name) if template_dirs else name) from None
    filename = template.filename or name
    return parse_markup(markup, filename, renderer.sources)
