"""The two sides of a comparison: a header naming each article, and text panes painted by
kind, aligned and scrolling together.

An ``ArticleHeader`` shows an article's title over its source, date and id, and says when
that side looks derived. A ``ComparePane`` shows one side of a ``Layout``: one text block
per row, each run of article text inserted as plain text (never parsed as HTML) in the
format of the change that paints it, with the change's kind and reason as its tooltip and
a ``change:N`` anchor so a click can select it. A gap row is an empty hatched block; a row
holding text of a kind drawn with a bar (removed, cut off) has that bar in its margin.
``PanePair`` keeps two panes in register: every row is padded to the taller side's height,
and scrolling one pane puts the same row, at the same point inside it, at the top of the
other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextEdit, QVBoxLayout, QWidget

from desktop.core.comparison.compare import Comparison
from desktop.core.presentation.kind_styles import KIND_STYLES
from desktop.core.presentation.layout import Cell, Layout, folded_words, gap_words
from desktop.core.text.article import Article, meta_line
from desktop.ui.find_bar import MarkedTextBrowser
from desktop.ui.rich_text import open_web_link, web_link
from desktop.ui.styles import BAR_WIDTH, Theme, plain_tooltip, quieten, tooltip

ROW_SPACING = 12  # pixels between paragraphs
LINE_HEIGHT = 125  # percent
ANCHOR = "change:"
FOLD = "fold:"
BAR_X = 5  # where the margin bar stands, inside the 16 px document margin
Proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value


class ArticleHeader(QWidget):
    """Title over a line of source, date and id; says when this side looks derived."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = QLabel(self)
        self.meta = QLabel(self)
        self.address = QLabel(self)
        self.address.setObjectName(f"{name}Address")
        self.address.setAccessibleName("Web address of the article")
        self.address.setTextFormat(Qt.TextFormat.RichText)
        self.address.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.address.linkActivated.connect(open_web_link)
        # a long address is cut at the pane's edge (its tooltip has it whole), never widens it
        self.address.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for label in (self.title, self.meta):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 6, 16, 6)
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(self.meta)
        column.addWidget(self.address)
        column.addStretch(1)  # both headers start at the top, however many lines each takes

    def show_article(self, article: Article, role: str) -> None:
        self.title.setText(article.title)
        self.meta.setText(meta_line(article, role))
        quieten(self.meta, self.window().palette())
        link = web_link(article.url)
        self.address.setText(link)
        self.address.setToolTip(plain_tooltip(f"Open {article.url} in the browser") if link else "")
        self.address.setVisible(bool(link))
        self.setAccessibleName(", ".join(part for part in (article.title, role) if part))


class ComparePane(MarkedTextBrowser):
    """One side of the comparison, read-only; emits ``change_clicked`` with a change index."""

    change_clicked = Signal(int)
    fold_opened = Signal(int)  # the first block of a fold "Show" was clicked on
    resized = Signal()

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setOpenLinks(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # always there, so that a scroll bar appearing never rewraps one side behind our back
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.document().setDocumentMargin(16)
        self.anchorClicked.connect(self._on_anchor)
        self.ranges: dict[int, tuple[int, int]] = {}  # change → document positions
        self.names = ("", "")  # this side's short name, the other's: what a fold says
        self._gaps: list[bool] = []
        self._bars: dict[int, QColor] = {}  # row → the colour of the bar in its margin
        self._gap_brush = QBrush()

    def show_side(self, comparison: Comparison, layout: Layout, side: str, theme: Theme) -> None:
        """Show ``side`` ("a" or "b") of ``layout``, one text block per row."""
        article = comparison.a if side == "a" else comparison.b
        document = self.document()
        document.clear()
        self.ranges = {}
        self._gaps = []
        self._bars = {}
        self._gap_brush = QBrush(theme.gap, Qt.BrushStyle.BDiagPattern)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for number, row in enumerate(layout.rows):
            cell = row.a if side == "a" else row.b
            block = QTextBlockFormat()
            block.setBottomMargin(ROW_SPACING)
            if cell is not None:
                block.setLineHeight(LINE_HEIGHT, Proportional)
            if number:
                cursor.insertBlock(block, QTextCharFormat())
            else:
                cursor.setBlockFormat(block)
            self._gaps.append(cell is None)
            if cell is not None:
                self._insert_cell(cursor, cell, article, comparison, theme)
                barred = [run.change for run in cell.runs if run.change is not None]
                kinds = [comparison.changes[change].kind for change in barred]
                bar = next((kind for kind in kinds if KIND_STYLES[kind].bar), None)
                if bar is not None:
                    self._bars[number] = theme.colour(bar)
        cursor.endEditBlock()

    def _insert_cell(
        self,
        cursor: QTextCursor,
        cell: Cell,
        article: Article,
        comparison: Comparison,
        theme: Theme,
    ) -> None:
        if cell.is_fold():
            self._insert_fold(cursor, cell, comparison, theme)
            return
        for run in cell.runs:
            text = article.text[run.start : run.end].replace("\n", "\u2028")
            if run.change is None:
                cursor.insertText(text, QTextCharFormat())
                continue
            change = comparison.changes[run.change]
            fmt = theme.char_format(change.kind, run.op)
            fmt.setToolTip(tooltip(change.kind, change.reason))
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"{ANCHOR}{run.change}")
            start = cursor.position()
            cursor.insertText(text, fmt)
            first, _ = self.ranges.get(run.change, (start, start))
            self.ranges[run.change] = (first, cursor.position())

    def _insert_fold(
        self, cursor: QTextCursor, cell: Cell, comparison: Comparison, theme: Theme
    ) -> None:
        """A folded run's words, then "Show", a link that opens it in place; its tooltip
        explains the changes it stands for."""
        marker = QTextCharFormat()
        marker.setForeground(QBrush(theme.dim))
        marker.setFontItalic(True)
        changes = [comparison.changes[change] for change in cell.changes]
        marker.setToolTip("<br>".join(tooltip(change.kind, change.reason) for change in changes))
        start = cursor.position()
        if cell.folded_lines:
            cursor.insertText(folded_words(cell.folded_lines), marker)
        else:
            cursor.insertText(f"⋯ {gap_words(cell, *self.names)}", marker)
        link = QTextCharFormat()
        link.setAnchor(True)
        link.setAnchorHref(f"{FOLD}{cell.fold}")
        link.setForeground(QBrush(theme.text))
        link.setFontUnderline(True)
        link.setToolTip("Show these paragraphs here")
        cursor.insertText(" · ", marker)
        cursor.insertText("Show", link)
        for change in cell.changes:  # F7 on one of them marks the fold
            self.ranges[change] = (start, cursor.position())

    def row_top(self, row: int) -> float:
        block = self.document().findBlockByNumber(row)
        return self.document().documentLayout().blockBoundingRect(block).top()

    def row_at(self, y: float) -> tuple[int, float]:
        """The row at document height ``y`` and how far into it (0 to 1) ``y`` falls."""
        layout = self.document().documentLayout()
        low, high = 0, self.document().blockCount() - 1
        while low < high:  # binary search on block tops
            middle = (low + high + 1) // 2
            if self.row_top(middle) <= y:
                low = middle
            else:
                high = middle - 1
        block = self.document().findBlockByNumber(low)
        rect = layout.blockBoundingRect(block)
        height = rect.height() + block.blockFormat().bottomMargin()
        return low, (y - rect.top()) / height if height > 0 else 0.0

    def highlight(self, change: int | None, colour: QColor) -> None:
        """Mark the current change with a stronger background."""
        selections = []
        if change is not None and change in self.ranges:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document())
            start, end = self.ranges[change]
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.format.setBackground(QBrush(colour))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selections.append(selection)
        self.set_marks("change", selections)

    def natural_heights(self) -> list[float]:
        """Each row's height in the flow (line spacing included), its padding left out."""
        document = self.document()
        layout = document.documentLayout()
        bottom = layout.documentSize().height() - document.documentMargin()
        heights: list[float] = []
        block = document.lastBlock()
        while block.isValid():  # from the end: each block's height is where the next begins
            top = layout.blockBoundingRect(block).top()
            heights.append(bottom - top - block.blockFormat().bottomMargin())
            bottom = top
            block = block.previous()
        return heights[::-1]

    def row_heights(self) -> list[float]:
        """What each row needs to show its text: nothing for a gap."""
        return [
            0.0 if gap else h for gap, h in zip(self._gaps, self.natural_heights(), strict=False)
        ]

    def pad(self, targets: list[float]) -> None:
        """Give every row the height in ``targets`` by padding it below."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        block = self.document().begin()
        for target, natural in zip(targets, self.natural_heights(), strict=False):
            fmt = block.blockFormat()
            fmt.setBottomMargin(ROW_SPACING + max(target - natural, 0.0))
            if fmt != block.blockFormat():
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
            block = block.next()
        cursor.endEditBlock()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, a hatched band over each run of gap rows (as Meld draws them), the bars."""
        super().paintEvent(event)
        if not any(self._gaps) and not self._bars:
            return
        painter = QPainter(self.viewport())
        painter.translate(0, -self.verticalScrollBar().value())
        for top, bottom in self._gap_bands():
            painter.fillRect(QRectF(0, top, self.viewport().width(), bottom - top), self._gap_brush)
        layout = self.document().documentLayout()
        heights = self.natural_heights() if self._bars else []
        for row, colour in self._bars.items():
            top = layout.blockBoundingRect(self.document().findBlockByNumber(row)).top()
            painter.fillRect(QRectF(BAR_X, top, BAR_WIDTH, heights[row]), colour)
        painter.end()

    def _gap_bands(self) -> list[tuple[float, float]]:
        """(top, bottom) document heights of each run of consecutive gap rows in view."""
        low = self.verticalScrollBar().value()
        high = low + self.viewport().height()
        bands: list[tuple[float, float]] = []
        first, _ = self.row_at(float(low))
        block = self.document().findBlockByNumber(first)
        layout = self.document().documentLayout()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > high:
                break
            if block.blockNumber() < len(self._gaps) and self._gaps[block.blockNumber()]:
                bottom = rect.bottom() + block.blockFormat().bottomMargin() - ROW_SPACING / 2
                top = rect.top() - ROW_SPACING / 2
                if bands and abs(bands[-1][1] - top) < 1:
                    top = bands[-1][0]
                    bands.pop()
                bands.append((top, bottom))
            block = block.next()
        return bands

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.resized.emit()

    def _on_anchor(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith(ANCHOR):
            self.change_clicked.emit(int(target.removeprefix(ANCHOR)))
        elif target.startswith(FOLD):
            self.fold_opened.emit(int(target.removeprefix(FOLD)))


class PanePair(QObject):
    """Keeps ``left`` and ``right`` aligned row by row and scrolling together."""

    def __init__(self, left: ComparePane, right: ComparePane) -> None:
        super().__init__(left)
        self.left, self.right = left, right
        self._syncing = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.align)
        for pane in (left, right):
            pane.resized.connect(self._timer.start)
        left.verticalScrollBar().valueChanged.connect(self._left_scrolled)
        right.verticalScrollBar().valueChanged.connect(self._right_scrolled)

    def align(self) -> None:
        """Pad each row of both panes to the taller side's height."""
        left, right = self.left.row_heights(), self.right.row_heights()
        targets = [max(one, two) for one, two in zip(left, right, strict=False)]
        self.left.pad(targets)
        self.right.pad(targets)
        self._left_scrolled(self.left.verticalScrollBar().value())

    def scroll_to_row(self, row: int) -> None:
        """Put ``row`` a third of the way down both panes."""
        top = self.left.row_top(row) - self.left.viewport().height() / 3
        self.left.verticalScrollBar().setValue(max(int(top), 0))

    def _left_scrolled(self, value: int) -> None:
        self._follow(self.left, self.right, value)

    def _right_scrolled(self, value: int) -> None:
        self._follow(self.right, self.left, value)

    def _follow(self, leader: ComparePane, follower: ComparePane, value: int) -> None:
        if self._syncing or not leader.document().blockCount():
            return
        self._syncing = True
        try:
            row, fraction = leader.row_at(float(value))
            block = follower.document().findBlockByNumber(row)
            rect = follower.document().documentLayout().blockBoundingRect(block)
            height = rect.height() + block.blockFormat().bottomMargin()
            follower.verticalScrollBar().setValue(round(rect.top() + fraction * height))
        finally:
            self._syncing = False
