"""How late a 10 ms timer's ticks arrive on the GUI thread: the window's stalls, measured.

Imported by the benches that open a window (after a QApplication exists).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer


class TickGaps:
    """Starts a 10 ms timer on the GUI thread and keeps the time between its ticks (ms)."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.elapsed()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.gaps.append(now - self._last)
        self._last = now

    def stop(self) -> None:
        self._timer.stop()
