"""The kinds' styles (``core.presentation.kind_styles``, shared with the report) as Qt text formats.

``Theme.for_palette`` picks the light or the dark tones of every kind from the window's
palette, and the palette's own text colour for what no change paints (quiet text that
still reads at WCAG AA on the page, the hatching of a gap). The panes, the legend, the
change list and the overview ruler all take their formats and colours from here, and the
report its CSS from the same table, so the window and the report always agree.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QWidget

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.diff import Op
from desktop.core.presentation.kind_styles import KIND_STYLES, Line, LineStyle, Tones
from desktop.core.presentation.legibility import AA, backing, contrast, quiet
from desktop.core.presentation.vocabulary import label

Underline = QTextCharFormat.UnderlineStyle
Role = QPalette.ColorRole
BAR_WIDTH = 4  # the bar in the margin of a removed or cut-off paragraph
SELECTED = AA + 0.1  # a selected row's contrast: AA, with room for the style's shading

_UNDERLINES = {
    LineStyle.SOLID: Underline.SingleUnderline,
    LineStyle.DOTTED: Underline.DotLine,
    LineStyle.DASHED: Underline.DashUnderline,
    LineStyle.WAVY: Underline.WaveUnderline,
}


@dataclass(frozen=True, slots=True)
class Theme:
    dark: bool
    text: QColor
    dim: QColor
    gap: QColor

    @classmethod
    def for_palette(cls, palette: QPalette) -> Theme:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dim = quiet_colour(palette)
        gap = QColor(text)
        gap.setAlpha(45)
        return cls(dark=base.lightness() < 128, text=text, dim=dim, gap=gap)

    def tones(self, kind: ChangeKind) -> Tones:
        return KIND_STYLES[kind].tones(dark=self.dark)

    def colour(self, kind: ChangeKind) -> QColor:
        """The kind's own colour: its line, its mark on the ruler."""
        return QColor(self.tones(kind).colour)

    def char_format(self, kind: ChangeKind, op: Op = Op.EQUAL) -> QTextCharFormat:
        """How text painted by a change of ``kind`` looks; ``op`` marks the words it swapped.

        Only rewrites mark the words they swapped: on the deeper ``strong`` tint, with the
        kind's own line (the wavy underline the legend shows), never a strike-through.
        """
        style = KIND_STYLES[kind]
        tones = style.tones(dark=self.dark)
        fmt = QTextCharFormat()
        fmt.setForeground(QBrush(QColor(tones.foreground)))
        swapped = op is not Op.EQUAL and bool(tones.strong)
        background = tones.strong if swapped else tones.background
        if background:
            fmt.setBackground(QBrush(QColor(background)))
        fmt.setFontItalic(style.italic)
        fmt.setFontStrikeOut(style.line is Line.LINE_THROUGH)
        fmt.setFontOverline(style.line is Line.OVERLINE)
        if style.line is Line.UNDERLINE:
            fmt.setUnderlineStyle(_UNDERLINES[style.line_style])
        fmt.setUnderlineColor(self.colour(kind))
        return fmt


HIT_TONES = {False: ("#FFE08A", "#000000"), True: ("#7A5C00", "#FFFFFF")}
"""A search or find hit's background and text, on a light (``False``) or dark page: the
sidebar's snippets, the reading pane and its find bar all mark hits so."""


def hit_tones(palette: QPalette) -> tuple[str, str]:
    """(background, text) of a hit on this palette's page (``HIT_TONES``)."""
    return HIT_TONES[palette.color(QPalette.ColorRole.Base).lightness() < 128]


def quiet_colour(palette: QPalette) -> QColor:
    """Secondary text (metadata, reasons, counts of nothing): dimmer than the text, and still
    WCAG AA both on a page (``Base``) and on the window's own background."""
    text = palette.color(QPalette.ColorRole.Text).name()
    page, window = (palette.color(role).name() for role in (Role.Base, Role.Window))
    return QColor(_quiet_on(text, page, window))


@functools.cache
def _quiet_on(text: str, *pages: str) -> str:
    """The quiet colour of ``text`` on ``pages``, worked out once a palette (a grid paints
    it in every cell)."""
    dimmed = [quiet(text, page) for page in pages]
    return max(dimmed, key=lambda colour: min(contrast(colour, page) for page in pages))


def selection_page(palette: QPalette) -> str:
    """The selection's background deepened until its text reads at WCAG AA on it (Fusion's
    own blue under white text is 3.7:1)."""
    text = palette.color(Role.HighlightedText).name()
    return backing(text, palette.color(Role.Highlight).name(), SELECTED)


def legible_selection(view: QWidget) -> None:
    """Paint ``view``'s selected rows on ``selection_page``."""
    palette = view.palette()
    palette.setColor(Role.Highlight, QColor(selection_page(palette)))
    view.setPalette(palette)


def quieten(label: QWidget, palette: QPalette) -> None:
    """Paint ``label``'s text in the quiet colour of ``palette``."""
    label.setStyleSheet(f"color: {quiet_colour(palette).name()}")


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shown as typed: Qt would render a tooltip that looks like markup."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def tooltip(kind: ChangeKind, reason: str) -> str:
    """Rich-text tooltip: the kind in bold, then the reason, escaped."""
    return f"<b>{html.escape(label(kind))}</b><br>{html.escape(reason)}"
