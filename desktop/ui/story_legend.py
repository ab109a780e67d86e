"""The story grid's legend: a sample of each kind of cell the story shows, drawn as the
grid draws it (colour, line, italics and bar alike), and the heat map's shades from no
version changing a sentence to all of them."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from desktop.core.comparison.changes import ChangeKind
from desktop.core.story.model import Cell, Story, Treatment
from desktop.core.story.report import HEAT, cell_words
from desktop.ui.story_grid import cell_pixmap
from desktop.ui.styles import Theme

PAD = 10  # pixels around a sample's words
SPACE = 6  # pixels between two samples
SHADE = 22  # the width of a heat shade
HIGHER = 14  # pixels a sample is higher than a line: the grid's cell draws its words lower


class StoryLegend(QWidget):
    """One line: "Cells:" and a sample of each kind shown, then the shades of the heat map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyLegend")
        self.setAccessibleName("Legend of the grid's colours")
        self.samples: tuple[Cell, ...] = (Cell("", Treatment.KEPT),)

    def set_story(self, story: Story) -> None:
        kinds = {cell.kind: cell for row in story.rows for cell in row.cells}
        order = list(ChangeKind)
        samples = (
            Cell("", Treatment.KEPT),
            *(
                Cell("", kinds[kind].treatment, kind)
                for kind in sorted((k for k in kinds if k is not None), key=order.index)
            ),
        )
        if samples != self.samples:
            self.samples = samples
            self.setAccessibleDescription(self.words())
            self.updateGeometry()
            self.update()

    def words(self) -> str:
        """The legend as a screen reader says it."""
        cells = ", ".join(cell_words(cell) for cell in self.samples)
        return f"Cells: {cells}. Sentences shaded from none to all versions changing them."

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance("Cells:  ") + sum(
            self._width(cell) + SPACE for cell in self.samples
        )
        width += metrics.horizontalAdvance("   Sentences changed by:  none  all ")
        return QSize(width + SHADE * len(HEAT), metrics.height() + HIGHER)

    def _width(self, cell: Cell) -> int:
        return self.fontMetrics().horizontalAdvance(cell_words(cell)) + 2 * PAD

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = Theme.for_palette(self.palette())
        painter = QPainter(self)
        metrics = self.fontMetrics()
        height = metrics.height() + HIGHER
        painter.setPen(theme.text)
        painter.drawText(QRect(0, 0, 200, height), Qt.AlignmentFlag.AlignVCenter, "Cells:")
        x = metrics.horizontalAdvance("Cells:  ")
        option = QStyleOptionViewItem()
        option.font = self.font()
        option.palette = self.palette()
        for cell in self.samples:
            option.rect = QRect(0, 0, self._width(cell), height)
            painter.drawPixmap(x, 0, cell_pixmap(theme, cell, option))
            painter.setPen(theme.dim)
            painter.drawRect(QRect(x, 0, self._width(cell) - 1, height - 1))
            x += self._width(cell) + SPACE
        for words, shades in (("   Sentences changed by:  none ", HEAT), (" all", ())):
            painter.setPen(theme.text)
            width = metrics.horizontalAdvance(words)
            painter.drawText(QRect(x, 0, width, height), Qt.AlignmentFlag.AlignVCenter, words)
            x += width
            for shade in shades:
                painter.fillRect(QRect(x, 3, SHADE - 2, height - 6), QColor(shade))
                painter.setPen(theme.dim)
                painter.drawRect(QRect(x, 3, SHADE - 3, height - 7))
                x += SHADE
        painter.end()
