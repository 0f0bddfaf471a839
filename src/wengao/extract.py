"""`wengao outline extract`: an existing document becomes an outline `wengao build` takes.

Reading, cleaning and segmentation are the miner's (one implementation); this module only maps
segmented documents onto the outline's keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wengao.errors import Diagnostic, WengaoError
from wengao.mining.segment import Doc, Para

_CLOSING_RE = re.compile(r"^(?:同志们，|总之，|最后，|下一步，|接下来，|今后，|在今后的工作中)|让我们|我将|我们将")
_DATE_RE = re.compile(r"^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]?$")
_SOURCE_DATE_RE = re.compile(r"(\d{4})[.\-年/](\d{1,2})[.\-月/](\d{1,2})日?")
_ATTEND_RE = re.compile(r"(参加|出席|列席)(会议|活动|观摩)")


@dataclass
class Extracted:
    outline: dict[str, Any]
    warnings: list[Diagnostic] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # the segmented document's paragraphs, in order
    cleaned: list[str] = field(default_factory=list)  # the cleaned lines, before segmentation


def _iso(m: re.Match[str]) -> str:
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _date(text: str) -> str | None:
    m = _DATE_RE.match(text.strip())
    return _iso(m) if m else None


def _points(paras: list[Para]) -> dict[str, Any]:
    style = {"是": "shi", "要": "yao"}.get(paras[0].style, "plain")
    items = []
    for p in paras:
        if p.lead and p.text.startswith(p.lead):
            rest = p.text[len(p.lead):]
            items.append({"lead": p.lead, "text": rest} if rest else {"lead": p.lead})
        else:
            items.append({"text": p.text})
    return {"style": style, "items": items}


def _section_body(paras: list[Para]) -> dict[str, Any]:
    """paragraphs, then one run of points, then paragraphs after (the outline's shape)."""
    out: dict[str, Any] = {}
    before: list[str] = []
    after: list[str] = []
    i = 0
    while i < len(paras) and paras[i].kind != "point":
        before.append(paras[i].text)
        i += 1
    j = i
    while j < len(paras) and paras[j].kind == "point" and paras[j].style == paras[i].style:
        j += 1
    if j > i:
        out["points"] = _points(paras[i:j])
    for p in paras[j:]:
        # a second run of points cannot be a second `points:`; its paragraphs keep their markers
        after.append(p.text if p.kind != "point" or p.style == "lead" else _marker_text(p, paras[j:]))
    if before:
        out["paragraphs"] = before
    if after:
        out["after"] = after
    return out


def _marker_text(p: Para, run: list[Para]) -> str:
    from wengao.document.numbering import chinese_number

    n = 1 + sum(1 for q in run[: run.index(p)] if q.kind == "point" and q.style == p.style)
    return f"{chinese_number(n)}{p.style}{p.text}"


def _sections(body: list[Para], genre: str) -> list[dict[str, Any]]:
    """Nest headings by level; the paragraphs under each heading make its body."""
    root: dict[str, Any] = {"sections": []}
    stack: list[tuple[int, dict[str, Any], list[Para]]] = [(0, root, [])]

    def close(entry: tuple[int, dict[str, Any], list[Para]]) -> None:
        _, node, paras = entry
        if node is not root:
            node.update(_section_body(paras))

    for p in body:
        if p.kind == "heading":
            level = max(1, p.level)
            while len(stack) > 1 and stack[-1][0] >= level:
                close(stack.pop())
            node: dict[str, Any] = {"heading": p.text}
            parent = stack[-1][1]
            parent.setdefault("sections", []).append(node)
            stack.append((level, node, []))
        else:
            stack[-1][2].append(p)
    while len(stack) > 1:
        close(stack.pop())
    return _order(root["sections"])


def _order(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = ("heading", "paragraphs", "points", "sections", "after")
    return [{k: (_order(s[k]) if k == "sections" else s[k]) for k in keys if k in s} for s in sections]


def _blank(text: str) -> str:
    """A redaction blank becomes a visible placeholder the writer must fill (build warns)."""
    return text.replace("□", "【】")


def _blanks(value: Any) -> Any:
    if isinstance(value, str):
        return _blank(value)
    if isinstance(value, list):
        return [_blanks(v) for v in value]
    if isinstance(value, dict):
        return {k: _blanks(v) for k, v in value.items()}
    return value


def doc_outline(doc: Doc) -> dict[str, Any]:
    return _blanks(_doc_outline(doc))


def _doc_outline(doc: Doc) -> dict[str, Any]:
    genre = doc.genre or "speech"
    out: dict[str, Any] = {"genre": genre, "title": doc.title}
    if genre == "news" and " " in doc.title.strip():  # 主标题 副标题 on one line
        out["title"], out["subtitle"] = doc.title.strip().split(" ", 1)
    paras = [p for p in doc.paras if p.kind != "title"]
    for p in paras:
        if p.kind == "subtitle":
            out.setdefault("subtitle", p.text)
        elif p.kind == "author":
            out.setdefault("author" if genre == "study-report" else "speaker", p.text)
        elif p.kind == "date" and _date(p.text):
            out.setdefault("date", _date(p.text))
        elif p.kind == "source":
            _source(out, p.text)
        elif p.kind == "salutation":
            out.setdefault("salutation", p.text)
    body = [p for p in paras if p.kind in ("heading", "point", "p")]
    # a date line typed as a paragraph right under the title
    while body and body[0].kind == "p" and _date(body[0].text):
        out.setdefault("date", _date(body[0].text))
        body = body[1:]
    first = next((i for i, p in enumerate(body) if p.kind == "heading"), None)
    if genre == "news":
        if body:
            out["opening"] = [body[0].text]
        rest = body[1:]
        attendance = []
        while rest and rest[-1].kind == "p" and _ATTEND_RE.search(rest[-1].text):
            attendance.insert(0, rest.pop().text)
        out["sections"] = _order([_section_body([p]) for p in rest])
        if attendance:
            out["attendance"] = attendance
        return out
    closing: list[str] = []
    if first is None:  # no headings: the body is opening paragraphs (and points), then a closing
        rest = list(body)
        while len(rest) > 1 and rest[-1].kind == "p" and _CLOSING_RE.search(rest[-1].text):
            closing.insert(0, rest.pop().text)
        # points keep their typed markers: an outline without sections has no points
        out["opening"] = [p.text if p.kind != "point" or p.style == "lead" else _marker_text(p, rest)
                          for p in rest]
    else:
        opening = [p.text for p in body[:first]]
        rest = body[first:]
        while rest and rest[-1].kind == "p" and _CLOSING_RE.search(rest[-1].text):
            closing.insert(0, rest.pop().text)
        if opening:
            out["opening"] = opening
        out["sections"] = _sections(rest, genre)
    if closing:
        out["closing"] = closing
    return out


def _source(out: dict[str, Any], text: str) -> None:
    m = _SOURCE_DATE_RE.search(text)
    if m:
        out.setdefault("date", _iso(m))
        text = (text[: m.start()] + text[m.end():]).strip()
    text = re.sub(r"(?:来源|稿源|时间|发布时间)：", "", text).replace("□", " ").strip(" 　")
    if text:
        out.setdefault("source", text)


def extract(path: Path) -> Extracted:
    from wengao.mining.clean import CleanStats, clean_doc
    from wengao.mining.lexicon import load_lexicon, load_repairs
    from wengao.mining.readers import ReadError, read_file
    from wengao.mining.segment import segment

    try:
        raw = read_file(path, path.name)
    except ReadError as err:
        raise WengaoError([err.diagnostic]) from None
    lex = load_lexicon()
    lines, toc = clean_doc(raw, load_repairs(), lex, CleanStats())
    docs = segment(path.name, lines, lex)
    cover = next((d for d in docs if d.cover), None)
    docs = [d for d in docs if not d.cover and d.body]
    if not docs:
        raise WengaoError.single(str(path), "no document text found in this file")
    result = Extracted({})
    result.texts = [_blank(p.text) for d in ([cover] if cover else []) + docs for p in d.paras
                    if p.kind not in ("toc", "source", "date")]  # the last two become fields
    result.cleaned = [_blank(ln.text) for ln in lines]
    if cover is not None or len(docs) > 1:
        title = cover.title if cover else _compilation_title(lines, docs)
        outline: dict[str, Any] = {"genre": "compilation", "title": title}
        notes = [p.text for p in cover.paras if p.kind == "note"] if cover else []
        if notes:
            outline["note"] = notes
        outline["parts"] = [doc_outline(d) for d in docs]
        toc_titles = toc or ([p.text for p in cover.paras if p.kind == "toc"] if cover else [])
        _cross_check(path, toc_titles, docs, result)
        result.outline = outline
        if not cover and title:
            result.texts.insert(0, title)
    else:
        result.outline = doc_outline(docs[0])
        if len(docs) > 1:
            result.warnings.append(Diagnostic(str(path), 0, 0, f"{len(docs)} documents found; "
                                              "only the first was extracted", severity="warning"))
    return result


def _compilation_title(lines: list, docs: list[Doc]) -> str:
    from wengao.mining.segment import clean_title

    first_doc_line = docs[0].title_line
    heads = [ln.text for ln in lines if ln.lineno < first_doc_line and 4 <= len(ln.text) <= 80]
    return clean_title(heads[0]) if heads else docs[0].title


def _cross_check(path: Path, toc: list[str], docs: list[Doc], result: Extracted) -> None:
    """The table of contents is not copied: it is checked against the parts found."""
    from wengao.document.numbering import strip_heading_number

    titles = {d.title for d in docs}
    for entry in (strip_heading_number(e) for e in toc):
        if len(entry) >= 6 and entry not in titles and not any(entry in t or t in entry for t in titles) \
                and not any(entry in p.text or p.text in entry for d in docs for p in d.paras
                            if len(p.text) >= 4):
            result.warnings.append(Diagnostic(str(path), 0, 0, f"contents entry not found in the text: {entry}",
                                              severity="warning"))


def outline_texts(outline: dict[str, Any]) -> list[str]:
    """Every text of an outline in document order (for checking that nothing was lost)."""
    out: list[str] = []

    def visit(value: Any, key: str = "") -> None:
        if isinstance(value, str):
            if key not in ("genre", "date", "style", "source"):
                out.append(value)
        elif isinstance(value, dict):
            if "lead" in value and "text" in value:
                out.append(value["lead"] + value["text"])
                return
            for k, v in value.items():
                visit(v, k)
        elif isinstance(value, list):
            for v in value:
                visit(v, key)

    visit(outline)
    return out


def dump(outline: dict[str, Any], as_json: bool = False) -> str:
    if as_json:
        import json

        return json.dumps(outline, ensure_ascii=False, indent=2) + "\n"
    import yaml

    return yaml.safe_dump(outline, allow_unicode=True, sort_keys=False, width=1000)
