"""``--library DIR`` caches in the cache directory, and trying many folders leaves few."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.storage.caches import KEPT


def _folders(tmp_path: Path, count: int) -> list[Path]:
    folders = []
    for n in range(count):
        folder = tmp_path / f"folder{n}"
        folder.mkdir()
        (folder / "story.txt").write_text(f"Story {n}\n\nThe text of story number {n}.")
        folders.append(folder)
    return folders


def test_each_folder_is_cached_outside_the_data_directory(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder,) = _folders(tmp_path, 1)
    assert main(["search", "story", "--library", str(folder)]) == 0
    assert "story number 0" in capsys.readouterr().out
    assert not (data_dir / "libraries").exists()
    (cache,) = (data_dir / "cache" / "libraries").iterdir()
    assert (cache / "index").is_dir()


def test_only_the_most_recently_used_caches_are_kept(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening a dozen folders in turn keeps KEPT caches; the first is gone, the last kept."""
    folders = _folders(tmp_path, KEPT + 4)
    for folder in folders:
        assert main(["list", "--library", str(folder)]) == 0
    caches = data_dir / "cache" / "libraries"
    assert len(list(caches.iterdir())) == KEPT
    assert main(["list", "--library", str(folders[0])]) == 0  # rebuilt when used again
    assert "story number 0" in capsys.readouterr().out.splitlines()[-1]
    assert len(list(caches.iterdir())) == KEPT


def test_older_versions_leftovers_are_removed(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "libraries" / "0123456789abcdef").mkdir(parents=True)
    (folder,) = _folders(tmp_path, 1)
    assert main(["list", "--library", str(folder)]) == 0
    assert not (data_dir / "libraries").exists()
