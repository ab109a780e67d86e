""" "Did you mean …?": a query with no hits respelt with the words the index holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


def _search(capsys: pytest.CaptureFixture[str], folder: Path, query: str) -> dict:  # type: ignore[type-arg]
    assert main(["search", query, "--json", "--library", str(folder)]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("typed", "respelt"),
    [
        ("Kery Lavorv", "Kerry Lavrov"),  # each misspelt word, as spelt in the articles
        ("ukrane crisis", "Ukraine crisis"),  # a correct word is left as typed
        ("title:Kery", "title:Kerry"),  # in the field searched
        ("source:BBX", "source:BBC"),
        ("Psaki tlaks", "Psaki talks"),  # the spelling nearest the typed word, not the stem
    ],
)
def test_a_misspelt_query_is_respelt_with_the_index_words(
    capsys: pytest.CaptureFixture[str], seed_folder: Path, typed: str, respelt: str
) -> None:
    results = _search(capsys, seed_folder, typed)
    assert results["total"] == 0
    assert results["suggestion"] == respelt
    assert _search(capsys, seed_folder, respelt)["total"] > 0


@pytest.mark.parametrize("query", ["Kerry", "xqzzyv", "kerr*", '"Kery Lavrov"'])
def test_no_suggestion_for_hits_or_for_nothing_close(
    capsys: pytest.CaptureFixture[str], seed_folder: Path, query: str
) -> None:
    assert _search(capsys, seed_folder, query)["suggestion"] is None


def test_the_text_output_asks_did_you_mean(
    capsys: pytest.CaptureFixture[str], seed_folder: Path
) -> None:
    assert main(["search", "Kery", "--library", str(seed_folder)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "0 articles match 'Kery'",
        "Did you mean 'Kerry'?",
    ]
