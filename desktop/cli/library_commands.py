"""``recension list|show|add|remove``: what the library holds, and bringing articles in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.options import Number, add_number
from desktop.core.text import DEFAULT_MAX_BYTES
from desktop.core.text.printable import printable

if TYPE_CHECKING:  # loaded when a command runs: --help stays quick
    from desktop.core.storage.library import ImportReport
    from desktop.core.text.article import Article
    from desktop.core.workspace import Workspace

FILE_MB = Number(0.0, 1024.0, low_included=False)


def register(commands: Any) -> None:
    listing = commands.add_parser("list", help="list the articles in the library")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    show = commands.add_parser("show", help="print one article's metadata and text")
    show.add_argument("id", metavar="ID", help="an article id or a unique prefix of one")
    show.add_argument("--json", action="store_true", help="print the article as JSON")
    show.set_defaults(run=run_show)

    add = commands.add_parser("add", help="import copies of files and folders of articles")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    add.add_argument("--json", action="store_true", help="print the import report as JSON")
    add_number(
        add,
        "--max-mb",
        FILE_MB,
        default=None,
        metavar="MB",
        text="size limit per file",
        shown_default=DEFAULT_MAX_BYTES // 1_048_576,
    )
    add.set_defaults(run=run_add)

    remove = commands.add_parser("remove", help="remove an imported article from the library")
    remove.add_argument("id", metavar="ID", help="an article id or a unique prefix of one")
    remove.set_defaults(run=run_remove)


def run_list(args: argparse.Namespace, workspace: Workspace) -> int:
    from desktop.cli.output import print_json
    from desktop.core.text.article import ArticleSummary

    articles = workspace.articles()
    if args.json:
        print_json({"articles": [ArticleSummary.of(article) for article in articles]})
    elif not articles:  # said on stderr: the listing itself stays empty for a script
        from desktop.core.text.ingest import ARTICLE_SUFFIXES

        folders = ", ".join(str(folder) for folder in workspace.library.folders)
        kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
        print(
            f"recension: no articles in {printable(folders)} (files read: {kinds})", file=sys.stderr
        )
    else:
        width = max((len(a.id) for a in articles), default=2)
        for article in articles:
            date = article.date.isoformat() if article.date else ""
            line = f"{article.id:<{width}}  {len(article):>7,}  {date:<10}  {article.title}"
            print(printable(line))
    return 0


def run_show(args: argparse.Namespace, workspace: Workspace) -> int:
    article = workspace.article(args.id)
    if args.json:
        from desktop.cli.output import print_json

        print_json(article)
    else:
        print(_heading(article))
        print()
        print(printable(article.text, keep_lines=True))
    return 0


def run_add(args: argparse.Namespace, workspace: Workspace) -> int:
    from desktop.cli.output import print_json
    from desktop.core.storage.library import ImportStatus

    max_bytes = None if args.max_mb is None else int(args.max_mb * 1_048_576)
    report = workspace.add(args.paths, max_bytes=max_bytes, refresh=False)  # next search indexes
    if args.json:
        print_json(report)
    for outcome in report.outcomes:  # skipped inputs on stderr, in either mode
        skipped = outcome.status is ImportStatus.SKIPPED
        if skipped or not args.json:
            detail = f" as {outcome.article_id}" if outcome.status is ImportStatus.ADDED else ""
            reason = f": {outcome.reason}" if outcome.reason else ""
            line = printable(f"{outcome.status}{detail}  {outcome.path}{reason}")
            print(line, file=sys.stderr if skipped else sys.stdout)
    if not args.json:
        print(_summary(report))
    return 1 if report.skipped else 0


def run_remove(args: argparse.Namespace, workspace: Workspace) -> int:
    article = workspace.remove(args.id, refresh=False)
    print(printable(f"removed {article.id}  {article.title}"))
    return 0


def _heading(article: Article) -> str:
    facts = [
        ("id", article.id),
        ("title", article.title),
        ("source", article.source),
        ("date", article.date.isoformat() if article.date else ""),
        ("url", article.url),
        ("origin", article.origin),
        ("added", article.added.isoformat() if article.added else ""),
        ("characters", f"{len(article):,}"),
    ]
    return "\n".join(printable(f"{name + ':':<12}{value}") for name, value in facts if value)


def _summary(report: ImportReport) -> str:
    return (
        f"{len(report.added)} added, {len(report.duplicates)} duplicate,"
        f" {len(report.skipped)} skipped"
    )
