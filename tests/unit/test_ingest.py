"""Files become clean articles: encodings, mojibake, HTML, sidecars, and a reason for bad files."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import IngestError
from desktop.core.text.ingest import ingest_bytes, ingest_file, lay_out
from tests.conftest import REPO, SEEDS

DATA = REPO / "tests" / "data" / "ingest"
CAFE = "The café owners said the rules were"


@pytest.mark.parametrize("name", ["cp1252.txt", "utf16_bom.txt", "utf8_bom.txt", "mojibake.txt"])
def test_every_encoding_reads_as_the_same_words(name: str) -> None:
    """Legacy, UTF-16 and BOM-marked files and mojibake all read as clean text."""
    text = ingest_file(DATA / name).article.text
    assert text.startswith("Café owners protest\n\nThe café owners")
    assert "\r" not in text
    assert "\ufeff" not in text


def test_curly_quotes_and_dashes_survive_decoding() -> None:
    """The author's typography is kept, only the encoding changes."""
    assert "were \u201cunfair\u201d \u2013 and" in ingest_file(DATA / "cp1252.txt").article.text


def test_mojibake_is_repaired_and_noted() -> None:
    """``â€¦`` reads ``…`` and the import says it was repaired."""
    ingested = ingest_file(DATA / "mojibake.txt")
    assert "unfair \u2013 and they would fight them\u2026" in ingested.article.text
    assert "mojibake repaired" in ingested.notes


def test_seed_003_mojibake_reads_as_an_ellipsis() -> None:
    """The Guardian seed's ``â€¦`` is shown as ``…``."""
    text = ingest_file(SEEDS / "003_fdc6c1aa6c633632.txt").article.text
    assert "these are not pleasant things … We find" in text
    assert "â€" not in text


def test_html_keeps_the_story_and_drops_the_chrome() -> None:
    """Menus, footer and the newsletter plea are gone; the paragraphs are kept."""
    text = ingest_file(DATA / "page.html").article.text
    assert "the new ferry line will open in June" in text
    assert "two summer seasons in a row." in text
    for chrome in ("Sport", "Cookie settings", "Sign up to our newsletter"):
        assert chrome not in text


def test_html_metadata_gives_title_source_date_and_url() -> None:
    """Title, site name, publication date and canonical URL come from the page."""
    article = ingest_file(DATA / "page.html").article
    assert (article.title, article.source, article.date.isoformat(), article.url) == (
        "Ferry line to open in June",
        "Harbour Gazette",
        "2021-05-17",
        "https://harbourgazette.example.com/news/ferry-line",
    )


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [("page.html", "the new ferry line will open in June"), ("cp1252.txt", CAFE)],
)
def test_unknown_extensions_are_sniffed(tmp_path: Path, fixture: str, expected: str) -> None:
    """A saved page or text with an odd name is still read as what it is."""
    renamed = tmp_path / "download.dat"
    renamed.write_bytes((DATA / fixture).read_bytes())
    text = ingest_file(renamed).article.text
    assert expected in text
    assert "<p>" not in text


def test_a_sidecar_overrides_the_heuristics(tmp_path: Path) -> None:
    """``NAME.meta.json`` gives the title, source, date and url."""
    (tmp_path / "story.txt").write_text("Home News A guessed title\n\nBy Nobody\n\nText.")
    sidecar = {"title": "True title", "source": "Reuters", "date": "2020-01-02", "url": "u"}
    (tmp_path / "story.meta.json").write_text(json.dumps(sidecar))
    article = ingest_file(tmp_path / "story.txt").article
    assert (article.title, article.source, str(article.date), article.url) == (
        "True title",
        "Reuters",
        "2020-01-02",
        "u",
    )


@pytest.mark.parametrize(
    ("stem", "title", "source", "date"),
    [
        ("000", "Ukraine crisis: US and Russia to hold key talks", "BBC News", "2014-03-05"),
        ("001", "Russia and US to hold crucial talks over Ukraine crisis", "", "None"),
        ("002", "Ukraine crisis: John Kerry rejects", "BBC News", "2014-03-11"),
        ("003", "Russian foreign minister and US secretary of state", "The Guardian", "2014-03-30"),
        ("004", "John Kerry rejects Vladimir Putin talks", "The Iran Project", "2014-03-11"),
    ],
)  # fmt: skip
def test_each_seed_has_its_title_source_and_date(
    stem: str, title: str, source: str, date: str
) -> None:
    """The seeds show sensible titles (heuristic) and their true source and date (sidecar)."""
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    article = ingest_file(path).article
    assert article.title.startswith(title)
    assert (article.source, str(article.date)) == (source, date)


def test_seed_004_heuristics_without_its_sidecar() -> None:
    """Without a sidecar, 004's dateline and URL line give the date and the site."""
    (path,) = SEEDS.glob("004_*.txt")
    article = ingest_bytes(path.read_bytes(), suffix=".txt", article_id="004", origin="")
    assert (article.article.source, str(article.article.date)) == (
        "theiranproject.com",
        "2014-03-11",
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Home Breaking News Ferry line opens\n\nFerry line opens\n\nText.", "Ferry line opens"),
        ("Story Code : 123\n\n12 May 2020\n\nMayor resigns today\n\nText.", "Mayor resigns today"),
        ("By BBC\n\nhttps://example.com/x\n\nTwo words", "By BBC"),
    ],
)
def test_title_skips_site_chrome(text: str, title: str) -> None:
    """Breadcrumbs, story codes and datelines are not the title."""
    article = ingest_bytes(text.encode(), suffix=".txt", article_id="x", origin="").article
    assert article.title == title


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A story here\n\nBy Reuters", "Reuters"),
        ("A story here\n\nSource: Associated Press", "Associated Press"),
        ("A story here, first published at www.dw.com today", "dw.com"),
    ],
)
def test_source_from_credit_lines_and_domains(text: str, source: str) -> None:
    """A credit line or a domain in the text names the source."""
    article = ingest_bytes(text.encode(), suffix=".txt", article_id="x", origin="").article
    assert article.source == source


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Title\nline one\nline two", "Title\n\nline one\n\nline two"),
        ("Ferry line opens in June\nofficials say", "Ferry line opens in June\n\nofficials say"),
        ("A\n\n\n\nB  \n   C", "A\n\nB\n\nC"),
        (
            "The minister said on Monday that the harbour plan\n"
            "would go ahead in the spring, and that all of its\nfunding was secured.",
            "The minister said on Monday that the harbour plan would go ahead in the spring,"
            " and that all of its funding was secured.",
        ),
    ],
)
def test_layout_gives_one_blank_line_between_paragraphs(raw: str, text: str) -> None:
    """Every line is a paragraph, except lines wrapped at a fixed width, which are joined."""
    assert lay_out(raw) == text
    assert lay_out(text) == text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "it is empty"),
        ("blank.txt", b" \n\r\n\t", "it is empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("program.exe", b"MZ\x90\x00\x03\x00\x00\x00" * 50, "binary file"),
        ("utf16.txt", b"\xff\xfe" + b"\x00\xd8" * 3, "byte-order mark"),
        ("menu.html", (DATA / "menu_only.html").read_bytes(), "no main text"),
    ],
)
def test_bad_files_are_refused_with_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    """Each bad file gets a one-line reason a user can read."""
    (tmp_path / name).write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        ingest_file(tmp_path / name)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    """The limit is named in the message."""
    (tmp_path / "big.txt").write_bytes(b"word " * 1000)
    with pytest.raises(IngestError, match="it is 5,000 bytes, over the limit of 1,000 bytes"):
        ingest_file(tmp_path / "big.txt", max_bytes=1000)


def test_missing_files_and_symlink_loops_are_refused(tmp_path: Path) -> None:
    """A missing path and a link to itself each give a reason, not a traceback."""
    with pytest.raises(IngestError, match="does not exist"):
        ingest_file(tmp_path / "missing.txt")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(IngestError, match="cannot be read"):
        ingest_file(loop)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX non-root")
def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    """Permission denied is reported as such."""
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret title\n\nText.")
    locked.chmod(0)
    with pytest.raises(IngestError, match="Permission denied"):
        ingest_file(locked)


def test_a_malformed_sidecar_is_named(tmp_path: Path) -> None:
    """A broken sidecar is reported by name."""
    (tmp_path / "story.txt").write_text("Some title\n\nText.")
    (tmp_path / "story.meta.json").write_text("{not json")
    with pytest.raises(IngestError, match=r"story\.meta\.json is malformed"):
        ingest_file(tmp_path / "story.txt")


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".md", ".bin"]))
def test_any_bytes_give_an_article_or_an_ingest_error(raw: bytes, suffix: str) -> None:
    """Whatever the bytes, ingest never raises anything but a named IngestError."""
    try:
        article = ingest_bytes(raw, suffix=suffix, article_id="x", origin="").article
    except IngestError as error:
        message = str(error)
    else:
        message = article.title
        assert article.text.strip() == article.text
    assert message
