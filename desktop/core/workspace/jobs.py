"""The progress of one refresh over its phases, as one count for a progress bar."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class RefreshJob:
    """One refresh's progress over its phases: index a few, group them all, index the rest.

    Grouping counts as ``grouping`` steps; until the last phase has begun, the total counts
    every article the first phase found to index, as if it did them all.
    """

    def __init__(self, progress: Progress | None, should_cancel: Cancel | None, grouping: int):
        self._progress = progress
        self._should_cancel = should_cancel
        self._ahead = grouping  # steps of the phases still to come, as far as known
        self._before = 0  # steps of the phases finished
        self._done = 0  # articles indexed in the phase running
        self._total = 0  # articles the phase running has to index

    def indexed(self, done: int, total: int) -> None:
        """The index's ``progress(done, total)`` for the phase running."""
        self._done, self._total = done, total
        self._report(self._before + done)

    def grouping(self, done: int, _total: int) -> None:
        """The bulk grouping's ``progress(done, total)``, when this job counts its steps."""
        if self._ahead:
            self._report(self._before + self._done + min(done, self._ahead))

    def _report(self, done: int) -> None:
        if self._progress is not None:
            self._progress(done, max(done, self._before + self._total + self._ahead))

    def grouped(self) -> None:
        """The families are known: the first phase is over."""
        self._before += self._done + self._ahead
        self._done = self._ahead = 0
        self.indexed(0, 0)

    def enough(self, count: int) -> Cancel:
        """Stop the phase running after ``count`` articles, or when the user cancels."""
        return lambda: self._done >= count or self.cancelled()

    def cancelled(self) -> bool:
        return self._should_cancel is not None and self._should_cancel()
