"""The story's timeline: a box for each version, placed by day and source, an arrow from
each version to the one it copies, the original marked. Positions come from the core's
``story.timeline``; this widget only draws them and says which box was clicked."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from desktop.core.story.model import Story
from desktop.core.story.timeline import Timeline, timeline
from desktop.ui.styles import Theme

BOX = QSize(140, 36)
GAP = QSize(40, 8)
HEAD = 22  # the row of day labels
LEFT = 8


class TimelineView(QWidget):
    """Versions by day (left to right) and source (top to bottom), who copies whom."""

    version_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyTimeline")
        self.setAccessibleName("Timeline of the versions: who copies whom")
        self.story: Story | None = None
        self.layout_: Timeline | None = None
        self._boxes: dict[str, QRectF] = {}

    def set_story(self, story: Story) -> None:
        """Show ``story``; drawn again only when its timeline changed (a story being
        computed is shown again and again with the same one)."""
        layout = timeline(story)
        self.story = story
        if layout == self.layout_:
            return
        self.layout_ = layout
        self._boxes = {
            place.id: QRectF(
                LEFT + place.column * (BOX.width() + GAP.width()),
                HEAD + place.lane * (BOX.height() + GAP.height()),
                BOX.width(),
                BOX.height(),
            )
            for place in self.layout_.places
        }
        self.setMinimumSize(self.sizeHint())
        self.updateGeometry()
        self.update()

    def box_of(self, version_id: str) -> QRectF:
        return self._boxes[version_id]

    def sizeHint(self) -> QSize:
        if not self._boxes:
            return QSize(400, 80)
        right = max(box.right() for box in self._boxes.values())
        bottom = max(box.bottom() for box in self._boxes.values())
        return QSize(int(right) + LEFT + 20, int(bottom) + 12)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for version_id, box in self._boxes.items():
            if box.contains(event.position()):
                self.version_clicked.emit(version_id)
                return
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.story is None or self.layout_ is None:
            return
        theme = Theme.for_palette(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(theme.dim)
        for column, day in enumerate(self.layout_.days):
            x = LEFT + column * (BOX.width() + GAP.width())
            words = f"{day.day} {day:%B %Y}" if day else "undated"
            painter.drawText(QRectF(x, 0, BOX.width(), HEAD - 4), Qt.AlignmentFlag.AlignLeft, words)
        link = self.palette().color(self.palette().ColorRole.Link)
        painter.setPen(QPen(link, 1.6))
        painter.setBrush(link)
        seen = QRectF(event.rect())  # what is to be painted: a hundred boxes are not all
        for copy, source in self.layout_.arrows:
            if seen.intersects(self._boxes[source].united(self._boxes[copy])):
                _arrow(painter, self._boxes[source], self._boxes[copy])
        for version in self.story.versions:
            box = self._boxes[version.id]
            if not seen.intersects(box):
                continue
            original = version.id == self.story.original
            painter.setPen(QPen(theme.text, 2.4 if original else 1.0))
            painter.setBrush(self.palette().color(self.palette().ColorRole.Base))
            painter.drawRoundedRect(box, 5, 5)
            painter.setPen(theme.text)
            bold = QFont(small)
            bold.setBold(True)
            painter.setFont(bold)
            title = version.source or version.id
            text_box = box.adjusted(6, 3, -6, -3)
            painter.drawText(
                text_box,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                painter.fontMetrics().elidedText(
                    title, Qt.TextElideMode.ElideRight, int(text_box.width())
                ),
            )
            painter.setFont(small)
            painter.setPen(theme.dim if not original else theme.text)
            second = "ORIGINAL · " + version.id if original else version.id
            painter.drawText(
                text_box,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                painter.fontMetrics().elidedText(
                    second, Qt.TextElideMode.ElideRight, int(text_box.width())
                ),
            )
        painter.end()


def _arrow(painter: QPainter, source: QRectF, copy: QRectF) -> None:
    """A curve from the box copied to the copy's box, its head at the copy: leaving the
    source's right side and reaching the copy's left side level, so that arrows from one
    source to many fan out instead of crossing as straight lines; within one day's column,
    down or up from one box to the other."""
    path = QPainterPath()
    if copy.left() >= source.right():
        start = QPointF(source.right(), source.center().y())
        end = QPointF(copy.left(), copy.center().y())
        bend = max(GAP.width(), (end.x() - start.x()) / 2)
        path.moveTo(start)
        path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end)
        angle = 0.0
    else:
        below = copy.top() >= source.bottom()
        start = QPointF(source.center().x(), source.bottom() if below else source.top())
        end = QPointF(copy.center().x(), copy.top() if below else copy.bottom())
        path.moveTo(start)
        path.lineTo(end)
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()
    head = QPolygonF(
        [
            end,
            end - QPointF(math.cos(angle - 0.4) * 9, math.sin(angle - 0.4) * 9),
            end - QPointF(math.cos(angle + 0.4) * 9, math.sin(angle + 0.4) * 9),
        ]
    )
    painter.drawPolygon(head)
