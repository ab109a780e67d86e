"""``recension compare A B``: open the comparison window straight on two articles.

``A`` and ``B`` are library ids (or unique prefixes) or paths of files, as ``cli.refs``
resolves them; a file is read for the comparison only, never imported into the library.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop.cli.refs import resolve

if TYPE_CHECKING:
    from desktop.core.workspace import Workspace


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "compare", help="open two articles side by side (ids, id prefixes or file paths)"
    )
    parser.add_argument("a", metavar="A", help="the left-hand article: an id or a file")
    parser.add_argument("b", metavar="B", help="the right-hand article: an id or a file")
    parser.set_defaults(run=run_compare)


def run_compare(args: argparse.Namespace, workspace: Workspace) -> int:
    a, b = resolve(args.a, workspace), resolve(args.b, workspace)
    from desktop.ui.display import require_display

    require_display()  # before Qt, which would abort without one
    from desktop.ui.app import application, settings
    from desktop.ui.compare import open_comparison

    app = application()
    window = open_comparison(a, b, workspace, settings=settings())
    window.raise_()
    return app.exec()
