"""The message catalogue: key → (Chinese, English). The only place user-facing text lives.

Keys are grouped by the stage that speaks (`diag.` the shape of a diagnostic line, `cli.`,
`outline.`, `read.`, …). Placeholders are `{name}` and must be the same in both languages
(a test checks). Rule names, outline keys and file syntax stay untranslated inside messages.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- how a diagnostic line reads ---------------------------------------------------------
    "diag.error": ("错误", "error"),
    "diag.warning": ("警告", "warning"),
    "diag.info": ("提示", "note"),
    "diag.hint": ("（提示：{hint}）", " (hint: {hint})"),
    "diag.suggestion": ("（建议：{suggestion}）", " (suggestion: {suggestion})"),
    # -- cli: the command line, help texts, progress and summaries -----------------------------------
    # (end of cli)
    # -- outline: loading and validating outlines (YAML, input-method mistakes) ----------------------
    # (end of outline)
    # -- build: rendering, templates, the docx writer, output files ----------------------------------
    # (end of build)
    # -- reading: readers and the structure of documents ---------------------------------------------
    # (end of reading)
    # -- extract: wengao outline extract -------------------------------------------------------------
    # (end of extract)
    # -- mining: wengao mine -------------------------------------------------------------------------
    # (end of mining)
    # -- phrases: the phrase bank, search and picks --------------------------------------------------
    # (end of phrases)
    # -- check: wengao check (rule messages and suggestions) -----------------------------------------
    # (end of check)
    # -- format: wengao format -----------------------------------------------------------------------
    # (end of format)
}
