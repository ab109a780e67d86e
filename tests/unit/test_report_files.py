"""Saving a report: the whole file or nothing, and a readable message when it cannot be."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop.core.storage.atomic import WriteError, write_atomically


def test_a_file_is_written_whole_and_replaces_the_old_one(tmp_path: Path) -> None:
    """The new bytes replace the old; no temporary file stays beside it."""
    target = tmp_path / "report.html"
    target.write_bytes(b"old")
    write_atomically(target, b"new report")
    assert target.read_bytes() == b"new report"
    assert os.listdir(tmp_path) == ["report.html"]


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("a_file.txt/out.html", "part of the path is not a folder"),
        ("missing/out.html", "the folder does not exist"),
        ("folder", "it is a folder"),
    ],
)
def test_an_unwritable_path_gives_a_message_and_leaves_nothing(
    tmp_path: Path, where: str, said: str
) -> None:
    """A path under a regular file, in a missing folder, or naming a folder: told why."""
    (tmp_path / "a_file.txt").write_text("not a folder")
    (tmp_path / "folder").mkdir()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(WriteError, match="cannot write") as error:
        write_atomically(tmp_path / where, b"report")
    assert str(error.value).endswith(said)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_gives_a_message(tmp_path: Path) -> None:
    """A folder without write permission: permission denied, nothing written."""
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="permission denied"):
            write_atomically(tmp_path / "out.html", b"report")
    finally:
        tmp_path.chmod(0o700)
    assert not list(tmp_path.iterdir())


def test_a_full_disk_leaves_the_old_file_and_no_fragment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the report is flushed: the old report stays, untouched."""
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match=r"report\.pdf: the disk is full"):
        write_atomically(target, b"x" * 100_000)
    assert target.read_bytes() == b"old report"
    assert os.listdir(tmp_path) == ["report.pdf"]
