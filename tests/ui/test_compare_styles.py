"""The window paints each kind in the shared table's tones: light or dark, as the palette is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from desktop.core.comparison.changes import ChangeKind
from desktop.core.presentation.kind_styles import KIND_STYLES, RulerMark
from desktop.core.presentation.legibility import AA, contrast
from desktop.core.presentation.report import render_report
from desktop.ui.styles import quiet_colour
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


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_secondary_text_reads_at_aa_on_its_background(open_pair: Opener, dark: bool) -> None:  # type: ignore[no-untyped-def]
    """Header metadata, the evidence line and change-list reasons, as painted: 4.5:1 or more."""
    window = open_pair("000", "001")
    if dark:
        window.setPalette(dark_palette())
    palette = window.palette()
    quiet = quiet_colour(palette).name()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        assert contrast(quiet, palette.color(role).name()) >= AA
    for label in (window.left_header.meta, window.summary.evidence):
        assert label.palette().color(QPalette.ColorRole.WindowText).name() == quiet
    reasons = window.changes.grab().toImage()
    colours = {
        reasons.pixelColor(x, y).name() for x in range(reasons.width()) for y in range(60, 120)
    }
    assert quiet in colours  # the reasons are painted in it


def test_a_rewrite_is_drawn_with_the_wavy_underline_of_the_legend(open_pair: Opener) -> None:  # type: ignore[no-untyped-def]
    """The rewritten words of 000 ↔ 001 and the legend chip: a wave, and never struck through."""
    window = open_pair("000", "001")
    shown = pane_text_format(window.right, "Russia and the US")
    assert shown.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert not shown.fontStrikeOut()
    window.opened.update(
        c.fold for r in window.layout_.rows for c in (r.a, r.b) if c and c.is_fold()
    )
    window.show_result()  # the removed section, folded as a gap, opened
    removed = pane_text_format(window.left, "Sluggish")
    assert not removed.fontStrikeOut()  # a bar in the margin instead


def test_the_ruler_marks_each_kind_with_its_own_shape(open_pair: Opener) -> None:  # type: ignore[no-untyped-def]
    """A removed paragraph fills the left half of the ruler only; an added one the right half."""
    window = open_pair("000", "001")
    shapes = {mark.shape for mark in window.ruler.marks}
    assert RulerMark.LEFT in shapes
    removed = next(mark for mark in window.ruler.marks if mark.shape is RulerMark.LEFT)
    image = window.ruler.grab().toImage()
    y = int((removed.top + removed.bottom) / 2 * window.ruler.height())
    left, right = image.pixelColor(5, y), image.pixelColor(image.width() - 5, y)
    assert left.name() == removed.colour.name()
    assert right.name() != removed.colour.name()
