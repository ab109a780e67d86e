"""Language: what words tell a reader: names, numbers and dates, spellings, capitals.

Lexical knowledge the comparison reads an edit with, knowing nothing of change kinds.
Uses only ``text``.
"""
