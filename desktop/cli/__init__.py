"""The command line: ``recension`` opens the window; subcommands script the same operations.

Exit codes: 0 done, 1 done with some inputs skipped (each named on stderr, files of the
library that could not be read included), 2 bad usage, bad id or bad query, 3 the disk or
a file failed (a full disk: nothing is left half-written), 70 an internal fault (the last
guard: a bug, never a bad input); one line on stderr, never a traceback
(``RECENSION_DEBUG=1`` shows it). Names, titles and sources are printed with control
characters and bidi marks escaped (``core.text.printable``).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.cli import (
    compare_commands,
    diff_commands,
    install_commands,
    library_commands,
    related_commands,
    search_commands,
    story_commands,
)
from desktop.cli.synopsis import synopses
from desktop.core.errors import RecensionError
from desktop.core.text.printable import printable

if TYPE_CHECKING:  # loaded once the arguments are read: --version and --help stay quick
    from desktop.core.storage.library import Library

COMMANDS = (
    library_commands,
    search_commands,
    diff_commands,
    compare_commands,
    related_commands,
    story_commands,
    install_commands,
)


EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_IO = 3
EXIT_FAULT = 70  # sysexits' EX_SOFTWARE: a script can tell a bug from a skipped input


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="recension",
        description="Compare versions of news articles. No command: open the window.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"recension {__version__}")
    _add_library_option(parser, default=None)
    parser.add_argument(
        "--smoke", action="store_true", help="start offscreen, exercise the app, print one line"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        module.register(commands)
    for command in commands.choices.values():
        _add_library_option(command, default=argparse.SUPPRESS)  # keeps the one given before
    parser.epilog = "synopsis (every command also takes --library DIR):\n  " + "\n  ".join(
        synopses(parser)
    )
    return parser


def _add_library_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    """``--library DIR``, accepted before the command and after it."""
    parser.add_argument(
        "--library",
        type=Path,
        default=default,
        metavar="DIR",
        help="open this folder of articles (read-only, recursive) instead of the library",
    )


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # an undecodable file name never stops a command
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    try:
        if args.library is not None and not args.library.is_dir():
            raise RecensionError(f"--library: {args.library} is not a folder")
        from desktop.core.storage.library import Library

        library = Library.open(args.library)
        if args.smoke:
            from desktop.ui.display import require_display

            require_display("offscreen")  # what the smoke runs on
            from desktop.ui.smoke import run_smoke

            return run_smoke(library)
        if args.command is None:
            from desktop.ui.display import require_display

            require_display()  # before Qt, which would abort without one
            from desktop.ui.app import run_app

            return run_app(library)
        from desktop.core.workspace import Workspace

        status: int = args.run(args, Workspace.for_library(library))
        return max(status, _report_problems(library))
    except RecensionError as error:
        print(f"recension: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        if os.environ.get("RECENSION_DEBUG"):
            raise
        from desktop.core.storage.atomic import reason_for

        where = f" ({printable(os.fsdecode(error.filename))})" if error.filename else ""
        print(f"recension: {reason_for(error)}{where}", file=sys.stderr)
        return EXIT_IO
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("RECENSION_DEBUG"):
            raise
        print(f"recension: unexpected error: {printable(repr(error))}", file=sys.stderr)
        return EXIT_FAULT


def run() -> None:
    """The process: ``main``, its status the exit code. The interpreter's collections over
    the whole heap as it shuts down are left out (``gc.freeze``): they free nothing a file
    or the user waits for (the window's settings are written when it closes), and cost
    0.15 s CPU after the smoke, more than any step of it but the indexing."""
    status = main()
    gc.freeze()
    sys.exit(status)


def _report_problems(library: Library) -> int:
    """Name on stderr each file of the library that was left out; 1 if there were any."""
    if not library.loaded:
        return 0
    for problem in library.problems:
        print(f"recension: skipped {printable(problem.path)}: {problem.reason}", file=sys.stderr)
    return EXIT_SKIPPED if library.problems else 0
