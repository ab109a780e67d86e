"""The orders a search's hits can be listed in.

Apart from ``results`` so that the command line's parser, built for ``--help`` and
``--version`` too, names them without loading ``dataclasses``.
"""

from __future__ import annotations

from enum import StrEnum


class SortOrder(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"
