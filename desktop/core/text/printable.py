"""Text that cannot misbehave when shown: names and metadata made safe for a terminal or a list.

``printable(text)`` escapes what a terminal would obey rather than show: control
characters (an escape sequence in a title could clear the screen), the invisible marks
that reorder text (right-to-left overrides and isolates, which make ``evil‮txt.exe``
read as ``evilexe.txt``), and bytes of a file name that are not UTF-8 (Python keeps them
as lone surrogates, which no terminal can print). Each becomes a visible escape:
``\\x1b``, ``\\u202e``, ``\\xff``. ``keep_lines`` keeps newlines and tabs (an article's
text); without it they are escaped too, so that one name stays on one line.

``decodable(name)`` is a file name with its undecodable bytes replaced by U+FFFD, usable
as an id, in JSON and in the search index.
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_UNSAFE_KEEPING_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_UNDECODABLE = re.compile("[\udc80-\udcff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with control characters, bidi marks and undecodable bytes escaped."""
    pattern = _UNSAFE_KEEPING_LINES if keep_lines else _UNSAFE
    return pattern.sub(_escape, text)


def decodable(name: str) -> str:
    """``name`` with the bytes that were not UTF-8 (lone surrogates) replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", name)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if _UNDECODABLE.fullmatch(char):
        return f"\\x{code - 0xDC00:02x}"  # the byte os.fsdecode could not decode
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
