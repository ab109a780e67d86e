"""resources/lexicon/antonyms.tsv is what scripts/build_antonyms.py makes of WordNet 3.0."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORDNET = Path("/usr/share/wordnet")


@pytest.mark.skipif(
    not (WORDNET / "data.noun").is_file(), reason="needs WordNet 3.0: apt-get install wordnet-base"
)
def test_the_script_reproduces_the_table(tmp_path: Path) -> None:
    built = tmp_path / "antonyms.tsv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_antonyms.py"), str(WORDNET), str(built)],
        check=True,
    )
    shipped = ROOT / "resources" / "lexicon" / "antonyms.tsv"
    assert built.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_the_table_names_its_source_and_licence() -> None:
    shipped = (ROOT / "resources" / "lexicon" / "antonyms.tsv").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in shipped
    assert (ROOT / "resources" / "lexicon" / "WORDNET-LICENSE").is_file()
    assert "rise\tset" in shipped.splitlines()
    assert "fall\trise" in shipped.splitlines()


def test_each_pair_of_the_table_is_opposite_both_ways_round() -> None:
    """opposite() answers every pair the table lists, whichever word comes first."""
    from desktop.core.language.opposites import has_opposite, opposite

    shipped = (ROOT / "resources" / "lexicon" / "antonyms.tsv").read_text(encoding="utf-8")
    pairs = [line.split("\t") for line in shipped.splitlines() if not line.startswith("#")]
    assert all(opposite(a, b) and opposite(b, a) for a, b in pairs)
    assert all(has_opposite(a) and has_opposite(b) for a, b in pairs)
    assert not opposite("rise", "rise")
    assert not has_opposite("Lavrov")
