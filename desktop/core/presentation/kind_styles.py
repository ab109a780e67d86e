"""How each kind of change looks: one table shared by the report and the window.

Pure data, no Qt. Colours are the Okabe-Ito palette (safe for the common colour-vision
deficiencies) and every kind also has a cue that needs no colour at all: a line through,
over or under the text (solid, dotted, dashed or wavy), or italics. Each kind has a light
and a dark set of ``Tones``; the window picks one by its palette and turns the style into a
text format (``ui/styles.py``); the report, made for paper, turns the light one into CSS
with ``css_declarations``.
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


@dataclass(frozen=True, slots=True)
class Tones:
    """The colours of a highlight on one kind of page (light or dark)."""

    colour: str  # the line, the overview ruler's mark, the current change's outline
    background: str  # "" for none: the page's own
    foreground: str  # the text, chosen to read on ``background`` (7:1 or better, chrome 4.5:1)


@dataclass(frozen=True, slots=True)
class KindStyle:
    """The look of one kind of change, and the words that name and explain it."""

    label: str
    meaning: str
    light: Tones
    dark: Tones
    line: Line
    line_style: LineStyle = LineStyle.SOLID
    italic: bool = False

    def tones(self, *, dark: bool) -> Tones:
        return self.dark if dark else self.light


KIND_STYLES: Mapping[ChangeKind, KindStyle] = MappingProxyType(
    {
        ChangeKind.REWRITE: KindStyle(
            "Rewritten",
            "changed wording that may change what the reader is told: wavy underline",
            light=Tones("#CC79A7", "#F5DDEA", "#000000"),
            dark=Tones("#D694B9", "#593F4D", "#F2F2F2"),
            line=Line.UNDERLINE,
            line_style=LineStyle.WAVY,
        ),
        ChangeKind.REMOVED: KindStyle(
            "Removed",
            "only in A (left): struck through",
            light=Tones("#D55E00", "#F8DCCB", "#000000"),
            dark=Tones("#E8894A", "#5C3618", "#F2F2F2"),
            line=Line.LINE_THROUGH,
        ),
        ChangeKind.ADDED: KindStyle(
            "Added",
            "only in B (right): underlined",
            light=Tones("#0072B2", "#D4E6F3", "#000000"),
            dark=Tones("#4FA3D8", "#183C51", "#F2F2F2"),
            line=Line.UNDERLINE,
        ),
        ChangeKind.MOVED: KindStyle(
            "Moved",
            "the same text in another place: dashed underline",
            light=Tones("#009E73", "#D2EEE5", "#000000"),
            dark=Tones("#33B18F", "#184A3D", "#F2F2F2"),
            line=Line.UNDERLINE,
            line_style=LineStyle.DASHED,
        ),
        ChangeKind.DUPLICATED: KindStyle(
            "Duplicated",
            "a paragraph repeated within one version: line above",
            light=Tones("#F0E442", "#F9F3B9", "#000000"),
            dark=Tones("#F3E968", "#504D2A", "#F2F2F2"),
            line=Line.OVERLINE,
        ),
        ChangeKind.TRUNCATED: KindStyle(
            "Cut off",
            "the other version stops before this: struck through, italic",
            light=Tones("#56B4E9", "#DDEFFB", "#000000"),
            dark=Tones("#78C3ED", "#335162", "#F2F2F2"),
            line=Line.LINE_THROUGH,
            italic=True,
        ),
        ChangeKind.COPY_EDIT: KindStyle(
            "Copy-edit",
            "spelling, case, punctuation or light rewording, same meaning: dotted underline",
            light=Tones("#B07800", "", "#000000"),  # subtle: a dotted line, no tint
            dark=Tones("#EBB233", "", "#F2F2F2"),
            line=Line.UNDERLINE,
            line_style=LineStyle.DOTTED,
        ),
        ChangeKind.BOILERPLATE: KindStyle(
            "Site chrome",
            "boilerplate the site put around the story (dates, codes, credits, notices): "
            "grey italic",
            light=Tones("#8C8C8C", "#EEEEEE", "#595959"),
            dark=Tones("#A3A3A3", "#383838", "#B8B8B8"),
            line=Line.NONE,
            italic=True,
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
    return "; ".join(parts)
