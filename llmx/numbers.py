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
# `(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)`, written to open with a digit and look behind
# it (the same matches): a pattern that opens with a character lets the search skip ahead, ~3x faster
NUMBER_PATTERN = (
    r"\d(?<![\w.,]\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"
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


_ONE_DOT = re.compile(r"\d{1,3}\.\d{1,2}")


def dot_decimal(token: str) -> float | None:
    """The value of a number that can only use `.` as its decimal mark (one dot, one or two digits
    after it: `84.86`, `8.00`; eval/LABELING.md), else None (`12.480` is a thousands group)."""
    return float(token) if _ONE_DOT.fullmatch(token) else None


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


def is_rate_of(x: float, y: float, pct: float) -> bool:
    """Whether `pct`% is x out of y (`42/139, đạt 30,2%`), give or take the point a report rounds to."""
    return y > 0 and abs(100 * x / y - pct) <= 1.0


def occurs_in(value: float, text: str, *, tolerance: float = 1e-9) -> bool:
    """True when `value` is written in `text` as a Vietnamese number (sign ignored)."""
    target = abs(value)
    return any(abs(v - target) <= tolerance * max(1.0, target) for v in _values(text))


# --- tolerant readings (what a model may fairly read from a quote; the LLM validators use them) ---
# The strict reading above is the contract's; a report also writes numbers glued to a word
# (`đạt12.480`), with an English decimal point where that cannot be a thousands group (`97.6%`),
# as amounts in words (`6 tỷ 200 triệu đồng`) or as multiples (`gấp 2,5 lần` = 250%).

_GLUED = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![.,]?\d)")
_DOT_DECIMAL = re.compile(r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![.,]?\d)")  # never 3 digits: `12.480` is 12480
_AMOUNT = r"\d+(?:,\d+)?"
_IN_WORDS = (  # (pattern, big unit in the small one, scale of the small one in base units)
    (re.compile(rf"({_AMOUNT})\s*tỷ\s+({_AMOUNT})\s*triệu", re.I), 1000.0, 1e6),
    (re.compile(rf"({_AMOUNT})\s*triệu\s+({_AMOUNT})\s*(?:nghìn|ngàn)", re.I), 1000.0, 1e3),
)
_TIMES = re.compile(rf"gấp\s+({_AMOUNT})\s*lần", re.I)


@dataclass(frozen=True, slots=True)
class Reading:
    """A value a quote can be read as, and how: `vn` (the convention), `glued` (to a word),
    `dot_decimal` (`97.6`), `words` (`6 tỷ 200 triệu`), `times` (`gấp 2,5 lần` as a percentage)."""

    text: str
    value: float
    how: str


def readings(text: str, *, percent: bool = False) -> list[Reading]:
    """Every value `text` can fairly be read as (`percent`: also `gấp N lần` as N x 100)."""
    found = [Reading(t.text, t.value, "vn") for t in iter_numbers(text)]
    strict = {(t.start, t.end) for t in iter_numbers(text)}
    for m in _GLUED.finditer(text):
        value = parse_number(m.group())
        if value is not None and (m.start(), m.end()) not in strict:
            found.append(Reading(m.group(), value, "glued"))
    found += [Reading(m.group(), float(m.group()), "dot_decimal") for m in _DOT_DECIMAL.finditer(text)]
    for pattern, ratio, scale in _IN_WORDS:
        for m in pattern.finditer(text):
            big, small = parse_number(m.group(1)), parse_number(m.group(2))
            if big is not None and small is not None:
                for value in (big + small / ratio, big * ratio + small, (big * ratio + small) * scale):
                    found.append(Reading(m.group(), value, "words"))
    if percent:
        for m in _TIMES.finditer(text):
            times = parse_number(m.group(1))
            if times is not None:
                found.append(Reading(m.group(), times * 100, "times"))
    return found


def reading_of(value: float, text: str, *, percent: bool = False, tolerance: float = 1e-9) -> Reading | None:
    """How `value` (sign ignored) is written in `text`, the conventional reading first; None: it is not."""
    target = abs(value)
    for reading in readings(text, percent=percent):
        if abs(reading.value - target) <= tolerance * max(1.0, target):
            return reading
    return None


def json_number(value: float) -> str:
    """A number as a JSON number, never in exponent form: 24500000.0 -> '24500000', 6128.7 -> '6128.7'."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


_NUMBERISH = re.compile(r"(?<![\w.,])(?:\d+(?:[.,]\d+)+(?![\w.,]*\d)|\d+,\s\d+(?=\s?[^\W\d_]))")


def malformed_numbers(text: str) -> list[str]:
    """Number-like tokens that read no way at all (`3.923.7448`, `2, 356`): neither the convention
    nor a tolerant reading gives them a value."""
    fair = {r.text for r in readings(text)}
    odd = [m.group() for m in _NUMBERISH.finditer(text)]
    return [t for t in odd if " " in t or (parse_number(t) is None and t not in fair)]
