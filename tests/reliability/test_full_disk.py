"""A really full disk (a 4 MB tmpfs): reading still works, writing says so and leaves no trace."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import EXIT_IO, main
from tests.reliability.conftest import fill, write_articles

pytestmark = pytest.mark.slow


def _listing(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_a_full_disk_keeps_reading_refuses_writing_cleanly_and_recovers(
    small_disk: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = small_disk / "data"
    monkeypatch.setenv("RECENSION_DATA_DIR", str(data))
    write_articles(tmp_path / "one", range(30))
    write_articles(tmp_path / "two", range(30, 60))
    write_articles(tmp_path / "three", range(60, 90))
    assert main(["add", str(tmp_path / "one")]) == 0
    assert main(["index"]) == 0
    assert main(["add", str(tmp_path / "two")]) == 0  # stored, not yet indexed
    capsys.readouterr()
    filler = fill(small_disk)
    before = _listing(data)

    # Reading: the search answers from the index it has, and says why it is behind.
    assert main(["search", "council"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("30 articles match"), out  # the 30 indexed before, not the 30 after
    assert err == (
        "recension: the disk is full: searching the index as it was, without the latest changes\n"
    )
    assert main(["list"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 65

    # Writing: one line, its own exit code, nothing changed and nothing left behind.
    assert main(["index", "--rebuild"]) == EXIT_IO
    assert capsys.readouterr().err == "recension: the disk is full\n"
    assert main(["add", str(tmp_path / "three")]) == EXIT_IO
    assert capsys.readouterr().err == "recension: the disk is full\n"
    assert _listing(data) == before
    assert main(["search", "council"]) == 0
    assert capsys.readouterr().out.startswith("30 articles match")

    # Space freed: everything works again, without a repair.
    filler.unlink()
    assert main(["search", "council"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("60 articles match"), out
    assert err == ""
    assert main(["add", str(tmp_path / "three")]) == 0
    assert main(["index", "--rebuild"]) == 0
    assert main(["search", "council", "--json"]) == 0
    assert '"total": 90' in capsys.readouterr().out
