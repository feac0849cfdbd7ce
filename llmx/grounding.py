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


def ground(
    text: str, quote: str, *, start: int = 0, end: int | None = None, near: int | None = None
) -> tuple[int, int] | None:
    """Span of `quote` inside `text[start:end]`, whitespace-tolerant; the one nearest `near` wins."""
    end = len(text) if end is None else end
    exact = [m.start() for m in re.finditer(re.escape(quote), text[start:end])] if quote else []
    if exact:
        pos = min(exact, key=lambda p: abs(start + p - near)) if near is not None else exact[0]
        return start + pos, start + pos + len(quote)
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
