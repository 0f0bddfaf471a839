"""Turn located YAML data into the Outline model, reporting every problem at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from typing import TYPE_CHECKING, Any

from wengao.errors import Diagnostic, OutlineError, Severity, WengaoError
from wengao.genres import GENRES, PART_GENRES, canonical_genre, genre_shown, unknown_genre_hint
from wengao.i18n import t
from wengao.outline.ime import ILLEGAL_CHARS_RE
from wengao.outline.model import (
    Outline,
    PhraseRef,
    Pick,
    PointItem,
    Points,
    Section,
    Text,
    TextLike,
)
from wengao.outline.yamlmarks import Located, Path_

if TYPE_CHECKING:
    from wengao.outline.load import Scope

SECTION_KEYS = ("heading", "run_in", "paragraphs", "points", "sections", "after")
POINT_STYLES = ("shi", "yao", "plain")
PICK_KEYS = ("function", "topic", "genre", "query", "vars", "seed")
MAX_LEVEL = 4

# Chinese key names writers try first, mapped to the outline's English keys.
CHINESE_KEYS = {
    "标题": "title", "题目": "title", "副标题": "subtitle", "讲话人": "speaker", "署名": "speaker",
    "作者": "author", "日期": "date", "时间": "date", "称呼": "salutation", "称谓": "salutation",
    "开头": "opening", "开场": "opening", "结尾": "closing", "结束语": "closing",
    "正文": "sections", "部分": "sections", "小标题": "heading", "段落": "paragraphs",
    "要点": "points", "文种": "genre", "体裁": "genre", "变量": "vars", "主题": "topics",
    "讲话者": "speaker", "发言人": "speaker", "来源": "source", "单位": "source", "出席": "attendance",
    "参会": "attendance", "备注": "note", "说明": "note", "目录标题": "toc_title", "篇目": "parts",
    "引入": "include", "一级标题": "heading", "二级标题": "heading", "内容": "paragraphs",
    "结语": "closing", "开篇": "opening", "种子": "seed",
}


def suggest(word: str, choices: list[str] | tuple[str, ...], n: int = 1) -> list[str]:
    if word in CHINESE_KEYS and CHINESE_KEYS[word] in choices:
        return [CHINESE_KEYS[word]]
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=0.6)


class What:
    """How a message names a part of the outline ("第 3 条要点"), worded only when a message is:
    validation meets every paragraph, and most never need naming."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values

    def __str__(self) -> str:
        return t(self.key, **{k: str(v) for k, v in self.values.items()})

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def did_you_mean(close: list[str]) -> str:
    return t("outline.did_you_mean", name=close[0])


def _type_name(value: Any) -> str:
    kind = {dict: "mapping", list: "list", str: "text", int: "number", float: "number", bool: "bool",
            type(None): "none"}.get(type(value))
    return t(f"outline.type.{kind}") if kind else type(value).__name__


class _Validator:
    def __init__(self, loc: Located, scope: Scope) -> None:
        self.loc = loc
        self.scope = scope
        self.diags: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def error(self, where: Path_, message: str, hint: str = "", *, key: bool = False) -> None:
        if where in self.loc.bad:
            return
        self.diags.append(self.loc.diag(where, message, hint, key=key))

    def pos(self, where: Path_) -> tuple[int, int]:
        return self.loc.mark(where)

    # -- shapes ---------------------------------------------------------------------------
    def mapping(self, where: Path_, value: Any, allowed: tuple[str, ...] | frozenset[str],
                what: str | What) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.error(where, t("outline.not_mapping", what=what, type=_type_name(value)))
            return None
        for key in value:
            if key not in allowed:
                close = suggest(key, sorted(allowed))
                hint = did_you_mean(close) if close else t("outline.allowed", keys=", ".join(sorted(allowed)))
                self.error((*where, key), t("outline.unknown_key", key=key, what=what), hint, key=True)
        return value

    def text(self, where: Path_, value: Any, what: str | What) -> TextLike | None:
        line, col = self.pos(where)
        if value is None:
            self.error(where, t("outline.empty", what=what), t("outline.empty.hint"))
            return None
        if isinstance(value, bool):
            self.error(where, t("outline.not_text", what=what, type=_type_name(value)))
            return None
        if isinstance(value, int | float):
            value = str(value)
        if isinstance(value, str):
            stripped = value.strip()
            if ILLEGAL_CHARS_RE.search(stripped):  # written as an escape ("\x01") in quotes
                code = f"U+{ord(ILLEGAL_CHARS_RE.search(stripped).group()):04X}"
                self.warnings.append(Diagnostic(self.loc.path, line, col,
                                                t("outline.control_stripped", what=what, code=code),
                                                severity=Severity.WARNING))
                stripped = ILLEGAL_CHARS_RE.sub("", stripped).strip()
            if not stripped:
                self.error(where, t("outline.empty", what=what), t("outline.empty.hint"))
                return None
            return Text(_squash_lines(stripped), line, col)
        if isinstance(value, dict):
            if "phrase" in value:
                return self.phrase_ref(where, value, what)
            if "pick" in value:
                return self.pick(where, value, what)
            self.error(where, t("outline.not_text_or_ref", what=what),
                       t("outline.keys_given", keys=", ".join(map(str, value))))
            return None
        self.error(where, t("outline.not_text", what=what, type=_type_name(value)))
        return None

    def text_list(self, where: Path_, value: Any, what: str | What) -> tuple[TextLike, ...]:
        if value is None:
            return ()
        if isinstance(value, str | dict):  # one paragraph written without the list dash
            value = [value]
            single = True
        else:
            single = False
        if not isinstance(value, list):
            self.error(where, t("outline.not_paragraphs", what=what, type=_type_name(value)))
            return ()
        out = []
        for i, item in enumerate(value):
            text = self.text(where if single else (*where, i), item, What("outline.what.item", what=what, n=i + 1))
            if text is not None:
                out.append(text)
        return tuple(out)

    def vars_map(self, where: Path_, value: Any) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(where, t("outline.vars_not_mapping", type=_type_name(value)))
            return {}
        out = {}
        for name, v in value.items():
            if isinstance(v, bool) or v is None or not isinstance(v, str | int | float):
                self.error((*where, name), t("outline.slot_not_text", name=name, type=_type_name(v)))
                continue
            if not str(v).strip():
                self.error((*where, name), t("outline.slot_empty", name=name))
                continue
            out[str(name)] = str(v).strip()
        return out

    def phrase_ref(self, where: Path_, value: dict[str, Any], what: str | What) -> PhraseRef | None:
        m = self.mapping(where, value, ("phrase", "vars"), What("outline.what.phrase_ref", what=what))
        if m is None:
            return None
        pid = m.get("phrase")
        if not isinstance(pid, str) or not pid.strip():
            self.error((*where, "phrase"), t("outline.phrase_needs_id"))
            return None
        line, col = self.pos(where)
        return PhraseRef(pid.strip(), self.vars_map((*where, "vars"), m.get("vars")), line, col)

    def pick(self, where: Path_, value: dict[str, Any], what: str | What) -> Pick | None:
        m = self.mapping(where, value, ("pick", "vars"), What("outline.what.pick_in", what=what))
        if m is None:
            return None
        spec = m.get("pick")
        crit = self.mapping((*where, "pick"), spec, PICK_KEYS, "pick") if spec is not None else {}
        if crit is None:
            return None
        fields: dict[str, str | None] = {}
        for k in ("function", "topic", "genre", "query", "seed"):
            v = crit.get(k)
            if v is not None and (isinstance(v, bool) or not isinstance(v, str | int)):
                self.error((*where, "pick", k), t("outline.not_text", what=f"pick {k}", type=_type_name(v)))
                v = None
            fields[k] = str(v).strip() if v is not None else None
        if fields["genre"]:
            fields["genre"] = self.pick_genre((*where, "pick", "genre"), fields["genre"])
        if not any(fields[k] for k in ("function", "topic", "query")):
            self.error((*where, "pick"), t("outline.pick_needs"))
            return None
        merged = self.vars_map((*where, "pick", "vars"), crit.get("vars"))
        merged.update(self.vars_map((*where, "vars"), m.get("vars")))
        line, col = self.pos(where)
        return Pick(fields["function"], fields["topic"], fields["genre"], fields["query"],
                    merged, fields["seed"], line, col)

    def pick_genre(self, where: Path_, typed: str) -> str | None:
        found = canonical_genre(typed)
        if found is None:
            self.error(where, t("outline.unknown_genre", genre=typed), unknown_genre_hint(typed))
        return found

    # -- structure ------------------------------------------------------------------------
    def points(self, where: Path_, value: Any) -> Points | None:
        if value is None:
            return None
        if isinstance(value, list):
            value = {"items": value}
            items_where: Path_ = where
        else:
            items_where = (*where, "items")
        m = self.mapping(where, value, ("style", "items"), "points")
        if m is None:
            return None
        style = m.get("style", "shi")
        if style not in POINT_STYLES:
            close = suggest(str(style), POINT_STYLES)
            self.error((*where, "style"), t("outline.unknown_style", style=style),
                       did_you_mean(close) if close else t("outline.unknown_style.hint"))
            style = "shi"
        raw = m.get("items")
        if not isinstance(raw, list) or not raw:
            self.error(items_where, t("outline.points_empty"))
            return None
        items = []
        for i, it in enumerate(raw):
            iw = (*items_where, i)
            if isinstance(it, dict) and ("lead" in it or "text" in it):
                im = self.mapping(iw, it, ("lead", "text"), What("outline.what.point"))
                if im is None:
                    continue
                lead = self.text((*iw, "lead"), im["lead"], What("outline.what.point_lead")) if "lead" in im else None
                text = self.text((*iw, "text"), im["text"], What("outline.what.point_text")) if "text" in im else None
                if lead is not None or text is not None:
                    items.append(PointItem(lead, text))
            else:
                text = self.text(iw, it, What("outline.what.point_n", n=i + 1))
                if text is not None:
                    items.append(PointItem(None, text))
        return Points(style, tuple(items))

    def section(self, where: Path_, value: Any, level: int, need_heading: bool = True) -> Section | None:
        m = self.mapping(where, value, SECTION_KEYS, What("outline.what.section", level=level))
        if m is None:
            return None
        if "heading" not in m and not need_heading:
            heading = Text("")
        elif "heading" not in m:
            self.error(where, t("outline.needs_heading", level=level))
            heading = None
        else:
            heading = self.text((*where, "heading"), m["heading"], "heading")
        subs: tuple[Section, ...] = ()
        if "sections" in m:
            if level >= MAX_LEVEL:
                self.error((*where, "sections"), t("outline.too_deep", n=MAX_LEVEL),
                           t("outline.too_deep.hint"), key=True)
            else:
                subs = self.section_list((*where, "sections"), m["sections"], level + 1, required=False,
                                         heading=need_heading)
        run_in = m.get("run_in", False)
        if not isinstance(run_in, bool):
            self.error((*where, "run_in"), t("outline.run_in_bool"))
            run_in = False
        result = Section(
            heading=heading or Text(""),
            run_in=run_in,
            paragraphs=self.text_list((*where, "paragraphs"), m.get("paragraphs"), "paragraphs"),
            points=self.points((*where, "points"), m.get("points")),
            sections=subs,
            after=self.text_list((*where, "after"), m.get("after"), "after"),
            line=self.pos(where)[0],
        )
        return result if heading is not None else None

    def section_list(self, where: Path_, value: Any, level: int, *, required: bool,
                     heading: bool = True) -> tuple[Section, ...]:
        if value is None or value == []:
            if required:
                self.error(where, t("outline.sections_empty"), t("outline.sections_empty.hint"))
            return ()
        if not isinstance(value, list):
            self.error(where, t("outline.sections_not_list", type=_type_name(value)),
                       t("outline.sections_not_list.hint"))
            return ()
        out = []
        for i, s in enumerate(value):
            sec = self.section((*where, i), s, level, heading)
            if sec is not None:
                out.append(sec)
        return tuple(out)

    def date(self, where: Path_, value: Any) -> dt.date | Text | None:
        if value is None:
            return None
        if isinstance(value, str) and "【" in value:  # a skeleton's date, still to be filled in
            return Text(value.strip(), *self.pos(where))
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            m = re.fullmatch(r"\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?\s*", value)
            if m:
                try:
                    return dt.date(*map(int, m.groups()))
                except ValueError:
                    pass
            m = re.fullmatch(r"\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*月?\s*", value)
            if m and 1 <= int(m.group(2)) <= 12:
                from wengao.outline.model import MonthDate

                return MonthDate(int(m.group(1)), int(m.group(2)), 1)
        self.error(where, t("outline.bad_date", value=value), t("outline.bad_date.hint"))
        return None

    def outline(self) -> Outline | None:
        data = self.loc.data
        if data is None:
            self.error((), t("outline.outline_empty"), t("outline.outline_empty.hint"))
            return None
        return self.outline_at((), data, part=False)

    def outline_at(self, p: Path_, data: Any, *, part: bool) -> Outline | None:
        if not isinstance(data, dict):
            self.error(p, t("outline.part_not_mapping" if part else "outline.outline_not_mapping",
                            type=_type_name(data)))
            return None
        if part and "include" in data:
            return self.include(p, data)
        typed = data.get("genre", "speech")
        names = list(PART_GENRES) if part else list(GENRES)
        genre_name = canonical_genre(typed)  # speech or 讲话稿
        if genre_name not in names:
            self.error((*p, "genre"), t("outline.unknown_part_genre" if part else "outline.unknown_genre",
                                        genre=typed), unknown_genre_hint(typed, names))
            return None
        genre = GENRES[genre_name]
        self.mapping(p, data, genre.keys, What("outline.what.genre_outline", genre=genre_shown(genre.name)))
        for key in sorted(genre.required):
            if key == "sections" and "sections" not in data and data.get("opening"):
                continue  # a short piece without headings: its opening is all of it
            if key == "opening" and "opening" not in data and data.get("sections"):
                continue  # a report that goes straight into its sections
            if key not in data:
                self.error(p, t("outline.missing_key", key=key),
                           t("outline.missing_title.hint") if key == "title" else "")
        title = self.text((*p, "title"), data["title"], "title") if "title" in data else None
        topics_raw = data.get("topics") or []
        if isinstance(topics_raw, str):
            topics_raw = [topics_raw]
        if not isinstance(topics_raw, list) or not all(isinstance(t, str) for t in topics_raw):
            self.error((*p, "topics"), t("outline.bad_topics"))
            topics_raw = []
        seed = data.get("seed")

        def opt_text(key: str) -> TextLike | None:
            return self.text((*p, key), data[key], key) if key in data else None

        def salutation() -> TextLike | None:
            if data.get("salutation") == "":
                return Text("")  # written empty on purpose: no salutation, not the default
            return opt_text("salutation")

        outline = Outline(
            path=self.loc.path,
            genre=genre.name,
            title=title or Text(""),
            subtitle=opt_text("subtitle"),
            speaker=opt_text("speaker"),
            author=opt_text("author"),
            source=opt_text("source"),
            date=self.date((*p, "date"), data.get("date")),
            salutation=salutation(),
            vars=self.vars_map((*p, "vars"), data.get("vars")),
            topics=tuple(t.strip() for t in topics_raw if t.strip()),
            seed=str(seed) if seed is not None else None,
            opening=self.text_list((*p, "opening"), data.get("opening"), "opening"),
            sections=self.section_list((*p, "sections"), data.get("sections"), 1,
                                       required="sections" in genre.required and "sections" in data,
                                       heading=genre.heading_required),
            closing=self.text_list((*p, "closing"), data.get("closing"), "closing"),
            attendance=self.text_list((*p, "attendance"), data.get("attendance"), "attendance"),
            note=self.text_list((*p, "note"), data.get("note"), "note"),
            toc_title=opt_text("toc_title"),
        )
        if genre.name == "compilation":
            outline = dataclasses.replace(outline, parts=self.parts((*p, "parts"), data.get("parts"), outline))
        return outline

    def parts(self, where: Path_, value: Any, parent: Outline) -> tuple[Outline, ...]:
        if not isinstance(value, list) or not value:
            self.error(where, t("outline.bad_parts"))
            return ()
        out = []
        for i, item in enumerate(value):
            part = self.outline_at((*where, i), item, part=True)
            if part is not None:
                out.append(dataclasses.replace(
                    part, vars={**parent.vars, **part.vars}, topics=part.topics or parent.topics,
                    seed=part.seed if part.seed is not None else parent.seed))
        return tuple(out)

    def include(self, where: Path_, data: dict[str, Any]) -> Outline | None:
        m = self.mapping(where, data, ("include",), What("outline.what.include"))
        target = m.get("include") if m else None
        if not isinstance(target, str) or not target.strip():
            self.error((*where, "include"), t("outline.include_needs_path"))
            return None
        from pathlib import Path

        from wengao.outline.load import load_outline

        target = target.strip()
        path = Path(self.loc.path).parent / target
        resolved = path.resolve()
        scope = self.scope  # the include tree's root and the files including this one (load_outline)
        at = (*where, "include")
        # nothing outside the tree is opened, so nothing of it can be quoted back
        if not resolved.is_relative_to(scope.root):
            self.error(at, t("outline.include.outside", target=target), t("outline.include.outside.hint"))
            return None
        if path.suffix.lower() not in (".yaml", ".yml"):
            self.error(at, t("outline.include.not_yaml", target=target))
            return None
        if resolved in scope.chain:
            names = [p.name for p in scope.chain[scope.chain.index(resolved):]] + [resolved.name]
            self.error(at, t("outline.include.cycle", chain=" → ".join(names)), t("outline.include.cycle.hint"))
            return None
        try:
            part = load_outline(path, part=True, scope=scope)
        except WengaoError as err:
            self.diags.extend(err.diagnostics)
            return None
        self.warnings.extend(part.warnings)
        return part


def _squash_lines(text: str) -> str:
    """A YAML block scalar may wrap a paragraph; Chinese needs no space where lines join."""
    if "\n" not in text:
        return text
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out = lines[0]
    for ln in lines[1:]:
        sep = " " if out[-1:].isascii() and ln[:1].isascii() and out[-1:].isalnum() else ""
        out += sep + ln
    return out


def validate(loc: Located, *, scope: Scope, part: bool = False) -> Outline:
    v = _Validator(loc, scope)
    if part:  # an included part of a compilation
        outline = v.outline_at((), loc.data, part=True) if loc.data is not None else None
        if loc.data is None:
            v.error((), t("outline.part_empty"))
    else:
        outline = v.outline()
    diags = loc.diagnostics + v.diags
    if diags or outline is None:
        raise OutlineError(sorted(diags, key=lambda d: (d.line, d.col)))
    return dataclasses.replace(outline, warnings=tuple(v.warnings))
