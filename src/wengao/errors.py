"""One error vocabulary for every stage, so the CLI can print `path:line:col: 错误: …` uniformly.

Each kind of failure has its own class and exit code (listed in the README); stages collect
diagnostics and raise once, and one place in the CLI turns them into lines and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

EXIT_OK = 0
EXIT_INPUT = 1  # the user's input is wrong (generic), or `wengao check` found an error
EXIT_USAGE = 2  # the command line is wrong, or an output would be overwritten
EXIT_OUTLINE = 3
EXIT_TEMPLATE = 4
EXIT_REFERENCE = 5
EXIT_DOCUMENT = 6  # an input document (.txt/.docx/…) cannot be read
EXIT_BANK = 7
EXIT_OUTPUT = 8  # an output cannot be written
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Diagnostic:
    """A located message. line and col are 1-based; 0 means unknown.

    `message`, `hint` and `suggestion` are already in the user's language (from the catalogue);
    `rule` names a check rule and is never translated.
    """

    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: Severity | str = Severity.ERROR
    rule: str = ""
    suggestion: str = ""

    @property
    def level(self) -> Severity:
        return self.severity if isinstance(self.severity, Severity) else Severity(self.severity)

    def format(self) -> str:
        from wengao.i18n import t

        where = self.path
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        label = t(f"diag.{self.level.value}")
        if self.rule:
            label += f" [{self.rule}]"
        text = f"{where}: {label}: {self.message}"
        if self.suggestion:
            text += t("diag.suggestion", suggestion=self.suggestion)
        if self.hint:
            text += t("diag.hint", hint=self.hint)
        return text


@dataclass
class WengaoError(Exception):
    """Raised with every diagnostic a stage found; stages collect before they raise."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    exit_code: int | None = None  # None: the class's own code

    default_exit = EXIT_INPUT

    def __post_init__(self) -> None:
        if self.exit_code is None:
            self.exit_code = self.default_exit
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)

    @classmethod
    def single(
        cls, path: str, message: str, *, line: int = 0, col: int = 0, hint: str = "",
        exit_code: int | None = None,
    ) -> WengaoError:
        return cls([Diagnostic(str(path), line, col, message, hint)], exit_code)


class UsageError(WengaoError):
    default_exit = EXIT_USAGE


class OutlineError(WengaoError):
    default_exit = EXIT_OUTLINE


class TemplateError(WengaoError):
    default_exit = EXIT_TEMPLATE


class ReferenceDocError(WengaoError):
    default_exit = EXIT_REFERENCE


class DocumentError(WengaoError):
    """An input document (to extract, mine, check or format) cannot be read."""

    default_exit = EXIT_DOCUMENT


class BankError(WengaoError):
    default_exit = EXIT_BANK


class OutputError(WengaoError):
    default_exit = EXIT_OUTPUT
