"""Writing a file all at once or not at all: the one way files are written here.

``replace_atomically(path, data)`` writes to a temporary file in the same folder, flushes
it to disk (fsync), then renames it over ``path``: a reader sees the old file or the new
one, never a half-written one, even after a power cut. A failure leaves nothing behind and
raises the ``OSError`` (the store and the index say a full disk their own way).
``write_atomically(path, data)``, for the files a user names (reports, desktop entries),
also refuses symbolic links and the compared files, and raises ``WriteError`` with a
message a user can read.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from desktop.core.errors import RecensionError


class WriteError(RecensionError):
    """A file could not be written; the message names it and says why."""


def _file_mode() -> int:
    """The mode a new file gets here (the temporary file starts private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()  # read once, at import: changing the umask is not thread-safe

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EISDIR: "it is a folder",
}


def reason_for(error: OSError) -> str:
    """Why ``error`` happened, in words a user reads ("the disk is full")."""
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


def write_atomically(path: Path, data: bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Replace ``path`` with ``data`` in one step; on failure nothing is left behind.

    Never through a symbolic link (the rename would replace the link, not what it names),
    and never over one of ``inputs``, the files the data was made from.
    """
    if path.is_symlink():
        raise WriteError(f"cannot write {path}: it is a symbolic link; give a path of its own")
    if any(_same_file(path, given) for given in inputs):
        raise WriteError(f"cannot write {path}: it is one of the compared files")
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        replace_atomically(path, data)
    except OSError as error:
        raise WriteError(f"cannot write {path}: {reason_for(error)}") from error


def replace_atomically(
    path: Path, data: bytes, *, prefix: str | None = None, suffix: str = ".part"
) -> None:
    """Replace ``path`` with ``data`` through a temporary file (``prefix``, default
    ".NAME.", and ``suffix``) in its folder, flushed to disk, then renamed; OSError on
    failure, with nothing left behind."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{path.name}." if prefix is None else prefix, suffix=suffix, dir=path.parent
    )
    try:
        os.chmod(temporary, _FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):  # either is missing: they cannot be the same file
        return False
