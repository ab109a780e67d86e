"""Whether colours can be read and told apart: contrast, colour-vision deficiencies, distance.

The one module that imports ColorAide. ``contrast(foreground, background)`` is the WCAG 2.1
contrast ratio (1 to 21; AA asks 4.5 for body text). ``quiet(text, page)`` is the colour
furthest from ``text`` toward ``page`` that still reads at ``AA`` on ``page``: what metadata,
reasons and other secondary text use, on any palette; ``backing(text, page)`` is ``page``
deepened just enough for ``text`` to read on it (a selection's background). ``seen_by(colour,
vision)`` is how a reader with a colour-vision deficiency sees a colour (Machado, Oliveira and
Fernandes 2009, full severity), and ``distance`` the CIEDE2000 colour difference (about 2 is just
noticeable, 10 plainly different). Colours are CSS hex strings, in and out.

The window needs only the contrast and the sRGB mix, when it paints its first rows: those are
the few lines of WCAG's definition, worked out here as ColorAide works them out (the same
sRGB matrix and rounding; tests/unit/test_legibility.py holds them to ColorAide's answers),
and ColorAide itself (about 50 ms to import) loads with the first simulation or distance.
"""

from __future__ import annotations

import functools
import math
from enum import StrEnum

AA = 4.5
"""WCAG 2.1 level AA: the least contrast for text of ordinary size."""


class Vision(StrEnum):
    """Ways of seeing colour: typical, and the three dichromacies simulated."""

    TYPICAL = "typical"
    DEUTERANOPIA = "deutan"
    PROTANOPIA = "protan"
    TRITANOPIA = "tritan"


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2.1 contrast ratio of ``foreground`` text on ``background``."""
    darker, lighter = sorted((_luminance(foreground), _luminance(background)))
    return (lighter + 0.05) / (darker + 0.05)


@functools.cache
def quiet(text: str, page: str, ratio: float = AA) -> str:
    """``text`` mixed toward ``page`` as far as it can go while keeping ``ratio`` on ``page``.

    When even ``text`` itself falls short, ``text`` is returned unchanged.
    """
    low, high = 0.0, 1.0  # share of ``page`` in the mix: low reads, high may not
    if contrast(text, page) < ratio:
        return text
    for _ in range(24):
        middle = (low + high) / 2
        if contrast(_mix(text, page, middle), page) >= ratio:
            low = middle
        else:
            high = middle
    return _mix(text, page, low)


@functools.cache
def backing(text: str, page: str, ratio: float = AA) -> str:
    """``page`` moved away from ``text`` (toward black behind light text, white behind dark)
    just far enough for ``text`` to read at ``ratio`` on it; ``page`` when it already does.

    When even black or white falls short, that extreme is returned.
    """
    if contrast(text, page) >= ratio:
        return page
    extreme = max(("#000000", "#ffffff"), key=lambda colour: contrast(text, colour))
    low, high = 0.0, 1.0  # share of ``extreme`` in the mix: low falls short, high may read
    for _ in range(24):
        middle = (low + high) / 2
        if contrast(text, _mix(page, extreme, middle)) >= ratio:
            high = middle
        else:
            low = middle
    return _mix(page, extreme, high)


def seen_by(colour: str, vision: Vision) -> str:
    """``colour`` as a reader with ``vision`` sees it, as an sRGB hex string."""
    from coloraide import Color

    if vision is Vision.TYPICAL:
        return Color(colour).to_string(hex=True)
    seen = Color(colour).filter(vision.value, method="machado").clip()
    return str(seen.to_string(hex=True))


def distance(one: str, two: str) -> float:
    """The CIEDE2000 difference between two colours."""
    from coloraide import Color

    return float(Color(one).delta_e(Color(two), method="2000"))


_CHANNEL = 1.0 / 255.0  # one step of a hex channel, multiplied by as ColorAide does
_LUMINANCE = (0.21263900587151024, 0.715168678767756, 0.07219231536073371)
"""sRGB's linear channels to the luminance Y: the middle row of its matrix to CIE XYZ (D65)."""


def _channels(colour: str) -> tuple[float, float, float]:
    """The red, green and blue of ``#rgb`` or ``#rrggbb``, each from 0 to 1."""
    digits = colour.removeprefix("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    if len(digits) != 6:
        raise ValueError(f"not a hex colour: {colour!r}")
    red, green, blue = (int(digits[at : at + 2], 16) * _CHANNEL for at in (0, 2, 4))
    return red, green, blue


def _luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance: the channels decoded from sRGB, then weighted."""
    linear = (c / 12.92 if c < 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _channels(colour))
    return max(0.0, sum(weight * c for weight, c in zip(_LUMINANCE, linear, strict=True)))


def _mix(one: str, two: str, share: float) -> str:
    """``one`` with ``share`` of ``two`` mixed in, in sRGB, rounded (half up) to a hex colour."""
    mixed = (a + (b - a) * share for a, b in zip(_channels(one), _channels(two), strict=True))
    return "#" + "".join(f"{math.floor(c * 255 + 0.5):02x}" for c in mixed)
