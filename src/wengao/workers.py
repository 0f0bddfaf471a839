"""Forked worker processes for the two jobs that read many files at once (a mine, and the index
of a big bank written by hand). Workers inherit what the parent loaded before the fork. Each has
a pipe of its own and shares no lock with another, so a worker killed outright cannot leave the
others or the parent waiting: its pipe closes and the run stops with WorkerLost. Workers ignore
Ctrl-C (the parent stops the run, then them) and unwind when stopped, so a converter they started
is cleaned up and nothing of theirs is printed. A host without fork runs everything in one
process."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

_STOPS = ("SIGINT", "SIGTERM")
_FAILED = object()  # a worker's fn raised: the parent runs that item itself, to raise it as itself
DEPTH = 2  # items a worker holds at once: it starts the next while the parent takes the last


class WorkerLost(Exception):
    """A worker died without a word (killed, out of memory)."""


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def how_many(paths: list[Path], min_bytes: int, jobs: int = 0) -> int:
    """The workers worth forking for `paths`: `jobs` (0: one per core), at most one a file; 1 when
    that leaves fewer than two, or the files hold less than `min_bytes` (forking costs more)."""
    n = min(jobs if jobs > 0 else cores(), len(paths))
    if n < 2 or sum(_size(p) for p in paths) < min_bytes:
        return 1
    return n


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def in_order(n: int, fn: Callable[[Any], Any], items: list[Any]) -> Iterator[Any] | None:
    """fn(item) for every item, in order, computed by `n` forked workers; None when there is
    nothing to share (n < 2) or the host cannot fork (the caller then runs them itself)."""
    if n < 2:
        return None
    try:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
    except (ValueError, ImportError):
        return None
    return _in_order(ctx, min(n, len(items)), fn, items)


def _stop_signals() -> set[Any]:
    import signal

    return {getattr(signal, s) for s in _STOPS if hasattr(signal, s)}


def _in_order(ctx: Any, n: int, fn: Callable[[Any], Any], items: list[Any]) -> Iterator[Any]:
    import signal
    from multiprocessing.connection import wait

    masked = hasattr(signal, "pthread_sigmask")
    workers: list[tuple[Any, Any]] = []
    # Ctrl-C or kill while the workers fork would reach a worker still holding the parent's
    # handlers: they are held back until each side has its own
    if masked:
        signal.pthread_sigmask(signal.SIG_BLOCK, _stop_signals())
    try:
        for _ in range(n):
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(theirs, fn), daemon=True)
            proc.start()
            theirs.close()
            workers.append((proc, mine))
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _stop_signals())  # one held back is raised here
    try:
        queued: dict[Any, list[int]] = {conn: [] for _, conn in workers}  # items sent, in the order sent
        done: dict[int, Any] = {}
        sent = wanted = 0
        while wanted < len(items):
            # every worker keeps DEPTH items in hand, so none waits for the parent between two
            for conn, indices in queued.items():
                while len(indices) < DEPTH and sent < len(items):
                    conn.send(items[sent])
                    indices.append(sent)
                    sent += 1
            busy = [conn for conn, indices in queued.items() if indices]
            for conn in wait(busy, timeout=None if wanted not in done else 0):
                try:
                    ok, value = conn.recv()
                except (EOFError, OSError):
                    raise WorkerLost from None
                done[queued[conn].pop(0)] = value if ok else _FAILED
            if wanted in done:
                value = done.pop(wanted)
                yield fn(items[wanted]) if value is _FAILED else value
                wanted += 1
    finally:
        _stop(workers)


def _serve(conn: Any, fn: Callable[[Any], Any]) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _unwind)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _stop_signals())
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return  # the parent has gone
        try:
            answer = (True, fn(item))
        except Exception:  # told again, as itself, by the parent
            answer = (False, None)
        conn.send(answer)


def _unwind(signum: int, frame: Any) -> None:
    """A stopped worker unwinds (SystemExit prints nothing): a converter it started (LibreOffice)
    is killed and its temporary folder removed on the way out."""
    raise SystemExit(128 + signum)


def _stop(workers: list[tuple[Any, Any]]) -> None:
    """Every worker ended: told to stop (its pipe closed; SIGTERM for one still busy), then killed
    if it has not gone within a few seconds."""
    for proc, conn in workers:
        conn.close()
        if proc.is_alive():
            proc.terminate()
    for proc, _ in workers:
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()
