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
each block of a word's postings (up to 256 articles, packed as ``codec`` writes them) is
read as numpy arrays, and the words' articles combine as ``Matches``; a lone word's blocks
are read best first, and only until its top articles are known. A phrase reads the
positions of its words' articles and keeps those where the words stand one after
another, as Whoosh's ``Phrase`` (slop 1) does.

Whoosh's postings are read as its codec's block reader (``W3LeafMatcher``) reads them,
from the segment's postings file (a private field, named here only);
``tests/unit/test_postings.py`` holds the answers to Whoosh's own search.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import reduce
from io import BytesIO
from pickle import load, loads
from typing import Any
from zlib import decompress

import numpy as np
from whoosh import query
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.reading import TermNotFound
from whoosh.system import _INT_SIZE, unpack_int

from desktop.core.search.codec import POSITION, Joined, Numbers, Positions
from desktop.core.search.matches import Matches, best_first, either, every

_OR = (query.Or, query.DefaultOr)
_NO_POSITIONS = np.zeros((2, 0), dtype=np.int64)


class _Unanswered(Exception):
    """A query this module does not answer: Whoosh's search does."""


def ranked(parsed: Any, searcher: Any, limit: int) -> tuple[list[tuple[int, float]], int] | None:
    """The top ``limit`` (document number, score) pairs for ``parsed`` and how many match;
    None if ``parsed`` is not one of the queries above."""
    reading = _Reading(searcher)
    try:
        if _one_word(parsed):
            return reading.top_of_word(parsed, limit)
        found = reading.matches(parsed)
    except _Unanswered:
        return None
    return found.top(limit), len(found)


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

    def matches(self, node: Any) -> Matches:
        """The articles ``node`` matches, scored."""
        kind = type(node)
        if node is query.NullQuery:
            return Matches.none()
        if kind is query.Term:
            return self._term(node.fieldname, node.text).boosted(node.boost)
        if kind is query.And:
            return self._and(node.subqueries).boosted(node.boost)
        if kind in _OR and not node.minmatch and node.scale is None:
            # The boost of an OR is not applied: Whoosh's Or.matcher leaves it out
            return either([self.matches(sub) for sub in node.subqueries])
        if kind is query.AndMaybe:
            return self.matches(node.a).plus(self.matches(node.b))
        if kind is query.AndNot:
            return self.matches(node.a).without(self.matches(node.b))
        if kind is query.Phrase and node.slop == 1:
            return self._phrase(node.fieldname, node.words).boosted(node.boost)
        raise _Unanswered

    def top_of_word(self, node: Any, limit: int) -> tuple[list[tuple[int, float]], int]:
        """The top ``limit`` articles of one word (and its title twin), and how many hold it.

        Its blocks are read in order of the best score an article in each can reach (the
        block's best weight, and the best its title twin adds to an article in its range),
        until the top are found: those that cannot reach them are never read. The word
        list says how many articles hold the word, unless some were deleted since.
        """
        word, twin = (
            (node.a, self.matches(node.b)) if type(node) is query.AndMaybe else (node, None)
        )
        field, text, boost = word.fieldname, word.text, word.boost
        if not self._indexed(field, text):
            return [], 0
        idf = self._searcher.idf(field, text)
        blocks: list[tuple[float, int, _Segment, _Block]] = []
        total = 0
        for segment in self._segments(field, text):
            total = -1 if len(segment.deleted) or total < 0 else total + segment.count
            first = segment.offset
            for block in segment.blocks():
                last = segment.offset + block.last
                bound = block.best * idf * boost
                if twin is not None:
                    bound += twin.best_between(first, last)
                blocks.append((bound, first, segment, block))
                first = last + 1
        blocks.sort(key=lambda found: (-found[0], found[1]))
        docnums, scores = np.zeros(0, dtype=np.int64), np.zeros(0)  # the top, best first
        counted = 0
        for bound, first, segment, block in blocks:
            if (
                total >= 0
                and len(docnums) == limit
                and (scores[-1], -docnums[-1]) > (bound, -first)
            ):
                break  # nothing here can pass the last of the top (ties go to the first indexed)
            found, weights, _ = segment.read([block], positions=False)
            counted += len(found)
            best = Matches(found, weights * idf).boosted(boost)
            if twin is not None:
                best = best.plus(twin)
            if len(docnums) == limit:  # only those that may pass the last of the top
                may = best.scores >= scores[-1]
                if not may.any():
                    continue
                best = Matches(best.docnums[may], best.scores[may])
            docnums = np.concatenate((docnums, best.docnums))
            scores = np.concatenate((scores, best.scores))
            chosen = best_first(docnums, scores, limit)
            docnums, scores = docnums[chosen], scores[chosen]
        top = list(zip(docnums.tolist(), scores.tolist(), strict=True))
        return top, counted if total < 0 else total

    def _and(self, subqueries: list[Any]) -> Matches:
        """Articles matching every subquery but the NOTs and none of these; as in Whoosh,
        each NOT adds 1 to the score (its matcher scores the articles it lets through)."""
        wanted = [self.matches(sub) for sub in subqueries if type(sub) is not query.Not]
        negated = [self.matches(sub.query) for sub in subqueries if type(sub) is query.Not]
        if not wanted:
            raise _Unanswered  # only NOTs: every other article, which Whoosh answers
        return every(wanted, bonus=len(negated)).without(either(negated))

    def _term(self, field: str, text: str) -> Matches:
        if not self._indexed(field, text):
            return Matches.none()
        docnums, weights, _ = self._postings(field, text, positions=False)
        return Matches(docnums, weights * self._searcher.idf(field, text))

    def _phrase(self, field: str, words: list[str]) -> Matches:
        """The articles where ``words`` stand one after another, scored as their words are.

        Each occurrence of a word is a key: its article's number, then its position less
        its place in the phrase; the keys all the words share are where the phrase stands.
        """
        if not isinstance(self._schema[field].format, Positions):
            raise _Unanswered
        if not all(self._indexed(field, word) for word in words):
            return Matches.none()
        scored, keys = [], []
        for place, word in enumerate(words):
            docnums, weights, at = self._postings(field, word, positions=True)
            scored.append(Matches(docnums, weights * self._searcher.idf(field, word)))
            keys.append((at[0] << 32) + at[1] + (len(words) - 1 - place))
        shared = reduce(lambda a, b: np.intersect1d(a, b, assume_unique=True), keys)
        docnums = shared >> 32  # sorted: intersect1d sorts
        docnums = docnums[np.flatnonzero(np.diff(docnums, prepend=-1))]
        return every([Matches(docnums, np.zeros(len(docnums))), *scored])

    def _postings(
        self, field: str, text: str, *, positions: bool
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``text``'s postings in ``field``, as ``_Segment.read`` reads them, of every segment."""
        read = [
            segment.read(list(segment.blocks()), positions=positions)
            for segment in self._segments(field, text)
        ]
        return (
            np.concatenate([docnums for docnums, _, _ in read]),
            np.concatenate([weights for _, weights, _ in read]),
            np.concatenate([at for _, _, at in read], axis=1),
        )

    def _indexed(self, field: str, text: str) -> bool:
        return field in self._schema and (field, self._schema[field].to_bytes(text)) in self._reader

    def _segments(self, field: str, text: str) -> Iterator[_Segment]:
        """Each segment that holds ``text`` in ``field``, with its postings of it."""
        word = self._schema[field].to_bytes(text)
        for reader, offset in self._leaves:
            try:
                info = reader.term_info(field, word)
            except TermNotFound:
                continue
            if info.is_inlined():
                raise _Unanswered  # not written by this index's codec
            deleted = reader.deleted_docs_set if reader.has_deletions() else ()
            yield _Segment(reader, info, offset, np.array(sorted(deleted), dtype=np.int64))


@dataclass(frozen=True, slots=True)
class _Segment:
    """One segment's postings of a word (``info``, its entry in the word list): its
    articles are numbered from ``offset`` in the index; ``deleted`` in the segment."""

    reader: Any
    info: Any
    offset: int
    deleted: np.ndarray

    @property
    def count(self) -> int:
        """How many articles hold the word, deleted ones included."""
        return int(self.info.doc_frequency())

    def blocks(self) -> Iterator[_Block]:
        """The blocks of the word's postings, read at once and split as ``W3LeafMatcher``
        splits them (a tag; then per block its length, negative for the last, its pickled
        summary and its data): the matcher reads each block's summary from the file a few
        bytes at a time, in some 27 reads."""
        start, length = self.info.extent()  # the length as Whoosh reads it: a 1-tuple
        postings = self.reader._terms._postfile.get(start, sum(length, 0))
        if postings[: len(WHOOSH3_HEADER_MAGIC)] != WHOOSH3_HEADER_MAGIC:
            raise _Unanswered
        position, last = len(WHOOSH3_HEADER_MAGIC), False
        while not last:
            (size,) = unpack_int(postings[position : position + _INT_SIZE])
            last, size = size < 0, abs(size)
            block = BytesIO(postings[position + _INT_SIZE : position + _INT_SIZE + size])
            position += _INT_SIZE + size
            _, last_id, best, compressed, *_ = load(block)
            yield _Block(last_id, best, block.read(), bool(compressed))

    def read(
        self, blocks: list[_Block], *, positions: bool
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The document numbers in the index and weights of ``blocks``, deleted articles
        left out; and if asked, the (document number, position) of each occurrence of the
        word (else none). Each block's numbers are joined, then read as arrays at once."""
        stored = [block.read() for block in blocks]
        lengths = np.array([len(ids) for ids, _, _ in stored])
        starts = np.cumsum(lengths) - lengths
        ids = np.cumsum(_joined([gaps.data for gaps, _, _ in stored], "<u4"))
        if len(stored) > 1:  # each block's gaps start from 0
            ids -= np.repeat(np.concatenate(([0], ids[starts[1:] - 1])), lengths)
        weights = _joined([_weights(len(gaps), w) for gaps, w, _ in stored], "<f4")
        docnums = ids + self.offset
        at = _NO_POSITIONS
        if positions:
            if not all(isinstance(values, Joined) for _, _, values in stored):
                raise _Unanswered
            ends = _joined([values.ends for _, _, values in stored], "<u4")
            counts = np.diff(ends, prepend=0)
            counts[starts] = ends[starts]  # each block's ends start at 0
            counts //= POSITION.size
            at = np.stack(
                (np.repeat(docnums, counts), _joined([v.data for _, _, v in stored], "<u4"))
            )
        if len(self.deleted):
            kept = ~np.isin(ids, self.deleted)
            docnums, weights = docnums[kept], weights[kept]
            if positions:
                at = at[:, np.repeat(kept, counts)]
        return docnums, weights, at


def _joined(parts: list[bytes], kind: str) -> np.ndarray:
    """Numbers of ``kind`` packed in ``parts``, joined, as int64 or float64."""
    numbers = np.frombuffer(b"".join(parts), kind)
    return numbers.astype(np.float64 if kind[-2] == "f" else np.int64)


def _weights(count: int, weights: Any) -> bytes:
    """A block's weights as 32-bit floats (as Whoosh keeps them): ``Numbers``, one for all
    ``count``, or None for all 1."""
    if isinstance(weights, Numbers):
        return weights.data
    return np.full(count, 1.0 if weights is None else weights, "<f4").tobytes()


@dataclass(frozen=True, slots=True)
class _Block:
    """Up to 256 postings of a word in one segment, as stored: ``last`` is the highest
    document number (in the segment) among them, ``best`` the highest weight."""

    last: int
    best: float
    data: bytes
    compressed: bool

    def read(self) -> tuple[Numbers, Any, Any]:
        """The ids (gaps), weights and values as stored."""
        ids, weights, values = loads(decompress(self.data) if self.compressed else self.data)
        if not isinstance(ids, Numbers):
            raise _Unanswered  # not written by this index's codec
        return ids, weights, values
