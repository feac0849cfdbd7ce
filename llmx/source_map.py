"""The normalized text's map back to the reader's text, as runs of characters that map one to one.

`llmx.normalize` only composes (NFC), deletes and replaces one character by one, so almost every
normalized character comes from the source character just after the previous one's: the map is
stored as the places where that stops being true. Pure: no I/O.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import overload


class SourceMap(Sequence[int]):
    """Normalized index -> source index, stored as runs (most characters map one to one).

    Run k starts at normalized index `starts[k]`, which came from source index `sources[k]`; the
    run's next characters came from the next source characters. A composed character (NFC) ends
    a run, so does a deletion; a character expanded to two maps both to its one source. Memory
    is two machine integers per run, not per character: a 49 MB report keeps a few hundred runs
    where a per-character array took 8 bytes a character."""

    __slots__ = ("_lasts", "_length", "_sources", "_starts")

    def __init__(self, starts: array[int], sources: array[int], length: int) -> None:
        self._starts, self._sources, self._length = starts, sources, length
        self._lasts: array[int] | None = None  # last source index of each run, made when needed

    @classmethod
    def identity(cls, length: int) -> SourceMap:
        return cls(array("q", [0] if length else []), array("q", [0] if length else []), length)

    @property
    def runs(self) -> int:
        return len(self._starts)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._length))]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("source map index out of range")
        k = bisect_right(self._starts, i) - 1
        return self._sources[k] + (i - self._starts[k])

    def __iter__(self) -> Iterator[int]:
        for k, start in enumerate(self._starts):
            end = self._starts[k + 1] if k + 1 < len(self._starts) else self._length
            yield from range(self._sources[k], self._sources[k] + end - start)

    def normalized_index(self, source: int) -> int:
        """The first normalized index whose source index is `source` or later (len when none)."""
        if self._lasts is None:
            ends = [*self._starts[1:], self._length]
            lasts = (src + end - start - 1 for start, end, src in zip(self._starts, ends, self._sources, strict=True))
            self._lasts = array("q", lasts)
        k = bisect_left(self._lasts, source)
        if k == len(self._starts):
            return self._length
        return self._starts[k] + max(0, source - self._sources[k])

    def without(self, spans: list[tuple[int, int]]) -> SourceMap:
        """The map of the text with the sorted, disjoint half-open `spans` deleted."""
        runs = Runs()
        pos = out = 0
        for start, end in [*spans, (self._length, self._length)]:
            if start > pos:
                k = bisect_right(self._starts, pos) - 1
                while pos < start:
                    run_end = self._starts[k + 1] if k + 1 < len(self._starts) else self._length
                    runs.add(out, self._sources[k] + pos - self._starts[k])
                    step = min(start, run_end) - pos
                    pos, out, k = pos + step, out + step, k + 1
            pos = max(pos, end)
        return runs.map(out)


class Runs:
    """Builds a `SourceMap`: `add(i, src)` says normalized `i` came from `src`, and starts a run
    unless that continues the current one."""

    def __init__(self) -> None:
        self.starts: array[int] = array("q")
        self.sources: array[int] = array("q")

    def add(self, i: int, src: int) -> None:
        if self.starts and i - self.starts[-1] == src - self.sources[-1]:
            return
        self.starts.append(i)
        self.sources.append(src)

    def map(self, length: int) -> SourceMap:
        return SourceMap(self.starts, self.sources, length)
