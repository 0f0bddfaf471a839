"""The one place where failures become messages and exit codes.

Every command raises; nothing below the command line prints an error or picks an exit code.
WengaoError → its located lines and its class's code (README: exit codes); click's usage
errors → the usage line, a hint and the problem, in the user's language, code 2; Ctrl-C → a
word and 130; anything else is a bug → one line and 70 (WENGAO_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from typer import _click as click
from typer.exceptions import Abort, Exit

from wengao.cli.core import Interrupted
from wengao.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, WengaoError
from wengao.i18n import t


def say(text: str) -> None:
    click.echo(text, err=True)


def report(err: WengaoError) -> None:
    for d in err.diagnostics:
        say(d.format())


def run(invoke: Callable[[], Any]) -> int:
    """Run a command line to its end and return the exit code; print why if it failed."""
    try:
        result = invoke()
    except WengaoError as err:
        report(err)
        return err.exit_code or EXIT_INPUT
    except click.exceptions.NoArgsIsHelpError as exc:
        say(exc.ctx.get_help())
        return EXIT_USAGE
    except click.exceptions.UsageError as exc:
        ctx = exc.ctx
        if ctx is not None:
            say(ctx.get_usage())
            say(t("cli.try_help", command=ctx.command_path))
        say(t("cli.error", message=usage_message(exc)))
        return EXIT_USAGE
    except click.exceptions.ClickException as exc:
        say(t("cli.error", message=exc.format_message()))
        return exc.exit_code
    except Exit as exc:
        return exc.exit_code
    except Abort:
        say(t("cli.aborted"))
        return EXIT_INPUT
    except (Interrupted, KeyboardInterrupt):
        say(t("cli.interrupted"))
        return EXIT_INTERRUPTED
    except SystemExit as exc:  # click's own exit on a closed pipe
        return exc.code if isinstance(exc.code, int) else EXIT_INPUT
    except OSError as exc:
        if os.environ.get("WENGAO_DEBUG"):
            raise
        where = exc.filename if exc.filename is not None else "wengao"
        say(f"{where}: {t('diag.error')}: {t('cli.os_error', reason=exc.strerror or exc)}")
        return EXIT_INPUT
    except Exception as exc:
        if os.environ.get("WENGAO_DEBUG"):
            raise
        say(t("cli.internal", error=f"{type(exc).__name__}: {exc}"))
        return EXIT_INTERNAL
    if result == EXIT_INTERRUPTED:  # typer turns a Ctrl-C while parsing into a silent 130
        say(t("cli.interrupted"))
    return result if isinstance(result, int) else 0


# click's words, as its own copy in typer writes them (f-strings, not gettext): pattern → key.
_CLICK_WORDS: tuple[tuple[str, str], ...] = (
    (r"^Got unexpected extra argument\(s\) \((?P<args>.*)\)$", "cli.click.extra_args"),
    (r"^Option '(?P<name>.*)' requires an argument\.$", "cli.click.needs_value"),
    (r"^Option '(?P<name>.*)' requires (?P<n>\d+) arguments\.$", "cli.click.needs_values"),
    (r"^Option '(?P<name>.*)' does not take a value\.$", "cli.click.takes_no_value"),
    (r"^Argument '(?P<name>.*)' takes (?P<n>\d+) values\.$", "cli.click.needs_values"),
    (r"^Missing command\.$", "cli.click.missing_command"),
    (r"^(?P<value>.*) is not a valid (?:int|integer)\.$", "cli.click.not_int"),
    (r"^(?P<value>.*) is not a valid (?:float|number)\.$", "cli.click.not_number"),
    (r"^(?P<value>.*) is not a valid boolean\..*$", "cli.click.not_bool"),
    (r"^(?P<value>.*) is not one of (?P<choices>.*)\.$", "cli.click.not_choice"),
    (r"^(?P<value>.*) is not in the range (?P<range>.*)\.$", "cli.click.not_in_range"),
)


def _words(message: str) -> str:
    for pattern, key in _CLICK_WORDS:  # re caches the compiled patterns; only on a usage error
        m = re.match(pattern, message)
        if m:
            return t(key, **m.groupdict())
    return message


def _hint(exc: click.exceptions.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
    elif exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)
    else:
        return ""
    return hint if isinstance(hint, str) else " / ".join(hint)


def usage_message(exc: click.exceptions.UsageError) -> str:
    """The problem itself, worded from the catalogue."""
    if isinstance(exc, click.exceptions.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "parameter")
        key = "cli.click.missing_option" if kind == "option" else "cli.click.missing_argument"
        return t(key, name=_hint(exc))
    if isinstance(exc, click.exceptions.BadParameter):
        reason = _words(exc.message)
        name = _hint(exc)
        return t("cli.click.bad_value", name=name, reason=reason) if name else reason
    if isinstance(exc, click.exceptions.NoSuchOption):
        message = t("cli.click.no_such_option", name=exc.option_name)
        if exc.possibilities:
            names = t("cli.list_sep").join(sorted(exc.possibilities))
            message += t("cli.click.did_you_mean", names=names)
        return message
    return _words(exc.message)
