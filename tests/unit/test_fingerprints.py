"""Fingerprints kept on disk give the runs a fresh computation would; old files are rebuilt."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from desktop.core.text.article import Article
from desktop.core.versions.content import content_shingles, runs
from desktop.core.versions.fingerprints import Fingerprints
from desktop.core.versions.minhash import band_keys

TEXTS = (
    "The minister said on Monday that talks would resume in Geneva next week.",
    "Officials in Kyiv denied the report, saying no troops had crossed the border.",
    "",
)


def _of(text: str) -> Article:
    return Article("article", "A title", text)


@pytest.mark.parametrize("damage", [None, b"", b"not a zip file", b"\x93NUMPY\x01\x00broken"])
def test_saved_or_damaged_files_give_the_same_sets(tmp_path: Path, damage: bytes | None) -> None:
    """Reopened (or reopened after damage), every text has its own runs and band keys."""
    path = tmp_path / "fingerprints.npy"
    first = Fingerprints(path)
    for text in TEXTS:
        first.content(_of(text))
    first.save()
    if damage is not None:
        path.write_bytes(damage)
    again = Fingerprints(path)
    for text in TEXTS:
        assert np.array_equal(again.content(_of(text)), content_shingles(text))
        assert np.array_equal(again.bands(_of(text)), band_keys(runs(content_shingles(text))))


def test_only_the_texts_asked_for_are_kept(tmp_path: Path) -> None:
    """A removed article's fingerprint is not saved again."""
    path = tmp_path / "fingerprints.npy"
    first = Fingerprints(path)
    for text in TEXTS[:2]:
        first.content(_of(text))
    first.save()
    second = Fingerprints(path)
    second.content(_of(TEXTS[0]))
    second.content(_of(TEXTS[2]))
    second.save()
    with path.open("rb") as stream:
        _version, owners, sizes = (np.load(stream) for _ in range(3))
    assert owners.size == 2
    assert sizes.tolist() == [content_shingles(TEXTS[0]).size, 0]


def test_line_keys_come_back_as_computed(tmp_path: Path) -> None:
    """The lines of a text that could be chrome, saved and reopened, are the same keys; a
    paragraph too long to be chrome has none."""
    from desktop.core.comparison.boilerplate import line_key, line_keys

    story = "A story that goes on for quite a few more words than thirty-six, doesn't it? " * 3
    notice = "The site is not responsible for the content of the articles it quotes."
    text = f"Home | News\n\n{story}\n\n{notice}\n\nÉté"
    first = Fingerprints(tmp_path / "f.npy")
    first.line_keys(_of(text))
    first.line_keys(_of(TEXTS[2]))
    first.save()
    again = Fingerprints(tmp_path / "f.npy")
    assert again.line_keys(_of(text)) == tuple(sorted(line_keys(text)))
    assert set(again.line_keys(_of(text))) == {"home | news", line_key(notice), "été"}
    assert again.line_keys(_of(TEXTS[2])) == ()


def test_a_file_from_an_older_release_is_rebuilt_not_misread(tmp_path: Path) -> None:
    """Records saved under another format version are ignored and computed afresh."""
    path = tmp_path / "fingerprints.npy"
    first = Fingerprints(path)
    first.content(_of(TEXTS[0]))
    first.save()
    with path.open("rb") as stream:
        records = [np.load(stream) for _ in range(10)]
    records[0] = records[0] - 1  # the version an older release wrote
    records[3] = records[3][::-1].copy()  # holding what that release meant by its runs
    with path.open("wb") as stream:
        for record in records:
            np.save(stream, record)
    assert np.array_equal(Fingerprints(path).content(_of(TEXTS[0])), content_shingles(TEXTS[0]))


def test_a_known_article_s_text_is_not_read(tmp_path: Path) -> None:
    """What was saved for an article is found by its text's key: a stored article's text
    stays in its file."""
    path = tmp_path / "fingerprints.npy"
    first = Fingerprints(path)
    first.content(_of(TEXTS[0]))
    first.line_keys(_of(TEXTS[0]))
    first.save()

    def unread() -> str:
        raise AssertionError("the text was read")

    stored = Article("article", "A title", TEXTS[0], _read=unread)
    again = Fingerprints(path)
    assert np.array_equal(again.content(stored), content_shingles(TEXTS[0]))
    assert np.array_equal(again.bands(stored), band_keys(runs(content_shingles(TEXTS[0]))))
    assert again.line_keys(stored) == again.line_keys(_of(TEXTS[0]))
