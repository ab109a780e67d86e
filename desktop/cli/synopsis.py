"""The command line's synopsis, one line per command, read from the argparse parsers.

``synopses(parser)`` is what the README's command table shows in its first column
(``recension search QUERY [--limit N] [--page N] [--sort relevance|date] [--json]``): the
top-level options, then each command with its arguments in the order ``--help`` lists them.
``--help`` and ``-h`` are left out, and so is ``--library``, which every command takes. A
test compares the README with these lines, so the two cannot drift apart.
"""

from __future__ import annotations

import argparse

_EVERYWHERE = frozenset({"-h", "--help", "--library"})


def synopses(parser: argparse.ArgumentParser) -> list[str]:
    """``recension --OPTION`` for each top-level option, then one line per command."""
    lines = [
        f"{parser.prog} {_option(action)}"
        for action in parser._actions
        if action.option_strings and not _EVERYWHERE & set(action.option_strings)
    ]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            lines += [
                " ".join([parser.prog, name, *_arguments(command)])
                for name, command in action.choices.items()
            ]
    return lines


def _arguments(parser: argparse.ArgumentParser) -> list[str]:
    positionals = [_positional(action) for action in parser._actions if not action.option_strings]
    optionals = [
        f"[{_option(action)}]"
        for action in parser._actions
        if action.option_strings and not _EVERYWHERE & set(action.option_strings)
    ]
    return positionals + optionals


def _positional(action: argparse.Action) -> str:
    name = str(action.metavar or action.dest.upper())
    return f"{name}..." if action.nargs in ("+", "*") else name


def _option(action: argparse.Action) -> str:
    flag = max(action.option_strings, key=len)
    if action.nargs == 0:
        return flag
    if action.choices is not None:
        return f"{flag} {'|'.join(str(choice) for choice in action.choices)}"
    return f"{flag} {action.metavar or action.dest.upper()}"
