"""Tokens and lines: the units a comparison works on, as character offsets into the text.

``tokenise`` cuts a stretch of text into words, whitespace runs and single other
characters (punctuation, symbols, emoji code points); ``token_texts`` gives the same tokens
as strings (faster, for the diff). The tokens tile the stretch exactly,
so concatenating them gives the stretch back, whatever the text holds (CRLF, NBSP,
combining marks, right-to-left script). ``token_key`` is what two tokens are compared by:
invisible differences (NBSP against space, curly against straight quotes, a run of spaces)
fold away, and the options fold case and line breaks. ``lines`` finds the non-blank lines,
the paragraphs of an article as ingest lays them out.
"""

from __future__ import annotations

import re

from desktop.core.text.normalize import fold_characters

# Combining marks (accents, Hebrew/Arabic points, Indic vowel signs) stay inside their word.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f"
    "\ufe20-\ufe2f"
)
_TOKEN = re.compile(rf"[\w{_MARKS}]+(?:['\u2019][\w{_MARKS}]+)*|\s+|.", re.DOTALL)
_WORD = re.compile(rf"[\w{_MARKS}]+(?:['\u2019][\w{_MARKS}]+)*")
# Each pattern has a twin for ASCII text, which holds no mark nor curly apostrophe and whose
# word characters are these: the same matches, found faster than through Unicode's classes.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9_]+(?:'[A-Za-z0-9_]+)*|\s+|.", re.DOTALL)
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+(?:'[A-Za-z0-9_]+)*")
# The words of _WORD that open with an alphanumeric but no decimal digit nor lowercase
# ASCII letter, as group 1: each match reads the other words and what stands between whole
# (possessively: never from inside a word), then one such word if there is one.
_MAYBE_CAPITALISED = re.compile(
    rf"(?:[^\w{_MARKS}]|[\d_a-z{_MARKS}][\w{_MARKS}]*+(?:['\u2019][\w{_MARKS}]++)*+)*+"
    rf"([^\W\d_a-z][\w{_MARKS}]*+(?:['\u2019][\w{_MARKS}]++)*+)?"
)
_ASCII_MAYBE_CAPITALISED = re.compile(
    r"(?:[^A-Za-z0-9_]|[0-9_a-z][A-Za-z0-9_]*+(?:'[A-Za-z0-9_]++)*+)*+"
    r"([A-Z][A-Za-z0-9_]*+(?:'[A-Za-z0-9_]++)*+)?"
)
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def tokenise(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the tokens of ``text[start:end]``, tiling it exactly."""
    return [
        match.span() for match in _TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


def token_texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The tokens of ``text[start:end]`` as strings: ``tokenise``'s spans, sliced."""
    end = len(text) if end is None else end
    return (_ASCII_TOKEN if text[start:end].isascii() else _TOKEN).findall(text, start, end)


def token_key(token: str, *, ignore_case: bool, ignore_whitespace: bool) -> str:
    """The form a token is compared by; two tokens with the same key are the same word."""
    if token.isspace():
        if ignore_whitespace or not _BREAKS.intersection(token):
            return " "
        return "\n"
    folded = fold_characters(token)
    return folded.casefold() if ignore_case else folded


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of ``text[start:end]``, in order, without spaces or punctuation."""
    end = len(text) if end is None else end
    return (_ASCII_WORD if text[start:end].isascii() else _WORD).findall(text, start, end)


def first_word_span(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The ``(start, end)`` offsets of the first word of ``text[start:end]``, if it has one."""
    match = _WORD.search(text, start, len(text) if end is None else end)
    return match.span() if match else None


def word_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the words of ``text``."""
    return [match.span() for match in _WORD.finditer(text)]


def maybe_capitalised_word_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the words of ``text`` (``word_spans``) that may open
    with a capital: those that open with an alphanumeric character that is neither a
    decimal digit nor a lowercase ASCII letter."""
    pattern = _ASCII_MAYBE_CAPITALISED if text.isascii() else _MAYBE_CAPITALISED
    return [match.span(1) for match in pattern.finditer(text) if match.start(1) >= 0]


def is_word(token: str) -> bool:
    """Whether a token is a word (letters, digits, apostrophes), not space or punctuation."""
    return _WORD.fullmatch(token) is not None


def lines(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the non-blank lines, surrounding spaces left out."""
    found = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            found.append((start, start + len(stripped)))
    return found
