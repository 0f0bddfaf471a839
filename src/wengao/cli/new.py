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
        raise UsageError.single(str(target), t("cli.new.suffix"))
    atomic_write(target, text.encode("utf-8"), force=force)
    typer.echo(t("cli.new.wrote", path=target))
