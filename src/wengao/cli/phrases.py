"""`wengao phrases …`: search, show, list and add phrases of the bank."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wengao.cli.core import Command, Group
from wengao.errors import WengaoError
from wengao.i18n import t

app = typer.Typer(cls=Group, help="cli.phrases.help", no_args_is_help=True, add_completion=False,
                  rich_markup_mode=None)

BankOpt = Annotated[Path | None, typer.Option("--bank", help="cli.phrases.bank")]
JsonOpt = Annotated[bool, typer.Option("--json", help="cli.phrases.json")]
FunctionOpt = Annotated[str | None, typer.Option("--function", "-f", help="cli.phrases.function")]


@app.command("search", cls=Command, help="cli.phrases.search.help")
def search(
    words: Annotated[list[str], typer.Argument(help="cli.phrases.search.query", metavar="cli.metavar.query")],
    function: FunctionOpt = None,
    genre: Annotated[str | None, typer.Option("--genre", help="cli.phrases.genre")] = None,
    topic: Annotated[str | None, typer.Option("--topic", help="cli.phrases.search.topic")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="cli.phrases.search.limit")] = 20,
    json_out: JsonOpt = False,
    bank: BankOpt = None,
) -> None:
    from wengao.phrases.commands import as_json, format_hit
    from wengao.phrases.commands import search as run_search

    query = " ".join(words)  # 安全 生产 and "安全 生产" are the same search: every word must occur
    found, notes = run_search(bank, query, function=function, genre=genre, topic=topic, limit=limit)
    for note in notes:  # a fallback to the query's parts, a rebuilt index: said on stderr
        typer.echo(note, err=True)
    if json_out:
        typer.echo(as_json(found.hits))
        return
    color = sys.stdout.isatty()
    for h in found.hits:
        typer.echo(format_hit(h, query, color))
    if not found.hits:
        typer.echo(t("cli.phrases.search.none", query=query.strip()), err=True)
        raise typer.Exit(1)


@app.command("show", cls=Command, help="cli.phrases.show.help")
def show(entry_id: Annotated[str, typer.Argument(help="cli.phrases.show.id", metavar="cli.metavar.id")],
         json_out: JsonOpt = False, bank: BankOpt = None) -> None:
    import difflib

    from wengao.phrases.commands import as_json, open_index
    from wengao.phrases.commands import show as show_hit

    index = open_index(bank)
    hit = index.get(entry_id)
    if hit is None:
        close = difflib.get_close_matches(entry_id, index.ids(entry_id.split(".")[0]), n=3, cutoff=0.5)
        raise WengaoError.single(entry_id, t("cli.phrases.show.unknown"),
                                 hint=t("cli.did_you_mean", names=t("cli.list_sep").join(close))
                                 if close else "")
    typer.echo(as_json([hit]) if json_out else show_hit(hit))


@app.command("list", cls=Command, help="cli.phrases.list.help")
def list_(function: FunctionOpt = None, json_out: JsonOpt = False, bank: BankOpt = None) -> None:
    from wengao.phrases.commands import as_json, format_hit, list_entries

    hits, notes = list_entries(bank, function)
    for note in notes:
        typer.echo(note, err=True)
    if json_out:
        typer.echo(as_json(hits))
        return
    for h in hits:
        typer.echo(format_hit(h))


@app.command("add", cls=Command, help="cli.phrases.add.help")
def add(
    text: Annotated[str, typer.Argument(help="cli.phrases.add.text", metavar="cli.metavar.phrase")],
    function: Annotated[str, typer.Option("--function", "-f", help="cli.phrases.add.function")],
    topic: Annotated[list[str] | None, typer.Option("--topic", help="cli.phrases.add.topic")] = None,
    genre: Annotated[list[str] | None, typer.Option("--genre", help="cli.phrases.add.genre")] = None,
    bank: Annotated[Path | None, typer.Option("--bank", help="cli.phrases.add.bank")] = None,
) -> None:
    from wengao.phrases.commands import add as add_entry

    entry, path = add_entry(bank, text, function, topic or [], genre or [])
    typer.echo(t("cli.phrases.add.done", id=entry["id"], path=path))
