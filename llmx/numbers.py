"""Vietnamese number conventions: `.` groups thousands, `,` is the decimal mark.

`6.128,7` -> 6128.7, `41.675` -> 41675, `453,06` -> 453.06, `219,395` -> 219.395, `03` -> 3.
Shared by the rules backend, the LLM validators and the gold checker, so all three agree on
what a number in the source means. Pure functions; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# A number token: grouped thousands with optional decimals, or plain digits with optional decimals.
# Lookarounds keep it off letters/digits so `QL21B`, `K65B3` and `485B` do not yield tokens.
NUMBER_PATTERN = (
    r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?![.,]?\d)(?![A-ZĐ](?:\d|\b))(?![A-Z]{2,}\d)"
)
NUMBER_RE = re.compile(NUMBER_PATTERN)

_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:,\d+)?")


def parse_number(token: str) -> float | None:
    """Parse one Vietnamese-formatted number; None when it is malformed (`1.23.400`, `8,`)."""
    token = token.strip().replace(" ", "")
    if not token:
        return None
    if _GROUPED.fullmatch(token):
        whole, _, frac = token.partition(",")
        return float(whole.replace(".", "") + ("." + frac if frac else ""))
    if _PLAIN.fullmatch(token):
        return float(token.replace(",", "."))
    return None


def as_number(value: float | None) -> float | int | None:
    """Render integral floats as ints (41675.0 -> 41675) for readable output."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True, slots=True)
class NumberToken:
    start: int
    end: int
    text: str
    value: float


def iter_numbers(text: str, start: int = 0, end: int | None = None) -> Iterator[NumberToken]:
    """Every well-formed number token in `text[start:end]`, with absolute offsets."""
    for m in NUMBER_RE.finditer(text, start, len(text) if end is None else end):
        token = m.group()
        # a match is grouped digits or plain digits, each with optional ',' decimals (what
        # parse_number accepts): drop the group dots, make the decimal comma a point
        yield NumberToken(m.start(), m.end(), token, float(token.replace(".", "").replace(",", ".")))


def number_values(text: str) -> list[float]:
    """All number values that occur in `text` (used to check a value against its quote)."""
    return list(_values(text))


@lru_cache(maxsize=4096)
def _values(text: str) -> tuple[float, ...]:
    # one indicator's value, target and comparisons are all checked against the same quote:
    # parse each quote once (validators run on every answer, so this is on the request path)
    return tuple(tok.value for tok in iter_numbers(text))


def occurs_in(value: float, text: str, *, tolerance: float = 1e-9) -> bool:
    """True when `value` is written in `text` as a Vietnamese number (sign ignored)."""
    target = abs(value)
    return any(abs(v - target) <= tolerance * max(1.0, target) for v in _values(text))
