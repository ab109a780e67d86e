"""Build resources/lexicon/lemmas.tsv.gz and forms.tsv.gz: lemminflect's lookup tables.

Source: LemmInflect (pip package ``lemminflect``, a test dependency), whose tables come
from the NIH's SPECIALIST Lexicon. Licence: MIT, whose notice travels with the tables
(resources/lexicon/LEMMINFLECT-LICENSE).

- lemmas.tsv: each lowercase word lemminflect's lemma lookup knows (its overrides applied
  as ``getAllLemmas`` applies them), ``ADV`` when adverbs are all it knows the word as
  (else nothing), then its lemmas of every part of speech, casefolded.
- forms.tsv: each lowercase lemma, then what ``getAllInflections`` gives it (the
  auxiliaries and modals it hard-codes and its overrides replacing a part of speech's
  forms), casefolded.

A word whose only lemma (or a lemma whose only form) is itself is left out, unless it is
an adverb only: ``language/lemmas.py`` answers the word itself anyway. One line a word,
its fields tab-separated (a form may hold a space: "better off"), sorted by the word's
UTF-8 bytes, so that ``language/lemmas.py`` finds a line by bisection without reading the
table into a dict (a third of a second and 11 MB). Gzipped with no timestamp: the same
tables give the same bytes. Run:

    python scripts/build_lemmas.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import gzip
import sys
from importlib.metadata import version
from pathlib import Path

import lemminflect
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.OverridesCodec import OverridesCodec

OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "lexicon"
RESOURCES = Path(lemminflect.__file__).parent / "resources"
HEADER = (
    "# {what}, built by scripts/build_lemmas.py from LemmInflect {version}\n"
    "# (Copyright (C) 2019 Brad Jascob; MIT licence: resources/lexicon/LEMMINFLECT-LICENSE),\n"
    "# whose tables derive from the NIH's SPECIALIST Lexicon.\n"
)
ONLY_ADVERB = "ADV"

Table = dict[str, tuple[str, ...]]


def lemma_table() -> tuple[Table, frozenset[str]]:
    """Each lowercase word's casefolded lemmas, and the words that are only adverbs."""
    overrides: dict[tuple[str, str], tuple[str, ...]] = {}
    with open(RESOURCES / "lemma_overrides.csv", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                word, upos, lemma = line.split(",")
                overrides[word, upos] = (lemma,)
    table: Table = {}
    parts: dict[str, str] = {}  # a word's one part of speech, or "" once it has several

    def add(word: str, upos: str, spellings: tuple[str, ...]) -> None:
        new = (_folded(s) for s in spellings)
        table[word] = tuple(dict.fromkeys((*table.get(word, ()), *new)))
        parts[word] = upos if parts.get(word, upos) == upos else ""

    with gzip.open(RESOURCES / "lemma_lu.csv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            word, category, spellings = line.strip().split(",")
            upos = "AUX" if category == "modal" else category.upper()
            if word == word.lower() and (word, upos) not in overrides:
                add(word, upos, tuple(spellings.split("/")))
    for (word, upos), override in overrides.items():
        add(word, upos, override)
    adverbs = frozenset(word for word, upos in parts.items() if upos == "ADV")
    return table, adverbs


def forms_table() -> Table:
    """Each lowercase lemma's casefolded forms of every part of speech.

    lemminflect's lookup lowercases the lemma, so only lowercase entries are ever found; a
    word's lines (one a part of speech) add up, then the auxiliaries and modals it
    hard-codes and its overrides replace the forms of one tag: words of those two kinds
    are kept by tag until then.
    """
    overrides = OverridesCodec.load(str(RESOURCES / "infl_overrides.csv"))
    by_tag = InflectionLUCodec.updateForAuxMod({})  # replaces what the table has for them
    hard_coded, special = frozenset(by_tag), overrides.keys() | by_tag.keys()
    table: Table = {}
    with gzip.open(RESOURCES / "infl_lu.csv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            word, _, spellings = InflectionLUCodec.fromString(line)
            if word != word.lower() or word in hard_coded:
                continue
            if word in special:
                by_tag.setdefault(word, {}).update(spellings)
                continue
            new = (_folded(s) for found in spellings.values() for s in found)
            table[word] = tuple(dict.fromkeys((*table.get(word, ()), *new)))
    for word, replaced in overrides.items():
        by_tag.setdefault(word, {}).update(replaced)
    for word, spellings in by_tag.items():
        table[word] = tuple(dict.fromkeys(_folded(s) for each in spellings.values() for s in each))
    return table


def _folded(spelling: str) -> str:
    """A lemma or form as lemminflect's lookup gives it for a lowercase word, casefolded."""
    return spelling.lower().casefold()


def lemma_rows(table: Table, adverbs: frozenset[str]) -> list[tuple[str, ...]]:
    return [
        (word, ONLY_ADVERB if word in adverbs else "", *table.get(word, ()))
        for word in table.keys() | adverbs
        if table.get(word) != (word,) or word in adverbs
    ]


def form_rows(table: Table) -> list[tuple[str, ...]]:
    return [(word, *found) for word, found in table.items() if found != (word,)]


def write(path: Path, what: str, rows: list[tuple[str, ...]]) -> None:
    """The rows tab-separated, sorted by their first field's UTF-8 bytes, gzipped."""
    if any(c in field for row in rows for field in row for c in "\t\n"):
        raise ValueError(f"{path.name}: a tab or a newline in a word")
    rows.sort(key=lambda row: row[0].encode())
    header = HEADER.format(what=what, version=version("lemminflect"))
    text = header + "".join("\t".join(row) + "\n" for row in rows)
    path.write_bytes(gzip.compress(text.encode(), mtime=0))


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    write(output / "lemmas.tsv.gz", "Lemmas of English words", lemma_rows(*lemma_table()))
    write(output / "forms.tsv.gz", "Forms of English lemmas", form_rows(forms_table()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
