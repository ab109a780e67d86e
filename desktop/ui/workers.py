"""The one threading idiom: a ``Task`` runs a pure core callable on the thread pool.

The task reports through a ``TaskSignals`` object whose signals are queued to the GUI
thread, so widgets are only ever touched there. Cancellation is cooperative: the callable
receives ``should_cancel`` and ``progress`` keyword arguments when it asks for them, and
``report`` (a partial result, such as a story filled in as its pairs complete, arriving
through ``signals.partial``).
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)
    partial = Signal(object)


class Task(QRunnable):
    """Run ``work(*args)`` off the GUI thread; results arrive through ``signals``, after
    ``then()`` has run on the same thread (whether the work succeeded or failed)."""

    def __init__(
        self, work: Callable[..., Any], *args: Any, then: Callable[[], None] | None = None
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self._work = work
        self._args = args
        self._then = then
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        options = inspect.signature(self._work).parameters
        kwargs: dict[str, Any] = {}
        if "should_cancel" in options:
            kwargs["should_cancel"] = self._cancelled.is_set
        if "progress" in options:
            kwargs["progress"] = self.signals.progress.emit
        if "report" in options:
            kwargs["report"] = self.signals.partial.emit
        try:
            result = self._work(*self._args, **kwargs)
        except Exception as error:
            self._finish()
            self.signals.failed.emit(error)
        else:
            self._finish()
            self.signals.finished.emit(result)

    def _finish(self) -> None:
        if self._then is not None:
            self._then()

    def start(self, pool: QThreadPool | None = None) -> Task:
        (pool or QThreadPool.globalInstance()).start(self)
        return self
