"""``recension compare A B``: open the comparison window straight on two articles.

``A`` and ``B`` are library ids (or unique prefixes) or paths of any two files (text,
Markdown or HTML, in any encoding ``core.ingest`` reads); a file is read for the comparison
only, never imported into the library (as ``meld a b`` does).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.core.article import Article
from desktop.core.boilerplate import recurring_lines
from desktop.core.errors import IngestError
from desktop.core.ingest import ingest_file
from desktop.core.library import Library


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "compare", help="open two articles side by side (ids, id prefixes or file paths)"
    )
    parser.add_argument("a", metavar="A", help="the left-hand article: an id or a file")
    parser.add_argument("b", metavar="B", help="the right-hand article: an id or a file")
    parser.set_defaults(run=run_compare)


def resolve(ref: str, library: Library) -> Article:
    """The article ``ref`` names: an existing file's path, else an id in the library.

    A file is read as an import would read it (encoding, HTML main text, metadata), but
    the library is left as it is.
    """
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


def run_compare(args: argparse.Namespace, library: Library) -> int:
    a, b = resolve(args.a, library), resolve(args.b, library)
    from desktop.ui.app import application, settings
    from desktop.ui.compare import open_comparison

    app = application()
    recurring = recurring_lines(with_files(library.articles(), a, b))
    window = open_comparison(a, b, recurring=recurring, settings=settings())
    window.raise_()
    return app.exec()
