"""Figures written as sentences inside a table's text cells. Pure.

Tables of the genre often carry a column of prose beside their label and scores: the evidence
of an index self-assessment (`Tài liệu kiểm chứng`: `... kiểm tra 42/139 đơn vị, đạt 30,2%`), the
results column of a task list (`Kết quả thực hiện`), a long `Ghi chú`. The KPI reader
(`rules/tables.py`) reads a row's figure columns; the figures in such a cell are read by the
sentence rules inside the cell, so each quote is the shortest span of the cell that holds them
(eval/LABELING.md) and never runs into the next cell.

A prose column is a text column after the row label whose cells are long (`PROSE_CHARS` on
average): short text columns (units, names of localities, `Đạt`/`Không đạt`) hold no sentences.
A column that says how to score or what is required (`Cách chấm điểm`, `Yêu cầu`, `Hướng dẫn`)
holds rules (`Từ 20% trở lên thì điểm đánh giá ...`), not results of the period: it is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from llmx.rules.table_cells import NUMBERING, read_cell
from llmx.sections import PlacedTable

PROSE_CHARS = 60  # average length of a column's filled cells for it to be read as sentences
_DIGIT = re.compile(r"\d")
_RULES = re.compile(
    r"cách (?:chấm|tính|đánh giá|xác định)|phương pháp|hướng dẫn|yêu cầu|thang điểm|tiêu chuẩn|điều kiện", re.I
)


def prose_cells(text: str, placed: PlacedTable) -> Iterator[tuple[int, int, int]]:
    """(row index, start, end) of every cell of the table's prose columns that holds a digit."""
    rows = placed.grid.data_rows()
    if not rows:
        return
    by_col: dict[int, list[tuple[int, int, int]]] = {}
    for k, row in rows:
        for cell in row.cells:
            if not cell.covered and cell.end > cell.start:
                by_col.setdefault(cell.col, []).append((k, cell.start, cell.end))
    text_cols = []
    for col in sorted(by_col):
        cells = [text[s:e].strip() for _, s, e in by_col[col]]
        filled = [c for c in cells if c]
        if not filled or all(NUMBERING.match(c) for c in filled):
            continue  # an empty or a numbering column (`STT`, `1.1`, `a`)
        figures = sum(1 for c in filled if read_cell(c) is not None)
        if figures * 2 < len(filled):
            text_cols.append((col, sum(len(c) for c in filled) / len(filled)))
    headers = placed.grid.columns
    for col, mean in text_cols[1:]:  # the first text column is the row's label
        if mean >= PROSE_CHARS and not (col < len(headers) and _RULES.search(" ".join(headers[col]))):
            for k, s, e in by_col[col]:
                if _DIGIT.search(text, s, e):
                    yield k, s, e
