"""``recension related`` and ``recension families`` as a script sees them."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests.conftest import one_line_error


def test_families_json_groups_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    """families --json lists every article in one family, ids stable."""
    assert main(["families", "--json"]) == 0
    families = json.loads(capsys.readouterr().out)["families"]
    assert [[m[:3] for m in f["members"]] for f in families] == [
        ["000", "001"],
        ["002", "004"],
        ["003"],
    ]
    assert [f["id"][:3] for f in families] == ["000", "002", "003"]


def test_families_text_has_one_line_per_family(capsys: pytest.CaptureFixture[str]) -> None:
    """One line per family, with member ids and titles."""
    assert main(["families"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert "Ukraine crisis: US and Russia to hold key talks" in lines[0]
    assert "001_6fcc8634ba5ac4d5" in lines[0]


def test_related_json_names_the_derived_side(capsys: pytest.CaptureFixture[str]) -> None:
    """related 002 --json: 004 is a version, and looks derived from 002."""
    assert main(["related", "002", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["id"].startswith("002")
    (relation,) = result["related"]
    assert {"id", "title", "containment", "jaccard", "derived", "reason"} <= relation.keys()
    assert relation["derived"].startswith("004")
    assert relation["reason"].startswith("004 looks derived from 002")


def test_related_text_shows_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    """related 001 prints 000 with its containment and the reason."""
    assert main(["related", "001"]) == 0
    out = capsys.readouterr().out
    assert "90%" in out
    assert "001 looks derived from 000" in out


def test_related_without_versions_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """003 has no other version, and the output says so."""
    assert main(["related", "003"]) == 0
    assert "no other version above 40% containment" in capsys.readouterr().out


def test_bad_id_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad id: exit 2 and one readable line on stderr (bad numbers: test_cli_options)."""
    assert main(["related", "999"]) == 2
    assert "no article with id '999'" in one_line_error(capsys)
