"""Reading what a user types into a search: the index schema, the query language, snippets.

The query language is Whoosh's, narrowed to what a reader of news expects: words are ANDed
(``Kerry Lavrov``), ``OR`` and ``NOT`` (upper case) combine them, ``"exact phrase"``,
``prefix*``, ``fuzzy~`` (one edit; ``~2`` for two), ``title:``, ``source:`` and
``date:2014-03`` / ``date:[2014-03-01 to 2014-03-31]`` restrict a word to one field. Words
are matched case-insensitively, accents folded and English stems compared ("talks" finds
"talk"). A query that cannot be read raises :class:`QueryError` with a message for the
user; small slips (an unbalanced quote or parenthesis) are read leniently.

Snippets (``snippets``) are cut around the words of ``text`` that the analyzer turns into
the searched terms, found here.

Only the search package imports Whoosh.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from whoosh import fields, qparser, query
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

from desktop.core.errors import QueryError
from desktop.core.search.codec import POSITION, Positions
from desktop.core.search.results import Snippet
from desktop.core.search.snippets import snippet

SCHEMA_VERSION = 5

# Small on purpose: "us", "may", "will" and "not" are words of news (US, Theresa May).
_STOP_WORDS = frozenset(
    "a an and are as at be by for from in is it of on or that the this to was were with".split()  # noqa: SIM905
)
_FOLDED = RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter(_STOP_WORDS)
_STEMMED = _FOLDED | StemFilter(cachesize=100_000)
_TOKEN = re.compile(r"[\w*]+(?:\.?[\w*]+)*")  # RegexTokenizer's pattern, without its group
_STEMS: dict[str, str] = {}
_STEMS_KEPT = 100_000
# One letter for one, so offsets hold; not ASCII (accent_map lowers some ASCII capitals,
# which the case-blind candidates and the analyzer do anyway)
_ACCENTS: dict[int, str] = {
    code: folded for code, folded in accent_map.items() if len(folded) == 1 and code > 127
}
_ACCENTED = re.compile("[" + "".join(map(re.escape, map(chr, _ACCENTS))) + "]")
_WORD_BEFORE = re.compile(r"[\w*]")

FIELDS_IN_QUERIES = frozenset({"title", "body", "source", "date"})
TITLE_BOOST = 2.0
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_EMPTY_FIELD = re.compile(r"(?:^|[\s(])(\w+):(?=$|[\s)])")
_DANGLING_NOT = re.compile(r"(?:^|\s)NOT\s*\)?\s*$")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def build_schema() -> fields.Schema:
    """The fields of one indexed article; ``hash`` and ``family`` drive incremental refresh.

    ``body`` indexes title, source and text together, so that a plain word is one term
    to look up rather than one per field (three times faster); ``story`` keeps the text
    from where its story starts (``story_text``) and ``folded`` the same folded (``fold``),
    so that a snippet is cut from them without reading the page's head or lowering the text.
    """
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        title=_text(_STEMMED, _StemmedPositions(), stored=True),
        body=_text(_STEMMED, _StemmedPositions()),
        story=fields.STORED(),
        folded=fields.STORED(),
        source=_text(_FOLDED, Positions(), stored=True),
        date=fields.ID(stored=True, sortable=True),
        family=fields.ID(stored=True, sortable=True),
        hash=fields.ID(sortable=True),
    )


def _text(analyzer: Any, format_: Positions, *, stored: bool = False) -> fields.TEXT:
    """A TEXT field whose positions are stored in ``format_`` (see ``codec``)."""
    field = fields.TEXT(analyzer=analyzer, stored=stored)
    field.format = format_
    return field


class _StemmedPositions(Positions):
    """Whoosh's Positions of the ``_STEMMED`` terms, without a Token object per word.

    The analyzer chain costs five generator steps per word; this finds the same terms
    and positions with a few operations on whole lists (tests compare the two).
    """

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Any:
        if not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        first, terms = _stemmed_terms(value)
        positions: dict[str, list[int]] = {}
        for position, term in enumerate(terms, first):
            if term in positions:
                positions[term].append(position)
            else:
                positions[term] = [position]
        boost, encode, encode_one = self.field_boost, self.encode, _encode_one
        for term, found in positions.items():
            count = len(found)
            yield term, count, count * boost, encode_one(found[0]) if count == 1 else encode(found)


@lru_cache(maxsize=4096)
def _encode_one(position: int) -> bytes:
    """Most words occur once in an article: their one position, encoded once for all."""
    return POSITION.pack(position)


def _stemmed_terms(text: str) -> tuple[int, list[str]]:
    """The terms ``_STEMMED`` makes of ``text``, and the position of the first of them.

    As Whoosh's StopFilter does, positions count only the words kept, from the first one's.
    """
    tokens = _TOKEN.findall(text)
    folded = "\0".join(tokens).lower().translate(accent_map).split("\0") if tokens else []
    kept = [word for word in folded if len(word) > 1 and word not in _STOP_WORDS]
    first = next(
        (n for n, word in enumerate(folded) if len(word) > 1 and word not in _STOP_WORDS), 0
    )
    if len(_STEMS) > _STEMS_KEPT:
        _STEMS.clear()
    stems = _STEMS
    return first, [
        known if (known := stems.get(word)) is not None else stems.setdefault(word, stem(word))
        for word in kept
    ]


def parse_query(text: str, schema: fields.Schema) -> Any:
    """The Whoosh query for ``text``; every article for a blank query.

    Raises QueryError for an unclosed quote, a field name with nothing after it, a NOT
    with nothing to exclude, a malformed date, or a query of operators and common words only.
    """
    text = text.strip()
    if not text:
        return query.Every()
    _reject_empty_field(text)
    if text.count('"') % 2:
        raise QueryError('a quote is not closed: end the phrase with " or remove the quote')
    if _DANGLING_NOT.search(text):
        raise QueryError("NOT needs a word after it, as in: Kerry NOT Putin")
    try:
        parsed = query_parser(schema).parse(text)
    except Exception as error:  # Whoosh's parser reports slips with assorted exceptions
        raise QueryError(f"cannot read the search {text!r}: {error}") from None
    if parsed is query.NullQuery:
        words = text.split()
        if all(word in _OPERATORS for word in words):
            raise QueryError("AND, OR and NOT join words: add a word to search for")
        raise QueryError(
            f"{text!r} has only very common words, which are not indexed: add a rarer word"
        )
    parsed = parsed.accept(_normalise_dates)
    in_title = [
        query.Term("title", word) for field, word in parsed.iter_all_terms() if field == "body"
    ]
    return query.AndMaybe(parsed, query.Or(in_title, boost=TITLE_BOOST)) if in_title else parsed


def _reject_empty_field(text: str) -> None:
    for match in _EMPTY_FIELD.finditer(text):
        name = match.group(1).lower()
        if name in FIELDS_IN_QUERIES:
            raise QueryError(f"{name}: needs a word after it, as in: {name}:Kerry")


def query_parser(schema: fields.Schema) -> qparser.QueryParser:
    """Whoosh's parser for the query language above (words ANDed, no single quotes)."""
    parser = qparser.QueryParser("body", schema, group=qparser.AndGroup)
    parser.remove_plugin_class(qparser.SingleQuotePlugin)  # apostrophes are not quotes here
    parser.add_plugin(qparser.FuzzyTermPlugin())
    return parser


def _normalise_dates(node: Any) -> Any:
    """Dates as typed (2014, 2014-03, 2014-03-11) become ranges over ISO dates."""
    if getattr(node, "fieldname", None) != "date":
        return node
    if isinstance(node, query.TermRange):
        start, end = node.start, node.end
        for bound in (start, end):
            if bound is not None and not _DATE.fullmatch(bound):
                raise QueryError(f"dates are written like 2014-03-31, not {bound!r}")
        if end is not None and len(end) < len("2014-03-31"):
            end = end + "\uffff"  # a month or year as the end includes all of it
        return query.TermRange("date", start, end, node.startexcl, node.endexcl)
    if isinstance(node, query.Term):
        if not _DATE.fullmatch(node.text):
            raise QueryError(f"dates are written like 2014-03-31, not {node.text!r}")
        return query.Prefix("date", node.text) if len(node.text) < 10 else node
    return node


def searched_words(parsed: Any, reader: Any) -> frozenset[str]:
    """The stemmed words that ``parsed`` looks for, prefixes and fuzzy terms expanded."""
    # Not Query.existing_terms: in Whoosh 2.7.5 it skips every field after the first.
    words: set[str] = set()
    for leaf in parsed.leaves():
        if leaf.field() in ("body", "title"):
            for _, word in leaf.expanded_terms(reader, phrases=True):
                words.add(word.decode("utf-8") if isinstance(word, bytes) else word)
    return frozenset(words)


def make_snippet(text: str, words: frozenset[str], folded: str | None = None) -> Snippet:
    """About SNIPPET_CHARS of ``text`` around the densest cluster of ``words`` (``snippet``);
    ``folded`` is ``fold(text)`` if known."""
    return snippet(text, _matches(text, words, folded) if words else [])


def word_spans(text: str, words: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """Where in ``text`` the searched ``words`` occur, for highlighting a whole article."""
    return tuple((start, end) for start, end, _ in _matches(text, words)) if words else ()


def fold(text: str) -> str:
    """``text`` lower-cased and without accents, letter for letter (offsets hold)."""
    folded = text if text.isascii() else _ACCENTED.sub(_unaccented, text)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a letter that lowers to two: offsets would move
        lowered = "".join(letter.lower()[:1] for letter in folded)
    return lowered


def _matches(
    text: str, words: frozenset[str], folded: str | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, term) of each word of ``text`` that the analyzer turns into one of ``words``;
    ``folded`` is ``fold(text)`` if known (the index stores it beside the text it shows).

    Analysing a whole article per hit is too slow for search as you type: the words that
    could stem to a searched term are found by their first letters (``str.find`` in the
    folded text, faster than any regex), and only those are analysed.
    """
    lowered = folded if folded is not None else fold(text)
    starts: list[int] = []
    for prefix in _candidates(words):
        start = lowered.find(prefix)
        while start >= 0:
            starts.append(start)
            start = lowered.find(prefix, start + 1)
    found = []
    read = 0  # where the last token read ends: a candidate starts a word, after it
    for start in sorted(starts):
        if start < read or (start and _WORD_BEFORE.match(lowered, start - 1)):
            continue
        token = _TOKEN.match(lowered, start)
        if token is None:
            continue
        read = token.end()
        if (term := _term(token.group())) in words:
            found.append((start, read, term))
    return found


def _unaccented(match: re.Match[str]) -> str:
    return _ACCENTS[ord(match.group())]


@lru_cache(maxsize=_STEMS_KEPT)
def _term(token: str) -> str | None:
    """The term the analyzer makes of one token (None for a stop word): the same words come
    back in every article, and analysing one costs more than finding it."""
    return next((found.text for found in _STEMMED(token)), None)


@lru_cache(maxsize=32)
def _candidates(words: frozenset[str]) -> tuple[str, ...]:
    """How tokens that may be ``words`` start: each term less its last two letters (which
    stemming may rewrite), none the start of another."""
    prefixes: list[str] = []
    for prefix in sorted({word[: max(2, len(word) - 2)] for word in words}):
        if not prefixes or not prefix.startswith(prefixes[-1]):
            prefixes.append(prefix)
    return tuple(prefixes)
