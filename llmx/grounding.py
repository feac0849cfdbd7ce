"""Locate quoted spans in the normalized text. Pure.

Every item llmx emits must satisfy `text[start:end] == quote`. Backends (and language models
especially) return quotes whose whitespace differs from the source (a line break read as a
space, doubled spaces collapsed); grounding finds the real span, whitespace-tolerantly, and the
item's quote becomes exactly that span. Nothing is ever invented: an unplaceable quote is None.

`reground` is the one re-grounding rule every stage uses: assemble (items with offsets), the LLM
path (quotes without offsets, inside their request's span) and the gold tools (gold re-anchored
after a normalizer change, which may also add or drop markdown markers between words).

When a quote occurs more than once, the choice is made in this order: occurrences standing on
word boundaries (`10 ha` is not the tail of `110 ha`) before those inside a word; then, with
`after` (where the model's previous item of the same kind was placed: models answer in text
order), the first occurrence at or after it; else the one nearest `near`; else the first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from llmx.vn import MARKUP_BETWEEN_WORDS, MARKUP_CHARS

Span = tuple[int, int]
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def _whitespace_pattern(quote: str) -> re.Pattern[str] | None:
    """`quote` with any run of whitespace between its words."""
    words = unicodedata.normalize("NFC", quote).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _markup_pattern(quote: str) -> re.Pattern[str] | None:
    """`quote` tolerating whitespace and markdown markers added or dropped between its tokens."""
    tokens = [t for t in _TOKEN.findall(quote) if not t.isspace() and t not in MARKUP_CHARS]
    return re.compile(MARKUP_BETWEEN_WORDS.join(map(re.escape, tokens)) if tokens else re.escape(quote))


def _find_all(text: str, quote: str, start: int, end: int) -> list[int]:
    """Start offsets of every occurrence of `quote` wholly inside text[start:end] (overlaps included)."""
    found = []
    pos = text.find(quote, start, end)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1, end)
    return found


def _bounded(text: str, span: Span) -> bool:
    """The span neither starts nor ends inside a word (a quote that does may still be right)."""
    s, e = span
    starts_clean = s == 0 or not (text[s - 1].isalnum() and text[s].isalnum())
    ends_clean = e >= len(text) or not (text[e - 1].isalnum() and text[e].isalnum())
    return starts_clean and ends_clean


def _choose(text: str, hits: list[Span], near: int | None, after: int | None) -> Span:
    bounded = [h for h in hits if _bounded(text, h)] or hits
    if after is not None and (later := [h for h in bounded if h[0] >= after]):
        return later[0]
    if near is not None:
        return min(bounded, key=lambda h: abs(h[0] - near))
    return bounded[0]


def _hits(
    text: str, quote: str, start: int, end: int | None, pattern: Callable[[str], re.Pattern[str] | None]
) -> list[Span]:
    """Every occurrence of `quote` in text[start:end]: exact ones, else tolerant ones."""
    end = len(text) if end is None else end
    exact = _find_all(text, quote, start, end) if quote else []
    if exact:  # the common case, and a plain substring search: no regex compiled per quote
        return [(pos, pos + len(quote)) for pos in exact]
    compiled = pattern(quote)
    if compiled is None:
        return []
    return [(m.start(), m.end()) for m in compiled.finditer(text, start, end) if m.end() > m.start()]


def _ground(
    text: str,
    quote: str,
    start: int,
    end: int | None,
    near: int | None,
    pattern: Callable[[str], re.Pattern[str] | None],
    after: int | None = None,
) -> Span | None:
    hits = _hits(text, quote, start, end, pattern)
    return _choose(text, hits, near, after) if hits else None


def ground(text: str, quote: str, *, start: int = 0, end: int | None = None, near: int | None = None) -> Span | None:
    """Span of `quote` inside `text[start:end]`, whitespace-tolerant; the one nearest `near` wins."""
    return _ground(text, quote, start, end, near, _whitespace_pattern)


def reground(
    text: str,
    quote: str,
    at: Span | None = None,
    *,
    near: int | None = None,
    start: int = 0,
    end: int | None = None,
    markup: bool = False,
    after: int | None = None,
) -> Span | None:
    """Where `quote` sits in `text` now.

    At `at` when the text there is exactly the quote; otherwise an occurrence inside
    text[start:end], exact first, then tolerating whitespace (and, with `markup`, markdown
    markers) between words, chosen as the module docstring says (`near` defaults to the old
    start). None: not in the text.
    """
    if at is not None and 0 <= at[0] <= at[1] <= len(text) and text[at[0] : at[1]] == quote:
        return at
    near = near if near is not None else (at[0] if at is not None else None)
    return _ground(text, quote, start, end, near, _markup_pattern if markup else _whitespace_pattern, after)


def occurrences(text: str, quote: str, *, start: int = 0, end: int | None = None) -> int:
    """How many times `quote` occurs in text[start:end] (whitespace-tolerantly)."""
    return len(_hits(text, quote, start, end, _whitespace_pattern))


def occurs(text: str, quote: str) -> bool:
    """True when `quote` occurs in `text`, whitespace-tolerantly (used by LLM validators)."""
    return ground(text, quote) is not None


def trim_span(text: str, start: int, end: int, chars: str = " \t\n") -> Span:
    """Shrink a span so it neither starts nor ends with whitespace."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
