"""How commands look: help, usage and click's own words in the user's language.

typer (≥ 0.26) carries its own copy of click, whose words (Usage, Options, Missing argument …)
are English literals rather than gettext calls. Instead of patching them, wengao's command and
group classes draw help and usage themselves, and `cli.handle` words click's errors from the
catalogue. Help texts in the command modules are catalogue keys, translated when typer builds
the click objects — on every run, after the language is known.
"""

from __future__ import annotations

import re
from typing import Any

from typer import _click as click
from typer.core import TyperCommand, TyperGroup

from wengao.i18n import t
from wengao.text.width import width

# CJK punctuation that may not begin a line (it hangs at the end of the previous one).
_NO_LINE_START = set("，。、；：？！）》」』”’…—·")
_NO_LINE_END = set("（《「『“‘")  # and may not end one
_TOKEN = r"[ \t]+|\[[^\[\]]{1,12}\]|[!-~]+|."  # compiled when help is drawn, not at start-up
_EXTRAS = r"\s*\[([^\[\]]*)\]$"
# typer's type metavars, shown after options (`-o <path>`)
_METAVARS = {"<path>": "cli.metavar.path", "<str>": "cli.metavar.text", "<int>": "cli.metavar.int",
             "<float>": "cli.metavar.number"}


def tr(text: str | None) -> str | None:
    """A catalogue key becomes its text; anything else (a name, an example) stays."""
    from wengao.messages import MESSAGES

    return t(text) if text and text in MESSAGES else text


def wrap(text: str, columns: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap mixed Chinese and Latin text: between any two CJK characters, at spaces between
    Latin words, never putting ，。、 or a closing bracket at the start of a line."""
    lines: list[str] = []
    line, used, space = first, width(first), False
    start = used
    for tok in re.findall(_TOKEN, text):
        if tok.isspace():
            space = used > start
            continue
        tw = width(tok) + (1 if space else 0)
        if used + tw > columns and used > start and tok[0] not in _NO_LINE_START:
            carry = ""
            if line[-1] in _NO_LINE_END and used - width(line[-1]) > start:
                carry, line = line[-1], line[:-1]  # an opening bracket goes with what it opens
            lines.append(line)
            line, used, space = rest + carry, width(rest + carry), False
            start = width(rest)
            tw = width(tok)
        line += (" " if space else "") + tok
        used += tw
        space = False
    lines.append(line)
    return lines


class Formatter(click.HelpFormatter):
    """click's help layout, with headings, usage and wrapping that suit Chinese."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{' ' * self.current_indent}{prefix if prefix is not None else t('cli.usage')}{prog} "
        for line in wrap(args, self.width, head, " " * min(width(head), 20)):
            self.write(line + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{' ' * self.current_indent}{t('cli.heading', name=heading)}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for para in text.split("\n"):
            for line in wrap(para.strip(), self.width, indent, indent) if para.strip() else [""]:
                self.write(line.rstrip() + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not rows:
            return
        first_col = min(max(width(a) for a, _ in rows), col_max) + col_spacing
        pad = " " * (self.current_indent + first_col)
        for term, desc in rows:
            head = " " * self.current_indent + term
            if not desc:
                self.write(head + "\n")
                continue
            if width(term) <= first_col - col_spacing:
                head += " " * (first_col - width(term))
            else:
                self.write(head + "\n")
                head = pad
            for line in wrap(desc, self.width, head, pad):
                self.write(line.rstrip() + "\n")


class Context(click.Context):
    formatter_class = Formatter


def _extras(help_text: str) -> str:
    """typer's trailing "[default: 20; required]" in the user's language."""
    m = re.search(_EXTRAS, help_text)
    if not m:
        return help_text
    words = []
    for item in m.group(1).split("; "):
        name, _, value = item.partition(": ")
        if name == "default":
            words.append(t("cli.default", value=value))
        elif name == "required":
            words.append(t("cli.required"))
        elif name == "env var":
            words.append(t("cli.env_var", value=value))
        else:
            words.append(item)
    return f"{help_text[:m.start()]}  [{t('cli.list_sep').join(words)}]"


def _metavars(term: str) -> str:
    for english, key in _METAVARS.items():
        term = term.replace(english, f"<{t(key)}>")
    return term


class Interrupted(Exception):
    """Ctrl-C inside a command: typer would swallow KeyboardInterrupt into a silent exit 130."""


class _Localized:
    """Shared by commands and groups: translated help, our usage line and option sections."""

    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = tr(self.help)
        self.short_help = tr(self.short_help)
        if self.options_metavar:
            self.options_metavar = t("cli.options_metavar")
        for param in self.params:
            if getattr(param, "help", None):
                param.help = tr(param.help)
            if param.metavar:
                param.metavar = tr(param.metavar)

    def get_help_option(self, ctx: click.Context) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("cli.help_option")
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)))

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """click's pieces, with "..." after an argument that takes several values: typer drops
        it when the argument has a metavar ({OUTLINE.yaml...}, [文件或文件夹...])."""
        pieces = super().collect_usage_pieces(ctx)
        many = {p.make_metavar(ctx, usage=True) for p in self.get_params(ctx)  # type: ignore[call-arg]
                if p.param_type_name == "argument" and p.nargs == -1 and p.metavar}
        return [piece[:-1] + "..." + piece[-1] if piece in many and "..." not in piece else piece
                for piece in pieces]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            row = (_metavars(record[0]), _extras(record[1]))
            (arguments if param.param_type_name == "argument" else options).append(row)
        for heading, rows in ((t("cli.arguments"), arguments), (t("cli.options"), options)):
            if rows:
                with formatter.section(heading):
                    formatter.write_dl(rows)
        if isinstance(self, TyperGroup):
            self.format_commands(ctx, formatter)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.exceptions.UsageError as exc:
            if exc.ctx is None:  # click's parser raises some without one: no usage line then
                exc.ctx, exc.cmd = ctx, self
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted from None


class Command(_Localized, TyperCommand):
    """A wengao command: pass `cls=Command` when registering it."""


class Group(_Localized, TyperGroup):
    """A group of wengao commands (`wengao phrases …`); commands are listed whole, never cut."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.subcommand_metavar:
            self.subcommand_metavar = t("cli.command_metavar")

    def command_help(self, ctx: click.Context, name: str) -> str:
        cmd = self.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            return ""
        return (cmd.short_help or cmd.help or "").strip().split("\n")[0]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, self.command_help(ctx, name)) for name in self.list_commands(ctx)]
        rows = [r for r in rows if r[1]]
        if rows:
            with formatter.section(t("cli.commands")):
                formatter.write_dl(rows, col_max=16)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name = args[0]
        cmd = self.get_command(ctx, name)
        if cmd is None and not ctx.resilient_parsing:
            if name.startswith("-"):
                self.parse_args(ctx, args)  # an unknown option: click says so
            import difflib

            message = t("cli.click.no_such_command", name=name)
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=2)
            if close:
                message += t("cli.click.did_you_mean", names=t("cli.list_sep").join(close))
            raise click.exceptions.UsageError(message, ctx)
        return (name if cmd else None), cmd, args[1:]
