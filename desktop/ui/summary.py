"""What a comparison amounts to, at a glance: similarity, counts per kind, the legend, a ruler.

``SummaryBar`` says how similar the two versions are and which one looks derived from the
other; its ``Legend`` shows every kind of change in the very format the panes use, with
its count, each chip a filter (click or Space: hide or show that kind). ``OverviewRuler``
stands beside the panes: a mark per change at its height in the document, in the kind's
colour and its own shape (``RulerMark``: full width, left or
right half, hollow, double, hatched, a dot, an edge line), so that it reads without colour;
the visible stretch framed; a click asks to jump there.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import Comparison
from desktop.core.presentation.kind_styles import KIND_STYLES, RulerMark
from desktop.core.presentation.verdict import verdict
from desktop.core.presentation.vocabulary import KIND_WORDS, word
from desktop.ui.styles import BAR_WIDTH, Theme, quieten


class LegendChip(QAbstractButton):
    """A kind's name written in the kind's own format, then its count; a filter too: checked
    while the kind is shown, click (or Space) to hide or show it."""

    def __init__(self, kind: ChangeKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"legend-{kind.value}")
        self.setCheckable(True)
        self.setChecked(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._document = QTextDocument(self)
        self._document.setDocumentMargin(3)
        self.count = 0
        self._bar = QColor()
        self._focus = QColor()

    def show_count(self, count: int, theme: Theme, *, shown: bool = True) -> None:
        self.count = count
        self.setChecked(shown)
        self._bar = theme.colour(self.kind)
        self._focus = theme.text
        label = word(self.kind)
        self._document.clear()
        cursor = QTextCursor(self._document)
        quiet = QTextCharFormat()
        quiet.setForeground(theme.dim)
        cursor.insertText(label, theme.char_format(self.kind) if shown else quiet)
        plain = QTextCharFormat()
        plain.setFontWeight(700)
        if not count or not shown:
            plain.setForeground(theme.dim)
        cursor.insertText(f" {count}" + ("" if shown else " hidden"), plain)
        self._document.setDefaultFont(self.font())
        action = "hide" if shown else "show"
        self.setAccessibleName(f"{self.text()}: press to {action} them")
        meaning = KIND_WORDS[self.kind].meaning
        self.setToolTip(f"{meaning[:1].upper()}{meaning[1:]}. Click to {action} them.")
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._document.toPlainText()

    def sizeHint(self) -> QSize:
        size = self._document.size().toSize()
        if KIND_STYLES[self.kind].bar:
            size.setWidth(size.width() + BAR_WIDTH + 2)
        return size

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.hasFocus():
            painter.setPen(QPen(self._focus, 1, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        if KIND_STYLES[self.kind].bar and self.isChecked():  # the bar the panes draw
            painter.fillRect(QRectF(0, 3, BAR_WIDTH, self.height() - 6), self._bar)
        if KIND_STYLES[self.kind].bar:
            painter.translate(BAR_WIDTH + 2, 0)
        self._document.drawContents(painter)


class Legend(QWidget):
    """The chips of every kind; ``kind_toggled(kind, shown)`` when one is clicked."""

    kind_toggled = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Legend and counts of changes; each a filter")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.chips = {kind: LegendChip(kind, self) for kind in KIND_STYLES}
        for kind, chip in self.chips.items():
            row.addWidget(chip)
            chip.clicked.connect(functools.partial(self._clicked, kind))
        row.addStretch(1)

    def show_counts(
        self,
        counts: dict[ChangeKind, int],
        theme: Theme,
        hidden: frozenset[ChangeKind] = frozenset(),
    ) -> None:
        for kind, chip in self.chips.items():
            chip.show_count(counts.get(kind, 0), theme, shown=kind not in hidden)

    def _clicked(self, kind: ChangeKind) -> None:
        self.kind_toggled.emit(kind, self.chips[kind].isChecked())


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
        self.credits = QLabel(self)
        self.credits.setObjectName("summaryCredits")
        self.credits.setAccessibleName("Whose work each version says it is")
        for label in (self.headline, self.evidence, self.credits):
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
        column.addWidget(self.credits)
        column.addSpacing(2)
        column.addWidget(self.legend)
        column.addWidget(self.busy)

    def show_busy(self, message: str) -> None:
        """``message`` over a running busy bar, until a result or a failure is shown."""
        self.headline.setText(message)
        self.evidence.clear()
        self.credits.clear()
        self.busy.show()

    def show_failure(self, message: str) -> None:
        self.headline.setText(message)
        self.busy.hide()

    def show_comparison(
        self,
        comparison: Comparison,
        theme: Theme,
        hidden: frozenset[ChangeKind] = frozenset(),
    ) -> None:
        self.busy.hide()
        said = verdict(comparison)
        self.headline.setText(said.headline)
        self.evidence.setText(said.evidence)
        quieten(self.evidence, self.window().palette())
        self.evidence.setVisible(bool(said.evidence))
        self.credits.setText(said.credits)
        self.credits.setVisible(bool(said.credits))
        self.legend.show_counts(dict(comparison.counts), theme, hidden)

    def text(self) -> str:
        """Everything the bar shows, as a reader would read it."""
        chips = "  ".join(chip.text() for chip in self.legend.chips.values())
        lines = (self.headline.text(), self.evidence.text(), self.credits.text(), chips)
        return "\n".join(line for line in lines if line)


@dataclass(frozen=True, slots=True)
class Mark:
    """A tick on the ruler: from ``top`` to ``bottom`` as fractions of the document."""

    top: float
    bottom: float
    colour: QColor
    shape: RulerMark = RulerMark.FULL


class OverviewRuler(QWidget):
    """Where the changes are in the whole document; click to go there."""

    jumped = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewRuler")
        self.setAccessibleName("Overview of where the changes are")
        self.setToolTip("Where the changes are; click to go there")
        self.setFixedWidth(18)
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
            span = max((mark.bottom - mark.top) * height, 4.0)
            draw_mark(painter, QRectF(2, top, self.width() - 4, span), mark)
        top, span = self._view
        frame = self.palette().text().color()
        frame.setAlpha(140)
        painter.setPen(frame)
        painter.drawRect(QRectF(0.5, top * height, self.width() - 1.0, span * height))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point: QPointF = event.position()
        self.jumped.emit(min(max(point.y() / max(self.height(), 1), 0.0), 1.0))


def draw_mark(painter: QPainter, rect: QRectF, mark: Mark) -> None:
    """``mark`` in ``rect``, shaped as its kind's ``RulerMark``."""
    colour, width = mark.colour, rect.width()
    if mark.shape is RulerMark.FULL:
        painter.fillRect(rect, colour)
    elif mark.shape is RulerMark.LEFT:
        painter.fillRect(rect.adjusted(0, 0, -width / 2, 0), colour)
    elif mark.shape is RulerMark.RIGHT:
        painter.fillRect(rect.adjusted(width / 2, 0, 0, 0), colour)
    elif mark.shape is RulerMark.OUTLINE:
        painter.save()
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()
    elif mark.shape is RulerMark.DOUBLE:
        painter.fillRect(rect.adjusted(0, 0, -width * 0.6, 0), colour)
        painter.fillRect(rect.adjusted(width * 0.6, 0, 0, 0), colour)
    elif mark.shape is RulerMark.HATCHED:
        painter.fillRect(rect, QBrush(colour, Qt.BrushStyle.BDiagPattern))
        painter.fillRect(rect.adjusted(0, 0, 0, -rect.height() + 2), colour)
    elif mark.shape is RulerMark.DOT:
        side = min(width / 2, max(rect.height(), 4.0))
        centre = rect.center()
        painter.fillRect(QRectF(centre.x() - side / 2, rect.top(), side, side), colour)
    else:  # EDGE
        painter.fillRect(rect.adjusted(width - 3, 0, 0, 0), colour)
