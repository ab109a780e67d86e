"""Versions: which articles tell one story, found by runs of content words and MinHash.

Content-word runs (``content``, of stemmed words: ``words``, the only PyStemmer user),
fingerprints kept on disk, postings, related versions, families, and which version of a
family looks like the original (``original``); which of two looks derived is the
comparison's verdict (``comparison.derivation``). Uses ``comparison`` and ``text``.
"""

DEFAULT_THRESHOLD = 0.4  # share of content words aligned, linking two versions (see ``related``)
