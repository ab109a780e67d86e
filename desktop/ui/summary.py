"""What a comparison amounts to, at a glance: similarity, counts per kind, the legend, a ruler.

``SummaryBar`` says how similar the two versions are and which one looks derived from the
other; its ``Legend`` shows every kind of change in the very format the panes use, with
its count. ``OverviewRuler`` stands beside the panes: a tick per change at its height in
the document, the visible stretch framed; a click asks to jump there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import Comparison
from desktop.core.presentation.kind_styles import KIND_STYLES
from desktop.core.presentation.verdict import verdict
from desktop.ui.styles import Theme

KIND_HELP: dict[ChangeKind, str] = {
    ChangeKind.REWRITE: "Reworded in a way that can change what the reader is told",
    ChangeKind.REMOVED: "Only in the left-hand version",
    ChangeKind.ADDED: "Only in the right-hand version",
    ChangeKind.MOVED: "The same text in another place; click it to jump to the other place",
    ChangeKind.DUPLICATED: "Repeated within one version",
    ChangeKind.TRUNCATED: "One version stops before the other ends",
    ChangeKind.COPY_EDIT: "Spelling, punctuation, name style or light rewording; same meaning",
    ChangeKind.BOILERPLATE: "Dates, codes, by-lines, captions, disclaimers the site added",
}


class LegendChip(QWidget):
    """A kind's name written in the kind's own format, then its count."""

    def __init__(self, kind: ChangeKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"legend-{kind.value}")
        self.setToolTip(KIND_HELP[kind])
        self._document = QTextDocument(self)
        self._document.setDocumentMargin(2)
        self.count = 0

    def show_count(self, count: int, theme: Theme) -> None:
        self.count = count
        self._document.clear()
        cursor = QTextCursor(self._document)
        cursor.insertText(KIND_STYLES[self.kind].label.lower(), theme.char_format(self.kind))
        plain = QTextCharFormat()
        plain.setFontWeight(700)
        if not count:
            plain.setForeground(theme.dim)
        cursor.insertText(f" {count}", plain)
        self._document.setDefaultFont(self.font())
        self.setAccessibleName(self.text())
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._document.toPlainText()

    def sizeHint(self) -> QSize:
        return self._document.size().toSize()

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._document.drawContents(painter)


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Legend and counts of changes")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        self.chips = {kind: LegendChip(kind, self) for kind in KIND_STYLES}
        for chip in self.chips.values():
            row.addWidget(chip)
        row.addStretch(1)

    def show_counts(self, counts: dict[ChangeKind, int], theme: Theme) -> None:
        for kind, chip in self.chips.items():
            chip.show_count(counts.get(kind, 0), theme)


class SummaryBar(QWidget):
    """Similarity and which side looks derived; the evidence below; the legend with counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryBar")
        self.setAccessibleName("Summary of the comparison")
        self.headline = QLabel("Comparing…", self)
        self.headline.setObjectName("summaryHeadline")
        self.headline.setAccessibleName("Similarity and derivation")
        self.evidence = QLabel(self)
        self.evidence.setObjectName("summaryEvidence")
        self.evidence.setAccessibleName("Why")
        self.evidence.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for label in (self.headline, self.evidence):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.headline.setFont(font)
        self.legend = Legend(self)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busyIndicator")
        self.busy.setAccessibleName("Comparing")
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 8, 16, 6)
        column.setSpacing(4)
        column.addWidget(self.headline)
        column.addWidget(self.evidence)
        column.addSpacing(2)
        column.addWidget(self.legend)
        column.addWidget(self.busy)

    def show_busy(self, message: str) -> None:
        """``message`` over a running busy bar, until a result or a failure is shown."""
        self.headline.setText(message)
        self.evidence.clear()
        self.busy.show()

    def show_failure(self, message: str) -> None:
        self.headline.setText(message)
        self.busy.hide()

    def show_comparison(self, comparison: Comparison, theme: Theme) -> None:
        self.busy.hide()
        said = verdict(comparison)
        self.headline.setText(said.headline)
        self.evidence.setText(said.evidence)
        self.evidence.setVisible(bool(said.evidence))
        self.legend.show_counts(dict(comparison.counts), theme)

    def text(self) -> str:
        """Everything the bar shows, as a reader would read it."""
        chips = "  ".join(chip.text() for chip in self.legend.chips.values())
        lines = (self.headline.text(), self.evidence.text(), chips)
        return "\n".join(line for line in lines if line)


@dataclass(frozen=True, slots=True)
class Mark:
    """A tick on the ruler: from ``top`` to ``bottom`` as fractions of the document."""

    top: float
    bottom: float
    colour: QColor


class OverviewRuler(QWidget):
    """Where the changes are in the whole document; click to go there."""

    jumped = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewRuler")
        self.setAccessibleName("Overview of where the changes are")
        self.setToolTip("Where the changes are; click to go there")
        self.setFixedWidth(16)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.marks: tuple[Mark, ...] = ()
        self._view = (0.0, 1.0)

    def set_marks(self, marks: Sequence[Mark]) -> None:
        self.marks = tuple(marks)
        self.update()

    def set_view(self, top: float, height: float) -> None:
        self._view = (top, height)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        height = self.height()
        painter.fillRect(self.rect(), self.palette().alternateBase())
        for mark in self.marks:
            top = mark.top * height
            span = max((mark.bottom - mark.top) * height, 3.0)
            painter.fillRect(QRectF(3, top, self.width() - 6, span), mark.colour)
        top, span = self._view
        frame = self.palette().text().color()
        frame.setAlpha(140)
        painter.setPen(frame)
        painter.drawRect(QRectF(0.5, top * height, self.width() - 1.0, span * height))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point: QPointF = event.position()
        self.jumped.emit(min(max(point.y() / max(self.height(), 1), 0.0), 1.0))
