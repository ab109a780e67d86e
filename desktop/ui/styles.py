"""How each kind of change looks: a colour-blind-safe tint plus a cue that is not colour.

Colours are the Okabe-Ito palette, told apart by readers with any common colour-vision
deficiency; every kind also has a shape of its own (strike-through, underline style,
italics), so that it reads in greyscale too. ``Theme.for_palette`` picks the light or dark
variant from the window palette. The panes, the legend and the overview ruler all take
their formats and colours from here, so they always agree.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QPalette, QTextCharFormat

from desktop.core.changes import ChangeKind
from desktop.core.diff import Op

# Okabe-Ito
VERMILLION = "#D55E00"
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
PURPLE = "#CC79A7"
SKY = "#56B4E9"
YELLOW = "#F0E442"

Underline = QTextCharFormat.UnderlineStyle

KIND_LABELS: dict[ChangeKind, str] = {
    ChangeKind.REWRITE: "rewritten",
    ChangeKind.REMOVED: "removed",
    ChangeKind.ADDED: "added",
    ChangeKind.MOVED: "moved",
    ChangeKind.DUPLICATED: "duplicated",
    ChangeKind.TRUNCATED: "cut off",
    ChangeKind.COPY_EDIT: "copy-edit",
    ChangeKind.BOILERPLATE: "site chrome",
}
"""Kinds in the order a reader cares about them, with the words the window uses."""


@dataclass(frozen=True, slots=True)
class KindStyle:
    colour: str
    underline: Underline = Underline.NoUnderline
    strike: bool = False
    italic: bool = False
    tint: int = 70  # alpha of the background tint, 0 for none


_STYLES: dict[ChangeKind, KindStyle] = {
    ChangeKind.REMOVED: KindStyle(VERMILLION, strike=True),
    ChangeKind.ADDED: KindStyle(BLUE, Underline.SingleUnderline),
    ChangeKind.REWRITE: KindStyle(ORANGE, Underline.WaveUnderline),
    ChangeKind.COPY_EDIT: KindStyle(GREEN, Underline.DotLine, tint=0),
    ChangeKind.BOILERPLATE: KindStyle("#808080", italic=True, tint=0),
    ChangeKind.MOVED: KindStyle(PURPLE, Underline.DashUnderline),
    ChangeKind.DUPLICATED: KindStyle(SKY, Underline.DashDotLine),
    ChangeKind.TRUNCATED: KindStyle(YELLOW, Underline.DashDotDotLine, strike=True),
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

    def colour(self, kind: ChangeKind) -> QColor:
        """The kind's colour, brightened on a dark background."""
        colour = QColor(_STYLES[kind].colour)
        return colour.lighter(135) if self.dark else colour

    def tint(self, kind: ChangeKind, strength: float = 1.0) -> QColor:
        tint = QColor(_STYLES[kind].colour)
        tint.setAlpha(int(_STYLES[kind].tint * strength * (1.4 if self.dark else 1.0)))
        return tint

    def char_format(self, kind: ChangeKind, op: Op = Op.EQUAL) -> QTextCharFormat:
        """How text painted by a change of ``kind`` looks; ``op`` marks the words it swapped."""
        style = _STYLES[kind]
        op = op if kind is ChangeKind.REWRITE else Op.EQUAL  # only rewrites mark their words
        fmt = QTextCharFormat()
        if kind is ChangeKind.BOILERPLATE:
            fmt.setForeground(QBrush(self.dim))
        if style.tint:
            fmt.setBackground(QBrush(self.tint(kind, 1.0 if op is Op.EQUAL else 2.2)))
        fmt.setFontItalic(style.italic)
        fmt.setFontStrikeOut(style.strike or op is Op.DELETE)
        underline = Underline.SingleUnderline if op is Op.INSERT else style.underline
        fmt.setUnderlineStyle(underline)
        fmt.setUnderlineColor(self.colour(kind))
        return fmt


def tooltip(kind: ChangeKind, reason: str) -> str:
    """Rich-text tooltip: the kind in bold, then the reason, escaped."""
    return f"<b>{html.escape(KIND_LABELS[kind].capitalize())}</b><br>{html.escape(reason)}"
