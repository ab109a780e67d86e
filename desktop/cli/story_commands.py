"""``recension story ID``: every version of an article's story at once.

No option: the story window (``ui/story``). ``--text``: the summary in words, then each
version with the one it copies and why, and its changes counted. ``--json``: the core's
values serialised (``results.StoryResult``): the versions with ``derived_from``, ``reason``,
``counts`` and the evidence, the original, the collation (a row for each paragraph of
the original, its sentences with how many versions changed each, a cell for each
version) and what each version adds. ``--html OUT``: the story as a self-contained
report (``story.report``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.text.printable import printable

if TYPE_CHECKING:  # loaded when the command runs: --help stays quick
    from desktop.core.story.model import Story
    from desktop.core.text.article import Article
    from desktop.core.workspace import Workspace


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "story", help="every version of an article's story: who copies whom, what each changed"
    )
    parser.add_argument("id", metavar="ID", help="article id or unique id prefix")
    parser.add_argument("--json", action="store_true", help="print the story as JSON")
    parser.add_argument("--text", action="store_true", help="print the story, no window")
    parser.add_argument("--html", type=Path, metavar="OUT", help="save an HTML report there")
    parser.set_defaults(run=run_story)


def run_story(args: argparse.Namespace, workspace: Workspace) -> int:
    from desktop.core.story.summary import summary

    article = workspace.article(args.id)
    if not (args.json or args.text or args.html):
        return _open_window(article, workspace)
    story = workspace.story(article.id)
    if args.html is not None:
        _write_report(args.html, story, workspace)
    if args.json:
        from desktop.cli.output import print_json
        from desktop.cli.results import StoryResult

        print_json(
            StoryResult(
                article.id,
                story.versions,
                story.original,
                story.original_reason,
                summary(story),
                story.rows,
                story.additions,
            )
        )
    elif args.text:
        _print_story(story)
    return 0


def _open_window(article: Article, workspace: Workspace) -> int:
    from desktop.ui.display import require_display

    require_display()  # before Qt, which would abort without one
    from desktop.ui.app import application, settings
    from desktop.ui.story import open_story

    app = application()
    window = open_story(article, workspace, settings=settings())
    window.raise_()
    return app.exec()


def _print_story(story: Story) -> None:
    from desktop.core.story.report import counts_words
    from desktop.core.story.summary import summary

    print(printable(summary(story)))
    for version in story.versions:
        date = version.date.isoformat() if version.date else "undated"
        mark = "  (original)" if version.id == story.original else ""
        print(printable(f"{version.id}  {date}  {version.source or 'unknown'}{mark}"))
        print(printable(f"    {version.reason}"))
        if version.derived_from is not None:
            print(printable(f"    changes: {counts_words(version)}"))


def _write_report(path: Path, story: Story, workspace: Workspace) -> None:
    from desktop.core.storage.atomic import write_atomically
    from desktop.core.story.report import render_story

    articles = {version.id: workspace.article(version.id) for version in story.versions}
    html = render_story(story, articles)
    inputs = tuple(Path(a.origin) for a in articles.values() if a.origin)
    write_atomically(path, html.encode("utf-8"), inputs=inputs)
