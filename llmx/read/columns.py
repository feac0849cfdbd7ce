"""Text laid out in columns by spaces: where each word sits, and which column it falls in. Pure.

Pandoc simple and multiline tables and `pdftotext -layout` text place cells by their position
on the line, not by a separator. Positions are counted in characters as the eye sees them: a
combining mark (a decomposed Vietnamese tone mark) takes no column of its own, so a table typed
in NFD text still lines up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

_WORD = re.compile(r"\S+")
_GAP = re.compile(r"\s{2,}")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@dataclass(frozen=True)
class Word:
    """A run of non-space characters and the display columns it covers."""

    text: str
    start: int
    end: int  # exclusive


def display_positions(line: str) -> list[int]:
    """The display column of each character of `line` (tabs count as one column)."""
    if not _COMBINING.search(line):
        return list(range(len(line)))
    out: list[int] = []
    col = 0
    for ch in line:
        if out and unicodedata.combining(ch):
            out.append(max(col - 1, 0))
            continue
        out.append(col)
        col += 1
    return out


def words(line: str) -> list[Word]:
    """The words of `line` with their display columns."""
    pos = display_positions(line)
    return [Word(m.group(), pos[m.start()], pos[m.end() - 1] + 1) for m in _WORD.finditer(line)]


def chunks(line: str) -> list[Word]:
    """Runs of text set apart by two or more spaces (how layout text separates cells)."""
    pos = display_positions(line)
    out: list[Word] = []
    start = len(line) - len(line.lstrip())
    for gap in [*_GAP.finditer(line.rstrip()), None]:
        end = gap.start() if gap else len(line.rstrip())
        if end > start:
            out.append(Word(line[start:end], pos[start], pos[end - 1] + 1))
        if gap:
            start = gap.end()
    return out


def extents(rule: str) -> list[tuple[int, int]]:
    """The display columns of each run of dashes in a rule line (`-----  ------  ---`)."""
    return [(w.start, w.end) for w in words(rule)]


def cells_by_extents(line: str, spans: list[tuple[int, int]], pieces: Callable[[str], list[Word]] = words) -> list[str]:
    """The text of `line` cut into one cell per column span: each piece (a word, or a run set
    apart by two spaces) goes to the column it overlaps most (or the nearest one), so text a
    little out of its column still lands right."""
    cells: list[list[str]] = [[] for _ in spans]
    for w in pieces(line):
        best = max(
            range(len(spans)),
            key=lambda k: (min(w.end, spans[k][1]) - max(w.start, spans[k][0]), -_distance(w, spans[k])),
        )
        cells[best].append(w.text)
    return [" ".join(c) for c in cells]


def _distance(w: Word, span: tuple[int, int]) -> int:
    return max(span[0] - w.end, w.start - span[1], 0)
