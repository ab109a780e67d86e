"""Versions: which articles tell one story, found by shingles and MinHash across a library.

Fingerprints kept on disk, postings, related versions and families; which version looks
derived is the comparison's verdict (``comparison.derivation``). Uses ``comparison`` and
``text``.
"""

DEFAULT_THRESHOLD = 0.5  # containment linking two versions of a story (see ``related``)
