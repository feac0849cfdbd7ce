"""How one KPI table is read, before its rows: which column holds the row labels, the bodies, the
units and each kind of figure, what the caption says the unit is, and what the column numbers link
(`llmx.rules.tables` has the whole reading; its rows become indicators there). Pure.

Split from `tables.py`: the choices here are made once per table from its header words and columns,
the row reading after them once per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from llmx.grids import Grid, is_column_numbers
from llmx.rules.table_cells import NUMBERING, read_cell, read_parts
from llmx.rules.table_columns import (
    ACTUAL,
    EARLIER,
    UNIT_HEAD,
    Column,
    classify,
    earlier_basis,
    infer_bases,
    inherit_counts,
    measures,
    older_year,
    unit_in,
)
from llmx.rules.table_labels import ENTITY_LABEL, groups_rows, holds_bodies, names_places, names_whose, varies
from llmx.rules.table_links import apply_formulas, computed_from, formulas
from llmx.rules.table_shares import link_shares
from llmx.sections import PlacedTable

MIN_FIGURE_SHARE = 0.5  # a column is a column of figures when at least this share of its filled cells are
MAX_CAPTION_CHARS = 160  # the line above a table names its unit only when it is a caption, not prose
_CAPTION_UNIT = re.compile(r"(?:đvt|đơn vị tính|đơn vị)\s*:\s*([^,;()\n]{1,30}?)\s*\)?\s*[.;:]?\s*$", re.I)
_KPI_LABEL = re.compile(r"chỉ tiêu|tiêu chí", re.I)

_MARK = r"(?:[-+•*–]|[a-zđ]\))"  # a sub-row's marker: `- `, `+ `, `a) `
_BREAKDOWN = re.compile(rf"^{_MARK}?\s*(?:trong\s+đó(?:\s+có)?|bao\s+gồm|gồm(?:\s+có)?)\s*[:,]?\s*|^{_MARK}\s*", re.I)
_LABEL_NUMBER = re.compile(r"^(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)[.)]\s+(?=\S)")
# a label that ends with how it sums (`...: (15.1+15.2)`, `(=1+2)`): not part of the name
_SUM_TAIL = re.compile(r"\s*:?\s*\(\s*=?\s*[\dIVX.]+(?:\s*[+-]\s*[\dIVX.]+)+\s*\)\s*$")


@dataclass
class Reading:
    """How one table is read: its columns and the choices made for the whole table."""

    grid: Grid
    columns: list[Column]
    label: int
    kpi: bool
    caption_unit: str | None
    values: list[Column] = field(default_factory=list)
    main: Column | None = None
    named_by_label: bool = True  # the label says what is measured (`Chỉ tiêu`), not who (`Đơn vị`)
    agency: int | None = None  # a column naming the body each row's figures are of, when it changes by row
    latest: set[int] = field(default_factory=set)  # the latest figure of each measure under year groups


# --- cells ---------------------------------------------------------------------------------------


def cell_text(text: str, placed: PlacedTable, row: int, col: int, *, own: bool = False) -> tuple[str, bool]:
    """(text, covered) of the cell covering grid column `col` of row `row`; with `own`, only a cell
    that starts there (a figure merged across two value columns belongs to the first one)."""
    for c in placed.table.rows[row].cells:
        if c.col <= col < c.col + c.colspan:
            if own and c.col != col:
                return "", False
            return text[c.start : c.end].strip(), c.covered
    return "", False


# --- columns -------------------------------------------------------------------------------------


def read_columns(text: str, placed: PlacedTable) -> Reading | None:
    """What each column holds, the label column, and whether it is a KPI table; None: nothing to read."""
    grid = placed.grid
    rows = [k for k, _ in grid.data_rows()]
    if not grid.header_rows or not rows:
        return None
    columns: list[Column] = []
    for col, words in enumerate(grid.columns):
        cells = [t for k in rows if (t := cell_text(text, placed, k, col, own=True)[0])]
        figures = sum(1 for t in cells if read_cell(t) is not None or read_parts(t))
        column = Column(col, words)
        classify(column, bool(cells) and figures >= MIN_FIGURE_SHARE * len(cells))
        fractions = sum(1 for t in cells if (got := read_cell(t)) is not None and got.target is not None)
        if column.role in ("plan", "compare") and "/" in column.header and fractions >= MIN_FIGURE_SHARE * len(cells):
            column.role, column.basis = "value", "other"  # `Điểm đạt/Điểm tối đa` over `16/18`: x of y, not a plan
        if column.role == "text" and col == 0 and cells and all(NUMBERING.match(t) for t in cells):
            column.role = "number"
        elif not cells and all(cell_text(text, placed, k, col)[0] for k in rows):
            column.role = "span"  # every row's cell here starts in a column before: no column of its own
        columns.append(column)
    label = next((c.col for c in columns if c.role in ("text", "unit") and c.col <= 2), None)
    if label is None:
        return None
    label = _label_column(text, placed, columns, label, rows)
    columns[label].role = "label"
    agency = _agency_column(text, placed, columns, rows)
    if not any(c.role == "unit" for c in columns):  # `Đơn vị` can only be a unit column after the label
        for c in columns[label + 1 :]:
            if c.role == "text" and UNIT_HEAD.match(c.words[-1] if c.words else ""):
                c.role = "unit"
    caption_unit = _caption_unit(text, placed) or unit_in(columns[label].header)  # `Nội dung (ĐVT: triệu đồng)`
    reading = Reading(grid, columns, label, False, caption_unit, agency=agency)
    reading.named_by_label = not ENTITY_LABEL.search(columns[label].header) and not _names_places(
        text, placed, label, rows
    )
    reading.values = [c for c in columns if c.role == "value"]
    inherit_counts(columns)
    link_shares(columns, reading.values, rows, lambda k, col: read_cell(cell_text(text, placed, k, col, own=True)[0]))
    infer_bases(columns)
    values = [c for c in columns if c.role == "value"]
    numerator = apply_formulas(columns, formulas(_column_numbers(text, placed)), lambda c: earlier_basis(c, values))
    plans = [c for c in columns if c.role == "plan"]
    values = [c for c in columns if c.role == "value"]
    for c in columns:  # `Tỷ lệ` with no basis beside a plan and an actual: the share of the plan
        if c.role == "value" and plans and len(values) > 1 and re.match(r"t[ỷỉ] lệ", c.header, re.I):
            c.role, c.basis = "compare", "plan"
    reading.values = [c for c in columns if c.role == "value"]
    reading.kpi = kpi = (
        any(c.role in ("plan", "compare", "unit") for c in columns)
        or bool(_KPI_LABEL.search(columns[label].header))
        or any(older_year(c, reading.values) for c in reading.values)  # `Năm 2024 | Năm 2025`
    )
    if kpi and reading.values:
        current = [c for c in reading.values if not EARLIER.search(c.header) and not older_year(c, reading.values)]
        actual = [c for c in current if ACTUAL.search(c.header)]
        reading.main = (actual or current or reading.values)[-1]
        if numerator is not None and numerator in reading.values:
            reading.main = numerator  # `(7)=(6)/(4)`: the table says what its percentages were computed from
        elif len(current) > 1:
            reading.main = _computed_from(text, placed, reading, current, rows) or reading.main
    if not reading.values and not any(c.role == "compare" for c in columns):
        return None
    if reading.kpi:  # `Năm 2024 | Năm 2025` over `Số vụ | Số đối tượng`
        repeated = measures(columns)
        for c in reading.values:
            if (
                len(c.words) > 1
                and c.words[-1] in repeated
                and not (EARLIER.search(c.header) or older_year(c, reading.values))
            ):
                reading.latest.add(c.col)
    return reading


def _label_column(text: str, placed: PlacedTable, columns: list[Column], label: int, rows: list[int]) -> int:
    """The row-label column: the first text column, unless it only groups the rows (`Lĩnh vực`,
    `Nhóm chỉ tiêu`: merged down, left blank or repeated) and the text column after it names each row
    (`Chỉ tiêu`, `Chỉ số`; `table_labels`)."""
    after = columns[label + 1] if label + 1 < len(columns) else None
    if after is None or after.role != "text":
        return label
    if _KPI_LABEL.search(after.header) and not _KPI_LABEL.search(columns[label].header):
        return after.col
    own, gaps = column_cells(text, placed, label, rows), 0
    for k in rows:
        cell, covered = cell_text(text, placed, k, label)
        gaps += bool((covered or not cell) and cell_text(text, placed, k, after.col)[0])
    next_cells = column_cells(text, placed, after.col, rows)
    if holds_bodies(next_cells):
        return label  # `Chỉ tiêu` repeated beside `Cơ quan thực hiện`: the bodies are whose, not what
    if gaps or groups_rows(columns[label].header, own, next_cells):
        return after.col
    return label


def column_cells(text: str, placed: PlacedTable, col: int, rows: list[int]) -> list[str]:
    """A column's cell text per data row, a cell merged down read on every row it covers."""
    out: list[str] = []
    for k in rows:
        cell, covered = cell_text(text, placed, k, col)
        out.append(out[-1] if covered and out else cell)
    return out


def _agency_column(text: str, placed: PlacedTable, columns: list[Column], rows: list[int]) -> int | None:
    """Mark the `Đơn vị`/`Cơ quan` columns that name bodies, not units (`Sở Y tế - Tỉnh Lâm Đồng`),
    as `agency`; the one whose body changes from row to row names whose each row's figures are."""
    found: int | None = None
    for c in columns:
        head = c.words[-1] if c.words else ""
        if c.role not in ("unit", "text") or not (UNIT_HEAD.match(head) or ENTITY_LABEL.search(head)):
            continue
        cells = column_cells(text, placed, c.col, rows)
        if holds_bodies(cells):
            c.role = "agency"
            found = c.col if found is None and varies(cells) and names_whose(c.header) else found
    return found


def _column_numbers(text: str, placed: PlacedTable) -> dict[int, str]:
    """The header's row of column numbers (`(1) | (2) | (3)=(2)/(1)`), by grid column; empty when none."""
    for row in placed.table.rows[: placed.grid.header_rows]:
        texts = {c.col: text[c.start : c.end].strip() for c in row.cells if not c.covered}
        if is_column_numbers(list(texts.values())):
            return texts
    return {}


def _names_places(text: str, placed: PlacedTable, label: int, rows: list[int]) -> bool:
    """Whether the label column names places or bodies (`Xã Cốc San`), whatever its header says."""
    return names_places([row_label(cell_text(text, placed, k, label)[0])[0] for k in rows])


def _computed_from(
    text: str, placed: PlacedTable, reading: Reading, current: list[Column], rows: list[int]
) -> Column | None:
    """The figure of the period the table's percentages were computed from (`table_links`)."""
    ratios = [c for c in reading.columns if c.role == "compare"]
    if not ratios:
        return None
    plans = [c for c in reading.columns if c.role == "plan"]
    earlier = next((c for c in reading.values if c not in current), None)

    seen: dict[tuple[int, int], float | None] = {}

    def figure(k: int, col: int) -> float | None:
        if (k, col) not in seen:
            got = read_cell(cell_text(text, placed, k, col, own=True)[0])
            seen[k, col] = got.value if got is not None else None
        return seen[k, col]

    return computed_from(current, ratios, plans, earlier, figure, rows)


def _caption_unit(text: str, placed: PlacedTable) -> str | None:
    """`ĐVT: triệu đồng` on the line above the table, or as a row of one cell at its top."""
    before = text[max(0, placed.table.start - 200) : placed.table.start].rstrip().rsplit("\n", 1)[-1]
    candidates = [before] if len(before) <= MAX_CAPTION_CHARS else []
    for row in placed.table.rows[: placed.grid.header_rows + 1]:
        filled = [text[c.start : c.end] for c in row.cells if text[c.start : c.end].strip()]
        if len(filled) == 1:
            candidates.append(filled[0])
    for line in candidates:
        if m := _CAPTION_UNIT.search(line.strip()):
            return unit_in(f"({m.group(1)})")
    return None


# --- rows ----------------------------------------------------------------------------------------


def row_label(raw: str) -> tuple[str, bool]:
    """(name, is a breakdown child): markers, a row number written in the label (`1. `, `II. `) and
    a trailing `:` removed."""
    name, child = _LABEL_NUMBER.sub("", raw.strip()), False
    if m := _BREAKDOWN.match(name):
        name, child = name[m.end() :], True
    name = _SUM_TAIL.sub("", name)
    return name.strip().rstrip(":;.,").strip(), child
