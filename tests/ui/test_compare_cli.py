"""``recension compare A B``: bad names exit 2 before any window opens (refs: test_refs)."""

from __future__ import annotations

import pytest

from desktop.cli import main


def test_an_unknown_id_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """No window opens for a name that matches nothing."""
    assert main(["compare", "nope", "002"]) == 2
    assert capsys.readouterr().err == "recension: no article with id 'nope' in the library\n"
