"""``recension search`` and ``recension index``: the library's search index from the shell.

``search`` brings the index up to date (only new or changed articles are indexed), then
prints one page of hits (when the index cannot be brought up to date, a full disk, it
answers from the index as it is, with a line on stderr); ``--json`` prints the
SearchResults value. ``index`` refreshes the index with a progress line on stderr;
``--rebuild`` indexes every article again beside the old index, swapped in when done.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from desktop.cli.options import Whole, add_number
from desktop.core.search.order import SortOrder
from desktop.core.text.printable import printable

if TYPE_CHECKING:  # the commands load what they use when they run: --help stays quick
    from desktop.core.search.results import SearchResults
    from desktop.core.workspace import Workspace

_BOLD, _PLAIN = "\033[1m", "\033[0m"
CUT_SHORT = (
    "(cut short: its prefix* and fuzzy~ words match more words than one search tries;"
    " make them longer, or fewer, to find the rest)"
)
HITS = Whole(1, 1000)
PAGES = Whole(1, 1_000_000)


def register(commands: Any) -> None:
    search = commands.add_parser("search", help="find articles by keywords")
    search.add_argument(
        "query", metavar="QUERY", help='words, "a phrase", prefix*, title:word, NOT word, …'
    )
    add_number(search, "--limit", HITS, default=20, metavar="N", text="hits per page")
    add_number(search, "--page", PAGES, default=1, metavar="N", text="page to show")
    search.add_argument(
        "--sort",
        choices=[order.value for order in SortOrder],
        default=SortOrder.RELEVANCE.value,
        help="order of the hits (default relevance)",
    )
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(run=run_search)
    index = commands.add_parser("index", help="bring the search index up to date")
    index.add_argument("--rebuild", action="store_true", help="index every article again")
    index.set_defaults(run=run_index)


def _warn(workspace: Workspace) -> None:
    """What the index had to say on opening (rebuilt, …), on stderr."""
    for warning in workspace.take_warnings():
        print(f"recension: {warning}", file=sys.stderr)


def run_search(args: argparse.Namespace, workspace: Workspace) -> int:
    _warn(workspace)
    try:
        workspace.refresh(progress=_print_progress if sys.stderr.isatty() else None)
    except OSError as error:  # a full disk: what is indexed can still be searched
        from desktop.core.storage.atomic import reason_for

        print(
            f"recension: {reason_for(error)}: searching the index as it was,"
            " without the latest changes",
            file=sys.stderr,
        )
    results, _groups = workspace.search(
        args.query, limit=args.limit, page=args.page, sort=SortOrder(args.sort)
    )
    if args.json:
        from desktop.cli.output import print_json

        print_json(results)
    else:
        _print_results(results, bold=sys.stdout.isatty())
    return 0


def run_index(args: argparse.Namespace, workspace: Workspace) -> int:
    _warn(workspace)
    report = workspace.refresh(progress=_print_progress, rebuild=args.rebuild)
    print(
        f"index up to date: {len(workspace.articles())} articles "
        f"({report.added} added, {report.updated} updated, {report.removed} removed)"
    )
    return 0


def _print_progress(done: int, total: int) -> None:
    """One line on stderr, rewritten in place on a terminal, else printed once at the end."""
    if total and (done == total or sys.stderr.isatty()):
        end = "\n" if done == total else ""
        print(f"\rindexing {done}/{total} articles", end=end, file=sys.stderr, flush=True)


def _print_results(results: SearchResults, *, bold: bool) -> None:
    noun = "article matches" if results.total == 1 else "articles match"
    shown = len(results.hits)
    more = f", page {results.page} shows {shown}" if shown < results.total else ""
    asked = (
        f" {printable(repr(results.query))}" if results.query.strip() else " (the whole library)"
    )
    print(f"{results.total} {noun}{asked}{more}")
    if results.suggestion:
        print(f"Did you mean {printable(repr(results.suggestion))}?")
    if results.cut_short:
        print(CUT_SHORT)
    for hit in results.hits:
        meta = "  ".join(part for part in (hit.date or "", hit.source) if part)
        print("\n" + printable(f"{hit.id}  {hit.title}" + (f"  [{meta}]" if meta else "")))
        print(f"    {_marked(hit.snippet.text, hit.snippet.highlights, bold=bold)}")


def _marked(text: str, spans: tuple[tuple[int, int], ...], *, bold: bool) -> str:
    if not bold:
        return printable(text)
    out, last = [], 0
    for start, end in spans:
        out += [printable(text[last:start]), _BOLD, printable(text[start:end]), _PLAIN]
        last = end
    return "".join([*out, printable(text[last:])])
