"""The workspace keeps library, search index and version families in step."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library import ImportStatus, Library
from desktop.core.workspace import Workspace, group_by_family


def _workspace() -> Workspace:
    workspace = Workspace.for_library(Library.open())
    workspace.refresh()
    return workspace


def test_search_groups_the_versions_of_a_story_together() -> None:
    results, groups = _workspace().search("Kerry Lavrov")
    assert results.total == 5
    families = sorted(sorted(hit.id[:3] for hit in group.hits) for group in groups)
    assert families == [["000", "001"], ["002", "004"], ["003"]]


def test_a_group_stands_where_its_best_hit_was_ranked() -> None:
    results, groups = _workspace().search("Psaki")
    assert groups[0].hits[0] == results.hits[0]
    assert group_by_family(results.hits) == groups


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
    """Recurring lines follow imports and removals."""
    workspace = _workspace()
    footer = "Follow us for more stories from our newsroom"
    added = [
        workspace.add_text(f"Story {n}", f"Story {n} begins with word {n} here.\n\n{footer}")
        for n in range(3)
    ]
    assert footer.casefold() in workspace.recurring
    assert added[0].article_id is not None
    workspace.remove(added[0].article_id)
    assert footer.casefold() not in workspace.recurring
