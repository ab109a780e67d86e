"""``recension story``: the JSON a script reads, the text and the HTML report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import one_line_error
from tests.story_maker import planted_four, write


def test_story_json_names_who_copies_whom_in_the_samples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["story", "004", "--json"]) == 0
    story = json.loads(capsys.readouterr().out)
    assert story["id"].startswith("004")
    assert story["original"].startswith("002")
    versions = {v["id"][:3]: v for v in story["versions"]}
    assert versions["004"]["derived_from"].startswith("002")
    assert versions["002"]["derived_from"] is None
    assert versions["004"]["counts"]["duplicated"] == 6
    assert set(versions["004"]) >= {"id", "title", "source", "date", "derived_from", "reason"}
    assert versions["004"]["source"] == "The Iran Project"
    first = story["collation"][0]
    assert first["text"].startswith("Ukraine crisis: John Kerry rejects")
    assert first["cells"][0]["version"].startswith("004")
    treatments = {c["treatment"] for row in story["collation"] for c in row["cells"]}
    assert treatments >= {"kept", "copy-edited", "rewritten", "missing"}
    assert "The Iran Project adds 6 repeated paragraphs" in story["summary"]


def test_story_text_says_the_lineage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = write(tmp_path / "four", planted_four())
    assert main(["--library", str(folder), "story", "d", "--text"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("4 versions from 4 sources; 2 copy BBC News of 11 March 2014")
    assert "c  2014-03-13  Gazette Online" in out
    assert any(line.strip().startswith("copies b: 100% of c is in b") for line in out)


def test_story_html_is_a_self_contained_escaped_report(tmp_path: Path) -> None:
    versions = planted_four()
    versions[0] = versions[0].__class__(
        "a", "<script>alert(1)</script>\n\n" + versions[0].text, "BBC News", None, None
    )
    folder = write(tmp_path / "four", versions)
    out = tmp_path / "story.html"
    assert main(["--library", str(folder), "story", "b", "--html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "http" not in html.replace("https://worldwire.example.com", "")
    assert 'class="k-truncated"' in html  # c, cut off, in the kind's style
    assert "Every version of" in html


def test_story_of_an_unknown_id_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["story", "nosuch"]) == 2
    assert "nosuch" in one_line_error(capsys)
