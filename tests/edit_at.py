"""``edit_at``: ``classify_edit`` on one edit named by the words it swaps, for unit tests."""

from __future__ import annotations

from desktop.core.comparison.edits import Verdict, classify_edit


def edit_at(a_line: str, old: str, b_line: str, new: str) -> Verdict:
    """The verdict on ``old`` (its first place in ``a_line``, empty: an insertion) becoming
    ``new`` (its first place in ``b_line``)."""
    a_start, b_start = a_line.index(old) if old else 0, b_line.index(new) if new else 0
    return classify_edit(
        a_line, (a_start, a_start + len(old)), b_line, (b_start, b_start + len(new))
    )
