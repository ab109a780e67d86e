"""``recension compare A B``: open the comparison window straight on two articles.

``A`` and ``B`` are library ids (or unique prefixes) or paths of any two files; a file is
read for the comparison only, never imported into the library (as ``meld a b`` does).
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path
from typing import Any

from desktop.core.article import Article
from desktop.core.boilerplate import recurring_lines
from desktop.core.errors import IngestError
from desktop.core.library import Library


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "compare", help="open two articles side by side (ids, id prefixes or file paths)"
    )
    parser.add_argument("a", metavar="A", help="the left-hand article: an id or a file")
    parser.add_argument("b", metavar="B", help="the right-hand article: an id or a file")
    parser.set_defaults(run=run_compare)


def resolve(ref: str, library: Library) -> Article:
    """The article ``ref`` names: an existing file's path, else an id in the library."""
    path = Path(ref)
    return read_file(path) if path.is_file() else library.get(ref)


def read_file(path: Path) -> Article:
    """A file as an Article, without importing it: UTF-8 text, first line as title."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot read it ({error.strerror})") from error
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").strip()
    if not text:
        raise IngestError(f"{path}: the file is empty")
    title = next(line.strip() for line in text.splitlines() if line.strip())
    return Article(
        id=path.stem,
        title=title,
        text=text,
        origin=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def run_compare(args: argparse.Namespace, library: Library) -> int:
    a, b = resolve(args.a, library), resolve(args.b, library)
    from desktop.ui.app import application, settings
    from desktop.ui.compare import open_comparison

    app = application()
    recurring = recurring_lines([*library.articles(), a, b])
    window = open_comparison(a, b, recurring=recurring, settings=settings())
    window.raise_()
    return app.exec()
