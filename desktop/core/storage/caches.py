"""Where a ``--library DIR`` folder's cache lives (articles read, search index), kept few.

Each folder opened with ``--library`` gets a cache directory named for its path under the
platform's cache directory (``~/.cache/Recension/libraries`` on Linux; under
``RECENSION_DATA_DIR/cache`` when that is set). Opening one marks it used; only the
``KEPT`` most recently used are kept, the others are deleted, so trying Recension on many
folders leaves no trail. A cache is only ever a copy: a deleted one is rebuilt when its
folder is opened again. Versions before this kept them, never pruned, in the data
directory's ``libraries``; that folder is removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

import platformdirs

APP_NAME = "Recension"
KEPT = 8


def cache_root() -> Path:
    """The platform's cache directory for Recension (``RECENSION_DATA_DIR/cache`` if set)."""
    override = os.environ.get("RECENSION_DATA_DIR")
    if override:
        return Path(override) / "cache"
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def folder_cache(folder: Path, data_dir: Path) -> Path:
    """The cache directory of ``folder`` (resolved), marked used; older ones pruned."""
    digest = hashlib.sha256(str(folder).encode()).hexdigest()[:16]
    caches = cache_root() / "libraries"
    cache = caches / digest
    cache.mkdir(parents=True, exist_ok=True)
    os.utime(cache)  # used now: the last to be pruned
    _prune(caches, keep=cache)
    shutil.rmtree(data_dir / "libraries", ignore_errors=True)  # where older versions kept them
    return cache


def _prune(caches: Path, *, keep: Path) -> None:
    """Delete all but the ``KEPT`` most recently used caches (never ``keep``)."""

    def used(path: Path) -> float:
        with contextlib.suppress(OSError):
            return path.stat().st_mtime
        return 0.0

    others = sorted((path for path in caches.iterdir() if path != keep), key=used, reverse=True)
    for stale in others[KEPT - 1 :]:
        shutil.rmtree(stale, ignore_errors=True)
