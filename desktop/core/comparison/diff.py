"""Word-level diff of two texts, paragraphs aligned first.

``align(a, b)`` takes two texts and returns an ``Alignment``: which non-blank lines
(paragraphs) of A stand beside which of B, which moved, which repeat another line of their
own side, and the ``Segment``s of a word diff that tile both texts. Every offset is a
character (code point) offset into the original text; equal + deleted segments rebuild A
exactly, equal + inserted rebuild B. An equal segment may differ in invisible ways (NBSP,
curly quotes, case when it is ignored) because words are compared by ``tokens.token_key``.

How: lines are compared by ``normalize.comparison_key`` with a line-level diff; lines in a
changed region are paired by shared words (``paragraphs.ParagraphMatcher``); each pair is
diffed word by word, each token mapped to one character, with diff-match-patch
(``Diff_Timeout = 0``, semantic cleanup).
The work is done in a canonical orientation, so ``align(b, a)`` is the exact mirror of
``align(a, b)``. This is the only module that imports diff-match-patch (the C++
``fast_diff_match_patch`` when installed, else the pure-Python ``diff_match_patch``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate

from desktop.core.comparison.paragraphs import ParagraphMatcher
from desktop.core.errors import RecensionError
from desktop.core.text.normalize import comparison_key
from desktop.core.text.tokens import lines, token_key, token_texts

try:
    import fast_diff_match_patch
except ImportError:  # pragma: no cover - the pure-Python path is tested directly
    fast_diff_match_patch = None

from diff_match_patch import diff_match_patch


class Op(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` of one article."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the word diff; the side that lacks it has an empty span where it would be."""

    op: Op
    a: Span
    b: Span


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Differences the reader chose not to see."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_whitespace: bool = False


DEFAULT_OPTIONS = CompareOptions()


@dataclass(frozen=True, slots=True)
class Edit:
    """A change inside paired lines: ``a`` and ``b`` are (start, end) offsets, one may be empty."""

    pair: int
    a: tuple[int, int]
    b: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Lines are (start, end) offsets; pairs, moves and repeats hold line indexes."""

    a_lines: tuple[tuple[int, int], ...]
    b_lines: tuple[tuple[int, int], ...]
    pairs: tuple[tuple[int, int], ...]  # A line beside B line, in order on both sides
    moves: tuple[tuple[int, int], ...]  # A line found elsewhere in B
    a_repeats: tuple[tuple[int, int], ...]  # (line, line of A it repeats)
    b_repeats: tuple[tuple[int, int], ...]
    segments: tuple[Segment, ...]
    edits: tuple[Edit, ...]
    equal_words: tuple[int | None, ...]  # per pair, the words both lines share; None: identical


class DiffCancelledError(RecensionError):
    """The comparison was cancelled before it finished."""


Cancel = Callable[[], bool] | None
# Runs of the word diff, one equal or changed after another: equal?, A start, end, B start, end
_Stretch = tuple[bool, int, int, int, int]


def diff_keys(
    a: Sequence[str], b: Sequence[str], *, semantic: bool = True, engine: str = "auto"
) -> list[tuple[Op, int]]:
    """Diff two key sequences: runs of (op, count), each key standing for one character.

    ``engine`` is "fast" (C++), "python" or "auto" (fast when installed).
    """
    codebook: dict[str, str] = {}
    return _diff_chars(_encode(a, codebook), _encode(b, codebook), semantic, engine)


def align(
    a: str, b: str, *, options: CompareOptions = DEFAULT_OPTIONS, should_cancel: Cancel = None
) -> Alignment:
    """Align ``a`` and ``b``: paragraphs first, then words (see the module docstring)."""
    if (len(b), b) < (len(a), a):
        return _mirror(_Aligner(b, a, options, should_cancel).run(), a, b)
    return _Aligner(a, b, options, should_cancel).run()


def _encode(keys: Iterable[str], codebook: dict[str, str]) -> str:
    return "".join([_char_of(key, codebook) for key in keys])


def _char_of(key: str, codebook: dict[str, str]) -> str:
    """The key's character: a new key takes the next code from 32 up (surrogates skipped)."""
    char = codebook.get(key)
    if char is None:
        code = len(codebook) + 32
        char = codebook[key] = chr(code + 2048 if code >= 0xD800 else code)
    return char


_OPS = {"=": Op.EQUAL, "-": Op.DELETE, "+": Op.INSERT, 0: Op.EQUAL, -1: Op.DELETE, 1: Op.INSERT}


def _diff_chars(a: str, b: str, semantic: bool, engine: str) -> list[tuple[Op, int]]:
    if engine == "fast" or (engine == "auto" and fast_diff_match_patch is not None):
        runs = fast_diff_match_patch.diff(
            a, b, timelimit=0, checklines=False, cleanup="Semantic" if semantic else "No"
        )
        return [(_OPS[op], length) for op, length in runs]
    matcher = diff_match_patch()
    matcher.Diff_Timeout = 0
    diffs = matcher.diff_main(a, b, False)
    if semantic:
        matcher.diff_cleanupSemantic(diffs)
    return [(_OPS[op], len(text)) for op, text in diffs if text]


class _Aligner:
    """One alignment, computed in one orientation."""

    def __init__(self, a: str, b: str, options: CompareOptions, should_cancel: Cancel) -> None:
        self.a, self.b = a, b
        self.options = options
        self.should_cancel = should_cancel
        self.a_lines, self.b_lines = lines(a), lines(b)
        self.a_keys = [comparison_key(a[s:e]) for s, e in self.a_lines]
        self.b_keys = [comparison_key(b[s:e]) for s, e in self.b_lines]
        self.codebook: dict[str, str] = {}
        self.token_chars: dict[str, str] = {}
        self.word_tokens: set[str] = set()
        self.stretches: list[_Stretch] = []
        self.edits: list[Edit] = []
        self.equal_words: list[int | None] = []

    def run(self) -> Alignment:
        paragraphs = ParagraphMatcher(self.a_keys, self.b_keys, self._check)
        runs = diff_keys(self.a_keys, paragraphs.b_keys_for_diff(), semantic=False)
        pairs = paragraphs.pair(_equal_runs(runs))
        a_repeats, b_repeats = paragraphs.repeats(pairs)
        moves = paragraphs.moves(pairs, a_repeats, b_repeats)
        self._build_segments(pairs)
        return Alignment(
            a_lines=tuple(self.a_lines),
            b_lines=tuple(self.b_lines),
            pairs=tuple(pairs),
            moves=tuple(sorted(moves)),
            a_repeats=tuple(sorted(a_repeats.items())),
            b_repeats=tuple(sorted(b_repeats.items())),
            segments=tuple(_segments(self.a, self.b, self.stretches)),
            edits=tuple(self.edits),
            equal_words=tuple(self.equal_words),
        )

    def _check(self) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise DiffCancelledError("comparison cancelled")

    # -- words -----------------------------------------------------------------------------

    def _build_segments(self, pairs: list[tuple[int, int]]) -> None:
        """Segments tiling both texts: pairs diffed word by word, the gaps between them whole."""
        pa = pb = 0
        for number, (i, j) in enumerate(pairs):
            if number % 64 == 0:
                self._check()
            (a0, a1), (b0, b1) = self.a_lines[i], self.b_lines[j]
            self._gap(pa, a0, pb, b0)
            self._pair(number, a0, a1, b0, b1)
            pa, pb = a1, b1
        self._gap(pa, len(self.a), pb, len(self.b))

    def _gap(self, a0: int, a1: int, b0: int, b1: int) -> None:
        """Unpaired lines are deleted or inserted whole; the spaces around them are diffed."""
        a_mid = _content(self.a, a0, a1)
        b_mid = _content(self.b, b0, b1)
        if a_mid is None and b_mid is None:
            self._words(a0, a1, b0, b1)
            return
        a_mid = a_mid or (a1, a1)
        b_mid = b_mid or (b1, b1)
        self._words(a0, a_mid[0], b0, b_mid[0])
        self._emit(Op.DELETE, *a_mid, b_mid[0], b_mid[0])
        self._emit(Op.INSERT, a_mid[1], a_mid[1], *b_mid)
        self._words(a_mid[1], a1, b_mid[1], b1)

    def _pair(self, number: int, a0: int, a1: int, b0: int, b1: int) -> None:
        if self.a[a0:a1] == self.b[b0:b1]:
            self._emit(Op.EQUAL, a0, a1, b0, b1)
            self.equal_words.append(None)
            return
        self.equal_words.append(self._words(a0, a1, b0, b1, pair=number))

    def _words(self, a0: int, a1: int, b0: int, b1: int, pair: int | None = None) -> int:
        """Diff two stretches word by word; return how many words they share."""
        if a0 == a1 and b0 == b1:
            return 0
        if pair is None and self.a[a0:a1] == self.b[b0:b1]:
            self._emit(Op.EQUAL, a0, a1, b0, b1)
            return 0
        a_tokens, b_tokens = token_texts(self.a, a0, a1), token_texts(self.b, b0, b1)
        runs = _diff_chars(self._chars(a_tokens), self._chars(b_tokens), True, "auto")
        a_at = list(accumulate(map(len, a_tokens), initial=a0))  # token n starts at a_at[n]
        b_at = list(accumulate(map(len, b_tokens), initial=b0))
        a_words = list(accumulate(map(self.word_tokens.__contains__, a_tokens), initial=0))
        x = y = shared = 0
        changed: list[tuple[tuple[int, int], tuple[int, int]]] = []
        for op, count in runs:
            nx = x + count if op is not Op.INSERT else x
            ny = y + count if op is not Op.DELETE else y
            self._emit(op, a_at[x], a_at[nx], b_at[y], b_at[ny])
            if op is Op.EQUAL:
                shared += a_words[nx] - a_words[x]
                if changed:
                    self._edit(pair, changed)
            else:
                changed.append(((a_at[x], a_at[nx]), (b_at[y], b_at[ny])))
            x, y = nx, ny
        self._edit(pair, changed)
        return shared

    def _edit(
        self, pair: int | None, changed: list[tuple[tuple[int, int], tuple[int, int]]]
    ) -> None:
        """Record a run of changed segments inside a pair as one edit."""
        if changed and pair is not None:  # the runs stand in order on both sides
            (a0, _), (b0, _) = changed[0]
            (_, a1), (_, b1) = changed[-1]
            self.edits.append(Edit(pair, (a0, a1), (b0, b1)))
        changed.clear()

    def _chars(self, tokens: list[str]) -> str:
        """The tokens as one character each: tokens with the same key, the same character.

        New keys take the next code in the order they first come (never a set's order, which
        changes from run to run: the diff's cleanup reads the codes as characters). New
        tokens that are words join ``word_tokens``.
        """
        cache, codebook = self.token_chars, self.codebook
        ignore_case, ignore_whitespace = self.options.ignore_case, self.options.ignore_whitespace
        for token in [token for token in dict.fromkeys(tokens) if token not in cache]:
            key = token_key(token, ignore_case=ignore_case, ignore_whitespace=ignore_whitespace)
            cache[token] = _char_of(key, codebook)
            if token[0].isalnum() or token[0] == "_":
                self.word_tokens.add(token)
        return "".join(map(cache.__getitem__, tokens))

    def _emit(self, op: Op, a0: int, a1: int, b0: int, b1: int) -> None:
        """Add a run of the diff: to the stretch before when both are equal or both changed."""
        if a0 == a1 and b0 == b1:
            return
        equal = op is Op.EQUAL
        stretches = self.stretches
        if stretches and stretches[-1][0] is equal:
            _, a0, _, b0, _ = stretches[-1]
            stretches[-1] = (equal, a0, a1, b0, b1)
        else:
            stretches.append((equal, a0, a1, b0, b1))


def _equal_runs(runs: Sequence[tuple[Op, int]]) -> list[tuple[int, int, int]]:
    """(A index, B index, length) of each equal run of a diff."""
    found = []
    i = j = 0
    for op, count in runs:
        if op is Op.EQUAL:
            found.append((i, j, count))
        i += count if op is not Op.INSERT else 0
        j += count if op is not Op.DELETE else 0
    return found


def _content(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The stretch of ``text[start:end]`` between its leading and trailing spaces, if any."""
    stretch = text[start:end]
    stripped = stretch.strip()
    if not stripped:
        return None
    first = start + len(stretch) - len(stretch.lstrip())
    return first, first + len(stripped)


def _segments(a: str, b: str, stretches: Iterable[_Stretch]) -> list[Segment]:
    """The stretches as segments: an equal one as one, a changed one as one delete then one
    insert."""
    merged: list[Segment] = []
    for equal, a0, a1, b0, b1 in stretches:
        if equal:
            merged.append(Segment(Op.EQUAL, Span(a0, a1, a[a0:a1]), Span(b0, b1, b[b0:b1])))
            continue
        if a0 != a1:
            merged.append(Segment(Op.DELETE, Span(a0, a1, a[a0:a1]), Span(b0, b0, "")))
        if b0 != b1:
            merged.append(Segment(Op.INSERT, Span(a1, a1, ""), Span(b0, b1, b[b0:b1])))
    return merged


def _mirror(alignment: Alignment, a: str, b: str) -> Alignment:
    """The same alignment seen from the other side: ``a`` and ``b`` are the texts it sees."""
    return Alignment(
        a_lines=alignment.b_lines,
        b_lines=alignment.a_lines,
        pairs=tuple((j, i) for i, j in alignment.pairs),
        moves=tuple(sorted((j, i) for i, j in alignment.moves)),
        a_repeats=alignment.b_repeats,
        b_repeats=alignment.a_repeats,
        segments=tuple(_mirrored_segments(alignment.segments)),
        edits=tuple(Edit(e.pair, e.b, e.a) for e in alignment.edits),
        equal_words=alignment.equal_words,
    )


def _mirrored_segments(segments: Sequence[Segment]) -> list[Segment]:
    """The segments seen from the other side, as ``_segments`` lays them out: equal runs
    with their spans swapped; each stretch of changes as its insertion deleted, then its
    deletion inserted (the empty spans where the other side's text would stand)."""
    mirrored: list[Segment] = []
    deleted: Segment | None = None  # the deletion of the stretch of changes being read
    for segment in segments:
        if segment.op is Op.EQUAL:
            if deleted is not None:
                mirrored.append(Segment(Op.INSERT, deleted.b, deleted.a))
                deleted = None
            mirrored.append(Segment(Op.EQUAL, segment.b, segment.a))
        elif segment.op is Op.DELETE:
            deleted = segment
        elif deleted is None:
            mirrored.append(Segment(Op.DELETE, segment.b, segment.a))
        else:
            start, end = deleted.a.start, segment.b.end
            mirrored.append(Segment(Op.DELETE, segment.b, Span(start, start, "")))
            mirrored.append(Segment(Op.INSERT, Span(end, end, ""), deleted.a))
            deleted = None
    if deleted is not None:
        mirrored.append(Segment(Op.INSERT, deleted.b, deleted.a))
    return mirrored
