"""Lemmas of English words, through lemminflect's lookup tables: "fell" → "fall".

``lemmas(word)`` gives every lemma the word may have (of any part of speech) and the word
itself, casefolded; ``forms(word)`` every inflection of those lemmas; ``same_lemma`` says
whether two words may be forms of one word ("officials" and "official", "rose" and
"rise"); ``content_words`` leaves out English's closed classes (articles, pronouns,
prepositions, conjunctions, auxiliaries), whose coming and going tells the reader nothing
new. The only module that imports lemminflect.
"""

from __future__ import annotations

from functools import cache

from lemminflect import getAllInflections, getAllLemmas

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
        and set(getAllLemmas(w.casefold())) != {"ADV"}
    ]


@cache
def lemmas(word: str) -> frozenset[str]:
    lower = word.casefold()
    found = getAllLemmas(lower)
    return frozenset({lower, *(lemma.casefold() for forms in found.values() for lemma in forms)})


def same_lemma(a: str, b: str) -> bool:
    return bool(lemmas(a) & lemmas(b))


@cache
def forms(word: str) -> frozenset[str]:
    """Every form of every lemma of ``word``, casefolded: "fell" gives "fall", "falls",
    "falling", "fallen", "fell"."""
    return frozenset(
        {
            *lemmas(word),
            *(
                form.casefold()
                for lemma in lemmas(word)
                for found in getAllInflections(lemma).values()
                for form in found
            ),
        }
    )
