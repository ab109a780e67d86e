"""Versions: which articles tell one story, found by shingles and MinHash across a library.

Fingerprints kept on disk, postings, related versions, families and which version looks
derived. Uses ``comparison`` (site
chrome, the derivation judge) and ``text``.
"""
