"""How each kind of change looks: one table shared by the report and the window.

Pure data, no Qt. Colours are the Okabe-Ito palette (safe for the common colour-vision
deficiencies) and every kind also has a cue that needs no colour at all: a line through,
over or under the text (solid, dotted, dashed or wavy), or italics. The window turns a
``KindStyle`` into a text format; the report turns it into CSS with ``css_declarations``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from desktop.core.changes import ChangeKind


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
class KindStyle:
    """The look of one kind of change, and the words that explain it in a legend."""

    label: str
    meaning: str
    colour: str
    background: str
    line: Line
    line_style: LineStyle = LineStyle.SOLID
    italic: bool = False
    foreground: str = "#000000"


KIND_STYLES: Mapping[ChangeKind, KindStyle] = MappingProxyType(
    {
        ChangeKind.REMOVED: KindStyle(
            "Removed",
            "only in A: struck through",
            colour="#D55E00",
            background="#F8DCCB",
            line=Line.LINE_THROUGH,
        ),
        ChangeKind.ADDED: KindStyle(
            "Added",
            "only in B: underlined",
            colour="#0072B2",
            background="#D4E6F3",
            line=Line.UNDERLINE,
        ),
        ChangeKind.REWRITE: KindStyle(
            "Rewrite",
            "changed wording that may change what the reader is told: wavy underline",
            colour="#CC79A7",
            background="#F5DDEA",
            line=Line.UNDERLINE,
            line_style=LineStyle.WAVY,
        ),
        ChangeKind.COPY_EDIT: KindStyle(
            "Copy-edit",
            "spelling, case, punctuation or light rewording, same meaning: dotted underline",
            colour="#E69F00",
            background="#FCEFD2",
            line=Line.UNDERLINE,
            line_style=LineStyle.DOTTED,
        ),
        ChangeKind.MOVED: KindStyle(
            "Moved",
            "the same text in another place: dashed underline",
            colour="#009E73",
            background="#D2EEE5",
            line=Line.UNDERLINE,
            line_style=LineStyle.DASHED,
        ),
        ChangeKind.DUPLICATED: KindStyle(
            "Duplicated",
            "a paragraph repeated within one version: line above",
            colour="#F0E442",
            background="#F9F3B9",
            line=Line.OVERLINE,
        ),
        ChangeKind.TRUNCATED: KindStyle(
            "Truncated",
            "the other version stops before this: struck through, italic",
            colour="#56B4E9",
            background="#DDEFFB",
            line=Line.LINE_THROUGH,
            italic=True,
        ),
        ChangeKind.BOILERPLATE: KindStyle(
            "Boilerplate",
            "site chrome around the story, not the story: grey italic",
            colour="#8C8C8C",
            background="#EEEEEE",
            line=Line.NONE,
            italic=True,
            foreground="#595959",
        ),
    }
)

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
    parts = [f"background-color: {style.background}", f"color: {style.foreground}"]
    if style.line is Line.UNDERLINE:
        parts += [
            "text-decoration-line: underline",
            f"text-decoration-style: {style.line_style}",
            f"text-underline-style: {_QT_UNDERLINE[style.line_style]}",
        ]
    elif style.line is not Line.NONE:
        parts.append(f"text-decoration: {style.line}")
    if style.line is not Line.NONE:
        parts.append(f"text-decoration-color: {style.colour}")
    if style.italic:
        parts.append("font-style: italic")
    return "; ".join(parts)
