"""What the commands that compare two articles accept as ``A`` and ``B``: ids or files.

``resolve(ref, library)`` is the article ``ref`` names: the path of any existing file (text,
Markdown or HTML, in any encoding ``core.text.ingest`` reads), read for the comparison only and
never imported into the library (as ``meld a b`` does), else a library id or unique prefix.
``chrome_lines(library, a, b)`` is the library's recurring lines (``recurring_lines``)
counted over the library and any compared article read from a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import IngestError

if TYPE_CHECKING:  # loaded when a command runs (trafilatura): --help stays quick
    from desktop.core.storage.library import Library
    from desktop.core.text.article import Article

HELP = "an id (or unique id prefix) in the library, or the path of a file"


def resolve(ref: str, library: Library) -> Article:
    """The article ``ref`` names: an existing file's path, else an id in the library.

    A file is read as an import would read it (encoding, HTML main text, metadata), but
    the library is left as it is.
    """
    from desktop.core.text.ingest import ingest_file

    path = Path(ref)
    if not path.is_file():
        return library.get(ref)
    try:
        return ingest_file(path).article
    except IngestError as error:
        raise IngestError(f"{path}: {error}") from error


def with_files(articles: Sequence[Article], *compared: Article) -> list[Article]:
    """The library's articles and any compared one read from a file, each counted once.

    Lines found in several articles count as site chrome: counting a library article twice
    would make its own lines look like chrome.
    """
    return [*articles, *(article for article in compared if article not in articles)]


def chrome_lines(library: Library, *compared: Article) -> frozenset[str]:
    """The lines recurring across the library and the compared articles: site chrome."""
    from desktop.core.comparison.boilerplate import recurring_lines

    return recurring_lines(with_files(library.articles(), *compared))
