"""Which figures of a KPI table a plan column and a percentage column belong to. Pure.

A table often holds several figures of the period beside one plan (`Kế hoạch năm | Thực hiện kỳ
báo cáo | Lũy kế | So với KH (%)`, `KH | TH 6 tháng | Ước TH cả năm | TH/KH`), or several plans
(`Năm 2024 | Năm 2025` over `KH | TH`). The header words alone do not say which figure `% KH` was
computed from; the figures do (genre-notes 8, "cheap arithmetic validators"):

* a value column's plan is the plan column of its own header group (`Năm 2025` over `KH | TH`),
  else the plan that names the same year, else (for the main figure only) the table's first plan,
  unless that names a later year than the figure (`KH 2026` beside `TH 2025` is next year's target);
* the main figure of the row (the one that carries the target and the comparisons) is the value
  column whose figures, over their plan (a `% KH` column) or over the earlier figure (a `% cùng kỳ`
  column), give the percentages printed on the most rows; with no row to tell, the header words
  decide (`llmx.rules.tables`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from llmx.contract import Basis
from llmx.rules.table_columns import Column, plan_basis
from llmx.rules.table_scores import POINTS_UNIT

PCT_TOLERANCE = 0.6  # percentage points: sources truncate as well as round (genre-notes 8)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")

Figure = Callable[[int, int], float | None]  # (row, column) -> the figure in that cell


def plan_of(value: Column, plans: Sequence[Column], *, main: bool) -> Column | None:
    """The plan column `value` is measured against (see the module docstring)."""
    group = value.words[:-1]
    if group:
        for plan in plans:
            if plan.words[:-1] == group:
                return plan
    if not plans:
        return None
    years = set(_YEAR.findall(value.header))
    if years and len(plans) > 1:
        for plan in plans:
            if set(_YEAR.findall(plan.header)) == years:
                return plan
    if not main:  # every score is out of the table's maximum (`Điểm tối đa`), the self-assessed one too
        return next((p for p in plans if plan_basis(p) == "other" and value.unit == POINTS_UNIT), None)
    later = [int(y) for y in _YEAR.findall(plans[0].header)]
    if years and later and min(later) > max(int(y) for y in years):
        return None  # `KH năm 2026` beside `TH năm 2025`: the next period's target, not this figure's
    return plans[0]


def computed_from(
    candidates: Sequence[Column],
    ratios: Sequence[Column],
    plans: Sequence[Column],
    earlier: Column | None,
    figure: Figure,
    rows: Sequence[int],
) -> Column | None:
    """The one candidate whose figures give the `ratios` columns' percentages on the most rows, or None."""
    scores: list[tuple[int, Column]] = []
    for cand in candidates:
        plan = plan_of(cand, plans, main=True)
        hits = 0
        for k in rows:
            v = figure(k, cand.col)
            if v is None:
                continue
            for r in ratios:
                if r.relation == "change" and r.unit != "%" and "%" not in r.header:
                    continue  # an amount of change, not a percentage
                base = plan if r.basis in ("plan", "budget_estimate") else earlier
                pct = figure(k, r.col)
                d = figure(k, base.col) if base is not None else None
                if pct is None or not d:
                    continue
                expected = 100 * v / d - (100 if r.relation == "change" else 0)
                hits += abs(expected - pct) <= PCT_TOLERANCE
        scores.append((hits, cand))
    best = max((h for h, _ in scores), default=0)
    winners = [c for h, c in scores if h == best]
    return winners[0] if best and len(winners) == 1 else None


_FORMULA = re.compile(
    r"^\(?(?P<n>\d{1,2})\)?\s*=\s*\(?(?P<a>\d{1,2})\)?\s*/\s*\(?(?P<b>\d{1,2})\)?(?:\s*[x×*]\s*100\s*%?)?$"
)
_NUMBER = re.compile(r"^\(?(?P<n>\d{1,2})\)?(?=\s*(?:=|$))")


def formulas(numbers: dict[int, str]) -> dict[int, tuple[int, int]]:
    """From a column-number row (`(1) | (2) | (3) | (4)=(3)/(1)`, by grid column), each ratio
    column's (numerator, denominator) grid columns."""
    column_of = {int(m.group("n")): col for col, t in numbers.items() if (m := _NUMBER.match(t.strip()))}
    out: dict[int, tuple[int, int]] = {}
    for col, t in numbers.items():
        m = _FORMULA.match(t.strip())
        if (
            m
            and (a := column_of.get(int(m.group("a")))) is not None
            and (b := column_of.get(int(m.group("b")))) is not None
        ):
            out[col] = (a, b)
    return out


def apply_formulas(
    columns: Sequence[Column], ratios: dict[int, tuple[int, int]], earlier: Callable[[Column], Basis | None]
) -> Column | None:
    """Give each ratio column of a column-number formula its basis from its denominator (a plan
    column, or an earlier figure: `earlier` says which basis); return the numerator column they share."""
    by_col = {c.col: c for c in columns}
    numerators: list[Column] = []
    for col, (a, b) in ratios.items():
        column, num, den = by_col.get(col), by_col.get(a), by_col.get(b)
        if column is None or num is None or den is None or column.role not in ("value", "compare"):
            continue
        basis: Basis | None = plan_basis(den) if den.role == "plan" else earlier(den) if den.role == "value" else None
        if basis is None:
            continue
        column.role, column.basis, column.relation = "compare", basis, "ratio"
        if num.role == "value":
            numerators.append(num)
    return numerators[0] if numerators and all(n is numerators[0] for n in numerators) else None
