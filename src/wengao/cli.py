"""The command line: arguments in, one pipeline call, messages and an exit code out.

Heavy modules are imported inside the commands so `wengao --help` starts fast.
"""


import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from wengao.errors import EXIT_INPUT, EXIT_USAGE, WengaoError


def _t(key: str) -> str:
    from wengao.i18n import t

    return t(key)


def _report(err: WengaoError) -> None:
    for d in err.diagnostics:
        typer.echo(d.format(), err=True)


def handled(fn):
    """Every command reports WengaoError as located lines and exits non-zero, no traceback."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except WengaoError as err:
            _report(err)
            raise typer.Exit(err.exit_code) from None

    return wrapper


@handled
def build(
    outlines: Annotated[list[Path], typer.Argument(
        help="Outline files (.yaml) to build; each becomes a .docx beside it unless -o is given.",
        show_default=False, metavar="OUTLINE.yaml")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output",
        help="Where to write the .docx. With several outlines, a folder to write them into.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", "-f", help="Replace output files that already exist.")] = False,
    reference: Annotated[Path | None, typer.Option(
        "--reference", "-r",
        help="A .docx whose styles and page setup to use (its text is ignored). "
             "Default: ./templates/reference.docx, else the built-in one.")] = None,
    annotate: Annotated[bool, typer.Option(
        "--annotate", help="Add a Word comment on each reused phrase naming its id and source.")] = False,
    bank: Annotated[Path | None, typer.Option(
        "--bank", help="The phrase bank folder for phrase: and pick: (default: ./phrasebank, "
                       "else the built-in bank).")] = None,
    seed: Annotated[str | None, typer.Option(
        "--seed", help="Make pick: choose differently (any word; the same seed, the same choice).")] = None,
) -> None:
    """Build .docx drafts from outlines (the outline's genre decides the layout)."""
    from wengao.build import BuildOptions, build_file

    opts = BuildOptions(reference=reference, annotate=annotate, force=force, bank=bank, seed=seed)
    into_dir = output is not None and (output.is_dir() or str(output).endswith(("/", os.sep)))
    if len(outlines) > 1 and output is not None and not into_dir:
        raise WengaoError.single(str(output), "with several outlines, -o must be a folder",
                                 exit_code=EXIT_USAGE)
    failed = 0
    for path in outlines:
        target = (output / path.with_suffix(".docx").name) if into_dir else output
        try:
            written = build_file(path, target, opts)
        except WengaoError as err:
            _report(err)
            failed += 1
            code = err.exit_code
            continue
        typer.echo(f"wrote {written.path}")
        if written.placeholders:
            typer.echo(f"{path}: warning: {written.placeholders} placeholders 【…】 are still to be written",
                       err=True)
    if failed:
        raise typer.Exit(code if len(outlines) == 1 else EXIT_INPUT)


@handled
def new(
    genre: Annotated[str | None, typer.Argument(
        help="speech, exchange, study-report, news or compilation.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Where to write the outline (.yaml).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="The title to put in.")] = None,
    speaker: Annotated[str | None, typer.Option(
        "--speaker", help="The speaker (or, for a study report, the author's post).")] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="Replace the file if it exists.")] = False,
    list_genres: Annotated[bool, typer.Option("--list", help="List the genres and stop.")] = False,
) -> None:
    """Start a new outline from a genre's commented skeleton (it builds as it is)."""
    from wengao.skeleton import genre_list, skeleton_text

    if list_genres or genre is None:
        for line in genre_list():
            typer.echo(line)
        if genre is None and not list_genres:
            raise typer.Exit(EXIT_USAGE)
        return
    from wengao.fileio import atomic_write

    text = skeleton_text(genre, title=title, speaker=speaker)
    target = output or Path(f"{genre}.yaml")
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise WengaoError.single(str(target), "an outline file name ends in .yaml", exit_code=EXIT_USAGE)
    atomic_write(target, text.encode("utf-8"), force=force)
    typer.echo(f"wrote {target}; edit it, then: wengao build {target}")


@handled
def reference_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the .docx.")] = Path(
        "templates/reference.docx"),
    force: Annotated[bool, typer.Option("--force", "-f", help="Replace the file if it exists.")] = False,
) -> None:
    """Write the built-in reference .docx (styles and page setup) for you to restyle in Word."""
    from wengao.docx.writer import reference_bytes
    from wengao.fileio import atomic_write

    atomic_write(output, reference_bytes(), force=force)
    typer.echo(f"wrote {output}")


@handled
def mine(
    inputs: Annotated[list[Path], typer.Argument(
        help="Corpus files (.txt in UTF-8 or GB18030, .docx) or folders to read.",
        show_default=False, metavar="FILE_OR_FOLDER...")],
    output: Annotated[Path, typer.Option(
        "-o", "--output", help="The phrase bank folder to write (one YAML file per function). "
                               "Mined entries there are replaced; hand-written ones are kept.")],
    repairs: Annotated[list[Path] | None, typer.Option(
        "--repairs", help="An extra repair table (YAML list of {wrong, right, before, after}); "
                          "may be given more than once.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")] = False,
) -> None:
    """Mine a phrase bank (openings, closings, headings, formulations …) from past documents."""
    from wengao.mining.pipeline import mine as run_mine

    show = sys.stderr.isatty() and not quiet

    def progress(k: int, n: int, name: str) -> None:
        if show and n > 1:
            width = 30
            done = width * k // n
            sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {k}/{n} {name[:40]:<40}")
            sys.stderr.flush()
            if k == n:
                sys.stderr.write("\n")

    _, summary = run_mine(inputs, output, repairs=repairs or None, progress=progress)
    if not quiet:
        for line in summary.lines():
            typer.echo(line)
        typer.echo(f"wrote {len(summary.written)} files to {output}")
    if summary.files == 0:
        raise WengaoError.single(", ".join(map(str, inputs)), "no readable .txt or .docx documents found")




@handled
def check(
    paths: Annotated[list[Path] | None, typer.Argument(
        help=_t("check.help.paths"), show_default=False, metavar="FILE_OR_FOLDER...")] = None,
    json_out: Annotated[bool, typer.Option("--json", help=_t("check.help.json"))] = False,
    annotate: Annotated[Path | None, typer.Option(
        "--annotate", help=_t("check.help.annotate"), metavar="OUT.docx")] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help=_t("check.help.force"))] = False,
    against: Annotated[Path | None, typer.Option("--against", help=_t("check.help.against"))] = None,
    config: Annotated[Path | None, typer.Option("--config", help=_t("check.help.config"))] = None,
    bank: Annotated[Path | None, typer.Option("--bank", help=_t("check.help.bank"))] = None,
    list_rules: Annotated[bool, typer.Option("--list-rules", help=_t("check.help.list-rules"))] = False,
) -> None:
    from wengao.check import run_check
    from wengao.check.report import as_json, lines, summary
    from wengao.i18n import t

    if list_rules:
        from wengao.check.rules import RULES

        for name, spec in RULES.items():
            typer.echo(f"{name:28} {t('diag.' + spec.severity.value):4}  {t('check.rule.' + name)}")
        return
    run = run_check(list(paths or []), against=against, config=config, bank=bank,
                    annotate=annotate, force=force)
    for r in run.results:
        if r.error is not None:
            _report(r.error)
    if json_out:
        typer.echo(as_json(run.results))
    elif any(r.findings for r in run.results):
        typer.echo("\n".join(lines(run.results)))
    if run.annotated is not None:
        typer.echo(t("check.annotated", path=run.annotated, count=run.comments), err=True)
    typer.echo(summary(run.results), err=True)
    raise typer.Exit(run.exit_code)


check.__doc__ = _t("check.help")


@handled
def outline_extract(
    document: Annotated[Path, typer.Argument(
        help="A speech, study report, news report or compilation (.txt or .docx).", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Where to write the outline (.yaml); without it, print it.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the outline as JSON instead of YAML.")] = False,
    force: Annotated[bool, typer.Option("--force", "-f", help="Replace the output file if it exists.")] = False,
) -> None:
    """Turn an existing document into an outline you can edit and rebuild."""
    from wengao.extract import dump, extract

    result = extract(document)
    for w in result.warnings:
        typer.echo(w.format(), err=True)
    text = dump(result.outline, as_json=json_out)
    if output is None:
        typer.echo(text, nl=False)
        return
    from wengao.fileio import atomic_write

    atomic_write(output, text.encode("utf-8"), force=force)
    typer.echo(f"wrote {output}")


BankOpt = Annotated[Path | None, typer.Option(
    "--bank", help="The phrase bank folder (default: ./phrasebank, else the built-in bank).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print a JSON array of entries instead.")]
FunctionOpt = Annotated[str | None, typer.Option(
    "--function", "-f", help="Only this function: opening, closing, heading, term, … (see phrases list).")]


@handled
def phrases_search(
    query: Annotated[str, typer.Argument(help="Chinese text to find (two characters or more).")],
    function: FunctionOpt = None,
    genre: Annotated[str | None, typer.Option("--genre", help="speech, exchange, study-report or news.")] = None,
    topic: Annotated[str | None, typer.Option("--topic", help="Only phrases of this topic.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results.")] = 20,
    json_out: JsonOpt = False,
    bank: BankOpt = None,
) -> None:
    """Find phrases containing QUERY, best first."""
    from wengao.phrases.commands import as_json, format_hit, open_index

    hits = open_index(bank).search(query, function=function, genre=genre, topic=topic, limit=limit)
    if json_out:
        typer.echo(as_json(hits))
        return
    color = sys.stdout.isatty()
    for h in hits:
        typer.echo(format_hit(h, query, color))
    if not hits:
        typer.echo(f"no phrase contains {query}", err=True)
        raise typer.Exit(1)


@handled
def phrases_show(entry_id: Annotated[str, typer.Argument(help="A phrase id such as closing.0007.")],
                 json_out: JsonOpt = False, bank: BankOpt = None) -> None:
    """Show one phrase with its sources."""
    import difflib

    from wengao.phrases.commands import as_json, open_index, show

    index = open_index(bank)
    hit = index.get(entry_id)
    if hit is None:
        close = difflib.get_close_matches(entry_id, index.ids(entry_id.split(".")[0]), n=3, cutoff=0.5)
        raise WengaoError.single(entry_id, "no such phrase id",
                                 hint=("did you mean " + ", ".join(close) + "?") if close else "")
    typer.echo(as_json([hit]) if json_out else show(hit))


@handled
def phrases_list(function: FunctionOpt = None, json_out: JsonOpt = False, bank: BankOpt = None) -> None:
    """List the phrases of the bank (of one function)."""
    from wengao.phrases.commands import as_json, format_hit, open_index

    hits = open_index(bank).list(function)
    if json_out:
        typer.echo(as_json(hits))
        return
    for h in hits:
        typer.echo(format_hit(h))


@handled
def phrases_add(
    text: Annotated[str, typer.Argument(help="The phrase; write slots as {name}.")],
    function: Annotated[str, typer.Option("--function", "-f", help="Its function, e.g. closing.")],
    topic: Annotated[list[str] | None, typer.Option("--topic", help="A topic (repeatable).")] = None,
    genre: Annotated[list[str] | None, typer.Option("--genre", help="A genre (repeatable).")] = None,
    bank: BankOpt = None,
) -> None:
    """Add a hand-written phrase (kept when the bank is mined again)."""
    from wengao.phrases.commands import add
    from wengao.workspace import default_bank

    entry = add(bank or default_bank(), text, function, topic or [], genre or [])
    typer.echo(f"added {entry['id']}")


@handled
def init(
    folder: Annotated[Path, typer.Argument(help="The folder to set up (default: here).")] = Path("."),
    force: Annotated[bool, typer.Option("--force", "-f", help="Replace files that already exist.")] = False,
) -> None:
    """Copy the built-in templates, reference .docx and phrase bank here, to edit them."""
    from wengao.init import init_workspace

    copied = init_workspace(folder, force=force)
    typer.echo(f"copied {len(copied)} files into {folder}/templates and {folder}/phrasebank; "
               "wengao uses them when run from this folder")


COMMANDS = {"build": build, "new": new, "init": init, "reference": reference_cmd, "mine": mine,
            "check": check}
GROUPS = {
    "outline": ("Work with outlines: extract one from an existing document.", {"extract": outline_extract}),
    "phrases": ("Search, show, list and add phrases of the phrase bank.",
                {"search": phrases_search, "show": phrases_show, "list": phrases_list, "add": phrases_add}),
}


def make_app(only: str | None = None) -> typer.Typer:
    """The command line; with `only`, just that command, since typer converts every registered
    command on each start (a third of `wengao build`'s start-up otherwise)."""
    root = typer.Typer(
        name="wengao",
        help="wengao（文稿）: turn a YAML outline into a GB/T 9704 speech or report in Word (.docx).",
        add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
    )
    for name, fn in COMMANDS.items():
        if only in (None, name):
            root.command(name)(fn)
    for name, (help_text, commands) in GROUPS.items():
        if only in (None, name):
            group = typer.Typer(help=help_text, no_args_is_help=True, rich_markup_mode=None)
            for sub, fn in commands.items():
                group.command(sub)(fn)
            root.add_typer(group, name=name)
    if only is not None and len(COMMANDS) + len(GROUPS) > 1:
        # a lone command would become the whole program: keep the group shape with a hidden no-op
        root.command("_", hidden=True)(lambda: None)
    return root


app = make_app()  # every command, for `wengao --help` and for tests


def main() -> None:
    """Entry point: every WengaoError becomes located one-line messages, never a traceback."""
    first = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    only = first if first in COMMANDS or first in GROUPS else None
    try:
        result = make_app(only)(standalone_mode=False)
        sys.exit(result if isinstance(result, int) else 0)
    except WengaoError as err:
        _report(err)
        sys.exit(err.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a usage error from the argument parser, or a bug: one line
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            sys.exit(exc.exit_code)
        if os.environ.get("WENGAO_DEBUG"):
            raise
        typer.echo(f"wengao: internal error: {type(exc).__name__}: {exc} "
                   "(set WENGAO_DEBUG=1 to see where)", err=True)
        sys.exit(70)
