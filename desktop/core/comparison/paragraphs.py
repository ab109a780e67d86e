"""Paragraph matching: which lines of two texts stand side by side, moved, or repeated.

Lines are compared by their comparison keys and, failing that, by the words they share
(Dice coefficient of their word sets). ``ParagraphMatcher`` gives the line-level diff B's
keys with each reworded line keyed as its A original, pairs similar lines in the regions
the diff leaves unmatched, finds lines repeating another of their side and lines that moved.
All work is bounded: past ``_MAX_COMPARISONS`` it falls back to windows and budgets. It
knows nothing of diff-match-patch (``diff.py`` runs the line diff and hands its equal runs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain, repeat

from desktop.core.text.tokens import words

PAIR_SIMILARITY = 0.5  # share of words two lines need in common to stand side by side
REPEAT_SIMILARITY = 0.9  # share of words a line needs with another of its side to repeat it
_MAX_COMPARISONS = 40_000  # line-similarity work per region before falling back to a window
_WINDOW = 24
_COMMON_WORD_LINES = 50  # a word in more lines than this does not suggest a pairing
_CANDIDATES = 8


# Words → the A lines B lacks that hold them, and the words in too many such lines to count.
_Postings = tuple[dict[str, list[int]], frozenset[str]]


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


class ParagraphMatcher:
    """Lines of A and B, by their comparison keys; ``check`` raises when the caller cancels."""

    def __init__(self, a_keys: list[str], b_keys: list[str], check: Callable[[], None]) -> None:
        self.a_keys, self.b_keys = a_keys, b_keys
        self._check = check
        self.a_words: dict[int, frozenset[str]] = {}
        self.b_words: dict[int, frozenset[str]] = {}

    def _a_set(self, i: int) -> frozenset[str]:
        if i not in self.a_words:
            self.a_words[i] = frozenset(words(self.a_keys[i]))
        return self.a_words[i]

    def _b_set(self, j: int) -> frozenset[str]:
        if j not in self.b_words:
            self.b_words[j] = frozenset(words(self.b_keys[j]))
        return self.b_words[j]

    def pair(self, equal_runs: Sequence[tuple[int, int, int]]) -> list[tuple[int, int]]:
        """Pairs: the equal runs of the line diff, then similar lines in the regions between.

        ``equal_runs`` are (A line, B line, count) of a diff of A's keys and
        ``b_keys_for_diff()``. Where one side has identical lines, the first is paired.
        """
        pairs: list[tuple[int, int]] = []
        region_a = region_b = 0
        for i, j, count in [*equal_runs, (len(self.a_keys), len(self.b_keys), 0)]:
            pairs.extend(self._pair_region(region_a, i, region_b, j))
            pairs.extend((i + k, j + k) for k in range(count))
            region_a, region_b = i + count, j + count
        return _first_copies(_first_copies(pairs, self.a_keys, 0), self.b_keys, 1)

    def b_keys_for_diff(self) -> list[str]:
        """B's line keys for the line-level diff; a B line like an A line takes that line's key.

        So the line diff keeps the most paragraphs in order, counting reworded ones.
        """
        a_lines, b_lines = set(self.a_keys), set(self.b_keys)
        postings: _Postings | None = None
        codes = []
        for j, key in enumerate(self.b_keys):
            if key not in a_lines:
                if postings is None:
                    postings = self._postings(b_lines)
                similar = self._most_similar_a(j, postings)
                key = key if similar is None else self.a_keys[similar]
            codes.append(key)
        return codes

    def _postings(self, b_lines: set[str]) -> _Postings:
        """For each word, the A lines B lacks that hold it; words in too many lines left out
        (and given apart)."""
        postings: dict[str, list[int]] = {}
        for i, a_key in enumerate(self.a_keys):
            for word in self._a_set(i) if a_key not in b_lines else ():
                postings.setdefault(word, []).append(i)
        common = frozenset(w for w, found in postings.items() if len(found) > _COMMON_WORD_LINES)
        return {w: found for w, found in postings.items() if w not in common}, common

    def _most_similar_a(self, j: int, postings: _Postings) -> int | None:
        """The A line sharing the most of B line ``j``'s words, if they share enough."""
        b_set = self._b_set(j)
        votes = Counter(chain.from_iterable(map(postings[0].get, b_set, repeat(()))))
        b_common = postings[1].intersection(b_set)
        best, best_similarity = None, PAIR_SIMILARITY
        for i in _most_voted(votes):
            # the Dice coefficient, the words shared counted as the votes and common words
            a_set = self._a_set(i)
            similarity = 2 * (votes[i] + len(b_common & a_set)) / (len(a_set) + len(b_set))
            if similarity > best_similarity or (similarity == best_similarity and best is None):
                best, best_similarity = i, similarity
        return best

    def _pair_region(self, a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int]]:
        """The best in-order pairing of similar lines (weighted LCS); greedy when large."""
        self._check()
        n, m = a1 - a0, b1 - b0
        if not n or not m:
            return []
        if n * m > _MAX_COMPARISONS:
            return self._pair_greedily(a0, a1, b0, b1)
        score = [[0.0] * (m + 1) for _ in range(n + 1)]
        for x in range(1, n + 1):
            row, above = score[x], score[x - 1]
            for y in range(1, m + 1):
                best = max(above[y], row[y - 1])
                similarity = _dice(self._a_set(a0 + x - 1), self._b_set(b0 + y - 1))
                if similarity >= PAIR_SIMILARITY:
                    best = max(best, above[y - 1] + similarity)
                row[y] = best
        found = []
        x, y = n, m
        while x and y:
            if score[x][y] == score[x - 1][y]:
                x -= 1
            elif score[x][y] == score[x][y - 1]:
                y -= 1
            else:
                found.append((a0 + x - 1, b0 + y - 1))
                x, y = x - 1, y - 1
        return found[::-1]

    def _pair_greedily(self, a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int]]:
        """Each A line with the most similar of the next few unpaired B lines, in order."""
        found = []
        next_b = b0
        for i in range(a0, a1):
            window = range(next_b, min(b1, next_b + _WINDOW))
            scored = [(_dice(self._a_set(i), self._b_set(j)), -j) for j in window]
            similarity, j = max(scored, default=(0.0, 0))
            if similarity >= PAIR_SIMILARITY:
                found.append((i, -j))
                next_b = -j + 1
        return found

    def repeats(self, pairs: list[tuple[int, int]]) -> tuple[dict[int, int], dict[int, int]]:
        """Unpaired lines repeating another line of their side, for A and B: line → original."""
        return (
            self._repeats(self.a_keys, {i for i, _ in pairs}, self._a_set),
            self._repeats(self.b_keys, {j for _, j in pairs}, self._b_set),
        )

    def moves(
        self, pairs: list[tuple[int, int]], a_repeats: dict[int, int], b_repeats: dict[int, int]
    ) -> list[tuple[int, int]]:
        """Lines of A found in another place of B: (A line, B line)."""
        paired_a, paired_b = {i for i, _ in pairs}, {j for _, j in pairs}
        loose_a = [i for i in range(len(self.a_keys)) if i not in paired_a and i not in a_repeats]
        loose_b = [j for j in range(len(self.b_keys)) if j not in paired_b and j not in b_repeats]
        return self._moves(loose_a, loose_b)

    def _repeats(
        self, keys: list[str], paired: set[int], word_set: Callable[[int], frozenset[str]]
    ) -> dict[int, int]:
        """Unpaired lines that repeat another line of the same side: line → the one repeated."""
        first: dict[str, int] = {}
        for index, key in enumerate(keys):
            if key and (key not in first or (index in paired and first[key] not in paired)):
                first[key] = index
        repeats: dict[int, int] = {}
        originals: list[int] = []
        budget = _MAX_COMPARISONS
        for index, key in enumerate(keys):
            if index in paired:
                continue
            original = first.get(key, index)
            if original != index:
                repeats[index] = original
                continue
            if budget > len(originals):
                budget -= len(originals)
                near = [
                    o for o in originals if _dice(word_set(o), word_set(index)) >= REPEAT_SIMILARITY
                ]
                if near and len(word_set(index)) >= 3:
                    repeats[index] = near[0]
                    continue
            originals.append(index)
        return repeats

    def _moves(self, loose_a: list[int], loose_b: list[int]) -> list[tuple[int, int]]:
        """Lines standing in different places: same key first, then most similar."""
        moves: list[tuple[int, int]] = []
        by_key: dict[str, list[int]] = {}
        for j in loose_b:
            by_key.setdefault(self.b_keys[j], []).append(j)
        rest_a = []
        for i in loose_a:
            same = by_key.get(self.a_keys[i])
            if same and self.a_keys[i]:
                moves.append((i, same.pop(0)))
            else:
                rest_a.append(i)
        taken_b = {j for _, j in moves}
        rest_b = [j for j in loose_b if j not in taken_b]
        if len(rest_a) * len(rest_b) > _MAX_COMPARISONS:
            return moves
        scored = []
        for i in rest_a:
            for j in rest_b:
                a_set, b_set = self._a_set(i), self._b_set(j)
                similarity = _dice(a_set, b_set)
                if similarity >= PAIR_SIMILARITY and min(len(a_set), len(b_set)) >= 3:
                    scored.append((-similarity, i, j))
        used_a: set[int] = set()
        used_b: set[int] = set()
        for _, i, j in sorted(scored):
            if i not in used_a and j not in used_b:
                moves.append((i, j))
                used_a.add(i)
                used_b.add(j)
        return moves


def _most_voted(votes: Counter[int]) -> list[int]:
    """The ``_CANDIDATES`` lines with the most votes, most first, the earliest among equals."""
    if len(votes) > _CANDIDATES:
        least = sorted(votes.values())[-_CANDIDATES]
        lines = [i for i, n in votes.items() if n >= least]
    else:
        lines = list(votes)
    lines.sort()
    lines.sort(key=votes.__getitem__, reverse=True)  # stable: equals stay earliest first
    return lines[:_CANDIDATES]


def _first_copies(
    pairs: list[tuple[int, int]], keys: list[str], side: int
) -> list[tuple[int, int]]:
    """Pairs moved to the first of identical lines on one side, so that later copies repeat it."""
    paired = {pair[side]: n for n, pair in enumerate(pairs)}
    first: dict[str, int] = {}
    for line, key in enumerate(keys):
        first.setdefault(key, line)
    result = list(pairs)
    for n, pair in enumerate(pairs):
        line = pair[side]
        earlier = first[keys[line]]
        previous = result[n - 1][side] if n else -1
        if earlier < line and earlier > previous and earlier not in paired:
            moved = list(pair)
            moved[side] = earlier
            result[n] = (moved[0], moved[1])
            paired[earlier] = n
            del paired[line]
    return result
