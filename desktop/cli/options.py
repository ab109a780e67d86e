"""Numeric options checked where they are parsed: a bad value is one line and exit code 2.

``whole(low, high)`` and ``share(low, high)`` are argparse ``type`` callables that accept
only finite numbers in their range, and say the range when they refuse (``argument --limit:
a whole number from 1 to 1000, not '0'``). ``add_number`` adds such an option with the range
and the default in its help, so ``--help`` and the error say the same thing.

The kinds are plain classes, not dataclasses: the parser is built for ``--version`` and
``--help`` too, and ``dataclasses`` (which loads ``inspect`` and ``ast``) costs those
more than a bare interpreter's whole start.
"""

from __future__ import annotations

import argparse
import math


class Whole:
    """A whole number from ``low`` to ``high``, both included."""

    __slots__ = ("high", "low")

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    @property
    def allowed(self) -> str:
        return f"a whole number from {self.low} to {self.high}"

    def __call__(self, text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = self.low - 1
        if not self.low <= value <= self.high:
            raise argparse.ArgumentTypeError(f"{self.allowed}, not {text!r}")
        return value


class Number:
    """A finite number above ``low`` (or from it, when ``low_included``) up to ``high``."""

    __slots__ = ("high", "low", "low_included")

    def __init__(self, low: float, high: float, *, low_included: bool = True) -> None:
        self.low, self.high, self.low_included = low, high, low_included

    @property
    def allowed(self) -> str:
        if self.low_included:
            return f"a number from {self.low:g} to {self.high:g}"
        return f"a number above {self.low:g}, at most {self.high:g}"

    def __call__(self, text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        above = value >= self.low if self.low_included else value > self.low
        if not (math.isfinite(value) and above and value <= self.high):
            raise argparse.ArgumentTypeError(f"{self.allowed}, not {text!r}")
        return value


def add_number(
    parser: argparse.ArgumentParser,
    flag: str,
    kind: Whole | Number,
    *,
    default: object,
    metavar: str,
    text: str,
    shown_default: object = None,
) -> None:
    """``flag``, taking what ``kind`` accepts; its help ends with the range and the default
    (``shown_default`` when ``default`` is None, meaning "the core's own")."""
    shown = default if shown_default is None else shown_default
    parser.add_argument(
        flag,
        type=kind,
        default=default,
        metavar=metavar,
        help=f"{text} ({kind.allowed}; default {shown})",
    )
