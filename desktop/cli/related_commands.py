"""``recension related ID`` and ``recension families``: the versions of a story."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop.cli.options import Number, Whole, add_number
from desktop.core.text.printable import printable
from desktop.core.versions import DEFAULT_THRESHOLD

if TYPE_CHECKING:  # loaded when a command runs (numpy): --help stays quick
    from desktop.core.workspace import Workspace

RELATIONS = Whole(1, 1000)
SHARE = Number(0.0, 1.0, low_included=False)


def register(commands: Any) -> None:
    related = commands.add_parser("related", help="list the other versions of an article")
    related.add_argument("id", metavar="ID", help="article id or unique id prefix")
    add_number(related, "--limit", RELATIONS, default=20, metavar="N", text="at most this many")
    _common_options(related)
    related.set_defaults(run=run_related)
    families = commands.add_parser("families", help="group the library by story")
    _common_options(families)
    families.set_defaults(run=run_families)


def _common_options(parser: argparse.ArgumentParser) -> None:
    add_number(
        parser,
        "--threshold",
        SHARE,
        default=DEFAULT_THRESHOLD,
        metavar="T",
        text="share of the smaller article's 5-word shingles found in the other",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def run_related(args: argparse.Namespace, workspace: Workspace) -> int:
    article = workspace.article(args.id)
    relations = workspace.related(article.id, threshold=args.threshold, limit=args.limit)
    if args.json:
        from desktop.cli.output import print_json
        from desktop.cli.results import RelatedResult

        print_json(RelatedResult(id=article.id, related=relations))
        return 0
    print(printable(f"{article.id}  {article.title}"))
    if not relations:
        print(f"  no other version above {args.threshold:.0%} containment")
    for relation in relations:
        print(printable(f"  {relation.id}  {relation.containment:>4.0%}  {relation.title}"))
        print(printable(f"      {relation.reason}"))
    return 0


def run_families(args: argparse.Namespace, workspace: Workspace) -> int:
    families = workspace.families(threshold=args.threshold)
    if args.json:
        from desktop.cli.output import print_json
        from desktop.cli.results import FamiliesResult

        print_json(FamiliesResult(families=families))
        return 0
    titles = {article.id: article.title for article in workspace.articles()}
    for family in families:
        members = "; ".join(f"{member} {titles[member]}" for member in family.members)
        print(printable(f"{family.id}  ({len(family.members)})  {members}"))
    return 0
