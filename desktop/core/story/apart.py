"""A story computed in a process of its own, so that a window beside it stays responsive.

Comparing the pairs of a large story is seconds of pure Python; on a thread it holds the
interpreter's lock against the window's thread, which then waits its turn at every call.
``story_apart(job, …)`` runs ``story.build.story_steps`` in a child process (started by
*spawn*, as the frozen app supports: the entry point calls
``multiprocessing.freeze_support()``) and relays each fuller story as it arrives; the
calling thread only waits on the pipe, which leaves the lock free. A ``StoryJob`` is what
the child needs, all plain values: the versions, the original, the recurring lines among
them, each version's site lines and the verdicts judged before (the child judges the
other pairs, and returns them to be kept).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from multiprocessing.queues import Queue
from typing import TYPE_CHECKING, Any

from desktop.core.errors import RecensionError

if TYPE_CHECKING:  # the child imports the comparison after lowering its priority
    from desktop.core.comparison.boilerplate import SiteLines
    from desktop.core.comparison.compare import Comparison
    from desktop.core.story.build import Cancel
    from desktop.core.story.lineage import Verdict
    from desktop.core.story.model import Story
    from desktop.core.text.article import Article
    from desktop.core.versions.relations import Original

WAIT = 0.05  # seconds between two looks at ``should_cancel`` while waiting for the child
NICENESS = 10  # how much lower the child's priority is than the window's

Verdicts = dict[tuple[str, str], "Verdict"]


class StoryFailedError(RecensionError):
    """The process computing a story failed."""


@dataclass(frozen=True, slots=True)
class StoryJob:
    """A story to compute: what ``Workspace.story`` hands the child process."""

    members: tuple[Article, ...]
    original: Original
    recurring: frozenset[str]
    site: Mapping[str, SiteLines]
    verdicts: Verdicts  # (a's id, b's id): judged before


def story_apart(
    job: StoryJob,
    *,
    should_cancel: Cancel | None = None,
    report: Callable[[Story], None] | None = None,
) -> tuple[Story | None, Verdicts]:
    """The whole story of ``job`` computed in a child process, each fuller story passed to
    ``report`` as it arrives, and the verdicts of the pairs the child judged; (the last
    story so far, {}) when cancelled (the child is stopped)."""
    context = multiprocessing.get_context("spawn")
    results: Queue[tuple[str, Any]] = context.Queue()
    child = context.Process(target=_run, args=(pickle.dumps(job), results), daemon=True)
    child.start()
    story: Story | None = None
    try:
        while True:
            if should_cancel is not None and should_cancel():
                return story, {}
            try:
                kind, value = results.get(timeout=WAIT)
            except queue.Empty:
                if not child.is_alive():
                    raise StoryFailedError(
                        f"the story's comparisons stopped (exit code {child.exitcode})"
                    ) from None
                continue
            if kind == "failed":
                raise StoryFailedError(value)
            if kind == "story":
                story = value
                if report is not None:
                    report(value)
            else:
                return story, value
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        results.close()


def _run(pickled: bytes, results: Queue[tuple[str, Any]]) -> None:
    """In the child: every story of the job onto ``results``, then the new verdicts; at
    a lower priority than the window's process, which the processors serve first (the
    comparison's modules are imported after, the job read after them)."""
    with contextlib.suppress(AttributeError, OSError):  # no nice() on Windows
        os.nice(NICENESS)
    from desktop.core.comparison.compare import compare
    from desktop.core.story.build import story_steps
    from desktop.core.story.lineage import verdict

    try:
        job: StoryJob = pickle.loads(pickled)
        judged: Verdicts = {}

        def compared(a: Article, b: Article) -> Comparison:
            return compare(a, b, recurring=job.recurring, site=job.site)

        def judged_pair(a: Article, b: Article) -> Verdict:
            found = job.verdicts.get((a.id, b.id))
            if found is None:
                found = judged[a.id, b.id] = verdict(compared(a, b))
            return found

        for story in story_steps(job.members, job.original, compared, judged_pair):
            results.put(("story", story))
        results.put(("done", judged))
    except Exception as error:  # the parent says it; a traceback here is no one's to read
        results.put(("failed", str(error) or type(error).__name__))
    results.close()
    results.join_thread()
