"""One error vocabulary for every stage, so the CLI can print `path:line:col: error: …` uniformly."""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_INPUT = 1  # the user's input (outline, template, corpus) is wrong
EXIT_USAGE = 2  # the command line is wrong, or an output would be overwritten


@dataclass(frozen=True)
class Diagnostic:
    """A located message. line and col are 1-based; 0 means unknown."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: str = "error"

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


@dataclass
class WengaoError(Exception):
    """Raised with every diagnostic a stage found; stages collect before they raise."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    exit_code: int = EXIT_INPUT

    def __post_init__(self) -> None:
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)

    @classmethod
    def single(
        cls, path: str, message: str, *, line: int = 0, col: int = 0, hint: str = "",
        exit_code: int = EXIT_INPUT,
    ) -> WengaoError:
        return cls([Diagnostic(str(path), line, col, message, hint)], exit_code)
