"""One exception hierarchy: every error a user may see carries a readable message."""

from __future__ import annotations


class RecensionError(Exception):
    """Base of every error Recension reports to a user; ``str(error)`` is the message."""


class ArticleNotFoundError(RecensionError):
    """No article in the library has this id or id prefix."""


class AmbiguousIdError(RecensionError):
    """An id prefix matches more than one article."""


class IngestError(RecensionError):
    """A file could not be read as an article; the message says why."""


class ReadOnlyLibraryError(RecensionError):
    """The library is a folder opened with ``--library``: Recension never writes there."""


class TooLongToCompareError(RecensionError):
    """A paragraph too long for the word diff to finish in seconds; the message says which."""


class QueryError(RecensionError):
    """A search query that cannot be read; the message says what is wrong with it."""
