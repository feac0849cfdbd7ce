"""Index tables (PAR Index, SIPAS, PAPI, PCI, Chỉ số 766): scores, their share of the maximum, ranks. Pure.

Governance-index tables put a score beside what it is out of and where it ranks
(`Điểm số | Chỉ số | Thứ hạng` over `9,49/ 9,5 | 99,9% | 12/63`); eval/LABELING.md reads them as:

* a score `x/ max` is the value, in `điểm` when the column says `Điểm`/`Điểm số`, with target `max`;
  a maximum written only in the header (`Điểm đạt (tối đa 18 điểm)`) is no target (it is not in
  the row the indicator quotes: gold 35), but it tells a share column apart;
* a `%` column beside a score column (before or after it) that holds `x/ max` as a percentage on
  (nearly) every row is that score's share of its maximum, and so is a criterion's bare
  `Tỷ lệ | Điểm đánh giá` pair when every row implies the same maximum
  (`is_total_share`): a comparison of the score (basis `other`, the column header as
  `basis_text`), not a quantity of its own;
* a rank `r/N` is an indicator of its own: value `r`, unit `hạng`, target `N`, and so is a bare rank
  `12` under a header that says out of how many (`Xếp hạng (trên 34 tỉnh)`, `Thứ hạng/63`); a bare
  rank with no N stays an ordinal, which SPEC excludes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

POINTS_UNIT = "điểm"
RANK_UNIT = "hạng"
RATIO_TOLERANCE = 0.51  # percentage points: a share rounded to a whole percent is still that share
MIN_RATIO_SHARE = 0.8  # share of the rows where both cells are filled that must agree

_OUT_OF = re.compile(r"(?:/|\btrên|\btrong(?:\s+số)?|\btrong\s+tổng\s+số)\s*(\d{1,3})(?!\d)", re.I)
# `Điểm`, `Điểm số`, `Tổng điểm`, `Điểm đạt`, `Điểm hài lòng trong ...`; not `Điểm trường`, `Điểm đến`
_POINTS = re.compile(
    r"^(?:tổng\s+|số\s+)?điểm(?!\s+(?:trường|đến|du lịch|giao dịch|bưu|tiêm|cầu|nóng|sáng|dân cư|thi|chợ)\b)(?:\s|$)",
    re.I,
)
_MAX = re.compile(r"\(\s*(?:(?:điểm\s+)?tối\s+đa\s*:?\s*)?(\d{1,3}(?:,\d+)?)\s*(?:điểm|đ)\s*\)", re.I)


def points_unit(leaf: str) -> str | None:
    """`điểm` for a column headed `Điểm`, `Điểm số`, `Tổng điểm`, `Điểm đạt ...`; None otherwise."""
    return POINTS_UNIT if _POINTS.match(leaf.strip()) else None


def header_max(words: Sequence[str]) -> float | None:
    """The maximum score a header names (`Điểm đạt (tối đa 18 điểm)`, `Tổng điểm (22 điểm)`), else None."""
    for w in reversed(words):
        if m := _MAX.search(w):
            return float(m.group(1).replace(",", "."))
    return None


def is_share_of(pairs: Sequence[tuple[float, float, float]]) -> bool:
    """Whether a `%` column is the share of the fraction column before it.

    `pairs` holds, for each row where both cells are filled, (x, max, pct) from `x/ max` and `pct%`.
    """
    usable = [(x, y, pct) for x, y, pct in pairs if y]
    if not usable:
        return False
    agree = sum(1 for x, y, pct in usable if abs(100 * x / y - pct) <= RATIO_TOLERANCE)
    return agree >= MIN_RATIO_SHARE * len(usable)


def ranked_out_of(header: str) -> float | None:
    """N of a rank column whose header says out of how many (`Xếp hạng (trên 34 tỉnh)`), else None."""
    m = _OUT_OF.search(header)
    return float(m.group(1)) if m else None


_BARE_RATE = re.compile(r"^t[ỷỉ] lệ(?:\s+(?:thực hiện|đạt))?\s*(?:\(\s*%\s*\)|%)?$", re.I)
_BARE_SCORE = re.compile(r"^(?:tổng\s+)?điểm(?:\s+(?:số|đạt|đánh\s+giá))?$", re.I)
IMPLIED_SPREAD = 0.02


def is_bare_rate(leaf: str) -> bool:
    """`Tỷ lệ`, `Tỷ lệ (%)`, `Tỷ lệ đạt %`: a rate header that names neither what nor against what."""
    return bool(_BARE_RATE.match(leaf.strip()))


# how far the maximum a score and its share imply may vary across rows


def is_total_share(rate_leaf: str, score_leaf: str, pairs: Sequence[tuple[float, float]]) -> bool:
    """Whether a bare `Tỷ lệ (%)` beside a bare `Điểm đánh giá` (one criterion's total, under its
    header: a merged header may be read over one of them only) is the score's share of one maximum,
    the header naming none or a wrong one: score/rate
    implies (nearly) the same maximum on every row. `pairs` holds (score, rate) per row. Rates of
    named components (`Tỷ lệ hồ sơ ...` beside `Điểm hồ sơ ...`) are figures of their own, however
    they relate."""
    if not (_BARE_RATE.match(rate_leaf.strip()) and _BARE_SCORE.match(score_leaf.strip())):
        return False
    implied = [100 * score / rate for score, rate in pairs if rate > 0 and score > 0]
    return len(implied) >= 2 and max(implied) <= min(implied) * (1 + IMPLIED_SPREAD)
