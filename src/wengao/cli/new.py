"""`wengao new`: a genre's commented skeleton outline, to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wengao.errors import EXIT_USAGE, UsageError
from wengao.i18n import t


def new(
    genre: Annotated[str | None, typer.Argument(help="cli.new.genre", show_default=False, metavar="cli.metavar.genre")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="cli.new.output")] = None,
    title: Annotated[str | None, typer.Option("--title", help="cli.new.title")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="cli.new.speaker")] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="cli.replace")] = False,
    list_genres: Annotated[bool, typer.Option("--list", help="cli.new.list")] = False,
) -> None:
    from wengao.skeleton import genre_list, new_outline

    if list_genres or genre is None:
        for line in genre_list():
            typer.echo(line)
        if genre is None and not list_genres:
            raise typer.Exit(EXIT_USAGE)
        return
    from wengao.fileio import atomic_write

    target = output or Path(f"{genre}.yaml")
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError.single(str(target), t("cli.new.suffix"))
    text, notes = new_outline(genre, target, title=title, speaker=speaker)
    atomic_write(target, text.encode("utf-8"), force=force)
    for note in notes:  # a pick the bank cannot fill on the title's topics, left as 【…】
        typer.echo(note.format(), err=True)
    typer.echo(t("cli.new.wrote", path=target))
