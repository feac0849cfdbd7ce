"""Folding, tokens, number equality and span arithmetic the scorers and the gold checker share.

Folding decides what "the same" means when scoring: NFC, case-fold, collapsed whitespace, and
Vietnamese tone marks moved to the end of their syllable, so the old and new tone placements
(`Huyện ủy` / `Huyện uỷ`, `hoà` / `hòa`) compare equal. The tone itself is kept (`hóa` differs from
`hoa`) and so is `đ`. Folding is for comparison only; extracted text stays as written (SPEC 1).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

from llmx.vn import tone_key

_WORD = re.compile(r"\w+")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
# a sentence ends at . ! ? followed by whitespace, or at a line break; `6.128,7` never splits
_NUMBER_WORD = re.compile(r"^\s*(?:số|Số|SỐ)\s*(?=\d)")
_SYMBOL_GLUE = re.compile(r"\s*([-/])\s*")
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")

NUMBER_REL_TOLERANCE = 1e-9  # equal at the precision written: 400.5 != 401.5


def fold(value: str | None) -> str:
    """Comparison key of a string: NFC, case-folded, whitespace collapsed, tone placement folded."""
    if not value:
        return ""
    text = " ".join(unicodedata.normalize("NFC", value).casefold().translate(_DASHES).split())
    return _WORD.sub(lambda m: tone_key(m.group()), text)


def words(value: str | None) -> list[str]:
    """Folded word tokens (letters and digits; punctuation dropped)."""
    return _WORD.findall(fold(value))


def token_f1(a: Iterable[str] | str | None, b: Iterable[str] | str | None) -> float:
    """Token-set F1 of two strings (or token iterables); 1.0 when both are empty."""
    sa = set(words(a)) if isinstance(a, str) or a is None else set(a)
    sb = set(words(b)) if isinstance(b, str) or b is None else set(b)
    if not sa and not sb:
        return 1.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def set_f1(a: Iterable[str], b: Iterable[str]) -> float:
    """F1 of two sets of folded strings (recipients); 1.0 when both are empty."""
    return token_f1({fold(x) for x in a}, {fold(x) for x in b})


def numbers_equal(a: float | None, b: float | None, rel: float = NUMBER_REL_TOLERANCE) -> bool:
    """Equal values: exact when either side is integral, else within `rel` relative difference.

    Integral-exactness keeps counts honest (41675 vs 41676 is wrong) and makes a dropped
    decimal (6128.0 for 6128.7) a mismatch; the relative band absorbs float noise and
    re-rounded decimals.
    """
    if a is None or b is None:
        return a is None and b is None
    if float(a).is_integer() or float(b).is_integer():
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return abs(a - b) <= rel * max(abs(a), abs(b))


def reference_key(number: str | None) -> str:
    """Normalized document number: `05 - CT/TW` == `05-CT/TW` == `số 05-ct/tw`."""
    if not number:
        return ""
    bare = _NUMBER_WORD.sub("", unicodedata.normalize("NFC", number))
    return "".join(fold(bare).split())


def symbol_key(symbol: str | None) -> str:
    """Folded document symbol without spaces around `-` and `/`: `BC - SCT` == `BC-SCT`,
    `BC/ UBND` == `BC/UBND` (as `reference_key` does for numbers)."""
    return _SYMBOL_GLUE.sub(lambda m: m.group(1), fold(symbol))


def section_number_key(number: str | None) -> str:
    """Section number without trailing punctuation: `I.` == `I`, `a)` == `a`."""
    return "".join(fold(number).split()).rstrip(".):")


def find_nearest(text: str, needle: str, near: int) -> int | None:
    """Start of the occurrence of `needle` in `text` closest to offset `near`, or None."""
    if not needle:
        return None
    best: int | None = None
    pos = text.find(needle)
    while pos != -1:
        if best is None or abs(pos - near) < abs(best - near):
            best = pos
        if pos > near:
            break
        pos = text.find(needle, pos + 1)
    return best


def overlap(a: tuple[int, int], b: tuple[int, int]) -> tuple[float, float]:
    """(IoU, overlap / shorter length) of two half-open character spans."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0, 0.0
    la, lb = a[1] - a[0], b[1] - b[0]
    return inter / (la + lb - inter), inter / min(la, lb)


def token_overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    """(Jaccard, overlap / smaller set) of two token sets: the span measure when offsets are unusable."""
    inter = len(a & b)
    if not inter:
        return 0.0, 0.0
    return inter / len(a | b), inter / min(len(a), len(b))


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The source sentence(s) holding `text[start:end]`, clipped to `limit` chars each side."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left_floor = max(0, start - limit)
    left = left_floor
    for stop in _SENTENCE_END.finditer(text, left_floor, start):
        left = stop.end()
    right_cap = min(len(text), end + limit)
    m = _SENTENCE_END.search(text, end, right_cap)
    right = right_cap if m is None else (m.start() if m.group() == "\n" else m.end())
    prefix = "…" if left == left_floor and left > 0 else ""
    suffix = "…" if right == right_cap and right < len(text) else ""
    return prefix + text[left:right].strip() + suffix
