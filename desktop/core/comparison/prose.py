"""Prose or page furniture: jusText's paragraph classifier, on text alone.

``quality(line, stop)`` judges one line by itself, as jusText does (Pomikálek, 2011):
under 70 characters it is ``SHORT`` (its neighbours decide); longer, its share of stop
words (``language.stopwords``) tells prose (``GOOD`` past 200 characters with a third of
them, ``NEAR_GOOD``) from a menu, a list of headlines or a footer (``BAD``), and so does a
copyright sign. jusText reads links from the HTML; a copied text has none, so what it
reads instead is the text's form: a line mostly web addresses, or one that reads as a run
of titles (most of its other words capitalised, no sentence punctuation), is ``BAD``; a
short line that is a whole sentence with its share of stop words is ``NEAR_GOOD``; and
``lists`` makes three or more short title lines in a row ``BAD`` (a menu).

``in_context(qualities)`` is jusText's second pass: a short or near-good line takes the
class of the lines around it (the text's ends count as bad), so a subheading between
paragraphs of story is story and a short link between menu lines is a menu.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from desktop.core.text.tokens import words


class Quality(StrEnum):
    GOOD = "good"
    NEAR_GOOD = "near-good"
    SHORT = "short"
    BAD = "bad"


LENGTH_LOW = 70  # characters: a shorter line is judged by its neighbours
LENGTH_HIGH = 200  # characters: a longer line of prose is story whatever surrounds it
STOPWORDS_LOW = 0.30  # share of stop words: under it, a long line is not prose
STOPWORDS_HIGH = 0.32
SENTENCE_WORDS = 5  # a short line of this many words or more that ends as a sentence is prose
TITLE_SHARE = 0.8  # share of capitalised words among the others: a run of titles
MAX_ADDRESS_SHARE = 0.2  # jusText's highest link density for prose, here web addresses
LIST_LINES = 3  # this many short title lines in a row are a list of links
_SENTENCE = re.compile(r"[.!?;:\u2026](?:[\"'\u201d\u2019)\]]*)(?:\s|$)")
_SENTENCE_END = tuple('.!?"\u201d\u2019')
_ADDRESS_HINT = re.compile(r"://|www\.|@")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.I)


def quality(line: str, stop: frozenset[str]) -> Quality:
    """jusText's context-free class of ``line``; ``stop`` is the story's stop list."""
    text = line.strip()
    found = words(text)
    if not found or furniture(text, stop):
        return Quality.BAD
    density = sum(word.casefold() in stop for word in found) / len(found)
    if len(text) < LENGTH_LOW:
        sentence = len(found) >= SENTENCE_WORDS and text.endswith(_SENTENCE_END)
        return Quality.NEAR_GOOD if sentence and density >= STOPWORDS_LOW else Quality.SHORT
    if density >= STOPWORDS_HIGH:
        return Quality.GOOD if len(text) > LENGTH_HIGH else Quality.NEAR_GOOD
    return Quality.NEAR_GOOD if density >= STOPWORDS_LOW else Quality.BAD


def furniture(line: str, stop: frozenset[str]) -> bool:
    """Whether ``line`` is the site's by its form, whatever its words: a copyright sign,
    mostly web addresses, or (past ``LENGTH_LOW``) a run of titles with no sentence in it."""
    text = line.strip()
    addresses = sum(map(len, _ADDRESS.findall(text))) if _ADDRESS_HINT.search(text) else 0
    return (
        "\u00a9" in text
        or addresses > MAX_ADDRESS_SHARE * len(text)
        or (len(text) >= LENGTH_LOW and not _SENTENCE.search(text) and titles(words(text), stop))
    )


def lists(
    lines: Sequence[str], qualities: Sequence[Quality], stop: frozenset[str]
) -> list[Quality]:
    """``qualities`` with each run of ``LIST_LINES`` or more short lines that read as titles
    (a menu, a list of headlines) made ``BAD``: jusText reads their links, a copy their form."""
    out = list(qualities)
    run: list[int] = []
    for n in [*range(len(lines)), len(lines)]:
        if n < len(lines) and out[n] is Quality.SHORT and _title_line(lines[n], stop):
            run.append(n)
            continue
        if len(run) >= LIST_LINES:
            for m in run:
                out[m] = Quality.BAD
        run = []
    return out


def _title_line(line: str, stop: frozenset[str]) -> bool:
    text = line.strip()
    return not text.endswith(_SENTENCE_END) and titles(words(text), stop)


def titles(found: Sequence[str], stop: frozenset[str]) -> bool:
    """Whether the words read as titles: most words that are not stop words capitalised."""
    content = [word for word in found if word.casefold() not in stop and word[:1].isalpha()]
    return bool(content) and sum(w[:1].isupper() for w in content) >= TITLE_SHARE * len(content)


def in_context(qualities: Sequence[Quality]) -> list[bool]:
    """Whether each line is story once its neighbours are read (jusText's second pass)."""
    classes = list(qualities)
    for n, found in enumerate(qualities):
        if found is not Quality.SHORT:
            continue
        before, after = _neighbour(qualities, n, -1, True), _neighbour(qualities, n, 1, True)
        if before is after:
            classes[n] = before
        elif (before is Quality.BAD and _near(qualities, n, -1)) or (
            after is Quality.BAD and _near(qualities, n, 1)
        ):
            classes[n] = Quality.GOOD
        else:
            classes[n] = Quality.BAD
    story = []
    for n, found in enumerate(classes):
        if found is Quality.NEAR_GOOD:
            around = (_neighbour(classes, n, -1, True), _neighbour(classes, n, 1, True))
            story.append(around != (Quality.BAD, Quality.BAD))
        else:
            story.append(found is Quality.GOOD)
    return story


def _near(classes: Sequence[Quality], n: int, step: int) -> bool:
    """Whether the nearest line before (``step`` -1) or after (1) line ``n`` that is not
    short is near-good."""
    return _neighbour(classes, n, step, False) is Quality.NEAR_GOOD


def _neighbour(classes: Sequence[Quality], n: int, step: int, skip_near: bool) -> Quality:
    """The class of the nearest line before (``step`` -1) or after (1) line ``n`` that is
    good or bad (or near-good, unless ``skip_near``); the text's ends count as bad."""
    n += step
    while 0 <= n < len(classes):
        if classes[n] is not Quality.SHORT and not (skip_near and classes[n] is Quality.NEAR_GOOD):
            return classes[n]
        n += step
    return Quality.BAD
