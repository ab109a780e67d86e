"""The workspace keeps library, search index and version families in step."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.cli.refs import resolve
from desktop.core import workspace as workspace_module
from desktop.core.comparison.changes import ChangeKind
from desktop.core.search.index import MANIFEST, SearchIndex
from desktop.core.storage.library import ImportStatus, Library
from desktop.core.text.article import Article
from desktop.core.workspace import Workspace, group_by_family

STORIES = [["000", "001"], ["002", "004"], ["003"]]


def _workspace() -> Workspace:
    workspace = Workspace.for_library(Library.open())
    workspace.refresh()
    return workspace


def _stories(workspace: Workspace, query: str = "Kerry Lavrov") -> list[list[str]]:
    """The id prefixes of the hits of ``query``, grouped as the window shows them."""
    return sorted(sorted(hit.id[:3] for hit in group.hits) for group in workspace.search(query)[1])


@pytest.fixture(params=[0, 2], ids=["families first", "two articles searchable first"])
def searchable_first(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many articles a first refresh indexes before it knows the families (0: none,
    as for any library of at most SEARCHABLE_FIRST articles, such as the five seeds)."""
    if request.param:
        monkeypatch.setattr(workspace_module, "SEARCHABLE_FIRST", request.param)
    return int(request.param)


def test_search_groups_the_versions_of_a_story_together(searchable_first: int) -> None:
    """Whichever phase indexed an article, the first refresh leaves it in its story."""
    workspace = _workspace()
    assert workspace.search("Kerry Lavrov")[0].total == 5
    assert _stories(workspace) == STORIES


def test_a_search_while_the_first_refresh_runs_never_fails_and_ends_complete(
    searchable_first: int,
) -> None:
    """Searches from another thread see a growing library, then all of it grouped."""
    workspace = Workspace.for_library(Library.open())
    seen: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def search() -> None:
        while not done.is_set():
            try:
                seen.append(workspace.search("Kerry Lavrov")[0].total)
            except BaseException as error:  # any failure is what this test looks for
                errors.append(error)

    searcher = threading.Thread(target=search)
    searcher.start()
    try:
        workspace.refresh()
    finally:
        done.set()
        searcher.join()
    assert errors == []
    assert set(seen) <= {0, searchable_first, 5}
    assert _stories(workspace) == STORIES


def test_first_refresh_progress_counts_up_to_its_end(searchable_first: int) -> None:
    """The progress of both phases is one count that never goes back and ends full."""
    reports: list[tuple[int, int]] = []
    Workspace.for_library(Library.open()).refresh(progress=lambda *report: reports.append(report))
    done = [report[0] for report in reports]
    assert done == sorted(done)
    assert reports[-1][0] == reports[-1][1] > 0
    assert all(report[0] <= report[1] for report in reports)


def test_a_first_refresh_cancelled_after_its_first_phase_is_finished_by_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancelled once the first articles are searchable; the next refresh groups them all."""
    monkeypatch.setattr(workspace_module, "SEARCHABLE_FIRST", 2)
    workspace = Workspace.for_library(Library.open())
    seen: list[int] = []
    report = workspace.refresh(
        progress=lambda _done, _total: seen.append(workspace.index.search("").total),
        should_cancel=lambda: bool(seen) and seen[-1] > 0,
    )
    assert report.cancelled
    assert workspace.index.search("").total == 2
    workspace.refresh()
    assert _stories(workspace) == STORIES


def test_a_group_stands_where_its_best_hit_was_ranked() -> None:
    workspace = _workspace()
    results, groups = workspace.search("Psaki")
    assert results.hits[0] in groups[0].hits
    assert group_by_family(results.hits, workspace.original) == groups


def test_a_group_lists_the_original_first() -> None:
    """002 (BBC) holds 004's text: it heads the group of the two, named as the original."""
    (group,) = _workspace().search("Psaki")[1]
    assert [hit.id[:3] for hit in group.hits] == ["002", "004"]
    assert group.original is not None
    assert group.original.id == group.hits[0].id


def test_an_added_copy_joins_its_story_and_is_searchable(tmp_path: Path) -> None:
    workspace = _workspace()
    copy = tmp_path / "copy.txt"
    copy.write_text(workspace.article("002").text.replace("Staff threatened", "Nato moves"))
    report = workspace.add([copy])
    new_id = report.added[0].article_id
    assert new_id is not None
    versions = {relation.id[:3] for relation in workspace.versions(new_id)}
    assert versions == {"002", "004"}
    _results, groups = workspace.search("Psaki")
    assert len(groups) == 1
    assert len(groups[0].hits) == 3


def test_an_article_read_before_a_copy_was_added_names_the_copy_after(tmp_path: Path) -> None:
    workspace = _workspace()
    assert [relation.id[:3] for relation in workspace.versions("002")] == ["004"]
    copy = tmp_path / "copy.txt"
    copy.write_text(workspace.article("002").text.replace("Staff threatened", "Nato moves"))
    new_id = workspace.add([copy]).added[0].article_id
    assert new_id in {relation.id for relation in workspace.versions("002")}


def test_removing_an_article_takes_it_out_of_search_and_its_family(tmp_path: Path) -> None:
    workspace = _workspace()
    copy = tmp_path / "copy.txt"
    copy.write_text(workspace.article("000").text)
    assert workspace.add([copy]).outcomes[0].status is ImportStatus.DUPLICATE
    story = tmp_path / "story.txt"
    story.write_text(workspace.article("000").text + "\n\nA closing line about the marmalade.")
    added = workspace.add([story]).added[0].article_id
    assert added is not None
    workspace.remove(added)
    assert workspace.search("marmalade")[0].total == 0
    assert workspace.versions("000")[0].id.startswith("001")
    assert len(workspace.versions("000")) == 1


def test_similar_offers_every_other_article_most_similar_first() -> None:
    similar = _workspace().similar("001")
    assert similar[0].id.startswith("000")


def test_a_restarted_workspace_finds_the_same_versions_from_its_saved_fingerprints() -> None:
    """A second start groups the stories as the first did."""
    first = _workspace()
    second = _workspace()
    assert [r.id for r in second.versions("002")] == [r.id for r in first.versions("002")]
    assert second.recurring == first.recurring


def test_a_line_recurring_in_three_imports_is_chrome_until_one_goes() -> None:
    """Recurring lines follow imports and removals, and a removed article's own lines are
    no longer counted at all."""
    workspace = _workspace()
    footer = "Follow us for more stories from our newsroom"
    counted = len(workspace._line_counts)
    added = [
        workspace.add_text(f"Story {n}", f"Story {n} begins with word {n} here.\n\n{footer}")
        for n in range(3)
    ]
    assert footer.casefold() in workspace.recurring
    gone = [outcome.article_id for outcome in added if outcome.article_id is not None]
    workspace.remove(gone[0])
    assert footer.casefold() not in workspace.recurring
    for article_id in gone[1:]:
        workspace.remove(article_id)
    assert len(workspace._line_counts) == counted


def test_a_first_refresh_reports_progress_while_it_groups(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Grouping a big first library moves the progress bar too, never backwards."""
    monkeypatch.setattr("desktop.core.workspace.SEARCHABLE_FIRST", 2)
    monkeypatch.setattr("desktop.core.versions.related.PROGRESS_EVERY", 1)
    reports: list[tuple[int, int]] = []
    Workspace.for_library(Library.open()).refresh(progress=lambda *report: reports.append(report))
    done = [report[0] for report in reports]
    assert done == sorted(done)
    assert set(range(2, 2 + 5 + 1)) <= set(done)  # after the first phase's two, each grouped
    assert reports[-1][0] == reports[-1][1]


def test_candidates_put_the_other_version_first_and_name_every_other_article() -> None:
    """002's picker: its version 004 on top with its share; 003, unrelated, is not a version."""
    candidates = _workspace().candidates("002")
    top = candidates[0]
    assert top.id.startswith("004")
    assert top.version
    assert (top.shared or 0.0) > 0.5
    assert top.source == "The Iran Project"
    assert sorted(c.id[:3] for c in candidates) == ["000", "001", "003", "004"]
    assert not any(c.version for c in candidates[1:])
    shared = [c.shared for c in candidates if c.shared is not None]
    assert shared == sorted(shared, reverse=True)


def test_the_whole_library_is_listed_before_anything_is_indexed() -> None:
    """A first start lists every article at once; a restart, the stories of the last run."""
    library = Library.open()
    workspace = Workspace.for_library(library)
    results, groups = workspace.search("")
    assert results.total == len(library.articles()) == 5
    assert [hit.id for hit in results.hits] == sorted(a.id for a in library.articles())
    assert all(hit.snippet.text for hit in results.hits)
    assert len(groups) == 5  # not grouped yet: each article its own story
    workspace.refresh()
    restarted = Workspace.for_library(Library.open())  # nothing refreshed yet
    _, regrouped = restarted.search("")
    assert sorted(sorted(h.id[:3] for h in g.hits) for g in regrouped) == STORIES


def test_a_damaged_index_reached_for_by_two_threads_at_once_says_it_was_rebuilt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At start the refresh and a reading both reach for the index: it is opened (and
    repaired) once, and the repair is said, not lost to a second opening finding it sound."""
    library = Library.open()
    SearchIndex.open(library.state_dir / "index")
    (library.state_dir / "index" / MANIFEST).write_text("not json")
    workspace = Workspace.for_library(library)
    opened: list[Path] = []
    open_index = SearchIndex.open

    def slow_open(directory: Path) -> SearchIndex:
        opened.append(directory)
        time.sleep(0.2)  # the other thread arrives meanwhile
        return open_index(directory)

    monkeypatch.setattr(SearchIndex, "open", slow_open)
    threads = [threading.Thread(target=lambda: workspace.index) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 1
    (warning,) = workspace.take_warnings()
    assert warning.endswith("has been rebuilt.")


LISTING = """
import sys
from desktop.core.storage.library import Library
from desktop.core.workspace import Workspace
_, groups = Workspace.for_library(Library.open()).search("")
print(len(groups), [name for name in ("whoosh", "numpy") if name in sys.modules])
"""


def test_the_listing_loads_neither_whoosh_nor_the_versions(data_dir: Path) -> None:
    """The window's first list comes from the articles and the families the last run saved:
    a first start creates no index for it, and neither start loads Whoosh or numpy."""

    def listed() -> str:
        command = [sys.executable, "-c", LISTING]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()

    assert listed() == "5 []"
    assert not (data_dir / "default" / "index").exists()
    Workspace.for_library(Library.open()).refresh()
    assert listed() == "3 []"


def test_a_compared_file_counts_towards_chrome_once_and_a_library_article_not_again(
    tmp_path: Path,
) -> None:
    """A line in two imports and in a file compared from outside is chrome (three articles);
    comparing one of the two imports does not count it twice."""
    workspace = _workspace()
    footer = "Follow us for more stories from our newsroom"
    added = [
        workspace.add_text(f"Story {n}", f"Story {n} begins with word {n} here.\n\n{footer}")
        for n in range(2)
    ]
    path = tmp_path / "draft.txt"
    path.write_text(f"A draft that begins with other words here.\n\n{footer}\n", encoding="utf-8")
    draft = resolve(str(path), workspace)
    assert added[0].article_id is not None
    imported = workspace.article(added[0].article_id)
    seed = workspace.article("003")

    def chrome(a: Article, b: Article) -> set[str]:
        changes = workspace.compare(a, b).changes
        return {c.a.text for c in changes if c.kind is ChangeKind.BOILERPLATE and c.a is not None}

    assert footer in chrome(draft, seed)
    assert footer not in chrome(imported, seed)
    assert footer.casefold() not in workspace.recurring  # the library's own count is unchanged


def test_reading_names_the_source_of_each_other_version() -> None:
    """What "Compare with…" lists beside each version's title comes with the reading."""
    workspace = _workspace()
    reading = workspace.reading("002", "Kerry")
    assert reading.versions
    assert reading.highlights
    assert set(reading.sources) == {relation.id for relation in reading.versions}
    assert "The Iran Project" in reading.sources.values()
