"""The words one edit from a ``fuzzy~`` word, found in each segment's word list at once.

Whoosh finds the words near ``fuzzy~`` by reading the whole word list of every segment,
term by term, and measuring each word's distance to it in Python: half a second at 10,000
articles, for every search of a fuzzy word. ``WordLists`` reads a segment's words of a
field once (a segment never changes: merged away, it is forgotten; 0.3 s at 10,000
articles), joined in one string per length, each word after a line break. The words one
edit away (a letter dropped, added, changed, or two side by side swapped: Whoosh's
Damerau-Levenshtein distance 1) are those of the word's length and the two beside it that
match one pattern of every such edit of the word, which ``re`` finds in a few milliseconds.
A fuzzy word of two edits is still looked up by Whoosh.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


class WordLists:
    """Each segment's words of a field, one string apiece, read when first asked for."""

    def __init__(self) -> None:
        self._lists: dict[tuple[str, str], dict[int, str]] = {}  # words by length

    def within_one_edit(self, reader: Any, field: str, word: str, prefix: int) -> set[str]:
        """The words of ``field`` one edit from ``word`` (or the same) that start as its
        first ``prefix`` letters do."""
        near = _one_edit(word, prefix)
        found: set[str] = set()
        kept: dict[tuple[str, str], dict[int, str]] = {}
        for leaf, _ in reader.leaf_readers():
            key = (leaf.segment().segment_id(), field)
            lists = self._lists.get(key)
            if lists is None:
                lists = _by_length(text.decode("utf-8") for text in leaf.lexicon(field))
            kept[key] = lists
            for length in range(len(word) - 1, len(word) + 2):
                found.update(near.findall(lists.get(length, "")))
        self._lists = {k: v for k, v in self._lists.items() if k[1] != field} | kept
        return found


def _by_length(words: Iterable[str]) -> dict[int, str]:
    """``words`` by length, each length's joined in one string, each word after a "\\n"."""
    lists: dict[int, list[str]] = {}
    for word in words:
        lists.setdefault(len(word), []).append(word)
    return {length: "".join("\n" + word for word in found) for length, found in lists.items()}


def _one_edit(word: str, prefix: int) -> re.Pattern[str]:
    """A pattern of the lines that are ``word`` or one edit from it, past its ``prefix``."""
    shown = [re.escape(letter) for letter in word]
    edits = {"".join(shown)}
    for at in range(min(prefix, len(word)), len(word) + 1):
        head, tail = "".join(shown[:at]), shown[at:]
        edits.add(head + "." + "".join(tail))  # a letter added
        if tail:
            edits.add(head + "".join(tail[1:]))  # dropped
            edits.add(head + "." + "".join(tail[1:]))  # changed
        if len(tail) > 1:
            edits.add(head + tail[1] + tail[0] + "".join(tail[2:]))  # swapped
    # Each line starts with its "\n": re looks for that first, as fast as str.find
    return re.compile("\n(" + "|".join(sorted(edits)) + ")(?=\n|$)")
