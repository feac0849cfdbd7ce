"""Which figures of a KPI table a plan column and a percentage column belong to. Pure.

A table often holds several figures of the period beside one plan (`Kế hoạch năm | Thực hiện kỳ
báo cáo | Lũy kế | So với KH (%)`, `KH | TH 6 tháng | Ước TH cả năm | TH/KH`), or several plans
(`Năm 2024 | Năm 2025` over `KH | TH`). The header words alone do not say which figure `% KH` was
computed from; the figures do (genre-notes 8, "cheap arithmetic validators"):

* a value column's plan is the plan column of its own header group (`Năm 2025` over `KH | TH`),
  else the plan that names the same year, else (for the main figure only) the table's first plan;
* the main figure of the row (the one that carries the target and the comparisons) is the value
  column whose figures, over their plan (a `% KH` column) or over the earlier figure (a `% cùng kỳ`
  column), give the percentages printed on the most rows; with no row to tell, the header words
  decide (`llmx.rules.tables`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from llmx.rules.table_columns import Column

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
    years = set(_YEAR.findall(value.header))
    if years and len(plans) > 1:
        for plan in plans:
            if set(_YEAR.findall(plan.header)) == years:
                return plan
    return plans[0] if main and plans else None


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
