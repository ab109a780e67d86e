"""One judge: every view of a pair says the same side looks derived, in the same words.

``diff`` (text and JSON), ``related`` (JSON), the workspace's "Compare with…" relations
(the window's tooltips), the window's summary verdict and the report all take their verdict
from ``comparison.derivation``; checked on the seed pairs and on constructed pairs whose
signs point different ways.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from html import escape
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.cli.diff_commands import summary
from desktop.core.comparison.compare import compare
from desktop.core.comparison.derivation import Evidence, SideEvidence, derived_side, reason
from desktop.core.presentation.report import render_report
from desktop.core.presentation.verdict import verdict
from desktop.core.storage.library import Library
from desktop.core.workspace import Workspace

_BODY = [
    "Officials from both countries met in Geneva on Monday to discuss the terms of a "
    "ceasefire that would allow aid convoys to reach the besieged towns in the east.",
    "The talks lasted more than six hours and ended without a joint statement, although "
    "both delegations described the atmosphere as constructive and businesslike.",
    "A second round is expected next week, when the foreign ministers themselves are due "
    "to join the negotiators and settle the question of international observers.",
    "Aid agencies warned that food and medicine were running short in several districts "
    "and that the winter would make the roads impassable within a month.",
    "Residents interviewed by telephone said the shelling had eased since the weekend but "
    "that few of them dared to leave their basements during the day.",
]


def _text(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


# Each pair: (file name, text) for A and B, in a library folder of their own.
PAIRS = {
    # The pair: A has a URL line and a story code and an earlier dateline, B a later
    # one: more chrome points at A, the later date at B, so neither looks derived.
    "chrome-against-date": (
        _text(
            "Talks in Geneva end without agreement",
            "Saturday 1 March 2014 - 10:15",
            "https://example.com/world/2014/03/01/talks-in-geneva",
            "Story Code : 88635",
            *_BODY,
        ),
        _text("Talks in Geneva end without agreement", "Sunday 9 March 2014 - 09:40", *_BODY),
    ),
    "truncated-copy": (
        _text("Talks in Geneva end without agreement", *_BODY),
        _text("Talks in Geneva end without agreement", *_BODY[:2], "Your Name", "Your Email"),
    ),
    "repeated-paragraph": (
        _text("Talks in Geneva end without agreement", *_BODY),
        _text("Talks in Geneva end without agreement", _BODY[0], *_BODY),
    ),
    "identical-later": (
        _text("Talks in Geneva end", "Monday 3 March 2014 - 10:15", *_BODY),
        _text("Talks in Geneva end", "Tuesday 4 March 2014 - 10:15", *_BODY),
    ),
}


def _said(
    workspace: Workspace, a_id: str, b_id: str, capsys: pytest.CaptureFixture[str],
    library_args: list[str], *, versions: bool = True,
) -> set[tuple[str | None, str]]:  # fmt: skip
    """(derived id, reason) as every route says it for the pair A, B (both orders).

    Unless ``versions``, the pair may be too unlike to be listed among the other's
    versions and similar articles; where it is listed, the verdict must agree.
    """
    a, b = workspace.article(a_id), workspace.article(b_id)
    said: set[tuple[str | None, str]] = set()
    for left, right in ((a, b), (b, a)):
        comparison = compare(left, right, recurring=workspace.recurring)
        derived = comparison.derived
        copy = None if derived is None else (left if derived.side == "a" else right).id
        why = reason(comparison.evidence)
        said.add((copy, why))
        assert derived is None or derived.reason == why
        # the window's summary and the report
        shown = verdict(comparison)
        if copy is None:
            assert shown.evidence.startswith("Neither version looks derived")
        else:
            assert " looks derived from " in shown.headline
            report = render_report(comparison)
            assert escape(shown.headline) in report
            assert escape(shown.evidence) in report
            assert why in summary(comparison)
        # the window's "Compare with…" entries and their tooltips
        relations = [r for r in workspace.similar(left.id) if r.id == right.id]
        assert relations or not versions
        said.update((relation.derived, relation.reason) for relation in relations)
        # the command line, as JSON
        assert main([*library_args, "diff", left.id, right.id, "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        json_derived = data["derived"]
        json_copy = (
            None if json_derived is None else {"a": left, "b": right}[json_derived["side"]].id
        )
        said.add((json_copy, why if json_derived is None else json_derived["reason"]))
        assert main([*library_args, "related", left.id, "--json", "--threshold", "0.1"]) == 0
        related = json.loads(capsys.readouterr().out)["related"]
        entries = [r for r in related if r["id"] == right.id]
        assert entries or not versions
        said.update((entry["derived"], entry["reason"]) for entry in entries)
    return said


@pytest.mark.parametrize(
    ("a", "b"), list(itertools.combinations(["000", "001", "002", "003", "004"], 2))
)
def test_every_view_agrees_on_the_seeds(a: str, b: str, capsys: pytest.CaptureFixture[str]) -> None:
    """For the seed pairs, diff, related, the window and the report name the same copy."""
    workspace = Workspace.for_library(Library.open())
    workspace.refresh()
    ids = {article.id[:3]: article.id for article in workspace.articles()}
    versions = {a, b} in ({"000", "001"}, {"002", "004"})
    said = _said(workspace, ids[a], ids[b], capsys, [], versions=versions)
    assert len(said) == 1, said
    ((copy, why),) = said
    if versions:
        assert copy == ids["001" if "001" in (a, b) else "004"]
        assert why.startswith(f"{copy[:3]} looks derived from ")
    else:
        assert copy is None


@pytest.mark.parametrize("pair", list(PAIRS))
def test_every_view_agrees_on_constructed_pairs(
    pair: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pairs whose signs pull different ways get one verdict, whichever view is asked."""
    folder = tmp_path / pair
    folder.mkdir()
    for name, text in zip(("a", "b"), PAIRS[pair], strict=True):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    workspace = Workspace.for_library(Library.open(folder))
    workspace.refresh()
    said = _said(workspace, "a", "b", capsys, ["--library", str(folder)])
    assert len(said) == 1, said
    ((copy, why),) = said
    expected = {
        "chrome-against-date": None,
        "truncated-copy": "b",
        "repeated-paragraph": "b",
        "identical-later": "b",
    }[pair]
    assert copy == expected, why


def _side(name: str, contained: float, **signs: object) -> SideEvidence:
    fields = {"date": None, "chrome_lines": 0, "repeated": 0, "ends_early": False} | signs
    return SideEvidence(name, contained, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "side", "words"),
    [
        (_side("A", 0.9), _side("B", 0.5), "a", "90% of A is in B (50% the other way)"),
        (
            _side("A", 0.9, chrome_lines=2, date=dt.date(2014, 3, 1)),
            _side("B", 0.9, date=dt.date(2014, 3, 9)),
            None,
            "A has more site chrome (2 against 0 lines)",
        ),
        (
            _side("A", 0.8, date=dt.date(2014, 3, 1)),
            _side("B", 0.8, date=dt.date(2014, 3, 9), ends_early=True),
            "b",
            "B is dated later (2014-03-09 against 2014-03-01), B ends early, where A goes on",
        ),
        (_side("A", 1.0), _side("B", 1.0), None, "neither looks derived: no sign either way"),
    ],
)
def test_the_judge_weighs_the_signs_and_says_them(
    a: SideEvidence, b: SideEvidence, side: str | None, words: str
) -> None:
    """Contained counts two votes, every other sign one; the sentence quotes each sign."""
    evidence = Evidence(a, b, similarity=0.9)
    assert derived_side(evidence) == side
    assert words in reason(evidence)
    mirrored = Evidence(b, a, similarity=0.9)
    assert derived_side(mirrored) == {"a": "b", "b": "a", None: None}[side]
    assert reason(mirrored) == reason(evidence)
