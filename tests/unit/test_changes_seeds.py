"""The seeds' hand-labelled changes that DESIGN.md names are found, with their kind."""

from __future__ import annotations

import pytest

from desktop.core.comparison.compare import compare
from desktop.core.storage.library import Library
from tests.seed_labels import load_labels, match

PAIRS = load_labels()
REQUIRED = [
    pytest.param(pair, n, id=str(label))
    for pair, labels in PAIRS.items()
    for n, label in enumerate(labels)
    if label.required
]


@pytest.fixture(scope="module")
def comparisons() -> dict[tuple[str, str], object]:
    library = Library.open()
    return {pair: compare(library.get(pair[0]), library.get(pair[1])) for pair in PAIRS}


@pytest.mark.parametrize(("pair", "index"), REQUIRED)
def test_named_seed_change_is_found(comparisons: dict, pair: tuple[str, str], index: int) -> None:
    """Each change DESIGN.md names for the seeds is reported, with its kind."""
    labels = PAIRS[pair]
    assert index in match(labels, comparisons[pair].changes), f"not found: {labels[index]}"


@pytest.mark.parametrize("pair", list(PAIRS))
def test_the_copy_is_found_derived_from_the_original(
    comparisons: dict, pair: tuple[str, str]
) -> None:
    """The republished copy (b) is named as derived from the BBC original (a), by short ids."""
    derived = comparisons[pair].derived
    assert derived is not None
    assert derived.side == "b"
    assert derived.reason.startswith(f"{pair[1]} looks derived from {pair[0]}: ")
    assert f"of {pair[1]} is in {pair[0]}" in derived.reason


@pytest.mark.parametrize("pair", list(PAIRS))
def test_reasons_name_the_articles_as_a_reader_does(
    comparisons: dict, pair: tuple[str, str]
) -> None:
    """Reasons say "not in 004", never the id's hash."""
    comparison = comparisons[pair]
    reasons = [change.reason for change in comparison.changes]
    assert any(reason.startswith(f"not in {pair[1]}: ") for reason in reasons)
    assert not any(comparison.a.id in reason or comparison.b.id in reason for reason in reasons)
