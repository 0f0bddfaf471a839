"""What format changes and what it found, as data: the --dry-run report and the per-file summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from wengao.reading.model import Genre


class ChangeKind(Enum):
    """The only changes format may make to a document's text (everything else is layout)."""

    EMPTY = "empty"  # an empty paragraph removed
    SPACE = "space"  # blanks at a paragraph's ends (typed indents) removed
    INVISIBLE = "invisible"  # zero-width and control characters removed
    JOINED = "joined"  # lines broken inside a sentence joined into one paragraph
    NUMBER = "number"  # Word auto-numbering written as the number it showed
    PUNCT = "punct"  # half-width punctuation between Chinese characters made full-width
    MARKUP = "markup"  # Markdown marks (## ) before a heading or title: markup, not words


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    pos: int  # the line (.txt) or paragraph (.docx) it happens in
    before: str = ""
    after: str = ""


@dataclass
class Summary:
    """What the formatted document is made of (printed with --dry-run and in folder reports)."""

    genre: Genre = Genre.SPEECH
    title: str = ""
    headings: list[tuple[int, str, bool]] = field(default_factory=list)  # (level, text, run-in)
    bold_leads: int = 0
    tables: int = 0
    images: int = 0
    notes: int = 0
    noise: list[tuple[int, str]] = field(default_factory=list)  # (pos, text) kept as plain paragraphs
    restyled: int = 0  # .docx paragraphs whose own fonts and sizes give way to the styles
    paragraphs: int = 0  # output paragraphs
    chars: int = 0  # Chinese characters (the count the conservation check compares)


@dataclass
class Changes:
    items: list[Change] = field(default_factory=list)

    def add(self, kind: ChangeKind, pos: int, before: str = "", after: str = "") -> None:
        self.items.append(Change(kind, pos, before, after))

    def of(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.items if c.kind is kind]


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def describe(source: str, summary: Summary, changes: Changes, paragraphs: bool = False) -> list[str]:
    """The --dry-run report of one document: what it was read as, and every text change.
    `paragraphs`: positions are .docx paragraphs, not lines."""
    from wengao.genres import genre_label
    from wengao.i18n import t

    def where(pos: int) -> str:
        return t("format.at_para" if paragraphs else "format.at_line", pos=pos)

    lines = [t("format.dry_head", source=source),
             t("format.dry_genre", genre=genre_label(summary.genre.value), paragraphs=summary.paragraphs,
               chars=summary.chars)]
    lines.append(t("format.dry_title", title=_clip(summary.title)) if summary.title else t("format.dry_no_title"))
    if summary.headings:
        lines.append(t("format.dry_headings", count=len(summary.headings)))
        for level, text, run_in in summary.headings:
            key = "format.dry_heading_run_in" if run_in else "format.dry_heading"
            lines.append(t(key, level=level, text=_clip(text)))
    else:
        lines.append(t("format.dry_no_headings"))
    lines.append(t("format.dry_objects", leads=summary.bold_leads, tables=summary.tables, images=summary.images,
                   notes=summary.notes))
    if summary.noise:
        lines.append(t("format.dry_noise", count=len(summary.noise)))
        for pos, text in summary.noise[:20]:
            lines.append(t("format.dry_noise_line", where=where(pos), text=_clip(text)))
        if len(summary.noise) > 20:
            lines.append("    …")
    counted = [
        ("format.change_empty", ChangeKind.EMPTY), ("format.change_space", ChangeKind.SPACE),
        ("format.change_invisible", ChangeKind.INVISIBLE), ("format.change_markup", ChangeKind.MARKUP),
    ]
    body: list[str] = []
    for key, kind in counted:
        items = changes.of(kind)
        if items:
            count = sum(int(c.before) for c in items) if kind is ChangeKind.INVISIBLE else len(items)
            body.append(t(key, count=count))
    joined = changes.of(ChangeKind.JOINED)
    if joined:
        body.append(t("format.change_joined", count=len(joined), where="、".join(where(c.pos) for c in joined[:3])))
    numbers = changes.of(ChangeKind.NUMBER)
    if numbers:
        body.append(t("format.change_number", count=len(numbers), where=where(numbers[0].pos), number=numbers[0].after))
    punct = changes.of(ChangeKind.PUNCT)
    if punct:
        first = punct[0]
        before, after = _difference(first.before, first.after)
        body.append(t("format.change_punct", count=sum(_marks(c.before, c.after) for c in punct),
                      where=where(first.pos), before=before, after=after))
    if summary.restyled:
        body.append(t("format.change_restyled", count=summary.restyled))
    lines.append(t("format.dry_changes") if body else t("format.dry_no_changes"))
    return lines + body


def first_difference(a: str, b: str) -> int:
    """The index where two texts first differ (the shorter one's length if one begins the other)."""
    return next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _difference(before: str, after: str, context: int = 6) -> tuple[str, str]:
    """The stretch around the first difference of two texts."""
    i = first_difference(before, after)
    j = 0
    while j < min(len(before), len(after)) - i and before[-1 - j] == after[-1 - j]:
        j += 1
    lo = max(0, i - context)
    return (before[lo:max(len(before) - j, i + 1) + context][:40],
            after[lo:max(len(after) - j, i + 1) + context][:40])


def _marks(before: str, after: str) -> int:
    """How many punctuation marks a normalisation changed (at least one)."""
    import difflib

    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    return max(1, sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal"))
