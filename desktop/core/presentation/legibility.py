"""Whether colours can be read and told apart: contrast, colour-vision deficiencies, distance.

The one module that imports ColorAide. ``contrast(foreground, background)`` is the WCAG 2.1
contrast ratio (1 to 21; AA asks 4.5 for body text). ``quiet(text, page)`` is the colour
furthest from ``text`` toward ``page`` that still reads at ``AA`` on ``page``: what metadata,
reasons and other secondary text use, on any palette; ``backing(text, page)`` is ``page``
deepened just enough for ``text`` to read on it (a selection's background). ``seen_by(colour,
vision)`` is how a reader with a colour-vision deficiency sees a colour (Machado, Oliveira and
Fernandes 2009, full severity), and ``distance`` the CIEDE2000 colour difference (about 2 is just
noticeable, 10 plainly different). Colours are CSS hex strings, in and out.
"""

from __future__ import annotations

import functools
from enum import StrEnum

from coloraide import Color

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
    return float(Color(foreground).contrast(Color(background), method="wcag21"))


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
    if vision is Vision.TYPICAL:
        return Color(colour).to_string(hex=True)
    seen = Color(colour).filter(vision.value, method="machado").clip()
    return str(seen.to_string(hex=True))


def distance(one: str, two: str) -> float:
    """The CIEDE2000 difference between two colours."""
    return float(Color(one).delta_e(Color(two), method="2000"))


def _mix(one: str, two: str, share: float) -> str:
    """``one`` with ``share`` of ``two`` mixed in, in sRGB, rounded to a hex colour."""
    return str(Color(one).mix(Color(two), share, space="srgb").to_string(hex=True))
