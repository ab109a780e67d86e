"""One writer at a time across processes, and a count that tells a reader the store changed.

``exclusive(folder)`` holds an OS file lock on ``folder/.lock`` (released by the OS when
its holder dies, so a process killed with -9 never blocks the next one) and yields the
folder's ``Generation``: a number kept in the lock file that every writer increments
before it changes the folder. A process that remembers the number it last saw knows,
under the lock, whether another process has added or removed something since, and reads
the folder again only then. Two processes importing at once thus see each other's
articles before deciding whether a text is already in the library.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".lock"
_WIDTH = 20  # digits: the count is rewritten in place, so the file never grows


class Generation:
    """The change count of a locked folder; ``bump`` before changing the folder."""

    def __init__(self, handle: int) -> None:
        self._handle = handle
        os.lseek(handle, 0, os.SEEK_SET)
        raw = os.read(handle, _WIDTH).strip()
        self.value = int(raw) if raw.isdigit() else 0

    def bump(self) -> int:
        """Record one more change (before making it: a crash after costs a reread only)."""
        self.value += 1
        os.lseek(self._handle, 0, os.SEEK_SET)
        os.write(self._handle, str(self.value).rjust(_WIDTH).encode("ascii"))
        return self.value


@contextmanager
def exclusive(folder: Path) -> Iterator[Generation]:
    """Hold ``folder``'s lock (waiting for another process to let go) and its generation."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock(handle)
        yield Generation(handle)
    finally:
        os.close(handle)  # releases the lock


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: int) -> None:
        msvcrt.locking(handle, msvcrt.LK_LOCK, 1)

else:
    import fcntl

    def _lock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX)
