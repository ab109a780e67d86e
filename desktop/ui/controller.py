"""The controller: turns what the user did into core calls on the thread pool.

Views emit intentions (a query typed, files dropped); the controller runs the matching
``Workspace`` method in a ``Task`` and reports back with signals on the GUI thread. Only the
latest search is ever shown: an answer to an older query is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.core.errors import RecensionError
from desktop.core.search.results import SortOrder
from desktop.core.storage.atomic import reason_for
from desktop.core.workspace import Workspace
from desktop.ui.allocator import hand_back
from desktop.ui.workers import Task

PAGE = 200  # hits per page of the sidebar; scrolling to the end asks for the next page


class WorkspaceController(QObject):
    search_finished = Signal(object, object)  # SearchResults, tuple[HitGroup, ...]
    search_failed = Signal(str)
    reading_ready = Signal(object)  # Reading
    reading_failed = Signal(str)
    candidates_ready = Signal(str, object)  # the article's id, tuple[Candidate, ...]
    candidates_failed = Signal(str, str)  # the article's id, the message
    job_started = Signal(str)  # what is being done, e.g. "Importing 12 files"
    job_progress = Signal(int, int)
    job_finished = Signal(object)  # the job's result (ImportReport, RefreshReport, ...)
    job_failed = Signal(str)
    library_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._search_generation = 0
        self._reading_generation = 0
        self._tasks: dict[QObject, Task] = {}
        self._job: Task | None = None
        self._queue: list[tuple[str, Callable[..., Any], tuple[Any, ...]]] = []
        self._held = False  # the jobs wait for the answer to the search in flight

    # searching -----------------------------------------------------------------------------
    def search(self, query: str, sort: SortOrder, limit: int = PAGE) -> None:
        """Search off the GUI thread; only the answer to the latest call is shown."""
        self._search_generation += 1
        task = Task(partial(self._search, self._search_generation, query, sort, limit))
        task.signals.finished.connect(self._search_answered)
        task.signals.failed.connect(self._search_error)
        self._start(task)

    def _search(
        self, generation: int, query: str, sort: SortOrder, limit: int
    ) -> tuple[int, Any, Any]:
        try:
            return (generation, *self.workspace.search(query, sort=sort, limit=limit))
        except RecensionError as error:
            raise _SearchError(generation, error) from error

    def _search_answered(self, answer: tuple[int, Any, Any]) -> None:
        self._forget()
        generation, results, groups = answer
        if generation == self._search_generation:
            self.search_finished.emit(results, groups)
        self._release()

    def _search_error(self, error: Exception) -> None:
        self._forget()
        if not isinstance(error, _SearchError):
            self.search_failed.emit(_message(error))
        elif error.generation == self._search_generation:
            self.search_failed.emit(_message(error.error))
        self._release()

    # reading ------------------------------------------------------------------------------
    def read(self, article_id: str, query: str) -> None:
        """What the reading pane shows of an article, gathered off the GUI thread
        (``Workspace.reading``); only the answer to the latest call is shown."""
        self._reading_generation += 1
        generation = self._reading_generation
        task = Task(self.workspace.reading, article_id, query)
        task.signals.finished.connect(partial(self._read, task, generation))
        task.signals.failed.connect(partial(self._read_failed, task, generation))
        self._start(task)

    def _read(self, task: Task, generation: int, reading: object) -> None:
        self._tasks.pop(task.signals, None)
        if generation == self._reading_generation:
            self.reading_ready.emit(reading)

    def _read_failed(self, task: Task, generation: int, error: Exception) -> None:
        self._tasks.pop(task.signals, None)
        if generation == self._reading_generation:
            self.reading_failed.emit(_message(error))

    # the picker's list --------------------------------------------------------------------
    def list_candidates(self, article_id: str) -> None:
        """Every other article to compare ``article_id`` with, the most similar first
        (``Workspace.candidates``), gathered off the GUI thread."""
        task = Task(self.workspace.candidates, article_id)
        task.signals.finished.connect(partial(self._candidates, task, article_id))
        task.signals.failed.connect(partial(self._candidates_failed, task, article_id))
        self._start(task)

    def _candidates(self, task: Task, article_id: str, candidates: object) -> None:
        self._tasks.pop(task.signals, None)
        self.candidates_ready.emit(article_id, candidates)

    def _candidates_failed(self, task: Task, article_id: str, error: Exception) -> None:
        self._tasks.pop(task.signals, None)
        self.candidates_failed.emit(article_id, _message(error))

    # long jobs: one at a time, the rest queued ------------------------------------------------
    def refresh(self) -> None:
        self._enqueue("Indexing the library", self.workspace.refresh)

    def refresh_once_listed(self) -> None:
        """``refresh``, started once the search in flight (the window's first list) has been
        answered: at start the list, read from the library and what the last run saved,
        has the interpreter to itself, and the indexing follows. Busy from now on."""
        self._held = True
        self.refresh()

    def add_paths(self, paths: Sequence[Path]) -> None:
        count = len(paths)
        label = f"Importing {count} item{'s' if count != 1 else ''}"
        self._enqueue(label, self.workspace.add, list(paths))

    def add_text(self, title: str, text: str) -> None:
        self._enqueue("Adding the pasted text", self.workspace.add_text, title, text)

    def remove(self, article_id: str) -> None:
        self._enqueue("Removing the article", self.workspace.remove, article_id)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    @property
    def busy(self) -> bool:
        return self._job is not None or bool(self._queue)

    def _enqueue(self, label: str, work: Callable[..., Any], *args: Any) -> None:
        self._queue.append((label, work, args))
        if self._job is None:
            self._next_job()

    def _release(self) -> None:
        if self._held:
            self._held = False
            if self._job is None:
                self._next_job()

    def _next_job(self) -> None:
        if not self._queue or self._held:
            self._job = None
            return
        label, work, args = self._queue.pop(0)
        job = Task(work, *args, then=hand_back)  # a job frees much of what it read
        job.signals.progress.connect(self.job_progress)
        job.signals.finished.connect(self._job_done)
        job.signals.failed.connect(self._job_error)
        self._job = job
        self.job_started.emit(label)
        self._start(job)

    def _job_done(self, result: object) -> None:
        self._forget()
        self._job = None
        self.job_finished.emit(result)
        self.library_changed.emit()
        self._next_job()

    def _job_error(self, error: Exception) -> None:
        self._forget()
        self._job = None
        self.job_failed.emit(_message(error))
        self._next_job()

    def _start(self, task: Task) -> None:
        """Keep ``task`` alive until its answer has been delivered on the GUI thread."""
        self._tasks[task.signals] = task
        task.start()

    def _forget(self) -> None:
        self._tasks.pop(self.sender(), None)


class _SearchError(Exception):
    """A search error that remembers which query it answers."""

    def __init__(self, generation: int, error: RecensionError) -> None:
        super().__init__(str(error))
        self.generation = generation
        self.error = error


def _message(error: Exception) -> str:
    if isinstance(error, RecensionError):
        return str(error)
    if isinstance(error, OSError):  # a full disk, above all: said as the command line says it
        return reason_for(error).capitalize() + "."
    return f"Something went wrong: {error}"
