"""Locate quoted spans in the normalized text. Pure.

Every item llmx emits must satisfy `text[start:end] == quote`. Backends (and language models
especially) return quotes whose whitespace differs from the source (a line break read as a
space, doubled spaces collapsed); grounding finds the real span, whitespace-tolerantly, and the
item's quote becomes exactly that span. Nothing is ever invented: an unplaceable quote is None.
"""

from __future__ import annotations

import re
import unicodedata


def _pattern(quote: str) -> re.Pattern[str] | None:
    words = unicodedata.normalize("NFC", quote).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _find_all(text: str, quote: str, start: int, end: int) -> list[int]:
    """Start offsets of every occurrence of `quote` wholly inside text[start:end] (overlaps included)."""
    found = []
    pos = text.find(quote, start, end)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1, end)
    return found


def ground(
    text: str, quote: str, *, start: int = 0, end: int | None = None, near: int | None = None
) -> tuple[int, int] | None:
    """Span of `quote` inside `text[start:end]`, whitespace-tolerant; the one nearest `near` wins."""
    end = len(text) if end is None else end
    exact = _find_all(text, quote, start, end) if quote else []
    if exact:  # the common case, and a plain substring search: no regex compiled per quote
        pos = min(exact, key=lambda p: abs(p - near)) if near is not None else exact[0]
        return pos, pos + len(quote)
    pattern = _pattern(quote)
    if pattern is None:
        return None
    hits = [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
    if not hits:
        return None
    return min(hits, key=lambda h: abs(h[0] - near)) if near is not None else hits[0]


def occurs(text: str, quote: str) -> bool:
    """True when `quote` occurs in `text`, whitespace-tolerantly (used by LLM validators)."""
    return ground(text, quote) is not None


def trim_span(text: str, start: int, end: int, chars: str = " \t\n") -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
