"""stop_words picks the stop list jusText's lists give most of a sample's words, for
samples in several languages and for text that is no language (as the hashes it matches
them by must agree with the lists themselves)."""

from __future__ import annotations

import pytest

from desktop.core.language import stopwords
from desktop.core.language.stopwords import stop_words
from desktop.core.text.tokens import words

SAMPLES = {
    "English": "The ferry left the harbour at dawn with all of its passengers on board",
    "German": "Die Fähre hat den Hafen am Morgen mit vierhundert Gästen an Bord verlassen",
    "French": "Le ferry a quitté le port à l'aube avec tous ses passagers à bord",
    "Spanish": "El transbordador salió del puerto al amanecer con todos sus pasajeros",
    "Italian": "Il traghetto ha lasciato il porto all'alba con tutti i suoi passeggeri",
    "Dutch": "De veerboot verliet de haven bij zonsopgang met al zijn passagiers aan boord",
    "none": "Fdlcm rgrikytdi kdbqbencv dfspmua lvicfsu ag oavrotpo awtwgh hisvcl qzeivwnbx",
    "headlines": "Home | News | Sport | Weather | iPlayer | Sounds | Bitesize | CBBC",
}


def _by_the_lists(sample: list[str]) -> frozenset[str]:
    """The stop list with most of the sample's words, each list read as a set of words."""
    folded = [word.casefold() for word in sample[:400]]
    english = stopwords._list("English")
    if sum(map(english.__contains__, folded)) >= 0.25 * len(folded):
        return english
    lists = {language: frozenset(stopwords._read(language)) for language in stopwords._languages()}
    shares = {language: sum(map(found.__contains__, folded)) for language, found in lists.items()}
    return lists[max(shares, key=lambda language: (shares[language], language == "English"))]


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_the_stop_list_is_the_one_holding_most_of_the_sample(language: str) -> None:
    sample = words(SAMPLES[language])
    assert stop_words(sample) == _by_the_lists(sample)


def test_a_german_sample_gets_the_german_list() -> None:
    assert "der" in stop_words(words(SAMPLES["German"]))
