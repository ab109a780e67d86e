"""Credit lines: whose work a story is, read from one line, and sentences left alone."""

from __future__ import annotations

import pytest

from desktop.core.text.credits import credit


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("By BBC News", "BBC News"),
        ("By Tom Pyman for MailOnline", "Tom Pyman for MailOnline"),
        ("Reporting by Jane Smith; Editing by Tom Brown", "Jane Smith"),
        ("Source: Reuters", "Reuters"),
        ("Courtesy of AP", "AP"),
        ("Originally published at theconversation.com.", "theconversation.com"),
        ("This article first appeared in The Guardian on 12 May 2020.", "The Guardian"),
        ("\u00a9 AP", "AP"),
        ("Copyright 2014 Reuters", "Reuters"),
    ],
)
def test_a_credit_line_names_whose_work_it_is(line: str, who: str) -> None:
    """By-lines, sources, first publications and a lone copyright holder are credits."""
    assert credit(line) == who


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday the troops had left.",
        "By Tuesday evening the troops had left the base and returned to barracks.",
        "\u00a9 2024 The Iran Project. All rights reserved.",
        "By :",
        "From Kiev to Moscow",
    ],
)
def test_sentences_and_site_footers_are_not_credits(line: str) -> None:
    """A sentence that opens with 'By', or a site's rights footer, credits nobody."""
    assert credit(line) is None
