"""Every numeric option refuses what it cannot mean: exit 2, one line naming it and its range."""

from __future__ import annotations

import argparse

import pytest

from desktop.cli import build_parser, main
from desktop.cli.options import Number, Whole
from tests.conftest import one_line_error


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (["search", "Kerry", "--limit", value], "a whole number from 1 to 1000")
        for value in ("0", "-5", "1001", "2.5", "many")
    ]
    + [(["search", "Kerry", "--page", value], "a whole number from 1 to") for value in ("0", "-1")]
    + [
        (["related", "000", "--limit", value], "a whole number from 1 to 1000")
        for value in ("0", "-1")
    ]
    + [
        ([command, *ids, "--threshold", value], "a number above 0, at most 1")
        for command, ids in (("related", ["000"]), ("families", []))
        for value in ("0", "-0.5", "1.5", "nan", "inf")
    ]
    + [
        (["add", "--max-mb", value, "x.txt"], "a number above 0, at most 1024")
        for value in ("nan", "inf", "1e308", "-1", "0")
    ],
)
def test_a_bad_number_exits_2_naming_the_option_and_range(
    argv: list[str], allowed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = one_line_error(capsys)
    option = next(arg for arg in argv if arg.startswith("--"))
    assert f"argument {option}: {allowed}" in err
    assert repr(argv[argv.index(option) + 1]) in err


def test_related_limit_1_shows_the_closest_version(capsys: pytest.CaptureFixture[str]) -> None:
    """The smallest allowed limit still answers truly: 90% of 001 is aligned with 000."""
    assert main(["related", "000", "--limit", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:2] == ["001_6fcc8634ba5ac4d5", "90%"]


def test_help_states_the_range_and_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--limit N hits per page (a whole number from 1 to 1000; default 20)" in help_text


def test_library_is_accepted_after_the_command(
    seed_folder, capsys: pytest.CaptureFixture[str]
) -> None:
    """``recension list --library DIR`` reads DIR, as ``recension --library DIR list`` does."""
    (seed_folder / "extra.txt").write_text("Marmalade prices soar\n\nFrost ruined the harvest.")
    assert main(["list", "--library", str(seed_folder)]) == 0
    assert "Marmalade prices soar" in capsys.readouterr().out
    assert main(["list", "--library", str(seed_folder / "nowhere")]) == 2
    assert "is not a folder" in one_line_error(capsys)


def test_every_numeric_option_is_range_checked() -> None:
    """No option takes a bare int or float: each says its range and refuses the rest."""
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    actions = [a for command in commands.choices.values() for a in command._actions]
    assert not [a.dest for a in actions if a.type in (int, float)]
    checked = {a.option_strings[0] for a in actions if isinstance(a.type, Whole | Number)}
    assert checked == {"--limit", "--page", "--threshold", "--max-mb"}
