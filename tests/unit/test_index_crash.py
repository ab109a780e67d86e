"""The index survives crashes: killed writers, stale locks, damaged files, concurrent readers."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.search.index import MANIFEST, SearchIndex
from desktop.core.text.article import Article
from tests.conftest import REPO

pytestmark = pytest.mark.slow

# A writer in another process: indexes COUNT notes, saying "started" once it holds the
# writer, pausing PAUSE seconds per article so that the test can act mid-index.
WRITER = """
import sys, time
from pathlib import Path
from desktop.core.text.article import Article
from desktop.core.search.index import SearchIndex
directory, count, pause = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
notes = [Article(f"n{i:04d}", f"Note {i}", f"Kerry note number {i}.") for i in range(count)]
def progress(done, total):
    if done == 1:
        print("started", flush=True)
    time.sleep(pause)
SearchIndex.open(directory).refresh(notes, progress=progress)
"""

NOTES = [Article(f"n{i:04d}", f"Note {i}", f"Kerry note number {i}.") for i in range(40)]


def start_writer(directory: Path, count: int, pause: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(directory), str(count), str(pause)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "started"
    return process


def segment_file(directory: Path) -> Path:
    return max(directory.glob("*.seg"), key=lambda path: path.stat().st_size)


def test_killed_writer_leaves_a_usable_index(tmp_path: Path) -> None:
    """kill -9 of a process mid-index: its lock does not block, the last commit is intact."""
    directory = tmp_path / "index"
    SearchIndex.open(directory).refresh(NOTES[:5])
    writer = start_writer(directory, count=40, pause=0.05)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    index = SearchIndex.open(directory)
    assert index.warnings == ()
    assert index.search("Kerry").total == 5
    assert index.refresh(NOTES).added == 35
    assert index.search("Kerry").total == 40


def test_leftover_lock_files_are_ignored(tmp_path: Path) -> None:
    """Lock files that nobody holds (a crash of long ago) do not stop a refresh."""
    directory = tmp_path / "index"
    SearchIndex.open(directory)
    for name in ("MAIN_WRITELOCK", "RECENSION_REFRESH"):
        (directory / name).write_text("12345")
    index = SearchIndex.open(directory)
    assert index.refresh(NOTES).added == 40


@pytest.mark.parametrize("damage", ["truncate", "garble", "delete"])
def test_damaged_index_is_rebuilt_with_a_warning(tmp_path: Path, damage: str) -> None:
    """A truncated, garbled or missing segment file is detected on open and rebuilt."""
    directory = tmp_path / "index"
    SearchIndex.open(directory).refresh(NOTES)
    segment = segment_file(directory)
    data = segment.read_bytes()
    if damage == "truncate":
        segment.write_bytes(data[: len(data) // 2])
    elif damage == "garble":
        middle = len(data) // 2
        segment.write_bytes(data[:middle] + bytes(64) + data[middle + 64 :])
    else:
        segment.unlink()
    index = SearchIndex.open(directory)
    assert index.warnings == ("The search index was damaged and has been rebuilt.",)
    assert index.search("").total == 0
    assert index.refresh(NOTES).added == 40
    assert index.search("Kerry").total == 40


@pytest.mark.parametrize(
    ("manifest", "warning"),
    [
        ({"schema": 0}, "made by another version of Recension"),
        ("not json", "made by another version of Recension"),
    ],
)
def test_index_of_another_version_is_rebuilt(
    tmp_path: Path, manifest: object, warning: str
) -> None:
    """An index stamped with another schema version (or unstamped) is rebuilt empty."""
    directory = tmp_path / "index"
    SearchIndex.open(directory).refresh(NOTES)
    (directory / MANIFEST).write_text(json.dumps(manifest))
    index = SearchIndex.open(directory)
    assert len(index.warnings) == 1
    assert warning in index.warnings[0]
    assert index.search("").total == 0


def test_commit_unrecorded_by_a_crash_is_read_through(tmp_path: Path) -> None:
    """A crash between a commit and its manifest keeps the commit, with no warning."""
    directory = tmp_path / "index"
    SearchIndex.open(directory).refresh(NOTES)
    stamp = json.loads((directory / MANIFEST).read_text())
    (directory / MANIFEST).write_text(json.dumps({**stamp, "generation": -1, "files": {}}))
    index = SearchIndex.open(directory)
    assert index.warnings == ()
    assert index.search("Kerry").total == 40


def test_reader_in_another_process_sees_whole_commits(tmp_path: Path) -> None:
    """While another process indexes, every search sees the old or the new index, whole."""
    directory = tmp_path / "index"
    index = SearchIndex.open(directory)
    index.refresh(NOTES[:5])
    writer = start_writer(directory, count=200, pause=0.0)
    totals = set()
    while writer.poll() is None:
        totals.add(index.search("Kerry").total)
    assert writer.returncode == 0
    totals.add(index.search("Kerry").total)
    assert totals <= {5, 200}
    assert index.search("Kerry").total == 200


# A rebuild in another process that dies (os._exit, as kill -9 would) at one step of the
# swap: after the new segments are moved in, or after the new table of contents is.
REBUILD_DIES = """
import os, sys
from pathlib import Path
from whoosh import index
from desktop.core.search import index as search_index
from desktop.core.text.article import Article
directory, step = Path(sys.argv[1]), sys.argv[2]
def die(*args, **kwargs):
    os._exit(9)
if step == "segments moved":
    index.TOC.write = die
else:
    search_index.clean_files = die
notes = [Article(f"n{i:04d}", f"Note {i}", f"Kerry note number {i}.") for i in range(40)]
search_index.SearchIndex.open(directory).rebuild(notes)
"""


@pytest.mark.parametrize("step", ["segments moved", "contents swapped"])
def test_rebuild_killed_while_swapping_leaves_a_whole_index(tmp_path: Path, step: str) -> None:
    """Killed at any moment of the swap, the index answers for the old or the new articles."""
    directory = tmp_path / "index"
    SearchIndex.open(directory).refresh(NOTES[:30])
    died = subprocess.run(
        [sys.executable, "-c", REBUILD_DIES, str(directory), step], cwd=REPO, check=False
    )
    assert died.returncode == 9
    index = SearchIndex.open(directory)
    assert index.warnings == ()
    found = {hit.id for hit in index.search("Kerry", limit=100).hits}
    assert found in ({note.id for note in NOTES[:30]}, {note.id for note in NOTES})
