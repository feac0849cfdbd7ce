"""Restatements: a figure an earlier section already gave (a summary repeating a result).

An indicator is a restatement when its quote occurs earlier in the document, or its figure and
unit occur earlier with most of its words nearby (whitespace-insensitive, since a wrapped PDF
line breaks a repeated phrase differently). Asked for every indicator of every section, so the
figures of the document are indexed once (`FigureIndex`): each lookup visits only the earlier
places where the same figure is written followed by the same characters, never the whole text
before the section. An earlier figure counts only where it is a whole figure (`5 ha` is not
written inside `15 ha`). Pure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

# A figure as written: digit groups joined by `.`/`,`, not glued to a digit or separator before it.
_RUN = re.compile(r"\d(?<![\d.,]\d)\d*(?:[.,]\d+)*")  # `(?<![\d.,])\d+...`, opening with the digit: faster
_NON_SPACE = re.compile(r"\S")
_SPACE_RUN = re.compile(r"\s+")
_WORDS = re.compile(r"[^\W\d_]+")
_RESTATED = 0.6  # share of a figure's quote words found near the same figure earlier
_BEFORE, _AFTER = 80, 40  # the neighbourhood of an earlier figure whose words are compared


def _next_two(text: str, pos: int) -> str:
    """The two characters after `pos` with whitespace runs read as one space (the lookup key)."""
    c = text[pos : pos + 1]
    if not c:
        return ""
    if c.isspace():
        m = _NON_SPACE.search(text, pos)
        return " " + m.group() if m else " "
    d = text[pos + 1 : pos + 2]
    return c + (" " if d.isspace() else d)


class FigureIndex:
    """Where every figure of one document is written, keyed by the figure and what follows it.

    Built incrementally in document order: a lookup for figures before `before` indexes the text
    up to there, once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._upto = 0
        self._at: dict[str, dict[str, list[int]]] = {}

    def _extend(self, before: int) -> None:
        if before <= self._upto:
            return
        text = self.text
        # the look-behind sees text before `_upto`, so a figure already indexed is not met again
        for m in _RUN.finditer(text, self._upto):
            if m.start() >= before:
                break
            self._at.setdefault(m.group(), {}).setdefault(_next_two(text, m.end()), []).append(m.start())
        self._upto = before

    def places(self, figure: str, follows: str, before: int) -> Iterator[int]:
        """Starts of `figure` before `before` followed by `follows` (squeezed; its first two
        characters decide, fewer match any continuation)."""
        self._extend(before)
        by_key = self._at.get(figure)
        if not by_key:
            return
        key = follows[:2]
        if len(key) == 2:
            lists = [by_key[key]] if key in by_key else []
        else:
            lists = [v for k, v in by_key.items() if k.startswith(key)]
        for positions in lists:
            yield from positions[: bisect.bisect_left(positions, before)]


def _squeezed_tail(tail: str) -> str:
    return _SPACE_RUN.sub(" ", tail.rstrip())


def _forward(text: str, pos: int, words: list[str], limit: int) -> int | None:
    """End of `words` written from `pos` with whitespace between them, within `limit`."""
    i = pos
    for n, word in enumerate(words):
        if n:
            j = i
            while j < limit and text[j].isspace():
                j += 1
            if j == i:
                return None
            i = j
        if i + len(word) > limit or not text.startswith(word, i):
            return None
        i += len(word)
    return i


def _backward(text: str, pos: int, words: list[str], glued: bool) -> int | None:
    """Start of `words` written so that they end at `pos` (right before it when `glued`)."""
    i = pos
    for n, word in enumerate(reversed(words)):
        if n or not glued:
            j = i
            while j > 0 and text[j - 1].isspace():
                j -= 1
            if j == i:
                return None
            i = j
        if i < len(word) or not text.startswith(word, i - len(word)):
            return None
        i -= len(word)
    return i


class _Pattern:
    """A span of text as a whitespace-insensitive pattern around the figure it holds."""

    def __init__(self, text: str, span: tuple[int, int], figure: int) -> None:
        s, e = span
        head = text[s:figure] if s <= figure else ""
        self.head = head.split()
        self.glued = bool(head) and not head[-1].isspace()
        self.rest = text[figure:e].split()

    def at(self, text: str, p: int, before: int) -> tuple[int, int] | None:
        """(start, end) of the pattern written with its figure at `p`, ending by `before`."""
        end = _forward(text, p, self.rest, before)
        if end is None:
            return None
        begin = _backward(text, p, self.head, self.glued) if self.head else p
        return None if begin is None else (begin, end)


def is_restatement(
    index: FigureIndex, before: int, quote: tuple[int, int], figure: int, core: tuple[int, int] | None
) -> bool:
    """Whether the indicator quoted at `quote` (figure at `figure`, figure and unit at `core`)
    restates a figure written before `before`: its quote is written earlier, or its core is,
    with most of the quote's words nearby. Every earlier quote holds an earlier core at the same
    figure, so the core's places are the only ones visited."""
    if before <= 0 or core is None or core[1] <= core[0] or not core[0] <= figure < core[1]:
        return False
    text = index.text
    run = _RUN.match(text, figure)
    if run is None:
        return False
    core_pattern = _Pattern(text, core, figure)
    quote_pattern = _Pattern(text, quote, figure)
    words: set[str] | None = None
    for p in index.places(run.group(), _squeezed_tail(text[run.end() : core[1]]), before):
        found = core_pattern.at(text, p, before)
        if found is None:
            continue
        if quote_pattern.at(text, p, before) is not None:
            return True
        if words is None:
            words = {w for w in _WORDS.findall(text[quote[0] : quote[1]].lower()) if len(w) > 1}
        if not words:
            continue  # only a written quote can tell
        window = text[max(0, found[0] - _BEFORE) : found[1] + _AFTER].lower()
        if len(words & set(_WORDS.findall(window))) / len(words) >= _RESTATED:
            return True
    return False


_TARGET_AFTER = re.compile(r"\s*/\s*(\d[\d.,]*)")  # `7/12 xã`: the plan figure after the slash


def restates_a_row(index: FigureIndex, before: int, quote: tuple[int, int], figure: int) -> bool:
    """`... mới đạt 7/12 xã` under the KPI row `5 | Số xã đạt chuẩn ... | xã | 12 | 7 | 58,3`: a figure an
    earlier table row (ending before `before`) writes as a cell of its own, the `/` target too, with most
    of the quote's words in that row. A table's key figures repeated in prose are labelled once, as rows."""
    text = index.text
    run = _RUN.match(text, figure)
    if before <= 0 or run is None:
        return False
    target = _TARGET_AFTER.match(text, run.end(), quote[1])
    # the words of the figure's own clause: a name that reaches back over a judgement (`Tiến độ ... chậm,
    # mới đạt 7/12 xã`) says no more about which row is restated than `mới đạt 7/12 xã`
    clause = max(quote[0], max(text.rfind(mark, quote[0], figure) for mark in ",;:") + 1)
    words = {w for w in _WORDS.findall(text[clause : quote[1]].lower()) if len(w) > 1}
    if len(words) < 2:
        words = {w for w in _WORDS.findall(text[quote[0] : quote[1]].lower()) if len(w) > 1}
    if not words:
        return False
    for p in index.places(run.group(), " |", before):  # a cell with another after it: rows only, never prose
        line_start, line_end = text.rfind("\n", 0, p) + 1, text.find("\n", p)
        line = text[line_start : len(text) if line_end == -1 else line_end]
        if " | " not in line or line_start + len(line) > before:
            continue
        cells = {c.strip() for c in line.split("|")}
        if run.group() not in cells or (target is not None and target.group(1) not in cells):
            continue
        if len(words & set(_WORDS.findall(line.lower()))) / len(words) >= _RESTATED:
            return True
    return False
