"""The command line: arguments in, one pipeline call, messages and an exit code out.

Each command lives in its own module (`cli/build.py` …) and is imported only when it runs:
`wengao --help` lists the commands from the table below without importing any of them.
To add a command, write `cli/NAME.py` with a function (or a `typer.Typer` for a group of
sub-commands) whose help texts are catalogue keys, then add one line to COMMANDS.
Failures become messages and exit codes in one place, `cli/handle.py`.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer import _click as click

from wengao.cli.core import Command, Group, tr
from wengao.cli.handle import run
from wengao.i18n import t

# name → ("module:attribute", catalogue key of its one-line help). Order is the --help order.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("wengao.cli.build:build", "cli.build.help"),
    "new": ("wengao.cli.new:new", "cli.new.help"),
    "init": ("wengao.cli.init:init", "cli.init.help"),
    "reference": ("wengao.cli.reference:reference", "cli.reference.help"),
    "outline": ("wengao.cli.outline:app", "cli.outline.help"),
    "phrases": ("wengao.cli.phrases:app", "cli.phrases.help"),
    "mine": ("wengao.cli.mine:mine", "cli.mine.help"),
    "check": ("wengao.cli.check:check", "check.help.short"),
    "format": ("wengao.cli.format:format_", "format.cli.help"),
}


def load_command(name: str, target: str, help_key: str) -> click.Command:
    """Import a command's module and build its click command (typer does the parameters)."""
    import importlib

    module, _, attr = target.partition(":")
    obj = getattr(importlib.import_module(module), attr)
    if isinstance(obj, typer.Typer):  # a group, even of one sub-command (`outline extract`)
        cmd: click.Command = typer.main.get_group(obj)
    else:
        single = typer.Typer(add_completion=False, rich_markup_mode=None)
        single.command(name, cls=Command, help=help_key)(obj)
        cmd = typer.main.get_command(single)
    cmd.name = name
    return cmd


class Root(Group):
    """`wengao`: commands load when named; the one error handler wraps the whole run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(n for n in self.commands if n not in COMMANDS)]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            self.commands[name] = load_command(name, *COMMANDS[name])
        return self.commands.get(name)

    def command_help(self, ctx: click.Context, name: str) -> str:
        if name in COMMANDS and name not in self.commands:
            return tr(COMMANDS[name][1]) or ""
        return super().command_help(ctx, name)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        code = run(lambda: super(Root, self).main(
            args, prog_name or "wengao", complete_var, standalone_mode=False, **extra))
        if standalone_mode:
            sys.exit(code)
        return code


def _version(value: bool) -> None:
    if value:
        from wengao import __version__

        typer.echo(t("cli.version", version=__version__))
        raise typer.Exit()


app = typer.Typer(name="wengao", cls=Root, help="cli.help", add_completion=False, no_args_is_help=True,
                  pretty_exceptions_enable=False, rich_markup_mode=None)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", help="cli.version_help", is_eager=True,
                                          callback=_version)] = False,
) -> None:
    """wengao（文稿）."""


def _terminated(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # `kill` gets the same clean stop as Ctrl-C: no temporary file left


def main() -> None:
    """Entry point (`wengao`, `python -m wengao`)."""
    import signal

    signal.signal(signal.SIGTERM, _terminated)
    try:
        app()
    except KeyboardInterrupt:  # before the command line is even read
        print(t("cli.interrupted"), file=sys.stderr)
        sys.exit(130)
