"""The window paints each kind in the shared table's tones: light or dark, as the palette is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from desktop.core.comparison.changes import ChangeKind
from desktop.core.presentation.kind_styles import KIND_STYLES
from desktop.core.presentation.report import render_report
from tests.ui.conftest import Opener
from tests.ui.test_compare import pane_text_format

DARK = {
    QPalette.ColorRole.Window: "#2B2B2B",
    QPalette.ColorRole.WindowText: "#EEEEEE",
    QPalette.ColorRole.Base: "#232323",
    QPalette.ColorRole.AlternateBase: "#2E2E2E",
    QPalette.ColorRole.Text: "#F2F2F2",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#EEEEEE",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("dark", [False, True])
def test_highlights_take_the_tones_of_the_palette(open_pair: Opener, dark: bool) -> None:  # type: ignore[no-untyped-def]
    """Site chrome, the legend and the ruler use the light or the dark tones of the table."""
    window = open_pair("002", "004")
    if dark:
        window.setPalette(dark_palette())
    chrome = KIND_STYLES[ChangeKind.BOILERPLATE].tones(dark=dark)
    shown = pane_text_format(window.right, "Story Code : 88635")
    assert shown.background().color().name() == chrome.background.lower()
    assert shown.foreground().color().name() == chrome.foreground.lower()
    assert shown.fontItalic()
    kinds = {window.comparison.changes[stop.change].kind for stop in window.layout_.stops}
    expected = {KIND_STYLES[kind].tones(dark=dark).colour.lower() for kind in kinds}
    assert {mark.colour.name() for mark in window.ruler.marks} == expected


@pytest.mark.parametrize(
    ("needle", "kind"),
    [("defense", ChangeKind.COPY_EDIT), ("Home Breaking News", ChangeKind.BOILERPLATE)],
)
def test_the_window_and_the_report_share_one_look(
    open_pair: Opener, needle: str, kind: ChangeKind
) -> None:  # type: ignore[no-untyped-def]
    """A highlight in the window has the background (or none) and text colour of the report's."""
    window = open_pair("000", "001")
    shown = pane_text_format(window.right, needle)
    css = render_report(window.comparison).lower()
    fill = shown.background()
    painted = (
        ""
        if fill.style() == Qt.BrushStyle.NoBrush
        else f"background-color: {fill.color().name()}; "
    )
    assert f".k-{kind} {{ {painted}color: {shown.foreground().color().name()};" in css
