"""Files to Articles: read, tell the format, decode, extract, lay out, describe.

Contract: ``ingest_file(path)`` returns an ``Ingested`` (the Article and notes on what was
repaired) or raises ``IngestError`` whose message completes "skipped: …" for a user:
missing, unreadable, a folder, a pipe, device or socket (never opened for reading: they
could block or never end), over the size limit (checked while reading too), empty,
binary, undecodable, or a web page without main text. It never writes anything and never
changes the file.

Formats: ``.txt``, ``.md``/``.markdown`` (heading marks removed), ``.html``/``.htm`` (main
text and metadata from ``extract.py``); any other name is sniffed as HTML, text or binary.
An optional sidecar ``NAME.meta.json`` beside ``NAME.txt`` gives ``title``, ``source``,
``date`` (ISO) and ``url``; each value it gives overrides the page metadata and the
heuristics of ``heuristics.py``. A sidecar is read up to SIDECAR_MAX_BYTES, and a value
of the wrong type (``{"title": null}`` is none, ``{"title": 3}`` an error) is named in the
reason the file is skipped.

The displayed text: NFC, ``\n`` line endings, mojibake repaired, each line stripped,
paragraphs separated by one blank line. A text hard-wrapped at a fixed width (no line
over 100 characters, and at least 30% of its line breaks falling after 40 characters or
more and before a lower-case word) has its wrapped lines joined; otherwise every line is
a paragraph of its own.
Site chrome (menus, credits, share links) stays in a plain text: the diff engine tells it
apart from the story.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import itertools
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import IngestError
from desktop.core.text import DEFAULT_MAX_BYTES
from desktop.core.text.article import Article
from desktop.core.text.decode import Kind, declared_encoding, decode, fix_text, sniff
from desktop.core.text.extract import extract_page
from desktop.core.text.heuristics import guess_date, guess_source, guess_title
from desktop.core.text.printable import decodable, printable

SIDECAR_SUFFIX = ".meta.json"
SIDECAR_MAX_BYTES = 1024 * 1024
_SIDECAR_FIELDS = ("title", "source", "date", "url")
_JSON_KINDS = {bool: "boolean", int: "number", float: "number", list: "array", dict: "object"}
_KINDS = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.TEXT,
    ".markdown": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
}
ARTICLE_SUFFIXES = frozenset(_KINDS)
_MARKDOWN = frozenset({".md", ".markdown"})
_HEADING = re.compile(r"^#{1,6}\s+")
_NEW_BLOCK = re.compile(r"^([-*+•]\s|\d+[.)]\s|#)")
_WRAP_WIDTH = 100
_WRAPPED_SHARE = 0.3
_WRAPPED_LINE = 40


@dataclass(frozen=True, slots=True)
class Sidecar:
    """Facts about an article given by hand in ``NAME.meta.json``; empty means not given."""

    title: str = ""
    source: str = ""
    date: dt.date | None = None
    url: str = ""


@dataclass(frozen=True, slots=True)
class Ingested:
    """An article read from a file, with notes on what was done to its text."""

    article: Article
    notes: tuple[str, ...] = ()


def ingest_file(
    path: Path, *, article_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Ingested:
    """The article in ``path``, described by its sidecar, page metadata or heuristics."""
    raw = read_limited(path, max_bytes)
    return ingest_bytes(
        raw,
        suffix=path.suffix.lower(),
        article_id=article_id or decodable(path.stem),
        origin=decodable(str(path)),
        sidecar=read_sidecar(sidecar_path(path)),
    )


def ingest_bytes(
    raw: bytes, *, suffix: str, article_id: str, origin: str, sidecar: Sidecar | None = None
) -> Ingested:
    """The article in ``raw``, read as its ``suffix`` says (sniffed if the suffix is unknown)."""
    if not raw.strip():
        raise IngestError("it is empty")
    kind = _KINDS.get(suffix) or sniff(raw)
    if kind is Kind.BINARY:
        raise IngestError("it is a binary file, not text or HTML")
    notes: list[str] = []
    if kind is Kind.HTML:
        decoded = decode(raw, declared_encoding(raw), repair=False)
        page = extract_page(decoded.text)
        text, given = fix_text(page.text), Sidecar(page.title, page.source, page.date, page.url)
        notes.append("main text extracted from the web page")
    else:
        decoded = decode(raw)
        text, given = decoded.text, Sidecar()
        if suffix in _MARKDOWN:
            text = "\n".join(_HEADING.sub("", line) for line in text.split("\n"))
        if decoded.repaired:
            notes.append("mojibake repaired")
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"decoded from {decoded.encoding}")
    return Ingested(
        _describe(article_id, lay_out(text), sidecar or Sidecar(), given, origin, raw),
        tuple(notes),
    )


def ingest_text(title: str, text: str, *, article_id: str, source: str = "") -> Article:
    """An article from text typed or pasted by the user; IngestError if it is blank."""
    if not text.strip():
        raise IngestError("the text is empty")
    given = Sidecar(title=title.strip(), source=source.strip())
    raw = text.encode("utf-8", "surrogatepass")
    return _describe(article_id, lay_out(fix_text(text)), given, Sidecar(), "clipboard", raw)


def lay_out(text: str) -> str:
    """Lines stripped, paragraphs separated by one blank line, hard wraps joined."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            blocks[-1].append(stripped)
        elif blocks[-1]:
            blocks.append([])
    if _is_hard_wrapped(blocks):
        paragraphs = [paragraph for block in blocks for paragraph in _unwrap(block)]
    else:
        paragraphs = [line for block in blocks for line in block]
    return "\n\n".join(paragraphs)


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, read up to ``max_bytes``; IngestError if that is not possible.

    Only a regular file is opened (a FIFO would block, a device never end), and it is
    opened without blocking, in case it was swapped for one after the check; the limit
    holds while reading, whatever size the file claimed.
    """
    try:
        _check_regular(path, os.stat(path).st_mode)
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(handle, "rb") as stream:
            status = os.fstat(stream.fileno())
            _check_regular(path, status.st_mode)
            if status.st_size > max_bytes:
                raise IngestError(_over(status.st_size, max_bytes))
            raw = stream.read(max_bytes + 1)
    except FileNotFoundError as error:
        raise IngestError("it does not exist") from error
    except OSError as error:
        raise IngestError(f"it cannot be read ({error.strerror or error})") from error
    if len(raw) > max_bytes:
        raise IngestError(_over(len(raw), max_bytes, grew=True))
    return raw


def sidecar_path(path: Path) -> Path:
    """Where the sidecar of ``path`` would be: ``NAME.meta.json`` beside ``NAME.txt``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def sidecar_status(path: Path) -> os.stat_result | None:
    """The status of the sidecar at ``path``; None if there is none.

    A name too long to exist (a 250-character article name plus ``.meta.json``) means
    there is none, not that the article cannot be read.
    """
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            return None
        raise IngestError(f"its sidecar {path.name} cannot be read ({error.strerror})") from error


def read_sidecar(path: Path) -> Sidecar | None:
    """The sidecar at ``path``, None if there is none; IngestError if it is malformed.

    Each value must be of its type (text, a date as ISO text, or null for none): a value
    of another type names the field rather than being converted (``null`` is not "None").
    """
    status = sidecar_status(path)
    if status is None:
        return None
    shown = printable(decodable(path.name))
    try:
        raw = read_limited(path, SIDECAR_MAX_BYTES)
    except IngestError as error:
        raise IngestError(f"its sidecar {shown} was not read: {error}") from error
    try:
        values = json.loads(raw)
    except RecursionError as error:
        raise IngestError(f"its sidecar {shown} is nested too deeply to read") from error
    except ValueError as error:
        raise IngestError(f"its sidecar {shown} is malformed ({error})") from error
    if not isinstance(values, dict):
        raise IngestError(f"its sidecar {shown} is malformed (it is not a JSON object)")
    checked = {field: _sidecar_text(values, field, shown) for field in _SIDECAR_FIELDS}
    try:
        date = dt.date.fromisoformat(checked["date"]) if checked["date"] else None
    except ValueError as error:
        raise IngestError(f"its sidecar {shown} has a date that is not a date ({error})") from error
    return Sidecar(checked["title"], checked["source"], date, checked["url"])


def _sidecar_text(values: dict[str, object], field: str, shown: str) -> str:
    value = values.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        kind = _JSON_KINDS.get(type(value), "value")
        raise IngestError(f"its sidecar {shown} has a {field} that is not text (a JSON {kind})")
    return value


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IngestError("it is a folder with no .txt, .md or .html files in it")
    kinds = {
        stat.S_ISFIFO: "a named pipe (FIFO)",
        stat.S_ISCHR: "a device",
        stat.S_ISBLK: "a disk device",
        stat.S_ISSOCK: "a socket",
    }
    kind = next((name for test, name in kinds.items() if test(mode)), "a special file")
    raise IngestError(f"it is {kind}, not a file of text")


def _over(size: int, max_bytes: int, *, grew: bool = False) -> str:
    if grew:  # its size said less: a file still growing, or one whose size lies
        return f"it holds more than the limit of {_size(max_bytes)}"
    return f"it is {_size(size)}, over the limit of {_size(max_bytes)}"


def _describe(
    article_id: str, text: str, sidecar: Sidecar, given: Sidecar, origin: str, raw: bytes
) -> Article:
    """The article, each field from the sidecar, else the page, else the heuristics."""
    if not text:
        raise IngestError("it holds no text once blank lines are removed")
    return Article(
        id=article_id,
        title=sidecar.title or given.title or guess_title(text) or article_id,
        text=text,
        source=sidecar.source or given.source or guess_source(text),
        date=sidecar.date or given.date or guess_date(text),
        origin=origin,
        sha256=hashlib.sha256(raw).hexdigest(),
        url=sidecar.url or given.url,
    )


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MB" if count >= 104_858 else f"{count:,} bytes"


def _is_hard_wrapped(blocks: list[list[str]]) -> bool:
    lines = [line for block in blocks for line in block]
    if not lines or max(map(len, lines)) > _WRAP_WIDTH:
        return False
    breaks = list(itertools.chain.from_iterable(itertools.pairwise(b) for b in blocks))
    wrapped = sum(
        1 for before, after in breaks if len(before) >= _WRAPPED_LINE and after[0].islower()
    )
    return bool(breaks) and wrapped >= _WRAPPED_SHARE * len(breaks)


def _unwrap(block: list[str]) -> list[str]:
    paragraphs: list[str] = []
    for line in block:
        if paragraphs and not _NEW_BLOCK.match(line):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs
