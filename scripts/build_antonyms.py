"""Build resources/lexicon/antonyms.tsv: the direct antonyms of Princeton WordNet 3.0.

Source: WordNet 3.0 (Princeton University), as Debian's ``wordnet-base`` package installs
it in /usr/share/wordnet (``apt-get install wordnet-base``). Licence: the WordNet 3.0
licence, which permits use, copying and redistribution for any purpose provided the
copyright notice below travels with every copy (it heads the table, and
resources/lexicon/WORDNET-LICENSE holds the full text).

The table holds each pair of single words WordNet links as antonyms ("!" pointers between
word senses: rise/fall, win/lose, increase/decrease, guilty/innocent), lower case, one
pair per line, each pair once in alphabetical order, sorted. Run:

    python scripts/build_antonyms.py [WORDNET_DIR] [OUTPUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "lexicon" / "antonyms.tsv"
HEADER = (
    "# Direct antonyms of Princeton WordNet 3.0, built by scripts/build_antonyms.py.\n"
    "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n"
    "# Licence: resources/lexicon/WORDNET-LICENSE (use and redistribution permitted).\n"
)
_POS_FILES = ("noun", "verb", "adj", "adv")


def _synsets(folder: Path) -> dict[tuple[str, str], list[str]]:
    """(pos letter, offset) → the synset's words, for every data file."""
    found = {}
    for pos in _POS_FILES:
        for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence at the top of each file
            fields = line.split()
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * n] for n in range(count)]
            found[(fields[2].replace("s", "a"), fields[0])] = lemmas
    return found


def antonyms(folder: Path) -> list[tuple[str, str]]:
    """Every pair of single words WordNet links as antonyms, sorted, each pair once."""
    synsets = _synsets(folder)
    pairs = set()
    for pos in _POS_FILES:
        for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            count = int(fields[3], 16)
            at = 4 + 2 * count
            for n in range(int(fields[at])):
                symbol, offset, target_pos, link = fields[at + 1 + 4 * n : at + 5 + 4 * n]
                if symbol != "!":
                    continue
                source = _word(fields[4 + 2 * (int(link[:2], 16) - 1)])
                target = _word(
                    synsets[(target_pos.replace("s", "a"), offset)][int(link[2:], 16) - 1]
                )
                if source.isalpha() and target.isalpha() and source != target:
                    pairs.add(tuple(sorted((source, target))))
    return sorted(pairs)  # type: ignore[arg-type]


def _word(lemma: str) -> str:
    """A lemma as written in text: lower case, without an adjective's marker ("(a)")."""
    return lemma.split("(")[0].lower()


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else WORDNET
    output = Path(argv[2]) if len(argv) > 2 else OUTPUT
    if not (folder / "data.noun").is_file():
        print(f"no WordNet 3.0 in {folder}: apt-get install wordnet-base", file=sys.stderr)
        return 1
    lines = "".join(f"{a}\t{b}\n" for a, b in antonyms(folder))
    output.write_text(HEADER + lines, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
