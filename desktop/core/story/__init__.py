"""The story of a family: every version of one article at once.

``Story`` (``model``) holds a family's versions with, for each, the one it most likely
copies (``lineage``: the pairwise judgements of ``comparison.derivation`` reduced to a
tree, dates and containment both weighed there, the nearest source by ``kinship``: the
editorial decisions a copy carries from its source; the original marked), and the collation
(``collation``): the original's text cut into paragraphs and sentences and what each
version did with each part, plus what each adds. ``build.story_steps`` computes the
pairs once each and yields a fuller ``Story`` as they complete; ``summary`` says the
story in words and ``report`` prints it as one self-contained HTML page.

Sits above ``presentation`` and ``versions`` (it takes their original and the report's
styles), below the workspace, which is how the window and the command line reach it.
"""
