"""`wengao new`: a commented skeleton outline of a genre, which builds as it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

from wengao.errors import Diagnostic, Severity, TemplateError
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


def new_outline(genre: str, path: Path, *, title: str | None = None, speaker: str | None = None,
                workspace: Path | None = None, bank: Path | None = None) -> tuple[str, list[Diagnostic]]:
    """The outline `wengao new` writes to `path`: the skeleton, with the topics its title names
    (安全生产 for 在全县安全生产工作会议上的讲话; the topic list is the one mining and picks use).
    A title naming no known topic leaves `topics: []` for the writer. A pick of the skeleton that
    the bank cannot fill on those topics becomes a 【…】 to write, with a warning: the outline
    still builds, and never with a phrase about another topic."""
    from wengao.phrases.topics import topics_of

    text = skeleton_text(genre, title=title, speaker=speaker, workspace=workspace)
    topics = topics_of(title) if title else []
    if not topics or not re.search(r"^topics:", text, re.M):
        return text, []
    items = ", ".join(x if re.fullmatch(r"\w+", x) else json.dumps(x, ensure_ascii=False) for x in topics)
    text = _set_top_level(text, "topics", f"[{items}]", raw=True)
    return _unfilled_picks(text, topics, path, workspace, bank)


def _unfilled_picks(text: str, topics: list[str], path: Path, workspace: Path | None,
                    bank: Path | None) -> tuple[str, list[Diagnostic]]:
    import tempfile

    from wengao.errors import BankError, WengaoError
    from wengao.outline.load import load_outline
    from wengao.phrases.functions import canonical_function, function_name
    from wengao.phrases.index import BankIndex
    from wengao.phrases.select import resolve_phrases
    from wengao.workspace import default_bank

    folder = bank or default_bank(workspace)
    with tempfile.TemporaryDirectory(prefix="wengao-new-") as tmp:
        draft = Path(tmp) / SKELETON_FILE
        draft.write_text(text, encoding="utf-8")
        try:
            resolve_phrases(load_outline(draft), BankIndex(folder))
            return text, []
        except BankError as err:
            failed = sorted({d.line for d in err.diagnostics if d.line})
        except WengaoError:  # a workspace skeleton or bank with a mistake of its own: build will say
            return text, []
    lines = text.split("\n")
    shown = "、".join(topics)
    notes: list[Diagnostic] = []
    for n in failed:
        m = re.search(r"pick:\s*\{([^}]*)\}", lines[n - 1]) if 0 < n <= len(lines) else None
        if m is None:
            continue
        fn = re.search(r"function:\s*([^,\s}]+)", m.group(1))
        function = canonical_function(fn.group(1)) if fn else None
        label = function_name(function) if function else t("build.skeleton.phrase")
        own = json.dumps(t("build.skeleton.own_words", label=label, topics=shown), ensure_ascii=False)
        lines[n - 1] = lines[n - 1][:m.start()] + own + lines[n - 1][m.end():]
        notes.append(Diagnostic(str(path), n, m.start() + 1, t("build.skeleton.no_pick", label=label, topics=shown),
                                severity=Severity.WARNING))
    return "\n".join(lines), notes


def _set_top_level(text: str, key: str, value: str, *, raw: bool = False) -> str:
    """Replace (or add) a top-level key's value, keeping the comments around it; `raw`: the value
    is YAML already (a flow list), else it is quoted."""
    quoted = value if raw else json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar
    pattern = re.compile(rf"^{key}:.*?(\s+#.*)?$", re.M)
    if pattern.search(text):
        return pattern.sub(lambda m: f"{key}: {quoted}" + (m.group(1) or ""), text, count=1)
    return re.sub(r"^(genre:.*)$", rf"\1\n{key}: {quoted}", text, count=1, flags=re.M)


def genre_list() -> list[str]:
    from wengao.text.width import width

    return [f"{g.name:<13} {g.label}{' ' * (14 - width(g.label))}{t(g.description)}" for g in GENRES.values()]
