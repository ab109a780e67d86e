"""Comparison: two texts aligned and every difference explained as a change of one kind.

The word diff (the only diff-match-patch user), paragraph matching, the change kinds and
the rules that tell a copy-edit from a rewrite, and site chrome (by a line's pattern, and by
its form and place around the story: jusText's prose classifier on text alone). Uses
``language`` and ``text``.
"""
