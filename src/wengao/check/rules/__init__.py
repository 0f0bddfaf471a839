"""The rules of `wengao check`, one module per family, each rule named and switchable.

A family module exposes `check(source, context) -> Iterable[Finding]`; `RULES` names every rule
a family can report and its default severity (错误 for a mistake, 提示 for what a writer should
look at). The config file switches rules off or changes their severity, by rule or by family.
"""

from __future__ import annotations

from dataclasses import dataclass

from wengao.errors import Severity

ERROR, INFO = Severity.ERROR, Severity.INFO


@dataclass(frozen=True)
class RuleSpec:
    name: str
    severity: Severity

    @property
    def family(self) -> str:
        return self.name.split(".", 1)[0]


RULES: dict[str, RuleSpec] = {s.name: s for s in (
    RuleSpec("placeholder", ERROR),
    RuleSpec("numbering.sequence", ERROR),
    RuleSpec("numbering.nesting", ERROR),
    RuleSpec("numbering.mixed", ERROR),
    RuleSpec("numbering.points", ERROR),
    RuleSpec("numbering.period", ERROR),
    RuleSpec("punct.halfwidth", ERROR),
    RuleSpec("punct.unpaired", ERROR),
    RuleSpec("punct.doubled", ERROR),
    RuleSpec("punct.dash", ERROR),
    RuleSpec("punct.ellipsis", ERROR),
    RuleSpec("punct.blank", ERROR),
    RuleSpec("number.date-zero", ERROR),
    RuleSpec("number.year-short", ERROR),
    RuleSpec("number.year-style", INFO),
    RuleSpec("wording.pair", ERROR),
    RuleSpec("wording.jiezhi", ERROR),
    RuleSpec("wording.repair", INFO),
    RuleSpec("wording.formulation", INFO),
    RuleSpec("wording.formulation-known", ERROR),
    RuleSpec("repeat.inside", INFO),
    RuleSpec("repeat.against", INFO),
    RuleSpec("quote.misquote", INFO),
)}

FAMILIES = tuple(dict.fromkeys(s.family for s in RULES.values()))


def family_checks():
    """(family, check function) in report order; modules are imported when first needed."""
    from wengao.check.rules import (
        numbering,
        numbers,
        placeholders,
        punctuation,
        quotes,
        repetition,
        wording,
    )

    return (("placeholder", placeholders.check), ("numbering", numbering.check),
            ("punct", punctuation.check), ("number", numbers.check), ("wording", wording.check),
            ("repeat", repetition.check), ("quote", quotes.check))
