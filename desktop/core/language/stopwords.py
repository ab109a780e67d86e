"""Stop words: the function words of a language, from jusText's lists (100 languages).

``stop_words(sample)`` returns the stop list of the language ``sample`` (words of a
story) is most likely written in: the list that holds most of its words. A paragraph's
share of stop words tells running prose (about a third or more) from a menu, a list of
headlines or a footer (few), as jusText's paragraph classifier uses it.

The lists are the ``stoplists/*.txt`` files the ``justext`` package ships, read from where
it is installed (or bundled) without importing it: its import pulls in lxml for nothing.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import cache
from pathlib import Path

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
    folder = _folder()
    path = folder / f"{language}.txt" if folder else None
    if path is None or not path.is_file():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").casefold().split())


def _languages() -> list[str]:
    folder = _folder()
    return sorted(path.stem for path in folder.glob("*.txt")) if folder else []


def stop_words(sample: Iterable[str]) -> frozenset[str]:
    """The stop list that holds most of ``sample``'s words (the first ``_SAMPLE`` of them).

    English is tried first; when under a quarter of the words are English stop words, the
    list of the language that holds most of them is read and returned instead.
    """
    folded = [word.casefold() for word, _ in zip(sample, range(_SAMPLE), strict=False)]
    first = _list(_FIRST)
    if not folded or sum(map(first.__contains__, folded)) >= _PROSE_SHARE * len(folded):
        return first
    shares = {language: sum(map(_list(language).__contains__, folded)) for language in _languages()}
    return _list(max(shares, key=lambda language: (shares[language], language == _FIRST)))
