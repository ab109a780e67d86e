"""Answering the search box's queries from their words' postings, a block at a time.

``ranked(parsed, searcher, limit)`` answers the queries the search box makes — words of
any field, AND, OR, NOT, AND-maybe, exact phrases, and prefixes and fuzzy words once
``budget.bounded`` has expanded them — with every matching article counted and the top
``limit`` ranked as Whoosh ranks them (TF-IDF: a word's weight in the article times its
rarity, times the boosts; as in Whoosh, an OR's boost is left out and each NOT adds 1;
ties to the article indexed first). It answers None for any
other query (every article, a date range), which Whoosh's own search then answers.

Why not Whoosh's matchers: they step through the postings one article at a time in
Python, several calls deep, and a top-ten search that skips what cannot rank cannot count
what it skipped, so every AND, phrase or prefix was walked a second time to count it. Here
each block of a word's postings (up to 128 articles) is unpickled once, its ids summed
by ``itertools.accumulate``, and the words' articles combine as dicts and sets; a lone
word's blocks are read best first, and only until its top articles are known. A phrase
reads the positions of the articles that hold all of its words, and keeps those where
they stand one after another, as Whoosh's ``Phrase`` (slop 1) does.

Whoosh's postings are read as its codec's block reader (``W3LeafMatcher``) reads them,
from the segment's postings file (a private field, named here only);
``tests/unit/test_postings.py`` holds the answers to Whoosh's own search.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from itertools import accumulate, repeat
from pickle import dumps, load, loads
from typing import Any
from zlib import decompress

from whoosh import query
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.reading import TermNotFound
from whoosh.system import _INT_SIZE, unpack_int

_OR = (query.Or, query.DefaultOr)
# A pickled (ids, weights, positions) up to its weights, as pickle's protocol 2 writes
# them: PROTO 2, MARK, the ids (deltas) as BININT1, BININT2 or BININT, TUPLE, memoised
# (BINPUT, LONG_BINPUT); then the weights: NONE, a BINFLOAT, or MARK, BINFLOATs, TUPLE
# (not the first of up to three BINFLOATs and TUPLE1-3).
_IDS_AND_WEIGHTS = re.compile(
    rb"\x80\x02\((?:K.|M..|J....)*+t(?:q.|r....)(N|G.{8}|\((?:G.{8})*+t)(?![G\x85-\x87])",
    re.DOTALL,
)


class _Unanswered(Exception):
    """A query this module does not answer: Whoosh's search does."""


def ranked(parsed: Any, searcher: Any, limit: int) -> tuple[list[tuple[int, float]], int] | None:
    """The top ``limit`` (document number, score) pairs for ``parsed`` and how many match;
    None if ``parsed`` is not one of the queries above."""
    reading = _Reading(searcher)
    try:
        if _one_word(parsed):
            return reading.top_of_word(parsed, limit)
        scores = reading.scores(parsed)
    except _Unanswered:
        return None
    top = heapq.nlargest(limit, scores, key=scores.__getitem__)
    return [(docnum, scores[docnum]) for docnum in top], len(scores)


def _one_word(parsed: Any) -> bool:
    """A word, alone or with its title twin (``parse_query``'s AND-maybe)."""
    if type(parsed) is query.AndMaybe:
        parsed = parsed.a
    return type(parsed) is query.Term


class _Reading:
    """One query's reading of the index: the segments, and each word's postings once."""

    def __init__(self, searcher: Any) -> None:
        self._searcher = searcher
        self._reader = searcher.reader()
        self._leaves = list(self._reader.leaf_readers())
        self._schema = searcher.schema

    def scores(self, node: Any) -> dict[int, float]:
        """Document number → score of each article ``node`` matches, in number order."""
        kind = type(node)
        if node is query.NullQuery:
            return {}
        if kind is query.Term:
            return self._term(node.fieldname, node.text, node.boost)
        if kind is query.And:
            return _boosted(self._and(node.subqueries), node.boost)
        if kind in _OR and not node.minmatch and node.scale is None:
            # The boost of an OR is not applied: Whoosh's Or.matcher leaves it out
            return _union([self.scores(sub) for sub in node.subqueries])
        if kind is query.AndMaybe:
            required, maybe = self.scores(node.a), self.scores(node.b)
            return {n: s + maybe[n] if n in maybe else s for n, s in required.items()}
        if kind is query.AndNot:
            return _without(self.scores(node.a), self._matched(node.b))
        if kind is query.Phrase and node.slop == 1:
            return _boosted(self._phrase(node.fieldname, node.words), node.boost)
        raise _Unanswered

    def top_of_word(self, node: Any, limit: int) -> tuple[list[tuple[int, float]], int]:
        """The top ``limit`` articles of one word (and its title twin), and how many hold it.

        Its blocks are read in order of the best score an article in each can reach (the
        block's best weight, and the best its title twin adds to an article in its range),
        until the top are found: those that cannot reach them are never unpickled. The word
        list says how many articles hold the word, unless some were deleted since.
        """
        word, twin = (node.a, self.scores(node.b)) if type(node) is query.AndMaybe else (node, {})
        field, text, boost = word.fieldname, word.text, word.boost
        if not self._indexed(field, text):
            return [], 0
        idf = self._searcher.idf(field, text)
        twinned = sorted(twin)
        blocks: list[tuple[float, int, int, frozenset[int], _Block]] = []
        total = 0
        for info, offset, deleted, segment in self._segments(field, text):
            total = -1 if deleted or total < 0 else total + info.doc_frequency()
            first = offset
            for block in segment:
                last = offset + block.last
                span = twinned[bisect_left(twinned, first) : bisect_right(twinned, last)]
                bound = block.best * idf * boost + max(map(twin.__getitem__, span), default=0.0)
                blocks.append((bound, first, offset, deleted, block))
                first = last + 1
        blocks.sort(key=lambda found: (-found[0], found[1]))
        top: list[tuple[float, int]] = []  # (score, -document number): least first
        counted = 0
        for bound, _, offset, deleted, block in blocks:
            if total >= 0 and len(top) == limit and top[0][0] > bound:
                break
            ids, weights, _ = _placed(*block.read(positions=False), offset, deleted)
            counted += len(ids)
            for docnum, weight in zip(ids, weights, strict=True):
                score = weight * idf
                if boost != 1.0:
                    score *= boost
                if docnum in twin:
                    score += twin[docnum]
                if len(top) < limit:
                    heapq.heappush(top, (score, -docnum))
                elif (score, -docnum) > top[0]:
                    heapq.heapreplace(top, (score, -docnum))
        ranked = sorted(top, reverse=True)
        return [(-negated, score) for score, negated in ranked], counted if total < 0 else total

    def _and(self, subqueries: list[Any]) -> dict[int, float]:
        """Articles matching every subquery but the NOTs and none of these; as in Whoosh,
        each NOT adds 1 to the score (its matcher scores the articles it lets through)."""
        wanted = [self.scores(sub) for sub in subqueries if type(sub) is not query.Not]
        negated = [self._matched(sub.query) for sub in subqueries if type(sub) is query.Not]
        if not wanted:
            raise _Unanswered  # only NOTs: every other article, which Whoosh answers
        unwanted = set().union(*negated)
        smallest, *others = sorted(wanted, key=len)
        found: dict[int, float] = {}
        for docnum, score in smallest.items():
            if docnum in unwanted:
                continue
            for other in others:
                if docnum not in other:
                    break
                score += other[docnum]
            else:
                found[docnum] = score + len(negated)
        return {n: found[n] for n in sorted(found)}

    def _matched(self, node: Any) -> set[int]:
        return set(self.scores(node))

    def _term(self, field: str, text: str, boost: float) -> dict[int, float]:
        if not self._indexed(field, text):
            return {}
        idf = self._searcher.idf(field, text)
        scores: dict[int, float] = {}
        for ids, weights, _ in self._postings(field, text, positions=False):
            scores.update(zip(ids, map(idf.__mul__, weights), strict=True))
        return _boosted(scores, boost)

    def _phrase(self, field: str, words: list[str]) -> dict[int, float]:
        """The articles where ``words`` stand one after another, scored as their words are."""
        found: list[dict[int, tuple[float, bytes]]] = []
        if not all(self._indexed(field, word) for word in words):
            return {}
        for word in words:
            idf = self._searcher.idf(field, word)
            postings: dict[int, tuple[float, bytes]] = {}
            for ids, weights, values in self._postings(field, word, positions=True):
                scored = zip(map(idf.__mul__, weights), values, strict=True)
                postings.update(zip(ids, scored, strict=True))
            found.append(postings)
        common = sorted(set.intersection(*map(set, found)))
        gaps = [_gaps([postings[docnum][1] for docnum in common]) for postings in found]
        scores: dict[int, float] = {}
        for number, docnum in enumerate(common):
            starts = set(accumulate(gaps[0][number]))  # where the phrase may start
            for place in range(1, len(found)):
                starts.intersection_update([p - place for p in accumulate(gaps[place][number])])
                if not starts:
                    break
            else:
                scores[docnum] = sum(postings[docnum][0] for postings in found)
        return scores

    def _indexed(self, field: str, text: str) -> bool:
        return field in self._schema and (field, self._schema[field].to_bytes(text)) in self._reader

    def _postings(
        self, field: str, text: str, *, positions: bool
    ) -> Iterator[tuple[list[int], list[float], Any]]:
        """(document numbers, weights, encoded positions) of each block of
        ``text``'s postings in ``field``; deleted articles left out."""
        for _, offset, deleted, blocks in self._segments(field, text):
            for block in blocks:
                yield _placed(*block.read(positions=positions), offset, deleted)

    def _segments(
        self, field: str, text: str
    ) -> Iterator[tuple[Any, int, frozenset[int], Iterator[_Block]]]:
        """(entry in the word list, offset, deleted articles, blocks) of each segment
        that holds ``text`` in ``field``."""
        word = self._schema[field].to_bytes(text)
        for reader, offset in self._leaves:
            try:
                info = reader.term_info(field, word)
            except TermNotFound:
                continue
            deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
            yield info, offset, deleted, _blocks(reader, info)


@dataclass(frozen=True, slots=True)
class _Block:
    """Up to 128 postings of a word in one segment, as stored: ``last`` is the highest
    document number (in the segment) among them, ``best`` the highest weight."""

    last: int
    best: float
    data: bytes
    compressed: bool

    def read(self, *, positions: bool) -> tuple[list[int], list[float], Any]:
        """Document numbers (in the segment), weights and (if asked) encoded positions."""
        data = decompress(self.data) if self.compressed else self.data
        ids, weights, values = loads(data) if positions else (*_ids_and_weights(data), None)
        if weights is None:
            weights = repeat(1.0, len(ids))
        elif isinstance(weights, float):
            weights = repeat(weights, len(ids))
        return list(accumulate(ids)), list(weights), values


def _blocks(reader: Any, info: Any) -> Iterator[_Block]:
    """The blocks of one segment's postings of a word (``info``, its entry in the word list).

    Each is read whole and split as ``W3LeafMatcher`` splits them (a tag; then per block
    its length, negative for the last, its pickled summary and its data, pickled and maybe
    compressed): the matcher reads each block's summary from the file a few bytes at a
    time, in some 27 reads. A word in one article has its posting in its entry.
    """
    if info.is_inlined():
        ids, weights, values = info.inlined_postings()
        data = dumps((tuple(ids), tuple(weights), tuple(values)), 2)
        yield _Block(ids[-1], max(weights), data, compressed=False)
        return
    postings = reader._terms._postfile
    position = info.extent()[0]  # its length, as Whoosh reads it, is a tuple: unused
    if postings.get(position, len(WHOOSH3_HEADER_MAGIC)) != WHOOSH3_HEADER_MAGIC:
        raise _Unanswered
    position += len(WHOOSH3_HEADER_MAGIC)
    last = False
    while not last:
        (size,) = unpack_int(postings.get(position, _INT_SIZE))
        last, size = size < 0, abs(size)
        block = BytesIO(postings.get(position + _INT_SIZE, size))
        position += _INT_SIZE + size
        _, last_id, best, compressed, *_ = load(block)
        yield _Block(last_id, best, block.read(), bool(compressed))


def _placed(
    ids: list[int], weights: list[float], values: Any, offset: int, deleted: frozenset[int]
) -> tuple[list[int], list[float], Any]:
    """A block's postings numbered in the whole index, deleted articles left out."""
    if deleted:
        kept = [n for n, docnum in enumerate(ids) if docnum not in deleted]
        ids = [ids[n] for n in kept]
        weights = [weights[n] for n in kept]
        values = [values[n] for n in kept] if values is not None else None
    return [offset + docnum for docnum in ids], weights, values


def _ids_and_weights(data: bytes) -> tuple[Any, Any]:
    """The ids and weights of a block's pickled (ids, weights, positions), without
    unpickling the positions: two thirds of the time, one ``bytes`` object per posting."""
    found = _IDS_AND_WEIGHTS.match(data)
    if found is None:  # not as Whoosh pickles a block of more than three postings
        ids, weights, _ = loads(data)
        return ids, weights
    return loads(data[: found.start(1)] + b"."), loads(b"\x80\x02" + found.group(1) + b".")


def _gaps(encoded: list[bytes]) -> list[list[int]]:
    """The gaps between the positions each ``Positions`` value holds (a count, then the
    pickled gaps): the pickles joined into one of a list of lists, unpickled at once."""
    if all(
        value[_INT_SIZE : _INT_SIZE + 2] == b"\x80\x02" and value[-1:] == b"." for value in encoded
    ):
        lists = loads(
            b"\x80\x02(" + b"".join(value[_INT_SIZE + 2 : -1] for value in encoded) + b"l."
        )
        if len(lists) == len(encoded):
            return lists  # type: ignore[no-any-return]
    return [loads(value[_INT_SIZE:]) for value in encoded]


def _boosted(scores: dict[int, float], boost: float) -> dict[int, float]:
    return scores if boost == 1.0 else {n: s * boost for n, s in scores.items()}


def _union(parts: list[dict[int, float]]) -> dict[int, float]:
    found: dict[int, float] = {}
    for part in parts:
        for docnum, score in part.items():
            found[docnum] = found[docnum] + score if docnum in found else score
    return {n: found[n] for n in sorted(found)}


def _without(scores: dict[int, float], unwanted: set[int]) -> dict[int, float]:
    return {n: s for n, s in scores.items() if n not in unwanted}
