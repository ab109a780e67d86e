"""Names of people and places in a line: the capitalised words a change of fact is read from.

``Names(*texts)`` knows which capitalised words the texts use inside a sentence, so it
tells "Ukraine" (a name, even where it opens a sentence) from "Meanwhile", caches each
line's runs of names ("US President Barack Obama"), and says whether every text names
someone (``in_every_text``). ``name_words`` lists the names a
stretch of a line holds, leaving out honorifics and the titles and given names of a person
the other line also names ("Mr Lavrov" against "Sergei Lavrov" both give "Lavrov").
``adjectives`` gives the forms of a place's adjective: "Ukrainian" names Ukraine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import chain

from desktop.core.language.lemmas import forms
from desktop.core.text.tokens import maybe_capitalised_word_spans

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})
# A sentence (or quotation, or bullet) opens after one of these.
_OPENERS = frozenset(".!?\"\u201c\u201d(['\u2018\u2019-\u2022")
_JOINS = (" ", "\u00a0")  # what stands between two words of one run of names
# A capital (Latin, Greek, Cyrillic) after a word or comma: a name inside a sentence.
# (The pattern opens with the space, found fast, and looks behind it for the word or comma.)
_MID_SENTENCE_WORD = re.compile(
    r" (?<=[\w,] ) *([A-Z\u00c0-\u00de\u0100-\u024f\u0391-\u03a9\u0410-\u042f][\w'\u2019]*)"
)
# Endings that make a place's adjective: Russia-n, Ukrain(e)-ian, Chin(a)-ese, Israel-i.
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ese", "i")

# Runs of letters and digits: the words a text uses, for a quick look-up ("Obama's" holds
# "Obama"), not the reading tokens of ``tokens.words``.
_WORD = re.compile(r"\w+")

Run = list[tuple[int, int]]


class Names:
    """Words the texts write with a capital inside a sentence, and each line's runs of names."""

    def __init__(self, *texts: str) -> None:
        self._texts = texts
        self._found: frozenset[str] | None = None
        self.runs: dict[str, list[Run]] = {}  # line → its runs of names
        self.surnames: dict[str, frozenset[str]] = {}  # line → last words of its runs
        self._words: list[frozenset[str]] | None = None

    def _text_words(self) -> list[frozenset[str]]:
        """Each text's words, as written and casefolded."""
        if self._words is None:
            self._words = [
                frozenset(found.union(map(str.casefold, found)))
                for found in map(_words_of, self._texts)
            ]
        return self._words

    def told_by_every_text(self, word: str) -> bool:
        """Whether every text uses ``word`` in some form ("rose" is told by "rising")."""
        return all(forms(word) & told for told in self._text_words())

    def in_every_text(self, name: str) -> bool:
        """Whether every text names ``name`` somewhere (so an edit that adds or drops one
        mention of it tells the reader of no one new)."""
        return all(name in told for told in self._text_words())

    def __contains__(self, word: object) -> bool:
        if self._found is None:
            found = set(chain.from_iterable(map(_MID_SENTENCE_WORD.findall, self._texts)))
            self._found = frozenset(word for word in found if word[:1].isupper())
        return word in self._found


def _words_of(text: str) -> set[str]:
    """The words (``_WORD``) of ``text``, each once: read from its distinct stretches
    between spaces, which no word crosses (far fewer than its words)."""
    found: set[str] = set()
    for chunk in set(text.split()):
        if chunk.isalnum():
            found.add(chunk)
        else:
            found.update(_WORD.findall(chunk))
    return found


def name_runs(line: str, names: Names) -> list[Run]:
    """Runs of capitalised words joined by single spaces ("US President Barack Obama").

    A word capitalised only because it opens a sentence ("Both", "The") starts no run; an
    acronym ("NATO", "ANNs") does, wherever it stands.
    """
    if line not in names.runs:
        names.runs[line] = _find_name_runs(line, names)
    return names.runs[line]


def _find_name_runs(line: str, names: Names) -> list[Run]:
    runs: list[Run] = []
    previous_end = -2  # where the word before ends, if it is in a run; else -2
    for start, end in maybe_capitalised_word_spans(line):  # the others start no run
        if not line[start].isupper():
            previous_end = -2
            continue
        word = line[start:end]
        if (
            _opens_sentence(line, start)
            and bare(word) not in names
            and word.casefold() not in HONORIFICS
            and sum(map(str.isupper, word)) < 2  # an acronym ("NATO", "ANNs") is a name
        ):
            previous_end = -2
            continue
        # The word joins the run when the word before ends it and a space stands between.
        if runs and previous_end >= 0 and line[previous_end:start] in _JOINS:
            runs[-1].append((start, end))
        else:
            runs.append([(start, end)])
        previous_end = end
    return runs


def _opens_sentence(line: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of a sentence (or of a quotation)."""
    k = start - 1
    while k >= 0 and line[k].isspace():
        k -= 1
    return k < 0 or line[k] in _OPENERS


def fold_accents(word: str) -> str:
    """The word without its accents: "Vučić" → "Vucic" (one name in two spellings)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def bare(word: str) -> str:
    """A name without its possessive: "Obama's" → "Obama"."""
    return word[:-2] if word[-2:] in ("'s", "\u2019s") else word


def name_words(
    line: str, span: tuple[int, int], other: str, names: Names
) -> Iterator[tuple[str, int]]:
    """(name, offset) for each name whose word starts in ``span``, except honorifics and the
    titles and given names of a person ``other`` names by the same last name."""
    if other not in names.surnames:
        names.surnames[other] = frozenset(
            bare(other[slice(*run[-1])]) for run in name_runs(other, names)
        )
    other_surnames = names.surnames[other]
    for run in name_runs(line, names):
        if run[-1][0] < span[0] or run[0][0] >= span[1]:
            continue  # no word of the run starts inside the edit
        same_person = bare(line[slice(*run[-1])]) in other_surnames and len(run) > 1
        for start, end in run:
            word = bare(line[start:end])
            if not span[0] <= start < span[1] or word.casefold() in HONORIFICS:
                continue
            if not same_person or (start, end) == run[-1]:
                yield word, start


def adjectives(place: str) -> list[str]:
    """The forms the adjective of ``place`` may take: "Ukrainian" for "Ukraine"."""
    if len(place) <= 2:
        return []
    stems = (place, place[:-1]) if place[-1:] in ("a", "e", "y") else (place,)
    return [stem + ending for stem in stems for ending in _ADJECTIVE_ENDINGS]
