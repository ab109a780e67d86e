""" "Did you mean …?": a query that found nothing, its unknown words replaced by the index's own.

``suggest(text, schema, searcher)`` reads ``text`` as a search does; each plain word that no
article contains (in the field it searches: the text, ``title:`` or ``source:``) is replaced
by the closest word the index holds, by Whoosh's spelling correction over the field's terms
(at most two edits, the first letter kept). Terms are stems ("kerri"), so the word shown is
the closest of that stem's spellings in an article that has it ("Kerry"). The answer is the
query as typed with those words replaced, or None when no word could be corrected.

Only the search package imports Whoosh.
"""

from __future__ import annotations

from typing import Any

from whoosh import fields, query
from whoosh.support.levenshtein import damerau_levenshtein

from desktop.core.search.query import query_parser, word_spans

_SPELLED = frozenset({"body", "title", "source"})
_MAX_EDITS = 2


def suggest(text: str, schema: fields.Schema, searcher: Any) -> str | None:
    """``text`` with each word no article contains replaced by the index's closest; or None."""
    try:
        parsed = query_parser(schema).parse(text)
    except Exception:  # a query the parser cannot read has been reported already
        return None
    reader = searcher.reader()
    replacements = []
    for token in parsed.leaves():
        if type(token) is not query.Term or token.fieldname not in _SPELLED:
            continue  # prefix*, fuzzy~, phrases and dates are left as typed
        if (token.fieldname, token.text) in reader or getattr(token, "startchar", None) is None:
            continue
        corrector = reader.corrector(token.fieldname)
        found = corrector.suggest(token.text, limit=1, maxdist=_MAX_EDITS, prefix=1)
        typed = text[token.startchar : token.endchar]
        word = _spelling(searcher, token.fieldname, found[0], typed) if found else None
        if word is not None:
            replacements.append((token.startchar, token.endchar, word))
    if not replacements:
        return None
    for start, end, word in sorted(replacements, reverse=True):
        text = text[:start] + word + text[end:]
    return text


def _spelling(searcher: Any, field: str, term: str, typed: str) -> str | None:
    """The spelling of ``term`` in an article that has it, the closest to ``typed``."""
    for hit in searcher.search(query.Term(field, term), limit=3):
        stored = hit.fields()
        shown = "\n".join(stored.get(name, "") for name in ("title", "source", "story"))
        words = {shown[start:end] for start, end in word_spans(shown, frozenset({term}))}
        if words:
            return min(
                words, key=lambda word: (damerau_levenshtein(word.lower(), typed.lower()), word)
            )
    return None
