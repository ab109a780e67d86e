"""The reading pane: one article, its metadata above its text, search hits highlighted.

Article text is always HTML-escaped; only the markup added here is rich text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text.article import Article, meta_line
from desktop.core.versions.relations import Original
from desktop.ui.find_bar import FindBar, MarkedTextBrowser
from desktop.ui.rich_text import highlighted_html, open_web_link, web_link
from desktop.ui.styles import hit_tones, quiet_colour

READING_WIDTH_EM = 42
PICK_ONE = "Select an article in the sidebar to read it here."


def article_html(article: Article, highlights: Sequence[tuple[int, int]] = ()) -> str:
    """The article as escaped rich text: title, a metadata line, then its paragraphs."""
    meta = meta_line(article)
    body = highlighted_html(article.text, highlights).split("\n\n")
    if body and article.text.split("\n\n", 1)[0].strip() == article.title:
        body = body[1:]  # the title is on show already, as the heading
    paragraphs = "".join(
        f"<p>{block.replace(chr(10), '<br>')}</p>" for block in body if block.strip()
    )
    link = web_link(article.url)
    address = f'<p class="meta">{link}</p>' if link else ""
    return (
        f'<h1>{html.escape(article.title)}</h1><p class="meta">{html.escape(meta)}</p>'
        f"{address}{paragraphs}"
    )


class ReadingPane(MarkedTextBrowser):
    """Read-only rich text of one article, in a comfortable reading measure.

    ``heading_scrolled_away`` says when the title and metadata line leave the view (a hit
    scrolled into view, or the reader scrolling on) and when they come back.
    """

    heading_scrolled_away = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setAccessibleName("Article text")
        self.setOpenLinks(False)
        self.anchorClicked.connect(open_web_link)  # the article's address, in the browser
        self.setPlaceholderText(PICK_ONE)
        self.article: Article | None = None
        self._heading_away = False
        self.verticalScrollBar().valueChanged.connect(self._check_heading)

    def show_article(self, article: Article, highlights: Sequence[tuple[int, int]] = ()) -> None:
        self.article = article
        self.setPlaceholderText(PICK_ONE)
        back, text = hit_tones(self.palette())
        hit = f"background-color: {back}; color: {text};"
        dim = quiet_colour(self.palette()).name()
        self.document().setDefaultStyleSheet(
            f".hit {{ {hit} }} .meta {{ color: {dim}; }}"
            "h1 { font-size: x-large; } p { line-height: 140%; }"
        )
        markup = article_html(article, highlights)
        self.setHtml(
            markup.replace('<span class="hit">', '<a name="hit"></a><span class="hit">', 1)
        )
        self._fit_measure()
        if highlights:  # the first hit a third of the way down, with its context above it
            self.scrollToAnchor("hit")
            bar = self.verticalScrollBar()
            if bar.value() < bar.maximum():  # else the hit is in the last screen, in view
                bar.setValue(bar.value() - self.viewport().height() // 3)
        self._check_heading()

    def show_nothing(self, message: str) -> None:
        """No article on show, and ``message`` in its place saying why."""
        self.article = None
        self.clear()
        self.setPlaceholderText(message)
        self._check_heading()

    def _check_heading(self) -> None:
        """Tell whether the metadata line under the title has scrolled out of view."""
        document = self.document()
        meta = document.findBlockByNumber(1)  # the title is block 0, its metadata block 1
        top = document.documentLayout().blockBoundingRect(meta).top()
        away = self.article is not None and self.verticalScrollBar().value() > top
        if away != self._heading_away:
            self._heading_away = away
            self.heading_scrolled_away.emit(away)

    def resizeEvent(self, event: QResizeEvent) -> None:
        bar = self.verticalScrollBar()
        at_end = 0 < bar.value() == bar.maximum()
        super().resizeEvent(event)
        self._fit_measure()
        if at_end:  # the last lines stay in view (a hit there, as the heading shows above)
            bar.setValue(bar.maximum())

    def _fit_measure(self) -> None:
        """Keep lines to a readable length: wide windows get side margins, not long lines."""
        measure = self.fontMetrics().averageCharWidth() * READING_WIDTH_EM * 2
        side = max(24, (self.viewport().width() - measure) // 2)
        frame = self.document().rootFrame()
        layout = frame.frameFormat()
        layout.setLeftMargin(side)
        layout.setRightMargin(side)
        layout.setTopMargin(20)
        layout.setBottomMargin(32)
        frame.setFrameFormat(layout)


class ReaderPanel(QWidget):
    """The reading pane under a bar with the article's actions ("Compare with…")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane = ReadingPane(self)
        self.compare_menu = QMenu("Compare with", self)
        self.compare_button = QToolButton(self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setAccessibleName("Compare with another version")
        self.compare_button.setText("Compare with…")
        self.compare_button.setToolTip("Compare this article with another version (Ctrl+D)")
        self.compare_button.setMenu(self.compare_menu)
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.compare_button.setEnabled(False)
        self.hint = QLabel(self)
        self.hint.setObjectName("readerHint")
        self.hint.setAccessibleName("Other versions of this story")
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setWordWrap(True)  # the original's title may be long: never widen the window
        self.heading = QLabel(self)  # the title and source, kept in view when they scroll away
        self.heading.setObjectName("stickyHeading")
        self.heading.setAccessibleName("Article read")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setContentsMargins(12, 0, 12, 4)
        self.heading.hide()
        self.pane.heading_scrolled_away.connect(self._show_heading)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 12, 0)
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        self.find_bar = FindBar([self.pane], self)
        layout.addWidget(self.heading)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.pane, 1)

    def _show_heading(self, away: bool) -> None:
        article = self.pane.article
        if article is not None:
            dim = quiet_colour(self.palette()).name()
            self.heading.setText(
                f"<b>{html.escape(article.title)}</b><br>"
                f'<span style="color: {dim};">{html.escape(meta_line(article))}</span>'
            )
        self.heading.setVisible(away and article is not None)

    def show_nothing(self, message: str) -> None:
        """An empty reader (a search that matches no article): ``message`` says why, and
        there is nothing to compare."""
        self.pane.show_nothing(message)
        self.compare_button.setEnabled(False)
        self.hint.setToolTip("")
        self.hint.clear()

    def show_versions(self, count: int, original: Original | None, article_id: str) -> None:
        """Say how many other versions (one or more) the story has, which is the original
        (on what basis; the whole reason in the tooltip)."""
        plural = "s" if count != 1 else ""
        origin = ""
        if original is not None and original.id == article_id:
            origin = f"<b>this looks like the original</b> ({original.basis}) · "
        elif original is not None:
            title = original.title if len(original.title) <= 60 else original.title[:59] + "…"
            origin = f"the original looks like “{html.escape(title)}” ({original.basis}) · "
        self.hint.setToolTip(f"Looks like the original: {original.reason}" if original else "")
        self.hint.setText(
            f"{count} other version{plural} of this story · {origin}"
            '<a href="closest">Compare side by side</a> · '
            '<a href="story">See every version at once</a>'
        )
