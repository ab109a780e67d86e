"""Fingerprints kept on disk: what each text yields, computed once, not at every start.

``Fingerprints(path)`` answers, for an article's text,

- ``content(article)``: its content-word runs in reading order (``content.content_shingles``,
  32-bit, a slot per content word), by which ``related.VersionIndex`` verifies versions;
- ``bands(article)``: the MinHash band keys of its distinct runs (``minhash.band_keys``);
- ``line_keys(article)``: the keys of its lines that could be chrome (``boilerplate.line_keys``),
  which the workspace counts to find the lines recurring across the library or a site,
  sorted in a tuple (``LineKeys``: a fifth of a frozenset's memory, 10 MB less for 10,000
  articles);

from what an earlier run saved at ``path``, computing only for texts it has not seen: the
text of an article it knows is not read (a stored article's is read from its file when
asked for, ``Article``).
``save()`` writes what was asked for since it was opened (so that of removed articles
goes), through a temporary file and a rename, when enough new was computed (see there).
A missing, damaged or foreign file is read as empty: it is a cache, never the truth.

Texts are known by a 64-bit BLAKE2b digest of their UTF-8 bytes (``TextKey``). The file is a run of
``.npy`` records (plain arrays, no pickle; ``_RECORDS`` names them): digests, sizes, and
the concatenated hashes (or the line keys joined by newlines, which a key never holds, as
UTF-8 bytes). Each record is written piece by piece, so saving copies nothing; once
loaded, each text's runs are a view into one array: 10,000 articles cost one
allocation, not 10,000.

The file is versioned (``_VERSION``): one written by an older release, whose records
meant something else, is read as empty and rebuilt, never misread.

Content runs cost about what 5-word shingles did to compute (tests/bench/bench_related.py
times the two side by side) and a slot per content word to keep. numpy only; no Qt.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import numpy as np
import numpy.typing as npt

from desktop.core.comparison import boilerplate
from desktop.core.text.article import Article
from desktop.core.versions.content import Content, content_shingles, content_shingles_each, runs
from desktop.core.versions.minhash import Keys, band_keys

_VERSION = 6  # bump when content runs, band keys or line keys change: old files are then ignored
_RECORDS = (
    "version",
    "content_owners",
    "content_sizes",
    "content",
    "bands_owners",
    "bands_sizes",
    "bands",
    "line_owners",
    "line_counts",
    "line_text",
)
_T = TypeVar("_T")
Saved = dict[str, npt.NDArray[Any]]
LineKeys = tuple[str, ...]  # distinct, sorted


class Fingerprints:
    """Content runs, band keys and line keys by text, kept at ``path`` (None: memory only)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._loaded = False  # the file is read at first use, not when the app starts
        self._known_content: dict[int, Content] = {}
        self._known_bands: dict[int, Keys] = {}
        self._known_lines: dict[int, LineKeys] = {}
        self._content: dict[int, Content] = {}
        self._bands: dict[int, Keys] = {}
        self._lines: dict[int, LineKeys] = {}
        self._new = 0

    def content(self, article: Article) -> Content:
        """The content-word runs of the article's text (``content.content_shingles``)."""
        return self._get(article, self._content, self._known_content, self._runs)

    def contents(self, articles: Sequence[Article]) -> list[Content]:
        """The content-word runs of each article's text, those not known computed together."""
        if not self._loaded:
            self._load()
        keys = [article.text_key.digest for article in articles]
        missing = {
            key: article.text
            for key, article in zip(keys, articles, strict=True)
            if key not in self._content and key not in self._known_content
        }
        for key, content in zip(
            missing, content_shingles_each(list(missing.values())), strict=True
        ):
            self._content[key] = content
            self._bands.setdefault(key, band_keys(runs(content)))
            self._new += 1
        for key in keys:
            if key not in self._content:
                self._content[key] = self._known_content[key]
        return [self._content[key] for key in keys]

    def line_keys(self, article: Article) -> LineKeys:
        """The comparison keys of the article's lines that could be chrome (``line_keys``)."""
        return self._get(article, self._lines, self._known_lines, _line_keys)

    def bands(self, article: Article) -> Keys:
        """The MinHash band keys of the article's distinct content runs."""
        return self._get(article, self._bands, self._known_bands, self._band_keys)

    def save(self) -> None:
        """Write what was asked for since opening, if enough had to be computed.

        Enough: a hundredth of the texts asked for, or any when there was no file. Below
        that, rewriting every fingerprint for one imported article would cost more (0.2 s
        and 40 MB of memory for 10,000 articles) than computing the few again at start.
        """
        asked = max(len(self._content), len(self._lines))
        known = self._known_content or self._known_lines
        if self.path is None or not self._new or (known and self._new * 100 < asked):
            return
        lines = "\n".join(key for keys in self._lines.values() for key in keys)
        records: dict[str, list[npt.NDArray[Any]]] = {
            "version": [np.array([_VERSION], np.int64)],
            **_packed(self._content, "content", np.uint32),
            **_packed(self._bands, "bands", np.uint32),
            "line_owners": [np.fromiter(self._lines, np.uint64, len(self._lines))],
            "line_counts": [_sizes(len(keys) for keys in self._lines.values())],
            "line_text": [np.frombuffer(lines.encode("utf-8", "surrogatepass"), np.uint8)],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".npy", dir=self.path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                for pieces in records.values():
                    _write_record(stream, pieces)
            os.replace(temporary, self.path)
        except OSError:
            return  # a full disk or a read-only folder: recomputed at the next start
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        self._known_content, self._known_bands = dict(self._content), dict(self._bands)
        self._known_lines, self._new = dict(self._lines), 0

    def _load(self) -> None:
        """Read the file into the dictionaries of what is known (in place: ``_get`` holds them)."""
        self._loaded = True
        saved = _read(self.path) if self.path is not None else {}
        self._known_content.update(_hashes_from(saved, "content", np.uint32))
        self._known_bands.update(_hashes_from(saved, "bands", np.uint32))
        self._known_lines.update(_lines_from(saved))

    def _runs(self, article: Article) -> Content:
        """Fingerprint the article once: its band keys come from the same runs."""
        content = content_shingles(article.text)
        self._bands.setdefault(article.text_key.digest, band_keys(runs(content)))
        return content

    def _band_keys(self, article: Article) -> Keys:
        return band_keys(runs(content_shingles(article.text)))  # only for a file that lost them

    def _get(
        self,
        article: Article,
        used: dict[int, _T],
        known: dict[int, _T],
        compute: Callable[[Article], _T],
    ) -> _T:
        if not self._loaded:
            self._load()
        key = article.text_key.digest
        if key in used:
            return used[key]
        if key in known:
            found = known[key]
        else:
            found = compute(article)
            self._new += 1
        used[key] = found
        return found


def _line_keys(article: Article) -> LineKeys:
    return tuple(sorted(boilerplate.line_keys(article.text)))


def _sizes(values: Iterable[int]) -> npt.NDArray[np.int64]:
    sizes: npt.NDArray[np.int64] = np.fromiter(values, np.int64)
    return sizes


def _write_record(stream: BinaryIO, pieces: list[npt.NDArray[Any]]) -> None:
    """One ``.npy`` record holding ``pieces`` end to end, written without joining them."""
    dtype = pieces[0].dtype
    header = {
        "descr": np.lib.format.dtype_to_descr(dtype),
        "fortran_order": False,
        "shape": (sum(piece.size for piece in pieces),),
    }
    np.lib.format.write_array_header_1_0(stream, header)
    for piece in pieces:
        stream.write(np.ascontiguousarray(piece, dtype).data)


def _read(path: Path) -> Saved:
    """The records ``save`` wrote, by name; empty if the file is missing, damaged or old."""
    saved: Saved = {}
    try:
        with path.open("rb") as stream:
            for name in _RECORDS:
                saved[name] = np.load(stream, allow_pickle=False)
    except (OSError, ValueError, EOFError):
        return {}
    version = saved["version"]
    return saved if version.shape == (1,) and int(version[0]) == _VERSION else {}


def _spans(sizes: npt.NDArray[Any]) -> list[tuple[int, int]]:
    ends = np.cumsum(sizes).tolist()
    return list(zip([0, *ends], ends, strict=False))


def _packed(
    by_digest: Mapping[int, npt.NDArray[Any]], name: str, dtype: type[np.unsignedinteger[Any]]
) -> dict[str, list[npt.NDArray[Any]]]:
    return {
        f"{name}_owners": [np.fromiter(by_digest, np.uint64, len(by_digest))],
        f"{name}_sizes": [_sizes(value.size for value in by_digest.values())],
        name: [np.empty(0, dtype), *by_digest.values()],
    }


def _hashes_from(
    saved: Saved, name: str, dtype: type[np.unsignedinteger[Any]]
) -> dict[int, npt.NDArray[Any]]:
    keys, sizes, hashes = (saved.get(key) for key in (f"{name}_owners", f"{name}_sizes", name))
    if keys is None or sizes is None or hashes is None or hashes.dtype != dtype:
        return {}
    if keys.size != sizes.size or int(sizes.sum()) != hashes.size:
        return {}
    return {key: hashes[a:b] for key, (a, b) in zip(keys.tolist(), _spans(sizes), strict=True)}


def _lines_from(saved: Saved) -> dict[int, LineKeys]:
    owners, counts, text = (saved.get(name) for name in ("line_owners", "line_counts", "line_text"))
    if owners is None or counts is None or text is None or owners.size != counts.size:
        return {}
    try:
        keys = text.tobytes().decode("utf-8", "surrogatepass").split("\n") if text.size else []
    except UnicodeDecodeError:
        return {}
    if int(counts.sum()) != len(keys):
        return {}
    shared: dict[str, str] = {}  # one string a key, however many texts carry the line
    keys = [shared.setdefault(key, key) for key in keys]
    spans = _spans(counts)
    return {o: tuple(keys[a:b]) for o, (a, b) in zip(owners.tolist(), spans, strict=True)}
