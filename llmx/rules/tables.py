"""KPI tables by rule (SPEC 4, eval/LABELING.md "Tables"): each measured quantity of a row is one indicator.

A table row is one line of the text (`cells | joined | like | this`), so an indicator's quote is
the whole row line. The columns are named by the header rows (`llmx.grids`); what a column holds
is read from its header words, with the data cells deciding where the words say nothing:

* `STT`/`TT` (and a first column of row numbers `1`, `1.1`, `I`, `a`) is numbering: ignored;
  bare ranks (`Thứ hạng`, `Xếp loại`) are ordinals: ignored (SPEC excludes ordinals), but a rank
  out of N (`12/63`, or under `Xếp hạng (trên 34 tỉnh)`) is an indicator (`table_scores`);
  `Ghi chú` is ignored too;
* the first column of text is the row label, the indicator's name (unless it only groups the rows,
  `Lĩnh vực` merged down or `NHÓM CHỈ TIÊU` repeated beside `Chỉ tiêu`/`CHỈ SỐ`: `table_labels`);
  `ĐVT`/`Đơn vị tính` is the unit column, but an `Đơn vị`/`Cơ quan` column of bodies (`Sở Y tế`) is
  no unit: when its body changes by row it leads the name; a row whose label says its figure is a
  code (`có ghi 1, không ghi 0`) gives nothing;
* a plan column (`Kế hoạch`, `KH năm`, `Dự toán`, `Chỉ tiêu giao`, a `tối đa` score) gives the target;
* a comparison column (`% KH`, `TH/KH (%)`, `So với KH (%)`, `So với cùng kỳ (%)`, `Tăng/giảm so
  cùng kỳ (%)`, `So sánh` over `KH | CK`) gives a comparison whose `basis_text` is the column
  header as written; one that names no basis (`Tỷ lệ (%)`, `Đạt (%)`, `Tăng/giảm`) compares with
  the plan column or the earlier column beside it (`llmx.rules.table_columns`), or with what a
  column-number formula (`(7)=(6)/(4)`) divides by (`llmx.rules.table_links`);
* a bare `Tỷ lệ (%)` that is the share of the score or count beside it is a comparison of that
  figure (`table_shares`); a self-assessed score (`Điểm tự đánh giá`) is the earlier figure of an
  appraised one, and a `Điểm tối đa` column the maximum of every score (basis `other`);
* every other column of figures is a value column (`Thực hiện`, `TH 6 tháng`, `Ước TH` -> estimated,
  `Năm 2024 | Năm 2025`, `Cùng kỳ`).

A row gives one indicator per value column. In a KPI table (a plan, comparison or unit column,
or a `Chỉ tiêu` label) the main value column carries the target and the comparisons and the row
label as its name: the figure the percentages were computed from (a formula, else the arithmetic
of the rows, `table_links`), else the last actual/estimate of the period; other value columns are
named `label - column header` and take a plan of their own header group (`Năm 2024` over `KH | TH`)
as target (the main one is named so too when the label column names who, not what: `Đơn vị`,
`Địa phương`, or labels such as `Xã Cốc San`). A table of names and figures with no KPI header (`Đơn vị | Số lượng`) is
read the same way, conservatively: every indicator is named `label - column header`, only
columns that are mostly figures count, and a table without a header row or a label column gives
nothing. A sub-row (`Trong đó: ...`, `- ...`, `+ ...`, `a) ...`, or rows after a `Trong đó` row)
is named `Parent - child`. Units come from the cell (`99,9%`), the unit column, the column header
(`Giá trị (tỷ đồng)`), the row label (`Diện tích (ha)`, `Số đối tượng ...`, `Tỷ lệ ...` -> `%`) or
the caption (`ĐVT: triệu đồng`), in that order. Cells are read by `llmx.rules.table_cells` (a
malformed `17, 66` is a figure with no value). Tables in task sections hold next-period targets
and are skipped, like text figures there. Every indicator is flagged `table_cell` and carries its
table id and row index. Pure.
"""

from __future__ import annotations

import re
from itertools import pairwise

from llmx.contract import Approx, Comparison, Indicator, Section, Sector
from llmx.rules.comparisons import AS_OF_RE, as_of_date
from llmx.rules.name_words import lc_first
from llmx.rules.table_cells import Cell, read_cell, read_parts, unit_cell
from llmx.rules.table_columns import (
    ESTIMATE,
    Column,
    cell_comparison,
    label_unit,
    part_names,
    unit_in,
)
from llmx.rules.table_links import plan_of
from llmx.rules.table_reading import Reading, cell_text, column_cells, read_columns, row_label
from llmx.rules.table_scores import RANK_UNIT, points_unit, ranked_out_of
from llmx.sections import Layout, PlacedTable
from llmx.sectors import detect_sector

FLAG = "table_cell"
MAX_LABEL_CHARS = 300  # a longer first text cell is prose, not a row label (unless the other rows are labels)

_BREAKDOWN_NUMBER = re.compile(r"^(?:[-+•*–]|[a-zđ][.)]?)$")
_TRONG_DO = re.compile(r"^(?:[-+•*–]\s*)?(?:trong\s+đó(?:\s+có)?|bao\s+gồm|gồm(?:\s+có)?)\s*:?$", re.I)
# a label that says its figure is a code (`(có ghi 1, không ghi 0)`, `Có = 1; Không = 0`)
_CODED_LABEL = re.compile(r"\bghi\s+[01]\b|=\s*[01]\b", re.I)

_PARENS = re.compile(r"\s*\([^()]*\)")


def find_table_indicators(text: str, layout: Layout) -> list[Indicator]:
    """Indicators of every data table outside the task sections (see the module docstring)."""
    sections = {s.id: s for s in layout.sections}
    found: list[Indicator] = []
    for placed in layout.tables:
        section = sections.get(placed.section_id or "")
        if section is not None and section.role == "tasks":
            continue
        reading = read_columns(text, placed)
        if reading is not None:
            found.extend(_read_rows(text, placed, reading, section))
    return found


def _read_rows(text: str, placed: PlacedTable, reading: Reading, section: Section | None) -> list[Indicator]:
    found: list[Indicator] = []
    numbering = next((c.col for c in reading.columns if c.role == "number"), None)
    parent: str | None = None  # the last row that is not a breakdown: what children are part of
    in_breakdown = False  # after a `Trong đó` row, unnumbered rows are children
    above = ""  # the label of the row above, for a label merged down into this row
    labels = [cell_text(text, placed, k, reading.label)[0] for k, _ in placed.grid.data_rows()]
    short_labels = any(0 < len(t) <= MAX_LABEL_CHARS for t in labels)  # a table of row labels, not of prose
    rows = [k for k, _ in placed.grid.data_rows()]
    bodies = dict(zip(rows, column_cells(text, placed, reading.agency, rows), strict=True)) if reading.agency else {}
    for k in rows:
        raw, covered = cell_text(text, placed, k, reading.label)
        raw = above if covered else raw
        above = raw
        number = cell_text(text, placed, k, numbering)[0] if numbering is not None else ""
        name, child = row_label(raw)
        if _TRONG_DO.match(raw.strip()):
            in_breakdown = True
            continue
        if (number and not _BREAKDOWN_NUMBER.match(number)) or (numbering is None and not child):
            in_breakdown = False  # a numbered row, or (no numbering) an unmarked row, ends the breakdown
        child = child or in_breakdown or bool(number and _BREAKDOWN_NUMBER.match(number))
        if len(name) > MAX_LABEL_CHARS and short_labels:  # a long label among short ones: its first clause
            name = name.split(";")[0][:MAX_LABEL_CHARS].rsplit(" ", 1)[0].rstrip(" ,:")
        if not name or len(name) > MAX_LABEL_CHARS:
            continue
        full = f"{parent} - {lc_first(name)}" if child and parent else name
        if not child:
            parent = name
        if body := " ".join(bodies.get(k, "").split()):  # rows of several bodies: whose figure it is
            full = f"{body} - {full}"
        found.extend(_row_indicators(text, placed, reading, k, full, section))
    return found


def _row_indicators(
    text: str, placed: PlacedTable, reading: Reading, k: int, name: str, section: Section | None
) -> list[Indicator]:
    row = placed.table.rows[k]

    seen: dict[int, Cell | None] = {}

    def cell(col: Column) -> Cell | None:
        if col.col not in seen:
            raw, covered = cell_text(text, placed, k, col.col, own=True)
            seen[col.col] = None if covered or not raw else read_cell(raw)
        return seen[col.col]

    unit_col = next((c for c in reading.columns if c.role == "unit"), None)
    unit_raw = cell_text(text, placed, k, unit_col.col)[0] if unit_col else ""
    if "=" in unit_raw or _CODED_LABEL.search(name):
        return []  # `Không = 0, Có = 1`, `(có ghi 1, không ghi 0)`: the figure is a code, not a quantity
    row_unit = unit_cell(unit_raw)
    named_unit = unit_in(name)
    base = re.sub(r"\s*\([^()]*\)\s*$", "", name) if named_unit else name
    named_unit = named_unit or label_unit(re.sub(r"^.* - ", "", base))
    plans = [c for c in reading.columns if c.role == "plan"]
    main_cell = cell(reading.main) if reading.main is not None else None
    value_unit = row_unit or (main_cell.unit if main_cell else None) or (reading.main.unit if reading.main else None)
    value_unit = value_unit or named_unit or reading.caption_unit  # what a change column's amount is counted in
    compared = [
        (c, got)
        for c in reading.columns
        if c.role == "compare" and (got := cell(c)) is not None and got.value is not None
    ]
    comparisons = [cell_comparison(c, got, value_unit) for c, got in compared if c.of is None]
    sector = _sector(base, section)
    quote = text[row.start : row.end]
    shares = {c.of: c for c in reading.columns if c.role == "share" and c.words}

    def make(
        named: str,
        value: float | None,
        unit: str | None,
        target: float | None,
        comps: list[Comparison],
        approx: Approx | None,
    ) -> Indicator:
        return Indicator(
            id="", name=named, value=value, unit=unit, target=target, comparisons=comps, approx=approx,
            sector=sector, quote=quote, start=row.start, end=row.end, flags=[FLAG], table_id=placed.id, table_row=k,
        )  # fmt: skip

    def _parts(col: Column) -> list[tuple[str, str | None, float]]:
        raw, covered = cell_text(text, placed, k, col.col, own=True)
        figures = () if covered else read_parts(raw)
        names = part_names(col, len(figures)) if figures else None
        return [(n, u, v) for (n, u), v in zip(names, figures, strict=True)] if names else []

    out: list[Indicator] = []
    main_col = _named_by_row(reading, named_unit or points_unit(re.sub(r"^.* - ", "", base)))
    targets = [(c, cell(c)) for c in reading.values] if reading.values else [(None, None)]
    for col, got in targets:
        main = col is main_col or (col is None and bool(comparisons))
        if col is not None and got is None:
            parts = _parts(col)  # `x/y/z` of nested totals: x of y, y of z (gold 11)
            out.extend(
                make(f"{base} - {n}", v, u or row_unit, of, [], None) for (n, u, v), (_, _, of) in pairwise(parts)
            )
            continue
        if col is None and not comparisons:
            continue
        unit = (got.unit if got else None) or row_unit or (col.unit if col else None) or named_unit
        unit = unit or (reading.caption_unit if got is not None and got.unit is None else None)
        header = col.header if col is not None else ""
        target = got.target if got and got.target is not None else None
        plan = plan_of(col, plans, main=main) if col is not None else (plans[0] if plans and main else None)
        plan_cell = cell(plan) if plan is not None and target is None else None
        if plan is not None and plan_cell is not None and plan_cell.value is not None:
            plan_unit = plan_cell.unit or plan.unit or row_unit
            target = plan_cell.value if (plan_unit == "%") == (unit == "%") else None  # never % against a count
        comps = list(comparisons) if main else []
        if col is not None:  # `So sánh (%)` over `Số vụ`: the comparison of this measure's latest figure
            comps += [cell_comparison(c, g, unit) for c, g in compared if c.of == col.col]
        if got is not None and got.pct is not None:
            comps.append(Comparison(basis="other", basis_text=header, relation="ratio", pct=got.pct))
        share = shares.get(col.col) if col is not None else None
        if share is not None and (part := cell(share)) is not None and part.value is not None:
            comps.append(Comparison(basis="other", basis_text=share.words[-1], relation="ratio", pct=part.value))
        as_of = as_of_date(m) if col is not None and (m := AS_OF_RE.search(header)) else None
        named = base if (main and reading.named_by_label) or not header else f"{base} - {header}"
        if col is not None and col.col in reading.latest and len(reading.latest) > 1 and reading.named_by_label:
            named = f"{base} - {col.words[-1]}"  # `Năm 2025` over `Số vụ | Số đối tượng`: the measure names it
        out.append(make(named, got.value if got else None, unit, target, comps, got.approx if got else None))
        out[-1].estimated, out[-1].as_of = bool(col is not None and ESTIMATE.search(header)), as_of
        if got is not None and got.flag:
            out[-1].flags.append(got.flag)
    for col in reading.columns:  # a rank `12/63` is an indicator of its own; a bare `12` is an ordinal
        if col.role != "rank" or (got := cell(col)) is None or got.value is None:
            continue
        if (of := got.target if got.target is not None else ranked_out_of(col.header)) and got.value <= of:
            out.append(make(f"{base} - {col.header}", got.value, RANK_UNIT, of, [], None))
    return out


def _named_by_row(reading: Reading, unit: str | None) -> Column | None:
    """The value column a row's label names: the main one, unless the label says it measures a rate
    or a score (`Tỷ lệ ...`, `Điểm ...`) and one value column, and only it, holds that (a
    `Tỷ lệ % | Điểm đánh giá` pair: the rate is the label's figure, the score is `label - Điểm ...`).
    Comparisons go with the main column, so a table of comparison columns keeps it."""
    main = reading.main
    if unit is None or (main is not None and main.unit == unit) or not reading.named_by_label:
        return main
    if any(c.role == "compare" for c in reading.columns):
        return main
    holding = [c for c in reading.values if c.unit == unit]
    return holding[0] if len(holding) == 1 else main


def _sector(name: str, section: Section | None) -> Sector:
    return (
        detect_sector(name, strong_only=True) or (section.sector if section else None) or detect_sector(name) or "other"
    )
