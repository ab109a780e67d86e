"""``recension list``: what the library holds."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.output import print_json
from desktop.core.library import Library


def register(commands: Any) -> None:
    listing = commands.add_parser("list", help="list the articles in the library")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)


def run_list(args: argparse.Namespace, library: Library) -> int:
    articles = library.articles()
    if args.json:
        rows = [{"id": a.id, "title": a.title, "characters": len(a.text)} for a in articles]
        print_json({"articles": rows})
    else:
        width = max((len(a.id) for a in articles), default=2)
        for article in articles:
            print(f"{article.id:<{width}}  {len(article.text):>7,}  {article.title}")
    return 0
