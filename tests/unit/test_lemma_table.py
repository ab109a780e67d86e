"""The lemma table (resources/lexicon/lemmas.tsv.gz, looked up by language/lemmas) answers
as lemminflect's getAllLemmas does, for every word lemminflect knows: the same lemmas, the
same adverbs; and scripts/build_lemmas.py rebuilds the shipped tables."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

from lemminflect import getAllLemmas

from desktop.core.language import lemmas as table
from tests.lemminflect_words import listed


def _known_words() -> set[str]:
    words = listed("lemma_lu.csv.gz", "lemma_overrides.csv")
    return words | {w.lower() for w in words} | {w.upper() for w in words}


def test_lemmas_and_adverbs_are_lemminflects_for_every_known_word() -> None:
    differing = []
    for word in _known_words() | {"xyzzy", "Fell", "US"}:
        lower = word.casefold()
        found = getAllLemmas(lower)
        expected = frozenset({lower, *(x.casefold() for xs in found.values() for x in xs)})
        only_adverb = set(found) == {"ADV"}
        if table.lemmas(word) != expected or table.only_adverb(word) != only_adverb:
            differing.append(word)
    assert differing == []


def test_a_strong_verb_and_an_adverb_read_as_lemminflect_has_them() -> None:
    assert {"fall", "fell"} <= table.lemmas("fell")
    assert table.same_lemma("rose", "rise")
    assert table.content_words(["easily", "fell", "the"]) == ["fell"]


def test_the_script_rebuilds_the_shipped_tables(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, str(root / "scripts" / "build_lemmas.py"), str(tmp_path)], check=True
    )
    for name in ("lemmas.tsv.gz", "forms.tsv.gz"):
        built = gzip.decompress((tmp_path / name).read_bytes())
        assert built == gzip.decompress((root / "resources" / "lexicon" / name).read_bytes())
        assert b"MIT licence: resources/lexicon/LEMMINFLECT-LICENSE" in built
    assert (root / "resources" / "lexicon" / "LEMMINFLECT-LICENSE").is_file()
