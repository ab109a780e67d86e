"""Stop words: the function words of a language, from jusText's lists (100 languages).

``stop_words(sample)`` returns the stop list of the language ``sample`` (words of a
story) is most likely written in: the list that holds most of its words. A paragraph's
share of stop words tells running prose (about a third or more) from a menu, a list of
headlines or a footer (few), as jusText's paragraph classifier uses it.

The lists are the ``stoplists/*.txt`` files the ``justext`` package ships, read from where
it is installed (or bundled) without importing it: its import pulls in lxml for nothing.
Only the lists returned are kept as sets of words. A sample that is not English prose
(another language, a page of headlines) is matched against every list at once by the
words' 64-bit hashes, in one sorted numpy array (2 MB for the 100 lists, where their sets
took 22 MB); two words sharing a hash is a chance of about one in 10^12 a sample.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded for a sample English does not fit, not with the comparison
    import numpy as np
    import numpy.typing as npt

_SAMPLE = 400  # words enough to tell the language
_PROSE_SHARE = 0.25  # running prose has about this share of stop words, or more
_FIRST = "English"  # tried first; the others are read only when it does not fit


@cache
def _folder() -> Path | None:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "stoplists"


@cache
def _list(language: str) -> frozenset[str]:
    return frozenset(_read(language))


def _read(language: str) -> list[str]:
    folder = _folder()
    path = folder / f"{language}.txt" if folder else None
    if path is None or not path.is_file():
        return []
    return path.read_text(encoding="utf-8").casefold().split()


def _languages() -> list[str]:
    folder = _folder()
    return sorted(path.stem for path in folder.glob("*.txt")) if folder else []


@cache
def _hashed() -> tuple[npt.NDArray[np.int64], npt.NDArray[np.intp]]:
    """Every list's words by hash, sorted, and beside each the index of its language in
    ``_languages`` (a word of several languages stands once for each)."""
    import numpy as np

    lists = [np.unique(np.fromiter(map(hash, _read(each)), np.int64)) for each in _languages()]
    hashes = np.concatenate([np.empty(0, np.int64), *lists])
    languages = np.repeat(np.arange(len(lists)), [len(found) for found in lists])
    order = np.argsort(hashes, kind="stable")
    return hashes[order], languages[order]


def _likeliest(folded: list[str]) -> str:
    """The language whose stop list holds most of ``folded`` (English on a tie)."""
    import numpy as np

    hashes, languages = _hashed()
    sample = np.fromiter(map(hash, folded), np.int64, len(folded))
    first, last = np.searchsorted(hashes, sample), np.searchsorted(hashes, sample, "right")
    found = np.concatenate([np.empty(0, np.intp), *map(np.arange, first, last)])
    names = _languages()
    counts = np.bincount(languages[found], minlength=len(names)).tolist()
    shares = dict(zip(names, counts, strict=True))
    return max(shares, key=lambda language: (shares[language], language == _FIRST))


def stop_words(sample: Iterable[str]) -> frozenset[str]:
    """The stop list that holds most of ``sample``'s words (the first ``_SAMPLE`` of them).

    English is tried first; when under a quarter of the words are English stop words, the
    list of the language that holds most of them is read and returned instead.
    """
    folded = [word.casefold() for word, _ in zip(sample, range(_SAMPLE), strict=False)]
    first = _list(_FIRST)
    if not folded or sum(map(first.__contains__, folded)) >= _PROSE_SHARE * len(folded):
        return first
    return _list(_likeliest(folded))
