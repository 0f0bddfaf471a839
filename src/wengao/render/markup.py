"""The line-based block markup templates write, and its parser.

One block per line: ``@kind[:arg] text``. Inline spans use private-use characters that the
template filters insert and that user text can never contain (they are stripped from it).
"""

from __future__ import annotations

import re

from wengao.document.blocks import KINDS, Block, Run, merge_runs
from wengao.errors import Diagnostic, TemplateError
from wengao.i18n import t
from wengao.outline.ime import ILLEGAL_CHARS_RE
from wengao.outline.model import Source

BOLD_ON, BOLD_OFF = "\ue000", "\ue001"
SRC_ON, SRC_SEP, SRC_OFF = "\ue002", "\ue003", "\ue004"
_PRIVATE_RE = re.compile("[\ue000-\ue0ff]")
_LINE_RE = re.compile(r"^@([a-z]+)(\d?)(?::(\S+))?(?:[ \t](.*))?$")
_INLINE_RE = re.compile(f"({BOLD_ON}|{BOLD_OFF}|{SRC_ON}\\d+{SRC_SEP}|{SRC_OFF})")


def escape_text(text: str) -> str:
    """Make user text safe inside one markup line."""
    text = _PRIVATE_RE.sub("", ILLEGAL_CHARS_RE.sub("", text))  # the outline warned about these
    if "\n" in text or "\r" in text:
        text = "".join(part.strip() for part in text.splitlines())
    return text


def bold(markup: str) -> str:
    return f"{BOLD_ON}{markup}{BOLD_OFF}"


def sourced(markup: str, index: int) -> str:
    return f"{SRC_ON}{index}{SRC_SEP}{markup}{SRC_OFF}"


def _parse_inline(text: str, sources: list[Source]) -> tuple[Run, ...]:
    runs: list[Run] = []
    is_bold = False
    source: Source | None = None
    for piece in _INLINE_RE.split(text):
        if piece == BOLD_ON:
            is_bold = True
        elif piece == BOLD_OFF:
            is_bold = False
        elif piece.startswith(SRC_ON):
            source = sources[int(piece[1:-1])]
        elif piece == SRC_OFF:
            source = None
        elif piece:
            runs.append(Run(piece, is_bold, source))
    return merge_runs(runs)


def parse_markup(markup: str, template_name: str, sources: list[Source] | None = None) -> list[Block]:
    sources = sources or []
    blocks: list[Block] = []
    problems: list[Diagnostic] = []
    for lineno, raw in enumerate(markup.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        m = _LINE_RE.match(line)
        if not m or m.group(1) not in KINDS:
            problems.append(Diagnostic(
                template_name, 0, 0, t("build.markup.not_a_block", n=lineno, text=repr(line[:40])),
                t("build.markup.not_a_block.hint", kinds=", ".join(KINDS)),
            ))
            continue
        if bad := ILLEGAL_CHARS_RE.search(line):  # Word and LibreOffice refuse such a document
            problems.append(Diagnostic(template_name, 0, 0,
                                       t("build.markup.control", n=lineno, code=f"U+{ord(bad.group()):04X}"),
                                       t("build.markup.control.hint")))
            continue
        kind, digit, arg, text = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
        run_in = kind == "h" and arg == "runin"
        if kind == "h":
            arg = digit or ("1" if run_in else arg) or "1"
        runs = _parse_inline(text.strip(), sources)
        if kind not in ("blank", "pagebreak", "toc", "parts") and not "".join(r.text for r in runs).strip():
            problems.append(Diagnostic(template_name, 0, 0, t("build.markup.empty", n=lineno, kind=kind),
                                       t("build.markup.empty.hint")))
            continue
        blocks.append(Block(kind, runs, arg, lineno, run_in=run_in))
    if problems:
        raise TemplateError(problems)
    return blocks
