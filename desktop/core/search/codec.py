"""How the index stores its postings: Whoosh's codec, each block's numbers packed as arrays.

Whoosh's codec (W3) writes a word's postings in blocks of up to 128 articles, each block
the pickle of (ids, weights, values): a tuple of numbers each, and one ``bytes`` per article
for the positions, which pickle's protocol 2 writes as a call to ``_codecs.encode`` apiece.
Here ``Codec`` writes the ids (gaps), the weights and the values of a block as one packed
string each (``Numbers``, ``Joined``), which unpickle in one step and read as the tuples
they replace (Whoosh's matchers index and iterate them); ``postings`` reads them as numpy
arrays. A ``Positions`` value is its positions, as unsigned 32-bit little-endian numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from struct import Struct, iter_unpack, pack, unpack, unpack_from
from typing import Any

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter
from whoosh.util.numlists import delta_encode

POSITION = Struct("<I")  # one position in a ``Positions`` value
BLOCK_POSTINGS = 256  # Whoosh's 128 made a phrase, an OR or an AND a third slower


@dataclass(frozen=True, slots=True)
class Numbers(Sequence[float]):
    """Numbers of one ``kind`` (a struct format letter, little-endian) packed in ``data``."""

    kind: str
    data: bytes

    def __len__(self) -> int:
        return len(self.data) // _packed(self.kind).size

    def __getitem__(self, index: int) -> Any:  # type: ignore[override]
        if not 0 <= index < len(self):
            raise IndexError(index)
        item = _packed(self.kind)
        return item.unpack_from(self.data, index * item.size)[0]

    def __iter__(self) -> Iterator[Any]:
        return (number for (number,) in iter_unpack("<" + self.kind, self.data))

    def __reduce__(self) -> tuple[Any, ...]:
        return Numbers, (self.kind, self.data)

    def array(self) -> np.ndarray:
        return np.frombuffer(self.data, "<" + self.kind)


@dataclass(frozen=True, slots=True)
class Joined(Sequence[bytes]):
    """Byte strings joined in ``data``; ``ends`` where each ends (unsigned 32-bit numbers)."""

    data: bytes
    ends: bytes

    def __len__(self) -> int:
        return len(self.ends) // POSITION.size

    def __getitem__(self, index: int) -> bytes:  # type: ignore[override]
        if not 0 <= index < len(self):
            raise IndexError(index)
        start = unpack_from("<I", self.ends, (index - 1) * POSITION.size)[0] if index else 0
        return self.data[start : unpack_from("<I", self.ends, index * POSITION.size)[0]]

    def __reduce__(self) -> tuple[Any, ...]:
        return Joined, (self.data, self.ends)

    def ends_array(self) -> np.ndarray:
        return np.frombuffer(self.ends, "<u4")


@cache
def _packed(kind: str) -> Struct:
    return Struct("<" + kind)


class Positions(formats.Positions):  # type: ignore[misc]
    """Whoosh's Positions format, each value the positions as 32-bit numbers: read as one
    array for a whole block (``Joined.data``), where Whoosh's pickled their gaps one by one."""

    def encode(self, poslist: Sequence[int]) -> bytes:
        return pack(f"<{len(poslist)}I", *poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return list(unpack(f"<{len(valuestring) // POSITION.size}I", valuestring))

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // POSITION.size


class Codec(W3Codec):  # type: ignore[misc]
    """Whoosh's W3 codec, writing blocks of postings as ``_PackedPostingsWriter`` does, of
    BLOCK_POSTINGS postings: each block read costs about as much as its postings do."""

    def __init__(self) -> None:
        super().__init__(blocklimit=BLOCK_POSTINGS)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return _PackedPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


class _PackedPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """A block's ids (as gaps), weights and variable-sized values, each as one string
    (packed by ``struct``: numpy's calls cost more for the blocks of one new article)."""

    def _mini_ids(self) -> Any:
        if self._byteids:
            return super()._mini_ids()
        ids = self._ids
        return Numbers("I", pack(f"<{len(ids)}I", *delta_encode(ids)))

    def _mini_weights(self) -> Any:
        weights = super()._mini_weights()
        if not isinstance(weights, tuple):
            return weights  # None (all 1) or one number for all
        return Numbers("f", pack(f"<{len(self._weights)}f", *self._weights))

    def _mini_values(self) -> Any:
        if self._format.fixed_value_size() is not None:
            return super()._mini_values()
        values = self._values
        ends = pack(f"<{len(values)}I", *accumulate(map(len, values)))
        return Joined(b"".join(values), ends)
