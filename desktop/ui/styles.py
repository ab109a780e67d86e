"""The kinds' styles (``core.presentation.kind_styles``, shared with the report) as Qt text formats.

``Theme.for_palette`` picks the light or the dark tones of every kind from the window's
palette, and the palette's own text colour for what no change paints (dimmed text, the
hatching of a gap). The panes, the legend, the change list and the overview ruler all take
their formats and colours from here, and the report its CSS from the same table, so the
window and the report always agree.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QPalette, QTextCharFormat

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.diff import Op
from desktop.core.presentation.kind_styles import KIND_STYLES, Line, LineStyle, Tones

Underline = QTextCharFormat.UnderlineStyle

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
        dim = QColor(text)
        dim.setAlpha(120)
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

        Only rewrites mark their words: the deleted ones struck through and the inserted
        ones underlined, both on a deeper shade of the kind's background.
        """
        style = KIND_STYLES[kind]
        tones = style.tones(dark=self.dark)
        op = op if kind is ChangeKind.REWRITE else Op.EQUAL
        fmt = QTextCharFormat()
        fmt.setForeground(QBrush(QColor(tones.foreground)))
        if tones.background:
            background = QColor(tones.background)
            if op is not Op.EQUAL:
                background = background.lighter(150) if self.dark else background.darker(112)
            fmt.setBackground(QBrush(background))
        fmt.setFontItalic(style.italic)
        fmt.setFontStrikeOut(style.line is Line.LINE_THROUGH or op is Op.DELETE)
        fmt.setFontOverline(style.line is Line.OVERLINE)
        if op is Op.INSERT:
            fmt.setUnderlineStyle(Underline.SingleUnderline)
        elif style.line is Line.UNDERLINE:
            fmt.setUnderlineStyle(_UNDERLINES[style.line_style])
        fmt.setUnderlineColor(self.colour(kind))
        return fmt


def tooltip(kind: ChangeKind, reason: str) -> str:
    """Rich-text tooltip: the kind in bold, then the reason, escaped."""
    return f"<b>{html.escape(KIND_STYLES[kind].label)}</b><br>{html.escape(reason)}"
