"""Mistakes a Chinese input method makes in YAML, found on the line where they are.

With the IME left in full-width mode a writer types `title：…`, indents with U+3000, starts a
list item with － or 、, or writes a comment with ＃. YAML reads most of these without
complaint as something else (a key named "title：…", a string with "＃" in it) or fails a line
later with a message about something else. This scan runs before YAML, names the character
and its column, and says what to type instead. It knows only form: where a key stands, what a
list marker looks like, which lines are literal text (block scalars), never the words.
"""

from __future__ import annotations

import re

from wengao.errors import Diagnostic
from wengao.i18n import t

# A key as a writer types it: an ASCII name, or one of the Chinese key names people guess.
_ASCII_KEY = r"[A-Za-z_][A-Za-z0-9_]{1,30}"
_BLOCK_START_RE = re.compile(r"(?:^|[:\-]\s+|^\s*-\s*)[|>][-+0-9]*\s*(?:#.*)?$")
_FW_INDENT_RE = re.compile(r"^[ \t]*\u3000")
_FW_MARKER_RE = re.compile(r"^([ \u3000]*)([－、]|[—–](?=[ \u3000]))")
_TAB_AFTER_KEY_RE = re.compile(rf"^(\s*(?:-\s+)?{_ASCII_KEY}:)(\t+)")
_FW_HASH_RE = re.compile(r"(?:^|(?<=[ \t\u3000]))＃")
# XML 1.0 and YAML both refuse these; YAML's own message gives no line.
ILLEGAL_CHARS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _fw_colon_re(chinese_keys: frozenset[str]) -> re.Pattern[str]:
    guesses = "|".join(sorted(map(re.escape, chinese_keys), key=len, reverse=True))
    return re.compile(rf"^[ ]*(?:(?:-[ ]+)?(?P<key>{_ASCII_KEY})|(?P<zh>{guesses}))[ ]*(?P<colon>：|:(?=\u3000))")


def _block_lines(lines: list[str]) -> set[int]:
    """Indices of lines inside block scalars (`key: |` …): literal text, never checked."""
    inside: set[int] = set()
    parent: int | None = None
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if parent is not None:
            if not line.strip() or indent > parent:
                inside.add(i)
                continue
            parent = None
        if _BLOCK_START_RE.search(line.split(" #")[0] if " #" in line else line):
            parent = indent
    return inside


def scan(text: str, path: str, chinese_keys: dict[str, str]) -> tuple[str, list[Diagnostic]]:
    """Return the text to parse (a tab after `key:` becomes a space, as libyaml reads it
    anyway) and the input-method mistakes found, one located diagnostic each."""
    lines = text.split("\n")
    literal = _block_lines(lines)
    colon_re = _fw_colon_re(frozenset(chinese_keys))
    found: list[Diagnostic] = []

    def say(line: int, col: int, message: str, hint: str, **values: str) -> None:
        found.append(Diagnostic(path, line + 1, col + 1, t(message, **values), t(hint, **values)))

    for i, line in enumerate(lines):
        for m in ILLEGAL_CHARS_RE.finditer(line):
            say(i, m.start(), "outline.ime.control", "outline.ime.control.hint", code=f"U+{ord(m.group()):04X}")
        if i in literal or not line.strip() or line.lstrip().startswith("#"):
            continue
        if m := _TAB_AFTER_KEY_RE.match(line):
            lines[i] = line = m.group(1) + " " * len(m.group(2)) + line[m.end():]
        if m := _FW_INDENT_RE.match(line):
            say(i, m.end() - 1, "outline.ime.fw_indent", "outline.ime.fw_indent.hint")
            continue
        if m := _FW_MARKER_RE.match(line):
            say(i, len(m.group(1)), "outline.ime.fw_marker", "outline.ime.fw_marker.hint", mark=m.group(2))
            continue
        if m := colon_re.match(line):
            key = m.group("key") or m.group("zh")
            english = chinese_keys.get(key, key)
            if m.group("colon") == "：":
                hint = "outline.ime.fw_colon.zh_hint" if m.group("zh") else "outline.ime.fw_colon.hint"
                say(i, m.start("colon"), "outline.ime.fw_colon", hint, key=key, english=english)
            else:
                say(i, m.start("colon") + 1, "outline.ime.fw_space", "outline.ime.fw_space.hint", key=key)
        if (m := _FW_HASH_RE.search(line)) and not _quoted_at(line, m.start()):
            say(i, m.start(), "outline.ime.fw_hash", "outline.ime.fw_hash.hint")
    return "\n".join(lines), found


def _quoted_at(line: str, pos: int) -> bool:
    """Is position pos inside a quoted string of this line?"""
    quote = ""
    for ch in line[:pos]:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
    return bool(quote)
