"""Chinese by default, English on request: every message the user reads comes from one catalogue.

The catalogue is `wengao.messages.MESSAGES` (key → (中文, English)); code asks for a message by
key with `t("key", name=value)`. The language is Chinese unless WENGAO_LANG says otherwise, or
(when WENGAO_LANG is unset) the locale variables name an English locale.
"""

from __future__ import annotations

import os

ZH, EN = "zh", "en"
_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language() -> str:
    """'zh' or 'en', read from the environment on every call (tests switch it freely)."""
    chosen = os.environ.get("WENGAO_LANG", "").strip().lower()
    if chosen:
        return EN if chosen.startswith("en") else ZH
    for var in _LOCALE_VARS:
        value = os.environ.get(var, "").strip()
        if value:
            return EN if value.lower().startswith("en") else ZH
    return ZH


def t(key: str, /, **values: object) -> str:
    """The message `key` in the current language, with {placeholders} filled."""
    from wengao.messages import MESSAGES

    zh, en = MESSAGES[key]
    text = en if language() == EN else zh
    return text.format(**values) if values else text
