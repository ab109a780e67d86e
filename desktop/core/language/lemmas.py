"""Lemmas of English words, through lemminflect's lookup tables: "fell" → "fall".

``lemmas(word)`` gives every lemma the word may have (of any part of speech) and the word
itself, casefolded; ``forms(word)`` every inflection of those lemmas; ``same_lemma`` says
whether two words may be forms of one word ("officials" and "official", "rose" and
"rise"); ``content_words`` leaves out English's closed classes (articles, pronouns,
prepositions, conjunctions, auxiliaries), whose coming and going tells the reader nothing
new. The only module that imports lemminflect; its lemma and inflection tables are read
here into compact maps (``_lemma_table``, ``_forms_table``), not through ``getAllLemmas``
and ``getAllInflections``, whose tables take three times the memory (a dict of tuples per
word and part of speech: 17 MB for the inflections alone).
"""

from __future__ import annotations

import gzip
import sys
from functools import cache
from pathlib import Path

import lemminflect
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.OverridesCodec import OverridesCodec

FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor", "so",
     "yet", "for", "of", "in", "on", "at", "by", "to", "from", "with", "into", "onto", "upon",
     "about", "above", "below", "over", "under", "between", "among", "through", "during",
     "before", "after", "since", "until", "while", "as", "than", "then", "also", "too",
     "very", "just", "even", "such", "same", "other", "another", "own", "is", "are", "was",
     "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had",
     "having", "would", "should", "can", "it", "its", "they", "them", "their", "he", "him",
     "his", "she", "her", "we", "us", "our", "you", "your", "i", "me", "my", "which", "who",
     "whom", "whose", "what", "where", "when", "why", "how", "there", "here", "if",
     "whether", "because", "although", "though", "however", "thus", "therefore", "hence",
     "further", "furthermore", "moreover", "namely", "via", "per", "itself", "themselves",
     "both", "either", "each", "any", "etc", "well", "only", "rather", "instead", "out", "up",
     "within", "without", "across", "against", "along", "around", "toward", "towards",
     "off", "down", "again", "once", "still", "already", "often", "now", "one"}
)  # fmt: skip


def content_words(found: list[str]) -> list[str]:
    """The words of ``found`` that carry what is told: outside the closed classes, longer
    than a letter ("'s"), and not only an adverb ("easily", "generally": how, not what;
    the adverbs that change a fact, "not", "allegedly", are judged on their own)."""
    return [
        w
        for w in found
        if (w.casefold() not in FUNCTION_WORDS or w.isupper())  # "US" is no pronoun
        and w.isalpha()
        and len(w) > 1
        and w.casefold() not in adverbs_only()
    ]


def adverbs_only() -> frozenset[str]:
    """The words lemminflect knows only as adverbs ("easily"), casefolded."""
    return _lemma_table()[1]


@cache
def _lemma_table() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """lemminflect's lemma lookup with its overrides, read once into compact maps: each
    lowercase word's casefolded lemmas (strings shared), and the words that are only
    adverbs. lemminflect's own tables keep a dict of tuples per word, and its overrides
    replace a part of speech's lemmas, as here."""
    resources = Path(lemminflect.__file__).parent / "resources"
    overrides: dict[tuple[str, str], tuple[str, ...]] = {}
    with open(resources / "lemma_overrides.csv", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                word, upos, lemma = line.split(",")
                overrides[word, upos] = (lemma,)
    table: dict[str, tuple[str, ...]] = {}
    parts: dict[str, str] = {}  # a word's one part of speech, or "" once it has several

    def add(word: str, upos: str, spellings: tuple[str, ...]) -> None:
        new = (sys.intern(s.lower().casefold()) for s in spellings)
        table[word] = tuple(dict.fromkeys((*table.get(word, ()), *new)))
        parts[word] = upos if parts.get(word, upos) == upos else ""

    with gzip.open(resources / "lemma_lu.csv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            word, category, spellings = line.strip().split(",")
            upos = "AUX" if category == "modal" else category.upper()
            if word == word.lower() and (word, upos) not in overrides:
                add(word, upos, tuple(spellings.split("/")))
    for (word, upos), override in overrides.items():
        add(word, upos, override)
    adverbs = frozenset(word for word, upos in parts.items() if upos == "ADV")
    return _beyond_itself(table), adverbs


@cache
def lemmas(word: str) -> frozenset[str]:
    lower = word.casefold()
    return frozenset({lower, *_lemma_table()[0].get(lower, ())})


def same_lemma(a: str, b: str) -> bool:
    return bool(lemmas(a) & lemmas(b))


@cache
def forms(word: str) -> frozenset[str]:
    """Every form of every lemma of ``word``, casefolded: "fell" gives "fall", "falls",
    "falling", "fallen", "fell"."""
    table = _forms_table()
    found = lemmas(word)
    return frozenset({*found, *(form for lemma in found for form in table.get(lemma, ()))})


@cache
def _forms_table() -> dict[str, tuple[str, ...]]:
    """What lemminflect's ``getAllInflections`` gives each lowercase lemma, read once into
    compact maps: the forms of every part of speech, casefolded (strings shared).

    Its lookup lowercases the lemma, so only lowercase entries are ever found; a word's
    lines (one a part of speech) add up, then the auxiliaries and modals it hard-codes
    and its overrides replace the forms of one tag: words of those two kinds are kept by
    tag until then.
    """
    resources = Path(lemminflect.__file__).parent / "resources"
    overrides = OverridesCodec.load(str(resources / "infl_overrides.csv"))
    by_tag = InflectionLUCodec.updateForAuxMod({})  # replaces what the table has for them
    hard_coded, special = frozenset(by_tag), overrides.keys() | by_tag.keys()
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(resources / "infl_lu.csv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            word, _, spellings = InflectionLUCodec.fromString(line)
            if word != word.lower() or word in hard_coded:
                continue
            if word in special:
                by_tag.setdefault(word, {}).update(spellings)
                continue
            new = (_folded(s) for found in spellings.values() for s in found)
            table[sys.intern(word)] = tuple(dict.fromkeys((*table.get(word, ()), *new)))
    for word, replaced in overrides.items():
        by_tag.setdefault(word, {}).update(replaced)
    for word, spellings in by_tag.items():
        table[word] = tuple(dict.fromkeys(_folded(s) for each in spellings.values() for s in each))
    return _beyond_itself(table)


def _beyond_itself(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """``table`` without the words it gives only themselves for, which ``lemmas`` and
    ``forms`` answer anyway: 29,000 of the 64,000 words of the lemma table, 11,000 of the
    30,000 lemmas of the inflections."""
    return {word: found for word, found in table.items() if found != (word,)}


def _folded(spelling: str) -> str:
    """A form as ``forms`` gives it: lowercased (as lemminflect's lookup gives it for a
    lowercase lemma), casefolded, and one string however many lemmas share it."""
    return sys.intern(spelling.lower().casefold())
