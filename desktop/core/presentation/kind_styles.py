"""How each kind of change looks: one table shared by the report and the window.

Pure data, no Qt. Colours are the Okabe-Ito hues, their shades chosen so that every pair
of kinds stays apart for readers with deuteranopia, protanopia or tritanopia (checked by
``tests/unit/test_legibility.py`` with ``legibility``), and every text reads at WCAG AA or
better on its tint. Every kind also has a cue that needs no colour at all: a line over or
under the text (solid, dotted, dashed or wavy), italics, or a bar in the margin, and on the
overview ruler a mark of its own shape (``RulerMark``). Each kind has a light and a dark
set of ``Tones``, made for the ``PAGES``; the window picks one by its palette and turns the
style into a text format (``ui/styles.py``); the report, made for paper, turns the light one
into CSS with ``css_declarations``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from desktop.core.comparison.changes import ChangeKind


class Line(StrEnum):
    """Where a line is drawn on the highlighted text."""

    NONE = "none"
    UNDERLINE = "underline"
    OVERLINE = "overline"
    LINE_THROUGH = "line-through"


class LineStyle(StrEnum):
    """How an underline is drawn (CSS ``text-decoration-style`` names)."""

    SOLID = "solid"
    DOTTED = "dotted"
    DASHED = "dashed"
    WAVY = "wavy"


class RulerMark(StrEnum):
    """The shape of a kind's mark on the overview ruler, so that no kind needs colour there."""

    FULL = "full"  # the whole width
    LEFT = "left"  # the left half: only in A
    RIGHT = "right"  # the right half: only in B
    OUTLINE = "outline"  # a hollow frame
    DOUBLE = "double"  # two thin stripes
    HATCHED = "hatched"  # diagonal stripes
    DOT = "dot"  # a small square in the middle
    EDGE = "edge"  # a thin line along the right edge


PAGES = MappingProxyType({False: "#FFFFFF", True: "#232323"})
"""The page colours the light (``False``) and the dark (``True``) tones are made for."""


@dataclass(frozen=True, slots=True)
class Tones:
    """The colours of a highlight on one kind of page (light or dark)."""

    colour: str  # the line, the overview ruler's mark, the current change's outline
    background: str  # "" for none: the page's own
    foreground: str  # the text, chosen to read on ``background`` (AA, 4.5:1, or better)
    strong: str = ""  # a deeper ``background`` for the words a rewrite swapped


@dataclass(frozen=True, slots=True)
class KindStyle:
    """The look of one kind of change; ``cue`` says it in words ("wavy underline"). Its
    name and meaning are ``vocabulary.KIND_WORDS``."""

    cue: str
    light: Tones
    dark: Tones
    line: Line
    line_style: LineStyle = LineStyle.SOLID
    italic: bool = False
    bar: bool = False  # a bar in the margin beside the paragraph
    ruler: RulerMark = RulerMark.FULL

    def tones(self, *, dark: bool) -> Tones:
        return self.dark if dark else self.light


KIND_STYLES: Mapping[ChangeKind, KindStyle] = MappingProxyType(
    {
        ChangeKind.REWRITE: KindStyle(
            "wavy underline",
            light=Tones("#663D54", "#E9C6DA", "#000000", strong="#DBA1C1"),
            dark=Tones("#AD678E", "#6F4A5E", "#F2F2F2", strong="#885772"),
            line=Line.UNDERLINE,
            line_style=LineStyle.WAVY,
            ruler=RulerMark.FULL,
        ),
        ChangeKind.REMOVED: KindStyle(
            "a bar in the margin",
            light=Tones("#803800", "#F8E3D2", "#000000"),
            dark=Tones("#B55000", "#352920", "#F2F2F2"),
            line=Line.NONE,
            bar=True,
            ruler=RulerMark.LEFT,
        ),
        ChangeKind.ADDED: KindStyle(
            "underlined",
            light=Tones("#1A80BA", "#D2E6F2", "#000000"),
            dark=Tones("#59A3CD", "#144560", "#F2F2F2"),
            line=Line.UNDERLINE,
            ruler=RulerMark.RIGHT,
        ),
        ChangeKind.MOVED: KindStyle(
            "dashed underline",
            light=Tones("#1AA881", "#93D6C3", "#000000"),
            dark=Tones("#007E5C", "#12614B", "#F2F2F2"),
            line=Line.UNDERLINE,
            line_style=LineStyle.DASHED,
            ruler=RulerMark.OUTLINE,
        ),
        ChangeKind.DUPLICATED: KindStyle(
            "line above",
            light=Tones("#787221", "#FBF7C6", "#000000"),
            dark=Tones("#F6EF8E", "#5B582C", "#F2F2F2"),
            line=Line.OVERLINE,
            ruler=RulerMark.DOUBLE,
        ),
        ChangeKind.TRUNCATED: KindStyle(
            "italic, a bar in the margin",
            light=Tones("#2F6380", "#B3DDF5", "#000000"),
            dark=Tones("#A2D6F3", "#2C3C46", "#F2F2F2"),
            line=Line.NONE,
            italic=True,
            bar=True,
            ruler=RulerMark.HATCHED,
        ),
        ChangeKind.COPY_EDIT: KindStyle(
            "dotted underline",
            light=Tones("#C48700", "", "#000000"),  # subtle: a dotted line, no tint
            dark=Tones("#DB9700", "", "#F2F2F2"),
            line=Line.UNDERLINE,
            line_style=LineStyle.DOTTED,
            ruler=RulerMark.DOT,
        ),
        ChangeKind.BOILERPLATE: KindStyle(
            "grey italic",
            light=Tones("#696969", "#E5E5E5", "#505050"),
            dark=Tones("#C0C0C0", "#404040", "#C8C8C8"),
            line=Line.NONE,
            italic=True,
            ruler=RulerMark.EDGE,
        ),
    }
)
"""Every kind, in the order a reader cares about them: what changes the story comes first."""

_QT_UNDERLINE = {
    LineStyle.SOLID: "solid",
    LineStyle.DOTTED: "dotted",
    LineStyle.DASHED: "dashed",
    LineStyle.WAVY: "wave",
}


def css_swapped(style: KindStyle) -> str:
    """CSS for the words a change swapped ("" for a kind without ``strong`` tints): the
    deeper tint under the kind's own line, as the window paints them."""
    strong = style.light.strong
    return f"background-color: {strong}" if strong else ""


def css_declarations(style: KindStyle) -> str:
    """CSS for a highlight in this style, read alike by browsers and Qt's rich text.

    Browsers read ``text-decoration-line``/``-style``; Qt reads its own
    ``text-underline-style`` (and would reset that style on a plain ``text-decoration``).
    """
    tones = style.light  # paper is white
    parts = [f"background-color: {tones.background}"] if tones.background else []
    parts.append(f"color: {tones.foreground}")
    if style.line is Line.UNDERLINE:
        parts += [
            "text-decoration-line: underline",
            f"text-decoration-style: {style.line_style}",
            f"text-underline-style: {_QT_UNDERLINE[style.line_style]}",
        ]
    elif style.line is not Line.NONE:
        parts.append(f"text-decoration: {style.line}")
    if style.line is not Line.NONE:
        parts.append(f"text-decoration-color: {tones.colour}")
    if style.italic:
        parts.append("font-style: italic")
    if style.bar:
        parts.append(f"border-left: 3px solid {tones.colour}; padding-left: 2px")
    return "; ".join(parts)
