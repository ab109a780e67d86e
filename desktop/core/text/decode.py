"""Bytes to clean Unicode text: byte-order marks, legacy encodings, mojibake, line endings.

Contract: ``decode(raw, declared=None)`` returns a ``Decoded`` whose ``text`` is NFC
Unicode with ``\\n`` line endings and mojibake repaired (``â€¦`` reads ``…``), or raises
``IngestError`` naming why the bytes are not text. ``sniff(raw)`` tells HTML, text and
binary apart from the first bytes, whatever the file's name says.

The order of trust: a byte-order mark (UTF-8, UTF-16, UTF-32); then strict UTF-8, the
encoding of nearly every file today; then an encoding the file declares (an HTML ``meta
charset``); then charset-normalizer's guess among legacy encodings (cp1252, latin-1,
…). Bytes with NULs and no UTF-16/32 mark are binary. ftfy then repairs text that was
decoded with the wrong encoding somewhere upstream, keeping curly quotes, ligatures and
character widths as they are (they are the author's, and the comparison key folds them).

This is the only module that imports charset-normalizer and ftfy, when first needed (ASCII
and UTF-8 text need neither).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from enum import StrEnum

from desktop.core.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START = re.compile(
    rb"\s*(<!doctype\s+html|<html|<head|<body|<!--|<meta|<title|<div|<p[\s>])", re.I
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SNIFF_BYTES = 4096


class Kind(StrEnum):
    """What a file's bytes hold."""

    TEXT = "text"
    HTML = "html"
    BINARY = "binary"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and how it was obtained: the encoding used and whether mojibake was repaired."""

    text: str
    encoding: str
    repaired: bool


def sniff(raw: bytes) -> Kind:
    """HTML, text or binary, judged from the first few kilobytes."""
    head = raw[:_SNIFF_BYTES]
    if _bom_encoding(head) is None and b"\x00" in head:
        return Kind.BINARY
    try:
        sample = _decode_strict(head, _bom_encoding(head) or "utf-8", partial=True)
    except UnicodeDecodeError:
        sample = head.decode("latin-1")
    if _looks_binary(sample):
        return Kind.BINARY
    lowered = sample.lstrip("\ufeff").encode("utf-8", "replace")
    return Kind.HTML if _HTML_START.match(lowered) else Kind.TEXT


def declared_encoding(raw: bytes) -> str | None:
    """The encoding an HTML page declares in its ``<meta charset>``, if any."""
    found = _DECLARED.search(raw[:_SNIFF_BYTES])
    return found.group(1).decode("ascii", "replace").lower() if found else None


def decode(raw: bytes, declared: str | None = None, *, repair: bool = True) -> Decoded:
    """Decoded text of ``raw``, repaired by ftfy unless ``repair`` is false.

    IngestError if it is binary or in no known encoding. Markup is best decoded without
    repair, and its extracted text repaired with ``fix_text``: ftfy is slow on long pages.
    """
    marked = _bom_encoding(raw)
    if marked is None and b"\x00" in raw:
        raise IngestError("it is a binary file, not text (it contains NUL bytes)")
    candidates = [marked] if marked else ["utf-8", *([declared] if declared else [])]
    for encoding in candidates:
        try:
            text = _decode_strict(raw, encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        if marked:
            raise IngestError(f"it starts with a {marked} byte-order mark but is not {marked}")
        text, encoding = _guess(raw)
    if _looks_binary(text):
        raise IngestError("it is a binary file, not text (it is full of control characters)")
    fixed = fix_text(text) if repair else text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text=fixed, encoding=encoding, repaired=_repaired(text, fixed))


def fix_text(text: str) -> str:
    """Mojibake, control characters and line endings of already-decoded text repaired.

    ASCII text cannot hold mojibake: only its line endings are fixed (ftfy is slow).
    """
    if text.isascii() and not _CONTROL.search(text):
        return text.replace("\r\n", "\n").replace("\r", "\n")
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        explain=False,
    )
    return ftfy.fix_text(text, config)


def _looks_binary(text: str) -> bool:
    """More than 1% control characters (other than tab, newlines and form feed)."""
    return len(_CONTROL.findall(text)) > len(text) // 100 + 1


def _bom_encoding(raw: bytes) -> str | None:
    return next((name for bom, name in _BOMS if raw.startswith(bom)), None)


def _decode_strict(raw: bytes, encoding: str, *, partial: bool = False) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    return str(decoder.decode(raw, final=not partial))


def _guess(raw: bytes) -> tuple[str, str]:
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise IngestError("its bytes are in no text encoding Recension can recognise")
    return str(best), best.encoding


def _repaired(before: str, after: str) -> bool:
    """Whether ftfy changed more than line endings."""
    return before.replace("\r\n", "\n").replace("\r", "\n") != after
