"""`%` columns that are the share of the column beside them: comparisons, not figures (`llmx.rules.tables`). Pure.

eval/LABELING.md reads a `%` column beside a score (its share of the maximum) as a comparison of the
score with basis `other` and the column header as `basis_text`; the text's `950 hồ sơ, đạt tỷ lệ 95%`
is read the same way (gold 10). Two shapes are linked here:

* a score column and a `%` column before or after it that holds `x/ max` as a percentage on (nearly)
  every row, out of the maximum its cells (`9,49/ 9,5`), its header (`(tối đa 18 điểm)`) or a
  `Điểm tối đa` column give (then the `%` may go unwritten: `Chỉ số | 84,21`), or,
  for a criterion's bare `Tỷ lệ | Điểm đánh giá` pair, out of the one maximum the rows imply
  (`table_scores`);
* a bare `Tỷ lệ (%)` right after a column of counts (`Số lượng | Tỷ lệ (%)`, `Tổng số | Đúng hạn |
  Tỷ lệ`, both under `Năm 2024`) in a table with no plan: the count's share of its whole, every
  rate between 0 and 100.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from llmx.rules.table_cells import Cell
from llmx.rules.table_columns import Column
from llmx.rules.table_scores import POINTS_UNIT, is_bare_rate, is_share_of, is_total_share

CellAt = Callable[[int, int], Cell | None]  # (row, grid column) -> the figure of the cell starting there
_PARENS = re.compile(r"\s*\([^()]*\)")


def link_shares(columns: Sequence[Column], values: list[Column], rows: Sequence[int], cell: CellAt) -> None:
    """Mark each share column (see the module docstring) `share` of its column and drop it from `values`."""
    maximum = next((c for c in columns if c.role == "plan" and c.unit == POINTS_UNIT), None)  # `Điểm tối đa`
    for col in list(values):
        for score_col in (_beside(columns, col, -1), _beside(columns, col, 1)):
            if score_col is None or score_col.role != "value" or score_col.unit == "%":
                continue
            pairs: list[tuple[float, float, float]] = []
            rates: list[tuple[float, float]] = []
            for k in rows:
                score, share = cell(k, score_col.col), cell(k, col.col)
                x, pct = _figure(score), _figure(share)
                percent = "%" in (share.unit if share else None, col.unit)
                if x is None or pct is None or not (percent or maximum is not None):
                    continue
                rates.append((x, pct))
                top = score.target if score is not None and score.target is not None else score_col.top
                top = top if top is not None or maximum is None else _figure(cell(k, maximum.col))
                if top is not None:
                    pairs.append((x, top, pct))
            if col.unit != "%" and not any(0 < pct < 100 for _, _, pct in pairs):
                continue  # `Chỉ số` with no `%`: only the arithmetic of a real share says it is one
            if is_share_of(pairs) or is_total_share(_leaf(col), _leaf(score_col), rates):
                _share(col, score_col, values)
                break
    if any(c.role == "plan" for c in columns):
        return
    for col in list(values):
        count = _beside(columns, col, -1)
        if count is None or count not in values or count.unit in ("%", POINTS_UNIT) or col.unit != "%":
            continue
        if not is_bare_rate(_leaf(col)) or count.words[:-1] != col.words[:-1]:  # `Năm 2024` over both
            continue
        pairs_ = [(cell(k, count.col), cell(k, col.col)) for k in rows]
        pcts = [p.value for n, p in pairs_ if n is not None and p is not None and p.value is not None]
        if pcts and all(0 <= p <= 100 for p in pcts) and all(n is None or n.unit != "%" for n, _ in pairs_):
            _share(col, count, values)


def _beside(columns: Sequence[Column], col: Column, step: int) -> Column | None:
    """The column before (`step` -1) or after (+1) `col`, over any grid column that only continues a
    merged cell (`span`: Word's narrow phantom columns)."""
    k = col.col + step
    while 0 <= k < len(columns) and columns[k].role == "span":
        k += step
    return columns[k] if 0 <= k < len(columns) else None


def _share(col: Column, of: Column, values: list[Column]) -> None:
    col.role, col.of, col.basis, col.relation = "share", of.col, "other", "ratio"
    values.remove(col)


def _leaf(column: Column) -> str:
    return _PARENS.sub("", column.words[-1] if column.words else "")


def _figure(cell: Cell | None) -> float | None:
    """A cell's figure, to check how columns relate."""
    return None if cell is None else cell.value
