"""The user's imported articles on disk: one JSON file per article, written atomically.

Contract: ``save(folder, article)`` writes ``folder/<id>.json`` holding every field of the
Article, already-extracted clean text included (reopening a library never re-runs the
extraction); when ``<id>.json`` exists, it takes ``<id>-2``, ``<id>-3``… and returns the
article under the id it got. The file is written to a hidden temporary file, flushed to
disk, then linked into place in one step: a crash leaves either the whole article or
nothing (at worst a hidden ``.tmp-*`` file, ignored and later swept), and two processes
importing at once can never take the same id. ``load(path)`` reads one back or raises
``IngestError``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.errors import IngestError
from desktop.core.storage.atomic import replace_atomically
from desktop.core.text.article import Article

SUFFIX = ".json"
_TEMP_PREFIX = ".tmp-"
_STALE_SECONDS = 3600
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*\ud800-\udfff\ufffd]+|^[.\s]+|[.\s]+$')


def safe_id(name: str) -> str:
    """``name`` made usable as a file name on every platform (never empty)."""
    return _UNSAFE.sub("_", name).strip("_")[:80] or "article"


def save(folder: Path, article: Article, taken: frozenset[str] = frozenset()) -> Article:
    """Write ``article`` under its id, or the first free ``id-N`` not in ``taken``."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=SUFFIX, dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(dump(to_json(article)))
            stream.flush()
            os.fsync(stream.fileno())
        for number in range(1, 10_000):
            candidate = article.id if number == 1 else f"{article.id}-{number}"
            if candidate in taken:
                continue
            try:
                _link(temp, folder / f"{candidate}{SUFFIX}")
            except FileExistsError:
                continue
            return dataclasses.replace(article, id=candidate)
        raise IngestError(f"no free id is left for {article.id!r}")
    finally:
        temp.unlink(missing_ok=True)


def load(path: Path, *, read: Callable[[], str] | None = None) -> Article:
    """The article stored at ``path``; IngestError if the file is damaged. With ``read``,
    it holds no text: ``read()`` gives it when asked (``Article``)."""
    try:
        values = parse(path.read_bytes())
        return from_json(path.stem, values, read=read)
    except (OSError, ValueError, TypeError, KeyError, RecursionError) as error:
        raise IngestError(f"the stored article {path.name} is damaged ({error})") from error


def stamp(path: Path) -> list[int]:
    """What changes when a stored article changes (it has no sidecar): size and mtime."""
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def stored_files(folder: Path) -> list[Path]:
    """The stored article files of ``folder`` (temporary files left by a crash excluded)."""
    if not folder.is_dir():
        return []
    found = (
        path
        for path in folder.iterdir()
        if path.suffix == SUFFIX and not path.name.startswith(_TEMP_PREFIX)
    )
    return sorted(found, key=_name)  # as sorting the paths would, in a tenth of the time


def _name(path: Path) -> str:
    return path.name


def sweep(folder: Path) -> None:
    """Delete temporary files an interrupted import left more than an hour ago."""
    if not folder.is_dir():
        return
    for path in folder.glob(f"{_TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            if time.time() - path.stat().st_mtime > _STALE_SECONDS:
                path.unlink()


def _link(source: Path, target: Path) -> None:
    """Make ``target`` name ``source`` atomically; FileExistsError if ``target`` exists."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:  # file systems without hard links: a small window, but still atomic
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(source, target)


def write_json(path: Path, value: Any) -> None:
    """Write ``value`` as JSON to ``path``, all at once or not at all
    (``atomic.replace_atomically``: flushed to disk, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(path, dump(value), prefix=_TEMP_PREFIX, suffix=SUFFIX)


def dump(value: Any) -> bytes:
    """``value`` as UTF-8 JSON; a file name's undecodable bytes (lone surrogates) kept."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


def parse(raw: bytes) -> Any:
    """The JSON value ``dump`` wrote; ValueError (or RecursionError) if it is malformed."""
    return json.loads(raw.decode("utf-8", "surrogatepass"))


def to_json(article: Article) -> dict[str, Any]:
    """Every field of ``article`` but its id (the file name holds it), as JSON values."""
    values = {
        f.name: getattr(article, f.name)
        for f in dataclasses.fields(article)
        if f.name != "id" and not f.name.startswith("_")
    }
    values["date"] = article.date.isoformat() if article.date else None
    values["added"] = article.added.isoformat() if article.added else None
    return values


def from_json(
    article_id: str, values: dict[str, Any], *, read: Callable[[], str] | None = None
) -> Article:
    """The article ``to_json`` gave ``values`` for; KeyError or ValueError if they are wrong.
    With ``read``, its text is read again when asked for, not kept."""
    date, added = values.get("date"), values.get("added")
    return Article(
        id=article_id,
        title=str(values["title"]),
        text=str(values["text"]),
        source=str(values.get("source", "")),
        date=dt.date.fromisoformat(date) if date else None,
        origin=str(values.get("origin", "")),
        sha256=str(values.get("sha256", "")),
        added=dt.datetime.fromisoformat(added) if added else None,
        url=str(values.get("url", "")),
        _read=read,
    )
