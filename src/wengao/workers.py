"""Forked worker processes for the two jobs that read many files at once (a mine, and the index
of a big bank written by hand). Workers inherit what the parent loaded before the fork; they
ignore Ctrl-C and die quietly when stopped, so an interrupted or finished run prints nothing of
theirs; a host without fork or semaphores runs everything in one process."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _quiet() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run and then the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: no traceback on terminate


@contextlib.contextmanager
def forked(n: int) -> Iterator[Any]:
    """A pool of `n` forked workers, or None when the host cannot fork them. Closed when the
    block ends, stopped at once when it ends by an error or an interruption."""
    pool = None
    if n > 1:
        import multiprocessing

        with contextlib.suppress(OSError, ValueError, ImportError):
            pool = multiprocessing.get_context("fork").Pool(n, initializer=_quiet)
    if pool is None:
        yield None
        return
    try:
        yield pool
    except BaseException:
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()
