"""The reading pane: one article, its metadata above its text, always HTML-escaped."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.article import Article


def article_html(article: Article) -> str:
    """The article as escaped rich text: title, a metadata line, then its paragraphs."""
    meta = " · ".join(
        part
        for part in (
            article.source,
            article.date.isoformat() if article.date else "",
            f"{len(article.text):,} characters",
            article.id,
        )
        if part
    )
    paragraphs = "".join(
        f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>"
        for block in article.text.split("\n\n")
        if block.strip()
    )
    return (
        f"<h2>{html.escape(article.title)}</h2>"
        f"<p style='color: palette(mid);'>{html.escape(meta)}</p>{paragraphs}"
    )


class ReadingPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setAccessibleName("Article text")
        self.setOpenLinks(False)
        self.document().setDocumentMargin(24)
        self.setPlaceholderText("Select an article in the sidebar to read it here.")

    def show_article(self, article: Article) -> None:
        self.setHtml(article_html(article))
