"""``recension diff A B``: two articles compared, every change with its kind and reason.

``A`` and ``B`` are ids or files (``cli.refs``); a file is compared, never imported.

Text: a summary line, then one line per change; ``--word-diff`` adds the whole word diff,
``[-removed-]{+added+}``, coloured when printing to a terminal. ``--json``: the core's
``Comparison`` serialised (both articles, similarity, counts per kind, derivation, changes
with both spans, the word-diff segments and the side-by-side rows).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from desktop.cli import refs, report_commands
from desktop.core.errors import RecensionError
from desktop.core.text.printable import printable
from desktop.core.text.shorten import shorten

if TYPE_CHECKING:  # loaded when the command runs: --help stays quick
    from desktop.core.comparison.changes import Change
    from desktop.core.comparison.compare import Comparison
    from desktop.core.workspace import Workspace

_OPTIONS = {
    "case": "ignore_case",
    "punctuation": "ignore_punctuation",
    "whitespace": "ignore_whitespace",
}
# ChangeKind and Op values (StrEnums): reading the arguments needs no comparison code
_KINDS = ("copy-edit", "boilerplate")
_ALIASES = {"copy-edits": "copy-edit"}  # the name before it matched the kind's
_COLOURS = {"delete": ("\x1b[31m[-", "-]\x1b[0m"), "insert": ("\x1b[32m{+", "+}\x1b[0m")}
_PLAIN = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def register(commands: Any) -> None:
    parser = commands.add_parser("diff", help="compare two articles and explain each change")
    parser.add_argument("a", metavar="A", help=f"the first article: {refs.HELP}")
    parser.add_argument("b", metavar="B", help=f"the second article: {refs.HELP}")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    parser.add_argument(
        "--ignore",
        default="",
        metavar="WHAT,...",
        help="compare without differences of case, punctuation, whitespace; hide the kinds "
        "copy-edit, boilerplate (site chrome) from the listing and the report (credit lines "
        "stay)",
    )
    parser.add_argument("--word-diff", action="store_true", help="also print the word diff")
    report_commands.add_report_options(parser)
    parser.set_defaults(run=run_diff)


def run_diff(args: argparse.Namespace, workspace: Workspace) -> int:
    from desktop.core.comparison.changes import ChangeKind
    from desktop.core.comparison.diff import CompareOptions
    from desktop.core.presentation.layout import hides

    words = (word.strip() for word in args.ignore.split(","))
    ignored = {_ALIASES.get(word, word) for word in words if word}
    unknown = ignored - set(_OPTIONS) - set(_KINDS)
    if unknown:
        known = ", ".join([*_OPTIONS, *_KINDS])
        raise RecensionError(f"--ignore: unknown {', '.join(sorted(unknown))} (known: {known})")
    options = CompareOptions(**{_OPTIONS[word]: True for word in ignored if word in _OPTIONS})
    a, b = refs.resolve(args.a, workspace), refs.resolve(args.b, workspace)
    comparison = workspace.compare(a, b, options=options)
    hidden = {ChangeKind(word) for word in ignored if word in _KINDS}
    report_commands.write_reports(args, comparison, hidden=hidden)
    if args.json:
        from desktop.cli.output import print_json

        print_json(comparison)
        return 0
    print(printable(summary(comparison)))
    for change in comparison.changes:
        if not hides(change, hidden):
            print(printable(describe(change)))
    if args.word_diff and comparison.changes:
        print()
        print(word_diff(comparison, colour=sys.stdout.isatty()))
    return 0


def summary(comparison: Comparison) -> str:
    """One line: the two ids, similarity, counts per kind, which side looks derived."""
    head = f"{comparison.a.id} vs {comparison.b.id}: "
    if not comparison.changes:
        return head + "no differences"
    from desktop.core.presentation.vocabulary import word

    counts = ", ".join(f"{n} {word(kind)}" for kind, n in comparison.counts.items() if n)
    derived = f"; {comparison.derived.reason}" if comparison.derived else ""
    return f"{head}{comparison.similarity:.0%} similar; {counts}{derived}"


def describe(change: Change) -> str:
    """One line per change: kind, subkind, reason, and short quotes of both sides."""
    quotes = " → ".join(_quote(span.text if span else "") for span in (change.a, change.b))
    from desktop.core.presentation.vocabulary import word

    return f"  {word(change.kind):<11} {change.subkind:<12} {change.reason}  [{quotes}]"


def word_diff(comparison: Comparison, *, colour: bool) -> str:
    """B's text with A's removed words in [-…-] and B's added words in {+…+}."""
    from desktop.core.comparison.diff import Op

    marks = _COLOURS if colour else _PLAIN
    parts = []
    for segment in comparison.segments:
        if segment.op is Op.EQUAL:
            parts.append(printable(segment.b.text, keep_lines=True))
        else:
            before, after = marks[segment.op]
            text = segment.a.text if segment.op is Op.DELETE else segment.b.text
            parts.append(f"{before}{printable(text, keep_lines=True)}{after}")
    return "".join(parts)


def _quote(text: str, limit: int = 40) -> str:
    return f"'{shorten(text, limit)}'"
