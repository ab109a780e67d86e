"""The README's command table says what ``recension --help`` says: one source, the parsers."""

from __future__ import annotations

import re

import pytest

from desktop.cli import build_parser, main
from desktop.cli.synopsis import synopses
from tests.conftest import REPO


def _readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(recension[^`]*)` \|", readme, re.MULTILINE)
    return [row.replace("\\|", "|") for row in rows]


def test_the_readme_table_is_the_parsers_synopsis() -> None:
    assert _readme_commands() == synopses(build_parser())


def test_help_lists_the_same_synopsis(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = [line.strip() for line in capsys.readouterr().out.splitlines()]
    for command in _readme_commands():
        assert command in shown


def test_every_option_in_the_readme_prose_exists() -> None:
    """An option named anywhere in the README is one some parser accepts (no stale names)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`recension [^`]*`|`(--[a-z-]+)", readme)) - {""}
    known = {flag for line in synopses(build_parser()) for flag in re.findall(r"--[a-z-]+", line)}
    assert named <= known | {"--library", "--help"}
