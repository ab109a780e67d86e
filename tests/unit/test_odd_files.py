"""Odd files never hang, never exhaust memory and never stop the files beside them."""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

import pytest

from desktop.cli import EXIT_FAULT, EXIT_IO, main
from desktop.core.errors import IngestError
from desktop.core.storage.library import Library
from desktop.core.text.ingest import ingest_file, read_limited, read_sidecar
from desktop.core.text.printable import decodable, printable

POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def _article(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@POSIX
def test_a_fifo_is_skipped_at_once_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)  # opening it for reading without O_NONBLOCK would wait for a writer forever
    with pytest.raises(IngestError, match="named pipe"):
        ingest_file(fifo)


def test_a_device_behind_a_symlink_is_not_read(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(IngestError, match="a device"):
        ingest_file(link)


def test_the_limit_holds_while_reading_whatever_the_size_claims() -> None:
    status = Path("/proc/self/status")  # a regular file whose size says 0
    if not status.exists() or status.stat().st_size:
        pytest.skip("needs Linux /proc")
    with pytest.raises(IngestError, match="more than the limit of 10 bytes"):
        read_limited(status, 10)


def test_a_huge_sidecar_is_not_read_whole(tmp_path: Path) -> None:
    sidecar = tmp_path / "a.meta.json"
    sidecar.write_bytes(b'{"title": "' + b"x" * (2 * 1024 * 1024) + b'"}')
    with pytest.raises(IngestError, match="over the limit"):
        read_sidecar(sidecar)


def test_a_deeply_nested_sidecar_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    _article(tmp_path, "deep.txt", "A story with a deep sidecar.")
    (tmp_path / "deep.meta.json").write_text("[" * 100_000)
    with pytest.raises(IngestError, match="nested too deeply"):
        ingest_file(tmp_path / "deep.txt")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"title": 3}, "has a title that is not text (a JSON number)"),
        ({"source": ["a"]}, "has a source that is not text (a JSON array)"),
        ({"date": "yesterday"}, "has a date that is not a date"),
        ({"url": {"a": 1}}, "has a url that is not text (a JSON object)"),
    ],
)
def test_sidecar_values_are_checked_by_type(
    tmp_path: Path, values: dict[str, object], expected: str
) -> None:
    sidecar = tmp_path / "a.meta.json"
    sidecar.write_text(json.dumps(values))
    with pytest.raises(IngestError, match=re.escape(expected)):
        read_sidecar(sidecar)


def test_a_null_sidecar_value_means_not_given(tmp_path: Path) -> None:
    path = _article(tmp_path, "a.txt", "Headline here\n\nThe body of the story.")
    (tmp_path / "a.meta.json").write_text('{"title": null}')
    assert ingest_file(path).article.title == "Headline here"


def test_a_name_whose_sidecar_name_is_too_long_is_read_without_one(tmp_path: Path) -> None:
    path = _article(tmp_path, "a" * 250 + ".txt", "A story under a very long name.")
    assert ingest_file(path).article.text == "A story under a very long name."


def test_an_undecodable_name_is_read_and_its_id_is_decodable(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    path = _article(tmp_path, name, "A story under a Latin-1 name.")
    article = ingest_file(path).article
    assert article.id == "caf\ufffd"
    article.id.encode("utf-8")  # usable in JSON and the index


def test_printable_escapes_controls_bidi_and_undecodable_bytes() -> None:
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("evil\u202etxt.exe") == "evil\\u202etxt.exe"
    assert printable(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert printable("one\ntwo") == "one\\x0atwo"
    assert printable("one\ntwo\tthree", keep_lines=True) == "one\ntwo\tthree"
    assert printable("Zoë — «ça»") == "Zoë — «ça»"
    assert decodable(os.fsdecode(b"caf\xe9")) == "caf\ufffd"


def _odd_folder(folder: Path) -> None:
    """Good articles among every kind of bad file, each good one after a bad one."""
    folder.mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "a-fifo.txt")
    (folder / "b-zero.txt").symlink_to("/dev/zero")
    _article(folder, "c" * 250 + ".txt", "The first good story, under a long name.")
    _article(folder, os.fsdecode(b"d-\xff\xfe.txt"), "The second good story, name not UTF-8.")
    _article(folder, "e-deep.txt", "A story whose sidecar is too deep.")
    (folder / "e-deep.meta.json").write_text("[" * 100_000)
    _article(folder, "f-empty.txt", "")
    (folder / "g-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    _article(folder, "h-\x1b[2J\u202e.txt", "The third good story, name with escapes.")
    (folder / "i-title.txt").write_text("The fourth good story.")
    (folder / "i-title.meta.json").write_text(json.dumps({"title": "\x1b]0;pwned\x07Title"}))


def test_add_skips_each_bad_file_with_its_reason_and_imports_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _odd_folder(tmp_path / "odd")
    assert main(["add", str(tmp_path / "odd")]) == 1
    out, err = capsys.readouterr()
    assert "unexpected error" not in out + err
    assert "4 added, 0 duplicate, 5 skipped" in out, out
    assert "\x1b" not in out + err
    assert "\u202e" not in out + err
    assert "h-\\x1b[2J\\u202e.txt" in out
    assert "d-\\xff\\xfe.txt" in out
    assert "nested too deeply" in err


def test_a_library_folder_names_each_file_left_out_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _odd_folder(tmp_path / "odd")
    assert main(["--library", str(tmp_path / "odd"), "list"]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 4
    assert "\\x1b]0;pwned\\x07Title" in out
    assert "\x1b" not in out
    skipped = [line for line in err.splitlines() if line.startswith("recension: skipped")]
    assert len(skipped) == 5, err
    for reason in ("named pipe", "a device", "nested too deeply", "empty", "binary"):
        assert reason in err
    assert "unexpected error" not in err


def test_search_of_a_library_folder_with_odd_files_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _odd_folder(tmp_path / "odd")
    assert main(["--library", str(tmp_path / "odd"), "search", "good story"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("4 articles match")
    assert "unexpected error" not in err


def test_a_damaged_stored_article_is_named_not_hidden(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Library.open()  # creates nothing: the store appears with the first import
    store = data_dir / "articles"
    store.mkdir(parents=True)
    (store / "broken.json").write_text('{"title": ')
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert "broken.json is damaged" in err


def test_the_last_guard_has_its_own_exit_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fault(*_: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("desktop.cli.library_commands.run_list", fault)
    assert main(["list"]) == EXIT_FAULT != 1
    assert "unexpected error" in capsys.readouterr().err


def test_a_full_disk_is_one_line_and_its_own_exit_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(*_: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("desktop.cli.library_commands.run_list", full)
    assert main(["list"]) == EXIT_IO
    assert capsys.readouterr().err == "recension: the disk is full\n"


def test_a_report_is_never_written_over_a_compared_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _article(tmp_path, "story.txt", "The mayor spoke.\n\nThe council listened.")
    before = story.read_bytes()
    assert main(["diff", str(story), "004", "--html", str(story)]) == 2
    assert "it is one of the compared files" in capsys.readouterr().err
    assert story.read_bytes() == before


def test_a_report_is_never_written_through_a_symlink(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _article(tmp_path, "precious.txt", "Not a report.")
    link = tmp_path / "out.html"
    link.symlink_to(target)
    assert main(["diff", "002", "004", "--html", str(link)]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert link.is_symlink()
    assert target.read_text() == "Not a report."


def test_a_huge_one_line_pair_is_refused_with_a_reason_in_moments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = "word " * 400_000  # 2 MB on one line: minutes of word diff
    a = _article(tmp_path, "a.txt", line)
    b = _article(tmp_path, "b.txt", line.replace("word", "ward", 1))
    assert main(["diff", str(a), str(b)]) == 2
    err = capsys.readouterr().err
    assert "has a paragraph of 1,999,999 characters, too long to compare" in err


def test_an_import_that_meets_a_full_disk_is_undone_and_says_so_in_one_line(
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(5):
        _article(folder, f"s{number}.txt", f"Story {number}\n\nThe harbour vote, part {number}.")
    real_fsync, calls = os.fsync, []

    def fsync(handle: int) -> None:  # the third article meets a full disk
        calls.append(handle)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", fsync)
    assert main(["add", str(folder)]) == EXIT_IO
    assert capsys.readouterr().err == "recension: the disk is full\n"
    store = data_dir / "articles"
    assert sorted(path.name for path in store.iterdir()) == [".lock"]  # nothing half-done
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert main(["add", str(folder)]) == 0
    assert "5 added" in capsys.readouterr().out


def test_an_unreadable_subfolder_is_named_not_skipped_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "lib"
    (folder / "locked").mkdir(parents=True)
    _article(folder, "open.txt", "A story anyone can read.")
    _article(folder / "locked", "hidden.txt", "A story behind a locked door.")
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str] | str = ".") -> object:  # root reads any folder
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["--library", str(folder), "list"]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert "locked: this folder cannot be read (Permission denied)" in err
