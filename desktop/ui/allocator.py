"""glibc's allocator, set for the window (Linux only; elsewhere both do nothing).

``one_arena`` keeps every thread's memory in one malloc arena; ``hand_back`` returns to
the system what a job freed (``malloc_trim``). Neither changes what the app does, only
how much memory it holds: measured at 10,000 articles with bench_scale's app phase.
A ``MALLOC_ARENA_MAX`` set in the environment is left as it is.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import sys

_M_ARENA_MAX = -8  # glibc's mallopt parameter for the number of arenas


@functools.cache  # found once: a job hands back memory after every refresh and import
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None  # glibc, not musl


def one_arena() -> None:
    """One malloc arena for every thread, not eight per core.

    Each worker thread otherwise gets an arena of its own whose freed memory is rarely
    returned, and Python's threads take turns anyway (one holds the interpreter at a
    time), so they gain nothing from arenas of their own: the app's RSS 284 MB in every
    run with one arena, 278-298 MB with two, where the refresh's leftovers landed
    deciding which.
    """
    libc = _libc()
    if libc is not None and "MALLOC_ARENA_MAX" not in os.environ:
        with contextlib.suppress(AttributeError):
            libc.mallopt(_M_ARENA_MAX, 1)


def hand_back() -> None:
    """Return to the system the memory freed in the middle of the heap, where glibc keeps
    it: a refresh reads much it then lets go (the fingerprints file, the index's state,
    the pairs it verifies). After the first refresh, RSS 247 -> 218 MB, and the smoke
    ends at 256 MB instead of 280; about 40 ms, on the job's own thread."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
