"""Which rules run, how severe each is, and the words a user never wants flagged.

Settings come from YAML files, later ones overriding earlier ones:
  1. the user's own file: $XDG_CONFIG_HOME/wengao/check.yaml (~/.config/wengao/check.yaml)
  2. the folder's file: ./wengao-check.yaml
  3. the file given with --config

    rules:                  # by rule (punct.blank) or by family (punct)
      punct.blank: off      # off | on | error | info  (关 | 开 | 错误 | 提示)
      repeat: error
    whitelist: [某某公司]     # never flag a finding inside these words
    wording:                # more wrong → right pairs (same form as the built-in table)
      - {wrong: 按装, right: 安装}
    formulations:           # more canonical formulations
      - {text: …, source: …, year: 2024}
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wengao.check.rules import FAMILIES, RULES
from wengao.errors import Diagnostic, Severity, UsageError
from wengao.i18n import t

FOLDER_FILE = "wengao-check.yaml"
_VALUES = {
    "off": None, "false": None, "no": None, "关": None, "关闭": None, "否": None,
    "on": "default", "true": "default", "yes": "default", "开": "default", "开启": "default", "是": "default",
    "error": Severity.ERROR, "错误": Severity.ERROR, "info": Severity.INFO, "提示": Severity.INFO,
    "warning": Severity.INFO,
}
_KEYS = ("rules", "whitelist", "wording", "formulations")


@dataclass
class Config:
    settings: dict[str, Severity | str | None] = field(default_factory=dict)  # rule or family → value
    whitelist: list[str] = field(default_factory=list)
    wording: list[dict[str, Any]] = field(default_factory=list)
    formulations: list[dict[str, Any]] = field(default_factory=list)

    def severity(self, rule: str) -> Severity | None:
        """The severity a rule reports with, or None when it is switched off."""
        spec = RULES[rule]
        for key in (rule, spec.family):
            if key in self.settings:
                value = self.settings[key]
                return spec.severity if value == "default" else value  # type: ignore[return-value]
        return spec.severity

    def enabled(self, rule: str) -> bool:
        return self.severity(rule) is not None

    def family_enabled(self, family: str) -> bool:
        return any(self.enabled(r) for r, s in RULES.items() if s.family == family)


def user_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "wengao" / "check.yaml"


def load_config(explicit: Path | None = None) -> Config:
    config = Config()
    for path in (user_file(), Path.cwd() / FOLDER_FILE):
        if path.is_file():
            _merge(config, path)
    if explicit is not None:
        if not explicit.is_file():
            raise UsageError([Diagnostic(str(explicit), 0, 0, t("check.config.missing"))])
        _merge(config, explicit)
    return config


def _merge(config: Config, path: Path) -> None:
    from wengao.errors import WengaoError
    from wengao.outline.yamlmarks import load_located
    from wengao.text.encoding import decode_bytes

    name = str(path)
    try:
        text, _ = decode_bytes(path.read_bytes())
        located = load_located(text, name)
    except WengaoError as exc:
        raise UsageError(exc.diagnostics) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError([Diagnostic(name, 0, 0, t("check.config.unreadable", why=exc))]) from None
    data = located.data
    problems = list(located.diagnostics)
    if data is None:
        return
    if not isinstance(data, dict):
        raise UsageError([located.diag((), t("check.config.shape"))])
    for key in data:
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key), _KEYS, n=1)
            problems.append(located.diag((key,), t("check.config.unknown-key", key=key),
                                         t("check.config.did-you-mean", name=close[0]) if close else "",
                                         key=True))
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        problems.append(located.diag(("rules",), t("check.config.rules-shape")))
        rules = {}
    known = [*RULES, *FAMILIES]
    for rule, value in rules.items():
        rule = str(rule)
        if rule not in known:
            close = difflib.get_close_matches(rule, known, n=1)
            problems.append(located.diag(("rules", rule), t("check.config.unknown-rule", rule=rule),
                                         t("check.config.did-you-mean", name=close[0]) if close else "",
                                         key=True))
            continue
        word = "on" if value is True else "off" if value is False else str(value).strip().lower()
        if word not in _VALUES:
            problems.append(located.diag(("rules", rule), t("check.config.bad-value", value=value)))
            continue
        config.settings[rule] = _VALUES[word]
    for key in ("whitelist", "wording", "formulations"):
        items = data.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(located.diag((key,), t("check.config.list-shape", key=key)))
            continue
        for i, item in enumerate(items):
            if key == "whitelist":
                if isinstance(item, str | int) and str(item).strip():
                    config.whitelist.append(str(item).strip())
                else:
                    problems.append(located.diag((key, i), t("check.config.word-shape")))
            elif not isinstance(item, dict) or not str(item.get("wrong" if key == "wording" else "text", "")).strip():
                need = "wrong, right" if key == "wording" else "text"
                problems.append(located.diag((key, i), t("check.config.entry-shape", need=need)))
            else:
                getattr(config, key).append({**item, "_from": name})
    if problems:
        raise UsageError(problems)
