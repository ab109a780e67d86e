"""The story window: opened from the sidebar's group and the reader, filled in as the
pairs complete, a click on a cell opens that comparison at the change it shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from desktop.core.comparison.changes import ChangeKind
from desktop.core.storage.library import Library
from desktop.core.story.model import Cell
from desktop.core.workspace import Workspace
from desktop.ui.results import StoryRole
from desktop.ui.story import StoryWindow
from desktop.ui.story_grid import CellRole
from tests.story_maker import planted_four, write


def _open_from_group(window, qtbot, first: str):  # type: ignore[no-untyped-def]
    view = window.sidebar.view
    model = view.model()
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    header = next(index for index in rows if str(index.data(StoryRole) or "").startswith(first))
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(header).center()
    )
    qtbot.waitUntil(lambda: bool(window._stories), timeout=5_000)
    story_window = window._stories[-1]
    qtbot.waitUntil(lambda: not story_window.is_busy(), timeout=20_000)
    return story_window


def test_a_group_opens_the_story_and_a_cell_opens_its_comparison(window, qtbot) -> None:
    story_window = _open_from_group(window, qtbot, "002")
    assert story_window.isVisible()
    summary = story_window.findChild(QLabel, "storySummary").text()
    assert summary.startswith("2 versions from 2 sources; 1 copies BBC News")
    assert "The Iran Project adds 6 repeated paragraphs" in summary
    legend = story_window.legend.accessibleDescription()
    assert legend.startswith("Cells: Kept, ")
    assert "Copy-edit" in legend
    assert "Rewritten" in legend
    grid = story_window.grid
    model = grid.model()
    assert model.headerData(1, Qt.Orientation.Horizontal).startswith("The Iran Project")
    cells = [model.index(row, 1) for row in range(model.rowCount())]
    rewritten = next(i for i in cells if i.data(CellRole).kind is ChangeKind.REWRITE)
    assert rewritten.data() == "Rewritten"
    cell: Cell = rewritten.data(CellRole)
    grid.scrollTo(rewritten)
    QTest.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(rewritten).center()
    )
    compared = story_window.comparisons[-1]
    qtbot.waitUntil(
        lambda: compared.comparison is not None and compared.current_change() is not None,
        timeout=20_000,
    )
    assert compared.a.id.startswith("002")
    assert compared.b.id.startswith("004")
    assert compared.current_change() == cell.change
    assert compared.comparison.changes[cell.change].kind is ChangeKind.REWRITE
    compared.close()
    story_window.close()


def test_the_readers_versions_link_opens_the_story(window, qtbot) -> None:
    window.sidebar.select_id("001_6fcc8634ba5ac4d5")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("001"), timeout=10_000)
    hint = window.findChild(QLabel, "readerHint")
    assert "See every version at once" in hint.text()
    hint.linkActivated.emit("story")
    story_window = window._stories[-1]
    qtbot.waitUntil(lambda: not story_window.is_busy(), timeout=20_000)
    assert story_window.story is not None
    assert [v.id[:3] for v in story_window.story.versions] == ["000", "001"]
    assert story_window.story.version("001_6fcc8634ba5ac4d5").derived_from.startswith("000")
    story_window.close()


def test_the_window_fills_in_and_a_timeline_box_opens_the_copy_beside_its_source(
    qtbot, tmp_path: Path
) -> None:
    folder = write(tmp_path / "four", planted_four())
    workspace = Workspace.for_library(Library.open(folder))
    shown: list[tuple[str, list[str]]] = []
    story_window = StoryWindow(workspace.article("a"), workspace)
    qtbot.addWidget(story_window)

    def seen() -> None:
        model = story_window.grid.model()
        cells = [model.index(row, 1).data() for row in range(model.rowCount())]
        shown.append((story_window.summary.text(), cells))

    story_window.story_shown.connect(seen)
    story_window.show()
    qtbot.waitUntil(lambda: not story_window.is_busy(), timeout=20_000)
    first, last = shown[0], shown[-1]
    assert "(so far: 0 of" in first[0]
    assert set(first[1]) == {"Not compared yet"}
    assert "so far" not in last[0]
    assert "Not compared yet" not in last[1]
    box = story_window.timeline.box_of("c")
    QTest.mouseClick(story_window.timeline, Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    compared = story_window.comparisons[-1]
    qtbot.waitUntil(lambda: compared.comparison is not None, timeout=20_000)
    assert (compared.a.id, compared.b.id) == ("b", "c")  # c copies b
    compared.close()
    story_window.close()
