"""`wengao new`: a commented skeleton outline of a genre, which builds as it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

from wengao.errors import TemplateError
from wengao.genres import GENRES, resolve_genre
from wengao.i18n import t

SKELETON_FILE = "skeleton.yaml"


def skeleton_text(genre: str, *, title: str | None = None, speaker: str | None = None,
                  workspace: Path | None = None) -> str:
    from wengao.workspace import template_dirs

    genre = resolve_genre(genre, genre) or genre  # 讲话稿 and speech are the same skeleton
    path = next((d / SKELETON_FILE for d in template_dirs(genre, workspace) if (d / SKELETON_FILE).is_file()),
                None)
    if path is None:
        raise TemplateError.single(genre, t("build.skeleton.missing", name=SKELETON_FILE))
    text = path.read_text(encoding="utf-8")
    if title:
        text = _set_top_level(text, "title", title)
    if speaker:
        key = "author" if re.search(r"^author:", text, re.M) else "speaker"
        text = _set_top_level(text, key, speaker)
    return text


def _set_top_level(text: str, key: str, value: str) -> str:
    """Replace (or add) a top-level key's value, keeping the comments around it."""
    quoted = json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar
    pattern = re.compile(rf"^{key}:.*?(\s+#.*)?$", re.M)
    if pattern.search(text):
        return pattern.sub(lambda m: f"{key}: {quoted}" + (m.group(1) or ""), text, count=1)
    return re.sub(r"^(genre:.*)$", rf"\1\n{key}: {quoted}", text, count=1, flags=re.M)


def genre_list() -> list[str]:
    from wengao.text.width import width

    return [f"{g.name:<13} {g.label}{' ' * (14 - width(g.label))}{t(g.description)}" for g in GENRES.values()]
