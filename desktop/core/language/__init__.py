"""Language: what words tell a reader: names, numbers and dates, amounts, spellings,
capitals, certainty, lemmas (lemminflect's tables, read as data), opposites (WordNet's
antonyms, read as data), stop words (jusText's lists, read as data).

Lexical knowledge the comparison reads an edit with, knowing nothing of change kinds.
Uses only ``text``.
"""
