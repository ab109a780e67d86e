"""Text intake: bytes and web pages to clean Unicode articles, and the units a text is read in.

Holds the ``Article`` value, decoding (encodings, mojibake), main-text extraction from HTML
(the only trafilatura user), title/source/date heuristics, credit lines (``credits``),
comparison keys (``normalize``) and tokens. Uses only ``desktop.core.errors`` and outside
libraries; every other package may use it.
"""

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # an article file is read up to this size (ingest.py)
