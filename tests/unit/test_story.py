"""The story of a family: who copies whom, and what each version did with the original."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from desktop.core.comparison import compare as compare_module
from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import Comparison
from desktop.core.storage.library import Library
from desktop.core.story.model import Story, Treatment
from desktop.core.story.summary import summary
from desktop.core.story.timeline import timeline
from desktop.core.text.article import Article
from desktop.core.workspace import Workspace
from tests.story_maker import (
    Planted,
    copy_edited,
    cut_off,
    marked,
    planted_four,
    planted_many,
    with_chrome,
    write,
)


def _story(folder: Path | None, ref: str) -> Story:
    return Workspace.for_library(Library.open(folder)).story(ref)


def _parents(story: Story) -> dict[str, str | None]:
    return {
        version.id[:3]: version.derived_from and version.derived_from[:3]
        for version in story.versions
    }


def test_the_samples_001_copies_000_and_004_copies_002() -> None:
    first, second = _story(None, "001"), _story(None, "004")
    assert first.original.startswith("000")
    assert second.original.startswith("002")
    assert _parents(first) == {"000": None, "001": "000"}
    assert _parents(second) == {"002": None, "004": "002"}
    copy = second.version(second.copies[0].id)
    assert copy.reason.startswith("copies 002")
    assert copy.evidence is not None
    assert copy.counts[ChangeKind.DUPLICATED] == 6  # 004 repeats six paragraphs


def test_the_collation_says_what_004_did_with_each_paragraph_of_002() -> None:
    story = _story(None, "002")
    cells = {row.text[:30]: row.cells[0] for row in story.rows}
    assert cells["John Kerry told his Russian co"].treatment is Treatment.KEPT
    assert cells["US officials say there will be"].treatment is Treatment.REWRITTEN
    assert cells["The US secretary of state has "].treatment is Treatment.COPY_EDITED
    image_credits = [row for row in story.rows if row.text.startswith("Image source")]
    assert all(row.cells[0].kind is ChangeKind.BOILERPLATE for row in image_credits)
    repeats = [a for a in story.additions if a.kind is ChangeKind.DUPLICATED]
    assert len(repeats) == 6
    assert "The Iran Project adds 6 repeated paragraphs" in summary(story)


def test_a_planted_lineage_is_recovered(tmp_path: Path) -> None:
    story = _story(write(tmp_path / "four", planted_four()), "c")
    assert story.original == "a"
    assert _parents(story) == {"a": None, "b": "a", "c": "b", "d": "a"}
    c = story.version("c")
    assert "c ends early" in c.reason
    assert ChangeKind.TRUNCATED in c.counts
    column = [version.id for version in story.copies].index("c")
    kinds = [row.cells[column].kind for row in story.rows]
    assert kinds[-1] is ChangeKind.TRUNCATED
    assert kinds[0] is not ChangeKind.TRUNCATED
    assert summary(story) == (
        "4 versions from 4 sources; 2 copy BBC News of 11 March 2014; "
        "1 copies World Wire of 12 March 2014; 1 stops early"
    )


def test_a_story_without_dates_is_judged_from_the_text_and_says_so(tmp_path: Path) -> None:
    story = _story(write(tmp_path / "undated", planted_four(dated=False)), "a")
    assert story.version("c").derived_from == "b"
    for version in story.copies:
        assert "undated" in version.reason, version.reason


def test_a_copy_dated_before_its_source_is_placed_by_its_text_with_the_reason(
    tmp_path: Path,
) -> None:
    versions = planted_four()
    versions[2] = dataclasses.replace(versions[2], date=dt.date(2014, 3, 9))  # c, the cut copy
    story = _story(write(tmp_path / "contradicting", versions), "a")
    assert story.original == "a"
    assert "c looked like the original (the earliest, dated 9 March 2014)" in story.original_reason
    assert story.version("c").derived_from == "b"
    assert "before b" in story.version("c").reason
    assert "dates" in story.version("c").reason


def test_the_story_fills_in_as_pairs_complete_and_stops_when_cancelled(tmp_path: Path) -> None:
    workspace = Workspace.for_library(Library.open(write(tmp_path / "four", planted_four())))
    seen: list[Story] = []
    whole = workspace.story("a", report=seen.append)
    assert [story.done for story in seen] == sorted(story.done for story in seen)
    assert seen[0].done == 0
    assert all(c.treatment is Treatment.PENDING for c in seen[0].rows[0].cells)
    assert whole.complete
    assert seen[0].total == 6  # each version may be judged with every other...
    assert whole.total == 4  # ...but b and d copy the original, nearer than any other: only c
    stopped: list[Story] = []
    workspace.story("a", report=stopped.append, should_cancel=lambda: len(stopped) >= 2)
    assert not stopped[-1].complete


def test_each_pair_is_compared_once_and_kept_for_the_next_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = Workspace.for_library(Library.open(write(tmp_path / "four", planted_four())))
    calls: list[tuple[str, str]] = []
    real = compare_module.compare

    def counting(a: Article, b: Article, **options: Any) -> Comparison:
        calls.append((a.id, b.id))
        return real(a, b, **options)

    monkeypatch.setattr(compare_module, "compare", counting)  # the workspace looks it up there
    workspace.story("a")
    assert len(calls) == 4  # the original with b, c and d, then c with b
    assert len({frozenset(pair) for pair in calls}) == 4
    workspace.story("d")
    assert len(calls) == 4


def test_a_cut_copy_is_attached_to_the_version_it_was_cut_from(tmp_path: Path) -> None:
    """e copies b and changes it in its own house style; c is cut from b (the text it
    holds is in a, b and e alike, and e shares c's house style): c still copies b, the
    version whose site lines it carries, dated before it."""
    a, b = planted_four()[:2]
    e = Planted(
        "e",
        with_chrome(copy_edited(b.text, 1), "Newsfront", 1005),
        "Newsfront",
        dt.date(2014, 3, 13),
        "b",
    )
    c = Planted(
        "c",
        with_chrome(cut_off(copy_edited(b.text, 1)), "Gazette Online", 1003),
        "Gazette Online",
        dt.date(2014, 3, 14),
        "b",
    )
    story = _story(write(tmp_path / "cut", [a, b, e, c]), "a")
    assert _parents(story) == {"a": None, "b": "a", "e": "b", "c": "b"}
    assert "100% of c is in b" in story.version("c").reason


def test_a_copy_is_attached_to_the_version_whose_chrome_and_edits_it_carries(
    tmp_path: Path,
) -> None:
    """b and d both copy a; f copies d, taking d's own edit and story code along, in the
    house style b also uses: f copies d, not b, although it shares b's copy-edits."""
    a, b, _, d = planted_four()
    d = dataclasses.replace(d, text=with_chrome(marked(d.text, 4), "Daily Ledger", 1004))
    f_text = with_chrome(copy_edited(d.text, 0), "Evening Post", 1006)
    f = Planted("f", f_text, "Evening Post", dt.date(2014, 3, 14), "d")
    story = _story(write(tmp_path / "chrome", [a, b, d, f]), "a")
    assert _parents(story) == {"a": None, "b": "a", "d": "a", "f": "d"}
    assert story.version("f").reason.startswith("copies d")


def test_many_planted_copies_are_attached_to_their_sources(tmp_path: Path) -> None:
    planted = planted_many(12)
    story = _story(write(tmp_path / "many", planted), "v00")
    assert {v.id: v.derived_from for v in story.versions} == {p.name: p.parent for p in planted}
    assert story.total < 12 * 11 // 2  # each version judged with its nearest, not every pair


def test_a_story_computed_in_a_process_of_its_own_is_the_same_story(tmp_path: Path) -> None:
    folder = write(tmp_path / "four", planted_four())
    seen: list[Story] = []
    apart = Workspace.for_library(Library.open(folder)).story("a", apart=True, report=seen.append)
    assert apart == _story(folder, "a")
    assert seen[0].done == 0
    assert seen[-1] == apart
    workspace = Workspace.for_library(Library.open(folder))
    stopped: list[Story] = []
    workspace.story("a", apart=True, report=stopped.append, should_cancel=lambda: bool(stopped))
    assert len(stopped) == 1
    assert not stopped[0].complete


def test_the_heat_map_counts_the_versions_that_changed_each_sentence(tmp_path: Path) -> None:
    story = _story(write(tmp_path / "four", planted_four()), "a")
    for row in story.rows:
        changed = sum(1 for cell in row.cells if cell.treatment is not Treatment.KEPT)
        assert [sentence.changed_by for sentence in row.sentences] == [changed] * len(
            row.sentences
        ), row.text
    by_text = {row.text[:26]: row.sentences[0].changed_by for row in story.rows}
    assert by_text["The US secretary of state "] == 2  # b's house style, which c copies
    assert by_text["John Kerry told his Russia"] == 0
    assert by_text["Staff threatened"] == 1  # c stops before it


def test_the_timeline_places_each_version_by_day_and_source(tmp_path: Path) -> None:
    story = _story(write(tmp_path / "four", planted_four()), "a")
    line = timeline(story)
    assert line.days == (dt.date(2014, 3, 11), dt.date(2014, 3, 12), dt.date(2014, 3, 13))
    places = {place.id: (place.column, place.lane, place.original) for place in line.places}
    assert places == {"a": (0, 0, True), "b": (1, 1, False), "d": (1, 2, False), "c": (2, 3, False)}
    assert set(line.arrows) == {("b", "a"), ("d", "a"), ("c", "b")}
    undated = timeline(_story(write(tmp_path / "undated", planted_four(dated=False)), "a"))
    assert undated.days == (None,)
