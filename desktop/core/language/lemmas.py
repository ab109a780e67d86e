"""Lemmas of English words, from lemminflect's lookup tables: "fell" → "fall".

``lemmas(word)`` gives every lemma the word may have (of any part of speech) and the word
itself, casefolded; ``forms(word)`` every inflection of those lemmas; ``same_lemma`` says
whether two words may be forms of one word ("officials" and "official", "rose" and
"rise"); ``content_words`` leaves out English's closed classes (articles, pronouns,
prepositions, conjunctions, auxiliaries), whose coming and going tells the reader nothing
new. The tables are lemminflect's lemma and inflection lookups as
scripts/build_lemmas.py writes them (resources/lexicon/lemmas.tsv.gz, forms.tsv.gz):
one sorted line a word, found by bisection in the table's bytes (``_fields``), so that
nothing is parsed before a word is looked up and only the bytes are kept (1.4 MB; read
into dicts, the tables took a third of a second and 11 MB).
"""

from __future__ import annotations

import gzip
from functools import cache

from desktop.resources import resource

LEMMAS = "lemmas.tsv.gz"  # a word, ONLY_ADVERB or nothing, its lemmas
FORMS = "forms.tsv.gz"  # a lemma, its forms
ONLY_ADVERB = "ADV"

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
        and not only_adverb(w)
    ]


@cache
def only_adverb(word: str) -> bool:
    """Whether lemminflect knows ``word`` (casefolded) only as an adverb ("easily")."""
    found = _fields(LEMMAS, word.casefold())
    return bool(found) and found[0] == ONLY_ADVERB


@cache
def lemmas(word: str) -> frozenset[str]:
    lower = word.casefold()
    return frozenset({lower, *_fields(LEMMAS, lower)[1:]})


def same_lemma(a: str, b: str) -> bool:
    return bool(lemmas(a) & lemmas(b))


@cache
def forms(word: str) -> frozenset[str]:
    """Every form of every lemma of ``word``, casefolded: "fell" gives "fall", "falls",
    "falling", "fallen", "fell"."""
    found = lemmas(word)
    return frozenset({*found, *(form for lemma in found for form in inflections(lemma))})


def inflections(lemma: str) -> tuple[str, ...]:
    """What lemminflect's ``getAllInflections`` gives the lowercase ``lemma``, casefolded
    (nothing when its only form is itself)."""
    return _fields(FORMS, lemma)


def _fields(table: str, word: str) -> tuple[str, ...]:
    """The fields after ``word`` on its line of ``table``; () if it has none."""
    lines, key = _table(table), word.encode("utf-8", "surrogatepass")
    low, high = 0, len(lines)  # ``low`` starts a line; the line sought starts before ``high``
    while low < high:
        start = lines.rfind(b"\n", 0, (low + high) // 2) + 1  # not before ``low``
        end = lines.index(b"\n", start)
        found, _, fields = lines[start:end].partition(b"\t")
        if found == key:
            return tuple(fields.decode().split("\t"))
        if found < key:
            low = end + 1
        else:
            high = start
    return ()


@cache
def _table(name: str) -> bytes:
    """A table's lines, sorted by their first field's bytes, without the header."""
    data = gzip.decompress(resource(f"lexicon/{name}").read_bytes())
    start = 0
    while data.startswith(b"#", start):
        start = data.index(b"\n", start) + 1
    return data[start:]
