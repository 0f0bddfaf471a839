"""`wengao outline extract`: an existing document becomes an outline `wengao build` takes.

Reading is the reading layer's (one implementation for extract, mine, check and format); this
module only maps a read Document onto the outline's keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wengao.errors import Diagnostic, DocumentError, Severity
from wengao.i18n import t
from wengao.reading.body import point_block
from wengao.reading.model import BODY_KINDS, Block, BlockKind, Document, Genre

_ATTEND_RE = re.compile(r"(参加|出席|列席)(会议|活动|观摩|培训)|参加了(?:会议|培训|活动)")
_OUTLINE_GENRE = {Genre.OTHER: "speech"}
MAX_LEVEL = 4
NO_TITLE = "【标题】"  # a document printed without a title: the outline asks for one


@dataclass
class Extracted:
    outline: dict[str, Any]
    warnings: list[Diagnostic] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # the document's text blocks, in order


def _points(items: list[Block]) -> dict[str, Any]:
    style = {"是": "shi", "要": "yao"}.get(items[0].verb, "plain")
    out = []
    for p in items:
        if p.lead and p.text.startswith(p.lead) and p.text != p.lead:
            out.append({"lead": p.lead, "text": p.text[len(p.lead):]})
        else:
            out.append({"text": p.text})
    return {"style": style, "items": out}


def _typed(p: Block) -> str:
    """A point kept as a paragraph: with its marker, since only one run per section is `points`."""
    return (p.marker + p.text) if p.marker and p.verb else p.text


def _paragraph(b: Block) -> str:
    if b.kind is BlockKind.TABLE:
        return "　".join(c for row in b.rows for c in row if c.strip()) or b.text
    if b.kind is BlockKind.POINT:
        return _typed(b)
    return b.text


def _section_body(blocks: list[Block], has_sections: bool = False) -> dict[str, Any]:
    """paragraphs, then one run of points, then paragraphs after (the outline's shape). `after`
    prints after a section's sub-sections: text that stands before them stays in `paragraphs`."""
    out: dict[str, Any] = {}
    if has_sections and any(b.kind is BlockKind.POINT for b in blocks) and \
            blocks[-1].kind is not BlockKind.POINT:
        out["paragraphs"] = [_paragraph(b) for b in blocks]
        return out
    i = 0
    before = []
    while i < len(blocks) and blocks[i].kind is not BlockKind.POINT:
        before.append(_paragraph(blocks[i]))
        i += 1
    j = i
    while j < len(blocks) and blocks[j].kind is BlockKind.POINT and blocks[j].verb == blocks[i].verb:
        j += 1
    if before:
        out["paragraphs"] = before
    if j > i:
        out["points"] = _points(blocks[i:j])
    after = [_paragraph(b) for b in blocks[j:]]
    if after:
        out["after"] = after
    return out


def _sections(body: list[Block]) -> list[dict[str, Any]]:
    """Nest headings by level; the blocks under each heading make its body."""
    root: dict[str, Any] = {"sections": []}
    stack: list[tuple[int, dict[str, Any], list[Block]]] = [(0, root, [])]

    def close(entry: tuple[int, dict[str, Any], list[Block]]) -> None:
        _, node, blocks = entry
        if node is not root:
            node.update(_section_body(blocks, "sections" in node))

    for b in body:
        if b.kind is BlockKind.HEADING:
            level = min(max(1, b.level), MAX_LEVEL)  # an outline has four levels, as GB/T 9704
            while len(stack) > 1 and stack[-1][0] >= level:
                close(stack.pop())
            node: dict[str, Any] = {"heading": b.text + b.sep, "run_in": True} \
                if b.run_in and b.body and b.sep else {"heading": b.text}
            stack[-1][1].setdefault("sections", []).append(node)
            blocks = [point_block(b.body, b.pos) or Block(BlockKind.PARAGRAPH, b.body, b.pos)] \
                if b.run_in and b.body else []
            stack.append((level, node, blocks))
        else:
            stack[-1][2].append(b)
    while len(stack) > 1:
        close(stack.pop())
    return _order(root["sections"])


def _order(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = ("heading", "run_in", "paragraphs", "points", "sections", "after")
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


_BODY = BODY_KINDS | {BlockKind.DATE, BlockKind.NOTE, BlockKind.AUTHOR}


def doc_outline(doc: Document) -> dict[str, Any]:
    return _blanks(_doc_outline(doc))


def _doc_outline(doc: Document) -> dict[str, Any]:
    genre = _OUTLINE_GENRE.get(doc.genre, doc.genre.value)
    front = doc.front
    out: dict[str, Any] = {"genre": genre, "title": front.title or NO_TITLE}
    if front.subtitle:
        out["subtitle"] = front.subtitle
    if front.author:
        out["author" if genre in ("study-report", "news") else "speaker"] = front.author
    if front.date:
        out["date"] = front.date
    if front.salutation or genre == "speech":
        out["salutation"] = front.salutation  # '' : none (a speech would otherwise get 同志们：)
    if front.source and genre == "news":
        source = _source_name(front.source)
        if source:
            out["source"] = source
    body = _body_blocks(doc)
    if genre == "news":
        return _news(out, body)
    closing: list[str] = []
    while body and body[-1].kind in (BlockKind.CLOSING, BlockKind.NOTE, BlockKind.AUTHOR, BlockKind.DATE):
        closing.insert(0, _paragraph(body.pop()))
    first = next((i for i, b in enumerate(body) if b.kind is BlockKind.HEADING), None)
    if first is None:
        out["opening"] = [_paragraph(b) for b in body]
    else:
        if first:
            out["opening"] = [_paragraph(b) for b in body[:first]]
        out["sections"] = _sections(body[first:])
    if closing:
        out["closing"] = closing
    if not out.get("opening") and "sections" not in out:
        out.pop("opening", None)
    return out


_SOURCE_VALUE_RE = re.compile(
    r"(?:来源|稿源|来稿|信息来源)\s*[:：]\s*(.+?)\s*(?=(?:\s|\|)\S{1,6}\s*[:：]|\s{2,}|\||$)")


def _source_name(line: str) -> str:
    """来源：山西日报 时间：2023.11.28 → 山西日报 (the date is the date field); on a line of several
    labelled fields (来源：… 时间：… 责任编辑：…) only the source's own value."""
    from wengao.reading.front import _DATE_RE

    own = _SOURCE_VALUE_RE.search(line)
    if own:
        return own.group(1).strip(" 　|")
    text = _DATE_RE.sub("", line)
    text = re.sub(r"(?:来源|稿源|来稿|信息来源|发布时间|时间|日期)\s*[:：]", " ", text)
    return re.sub(r"\s+", " ", text).strip(" 　|")


def _body_blocks(doc: Document) -> list[Block]:
    """The blocks an outline carries as text: not the front matter (fields), not the noise."""
    out = []
    seen_body = False
    for b in doc.blocks:
        if b.kind in (BlockKind.AUTHOR, BlockKind.DATE) and not seen_body:
            continue  # the title block's own lines: they are fields
        if b.kind in (BlockKind.AUTHOR, BlockKind.DATE) and _is_field(doc, b):
            continue
        if b.kind in _BODY:
            seen_body = seen_body or b.kind is not BlockKind.NOTE
            out.append(b)
    return out


def _is_field(doc: Document, b: Block) -> bool:
    """A sign-off line that became the document's author or date field."""
    if b.kind is BlockKind.AUTHOR:
        return b.text == doc.front.author
    from wengao.reading.front import find_date

    date = find_date(b.text)
    return bool(date) and date == doc.front.date


def _news(out: dict[str, Any], body: list[Block]) -> dict[str, Any]:
    """A lead paragraph, the body (paragraphs, or sections under subheads), the attendance."""
    rest = list(body)
    if rest and rest[0].kind is not BlockKind.HEADING:
        out["opening"] = [_paragraph(rest.pop(0))]
    attendance = []
    while rest and rest[-1].kind is not BlockKind.HEADING and _ATTEND_RE.search(rest[-1].text):
        attendance.insert(0, _paragraph(rest.pop()))
    first = next((i for i, b in enumerate(rest) if b.kind is BlockKind.HEADING), len(rest))
    sections = [{"paragraphs": [_paragraph(b)]} for b in rest[:first]] + _sections(rest[first:])
    if sections:
        out["sections"] = _order(sections)
    if attendance:
        out["attendance"] = attendance
    return out


def extract(path: Path) -> Extracted:
    from wengao.reading import read_document

    doc = read_document(path)
    if not doc.body:
        raise DocumentError.single(str(path), t("extract.no_text"))
    result = Extracted({})
    result.texts = [_blank(b.text) for b in doc.blocks if b.kind is not BlockKind.NOISE]
    if doc.parts:
        outline: dict[str, Any] = {"genre": "compilation", "title": doc.front.title or NO_TITLE}
        _front_fields(outline, doc)
        if doc.front.notes:
            outline["note"] = [_blank(n) for n in doc.front.notes]
        outline["parts"] = [doc_outline(p) for p in doc.parts]
        _cross_check(path, doc, result)
        result.outline = outline
    else:
        result.outline = doc_outline(doc)
    return result


def _front_fields(outline: dict[str, Any], doc: Document) -> None:
    """A compilation's own author, date and salutation (of its cover or covering notice)."""
    for key, value in (("subtitle", doc.front.subtitle), ("author", doc.front.author),
                       ("date", doc.front.date), ("salutation", doc.front.salutation)):
        if value:
            outline[key] = value


def _cross_check(path: Path, doc: Document, result: Extracted) -> None:
    """A table of contents is not copied: it is checked against the parts found."""
    from wengao.document.numbering import strip_heading_number

    toc = [re.sub(r"\s*[.…·．]*\s*\d{1,3}$", "", b.text) for b in doc.noise if b.why == "contents"]
    titles = {p.front.title for p in doc.parts}
    texts = [b.text for p in doc.parts for b in p.blocks if len(b.text) >= 4]
    for entry in (strip_heading_number(e) for e in toc):
        if len(entry) >= 6 and not any(entry in t or t in entry for t in titles) \
                and not any(entry in t or t in entry for t in texts):
            result.warnings.append(Diagnostic(str(path), 0, 0, t("extract.toc_missing", entry=entry),
                                              severity=Severity.WARNING))


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
