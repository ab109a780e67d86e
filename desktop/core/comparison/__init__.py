"""Comparison: two texts aligned and every difference explained as a change of one kind.

The word diff (the only diff-match-patch user), paragraph matching, the change kinds and
the rules that tell a copy-edit from a rewrite, and site chrome. Uses ``language`` and ``text``.
"""
