"""The inflection table (resources/lexicon/forms.tsv.gz, looked up by language/lemmas)
answers as lemminflect's getAllInflections does, for every lemma lemminflect knows: the
same forms, casefolded."""

from __future__ import annotations

from lemminflect import getAllInflections

from desktop.core.language import lemmas as table
from tests.lemminflect_words import listed


def _known_lemmas() -> set[str]:
    words = listed("infl_lu.csv.gz", "infl_overrides.csv")
    hard_coded = {"be", "can", "may", "will", "shall", "must", "ought", "dare"}
    return words | {w.casefold() for w in words} | hard_coded


def test_forms_are_lemminflects_for_every_known_lemma() -> None:
    differing = []
    for lemma in _known_lemmas() | {"xyzzy"}:
        lower = lemma.casefold()
        expected = {
            form.casefold() for found in getAllInflections(lower).values() for form in found
        }
        if {lower, *table.inflections(lower)} != expected | {lower}:  # forms() adds the lemma
            differing.append(lemma)
    assert differing == []


def test_the_forms_of_a_strong_verb_and_a_modal() -> None:
    assert {"fall", "falls", "falling", "fallen", "fell"} <= table.forms("fell")
    assert {"can", "could"} <= table.forms("could")
    assert "were" in table.forms("is")
